// Query-side script rules (text/scripts.hpp): how the parser turns the one-character
// tokens of CJK ideographs and no-space scripts into clauses.
//
// A run is a sequence of such tokens adjacent in the query text (nothing between
// them but combining marks). With kSplitNoSpaceScripts, in a plain optional word:
//   1 character                      -> a term
//   2..kMaxRunPhrase characters      -> one implicit phrase: the whole run, in order
//                                       (substring precision: "记者会见" finds only texts
//                                       holding those four characters in a row)
//   more characters (a question)     -> every character as a term and every
//                                       overlapping character bigram as an implicit
//                                       phrase, all OR-ed like words
// Chosen on MLQA zh (bench/scripts, README "Scripts"): strict phrases for longer runs
// lose questions (runs of 5-8: nDCG@10 0.72), bigram phrases without the single
// characters lose recall (0.80); this mix keeps questions within 0.005 of an OR of
// characters (0.811 vs 0.816) while 1-4 character queries get substring precision.
// Implicit phrases and Hangul prefixes are left out like plain optional words when the
// query exceeds its limits (query.hpp, Limits), so a long question still answers.
// Quoted, required and excluded items are phrases already; prefix items are unchanged.
#pragma once

#include <cstdint>
#include <cstddef>
#include <string_view>

#include "corpus/slice.hpp"
#include "corpus/status.hpp"
#include "corpus/text/languages.h"
#include "corpus/text/tokenizer.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_RUN_PHRASE
#define CORPUS_SEARCH_MAX_RUN_PHRASE 4
#endif
/// Longest run (in characters) queried as one phrase; longer runs become bigrams.
constexpr uint32_t kMaxRunPhrase = CORPUS_SEARCH_MAX_RUN_PHRASE;
static_assert(kMaxRunPhrase >= 2 && kMaxRunPhrase <= 16, "runs are held on the stack");

namespace detail {

/// Bytes of the proclitic that starts the Arabic query word typed as `typed`
/// (folded: `folded`), or 0: one of و ف ب ل ك ("and", "so", "with", "for", "as")
/// before at least four more letters. The query parser then asks for the word's stem
/// or the stem of the word without it (alternatives, scored by the better): the
/// Snowball Arabic stemmer keeps these letters on many words ("لسكان" "for the
/// residents", "لجورج" "to George") and strips a و that belongs to the word
/// ("وظيفتها" -> "ظيف"), so either stem may be the one the passage's word has. MLQA
/// ar nDCG@10 0.740 -> 0.744 with words of 5+ letters (3+: 0.740, 4+: 0.743, 6+:
/// 0.743, 7+: 0.739; shorter words are mostly the clitic-free words themselves).
/// Query side only: the index is unchanged.
inline size_t arabic_proclitic_bytes(uint8_t language, std::string_view typed, std::string_view folded) {
  if (language != CORPUS_LANG_arabic || typed.size() < 10 || folded.size() < 10 ||
      corpus::slice(typed, 0, 2) != corpus::slice(folded, 0, 2)) {
    return 0;
  }
  const auto b0 = static_cast<unsigned char>(folded[0]), b1 = static_cast<unsigned char>(folded[1]);
  const bool proclitic = (b0 == 0xD9 && (b1 == 0x88 || b1 == 0x81 || b1 == 0x84 || b1 == 0x83)) ||  // و ف ل ك
                         (b0 == 0xD8 && b1 == 0xA8);                                                // ب
  return proclitic ? 2 : 0;
}

/// True when `token` (from `item`) is a one-character token of a run: a CJK
/// ideograph, or a letter of a no-space script when the blob splits them.
inline bool is_run_token(std::string_view item, const text::Token& token, text::TokenizerOptions options) {
  if (!options.has(text::script_bits::kSplitNoSpaceScripts) || token.begin >= item.size()) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(item.data()) + token.begin;
  const uint32_t cp = text::decode_utf8(p, item.size() - token.begin).code_point;
  return text::char_class(cp) == text::CharClass::ideograph || text::is_no_space_letter(cp);
}

/// True when `term` starts with a Hangul character (kHangulPrefix).
inline bool starts_hangul(std::string_view term) {
  if (term.empty()) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(term.data());
  return text::is_hangul(text::decode_utf8(p, term.size()).code_point);
}

/// The clause of `q` (a Query) of `kind` and title flag made of exactly `terms`, or
/// UINT32_MAX: a repeated run or Hangul word adds weight to it.
template <class QueryT, class KindT>
uint32_t find_clause(const QueryT& q, KindT kind, bool title, const std::string_view* terms, uint32_t n) {
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const auto& cl = q.clauses[c];
    if (cl.kind != kind || cl.title_only != title || cl.term_count != n || (!cl.implicit && !title)) continue;
    uint32_t i = 0;
    while (i < n && q.terms[cl.first_term + i].view() == terms[i]) ++i;
    if (i == n) return c;
  }
  return UINT32_MAX;
}

/// True when the last two terms of `q` are `terms` (n == 2) at consecutive offsets:
/// the characters of a long run just added, which its bigram uses rather than copies
/// of them (so a run of 16 characters fits: 16 terms, 31 clauses, 46 cursors).
template <class QueryT>
bool shares_tail(const QueryT& q, const std::string_view* terms, uint32_t n) {
  if (n != 2 || q.term_count < 2) return false;
  const auto& a = q.terms[q.term_count - 2];
  const auto& b = q.terms[q.term_count - 1];
  return a.view() == terms[0] && b.view() == terms[1] && b.offset == a.offset + 1;
}

/// Cursors the clauses of `q` need beyond one per term (sum of term counts - terms):
/// any later term adds at most one cursor, so bind() fits while this stays within
/// kMaxCursors - kMaxQueryTerms.
template <class QueryT>
uint32_t cursor_overlap(const QueryT& q) {
  uint32_t cursors = 0;
  for (uint32_t c = 0; c < q.clause_count; ++c) cursors += q.clauses[c].term_count;
  return cursors > q.term_count ? cursors - q.term_count : 0;
}

/// True when a clause of `q` uses term t (clause term ranges may overlap).
template <class QueryT>
bool term_used(const QueryT& q, uint32_t t) {
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const auto& cl = q.clauses[c];
    if (t >= cl.first_term && t < uint32_t{cl.first_term} + cl.term_count) return true;
  }
  return false;
}

/// Collects run tokens and hands their clauses to emit(const text::Token* tokens,
/// uint32_t n) -> Status: n == 1 a term, n >= 2 an implicit phrase (see above).
class RunSplitter {
 public:
  template <class Emit>
  Status push(const text::Token& token, Emit&& emit) {
    if (count_ > 0 && token.begin != last_.end) {
      Status s = flush(emit);
      if (s != Status::ok) return s;
    }
    if (!long_run_ && count_ < kMaxRunPhrase) {
      held_[count_++] = token;
      last_ = token;
      return Status::ok;
    }
    if (!long_run_) {  // the run outgrew a phrase: its pieces so far
      long_run_ = true;
      for (uint32_t i = 0; i < count_; ++i) {
        Status s = emit(held_ + i, 1);
        if (s == Status::ok && i > 0) s = emit(held_ + i - 1, 2);
        if (s != Status::ok) return s;
      }
    }
    held_[0] = last_;
    held_[1] = token;
    last_ = token;
    Status s = emit(held_ + 1, 1);
    return s != Status::ok ? s : emit(held_, 2);
  }

  template <class Emit>
  Status flush(Emit&& emit) {
    const uint32_t n = count_;
    const bool long_run = long_run_;
    count_ = 0;
    long_run_ = false;
    if (n == 0 || long_run) return Status::ok;
    return emit(held_, n);
  }

 private:
  text::Token held_[kMaxRunPhrase];
  text::Token last_{};
  uint32_t count_ = 0;  // tokens of the current run (capped at kMaxRunPhrase)
  bool long_run_ = false;
};

}  // namespace detail
}  // namespace corpus::search
