// Search and completion over a Collection (collection.hpp): each part is searched
// with the combined BM25 statistics (combined_stats.hpp) and skipping what a newer
// part hides, and the parts' top-k are merged. No heap: the caller gives one
// SearchWorkspace (reused part after part) and the merged results.
//
// Ranking equals one blob built from the union of the live articles, up to the
// hidden documents' lengths (known to their norm code, so the average length is off
// by their rounding) and the K table's integer rounding. A language-filtered query
// (SearchOptions::language_filter, `lang:xx`) keeps these combined statistics of
// every language: the parts' per-language tables (language_scope.hpp) are not
// combined, so its scores are consistent across the parts but are not those of
// that language's articles alone. A collection of one blob scores as that blob,
// with its language's statistics. Ties rank the smaller id
// first, as a single blob (sorted by id) does. Cost: one dictionary lookup per query
// term and part for its postings, and for its combined df one per part once per
// search (CollectionResults::df_memo, df_memo.hpp), plus, when volumes hide
// documents, a posting skip per hidden document and query term (collection.hpp).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/collection.hpp"
#include "corpus/search/complete.hpp"
#include "corpus/search/searcher.hpp"

namespace corpus::search {

struct CollectionHit {
  ArticleRef ref;        // part and article index
  uint32_t score = 0;    // bm25.hpp units, comparable across parts within one query
  int64_t date = 0;      // valid if has_date
  bool has_date = false;
};

struct CollectionResults {
  CollectionHit hits[kMaxResults];
  uint32_t count = 0;    // hits[0, count), best first
  uint32_t matched = 0;  // summed over the parts (a lower bound, as SearchResults::matched)
  uint32_t flags = 0;    // kQueryTruncated, kPrefixTruncated of any part
  DfMemo df_memo;        // the search's scratch: combined dfs, looked up once for all parts
};

namespace detail {

// True if a ranks below b: searcher.hpp's order, ties by id.
inline bool collection_worse(const Collection& c, const CollectionHit& a, const CollectionHit& b, SortOrder sort) {
  SearchHit x, y;
  x.score = a.score;
  x.date = a.date;
  x.has_date = a.has_date;
  y.score = b.score;
  y.date = b.date;
  y.has_date = b.has_date;
  if (worse(x, y, sort)) return true;
  if (worse(y, x, sort)) return false;
  return volume::article_id(c.part(a.ref.part), a.ref.index) > volume::article_id(c.part(b.ref.part), b.ref.index);
}

// Inserts hit into the best-first list out (at most k).
inline void merge_hit(const Collection& c, CollectionResults& out, uint32_t k, const CollectionHit& hit,
                      SortOrder sort) {
  uint32_t at = out.count;
  while (at > 0 && collection_worse(c, out.hits[at - 1], hit, sort)) --at;
  if (at >= k) return;
  const uint32_t last = out.count < k ? out.count : k - 1;
  for (uint32_t j = last; j > at; --j) out.hits[j] = out.hits[j - 1];
  out.hits[at] = hit;
  if (out.count < k) ++out.count;
}

}  // namespace detail

/// Runs `query_text` over every part; on ok, out holds up to options.k hits, best first.
inline Status search(const Collection& collection, std::string_view query_text, const SearchOptions& options,
                     SearchWorkspace* ws, CollectionResults* out) {
  if (out == nullptr || ws == nullptr) return Status::misuse;
  out->count = out->matched = out->flags = 0;
  if (!collection.has_index()) return Status::misuse;
  out->df_memo.clear();
  for (uint32_t p = 0; p < collection.part_count(); ++p) {
    Status s = search(*collection.index(p), query_text, options, ws, &out->df_memo);
    if (s != Status::ok) return s;
    const SearchResults& r = ws->results;
    out->matched += r.matched;
    out->flags |= r.flags;
    for (uint32_t i = 0; i < r.count; ++i) {
      CollectionHit h;
      h.ref.part = p;
      h.ref.index = r.hits[i].article;
      h.score = r.hits[i].score;
      h.date = r.hits[i].date;
      h.has_date = r.hits[i].has_date;
      detail::merge_hit(collection, *out, options.k, h, options.sort);
    }
  }
  return Status::ok;
}

namespace detail {

// True if some live document of part p holds the term `e` (a cursor over its postings;
// Index::live: neither retired nor hidden by a newer part).
inline bool term_live(const Collection& c, uint32_t p, const TermEntry& e) {
  PostingCursor cur;
  cur.open(*c.index(p), e);
  for (; cur.doc() != kEndDoc && !cur.bad(); cur.next()) {
    if (c.index(p)->live(cur.doc())) return true;
  }
  return false;
}

// True if the term behind completion x (its text folded, and stemmed as the index
// is) is held by a live document of part p; true when it cannot be told.
inline bool completion_live(const Collection& c, uint32_t p, const Completion& x) {
  if (c.part_count() == 1) return true;
  char term[text::kMaxTermBytes];
  size_t n = text::fold_word(x.view(), term, sizeof term);
  if (n == 0) return true;
  if (c.index(p)->tokenizer().stem_english) n = text::stem_english(term, n);
  TermEntry e;
  if (find_term(*c.index(p), std::string_view(term, n), &e) != Status::ok) return true;
  return term_live(c, p, e);
}

// Adds completion `x` of part p to out (merged by text, df summed), sorted by df.
inline void merge_completion(const Completion& x, Completion* out, uint32_t cap, uint32_t* count) {
  uint32_t i = 0;
  while (i < *count && out[i].view() != x.view()) ++i;
  Completion m = x;
  if (i < *count) {
    m.df += out[i].df;
    for (uint32_t j = i; j + 1 < *count; ++j) out[j] = out[j + 1];
    --*count;
  }
  uint32_t at = *count;
  while (at > 0 && out[at - 1].df < m.df) --at;
  if (at >= cap) return;
  const uint32_t last = *count < cap ? *count : cap - 1;
  for (uint32_t j = last; j > at; --j) out[j] = out[j - 1];
  out[at] = m;
  if (*count < cap) ++*count;
}

}  // namespace detail

/// Completions of `partial` over every part, df summed per surface form. A word held
/// only by replaced or removed documents is not offered. `scratch` holds cap entries
/// (one part's completions at a time).
inline Status complete(const Collection& collection, std::string_view partial, Completion* out, uint32_t cap,
                       uint32_t* count, Completion* scratch, bool* truncated = nullptr) {
  *count = 0;
  if (truncated) *truncated = false;
  if (!collection.has_index() || scratch == nullptr) return Status::misuse;
  for (uint32_t p = 0; p < collection.part_count(); ++p) {
    uint32_t n = 0;
    bool cut = false;
    Status s = complete(*collection.index(p), partial, scratch, cap, &n, &cut);
    if (s != Status::ok) return s;
    if (truncated) *truncated = *truncated || cut;
    for (uint32_t i = 0; i < n; ++i) {
      if (!detail::completion_live(collection, p, scratch[i])) continue;
      detail::merge_completion(scratch[i], out, cap, count);
    }
  }
  return Status::ok;
}

}  // namespace corpus::search
