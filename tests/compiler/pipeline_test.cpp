// compile_corpus end to end on the bundled example corpus (the real seed pages).
#include <catch.hpp>
#include "support/skip.hpp"

#include "corpus/verify.hpp"
#include "temp_corpus.hpp"

using corpus_test::Compiled;

namespace {

const std::string kExamples = std::string(CORPUS_SOURCE_DIR) + "/examples/corpus";

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("the example corpus compiles, verifies and reads back byte-exact") {
  Compiled c;
  corpus_test::compile({kExamples}, corpusc::BuildSettings(), c);
  REQUIRE(c.blob.article_count() == 5);
  CHECK(corpus::verify(c.bytes.data(), c.bytes.size, c.workspace.data(), c.workspace.size() * 8).status ==
        corpus::Status::ok);
  for (uint32_t i = 0; i < 5; ++i) {
    corpus::ArticleInfo a = c.blob.article(i);
    std::string expected;
    REQUIRE(corpus_test::read_file(kExamples + "/" + std::string(a.id), expected));
    CHECK(c.text(a.original) == expected);
  }
}

TEST_CASE("000 and 001 are one story: 001 is a variant of 000") {
  Compiled c;
  corpus_test::compile({kExamples}, corpusc::BuildSettings(), c);
  uint32_t a0 = c.index_of("000_487d5624f965fa68.txt"), a1 = c.index_of("001_f8a4880ce6ef9fa1.txt");
  corpus::ArticleInfo i0 = c.blob.article(a0), i1 = c.blob.article(a1);
  CHECK(i1.canonical == a0);
  CHECK((i1.flags & static_cast<uint32_t>(corpus::fb::ArticleFlags::NearDuplicate)) != 0);
  REQUIRE(i0.variants_count == 1);
  CHECK(c.blob.variant(i0, 0) == a1);
  for (const char* other : {"002_c7bbc285c53973ec.txt", "003_c0c00bed07dfaa72.txt", "004_d5e6e064cd57f212.txt"}) {
    uint32_t i = c.index_of(other);
    CHECK(c.blob.article(i).canonical == i);
  }
}

TEST_CASE("main text keeps the article and drops the chrome after 'Related articles'") {
  Compiled c;
  corpus_test::compile({kExamples}, corpusc::BuildSettings(), c);
  corpus::ArticleInfo a = c.blob.article(c.index_of("000_487d5624f965fa68.txt"));
  std::string main = c.main_text(a.text), full = c.text(a.text);
  CHECK(contains(main, "Commonspace.eu political editor said"));
  CHECK(contains(main, "Senior diplomats of Russia and the United States"));
  CHECK_FALSE(contains(main, "Related articles"));
  CHECK_FALSE(contains(main, "Greenland"));
  CHECK(contains(full, "Related articles"));
  CHECK(main.size() < full.size());
}

TEST_CASE("metadata found in the text fills missing fields") {
  Compiled c;
  corpus_test::compile({kExamples}, corpusc::BuildSettings(), c);
  corpus::ArticleInfo a2 = c.blob.article(c.index_of("002_c7bbc285c53973ec.txt"));
  REQUIRE(a2.has_date);
  CHECK(a2.date == 1310342400);  // "Updated 11 July 2011"
  corpus::ArticleInfo a4 = c.blob.article(c.index_of("004_d5e6e064cd57f212.txt"));
  CHECK(a4.has_date);
  CHECK_FALSE(a4.tags.empty());
}

TEST_CASE("builds are byte-identical, whatever the thread count") {
  corpusc::BuildSettings one, two;
  one.threads = 1;
  two.threads = 2;
  Compiled a, b, c;
  corpus_test::compile({kExamples}, one, a);
  corpus_test::compile({kExamples}, two, b);
  corpus_test::compile({kExamples}, two, c);
  REQUIRE(a.bytes.size == b.bytes.size);
  CHECK(std::memcmp(a.bytes.data(), b.bytes.data(), a.bytes.size) == 0);
  CHECK(std::memcmp(b.bytes.data(), c.bytes.data(), b.bytes.size) == 0);
}

TEST_CASE("BBC: every file reads back byte-exact; duplicates are stored once") {
  const std::string bbc = std::string(CORPUS_SHARED_DIR) + "/corpora/bbc-news";
  std::string probe;
  if (!corpus_test::read_file(bbc + "/business/001.txt", probe)) {
    CORPUS_SKIP(bbc << " is absent");
  }
  Compiled c;
  corpus_test::compile({bbc}, corpusc::BuildSettings(), c);
  CHECK(c.report.counts.exact_duplicates == 98);
  CHECK(c.report.counts.repaired_utf8 == 1);  // sport/199.txt is Latin-1
  uint32_t checked = 0;
  for (uint32_t i = 0; i < c.blob.article_count(); ++i) {
    corpus::ArticleInfo a = c.blob.article(i);
    std::string expected;
    REQUIRE(corpus_test::read_file(bbc + "/" + std::string(a.id), expected));
    if (c.text(a.original) != expected) FAIL("round trip differs: " << a.id);
    ++checked;
  }
  CHECK(checked == c.blob.article_count());
  CHECK(checked >= 2225);
  corpus::ArticleInfo latin1 = c.blob.article(c.index_of("sport/199.txt"));
  CHECK(c.text(latin1.text).find("\xC2\xA3") != std::string::npos);  // 0xA3 read as '£'
  CHECK(c.text(latin1.original).find("\xC2\xA3") == std::string::npos);
}
