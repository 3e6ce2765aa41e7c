// Per-language BM25 statistics (issue 12, search/language_scope.hpp): a query
// filtered to one language of a mixed-language blob scores exactly as in a blob of
// that language's articles alone; unfiltered queries keep the whole blob's
// statistics; the compiler stores each language's N, token total and K table.
#include <catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/search/index_verify.hpp"
#include "corpus/search/search.hpp"
#include "search_index_copy.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

namespace {

// Shared words (names, numbers) occur in every language, in different proportions.
const char* const kGerman =
    R"({"id":"de1","lang":"de","title":"Bayern München gewinnt in Madrid","text":"Der FC Bayern München hat das Spiel in Madrid mit zwei zu eins gewonnen. Die Mannschaft spielte stark, und Madrid verlor zu Hause."})" "\n"
    R"({"id":"de2","lang":"de","title":"Wahl in Berlin","text":"In Berlin wird am Sonntag gewählt. Die Parteien streiten über Mieten, Verkehr und Schulen in Berlin. Die Wahl entscheidet über den Senat."})" "\n"
    R"({"id":"de3","lang":"de","title":"Siemens baut Werk","text":"Siemens baut ein neues Werk in Sachsen. Das Werk soll im Jahr 2025 eröffnen und tausend Arbeitsplätze schaffen."})" "\n"
    R"({"id":"de4","lang":"de","title":"Hochwasser an der Elbe","text":"Nach tagelangem Regen steigt die Elbe in Dresden. Die Stadt warnt vor Hochwasser, und die Feuerwehr baut Sandsäcke auf."})" "\n";
const char* const kEnglish =
    R"({"id":"en1","lang":"en","title":"Real Madrid loses at home","text":"Real Madrid lost at home to Bayern Munich, two goals to one. The Madrid fans left early as Bayern controlled the game in Madrid."})" "\n"
    R"({"id":"en2","lang":"en","title":"Berlin election campaign","text":"Voters in Berlin go to the polls on Sunday. Rents and transport dominate the campaign in Berlin, and the parties disagree on schools."})" "\n"
    R"({"id":"en3","lang":"en","title":"Siemens opens a factory","text":"Siemens will open a factory in Texas in 2025. The plant will build trains and employ a thousand workers."})" "\n"
    R"({"id":"en4","lang":"en","title":"Floods in Dresden","text":"The Elbe river rose in Dresden after days of rain. Firefighters built walls of sandbags along the Elbe."})" "\n"
    R"({"id":"en5","lang":"en","title":"Markets in London","text":"Shares in London fell on Monday. Siemens and other industrial stocks led the losses in Berlin and Madrid."})" "\n";
const char* const kSpanish =
    R"({"id":"es1","lang":"es","title":"El Real Madrid pierde en casa","text":"El Real Madrid perdió en casa contra el Bayern de Múnich por dos goles a uno. Madrid no encontró respuesta."})" "\n"
    R"({"id":"es2","lang":"es","title":"Elecciones en Berlín","text":"Berlín vota el domingo. Los alquileres y el transporte dominan la campaña en Berlin, según los partidos."})" "\n"
    R"({"id":"es3","lang":"es","title":"Siemens abre una fábrica en Madrid","text":"Siemens abrirá una fábrica en Madrid en 2025. La fábrica construirá trenes y dará empleo a mil trabajadores en Madrid."})" "\n";

const char* const kQueries[] = {"Madrid",          "Berlin Siemens",        "Madrid 2025",   "Bayern Madrid",
                                "Siemens Werk",    "\"Real Madrid\"",       "Elbe Dresden",  "Madrid -Bayern",
                                "Mad* Berlin",     "title:Siemens Madrid",  "+Berlin Wahl",  "Siemens fábrica Madrid"};

using Ranking = std::vector<std::pair<std::string, uint32_t>>;  // (id, score), best first

struct Built {
  corpus_test::TempCorpus t;
  corpus_test::Compiled c;
  cs::Index index;
  std::unique_ptr<cs::SearchWorkspace> ws = std::make_unique<cs::SearchWorkspace>();

  explicit Built(const std::string& jsonl) {
    t.write("news.jsonl", jsonl);
    corpus_test::compile({t.path()}, corpusc::BuildSettings(), c);
    REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  }
  Ranking rank(const std::string& q, uint8_t language, uint8_t filter, uint32_t k = 10) {
    INFO(q);
    cs::SearchOptions opt;
    opt.k = k;
    opt.language = language;
    opt.language_filter = filter;
    REQUIRE(cs::search(index, q, opt, ws.get()) == Status::ok);
    Ranking out;
    for (uint32_t i = 0; i < ws->results.count; ++i) {
      out.emplace_back(c.blob.article(ws->results.hits[i].article).id, ws->results.hits[i].score);
    }
    return out;
  }
};

std::string all_languages() { return std::string(kGerman) + kEnglish + kSpanish; }

// Documents of `language` holding the term `e`, counted over its postings.
uint32_t counted_df(const cs::Index& index, const cs::TermEntry& e, uint8_t language) {
  cs::PostingCursor cur;
  cur.open(index, e);
  uint32_t df = 0;
  for (; cur.doc() != cs::kEndDoc; cur.next()) df += index.doc_language(cur.doc()) == language ? 1 : 0;
  return df;
}

// A copy of an index table whose language tables are given (nullptr: left out).
struct RebuiltIndex {
  flatbuffers::FlatBufferBuilder fbb;
  const fb::SearchIndex* table = nullptr;

  RebuiltIndex(const fb::SearchIndex& x, const std::vector<uint32_t>* norm_k_of_languages,
               const std::vector<uint32_t>* df_terms) {
    using Words = corpus_test::IndexSection<uint32_t>;
    corpus_test::SearchIndexEdits edits;
    edits.language_norm_k = norm_k_of_languages ? Words::of(*norm_k_of_languages) : Words::dropped();
    edits.language_df_terms = df_terms ? Words::of(*df_terms) : Words::dropped();
    table = corpus_test::copy_search_index(x, edits, fbb);
  }
};

}  // namespace

TEST_CASE("a mixed index stores each language's documents, tokens and K table") {
  Built mixed(all_languages());
  Built german(kGerman);
  uint32_t de = 0, en = 0, es = 0, none = 0;
  const fb::LanguageStats* s_de = mixed.index.language_stats(CORPUS_LANG_german, &de);
  const fb::LanguageStats* s_en = mixed.index.language_stats(CORPUS_LANG_english, &en);
  const fb::LanguageStats* s_es = mixed.index.language_stats(CORPUS_LANG_spanish, &es);
  REQUIRE(s_de != nullptr);
  REQUIRE(s_en != nullptr);
  REQUIRE(s_es != nullptr);
  CHECK(mixed.index.language_stats(CORPUS_LANG_french, &none) == nullptr);
  CHECK(mixed.index.language_stats(0, &none) == nullptr);
  CHECK(s_de->doc_count() == 4);
  CHECK(s_en->doc_count() == 5);
  CHECK(s_es->doc_count() == 3);
  CHECK(s_de->total_tokens() + s_en->total_tokens() + s_es->total_tokens() == mixed.index.total_tokens());
  CHECK(s_de->total_tokens() == german.index.total_tokens());
  for (uint32_t c = 0; c < cs::kNormCodes; ++c) {
    CHECK(mixed.index.language_norm_k(de, static_cast<uint8_t>(c)) == german.index.own_norm_k(static_cast<uint8_t>(c)));
  }
  // One language throughout: nothing to store, the whole index is that language's.
  CHECK(german.index.language_stats(CORPUS_LANG_german, &none) == nullptr);
}

TEST_CASE("a query filtered to one language ranks exactly as that language's blob alone") {
  Built mixed(all_languages());
  const std::pair<uint8_t, const char*> languages[] = {
      {CORPUS_LANG_german, kGerman}, {CORPUS_LANG_english, kEnglish}, {CORPUS_LANG_spanish, kSpanish}};
  uint32_t compared = 0;
  for (const auto& [language, jsonl] : languages) {
    Built alone(jsonl);
    for (const char* q : kQueries) {
      for (uint32_t k : {1u, 10u}) {
        const Ranking want = alone.rank(q, language, language, k);
        CHECK(mixed.rank(q, language, language, k) == want);
        compared += want.empty() ? 0 : 1;
      }
    }
  }
  CHECK(compared > 40);
}

TEST_CASE("lang:xx in the query scores with that language's statistics too") {
  Built mixed(all_languages());
  Built german(kGerman);
  for (const char* q : kQueries) {
    const Ranking want = german.rank(q, CORPUS_LANG_german, 0);
    CHECK(mixed.rank(std::string("lang:de ") + q, CORPUS_LANG_german, 0) == want);
  }
}

TEST_CASE("unfiltered queries on a mixed blob keep the whole blob's statistics") {
  Built mixed(all_languages());
  Built german(kGerman);
  // "Madrid" is in one German article of four but in several of the others: its
  // idf and the K table differ, and so does the score. --language alone changes
  // only how the query is stemmed.
  const Ranking filtered = mixed.rank("Madrid", CORPUS_LANG_german, CORPUS_LANG_german);
  const Ranking unfiltered = mixed.rank("Madrid", CORPUS_LANG_german, 0);
  REQUIRE(filtered.size() == 1);
  CHECK(filtered == german.rank("Madrid", CORPUS_LANG_german, 0));
  Ranking german_hits;
  for (const auto& hit : unfiltered) {
    if (hit.first.rfind("de", 0) == 0) german_hits.push_back(hit);
  }
  REQUIRE(german_hits.size() == 1);
  CHECK(german_hits.front().first == "de1");
  CHECK(german_hits.front().second != filtered.front().second);
}

TEST_CASE("a mixed blob answers unfiltered queries as the format 1.3 blob of the same input") {
  // tests/data/format-1.3-mixed.jsonl holds these same lines; the scores are those
  // format_compat_test.cpp reads from the 1.3 blob.
  Built mixed(all_languages());
  CHECK(mixed.rank("Siemens Madrid", 0, 0, 5) ==
        Ranking{{"es3", 274569}, {"de3", 161447}, {"en5", 135986}, {"es1", 122406}, {"en3", 120648}});
}

TEST_CASE("each term's stored or implied df per language equals a count over its postings") {
  Built mixed(all_languages());
  uint32_t listed = 0, checked = 0;
  for (uint8_t language : {CORPUS_LANG_german, CORPUS_LANG_english, CORPUS_LANG_spanish}) {
    uint32_t entry = 0;
    REQUIRE(mixed.index.language_stats(language, &entry) != nullptr);
    cs::TermIterator it(mixed.index);
    REQUIRE(it.rewind() == Status::ok);
    while (!it.at_end()) {
      const cs::TermEntry& e = it.entry();
      INFO(std::string(e.view()));
      uint32_t stored = 0;
      listed += mixed.index.listed_language_df(e.ordinal, entry, &stored) ? 1 : 0;
      CHECK(cs::language_df(mixed.index, e, language, entry) == counted_df(mixed.index, e, language));
      ++checked;
      REQUIRE(it.next() == Status::ok);
    }
  }
  CHECK(checked == 3 * mixed.index.term_count());
  CHECK(listed > 3 * 10);  // madrid, berlin, siemens, 2025, ... in several languages
  CHECK(listed < checked / 2);
}

TEST_CASE("Index::open refuses language tables that disagree in size") {
  Built mixed(all_languages());
  const fb::SearchIndex& x = cs::detail::table(mixed.index);
  const std::vector<uint32_t> norm_k(x.language_norm_k()->begin(), x.language_norm_k()->end());
  const std::vector<uint32_t> df_terms(x.language_df_terms()->begin(), x.language_df_terms()->end());
  cs::Index opened;
  {
    RebuiltIndex same(x, &norm_k, &df_terms);
    CHECK(cs::Index::open(*same.table, &opened) == Status::ok);
  }
  const std::vector<uint32_t> short_norm_k(norm_k.begin(), norm_k.end() - 1);
  RebuiltIndex short_table(x, &short_norm_k, &df_terms);
  CHECK(cs::Index::open(*short_table.table, &opened) == Status::malformed);
  const std::vector<uint32_t> more_terms = [&] {
    std::vector<uint32_t> v = df_terms;
    v.push_back(x.term_count());
    return v;
  }();
  RebuiltIndex more(x, &norm_k, &more_terms);
  CHECK(cs::Index::open(*more.table, &opened) == Status::malformed);
  RebuiltIndex no_norm_k(x, nullptr, &df_terms);
  CHECK(cs::Index::open(*no_norm_k.table, &opened) == Status::malformed);
  RebuiltIndex no_terms(x, &norm_k, nullptr);
  CHECK(cs::Index::open(*no_terms.table, &opened) == Status::malformed);
}

TEST_CASE("verify_index checks the language tables' order, ranges and dfs") {
  Built mixed(all_languages());
  const fb::SearchIndex& x = cs::detail::table(mixed.index);
  const std::vector<uint32_t> norm_k(x.language_norm_k()->begin(), x.language_norm_k()->end());
  const std::vector<uint32_t> df_terms(x.language_df_terms()->begin(), x.language_df_terms()->end());
  REQUIRE(df_terms.size() >= 2);
  auto verified = [](const RebuiltIndex& r) {
    cs::Index opened;
    REQUIRE(cs::Index::open(*r.table, &opened) == Status::ok);  // the sizes agree: only verify can tell
    return cs::verify_index(opened);
  };
  RebuiltIndex same(x, &norm_k, &df_terms);
  CHECK(verified(same).status == Status::ok);
  // Listed terms out of order: the runtime's binary search would read other terms' dfs.
  std::vector<uint32_t> swapped = df_terms;
  std::swap(swapped[0], swapped[1]);
  RebuiltIndex unordered(x, &norm_k, &swapped);
  const cs::IndexVerifyReport r = verified(unordered);
  CHECK(r.status == Status::malformed);
  CHECK(std::string(r.what) == "index: language statistics");
  CHECK(r.term == 1);
  // A K entry of 0 (bm25.hpp's range is 1 .. kMaxNormK).
  std::vector<uint32_t> zero_k = norm_k;
  zero_k[0] = 0;
  RebuiltIndex bad_k(x, &zero_k, &df_terms);
  CHECK(verified(bad_k).status == Status::malformed);
}
