// Runtime cost of volumes on Cortex-M4: the embedded parts (a base and its volumes,
// or one blob) are opened in place as one corpus::Collection, every embedded query is
// searched (top 10 by relevance), and the instructions are printed: SysTick ticks
// under qemu -icount shift=0 (board_metrics.h). bench/updates/volumes_m4.sh builds and
// runs it; the figures go to bench/results/updates.md. No heap, as in the firmware
// example: every object is static.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "board_metrics.h"
#include "console.hpp"
#include "corpus/collection.hpp"
#include "corpus/search/collection_search.hpp"

// Written by CMake (parts.S): {begin, end} of each blob, their count, the queries.
extern "C" const unsigned char* const bench_parts[];
extern "C" const uint32_t bench_part_count;
extern "C" const char bench_queries[], bench_queries_end[];

namespace {

Console out;
corpus::Blob g_parts[corpus::kMaxCollectionParts];
corpus::Collection g_collection;
corpus::search::SearchWorkspace g_search;
corpus::search::CollectionResults g_results;

int fail(const char* what, corpus::Status s) {
  out << "FAIL: " << what << ": " << corpus::status_message(s) << '\n';
  out.flush();
  return 1;
}

int open_parts() {
  if (bench_part_count == 0 || bench_part_count > corpus::kMaxCollectionParts) {
    return fail("part count", corpus::Status::ok);
  }
  for (uint32_t i = 0; i < bench_part_count; ++i) {
    const unsigned char* begin = bench_parts[2 * i];
    const size_t size = static_cast<size_t>(bench_parts[2 * i + 1] - begin);
    corpus::Status s = corpus::Blob::open(begin, size, &g_parts[i]);
    if (s != corpus::Status::ok) return fail("open part", s);
  }
  const uint64_t t0 = board_ticks();
  corpus::Status s = g_collection.open(g_parts, bench_part_count);
  const uint64_t ticks = board_ticks() - t0;
  if (s != corpus::Status::ok) return fail("open collection", s);
  out << "measure collection_open: " << ticks * BOARD_INSNS_PER_TICK << " insns\n";
  return 0;
}

// Searches every line of the query file; prints the total, the count and the hits.
int run_queries() {
  const std::string_view all(bench_queries, static_cast<size_t>(bench_queries_end - bench_queries));
  corpus::search::SearchOptions options;
  uint64_t ticks = 0, hits = 0;
  uint32_t queries = 0;
  for (size_t at = 0; at < all.size();) {
    size_t end = all.find('\n', at);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view q(all.data() + at, end - at);
    at = end + 1;
    if (q.empty()) continue;
    const uint64_t t0 = board_ticks();
    corpus::Status s = corpus::search::search(g_collection, q, options, &g_search, &g_results);
    ticks += board_ticks() - t0;
    if (s != corpus::Status::ok) return fail("search", s);
    hits += g_results.count;
    ++queries;
  }
  out << "measure queries: " << queries << " queries, " << hits << " hits, " << ticks * BOARD_INSNS_PER_TICK
      << " insns, " << (queries ? ticks * BOARD_INSNS_PER_TICK / queries : 0) << " insns per query\n";
  out << "memory: collection " << static_cast<uint32_t>(sizeof g_collection) << " B, results "
      << static_cast<uint32_t>(sizeof g_results) << " B, search workspace "
      << static_cast<uint32_t>(sizeof g_search) << " B\n";
  return 0;
}

}  // namespace

int main() {
  board_ticks_start();
  out << "volumes_m4: " << bench_part_count << " part(s)\n";
  int code = open_parts();
  if (code == 0) code = run_queries();
  if (code == 0) out << "PASS\n";
  out.flush();
  return code;
}
