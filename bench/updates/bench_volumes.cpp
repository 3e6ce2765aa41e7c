// Runtime cost of volumes: runs every query of a file over a base and its volumes
// (as one corpus::Collection), or over one blob, and prints the hits' ids. Run it
// under callgrind twice (with the queries, and with an empty query file) to get the
// instructions per query without the setup: bench/updates/volumes_cost.sh.
// Usage: bench_volumes QUERIES BASE [VOLUME...]
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "corpus/search/collection_search.hpp"
#include "volume/blob_chain.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_volumes QUERIES BASE [VOLUME...]\n");
    return 2;
  }
  std::vector<std::string> paths(argv + 2, argv + argc);
  corpusc::BlobChain chain;
  if (!chain.open(paths)) {
    std::fprintf(stderr, "%s\n", chain.error().c_str());
    return 4;
  }
  auto ws = std::make_unique<corpus::search::SearchWorkspace>();
  auto res = std::make_unique<corpus::search::CollectionResults>();
  std::ifstream in(argv[1]);
  uint64_t hits = 0, queries = 0;
  for (std::string q; std::getline(in, q);) {
    if (q.empty()) continue;
    ++queries;
    if (corpus::search::search(chain.collection(), q, corpus::search::SearchOptions(), ws.get(), res.get()) ==
        corpus::Status::ok) {
      hits += res->count;
    }
  }
  std::printf("%llu queries, %llu hits, collection %zu bytes\n", static_cast<unsigned long long>(queries),
              static_cast<unsigned long long>(hits), sizeof(corpus::Collection));
  return 0;
}
