#include "index/bm25_tables.hpp"

#include <algorithm>
#include <cmath>

#include "corpus/search/bm25.hpp"

namespace corpusc {

namespace cs = corpus::search;

namespace {

// K * 256 of every norm code for documents averaging `avgdl` tokens (bm25.hpp).
std::vector<uint32_t> norm_k_table_at(const Bm25Settings& bm25, double avgdl) {
  std::vector<uint32_t> norm_k(cs::kNormCodes);
  for (uint32_t c = 0; c < cs::kNormCodes; ++c) {
    double len = cs::norm_to_length(static_cast<uint8_t>(c));
    double k = bm25.k1 * (1.0 - bm25.b + bm25.b * len / avgdl) * 256.0;
    norm_k[c] = static_cast<uint32_t>(std::clamp(std::llround(k), 1LL, (long long)cs::kMaxNormK));
  }
  return norm_k;
}

double average_length(uint64_t total, uint32_t docs) { return docs ? std::max(1.0, double(total) / docs) : 1.0; }

}  // namespace

std::vector<uint32_t> norm_k_table(const Bm25Settings& bm25, uint64_t total, uint32_t docs) {
  return norm_k_table_at(bm25, average_length(total, docs));
}

std::vector<uint32_t> bound_norm_k_table(const Bm25Settings& bm25, uint64_t total, uint32_t docs) {
  const double avgdl = average_length(total, docs);
  const double steps = cs::kBoundAvgdlSteps;
  double n = std::floor(std::log2(avgdl) * steps);
  while (std::exp2(n / steps) < avgdl) ++n;  // the smallest grid value >= avgdl, whatever log2 rounds
  return norm_k_table_at(bm25, std::exp2(n / steps));
}

}  // namespace corpusc
