// Opening a collection of a base and a volume, looking up, reading, searching and
// completing over it allocate nothing (tests/support/alloc_counter.cpp).
#include <catch.hpp>

#include <memory>

#include "alloc_counter.hpp"
#include "corpus/collection.hpp"
#include "corpus/search/collection_search.hpp"
#include "volume_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;

TEST_CASE("multi-blob open, find, read, search and completion make no heap allocation") {
  corpus_test::TempCorpus base_in, vol_in, out;
  base_in.write("a.txt", "Alpha apples\n\nThe orchard grows apples and pears every autumn.\n");
  base_in.write("b.txt", "Beta bananas\n\nBananas ripen in the warm sun of the valley.\n");
  vol_in.write("b.txt", "Beta blueberries\n\nBlueberries replaced the bananas of the valley.\n");
  vol_in.write("c.txt", "Gamma cherries\n\nCherries are picked early in the summer.\n");
  corpus_test::BuiltBlob base, vol;
  corpus_test::build_blob(out.path(), "base.crp", {base_in.path()}, {}, {}, base);
  corpus_test::build_blob(out.path(), "vol.crp", {vol_in.path()}, {base.path}, {"a.txt"}, vol);
  const Blob blobs[] = {base.blob, vol.blob};
  auto collection = std::make_unique<Collection>();
  auto ws = std::make_unique<cs::SearchWorkspace>();
  auto res = std::make_unique<cs::CollectionResults>();
  std::vector<uint64_t> reader_ws(workspace_bytes(kFrameBytesDefault) / 8 + 1);
  static cs::Completion completions[8], scratch[8];
  static char text[512];

  corpus_test::AllocationScope scope;
  REQUIRE(collection->open(blobs, 2) == Status::ok);
  uint32_t hits = 0;
  for (const char* q : {"valley", "apples", "\"picked early\"", "bana*", "+cherries -apples"}) {
    REQUIRE(cs::search(*collection, q, cs::SearchOptions(), ws.get(), res.get()) == Status::ok);
    hits += res->count;
    uint32_t n = 0;
    REQUIRE(cs::complete(*collection, "b", completions, 8, &n, scratch) == Status::ok);
  }
  ArticleRef ref;
  REQUIRE(collection->find("c.txt", &ref) == Status::ok);
  Reader reader;
  REQUIRE(collection->init_reader(ref.part, &reader, reader_ws.data(), reader_ws.size() * 8) == Status::ok);
  size_t n = 0;
  REQUIRE(reader.read_all(collection->part(ref.part).article(ref.index).text, text, sizeof text, &n) == Status::ok);
  const size_t allocations = scope.count();
  CHECK(hits >= 4);
  CHECK(n > 0);
  CHECK(allocations == 0);
  INFO("sizeof(Collection) = " << sizeof(Collection) << ", per part " << sizeof(cs::Index) + sizeof(cs::CombinedPart));
  CHECK(sizeof(Collection) < 1100 + kMaxCollectionParts * (sizeof(cs::Index) + sizeof(cs::CombinedPart)));
}
