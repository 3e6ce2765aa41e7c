// DfMemo (search/df_memo.hpp): a collection search looks each term's combined df up
// once for all its parts. The memo must never change a result: a part searched with
// it (shared across the parts, or full from the start) ranks and scores exactly as
// without it.
#include <catch.hpp>

#include <memory>
#include <string>

#include "corpus/collection.hpp"
#include "corpus/search/collection_search.hpp"
#include "volume_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::BuiltBlob;
using corpus_test::TempCorpus;

namespace {

// A base of four articles, a volume that replaces one, adds one and removes one, and a
// second volume over it: three parts, every one with hidden documents below it.
struct ThreeParts {
  TempCorpus base_in, v1_in, v2_in, out;
  BuiltBlob base, v1, v2;
  ThreeParts() {
    base_in.write("a.txt", "Apple harvest\n\nThe orchard grows apples and pears every autumn.\n");
    base_in.write("b.txt", "Banana boats\n\nBananas ripen in the warm sun of the valley.\n");
    base_in.write("c.txt", "Cherry season\n\nCherries and apples are picked early in the summer.\n");
    base_in.write("e.txt", "Elder flowers\n\nElder flowers bloom along the valley road.\n");
    corpus_test::build_blob(out.path(), "base.crp", {base_in.path()}, {}, {}, base);
    v1_in.write("b.txt", "Blueberry boats\n\nBlueberries replaced the bananas of the valley.\n");
    v1_in.write("d.txt", "Date palms\n\nDates grow on palms in the oasis, far from apples.\n");
    corpus_test::build_blob(out.path(), "v1.crp", {v1_in.path()}, {base.path}, {"c.txt"}, v1);
    v2_in.write("f.txt", "Fig trees\n\nFig trees shade the valley orchard and its apples.\n");
    corpus_test::build_blob(out.path(), "v2.crp", {v2_in.path()}, {base.path, v1.path}, {}, v2);
  }
};

// "id score" of every hit of part p's search, best first.
std::string part_hits(const Collection& c, uint32_t p, const char* q, cs::DfMemo* memo) {
  auto ws = std::make_unique<cs::SearchWorkspace>();
  REQUIRE(cs::search(*c.index(p), q, cs::SearchOptions(), ws.get(), memo) == Status::ok);
  std::string hits;
  for (uint32_t i = 0; i < ws->results.count; ++i) {
    hits += std::string(volume::article_id(c.part(p), ws->results.hits[i].article)) + " " +
            std::to_string(ws->results.hits[i].score) + "; ";
  }
  return hits;
}

}  // namespace

TEST_CASE("a DfMemo finds what was put, by exact bytes, and stops remembering when full") {
  auto memo = std::make_unique<cs::DfMemo>();
  uint32_t df = 0;
  CHECK_FALSE(memo->find("apple", &df));
  memo->put("apple", 7);
  memo->put("appl", 3);
  REQUIRE(memo->find("apple", &df));
  CHECK(df == 7);
  REQUIRE(memo->find("appl", &df));
  CHECK(df == 3);
  CHECK_FALSE(memo->find("apples", &df));
  CHECK_FALSE(memo->find("", &df));
  for (uint32_t i = memo->size(); i < cs::kDfMemoEntries + 5; ++i) memo->put("t" + std::to_string(i), i);
  CHECK(memo->size() == cs::kDfMemoEntries);
  CHECK_FALSE(memo->find("t" + std::to_string(cs::kDfMemoEntries + 1), &df));
  memo->clear();
  CHECK(memo->size() == 0);
  CHECK_FALSE(memo->find("apple", &df));
  const std::string long_term(64, 'x');  // the arena runs out before the entries
  for (uint32_t i = 0; i < cs::kDfMemoEntries; ++i) memo->put(long_term + std::to_string(i), i);
  CHECK(memo->size() < cs::kDfMemoEntries);
  CHECK(memo->size() >= cs::kDfMemoArenaBytes / 66);
  REQUIRE(memo->find(long_term + "0", &df));
  CHECK(df == 0);
}

TEST_CASE("a part searched with the collection's memo ranks and scores as without it") {
  ThreeParts t;
  const Blob blobs[] = {t.base.blob, t.v1.blob, t.v2.blob};
  Collection c;
  REQUIRE(c.open(blobs, 3) == Status::ok);
  const char* queries[] = {"apples", "valley orchard", "apple*", "bananna", "the valley", "\"valley orchard\"",
                           "palms -apples", "cherries", "elder flowers bloom", "fig*"};
  for (const char* q : queries) {
    INFO(q);
    auto shared = std::make_unique<cs::DfMemo>(), full = std::make_unique<cs::DfMemo>();
    for (uint32_t i = 0; i < cs::kDfMemoEntries; ++i) full->put("zz" + std::to_string(i), 1);
    for (uint32_t p = 0; p < 3; ++p) {
      const std::string plain = part_hits(c, p, q, nullptr);
      CHECK(part_hits(c, p, q, shared.get()) == plain);
      CHECK(part_hits(c, p, q, full.get()) == plain);
    }
    CHECK(shared->size() > 0);
  }
}

TEST_CASE("a collection search fills its memo once; a lone blob needs none") {
  ThreeParts t;
  const Blob blobs[] = {t.base.blob, t.v1.blob, t.v2.blob};
  Collection c, lone;
  REQUIRE(c.open(blobs, 3) == Status::ok);
  REQUIRE(lone.open(blobs, 1) == Status::ok);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  auto res = std::make_unique<cs::CollectionResults>();
  REQUIRE(cs::search(c, "valley apples", cs::SearchOptions(), ws.get(), res.get()) == Status::ok);
  CHECK(res->count > 0);
  CHECK(res->df_memo.size() == 2);  // one entry per distinct term, shared by the 3 parts
  REQUIRE(cs::search(c, "orchard", cs::SearchOptions(), ws.get(), res.get()) == Status::ok);
  CHECK(res->df_memo.size() == 1);  // cleared per search: a df belongs to one search
  REQUIRE(cs::search(lone, "valley apples", cs::SearchOptions(), ws.get(), res.get()) == Status::ok);
  CHECK(res->df_memo.size() == 0);
}
