// Stemming in each article's language (text/language_stem.hpp): fold case -> Snowball
// stem -> fold diacritics; English keeps Porter2; languages without a stemmer and
// "undetermined" are not stemmed. Also the tokenizer bits, language codes and the
// diacritic-keeping lowercase. Linked with corpus::stemmers.
#include <catch.hpp>

#include <string>
#include <vector>

#include "corpus/text/language_codes.hpp"
#include "corpus/text/lowercase.hpp"
#include "corpus/text/tokenizer.hpp"

using namespace corpus::text;
using V = std::vector<std::string>;

namespace {

V terms(const std::string& text, uint8_t language) {
  TokenizerOptions o;
  o.stem_english = false;
  o.stem_by_language = true;
  o.language = language;
  Tokenizer t(text, o);
  Token tok;
  V out;
  while (t.next(&tok)) out.emplace_back(tok.view());
  return out;
}

std::string lower(const std::string& s) {
  unsigned char out[CORPUS_STEM_MAX_INPUT];
  const size_t n = detail::lowercase_word(s, out, sizeof out);
  return std::string(reinterpret_cast<const char*>(out), n);
}

// Snowball's own stem of `word` (lowercase, diacritics kept), folded afterwards.
std::string snowball_then_fold(uint8_t language, const std::string& word) {
  alignas(8) unsigned char ws[CORPUS_STEM_WORKSPACE_BYTES];
  const unsigned char* stem = nullptr;
  int n = 0;
  REQUIRE(corpus_stem(language, reinterpret_cast<const unsigned char*>(word.data()), static_cast<int>(word.size()),
                      ws, sizeof ws, &stem, &n) == CORPUS_STEM_OK);
  char folded[kMaxTermBytes];
  const size_t k = fold_word(std::string_view(reinterpret_cast<const char*>(stem), static_cast<size_t>(n)), folded,
                             sizeof folded);
  return std::string(folded, k);
}

}  // namespace

// The stemming bits are 0-7; the script rules (bits 8-15, scripts.hpp) ride beside them.
constexpr uint32_t kStemmingBits = 0xFFu;

TEST_CASE("tokenizer bits: English blobs keep bit 0 only, bit 2 is per-language stemming") {
  CHECK((TokenizerOptions().to_bits() & kStemmingBits) == TokenizerOptions::kStemEnglish);
  CHECK(TokenizerOptions::kStemByLanguage == 4u);
  CHECK((TokenizerOptions::kKnownBits & kStemmingBits) == 7u);
  const TokenizerOptions o = TokenizerOptions::from_bits(TokenizerOptions::kStemByLanguage);
  CHECK(o.stem_by_language);
  CHECK_FALSE(o.stem_english);
  CHECK(o.stems());
  CHECK_FALSE(o.unstemmed().stems());
  CHECK(o.to_bits() == TokenizerOptions::kStemByLanguage);
}

TEST_CASE("language codes round-trip; regions are dropped; unknown codes are told apart") {
  for (uint8_t id = 1; id < kLanguageIdEnd; ++id) {
    INFO(int(id));
    REQUIRE(language_code(id).size() == 2);
    CHECK(language_from_code(language_code(id)) == id);
  }
  CHECK(language_code(0).empty());
  CHECK(language_from_code("pt-BR") == CORPUS_LANG_portuguese);
  CHECK(language_from_code("DE") == CORPUS_LANG_german);
  CHECK(language_from_code("nn") == CORPUS_LANG_norwegian);
  CHECK(language_from_code("zh-Hans-CN") == CORPUS_LANG_chinese);
  CHECK(language_from_code("en-") == kUnknownLanguage);
  CHECK(language_from_code("eng") == kUnknownLanguage);
  CHECK(language_from_code("qq") == kUnknownLanguage);
  CHECK(language_from_code("") == kUnknownLanguage);
  CHECK(language_has_stemmer(CORPUS_LANG_yiddish));
  CHECK_FALSE(language_has_stemmer(CORPUS_LANG_thai));
  CHECK_FALSE(language_has_stemmer(CORPUS_LANG_none));
}

TEST_CASE("lowercase keeps diacritics") {
  CHECK(lower("ÉTÉ") == "été");
  CHECK(lower("ЁЖИК") == "ёжик");
  CHECK(lower("ΆΣΟΣ") == "άσοσ");
  CHECK(lower("Straße") == "straße");
  CHECK(lower("ẞ") == "ß");
  CHECK(lower("İSTANBUL") == "istanbul");
  CHECK(lower("ȘȚ") == "șț");
  CHECK(lower("ŁÓDŹ") == "łódź");
  CHECK(lower("ԱՐՓԻ") == "արփի");
  CHECK(lower("Don’t") == "don't");
  CHECK(lowercase(0x4E2D) == 0x4E2D);  // no case: itself
}

TEST_CASE("each language is stemmed before diacritics are folded") {
  CHECK(terms("Verhandlungen Verhandlung", CORPUS_LANG_german) == V{"verhandl", "verhandl"});
  CHECK(terms("переговоров переговоры", CORPUS_LANG_russian) == V{"переговор", "переговор"});
  CHECK(terms("négociations", CORPUS_LANG_french) == V{snowball_then_fold(CORPUS_LANG_french, "négociations")});
  // Stemming the folded word would be wrong: Russian's adjective ending "ый" is not
  // "ыи", French reads "é" itself.
  const struct { uint8_t language; const char* word; } cases[] = {
      {CORPUS_LANG_russian, "Новый"},     {CORPUS_LANG_russian, "Большой"}, {CORPUS_LANG_french, "Été"},
      {CORPUS_LANG_german, "Häuser"},     {CORPUS_LANG_spanish, "Canción"}, {CORPUS_LANG_greek, "Λόγους"},
      {CORPUS_LANG_turkish, "Kitapları"}, {CORPUS_LANG_romanian, "Țările"}, {CORPUS_LANG_hungarian, "Házakat"}};
  uint32_t differs = 0;
  for (const auto& c : cases) {
    INFO(c.word);
    const V got = terms(c.word, c.language);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == snowball_then_fold(c.language, lower(c.word)));
    char folded[kMaxTermBytes];
    const std::string f(folded, fold_word(c.word, folded, sizeof folded));
    differs += got[0] != snowball_then_fold(c.language, f);
  }
  CHECK(differs > 0);  // the order matters for some of these words
}

TEST_CASE("English keeps Porter2; no stemmer, undetermined and long words stay folded") {
  TokenizerOptions porter;  // stem_english, as English blobs always were
  Tokenizer t("negotiations Companies", porter);
  Token tok;
  V english;
  while (t.next(&tok)) english.emplace_back(tok.view());
  CHECK(terms("negotiations Companies", CORPUS_LANG_english) == english);
  CHECK(terms("Verhandlungen Négociations", CORPUS_LANG_none) == V{"verhandlungen", "negociations"});
  CHECK(terms("Verhandlungen", CORPUS_LANG_thai) == V{"verhandlungen"});
  CHECK(terms("Verhandlungen", 250) == V{"verhandlungen"});  // an id out of range
  const std::string longword(70, 'a');
  CHECK(terms(longword + "ungen", CORPUS_LANG_german) == V{std::string(64, 'a')});
}
