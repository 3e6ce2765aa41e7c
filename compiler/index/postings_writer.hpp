// PostingsWriter: encodes one term's postings and positions in the layout of
// corpus/search/index_format.hpp, index format 3 (Rice-coded, byte-aligned blocks cut
// by document ids, about kPostingsPerBlock documents each, with a fixed-width skip
// table carrying block-max BM25 bounds and block sizes).
#pragma once

#include <cstdint>
#include <vector>

#include "corpus/search/index_format.hpp"

namespace corpusc {

/// One document of a term's postings, before encoding.
struct TermPosting {
  uint32_t doc = 0;
  uint32_t tf = 0;        // title + body occurrences (== positions count)
  uint32_t title_tf = 0;  // occurrences in the title
  uint32_t ftf = 0;       // BM25F pseudo frequency: tf + (title_weight - 1) * title_tf
  uint32_t norm_k = 0;    // the document's K * 256 (bm25.hpp), for the bounds
  bool ends_block = false;  // block_ends_after() of the document's stable key
};

/// Where ranged blocks end (a term of more than kPostingsPerBlock documents): after
/// each document whose stable key (a hash of its article id, the same in every
/// edition whatever its doc id) is 0 modulo kPostingsPerBlock, and after
/// kMaxPostingsPerBlock documents without one (with 1 in 128, 1.8 % of blocks). So
/// the blocks around an added or removed document keep their members.
inline bool block_ends_after(uint64_t stable_key) {
  static_assert((corpus::search::kPostingsPerBlock & (corpus::search::kPostingsPerBlock - 1)) == 0,
                "the cut test masks the key");
  return (stable_key & (corpus::search::kPostingsPerBlock - 1)) == 0;
}

struct EncodedPostings {
  std::vector<uint8_t> docs;       // bytes for SearchIndex.postings
  std::vector<uint8_t> positions;  // bytes for SearchIndex.positions
  uint8_t max_tfn = 0;             // tf_norm_quantize of the largest tf_norm
};

/// `postings` ascending by doc; `positions` holds each posting's tf positions,
/// ascending within a posting, concatenated in posting order.
EncodedPostings encode_postings(const std::vector<TermPosting>& postings,
                                const std::vector<uint32_t>& positions);

}  // namespace corpusc
