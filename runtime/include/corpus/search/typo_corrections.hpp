// Corrections a search used ("did you mean"), their scoring, and the corrected query.
//
// A query word that matches no term and has typo candidates (fuzzy_terms.hpp) is
// searched as its candidates at the smallest distance found, up to kMaxTypoTerms of
// them (one inside a phrase); each scores as the term would, scaled down by
// typo_idf(): 7/8 at distance 1 and 5/8 at distance 2 for the best candidate, half
// that for the others. So a corrected word never outweighs the same word typed
// right, and the best correction outweighs the other candidates.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/fuzzy_terms.hpp"
#include "corpus/search/index_format.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_TYPO_TERMS
#define CORPUS_SEARCH_MAX_TYPO_TERMS 3
#endif
/// Candidates searched for one corrected word (cursors, like prefix expansions).
constexpr uint32_t kMaxTypoTerms = CORPUS_SEARCH_MAX_TYPO_TERMS;
static_assert(kMaxTypoTerms >= 1 && kMaxTypoTerms <= kMaxTypoCandidates, "1..kMaxTypoCandidates");
/// Corrections reported per query (the words past it are still corrected).
constexpr uint32_t kMaxCorrections = 8;

/// SearchResults::flags: some query words were corrected (SearchResults::corrections).
constexpr uint32_t kTyposCorrected = 1u << 2;

/// The idf a candidate of rank `rank` (0: best) at edit distance `distance` scores with.
inline uint32_t typo_idf(uint32_t idf, uint32_t distance, uint32_t rank) {
  const uint32_t eighths = distance <= 1 ? 7 : 5;
  const uint32_t scaled = static_cast<uint32_t>((static_cast<uint64_t>(idf) * eighths) >> 3);
  return rank == 0 ? scaled : scaled / 2;
}

struct Correction {
  uint32_t begin = 0, length = 0;  // the typed word: bytes [begin, begin + length) of the query text
  char text[text::kMaxTermBytes + kMaxDisplayTail];  // the word searched instead (its best candidate)
  uint8_t text_length = 0;
  uint8_t distance = 0;
  std::string_view view() const { return {text, text_length}; }
};

struct Corrections {
  Correction items[kMaxCorrections];
  uint32_t count = 0;  // items[0, count), in query order of the clauses bound

  /// Records that the typed bytes [begin, begin + length) were searched as `best`.
  void add(uint32_t begin, uint32_t length, const TermEntry& entry, const TypoCandidate& best) {
    if (count >= kMaxCorrections) return;
    Correction& c = items[count];
    size_t n = best.form_length;
    if (n > 0) {
      std::memcpy(c.text, best.form, n);
    } else if ((n = entry.display(c.text, sizeof c.text)) == 0) {
      n = entry.length;
      std::memcpy(c.text, entry.term, n);
    }
    c.text_length = static_cast<uint8_t>(n);
    c.begin = begin;
    c.length = length;
    c.distance = best.distance;
    ++count;
  }
};

/// Writes `query` with every corrected word replaced by its correction into out
/// (no terminator); returns the length, or 0 if cap is too small. The corrections
/// must come from a search of this very query text.
inline size_t corrected_query(std::string_view query, const Corrections& corrections, char* out, size_t cap) {
  size_t at = 0, n = 0;
  for (;;) {
    const Correction* next = nullptr;  // the first correction at or after `at`
    for (uint32_t i = 0; i < corrections.count; ++i) {
      const Correction& c = corrections.items[i];
      if (c.begin >= at && c.begin + c.length <= query.size() && (next == nullptr || c.begin < next->begin)) {
        next = &c;
      }
    }
    const size_t until = next ? next->begin : query.size();
    if (n + (until - at) > cap) return 0;
    std::memcpy(out + n, query.data() + at, until - at);
    n += until - at;
    if (next == nullptr) return n;
    if (n + next->text_length > cap) return 0;
    std::memcpy(out + n, next->text, next->text_length);
    n += next->text_length;
    at = next->begin + (next->length > 0 ? next->length : 1);
  }
}

}  // namespace corpus::search
