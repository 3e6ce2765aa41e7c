// CombinedStats: BM25 statistics shared by several indexes searched as one (a base
// and its volumes, collection.hpp). An Index attached to them scores with the
// combined document count, length table and document frequencies instead of its
// own, and skips the documents a newer volume replaces or removes. Nothing here
// allocates; the struct lives in the caller's Collection.
#pragma once

#include <cstdint>
#include <string_view>

#include "corpus/search/bm25.hpp"

namespace corpus::search {

struct CombinedStats {
  uint32_t doc_count = 0;          // live indexed documents of all parts (BM25's N)
  uint32_t norm_k[kNormCodes] = {};  // K * 256 per norm code, from the combined average length
  const void* owner = nullptr;     // the collection, passed back to the callbacks
  /// df of `term` summed over every part.
  uint32_t (*df)(const void* owner, std::string_view term) = nullptr;
  /// True if a live document of some part holds `term` (the first part found
  /// answers: cheaper than df). nullptr: no part but the index's own.
  bool (*holds)(const void* owner, std::string_view term) = nullptr;
  /// True if document `doc` of part `part` is replaced or removed by a newer part.
  bool (*hidden)(const void* owner, uint32_t part, uint32_t doc) = nullptr;
};

/// What an Index attached to CombinedStats needs of its own: one record per part,
/// owned with the stats (an Index holds one pointer, so its C API size stays).
struct CombinedPart {
  const CombinedStats* stats = nullptr;
  uint32_t part = 0;           // its position in the collection
  uint32_t bound_scale = 65536;  // Q16, scale_tf_bound()
};

/// K * 256 for a document of `len` tokens given the average length total / docs, in
/// 64-bit integers (k1_milli < 4096; the compiler computes the same in doubles,
/// index_builder.cpp, so the two may differ by one unit in the last place).
inline uint32_t combined_norm_k(uint32_t len, uint64_t total, uint64_t docs, uint32_t k1_milli, uint32_t b_milli) {
  if (docs == 0) docs = 1;
  uint64_t avgdl_q8 = (total << 8) / docs;  // total < 2^48 tokens
  if (avgdl_q8 < 256) avgdl_q8 = 256;       // the compiler's max(1.0, avgdl)
  uint64_t ratio_q16 = (uint64_t{len} << 24) / avgdl_q8;
  if (ratio_q16 > (uint64_t{1} << 40)) ratio_q16 = uint64_t{1} << 40;
  const uint64_t inner = uint64_t{1000 - b_milli} * 65536u + uint64_t{b_milli} * ratio_q16;  // < 2^50
  const uint64_t k = (inner * k1_milli + 128000000u) / 256000000u;
  if (k < 1) return 1;
  return k > kMaxNormK ? kMaxNormK : static_cast<uint32_t>(k);
}

/// Q16 factor that lifts a bound made with an index's own K table (`local`) above
/// every tf_norm under the combined table: tf_norm grows by at most K / K' when K
/// shrinks to K'. At least 1.0 (65536).
/// `local(c)` gives the index's own K * 256 of norm code c (no table copied).
template <class LocalK>
inline uint32_t bound_scale_q16_of(const LocalK& local, const uint32_t* combined) {
  uint64_t scale = 65536;
  for (uint32_t c = 0; c < kNormCodes; ++c) {
    const uint32_t own = local(c);
    const uint64_t k = own ? own : 1, kc = combined[c] ? combined[c] : 1;
    const uint64_t r = (k * 65536 + kc - 1) / kc;
    if (r > scale) scale = r;
  }
  return scale > (uint64_t{1} << 24) ? (1u << 24) : static_cast<uint32_t>(scale);
}
/// The same with the index's own table as an array.
inline uint32_t bound_scale_q16(const uint32_t* local, const uint32_t* combined) {
  return bound_scale_q16_of([local](uint32_t c) { return local[c]; }, combined);
}

/// A tf_norm bound scaled by bound_scale_q16 (plus one unit for the rounding), at most 65536 + 256.
inline uint32_t scale_tf_bound(uint32_t bound, uint32_t scale_q16) {
  if (scale_q16 == 65536) return bound;
  const uint64_t b = ((uint64_t{bound} * scale_q16) >> 16) + 1;
  return b > 65536u + 256u ? 65536u + 256u : static_cast<uint32_t>(b);
}

}  // namespace corpus::search
