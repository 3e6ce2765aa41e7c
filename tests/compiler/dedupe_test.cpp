// First-level deduplication: exact copies stored once; copies that differ only in
// whitespace, line endings or Unicode normalization are one article for search,
// each keeping its exact bytes.
#include <catch.hpp>

#include "temp_corpus.hpp"

using corpus_test::Compiled;

namespace {

const std::string kStory =
    "Caf\xC3\xA9 owners protest new rules\n\nThe owners of several caf\xC3\xA9s in the old town said on Monday "
    "that the new opening hours would ruin their trade. The council will meet again next week.\n";

std::string crlf(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\n') out += '\r';
    out += ch;
  }
  return out;
}

std::string nfd(const std::string& s) {  // é (U+00E9) as e + U+0301
  std::string out = s;
  for (size_t p; (p = out.find("\xC3\xA9")) != std::string::npos;) out.replace(p, 2, "e\xCC\x81");
  return out;
}

}  // namespace

TEST_CASE("exact and normalized duplicates group under one canonical, originals stay exact") {
  corpus_test::TempCorpus dir;
  dir.write("a.txt", kStory);
  dir.write("b.txt", kStory);                  // byte-identical
  dir.write("c.txt", crlf(kStory));            // line endings
  dir.write("d.txt", nfd(kStory));             // Unicode normalization form
  dir.write("e.txt", "Another story\n\nNothing to see here at all, really.\n");
  Compiled c;
  corpusc::BuildSettings s;
  s.dict_size = 0;
  corpus_test::compile({dir.path()}, s, c);
  REQUIRE(c.blob.article_count() == 5);
  CHECK(c.report.counts.exact_duplicates == 1);
  CHECK(c.report.counts.normalized_duplicates == 2);
  uint32_t a = c.index_of("a.txt");
  corpus::ArticleInfo ia = c.blob.article(a);
  CHECK(ia.variants_count == 3);
  for (const char* id : {"b.txt", "c.txt", "d.txt"}) {
    corpus::ArticleInfo x = c.blob.article(c.index_of(id));
    CHECK(x.canonical == a);
    CHECK(x.text == ia.text);  // one text for search
  }
  CHECK(c.blob.article(c.index_of("b.txt")).original == ia.original);  // stored once
  CHECK(c.text(c.blob.article(c.index_of("c.txt")).original) == crlf(kStory));
  CHECK(c.text(c.blob.article(c.index_of("d.txt")).original) == nfd(kStory));
  CHECK(c.text(ia.text) == kStory);
  // The whitespace variant costs a small difference, not a second copy.
  CHECK(c.report.compressed_bytes < 2 * kStory.size());
}

TEST_CASE("JSONL articles carry their fields; bad lines are reported, not dropped silently") {
  corpus_test::TempCorpus dir;
  dir.write("feed.jsonl",
            "{\"_id\":\"n1\",\"title\":\"First\",\"text\":\"Body one.\",\"date\":\"2020-02-03T04:05:06Z\","
            "\"url\":\"https://example.org/1\",\"tags\":[\"x\",\"y\"]}\n"
            "this is not json\n"
            "{\"id\":7,\"title\":\"Second\",\"body\":\"Body two.\"}\n"
            "{\"title\":\"No id\",\"text\":\"t\"}\n");
  Compiled c;
  corpusc::BuildSettings s;
  s.dict_size = 0;
  corpus_test::compile({dir.path()}, s, c);
  REQUIRE(c.blob.article_count() == 2);
  CHECK(c.report.skipped == 2);
  REQUIRE(c.diag.warnings() == 2);
  CHECK(corpusc::Diagnostics::format(c.diag.all()[0]).find("feed.jsonl:2: warning: skipped: not a JSON object") !=
        std::string::npos);
  corpus::ArticleInfo n1 = c.blob.article(c.index_of("n1"));
  CHECK(n1.title == "First");
  CHECK(n1.url == "https://example.org/1");
  CHECK(n1.tags == "x\ny");
  CHECK(n1.has_date);
  CHECK(n1.date == 1580702706);
  CHECK(c.text(n1.text) == "Body one.");
  CHECK(c.text(c.blob.article(c.index_of("7")).text) == "Body two.");
}
