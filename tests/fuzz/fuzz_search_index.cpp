// Fuzz target (e2): search() over a corrupt index. The input is a list of edits to
// the SearchIndex built from examples/corpus: 5 bytes each, a little-endian offset
// (modulo the index size) and a byte XOR-ed in there. The edited buffer goes
// through the FlatBuffers Verifier (as Blob::open() does for a blob's index), then
// Index::open() and a fixed set of queries. Any status is fine; a crash is not.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "corpus/search/searcher.hpp"
#include "example_index.hpp"
#include "fuzz_support.hpp"

namespace {

corpus::search::SearchWorkspace g_ws;

const char* const kQueries[] = {
    "the", "market growth", "\"the company\"", "+economy -sport", "title:film", "gov* elect*",
    "a b c d e f g h i j k l m n o p", "\"of the\" +year", "-the +and bank",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const corpus_test::BuiltIndex& built = corpus_fuzz::example_index();
  const size_t n = built.fbb.GetSize();
  corpus_fuzz::AlignedInput buf(built.fbb.GetBufferPointer(), n);
  for (size_t i = 0; i + 5 <= size; i += 5) {
    uint32_t off;
    std::memcpy(&off, data + i, 4);
    buf.data()[off % n] ^= data[i + 4];
  }
  flatbuffers::Verifier verifier(buf.data(), n, /*max_depth=*/16, /*max_tables=*/64);
  if (!verifier.VerifyBuffer<corpus::fb::SearchIndex>(nullptr)) return 0;
  const auto* root = flatbuffers::GetRoot<corpus::fb::SearchIndex>(buf.data());
  corpus::search::Index index;
  if (corpus::search::Index::open(*root, &index) != corpus::Status::ok) return 0;
  for (const char* q : kQueries) {
    for (int sort = 0; sort < 3; ++sort) {
      corpus::search::SearchOptions opt;
      opt.k = 10;
      opt.sort = static_cast<corpus::search::SortOrder>(sort);
      if (corpus::search::search(index, q, opt, &g_ws) != corpus::Status::ok) continue;
      FUZZ_CHECK(g_ws.results.count <= opt.k);
    }
  }
  return 0;
}
