#include <catch.hpp>

#include <string>

#include "corpus/text/fold.hpp"

using namespace corpus::text;

static std::string fold(const std::string& s, size_t cap = 256) {
  char out[256];
  return std::string(out, fold_word(s, out, cap));
}

TEST_CASE("fold_word lowercases and strips diacritics (Latin)") {
  CHECK(fold("HELLO") == "hello");
  CHECK(fold("Café") == "cafe");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("ÀÉÎÕÜ") == "aeiou");
  CHECK(fold("ﬁne") == "fine");          // compatibility ligature
  CHECK(fold("e\xCC\x81t\xC3\xA9") == "ete");  // combining acute, precomposed é
  CHECK(fold("Ｆｕｌｌ") == "full");       // fullwidth forms
}

TEST_CASE("fold_word folds Greek: accents, final sigma, case") {
  CHECK(fold("Ά") == "α");
  CHECK(fold("ΆΣΟΣ") == "ασοσ");
  CHECK(fold("λόγος") == "λογοσ");  // ς -> σ
  CHECK(fold("ΐ") == "ι");
}

TEST_CASE("fold_word folds Cyrillic: ё -> е and й -> и (documented choice)") {
  CHECK(fold("Ёлка") == "елка");
  CHECK(fold("ЙОД") == "иод");
  CHECK(fold("Москва") == "москва");
}

TEST_CASE("letters without a decomposition stay distinct") {
  CHECK(fold("Øl") == "øl");
  CHECK(fold("Łódź") == "łodz");
}

TEST_CASE("fold_word drops separators and invalid bytes, keeps inner apostrophes") {
  CHECK(fold("a-b") == "ab");
  CHECK(fold("don’t") == "don't");
  CHECK(fold("'quoted'") == "quoted");
  CHECK(fold(std::string("a\xFF" "b", 3)) == "ab");
  CHECK(fold(std::string("a\0b", 3)) == "ab");
}

TEST_CASE("fold_word writes whole characters only and respects cap") {
  CHECK(fold("abc", 2) == "ab");
  CHECK(fold("aé", 2) == "ae");    // é folds to the single byte "e": fits
  CHECK(fold("aж", 2) == "a");     // ж is 2 bytes: does not fit after "a"
  CHECK(fold("ß", 1) == "s");      // "ss": copies the characters that fit
  CHECK(fold("жж", 3) == "ж");
  CHECK(fold("anything", 0) == "");
}

TEST_CASE("char_class sorts characters into the four classes") {
  CHECK(char_class('a') == CharClass::word);
  CHECK(char_class('7') == CharClass::word);
  CHECK(char_class(' ') == CharClass::separator);
  CHECK(char_class(0x2014) == CharClass::separator);  // em dash
  CHECK(char_class(0x201C) == CharClass::separator);  // left double quote
  CHECK(char_class(0x0301) == CharClass::mark);
  CHECK(char_class(0x00AD) == CharClass::mark);       // soft hyphen
  CHECK(char_class(0x4E2D) == CharClass::ideograph);
  CHECK(char_class(0x20000) == CharClass::ideograph);
  CHECK(char_class(0x1F600) == CharClass::separator);  // emoji
  CHECK(char_class(0x10400) == CharClass::word);       // outside the table: itself
  CHECK(char_class(kInvalidCodePoint) == CharClass::separator);
}
