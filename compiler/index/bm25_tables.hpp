// BM25 settings and the K tables the index stores (SearchIndex.norm_k,
// language_norm_k) and bounds its blocks with (bm25.hpp: K * 256 per norm code).
#pragma once

#include <cstdint>
#include <vector>

namespace corpusc {

/// BM25/BM25F settings. Chosen on SciFact's training claims (never its test queries)
/// among k1/b in {0.9/0.4 (Pyserini), 1.2/0.75} x title_weight in {1, 2, 3}; see
/// bench/scifact/README.md for the grid.
struct Bm25Settings {
  double k1 = 1.2;
  double b = 0.75;
  uint32_t title_weight = 3;  // one title occurrence counts as this many body ones
  // Block bounds under the exact norm_k table instead of the bound table (bm25.hpp):
  // valid format 4 too, but an edition then changes more bound bytes; tests compare.
  bool exact_bounds = false;
};

/// K * 256 of every norm code for documents averaging total / docs tokens.
std::vector<uint32_t> norm_k_table(const Bm25Settings& bm25, uint64_t total, uint32_t docs);

/// The bound table (bm25.hpp, index format 4): the K table of the average length rounded
/// up to the grid 2^(n / kBoundAvgdlSteps). Its K are <= the exact table's, so a bound
/// under it is >= the exact bound; an average that moves within a step keeps the table.
std::vector<uint32_t> bound_norm_k_table(const Bm25Settings& bm25, uint64_t total, uint32_t docs);

}  // namespace corpusc
