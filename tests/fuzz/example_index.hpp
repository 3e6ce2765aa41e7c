// A search index over examples/corpus, built once per fuzz process with corpusc's
// IndexBuilder (tests/search/search_fixture.hpp), for the search fuzz targets.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "blob_fixture.hpp"
#include "search_fixture.hpp"

namespace corpus_fuzz {

inline std::vector<corpus_test::TestDoc> example_docs() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(CORPUS_SOURCE_DIR "/examples/corpus")) {
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());  // same docs, same order, every run
  std::vector<corpus_test::TestDoc> docs;
  for (const auto& p : paths) {
    std::string body;
    if (!corpus_test::read_file(p, body)) continue;
    docs.emplace_back(body.substr(0, body.find('\n')), body);
  }
  return docs;
}

/// The index, built on first use (kept for the process's life).
inline const corpus_test::BuiltIndex& example_index() {
  static const corpus_test::BuiltIndex* built = new corpus_test::BuiltIndex(example_docs());
  return *built;
}

}  // namespace corpus_fuzz
