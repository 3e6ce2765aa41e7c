// bench_floors: per-article compression floor, the best a store that must decode
// any one article alone can do with zstd: each article's text (title, newline,
// text) compressed at level 19 with a dictionary trained on all of them.
//   bench_floors CORPUS.jsonl [DICT_BYTES]   -> JSON {articles, raw, dict, compressed, total}
// (Whole-corpus zstd -19 and xz -9 floors are the command-line tools, in bench/run.)
#include <zdict.h>
#include <zstd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "bench_data.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_floors CORPUS.jsonl [DICT_BYTES]\n");
    return 2;
  }
  try {
    auto corpus = bench::load_corpus(argv[1]);
    const size_t dict_cap = argc > 2 ? static_cast<size_t>(std::atol(argv[2])) : 64 * 1024;
    std::string all;
    std::vector<size_t> sizes;
    for (const auto& a : corpus) {
      std::string t = a.title + "\n" + a.text;
      all += t;
      sizes.push_back(t.size());
    }
    std::vector<char> dict(dict_cap);
    size_t dict_size = ZDICT_trainFromBuffer(dict.data(), dict.size(), all.data(), sizes.data(),
                                             static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(dict_size)) throw std::runtime_error(ZDICT_getErrorName(dict_size));
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_CDict* cdict = ZSTD_createCDict(dict.data(), dict_size, 19);
    std::vector<char> out(ZSTD_compressBound(1u << 22));
    uint64_t total = 0;
    size_t at = 0;
    for (size_t s : sizes) {
      if (ZSTD_compressBound(s) > out.size()) out.resize(ZSTD_compressBound(s));
      size_t n = ZSTD_compress_usingCDict(cctx, out.data(), out.size(), all.data() + at, s, cdict);
      if (ZSTD_isError(n)) throw std::runtime_error(ZSTD_getErrorName(n));
      total += n;
      at += s;
    }
    ZSTD_freeCDict(cdict);
    ZSTD_freeCCtx(cctx);
    nlohmann::json j = {{"articles", sizes.size()}, {"raw", all.size()}, {"dict", dict_size},
                        {"compressed", total}, {"total", total + dict_size}};
    std::cout << j.dump() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_floors: %s\n", e.what());
    return 1;
  }
}
