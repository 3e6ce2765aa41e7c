// bench_peer: builds or queries one peer, in-process, for bench/run.
//   bench_peer SYSTEM build CORPUS.jsonl PATH           -> JSON {build_s, bytes}
//   bench_peer SYSTEM query CORPUS.jsonl PATH QUERIES OUT.json [PASSES]
// SYSTEM: fts5 | xapian | zim. Build runs in its own process so that bench/run's
// wait4() peak RSS is the build's alone. Query output: open time, per-query latency
// and top-10 ids in both modes (bench_data.hpp protocol), fetch latencies.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bench_data.hpp"
#include "peer.hpp"

namespace {

std::unique_ptr<bench::Peer> make(const std::string& name) {
  if (name == "fts5") return bench::make_fts5();
  if (name == "xapian") return bench::make_xapian();
  if (name == "zim") return bench::make_zim();
  throw std::runtime_error("unknown system " + name);
}

int run(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_peer SYSTEM build|query CORPUS PATH [QUERIES OUT [PASSES]]\n");
    return 2;
  }
  const std::string system = argv[1], cmd = argv[2], corpus_path = argv[3], path = argv[4];
  auto corpus = bench::load_corpus(corpus_path);
  auto peer = make(system);
  if (cmd == "build") {
    auto t0 = bench::Clock::now();
    peer->build(corpus, path);
    double s = bench::micros_since(t0) / 1e6;
    nlohmann::json j = {{"system", system}, {"build_s", s},
                        {"bytes", std::filesystem::file_size(peer->file(path))}};
    std::cout << j.dump() << "\n";
    return 0;
  }
  if (cmd != "query" || argc < 7) return 2;
  auto queries = bench::load_queries(argv[5]);
  const int passes = argc > 7 ? std::atoi(argv[7]) : 3;
  nlohmann::json j = {{"system", system}};
  // Open: median of 5 fresh opens (the file is in the page cache after the first).
  std::vector<double> opens;
  for (int i = 0; i < 5; ++i) {
    auto p = make(system);
    auto t0 = bench::Clock::now();
    p->open(path);
    opens.push_back(bench::micros_since(t0));
  }
  std::sort(opens.begin(), opens.end());
  j["open_us"] = opens[opens.size() / 2];
  peer->open(path);
  for (bench::Mode mode : {bench::Mode::all, bench::Mode::any}) {
    auto r = bench::time_queries(queries.size(), passes,
                                 [&](size_t i) { return peer->search(queries[i], mode, 10); });
    j[bench::mode_name(mode)] = bench::to_json(r);
  }
  std::vector<double> fetch_us;
  size_t bytes = 0;
  for (size_t pos : bench::fetch_order(corpus.size())) {
    auto t0 = bench::Clock::now();
    bytes += peer->fetch(pos, corpus[pos].id);
    fetch_us.push_back(bench::micros_since(t0));
  }
  j["fetch_us"] = fetch_us;
  j["fetch_bytes"] = bytes;
  std::ofstream(argv[6]) << j.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_peer: %s\n", e.what());
    return 1;
  }
}
