// The cursor slots of a query's clauses (ClauseSet, clauses.hpp, binds them) and what
// a phrase clause computes from its slots alone: its occurrences in a document as a
// BM25F pseudo frequency, and an implicit phrase's own idf. A clause's slots are
// slots[first, first + count), in the order of its terms; a phrase clause has at most
// kMaxQueryTerms of them. Nothing here allocates or keeps a pointer.
#pragma once

#include <cstdint>

#include "corpus/search/index.hpp"
#include "corpus/search/postings.hpp"
#include "corpus/search/query_types.hpp"

namespace corpus::search {

struct CursorSlot {
  PostingCursor cursor;
  uint32_t idf = 0;     // bm25.hpp idf_weight
  uint32_t offset = 0;  // position offset within its phrase
};

struct ClauseState {
  uint32_t first = 0, count = 0;  // cursor slots
  uint32_t ub = 0;                // upper bound of the clause's score
  uint32_t cand = 0;              // next candidate doc, once `known`
  bool known = false;             // cand is valid for every target <= cand
  bool missing = false;           // can never match (a term is not in the index)
  bool any_of = false;            // a term clause searched as its typo candidates: any one matches
};

namespace detail {

// An implicit phrase's own idf, 0 for every other clause (a phrase then scores as
// the sum of its members). A bigram (a long run's, or a run of 2): its rarer
// character's, whose df bounds the bigram's. A run of 3 or 4, asked as one phrase,
// stands for what a long run asks of it: each character and each bigram, so its
// members' idfs plus each adjacent pair's rarer one (MLQA zh nDCG@10 0.8236 -> 0.8277;
// the members' alone 0.8262, the bigrams' alone 0.8261).
inline uint32_t implicit_phrase_idf(const Clause& cl, const ClauseState& st, const CursorSlot* slots) {
  if (cl.kind != ClauseKind::phrase || !cl.implicit || st.any_of) return 0;
  uint32_t rarest = 0, members = 0, bigrams = 0;
  for (uint32_t i = st.first; i < st.first + st.count; ++i) {
    rarest = slots[i].idf > rarest ? slots[i].idf : rarest;
    members += slots[i].idf;
    if (i > st.first) bigrams += slots[i].idf > slots[i - 1].idf ? slots[i].idf : slots[i - 1].idf;
  }
  return st.count <= 2 ? rarest : members + bigrams;
}

// The phrase of clause state `st` in doc d (all members are on d) as a BM25F pseudo
// frequency: its occurrences, a title one counting title_weight times, or (title
// only) its title occurrences; 0 if none. first_only: stop at the first one (1).
// Title positions come first, so the first occurrence is in the title if any is.
// Reads the members' positions (their cursors' positions()) into `readers`, scratch
// of kMaxQueryTerms position readers.
// Not inlined: inside ClauseSet::match it cost every plain term match 1.5 % more
// instructions (BBC, volumes_cost.sh: 203,686 vs 200,768 per query).
[[gnu::noinline]] inline uint32_t phrase_ftf(const Index& index, const ClauseState& st, CursorSlot* slots,
                                    PositionReader* readers, uint32_t d, bool title_only, bool first_only) {
  const uint32_t n = st.count;
  uint32_t cur[kMaxQueryTerms];
  for (uint32_t i = 0; i < n; ++i) {
    readers[i] = slots[st.first + i].cursor.positions();
    if (!readers[i].next(&cur[i])) return 0;
  }
  const uint32_t title = index.title_tokens(d);
  uint32_t ftf = 0;
  for (;;) {
    // Start position the phrase would need so that every member is at or after it.
    uint32_t start = 0;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t off = slots[st.first + i].offset;
      uint32_t need = cur[i] >= off ? cur[i] - off : 0;
      if (need > start) start = need;
    }
    bool all = true;
    for (uint32_t i = 0; i < n && all; ++i) {
      const uint32_t want = start + slots[st.first + i].offset;
      while (cur[i] < want) {
        if (!readers[i].next(&cur[i])) return ftf;
      }
      all = cur[i] == want;
    }
    if (!all) continue;
    const bool in_title = start + slots[st.first + n - 1].offset < title;
    if (title_only && !in_title) return ftf;
    if (first_only) return 1;
    ftf += in_title ? index.title_weight() : 1;
    if (!readers[0].next(&cur[0])) return ftf;
  }
}

}  // namespace detail

}  // namespace corpus::search
