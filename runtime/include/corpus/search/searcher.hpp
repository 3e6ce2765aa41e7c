// search(): runs a query over an Index into a caller-provided SearchWorkspace.
//
// Memory: everything lives in the SearchWorkspace (kSearchWorkspaceBytes, about 23 KB with the
// default limits below; put it in .bss or a static). Nothing is allocated, no
// floating point is used, the stack use is small (< 1 KB).
// Limits (compile-time, override with -D before including): kMaxResults results
// (SearchOptions::k), kMaxClauses / kMaxQueryTerms / kMaxQueryBytes (query.hpp),
// kMaxCursors / kMaxPrefixTerms (clauses.hpp). A query of any length answers: past
// the limits its most selective words are kept (query.hpp) and the results are
// flagged kQueryTruncated; prefixes with too many expansions are flagged
// kPrefixTruncated. Only operators that cannot fit beside each other, or k out of
// range, give Status::limit_exceeded -- never a silent wrong answer.
// Typos (SearchOptions::typos, on by default): words matching no term are searched
// as their corrections, flagged kTyposCorrected and listed in results.corrections
// (fuzzy_terms.hpp, typo_corrections.hpp); words that match are never touched.
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
#include "corpus/search/language_scope.hpp"

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
  /// The caller's language (a kiosk's UI language; languages.h id): the query is
  /// stemmed in it. 0: in every language the blob holds (alternatives, query.hpp).
  /// A blob stemmed in English only stems queries in English whatever this says.
  /// It neither filters nor changes the statistics: a kiosk's user may want articles
  /// of every language, and language_filter (or `lang:xx`) says otherwise.
  uint8_t language = 0;
  /// Only articles in this language (languages.h id; 0: all), ranked with that
  /// language's statistics where the index stores them (language_scope.hpp). `lang:xx`
  /// in the query does the same; both given and different: no result.
  uint8_t language_filter = 0;
  bool typos = true;  // search words that match no term as their typo candidates (typo_corrections.hpp)
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
  uint32_t flags = 0;     // kQueryTruncated, kPrefixTruncated, kTyposCorrected
  Corrections corrections;  // the corrected words, when flags has kTyposCorrected
};

struct SearchWorkspace {
  Query query;
  ClauseSet set;
  SearchResults results;
  uint32_t order[kMaxClauses];       // optional clauses, ascending upper bound
  uint32_t prefix_ub[kMaxClauses];   // summed upper bounds of order[0..i]
  uint32_t block_ub[kMaxClauses];    // summed block-max bounds of order[0..i] at a doc
  LanguageScope language_scope;      // statistics of a language-filtered query
};

/// Bytes of one SearchWorkspace with this build's limits (pinned by a test: a change
/// of a limit or of the state shows up there first).
constexpr size_t kSearchWorkspaceBytes = sizeof(SearchWorkspace);

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

namespace detail {

// How the clauses drive the document loop (plan_clauses()).
struct SearchPlan {
  uint32_t lead = kMaxClauses;  // required clause with the fewest candidates; kMaxClauses: none
  uint32_t optional = 0;        // optional clauses, in SearchWorkspace::order[0, optional)
  bool impossible = false;      // a required clause can never match: no result
  bool has_lead() const { return lead != kMaxClauses; }
};

// TermStats' context: the index searched and its collection search's memo, if any.
struct DfSource {
  const Index* index;
  DfMemo* memo;
};

// TermStats::df over a DfSource (ctx): what a too-long query keeps (the combined df
// in a collection, so every part keeps the same words).
inline uint32_t index_df(const void* ctx, std::string_view term) {
  const DfSource& source = *static_cast<const DfSource*>(ctx);
  TermEntry e;
  const uint32_t own = find_term(*source.index, term, &e) == Status::ok ? e.df : 0;
  return source.index->scoring_df(term, own, source.memo);
}

// Candidates a required clause can yield: a prefix's expansions add up, a term or
// phrase has at most its rarest member's.
inline uint32_t candidate_cost(const ClauseSet& set, uint32_t c) {
  const ClauseState& st = set.clauses[c];
  uint32_t cost = 0;
  for (uint32_t i = st.first; i < st.first + st.count; ++i) {
    const uint32_t df = set.slots[i].cursor.df();
    if (set.alternatives(c)) cost += df;
    else if (cost == 0 || df < cost) cost = df;
  }
  return cost;
}

// Picks the lead and sorts the optional clauses by ascending upper bound, with the
// running sums of those bounds in ws.prefix_ub.
inline SearchPlan plan_clauses(SearchWorkspace& ws) {
  const Query& q = ws.query;
  const ClauseSet& set = ws.set;
  SearchPlan plan;
  uint32_t lead_cost = 0;
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const ClauseState& st = set.clauses[c];
    if (q.clauses[c].occur == Occur::must) {
      if (st.missing) plan.impossible = true;
      const uint32_t cost = candidate_cost(set, c);
      if (!plan.has_lead() || cost < lead_cost) {
        plan.lead = c;
        lead_cost = cost;
      }
    } else if (q.clauses[c].occur == Occur::should && !st.missing) {
      uint32_t i = plan.optional++;  // insertion by ascending upper bound
      while (i > 0 && set.clauses[ws.order[i - 1]].ub > st.ub) {
        ws.order[i] = ws.order[i - 1];
        --i;
      }
      ws.order[i] = c;
    }
  }
  uint32_t sum = 0;
  for (uint32_t i = 0; i < plan.optional; ++i) ws.prefix_ub[i] = sum += set.clauses[ws.order[i]].ub;
  return plan;
}

// The next document >= target that the lead, or else an essential optional clause
// (order[ess..]), may match; kEndDoc when none.
inline uint32_t next_doc(SearchWorkspace& ws, const SearchPlan& plan, uint32_t ess, uint32_t target) {
  if (plan.has_lead()) return ws.set.next_candidate(plan.lead, target);
  uint32_t d = kEndDoc;
  for (uint32_t i = ess; i < plan.optional; ++i) {
    const uint32_t c = ws.set.next_candidate(ws.order[i], target);
    if (c < d) d = c;
  }
  return d;
}

// Adds the score of optional clause c at d to *score; true if it matches.
inline bool add_optional(ClauseSet& set, uint32_t c, uint32_t d, uint32_t* score) {
  uint32_t part = 0;
  if (set.next_candidate(c, d) != d || !set.match(c, d, &part)) return false;
  *score += part;
  return true;
}

// Scores document d into *score. False when it cannot be a result: a required
// clause fails, no optional clause matches without a lead, or the block-max bounds
// of the non-essential clauses (probed highest bound first) cannot lift it above
// theta.
inline bool score_doc(SearchWorkspace& ws, const SearchPlan& plan, uint32_t ess, uint32_t theta, uint32_t d,
                      uint32_t* score) {
  const Query& q = ws.query;
  ClauseSet& set = ws.set;
  uint32_t part = 0;
  *score = 0;
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    if (q.clauses[c].occur != Occur::must) continue;
    if (set.next_candidate(c, d) != d || !set.match(c, d, &part)) return false;
    *score += part;
  }
  bool any = false;
  for (uint32_t i = ess; i < plan.optional; ++i) any |= add_optional(set, ws.order[i], d, score);
  uint32_t rest = 0;
  for (uint32_t j = 0; j < ess; ++j) ws.block_ub[j] = rest += set.block_bound(ws.order[j], d);
  for (uint32_t i = ess; i-- > 0;) {
    if (*score + ws.block_ub[i] <= theta) return false;
    any |= add_optional(set, ws.order[i], d, score);
  }
  return plan.has_lead() || any;
}

// True unless a language filter (SearchOptions, `lang:`) leaves document d out.
inline bool in_language(const Index& index, const SearchOptions& options, const Query& q, uint32_t d) {
  if (options.language_filter == 0 && q.language_filter == 0) return true;
  const uint8_t language = index.doc_language(d);
  return (options.language_filter == 0 || language == options.language_filter) &&
         (q.language_filter == 0 || language == q.language_filter);
}

// The tokenizer and languages a query is parsed with (query.hpp, Languages): the
// caller's language, else every language of a blob stemmed per language.
inline Status query_tokenizer(const Index& index, const SearchOptions& options, text::TokenizerOptions* tok,
                              ParseOptions* parse) {
  *tok = index.tokenizer();
  *parse = options.parse;
  if (!tok->stem_by_language) return Status::ok;
  if (options.language != 0) {
    if (!text::language_supported(options.language)) return Status::stemmer_unavailable;
    tok->language = options.language;
    parse->languages = nullptr;
    parse->language_count = 0;
    return Status::ok;
  }
  tok->language = index.language(0);
  parse->languages = index.languages();
  parse->language_count = index.language_count();
  return Status::ok;
}

// True if an excluded clause matches document d.
inline bool excluded(SearchWorkspace& ws, uint32_t d) {
  uint32_t part = 0;
  for (uint32_t c = 0; c < ws.query.clause_count; ++c) {
    if (ws.query.clauses[c].occur == Occur::must_not && ws.set.next_candidate(c, d) == d &&
        ws.set.match(c, d, &part)) {
      return true;
    }
  }
  return false;
}

// Document-at-a-time over the plan's candidates into the k-heap ws.results.
inline void collect_hits(const Index& index, const SearchOptions& options, const SearchPlan& plan,
                         SearchWorkspace& ws) {
  SearchResults& res = ws.results;
  const bool prune = options.sort == SortOrder::relevance;
  uint32_t target = 0;
  while (target != kEndDoc) {
    // Threshold and essential clauses: order[ess..] (all of them with a lead).
    const bool full = res.count == options.k;
    const uint32_t theta = full ? res.hits[0].score : 0;
    uint32_t ess = 0;
    if (plan.has_lead()) {
      ess = plan.optional;
    } else if (prune && full) {
      while (ess < plan.optional && ws.prefix_ub[ess] <= theta) ++ess;
    }
    const uint32_t d = next_doc(ws, plan, ess, target);
    if (d == kEndDoc) break;
    target = d + 1;
    SearchHit hit;
    if (!score_doc(ws, plan, ess, theta, d, &hit.score) || excluded(ws, d)) continue;
    if (!in_language(index, options, ws.query, d)) continue;
    hit.article = d;
    hit.has_date = doc_date(index, d, &hit.date);
    if (options.date_filter &&
        (!hit.has_date || hit.date < options.date_from || hit.date > options.date_to)) {
      continue;
    }
    // Replaced or removed by a newer volume (collection.hpp): checked only for a hit
    // that would enter the heap, so a single blob pays nothing.
    if ((res.count < options.k || worse(res.hits[0], hit, options.sort)) && !index.live(d)) continue;
    ++res.matched;
    heap_push(res, options.k, hit, options.sort);
  }
}

}  // namespace detail

/// Runs `query_text`; on ok, ws->results holds up to options.k hits, best first,
/// and results.flags says what was left out (kQueryTruncated, kPrefixTruncated).
/// `df_memo`: a collection search's (collection_search.hpp) for a part attached to
/// its statistics; nullptr otherwise.
inline Status search(const Index& index, std::string_view query_text, const SearchOptions& options,
                     SearchWorkspace* ws, DfMemo* df_memo = nullptr) {
  SearchResults& res = ws->results;
  res.count = res.matched = res.flags = 0;
  res.corrections.count = 0;
  if (!index.valid()) return Status::misuse;
  if (options.k == 0 || options.k > kMaxResults) return Status::limit_exceeded;
  const detail::DfSource source{&index, df_memo};
  const TermStats stats{detail::index_df, &source};
  text::TokenizerOptions tok;
  ParseOptions parse;
  Status s = detail::query_tokenizer(index, options, &tok, &parse);
  if (s != Status::ok) return s;
  s = parse_query(query_text, tok, &ws->query, parse, stats);
  if (s != Status::ok) return s;
  if (ws->query.truncated) res.flags |= kQueryTruncated;
  const uint8_t filter = options.language_filter ? options.language_filter : ws->query.language_filter;
  const Index& scoring = *scope_to_language(index, filter, &ws->language_scope);
  s = ws->set.bind(scoring, ws->query, options.typos ? &res.corrections : nullptr, df_memo);
  res.flags |= ws->set.flags;
  if (s != Status::ok) return s;
  const detail::SearchPlan plan = detail::plan_clauses(*ws);
  if (plan.impossible) return Status::ok;
  detail::collect_hits(scoring, options, plan, *ws);
  for (uint32_t i = 0; i < ws->set.slot_count; ++i) {
    if (ws->set.slots[i].cursor.bad()) return Status::malformed;
  }
  detail::heap_sort(res, options.sort);
  return Status::ok;
}

}  // namespace corpus::search
