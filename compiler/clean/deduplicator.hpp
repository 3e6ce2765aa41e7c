// Deduplicator: groups articles into duplicate groups (see plan.hpp).
//
// First level: byte-identical inputs share one stored copy (ExactDuplicate);
// inputs equal after normalization and whitespace folding are one article for
// search (NormalizedDuplicate) and each keeps its exact bytes for `cat --original`.
// Near-duplicate clusters, when given, widen the groups (NearDuplicate): members keep
// their own text, stored next to the canonical one.
#pragma once

#include <vector>

#include "diagnostics.hpp"
#include "plan.hpp"

namespace corpusc {

/// Sorts by id, normalizes and groups exact/normalized duplicates. Ids must be unique
/// (ingest's keep_first_of_each_id); a repeated id throws CompileError (internal).
CorpusPlan group_duplicates(std::vector<InputArticle> inputs, Diagnostics& diag);

/// Merges groups: cluster[i] is the article index whose group article i joins
/// (cluster[i] == i: no change). Call before layout_texts() (compress/text_layout.hpp).
void merge_near_duplicates(CorpusPlan& plan, const std::vector<uint32_t>& cluster);

}  // namespace corpusc
