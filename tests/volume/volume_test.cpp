// Volumes (`corpusc build --extends`) and corpus::Collection: what a volume stores,
// newest-wins lookup, tombstones in lookup, search and completion, chains, refused
// chains, damaged volumes, and scores against one blob of the union.
#include <catch.hpp>

#include <memory>

#include "corpus/collection.hpp"
#include "corpus/search/collection_search.hpp"
#include "corpus/verify.hpp"
#include "corpus/volume.hpp"
#include "errors.hpp"
#include "volume_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::BuiltBlob;
using corpus_test::TempCorpus;

namespace {

struct Chain {
  TempCorpus base_in, vol_in, out;
  BuiltBlob base, vol;
  Chain() {
    base_in.write("a.txt", "Alpha apples\n\nThe orchard grows apples and pears every autumn.\n");
    base_in.write("b.txt", "Beta bananas\n\nBananas ripen in the warm sun of the valley.\n");
    base_in.write("c.txt", "Gamma cherries\n\nCherries are picked early in the summer.\n");
    corpus_test::build_blob(out.path(), "base.crp", {base_in.path()}, {}, {}, base);
    vol_in.write("a.txt", "Alpha apples\n\nThe orchard grows apples and pears every autumn.\n");  // unchanged
    vol_in.write("b.txt", "Beta blueberries\n\nBlueberries replaced the bananas of the valley.\n");
    vol_in.write("d.txt", "Delta dates\n\nDates grow on palms in the oasis.\n");
    corpus_test::build_blob(out.path(), "vol.crp", {vol_in.path()}, {base.path}, {"c.txt"}, vol);
  }
};

std::string search_ids(const Collection& c, const char* q) {
  auto ws = std::make_unique<cs::SearchWorkspace>();
  auto res = std::make_unique<cs::CollectionResults>();
  REQUIRE(cs::search(c, q, cs::SearchOptions(), ws.get(), res.get()) == Status::ok);
  std::string ids;
  for (uint32_t i = 0; i < res->count; ++i) {
    ids += std::string(volume::article_id(c.part(res->hits[i].ref.part), res->hits[i].ref.index)) + " ";
  }
  return ids;
}

}  // namespace

TEST_CASE("a volume stores only new and changed articles, and tombstones") {
  Chain ch;
  CHECK(ch.vol.blob.article_count() == 2);  // b (changed), d (new); a is unchanged
  CHECK(volume::tombstone_count(ch.vol.blob) == 1);
  CHECK(volume::tombstone(ch.vol.blob, 0) == "c.txt");
  CHECK(volume::info(ch.base.blob) == nullptr);
  REQUIRE(volume::info(ch.vol.blob) != nullptr);
  CHECK(volume::info(ch.vol.blob)->extends_seal() == ch.base.blob.seal());
  CHECK(volume::info(ch.vol.blob)->depth() == 1);
  CHECK(ch.vol.blob.dictionary_bytes() == 0);  // the base's, referenced by fingerprint
}

TEST_CASE("newest wins, tombstones hide from lookup, search and completion") {
  Chain ch;
  const Blob blobs[] = {ch.base.blob, ch.vol.blob};
  Collection c;
  REQUIRE(c.open(blobs, 2) == Status::ok);
  ArticleRef ref;
  REQUIRE(c.find("a.txt", &ref) == Status::ok);
  CHECK(ref.part == 0);
  REQUIRE(c.find("b.txt", &ref) == Status::ok);
  CHECK(ref.part == 1);
  CHECK(c.find("c.txt", &ref) == Status::not_found);
  REQUIRE(c.find("d.txt", &ref) == Status::ok);
  CHECK(ref.part == 1);
  CHECK(c.live_article_count() == 3);

  std::vector<uint64_t> ws(workspace_bytes(c.max_frame_raw()) / 8 + 1);
  Reader reader;
  REQUIRE(c.find("d.txt", &ref) == Status::ok);
  REQUIRE(c.init_reader(ref.part, &reader, ws.data(), ws.size() * 8) == Status::ok);
  char text[256];
  size_t n = 0;
  REQUIRE(reader.read_all(c.part(ref.part).article(ref.index).text, text, sizeof text, &n) == Status::ok);
  CHECK(std::string(text, n).find("palms in the oasis") != std::string::npos);

  CHECK(search_ids(c, "blueberries") == "b.txt ");
  CHECK(search_ids(c, "bananas") == "b.txt ");  // the new b mentions them; the old b is hidden
  CHECK(search_ids(c, "ripen") == "");          // only in the replaced b
  CHECK(search_ids(c, "cherries") == "");       // removed
  const std::string both = search_ids(c, "apples dates");
  CHECK((both == "a.txt d.txt " || both == "d.txt a.txt "));

  cs::Completion out[4], scratch[4];
  uint32_t count = 0;
  REQUIRE(cs::complete(c, "cherr", out, 4, &count, scratch) == Status::ok);
  CHECK(count == 0);
  REQUIRE(cs::complete(c, "blue", out, 4, &count, scratch) == Status::ok);
  REQUIRE(count == 1);
  CHECK(out[0].view() == "blueberries");
}

TEST_CASE("a volume over a volume: a chain, refused out of order") {
  Chain ch;
  TempCorpus in2;
  in2.write("e.txt", "Epsilon elderberries\n\nElderberries make a dark syrup.\n");
  BuiltBlob vol2;
  corpus_test::build_blob(ch.out.path(), "vol2.crp", {in2.path()}, {ch.base.path, ch.vol.path}, {"d.txt", "a.txt"},
                          vol2);
  CHECK(volume::info(vol2.blob)->depth() == 2);
  const Blob chain[] = {ch.base.blob, ch.vol.blob, vol2.blob};
  Collection c;
  REQUIRE(c.open(chain, 3) == Status::ok);
  ArticleRef ref;
  CHECK(c.find("d.txt", &ref) == Status::not_found);
  CHECK(c.find("a.txt", &ref) == Status::not_found);
  REQUIRE(c.find("b.txt", &ref) == Status::ok);
  CHECK(ref.part == 1);
  CHECK(search_ids(c, "elderberries dates apples") == "e.txt ");
  CHECK(c.live_article_count() == 2);
  CHECK(c.stats().doc_count == 2);

  uint32_t bad = 0;
  const Blob skipped[] = {ch.base.blob, vol2.blob};  // vol2 extends vol, not the base
  Collection c2;
  CHECK(c2.open(skipped, 2, &bad) == Status::volume_mismatch);
  CHECK(bad == 1);
  CHECK_FALSE(c2.valid());
  const Blob no_base[] = {ch.vol.blob};
  CHECK(c2.open(no_base, 1, &bad) == Status::volume_mismatch);
  CHECK(bad == 0);
  const Blob swapped[] = {ch.base.blob, vol2.blob, ch.vol.blob};
  CHECK(c2.open(swapped, 3, &bad) == Status::volume_mismatch);
}

TEST_CASE("a volume over another base is refused; so is one with other tokenizer options") {
  Chain ch;
  TempCorpus other_in;
  other_in.write("a.txt", "Alpha apples\n\nA different base altogether.\n");
  BuiltBlob other;
  corpus_test::build_blob(ch.out.path(), "other.crp", {other_in.path()}, {}, {}, other);
  const Blob wrong[] = {other.blob, ch.vol.blob};
  Collection c;
  uint32_t bad = 0;
  CHECK(c.open(wrong, 2, &bad) == Status::volume_mismatch);
  CHECK(bad == 1);

  corpusc::BuildSettings unstemmed;
  unstemmed.stem_english = false;
  BuiltBlob vol;
  try {
    corpus_test::build_blob(ch.out.path(), "unstemmed.crp", {ch.vol_in.path()}, {ch.base.path}, {}, vol, unstemmed);
    FAIL("a volume with other tokenizer options was built");
  } catch (const corpusc::CompileError& e) {
    CHECK(std::string(e.what()).find("tokenizer") != std::string::npos);
  }
}

TEST_CASE("removing an id the base does not hold is a warning; removing an input is an error") {
  Chain ch;
  TempCorpus in;
  in.write("f.txt", "Zeta figs\n\nFigs dry in the sun.\n");
  BuiltBlob vol;
  corpus_test::build_blob(ch.out.path(), "vol_missing.crp", {in.path()}, {ch.base.path}, {"nope.txt"}, vol);
  CHECK(vol.diag.warnings() == 1);
  CHECK(volume::tombstone_count(vol.blob) == 0);
  BuiltBlob bad;
  CHECK_THROWS_AS(corpus_test::build_blob(ch.out.path(), "vol_bad.crp", {in.path()}, {ch.base.path}, {"f.txt"}, bad),
                  corpusc::CompileError);
}

TEST_CASE("a truncated or damaged volume is refused, and a volume verifies only with its base") {
  Chain ch;
  std::vector<uint64_t> ws(workspace_bytes(kFrameBytesDefault) / 8 + 1);
  CHECK(verify(ch.vol.bytes.data(), ch.vol.bytes.size, ws.data(), ws.size() * 8, &ch.base.blob).status == Status::ok);
  CHECK(verify(ch.vol.bytes.data(), ch.vol.bytes.size, ws.data(), ws.size() * 8).status == Status::volume_mismatch);
  Blob cut;
  CHECK(Blob::open(ch.vol.bytes.data(), ch.vol.bytes.size / 2, &cut) != Status::ok);
  corpus_test::AlignedBytes flipped = ch.vol.bytes;
  flipped.data()[flipped.size - 40] ^= 0x5A;
  Blob damaged;
  if (Blob::open(flipped.data(), flipped.size, &damaged) == Status::ok) {
    CHECK(verify(flipped.data(), flipped.size, ws.data(), ws.size() * 8, &ch.base.blob).status != Status::ok);
  }
}

TEST_CASE("base + volume scores are those of one blob of the union") {
  Chain ch;
  TempCorpus all;
  all.write("a.txt", "Alpha apples\n\nThe orchard grows apples and pears every autumn.\n");
  all.write("b.txt", "Beta blueberries\n\nBlueberries replaced the bananas of the valley.\n");
  all.write("d.txt", "Delta dates\n\nDates grow on palms in the oasis.\n");
  BuiltBlob uni;
  corpus_test::build_blob(ch.out.path(), "union.crp", {all.path()}, {}, {}, uni);
  const Blob parts[] = {ch.base.blob, ch.vol.blob};
  Collection c, one;
  REQUIRE(c.open(parts, 2) == Status::ok);
  REQUIRE(one.open(&uni.blob, 1) == Status::ok);
  for (const char* q : {"apples", "valley", "dates palms", "the"}) {
    auto ws = std::make_unique<cs::SearchWorkspace>();
    auto a = std::make_unique<cs::CollectionResults>(), b = std::make_unique<cs::CollectionResults>();
    REQUIRE(cs::search(c, q, cs::SearchOptions(), ws.get(), a.get()) == Status::ok);
    REQUIRE(cs::search(one, q, cs::SearchOptions(), ws.get(), b.get()) == Status::ok);
    INFO(q);
    REQUIRE(a->count == b->count);
    for (uint32_t i = 0; i < a->count; ++i) {
      CHECK(volume::article_id(c.part(a->hits[i].ref.part), a->hits[i].ref.index) ==
            volume::article_id(uni.blob, b->hits[i].ref.index));
      // Hidden documents' lengths come from their norm codes: within 2 %.
      CHECK(a->hits[i].score >= b->hits[i].score * 98 / 100);
      CHECK(a->hits[i].score <= b->hits[i].score * 102 / 100);
    }
  }
}

TEST_CASE("a word some part holds is not typo-corrected in the parts without it") {
  TempCorpus base_in, vol_in, out;
  base_in.write("a.txt", "School sports\n\nThe school opens a new sports hall in the spring.\n");
  base_in.write("b.txt", "Harbour boats\n\nFishing boats leave the harbour at dawn.\n");
  vol_in.write("n.txt", "Sophie Scholl\n\nA film about the life of Sophie Scholl opens in Berlin.\n");
  BuiltBlob base, vol;
  corpus_test::build_blob(out.path(), "base.crp", {base_in.path()}, {}, {}, base);
  corpus_test::build_blob(out.path(), "vol.crp", {vol_in.path()}, {base.path}, {}, vol);
  const Blob parts[] = {base.blob, vol.blob};
  Collection c;
  REQUIRE(c.open(parts, 2) == Status::ok);
  // One blob of the union would find "school" as typed, and only there.
  CHECK(search_ids(c, "school") == "a.txt ");
  CHECK(search_ids(c, "scholl") == "n.txt ");
  // A word no part holds is still corrected.
  CHECK(search_ids(c, "harbuor") == "b.txt ");
}
