// assign_languages(): stated language, then --language, then detection; unknown codes
// warned about once and detected instead; weak guesses undetermined. And the
// detector's reading of initials ("U. aurea" is not Serbian's "u").
#include <catch.hpp>

#include <cstdio>
#include <string>

#include "clean/article_languages.hpp"
#include "clean/language_detector.hpp"
#include "corpus/text/language_codes.hpp"

using namespace corpusc;
namespace ct = corpus::text;

namespace {

PlannedArticle article(const std::string& stated, const std::string& text) {
  PlannedArticle a;
  a.input.id = stated + ":" + text.substr(0, 8);
  a.input.language = stated;
  a.input.source = "in.jsonl";
  a.normalized = text;
  return a;
}

const char* const kGerman = "Die Verhandlungen mit der Gewerkschaft sind nicht beendet, sagte der Minister.";
const char* const kEnglish = "The minister said on Tuesday that the talks with the union were not over.";

}  // namespace

TEST_CASE("stated codes win, region suffixes and lists are reduced") {
  CHECK(stated_language("pt-BR") == CORPUS_LANG_portuguese);
  CHECK(stated_language("zh_Hant") == CORPUS_LANG_chinese);
  CHECK(stated_language(" de, en") == CORPUS_LANG_german);
  CHECK(stated_language("NB") == CORPUS_LANG_norwegian);
  CHECK(stated_language("xx") == ct::kUnknownLanguage);
  CHECK(stated_language("deu") == ct::kUnknownLanguage);
  CHECK(stated_language("") == ct::kUnknownLanguage);
  CHECK(stated_language("de-") == ct::kUnknownLanguage);
}

TEST_CASE("articles get their stated language, else the build's, else a detected one") {
  CorpusPlan plan;
  plan.articles = {article("fr", kGerman), article("", kGerman), article("xx", kEnglish),
                   article("xx", kGerman), article("yy-ZZ", kEnglish), article("", "Another company, a companion.")};
  for (uint32_t i = 0; i < plan.articles.size(); ++i) plan.articles[i].canonical = i;
  Diagnostics diag;
  assign_languages(plan, ct::kUnknownLanguage, diag);
  CHECK(plan.articles[0].language == CORPUS_LANG_french);  // stated, even against the text
  CHECK(plan.articles[1].language == CORPUS_LANG_german);  // detected
  CHECK(plan.articles[2].language == CORPUS_LANG_english); // unknown code: detected
  CHECK(plan.articles[3].language == CORPUS_LANG_german);
  CHECK(plan.articles[4].language == CORPUS_LANG_english);
  CHECK(plan.articles[5].language == CORPUS_LANG_none);    // one frequent word ("a"): too weak
  CHECK(diag.warnings() == 2);  // "xx" once, "yy-ZZ" once
  for (const auto& d : diag.all()) CHECK(d.message.find("unknown language code") != std::string::npos);

  Diagnostics diag2;
  assign_languages(plan, CORPUS_LANG_italian, diag2);
  CHECK(plan.articles[0].language == CORPUS_LANG_french);   // stated beats --language
  CHECK(plan.articles[1].language == CORPUS_LANG_italian);  // --language beats detection
  CHECK(plan.articles[2].language == CORPUS_LANG_italian);
}

TEST_CASE("a capital letter alone is an initial and not a one-letter word") {
  // A SciFact abstract (doc 81498132), word breaks lost as in the corpus.
  const std::string text =
      "Chromosome numbers from meiotic studies have been reported for the following species ofUtricularia: "
      "U. aurea Lour. (n=21);U. baouleënsis A. Chev. (n=10);U. caerulea L. (n=20);U. inflexa var.stellaris "
      "(Linn.f.) P. Taylor (n=21);U. minutissima Vahl (n=8);U. scandens Benj. (n=6, 7); andU. stricticaulis "
      "Stapf (n=7). There are two cyto-races inU. scandens.";
  CHECK(LanguageDetector::detect(text).code == "en");
}

TEST_CASE("English's article 'a' is one of its frequent words") {
  std::string text;  // what hostile_huge_article writes: it was read as Hungarian
  for (unsigned i = 0; i < 400; ++i) {
    char line[80];
    std::snprintf(line, sizeof line, "Line %u of a very long article, %x.\n", i, i * 7919);
    text += line;
  }
  CHECK(LanguageDetector::detect(text).code == "en");
}
