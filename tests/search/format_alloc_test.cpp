// verify() with the index walk, prefix expansion through surface forms and
// completion allocate nothing (tests/support/alloc_counter.cpp counts).
#include <catch.hpp>

#include <memory>
#include <vector>

#include "alloc_counter.hpp"
#include "corpus/search/complete.hpp"
#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

TEST_CASE("verify, prefixes through surface forms and completions make no heap allocation") {
  corpus_test::Compiled c;  // setup may allocate
  corpus_test::compile({std::string(CORPUS_SOURCE_DIR) + "/examples/corpus"}, corpusc::BuildSettings(), c);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  std::vector<uint64_t> verify_ws(workspace_bytes(c.blob.max_frame_raw()) / 8 + 1);
  static cs::Completion completions[10];

  corpus_test::AllocationScope scope;
  VerifyReport rep = verify(c.bytes.data(), c.bytes.size, verify_ws.data(), verify_ws.size() * 8);
  cs::Index index;
  REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  REQUIRE(cs::search(index, "negotiat*", cs::SearchOptions(), ws.get()) == Status::ok);
  const uint32_t hits = ws->results.count;
  uint32_t n = 0;
  REQUIRE(cs::complete(index, "negotiat", completions, 10, &n) == Status::ok);
  const size_t allocations = scope.count();
  CHECK(rep.status == Status::ok);
  CHECK(index.form_count() > 0);
  CHECK(hits > 0);
  CHECK(n > 0);
  CHECK(allocations == 0);
}
