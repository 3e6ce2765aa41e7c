// Snippet marking of phrase clauses: a word is marked for a phrase (a quoted phrase,
// or the implicit phrase of a run of CJK / Thai characters, script_query.hpp) only
// where the whole phrase occurs, not wherever one of its members does ("สวัสดี" marks
// that word, not every "ว" of the text). No allocation: the last kMaxQueryTerms
// words wait in a ring until no phrase can still end after them.
#pragma once

#include <cstdint>

#include "corpus/search/query.hpp"

namespace corpus::search::detail {

static_assert(kMaxQueryTerms <= 64, "snippet() keeps term sets in 64-bit masks");

class PhraseMarker {
 public:
  explicit PhraseMarker(const Query& q) : q_(q) {}

  /// Adds the next word: `mask` its term and prefix clauses, `terms` the query terms
  /// it equals. f(begin, end, mask) receives each word once its phrases are known;
  /// false when f asked to stop.
  template <typename F>
  bool add(uint32_t begin, uint32_t end, uint32_t position, uint32_t mask, uint64_t terms, F& f) {
    if (size_ == kRing && !emit_oldest(f)) return false;
    ring_[(head_ + size_) % kRing] = Word{begin, end, position, mask, terms};
    ++size_;
    mark_phrases_ending_here();
    return true;
  }

  /// Hands f the words still held.
  template <typename F>
  void flush(F& f) {
    while (size_ > 0 && emit_oldest(f)) {
    }
  }

 private:
  static constexpr uint32_t kRing = kMaxQueryTerms;
  struct Word {
    uint32_t begin, end, position, mask;
    uint64_t terms;
  };

  template <typename F>
  bool emit_oldest(F& f) {
    const Word w = ring_[head_];
    head_ = (head_ + 1) % kRing;
    --size_;
    return f(w.begin, w.end, w.mask);
  }

  // The held word at `position`, or null.
  Word* at(uint32_t position) {
    for (uint32_t i = size_; i-- > 0;) {
      Word& w = ring_[(head_ + i) % kRing];
      if (w.position == position) return &w;
      if (w.position < position) return nullptr;
    }
    return nullptr;
  }

  // Each phrase whose last member is the newest word and whose other members are
  // the words at their offsets marks all of them.
  void mark_phrases_ending_here() {
    const Word& last = ring_[(head_ + size_ - 1) % kRing];
    for (uint32_t c = 0; c < q_.clause_count; ++c) {
      const Clause& cl = q_.clauses[c];
      if (cl.kind != ClauseKind::phrase || cl.occur == Occur::must_not || cl.term_count == 0) continue;
      const uint32_t final_term = cl.first_term + cl.term_count - 1u;
      if (((last.terms >> final_term) & 1u) == 0) continue;
      if (!members_at_offsets(cl, last.position)) continue;
      for (uint32_t t = cl.first_term; t <= final_term; ++t) {
        at(member_position(cl, t, last.position))->mask |= 1u << c;
      }
    }
  }

  uint32_t member_position(const Clause& cl, uint32_t t, uint32_t last_position) const {
    const uint32_t final_offset = q_.terms[cl.first_term + cl.term_count - 1u].offset;
    return last_position - (final_offset - q_.terms[t].offset);
  }

  bool members_at_offsets(const Clause& cl, uint32_t last_position) {
    const uint32_t final_offset = q_.terms[cl.first_term + cl.term_count - 1u].offset;
    if (last_position < final_offset - q_.terms[cl.first_term].offset) return false;
    for (uint32_t t = cl.first_term; t + 1u < cl.first_term + cl.term_count; ++t) {
      const Word* w = at(member_position(cl, t, last_position));
      if (w == nullptr || ((w->terms >> t) & 1u) == 0) return false;
    }
    return true;
  }

  const Query& q_;
  Word ring_[kRing];
  uint32_t head_ = 0, size_ = 0;
};

}  // namespace corpus::search::detail
