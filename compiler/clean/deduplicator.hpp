// Deduplicator: groups articles and lays out the stored texts (see corpus_plan.hpp).
//
// First level: byte-identical inputs share one stored copy (ExactDuplicate);
// inputs equal after normalization and whitespace folding are one article for
// search (NormalizedDuplicate) and each keeps its exact bytes for `cat --original`.
// Near-duplicate clusters, when given, widen the groups (NearDuplicate): members keep
// their own text, stored next to the canonical one.
#pragma once

#include <vector>

#include "clean/corpus_plan.hpp"
#include "diagnostics.hpp"

namespace corpusc {

/// Sorts by id (a repeated id keeps the first input; the others are skipped with a
/// warning naming both sources), normalizes and groups exact/normalized duplicates.
CorpusPlan group_duplicates(std::vector<InputArticle> inputs, Diagnostics& diag);

/// Merges groups: cluster[i] is the article index whose group article i joins
/// (cluster[i] == i: no change). Call before layout_texts().
void merge_near_duplicates(CorpusPlan& plan, const std::vector<uint32_t>& cluster);

/// Fills plan.texts and each article's text/original indexes, in stream order.
void layout_texts(CorpusPlan& plan);

}  // namespace corpusc
