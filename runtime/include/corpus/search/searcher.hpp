// search(): runs a query over an Index into a caller-provided SearchWorkspace.
//
// Memory: everything lives in the SearchWorkspace (sizeof is about 14 KB with the
// default limits below; put it in .bss or a static). Nothing is allocated, no
// floating point is used, the stack use is small (< 1 KB).
// Limits (compile-time, override with -D before including): kMaxResults results
// (SearchOptions::k), kMaxClauses / kMaxQueryTerms / kMaxQueryBytes (query.hpp),
// kMaxCursors / kMaxPrefixTerms (clauses.hpp). Exceeding one gives
// Status::limit_exceeded, never a silent wrong answer (prefix truncation is flagged).
//
// Algorithm: document-at-a-time over the clauses' cursors with a k-sized heap.
// Sorted by relevance, optional clauses use MaxScore with block-max bounds: clauses
// whose summed upper bounds cannot lift a document above the k-th score are only
// probed for candidates of the others, and a probe stops as soon as the block-max
// bounds of the remaining clauses cannot reach it. Required clauses drive the
// candidates (the rarest first); excluded clauses and the date filter veto them.
// Ties rank the lower article index first, so results are deterministic.
#pragma once

#include <cstdint>
#include <string_view>

#include "corpus/search/clauses.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_RESULTS
#define CORPUS_SEARCH_MAX_RESULTS 100
#endif
constexpr uint32_t kMaxResults = CORPUS_SEARCH_MAX_RESULTS;

enum class SortOrder : uint8_t { relevance, newest_first, oldest_first };

struct SearchOptions {
  uint32_t k = 10;  // results wanted, 1..kMaxResults
  SortOrder sort = SortOrder::relevance;
  bool date_filter = false;  // keep only articles with a date in [date_from, date_to]
  int64_t date_from = INT64_MIN, date_to = INT64_MAX;  // seconds since the epoch, UTC
  ParseOptions parse;
};

struct SearchHit {
  uint32_t article = 0;  // index in the blob (Blob::article())
  uint32_t score = 0;    // bm25.hpp units; comparable within one query only
  int64_t date = 0;      // valid if has_date
  bool has_date = false;
};

struct SearchResults {
  SearchHit hits[kMaxResults];
  uint32_t count = 0;     // hits[0, count), best first
  uint32_t matched = 0;   // documents that matched and were scored (a lower bound
                          // of all matches when relevance pruning skipped some)
  uint32_t flags = 0;     // kPrefixTruncated
};

struct SearchWorkspace {
  Query query;
  ClauseSet set;
  SearchResults results;
  uint32_t order[kMaxClauses];       // optional clauses, ascending upper bound
  uint32_t prefix_ub[kMaxClauses];   // summed upper bounds of order[0..i]
  uint32_t block_ub[kMaxClauses];    // summed block-max bounds of order[0..i] at a doc
};

namespace detail {

inline bool doc_date(const Index& index, uint32_t doc, int64_t* date) {
  const Blob* blob = index.blob();
  return blob != nullptr && blob->date(doc, date);
}

// True if a ranks below b (a is the one to evict).
inline bool worse(const SearchHit& a, const SearchHit& b, SortOrder sort) {
  if (sort != SortOrder::relevance) {
    int64_t da = a.has_date ? a.date : INT64_MIN, db = b.has_date ? b.date : INT64_MIN;
    if (sort == SortOrder::oldest_first) {
      da = a.has_date ? a.date : INT64_MAX;
      db = b.has_date ? b.date : INT64_MAX;
      if (da != db) return da > db;
    } else if (da != db) {
      return da < db;
    }
  }
  if (a.score != b.score) return a.score < b.score;
  return a.article > b.article;
}

// Min-heap of the k best hits, the worst on top.
inline void heap_push(SearchResults& r, uint32_t k, const SearchHit& hit, SortOrder sort) {
  SearchHit* h = r.hits;
  uint32_t i;
  if (r.count < k) {
    i = r.count++;
  } else {
    if (!worse(h[0], hit, sort)) return;
    i = 0;  // replace the top, sift down
    for (;;) {
      uint32_t l = 2 * i + 1, m = i;
      if (l < r.count && worse(h[l], hit, sort)) m = l;
      if (l + 1 < r.count && worse(h[l + 1], m == i ? hit : h[l], sort)) m = l + 1;
      if (m == i) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = hit;
    return;
  }
  while (i > 0 && worse(hit, h[(i - 1) / 2], sort)) {  // sift up
    h[i] = h[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h[i] = hit;
}

// Heap -> best-first order, in place (heap sort with the worst on top).
inline void heap_sort(SearchResults& r, SortOrder sort) {
  for (uint32_t n = r.count; n > 1; --n) {
    SearchHit top = r.hits[0];
    SearchHit last = r.hits[n - 1];
    uint32_t i = 0, size = n - 1;
    for (;;) {
      uint32_t l = 2 * i + 1, m = i;
      if (l < size && worse(r.hits[l], last, sort)) m = l;
      if (l + 1 < size && worse(r.hits[l + 1], m == i ? last : r.hits[l], sort)) m = l + 1;
      if (m == i) break;
      r.hits[i] = r.hits[m];
      i = m;
    }
    r.hits[i] = last;
    r.hits[n - 1] = top;
  }
}

}  // namespace detail

/// Runs `query_text`; on ok, ws->results holds up to options.k hits, best first.
inline Status search(const Index& index, std::string_view query_text, const SearchOptions& options,
                     SearchWorkspace* ws) {
  SearchResults& res = ws->results;
  res.count = res.matched = res.flags = 0;
  if (!index.valid()) return Status::misuse;
  if (options.k == 0 || options.k > kMaxResults) return Status::limit_exceeded;
  Status s = parse_query(query_text, index.tokenizer(), &ws->query, options.parse);
  if (s != Status::ok) return s;
  const Query& q = ws->query;
  ClauseSet& set = ws->set;
  s = set.bind(index, q);
  res.flags = set.flags;
  if (s != Status::ok) return s;

  // Required clauses: the one with the fewest candidates leads; a missing one
  // means no result at all.
  uint32_t lead = kMaxClauses, lead_cost = 0, n_opt = 0;
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const ClauseState& st = set.clauses[c];
    if (q.clauses[c].occur == Occur::must) {
      if (st.missing) return Status::ok;
      uint32_t cost = 0;
      for (uint32_t i = st.first; i < st.first + st.count; ++i) {
        uint32_t df = set.slots[i].cursor.df();
        if (q.clauses[c].kind == ClauseKind::prefix) cost += df;
        else if (cost == 0 || df < cost) cost = df;
      }
      if (lead == kMaxClauses || cost < lead_cost) {
        lead = c;
        lead_cost = cost;
      }
    } else if (q.clauses[c].occur == Occur::should && !st.missing) {
      // Insertion by ascending upper bound.
      uint32_t i = n_opt++;
      while (i > 0 && set.clauses[ws->order[i - 1]].ub > st.ub) {
        ws->order[i] = ws->order[i - 1];
        --i;
      }
      ws->order[i] = c;
    }
  }
  uint32_t sum = 0;
  for (uint32_t i = 0; i < n_opt; ++i) ws->prefix_ub[i] = sum += set.clauses[ws->order[i]].ub;
  const bool prune = options.sort == SortOrder::relevance;
  const bool has_lead = lead != kMaxClauses;
  const uint32_t k = options.k;

  uint32_t target = 0;
  while (target != kEndDoc) {
    // Threshold and essential clauses: order[ess..] (all of them with a lead).
    const bool full = res.count == k;
    const uint32_t theta = full ? res.hits[0].score : 0;
    uint32_t ess = 0;
    if (has_lead) {
      ess = n_opt;
    } else if (prune && full) {
      while (ess < n_opt && ws->prefix_ub[ess] <= theta) ++ess;
    }
    uint32_t d = kEndDoc;
    if (has_lead) {
      d = set.next_candidate(lead, target);
    } else {
      for (uint32_t i = ess; i < n_opt; ++i) {
        uint32_t c = set.next_candidate(ws->order[i], target);
        if (c < d) d = c;
      }
    }
    if (d == kEndDoc) break;
    target = d + 1;

    bool ok = true, any = false;
    uint32_t score = 0, part = 0;
    for (uint32_t c = 0; c < q.clause_count && ok; ++c) {
      if (q.clauses[c].occur != Occur::must) continue;
      ok = set.next_candidate(c, d) == d && set.match(c, d, &part);
      score += part;
    }
    if (!ok) continue;
    for (uint32_t i = ess; i < n_opt; ++i) {
      const uint32_t c = ws->order[i];
      if (set.next_candidate(c, d) == d && set.match(c, d, &part)) {
        score += part;
        any = true;
      }
    }
    // Non-essential clauses, highest bound first, while the block-max bounds of
    // those left can still lift the document above the threshold.
    bool pruned = false;
    uint32_t rest = 0;
    if (ess > 0) {
      for (uint32_t j = 0; j < ess; ++j) ws->block_ub[j] = rest += set.block_bound(ws->order[j], d);
    }
    for (uint32_t i = ess; i-- > 0;) {
      if (score + ws->block_ub[i] <= theta) {
        pruned = true;
        break;
      }
      const uint32_t c = ws->order[i];
      if (set.next_candidate(c, d) == d && set.match(c, d, &part)) {
        score += part;
        any = true;
      }
    }
    if (pruned || (!has_lead && !any)) continue;
    for (uint32_t c = 0; c < q.clause_count && ok; ++c) {
      if (q.clauses[c].occur == Occur::must_not && set.next_candidate(c, d) == d) {
        ok = !set.match(c, d, &part);
      }
    }
    if (!ok) continue;
    SearchHit hit;
    hit.article = d;
    hit.score = score;
    hit.has_date = detail::doc_date(index, d, &hit.date);
    if (options.date_filter &&
        (!hit.has_date || hit.date < options.date_from || hit.date > options.date_to)) {
      continue;
    }
    ++res.matched;
    detail::heap_push(res, k, hit, options.sort);
  }
  for (uint32_t i = 0; i < set.slot_count; ++i) {
    if (set.slots[i].cursor.bad()) return Status::malformed;
  }
  detail::heap_sort(res, options.sort);
  return Status::ok;
}

}  // namespace corpus::search
