// BM25 in integers. The compiler (which computes per-term and per-block bounds) and
// the runtime (which scores) call these same functions, so a bound is never below the
// score it bounds and both sides agree bit for bit. No floating point.
//
// score(t, d) = idf(t) * ftf / (ftf + K(d))   with   K(d) = k1 * (1 - b + b * len(d) / avgdl)
//  * idf(t) = log2((N + 1) / (df + 0.5)) (Lucene's idf up to the factor ln 2, which
//    is the same for every term and so does not change a ranking), in 1/65536 units.
//  * ftf is the BM25F pseudo frequency: body occurrences + title_weight * title
//    occurrences, capped at kMaxScoredTf (saturation makes the cap invisible).
//  * len(d) is stored as a one-byte "norm" (Lucene's SmallFloat.intToByte4: exact
//    below 24, then 4 significant bits), and K for each of the 256 norms is a table
//    the compiler writes (SearchIndex.norm_k, K * 256, rounded).
//  * The (k1 + 1) factor of textbook BM25 is dropped, as in Lucene 8+: a constant.
// Units: tf_norm() is ftf / (ftf + K) in 1/65536; term_score() is idf * tf_norm in
// 1/65536 log2-units, times the query term's repeat count.
#pragma once

#include <cstdint>

namespace corpus::search {

constexpr uint32_t kMaxScoredTf = 255;
constexpr uint32_t kNormCodes = 256;
/// Largest K * 256 a norm table may hold (keeps tf_norm() in 32-bit arithmetic).
constexpr uint32_t kMaxNormK = 1u << 24;

/// log2(x) in 1/65536 units, for x >= 1 (0 for x == 0). Exact to the last bit
/// (bit-by-bit squaring), deterministic on every target.
inline uint32_t log2_fp16(uint32_t x) {
  if (x == 0) return 0;
  uint32_t ip = 31;
  while ((x >> ip) == 0) --ip;
  // m: x / 2^ip in Q31, in [1, 2).
  uint64_t m = (static_cast<uint64_t>(x) << 31) >> ip;
  uint32_t frac = 0;
  for (int bit = 15; bit >= 0; --bit) {
    m = (m * m) >> 31;
    if (m >= (uint64_t{2} << 31)) {
      m >>= 1;
      frac |= 1u << bit;
    }
  }
  return (ip << 16) | frac;
}

/// idf in 1/65536 log2-units: log2((N + 1) / (df + 0.5)) = log2(2N + 2) - log2(2df + 1).
inline uint32_t idf_weight(uint32_t df, uint32_t doc_count) {
  if (df > doc_count) df = doc_count;
  uint32_t a = log2_fp16(2u * doc_count + 2u), b = log2_fp16(2u * df + 1u);
  return a > b ? a - b : 0;
}

/// ftf / (ftf + K) in 1/65536, with norm_k = K * 256 (>= 1).
inline uint32_t tf_norm(uint32_t ftf, uint32_t norm_k) {
  if (ftf == 0) return 0;
  if (ftf > kMaxScoredTf) ftf = kMaxScoredTf;
  if (norm_k == 0) norm_k = 1;
  if (norm_k > kMaxNormK) norm_k = kMaxNormK;
  return (ftf << 24) / ((ftf << 8) + norm_k);
}

/// Bounds stored in the index are one byte: q = tf_norm >> 8 of the largest tf_norm;
/// tf_norm_bound(q) is then strictly above every tf_norm it covers.
inline uint8_t tf_norm_quantize(uint32_t tfn) { return static_cast<uint8_t>(tfn >> 8); }
inline uint32_t tf_norm_bound(uint8_t q) { return (static_cast<uint32_t>(q) + 1u) << 8; }

/// Bound table (index format 4, index_format.hpp): block bounds (the dictionary's and
/// the skip entries' max_tfn) are computed with the norm_k table of an average length
/// rounded up to the grid 2^(n / kBoundAvgdlSteps), n an integer (the smallest grid
/// value >= max(1, avgdl); the compiler, index_builder.cpp). A larger average gives a
/// smaller K and so a larger tf_norm: the stored byte stays >= the exact bound of every
/// score it covers, and an edition whose average length moves by a few percent keeps
/// most bound bytes (a step is 9 %). Nothing reads the grid back: a reader takes a
/// stored bound as an upper bound, verify checks it is >= the exact one. A bound
/// lifted to another K table by the ratio of the index's own K to it (bound_scale_q16,
/// combined_stats.hpp: collections and language scopes) stays above too, as the bound
/// table's K are at most the own table's.
constexpr uint32_t kBoundAvgdlSteps = 8;

/// idf * tf_norm (both in 1/65536) * the query term's repeat count, in 1/65536.
inline uint32_t term_score(uint32_t idf, uint32_t tfn, uint32_t qtf) {
  return static_cast<uint32_t>((static_cast<uint64_t>(idf) * tfn) >> 16) * qtf;
}

/// Lucene's SmallFloat.intToByte4: document length -> norm code.
inline uint8_t length_to_norm(uint32_t len) {
  constexpr uint32_t kFree = 24;
  if (len < kFree) return static_cast<uint8_t>(len);
  uint32_t v = len - kFree;
  uint32_t bits = 0;
  while (bits < 32 && (v >> bits) != 0) ++bits;
  uint32_t code;
  if (bits < 4) {
    code = v;
  } else {
    uint32_t shift = bits - 4;
    code = ((v >> shift) & 0x07u) | ((shift + 1u) << 3);
  }
  return static_cast<uint8_t>(kFree + code);
}

/// Inverse of length_to_norm (the smallest length with that code).
inline uint32_t norm_to_length(uint8_t norm) {
  constexpr uint32_t kFree = 24;
  if (norm < kFree) return norm;
  uint32_t c = norm - kFree;
  uint32_t bits = c & 0x07u;
  int shift = static_cast<int>(c >> 3) - 1;
  uint64_t v = shift < 0 ? bits : (static_cast<uint64_t>(bits | 0x08u) << shift);
  v += kFree;
  return v > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<uint32_t>(v);
}

}  // namespace corpus::search
