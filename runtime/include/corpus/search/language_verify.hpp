// verify_language_tables(): the per-language BM25 statistics of a mixed-language
// index (SearchIndex.language_stats, language_norm_k, language_df_terms,
// language_df; format 1.4), for verify_index(). Index::open already checks that the
// four are present together and sized to each other; this checks what a filtered
// query relies on for right scores: language ids nonzero and strictly ascending;
// their documents and tokens within the index's; every K entry within bm25.hpp's
// range; the listed term ordinals strictly ascending and below term_count (the
// runtime binary-searches them); each listed df within its language's documents, and
// a term's dfs adding up to at most its df.
// Cost: one pass over the tables plus one dictionary seek per listed term. No
// allocation.
#pragma once

#include <cstdint>

#include "corpus/search/bm25.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search::detail {

// Languages, their documents and tokens, and their K tables.
inline bool language_stats_valid(const Index& index) {
  const fb::SearchIndex& x = table(index);
  const auto& stats = *x.language_stats();
  uint64_t docs = 0, tokens = 0;
  for (uint32_t i = 0; i < stats.size(); ++i) {
    const uint8_t language = stats.Get(i)->language();
    if (language == 0 || (i > 0 && language <= stats.Get(i - 1)->language())) return false;
    docs += stats.Get(i)->doc_count();
    tokens += stats.Get(i)->total_tokens();
  }
  if (docs > x.doc_count() || tokens > x.total_tokens()) return false;
  for (uint32_t i = 0; i < x.language_norm_k()->size(); ++i) {
    const uint32_t k = x.language_norm_k()->Get(i);
    if (k == 0 || k > kMaxNormK) return false;
  }
  return true;
}

// The listed terms and their per-language dfs; `failed` is set to the failing entry.
inline bool language_df_valid(const Index& index, uint32_t* failed) {
  const fb::SearchIndex& x = table(index);
  const auto& stats = *x.language_stats();
  const auto& terms = *x.language_df_terms();
  TermIterator it(index);
  for (uint32_t i = 0; i < terms.size(); ++i) {
    *failed = i;
    const uint32_t ordinal = terms.Get(i);
    if (ordinal >= x.term_count() || (i > 0 && ordinal <= terms.Get(i - 1))) return false;
    if (it.seek_ordinal(ordinal) != Status::ok || it.at_end()) return false;
    uint64_t sum = 0;
    for (uint32_t l = 0; l < stats.size(); ++l) {
      const uint32_t df = x.language_df()->Get(i * stats.size() + l);
      if (df > stats.Get(l)->doc_count()) return false;
      sum += df;
    }
    if (sum > it.entry().df) return false;
  }
  return true;
}

/// True if the tables are absent or valid; else false, with `failed` the listed
/// term entry at fault (kNone: the statistics themselves).
inline bool language_tables_valid(const Index& index, uint32_t* failed) {
  *failed = kNone;
  if (table(index).language_stats() == nullptr) return true;
  if (!Index::language_tables_agree(table(index)) || !language_stats_valid(index)) return false;
  return language_df_valid(index, failed);
}

}  // namespace corpus::search::detail
