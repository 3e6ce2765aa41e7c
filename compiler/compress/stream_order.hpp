// StreamOrder: the order in which duplicate groups are laid out in the stream.
//
// Why: every frame (<= block_size raw bytes) is compressed on its own with the shared
// dictionary, so a match can only reach back into the same frame or the dictionary.
// Articles about the same story share names, places and whole sentences; putting them
// in one frame turns those repeats into matches. The order is a greedy walk: the next
// group is the unplaced one with the most affinity to what was placed recently, where
// affinity is the sum of log(heads/df) over shared "story terms" (words that occur in
// 2..kMaxDocFrequency group heads), each placement decaying by kDecay per later step,
// divided by sqrt(#terms of the candidate) so long texts do not win on length alone.
// With no related group left it continues with the lowest unplaced head (input order).
//
// Measured on BBC (2126 groups, 4,822,200 stream bytes; 128 KiB frames, zstd -19,
// 64 KiB dictionary trained after ordering; sum = frame_data + dictionary):
//
//   order                                                   sum        vs id order
//   id order (before)                                       1,557,370
//   id order reversed                                       1,560,777  +3.4K
//   sort by 4 MinHash values (words)                        1,605,847  +48K (mixes folders)
//   nearest neighbour, shared words df 2..64                1,526,794  -31K
//   nearest neighbour, last 4 placed                        1,517,374  -40K
//   decayed affinity 0.9, /sqrt(terms), df<=64 (this)       1,506,731  -51K
//     same, df<=32 / df<=128 / df<=300                      +1.8K / -0.2K / +0.6K
//     same, word pairs instead of words                     -0.3K, 3x slower
//     same, decay 0.8 / 0.97                                +1.4K / +1.6K
//     same, 64 sampled terms per text (kTermsPerText)       +4.4K
//   "small" profile (16 KiB frames, 32 KiB dict): id 1,691,071 -> this 1,627,195 (-64K)
//
// Measured and not kept (same ordered stream): level 22, windowLog 18/19, larger
// hash/chain/search logs, targetLength 999, minMatch 4: within +-0.1K (level 19 is
// already btultra2, and dictionary matches reach the whole single-segment frame).
// Dictionary 32/96/128/192 KiB: sum +25K/+5K/+9K/+36K. Dictionary = raw article text
// (ZDICT_finalizeDictionary): +38K. Filling frames exactly, texts spanning frames: +0.5K.
// Unframed whole stream (no random access): 1,301,467.
//
// Cost: two tokenizing passes, then at most kTermsPerText * kMaxDocFrequency heap
// pushes per group: O(n log n) for n groups with bounded text length. Deterministic
// (single thread, fixed visiting order, ties to the lower index).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plan.hpp"

namespace corpusc {

/// Terms in more group heads than this are too common to say two texts share a story.
constexpr uint32_t kMaxDocFrequency = 64;
/// At most this many terms per text (a fixed hash sample), bounding the work per group.
constexpr uint32_t kTermsPerText = 256;
/// Weight of a placement's terms after each further placement.
constexpr double kDecay = 0.9;

/// Permutation of [0, texts.size()): the stream order of the given texts.
std::vector<uint32_t> order_texts(const std::vector<const std::string*>& texts);

/// Group heads of `plan` (articles with canonical == self) in stream order, each
/// represented by its normalized text. Needs canonical set (group_duplicates and
/// clean_corpus); layout_texts() lays the groups out in this order.
std::vector<uint32_t> order_groups(const CorpusPlan& plan);

}  // namespace corpusc
