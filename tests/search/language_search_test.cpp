// Blobs in several languages (issue 12): each article stemmed in its own language,
// queries stemmed in the caller's language or in every language of the blob
// (alternatives of one clause), lang: and SearchOptions::language_filter, and the
// refusals of Index::open (unknown tokenizer bits, a language it cannot stem).
#include <catch.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/search/index_verify.hpp"
#include "corpus/search/search.hpp"
#include "search_index_copy.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

namespace {

// German, French, Italian and Russian news, one article each per language, plus an
// English one (hand-written; the inputs state their language).
const char* const kMixed =
    R"({"id":"de1","lang":"de","title":"Verhandlungen in Berlin","text":"Die Verhandlungen zwischen den Parteien dauerten die ganze Nacht. Die Regierung und die Gewerkschaften haben sich geeinigt."})"
    "\n"
    R"({"id":"de2","lang":"de-AT","title":"Wetter","text":"Morgen wird es in den Bergen regnen und die Straßen werden nass sein."})"
    "\n"
    R"({"id":"fr1","lang":"fr-FR","title":"Négociations à Paris","text":"Les négociations entre les syndicats et le gouvernement ont duré toute la nuit. Les travailleurs attendent une décision."})"
    "\n"
    R"({"id":"it1","language":"it","title":"Trattative a Roma","text":"Le trattative tra i sindacati e il governo sono durate tutta la notte. I lavoratori aspettano una decisione."})"
    "\n"
    R"({"id":"ru1","lang":"ru","title":"Переговоры в Москве","text":"Переговоры между сторонами продолжались всю ночь. Правительство и профсоюзы договорились."})"
    "\n"
    R"({"id":"en1","lang":"en","title":"Talks in London","text":"The negotiations between the unions and the government lasted all night."})"
    "\n";

struct Mixed {
  corpus_test::TempCorpus t;
  corpus_test::Compiled c;
  cs::Index index;
  std::unique_ptr<cs::SearchWorkspace> ws = std::make_unique<cs::SearchWorkspace>();

  Mixed() {
    t.write("news.jsonl", kMixed);
    corpus_test::compile({t.path()}, corpusc::BuildSettings(), c);
    REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  }
  std::set<std::string> ids(const std::string& q, cs::SearchOptions opt = {}) {
    INFO(q);
    REQUIRE(cs::search(index, q, opt, ws.get()) == Status::ok);
    std::set<std::string> out;
    for (uint32_t i = 0; i < ws->results.count; ++i) out.emplace(c.blob.article(ws->results.hits[i].article).id);
    return out;
  }
  uint8_t language_of(const std::string& id) { return c.blob.language(c.index_of(id)); }
};

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("each article keeps its stated language, region suffixes reduced") {
  Mixed m;
  CHECK(m.language_of("de1") == CORPUS_LANG_german);
  CHECK(m.language_of("de2") == CORPUS_LANG_german);  // de-AT
  CHECK(m.language_of("fr1") == CORPUS_LANG_french);  // fr-FR
  CHECK(m.language_of("it1") == CORPUS_LANG_italian); // "language" field
  CHECK(m.language_of("ru1") == CORPUS_LANG_russian);
  CHECK(m.language_of("en1") == CORPUS_LANG_english);
  const text::TokenizerOptions tok = m.index.tokenizer();
  CHECK(tok.stem_by_language);
  CHECK_FALSE(tok.stem_english);
  std::set<uint8_t> listed;
  for (uint32_t i = 0; i < m.index.language_count(); ++i) listed.insert(m.index.language(i));
  CHECK(listed == std::set<uint8_t>{CORPUS_LANG_german, CORPUS_LANG_french, CORPUS_LANG_italian,
                                    CORPUS_LANG_russian, CORPUS_LANG_english});
  CHECK(m.index.language(0) == CORPUS_LANG_german);  // most articles first
}

TEST_CASE("a blob stemmed per language verifies (its surface forms lost their diacritics)") {
  Mixed m;
  const cs::IndexVerifyReport r = cs::verify_index(m.index);
  INFO(r.what << " " << r.term);
  CHECK(r.status == Status::ok);
  CHECK(m.index.form_count() > 0);
}

TEST_CASE("a mixed archive finds inflected forms in each language") {
  Mixed m;
  CHECK(m.ids("Verhandlung") == Ids{"de1"});
  CHECK(m.ids("переговоров") == Ids{"ru1"});
  CHECK(m.ids("négociation") == Ids{"fr1"});
  CHECK(m.ids("trattativa") == Ids{"it1"});
  CHECK(m.ids("negotiation") == Ids{"en1"});
  CHECK(m.ids("Straße") == Ids{"de2"});  // ß and the stem: "straßen" -> "strass"
  CHECK(m.ids("+Verhandlung") == Ids{"de1"});  // required words are alternatives too
  CHECK(m.ids("-Verhandlung Nacht").empty());  // "Nacht" is only in de1
}

TEST_CASE("without a language a word's stems are alternatives of one clause") {
  Mixed m;
  REQUIRE(cs::search(m.index, "decisione", {}, m.ws.get()) == Status::ok);
  const cs::Query& q = m.ws->query;
  REQUIRE(q.clause_count == 1);
  CHECK(q.clauses[0].kind == cs::ClauseKind::alternatives);
  CHECK(q.clauses[0].term_count >= 2);
  std::set<std::string> terms;
  for (uint32_t t = 0; t < q.clauses[0].term_count; ++t) terms.emplace(q.terms[q.clauses[0].first_term + t].view());
  CHECK(terms.size() == q.clauses[0].term_count);  // distinct
  CHECK(terms.count("decision") == 1);             // Italian: decisione -> decision
  // "décision" (fr) and "decisione" (it) both match: French's stem is another alternative.
  CHECK(m.ids("decision") == Ids{"fr1", "it1"});
}

TEST_CASE("SearchOptions::language stems the query in one language only") {
  Mixed m;
  cs::SearchOptions de;
  de.language = CORPUS_LANG_german;
  CHECK(m.ids("Verhandlung", de) == Ids{"de1"});
  REQUIRE(cs::search(m.index, "Verhandlung", de, m.ws.get()) == Status::ok);
  CHECK(m.ws->query.clauses[0].kind == cs::ClauseKind::term);
  cs::SearchOptions ru;
  ru.language = CORPUS_LANG_russian;
  CHECK(m.ids("переговоров", ru) == Ids{"ru1"});
  // Stemmed in Russian, the German word stays whole: "verhandlung" is no indexed term
  // (typo tolerance would reach the surface form "verhandlungen", 2 edits away).
  ru.typos = false;
  CHECK(m.ids("Verhandlung", ru).empty());
  ru.typos = true;
  CHECK(m.ids("Verhandlung", ru) == Ids{"de1"});
  cs::SearchOptions bad;
  bad.language = 200;
  CHECK(cs::search(m.index, "Verhandlung", bad, m.ws.get()) == Status::stemmer_unavailable);
}

TEST_CASE("lang: and the language filter restrict results to one language") {
  Mixed m;
  CHECK(m.ids("governo gouvernement government") == Ids{"fr1", "it1", "en1"});
  CHECK(m.ids("lang:it governo gouvernement government") == Ids{"it1"});
  CHECK(m.ids("LANG:fr-CA governo gouvernement government") == Ids{"fr1"});
  cs::SearchOptions only_en;
  only_en.language_filter = CORPUS_LANG_english;
  CHECK(m.ids("governo gouvernement government", only_en) == Ids{"en1"});
  CHECK(m.ids("lang:fr governo gouvernement", only_en).empty());  // both: no result
  CHECK(cs::search(m.index, "lang:xx governo", {}, m.ws.get()) == Status::bad_query);
  CHECK(cs::search(m.index, "lang:de", {}, m.ws.get()) == Status::bad_query);  // no word to rank
}

TEST_CASE("snippets mark words stemmed in the article's language") {
  Mixed m;
  REQUIRE(cs::search(m.index, "Verhandlung", {}, m.ws.get()) == Status::ok);
  REQUIRE(m.ws->results.count == 1);
  auto scratch = std::make_unique<cs::SnippetScratch>();
  char out[512];
  cs::SnippetOutput o{out, sizeof out, 0};
  REQUIRE(cs::snippet(m.index, m.c.reader, cs::SnippetRequest{&m.ws->query, m.ws->results.hits[0].article, {}},
                      scratch.get(), &o) == Status::ok);
  CHECK(std::string(out, o.written).find("**Verhandlungen**") != std::string::npos);
}

TEST_CASE("English-only inputs keep the Porter2 bits exactly as before") {
  corpus_test::TempCorpus t;
  t.write("a.jsonl", R"({"id":"1","lang":"en","title":"Talks","text":"The negotiations lasted all night."})" "\n"
                     R"({"id":"2","title":"More","text":"xyzzy plugh"})" "\n");
  corpus_test::Compiled c;
  corpus_test::compile({t.path()}, corpusc::BuildSettings(), c);
  cs::Index index;
  REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  // The stemming bits (0-7) exactly as before; script rules (bits 8-15) beside them.
  CHECK((cs::detail::table(index).tokenizer() & 0xFFu) == text::TokenizerOptions::kStemEnglish);
  CHECK(index.language_count() == 0);
  CHECK(cs::detail::table(index).languages() == nullptr);
}

namespace {

// A copy of `blob`'s index table with its tokenizer bits and language list replaced.
struct RebuiltIndex {
  flatbuffers::FlatBufferBuilder fbb;
  const fb::SearchIndex* table = nullptr;

  RebuiltIndex(const fb::SearchIndex& x, uint32_t bits, std::vector<uint8_t> languages) {
    corpus_test::SearchIndexEdits edits;
    edits.tokenizer = bits;
    edits.languages = corpus_test::IndexSection<uint8_t>::of(std::move(languages));
    table = corpus_test::copy_search_index(x, edits, fbb);
  }
};

}  // namespace

TEST_CASE("Index::open refuses unknown tokenizer bits and languages it cannot stem") {
  Mixed m;
  const fb::SearchIndex& x = cs::detail::table(m.index);
  const uint32_t bits = x.tokenizer();
  cs::Index opened;
  {
    RebuiltIndex same(x, bits, {CORPUS_LANG_german, CORPUS_LANG_none, CORPUS_LANG_thai});
    CHECK(cs::Index::open(*same.table, &opened) == Status::ok);
  }
  for (uint32_t reserved = 3; reserved <= 7; ++reserved) {  // the language bits not used yet
    RebuiltIndex newer(x, bits | (1u << reserved), {CORPUS_LANG_german});
    CHECK(cs::Index::open(*newer.table, &opened) == Status::bad_version);
  }
  RebuiltIndex unknown(x, bits, {CORPUS_LANG_german, 200});
  CHECK(cs::Index::open(*unknown.table, &opened) == Status::stemmer_unavailable);
  CHECK(cs::Index::missing_language(*unknown.table) == 200);
  CHECK_FALSE(opened.valid());
}
