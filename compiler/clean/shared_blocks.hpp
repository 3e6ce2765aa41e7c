// SharedBlocks: text blocks (paragraphs) that repeat across stored texts.
//
// Why: a paragraph repeated in many articles (a standard disclaimer, a quoted
// statement, a syndicated intro) could be stored once and referenced elsewhere. zstd
// already removes a repeat that lies in the same frame or in the dictionary; this
// finder measures what is left to gain. bench/shared_blocks compares the two
// (results and the decision: bench/results/shared-blocks.md).
//
// Block unit: a paragraph, i.e. a maximal run of non-blank lines ("blank" = only
// spaces, tabs or CR), without the line break ('\n' or "\r\n") that ends its last
// line. A paragraph of more than one line and over kSplitParagraphBytes bytes is taken
// line by line instead (each line without its line break): long multi-line runs
// (lists, tables, pre-wrapped prose) rarely repeat whole, while single lines of them
// do. Blocks never overlap.
// A block is a candidate when it has at least `min_bytes` bytes; it is *shared* when
// byte-identical copies occur in at least two different texts.
//
// Cost: O(total bytes) expected (one XXH3 hash per block, one byte comparison per
// hash hit), memory O(number of blocks). Deterministic: blocks are numbered in order
// of first occurrence (text index, then offset); no output depends on hash order.
#pragma once

#include <cstdint>
#include <vector>

#include "plan.hpp"

namespace corpusc {

/// Smallest block worth a reference (bytes); shorter repeats are left to zstd.
constexpr uint32_t kMinSharedBlockBytes = 40;
/// Multi-line paragraphs longer than this (bytes) are split into their lines.
constexpr uint32_t kSplitParagraphBytes = 1024;

struct SharedBlockStats {
  uint32_t blocks = 0;          // distinct shared blocks
  uint32_t occurrences = 0;     // occurrences of shared blocks beyond the first of each
  uint64_t repeated_bytes = 0;  // bytes of those occurrences (sum of block lengths)
};

/// One occurrence of a shared block.
struct BlockOccurrence {
  uint32_t text = 0;   // index into the texts given to find_shared_blocks
  TextRange range;     // bytes of the block within that text
  uint32_t block = 0;  // shared block number, 0..stats.blocks-1, by first occurrence
  bool first = false;  // the block's first occurrence (the one that would be stored)
};

struct SharedBlocks {
  /// Every occurrence of every shared block (first ones included), sorted by
  /// (text, range.begin). Repeats within one text are listed too, and counted in
  /// stats.occurrences, once the block also occurs in another text.
  std::vector<BlockOccurrence> occurrences;
  SharedBlockStats stats;
};

/// Finds the shared blocks of `texts` (e.g. CorpusPlan::texts after layout_texts()).
SharedBlocks find_shared_blocks(const std::vector<StoredText>& texts,
                                uint32_t min_bytes = kMinSharedBlockBytes);

/// The statistics alone (same result as find_shared_blocks(texts, min_bytes).stats).
SharedBlockStats count_shared_blocks(const std::vector<StoredText>& texts,
                                     uint32_t min_bytes = kMinSharedBlockBytes);

}  // namespace corpusc
