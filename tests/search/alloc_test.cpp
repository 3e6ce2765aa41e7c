// Parse, search, snippet and complete allocate nothing: counted with replaced global
// operator new and malloc (tests/support/alloc_counter.cpp).
#include <catch.hpp>

#include <memory>

#include "alloc_counter.hpp"
#include "corpus/search/search.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

TEST_CASE("search, snippets and completions make no heap allocation") {
  corpus_test::Compiled c;  // setup may allocate
  corpus_test::compile({std::string(CORPUS_SOURCE_DIR) + "/examples/corpus"}, corpusc::BuildSettings(), c);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  auto scratch = std::make_unique<cs::SnippetScratch>();
  static char out[1024];
  static cs::Completion completions[10];
  std::string paragraph;  // far past the term and byte limits: truncated, still answered
  for (int i = 0; paragraph.size() <= cs::kMaxQueryBytes; ++i) paragraph += "armenia word" + std::to_string(i) + " ";
  const std::string queries[] = {"Lachin corridor", "\"Minsk Group\"", "Kara* -talks", "+title:armenia peace",
                                 "\"unbalanced quote", "+ - * \"\"", "zzzz", "armenia azerbaijan baku yerevan",
                                 paragraph, "a* b* c* d* e* +armenia"};

  corpus_test::AllocationScope scope;
  cs::Index index;
  REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  uint32_t hits = 0, truncated = 0;
  for (const std::string& q : queries) {
    for (cs::SortOrder order : {cs::SortOrder::relevance, cs::SortOrder::newest_first}) {
      cs::SearchOptions opt;
      opt.sort = order;
      Status s = cs::search(index, q, opt, ws.get());
      if (s != Status::ok) continue;
      truncated += (ws->results.flags & cs::kQueryTruncated) != 0;
      for (uint32_t i = 0; i < ws->results.count; ++i, ++hits) {
        cs::SnippetOutput o{out, sizeof out, 0};
        REQUIRE(cs::snippet(index, c.reader, cs::SnippetRequest{&ws->query, ws->results.hits[i].article, {}},
                            scratch.get(), &o) == Status::ok);
      }
    }
    uint32_t n = 0;
    (void)cs::complete(index, q, completions, 10, &n);
  }
  const size_t allocations = scope.count();
  CHECK(hits > 10);
  CHECK(truncated == 2);  // the paragraph, in both orders
  CHECK(allocations == 0);
}

TEST_CASE("multilingual queries make no heap allocation") {
  corpus_test::TempCorpus t;  // setup may allocate
  t.write("news.jsonl",
          R"({"id":"de1","lang":"de","title":"Verhandlungen","text":"Die Verhandlungen dauerten die ganze Nacht."})" "\n"
          R"({"id":"fr1","lang":"fr","title":"Négociations","text":"Les négociations ont duré toute la nuit."})" "\n"
          R"({"id":"ru1","lang":"ru","title":"Переговоры","text":"Переговоры продолжались всю ночь."})" "\n"
          R"({"id":"th1","lang":"th","title":"ข่าว","text":"การเจรจาดำเนินไปตลอดทั้งคืน"})" "\n");
  corpus_test::Compiled c;
  corpus_test::compile({t.path()}, corpusc::BuildSettings(), c);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  auto scratch = std::make_unique<cs::SnippetScratch>();
  static char out[1024];
  static cs::Completion completions[10];
  const std::string queries[] = {"Verhandlung", "переговоров nuit", "+Verhandlung -nuit", "lang:fr négociation",
                                 "\"ganze Nacht\"", "Verhand*", "title:Négociations"};

  corpus_test::AllocationScope scope;
  cs::Index index;
  REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  uint32_t entry = 0;  // filtered queries score with their language's statistics (counted df)
  CHECK(index.language_stats(CORPUS_LANG_russian, &entry) != nullptr);
  CHECK(index.language_stats(CORPUS_LANG_french, &entry) != nullptr);
  uint32_t hits = 0;
  for (const std::string& q : queries) {
    for (uint8_t language : {uint8_t{0}, uint8_t{CORPUS_LANG_german}, uint8_t{CORPUS_LANG_russian}}) {
      cs::SearchOptions opt;
      opt.language = language;
      opt.language_filter = language == CORPUS_LANG_russian ? CORPUS_LANG_russian : 0;
      if (cs::search(index, q, opt, ws.get()) != Status::ok) continue;
      for (uint32_t i = 0; i < ws->results.count; ++i, ++hits) {
        cs::SnippetOutput o{out, sizeof out, 0};
        REQUIRE(cs::snippet(index, c.reader, cs::SnippetRequest{&ws->query, ws->results.hits[i].article, {}},
                            scratch.get(), &o) == Status::ok);
      }
    }
    uint32_t n = 0;
    (void)cs::complete(index, q, completions, 10, &n);
  }
  const size_t allocations = scope.count();
  CHECK(hits >= 7);
  CHECK(allocations == 0);
}
