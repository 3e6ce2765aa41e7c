// CleaningStage: everything between grouping exact duplicates and laying out texts.
//
//  1. metadata found in the text fills fields the input did not give (date, publisher,
//     hashtags as tags);
//  2. the boilerplate detector learns page template from every group's text, then
//     marks each article's chrome ranges (kept in storage, left out of the index and
//     of `cat`'s main text);
//  3. near-duplicate clustering over the main texts merges groups.
#pragma once

#include "clean/near_duplicates.hpp"
#include "plan.hpp"

namespace corpusc {

struct CleaningOptions {
  bool detect_boilerplate = true;
  bool extract_metadata = true;
  bool near_duplicates = true;
  NearDuplicateOptions near;  // threshold: near.min_jaccard
};

/// Runs steps 1-3 on a plan from group_duplicates(); call layout_texts() after.
void clean_corpus(CorpusPlan& plan, const CleaningOptions& options);

}  // namespace corpusc
