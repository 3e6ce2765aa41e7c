// Test support: builds a SearchIndex in memory with corpusc's IndexBuilder and opens
// it with the runtime, as a blob without text would hold it.
#pragma once

#include <string>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/search/index.hpp"
#include "index/index_builder.hpp"

namespace corpus_test {

struct TestDoc {
  std::string title, body;
  std::vector<std::pair<uint32_t, uint32_t>> excluded;
  TestDoc(std::string t, std::string b, std::vector<std::pair<uint32_t, uint32_t>> ex = {})
      : title(std::move(t)), body(std::move(b)), excluded(std::move(ex)) {}
};

/// Owns the FlatBuffer; `index` views it. Doc ids are the positions in `docs`.
struct BuiltIndex {
  flatbuffers::FlatBufferBuilder fbb;
  corpus::search::Index index;
  corpusc::IndexStats stats;

  explicit BuiltIndex(const std::vector<TestDoc>& docs, corpusc::Bm25Settings bm25 = {},
                      corpus::text::TokenizerOptions options = {}) {
    corpusc::IndexBuilder builder(options, bm25);
    for (uint32_t i = 0; i < docs.size(); ++i) {
      corpusc::IndexDocument d;
      d.article = i;
      d.title = docs[i].title;
      d.body = docs[i].body;
      d.excluded = docs[i].excluded;
      builder.add(d);
    }
    fbb.Finish(builder.write(fbb));
    stats = builder.stats();
    auto* root = flatbuffers::GetRoot<corpus::fb::SearchIndex>(fbb.GetBufferPointer());
    status = corpus::search::Index::open(*root, &index);
  }
  corpus::Status status = corpus::Status::malformed;
};

}  // namespace corpus_test
