// LanguageScope: a query filtered to one language (SearchOptions::language_filter,
// `lang:xx`) ranks with that language's BM25 statistics, as in a blob of its
// documents alone, instead of the whole mixed-language index's:
//  * N and the K table (average length) of the language's documents, which the
//    compiler stores (SearchIndex.language_stats, language_norm_k: format 1.4,
//    written when the documents have several languages);
//  * a term's df among them: stored for the terms whose documents have several
//    languages (SearchIndex.language_df, by term ordinal); any other term's documents
//    all have the language of its first one, so its df is its own df or 0. Chosen by
//    measurement over counting the df on the postings at query time, which costs
//    O(df) per term and grows with the corpus (bench/results/language-scope.md).
// Scores then equal those of the language's blob alone, up to its typo candidates
// (drawn from the whole dictionary) and the words a too-long query keeps (chosen by
// the whole index's df). The block-max bounds, made with the index's own K table,
// are scaled as a collection's are (combined_stats.hpp), so pruning stays exact.
// Indexes without the tables (older blobs, one language) and indexes already
// attached to a collection's statistics score as before: in a collection a filtered
// query ranks with the collection's combined statistics (collection_search.hpp).
// No heap: the scope lives in the SearchWorkspace.
#pragma once

#include <cstdint>
#include <string_view>

#include "corpus/search/combined_stats.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/postings.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

struct LanguageScope {
  CombinedStats stats;  // the language's N, K table and df
  CombinedPart part;
  Index scoped;         // the searched index, attached to `part`
  uint8_t language = 0;
  uint32_t entry = 0;   // the language's position in SearchIndex.language_stats
};

/// Documents of language entry `entry` (Index::language_stats) holding the term `e`.
inline uint32_t language_df(const Index& index, const TermEntry& e, uint8_t language, uint32_t entry) {
  uint32_t df = 0;
  if (index.listed_language_df(e.ordinal, entry, &df)) return df;
  PostingCursor cur;
  cur.open(index, e);
  return cur.doc() != kEndDoc && index.doc_language(cur.doc()) == language ? e.df : 0;
}

namespace detail {

inline uint32_t scope_df(const void* owner, std::string_view term) {
  const LanguageScope& scope = *static_cast<const LanguageScope*>(owner);
  TermEntry e;
  if (find_term(scope.scoped, term, &e) != Status::ok) return 0;
  return language_df(scope.scoped, e, scope.language, scope.entry);
}

// One blob hides nothing (a collection's parts are never scoped).
inline bool scope_hidden(const void*, uint32_t, uint32_t) { return false; }

}  // namespace detail

/// The index to search for a query filtered to `language` (0: none): `index` itself
/// unless it stores statistics for that language and is not part of a collection,
/// else scope->scoped, which scores with them. `scope` must outlive the search.
inline const Index* scope_to_language(const Index& index, uint8_t language, LanguageScope* scope) {
  uint32_t entry = 0;
  const fb::LanguageStats* stats = index.language_stats(language, &entry);
  if (stats == nullptr || index.attached()) return &index;
  CombinedStats& s = scope->stats;
  s.doc_count = stats->doc_count();
  for (uint32_t c = 0; c < kNormCodes; ++c) s.norm_k[c] = index.language_norm_k(entry, static_cast<uint8_t>(c));
  s.owner = scope;
  s.df = detail::scope_df;
  s.hidden = detail::scope_hidden;
  scope->part.stats = &s;
  scope->part.part = 0;
  scope->part.bound_scale =
      bound_scale_q16_of([&index](uint32_t c) { return index.own_norm_k(static_cast<uint8_t>(c)); }, s.norm_k);
  scope->language = language;
  scope->entry = entry;
  scope->scoped = index;
  scope->scoped.attach(&scope->part);
  return &scope->scoped;
}

}  // namespace corpus::search
