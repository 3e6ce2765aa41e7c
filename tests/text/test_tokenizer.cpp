#include <catch.hpp>

#include <string>
#include <vector>

#include "corpus/text/tokenizer.hpp"

using namespace corpus::text;

static std::vector<std::string> terms(const std::string& text, bool stem = false,
                                      bool stop = false) {
  TokenizerOptions o;
  o.stem_english = stem;
  o.drop_stopwords = stop;
  Tokenizer t(text, o);
  Token tok;
  std::vector<std::string> out;
  while (t.next(&tok)) out.emplace_back(tok.view());
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("punctuation, curly quotes and dashes separate; case and accents fold") {
  CHECK(terms("“Hello”—World… (Café)") == V{"hello", "world", "cafe"});
  CHECK(terms("a–b—c-d") == V{"a", "b", "c", "d"});
}

TEST_CASE("numbers are tokens; '.' and ',' split them") {
  CHECK(terms("In 2011, 3.5% of 2,000") == V{"in", "2011", "3", "5", "of", "2", "000"});
  CHECK(terms("mp3 covid-19") == V{"mp3", "covid", "19"});
}

TEST_CASE("apostrophes stay inside words only") {
  CHECK(terms("don't O’Neill's 'quoted' students'") ==
        V{"don't", "o'neill's", "quoted", "students"});
  CHECK(terms("John’s", true) == V{"john"});
  CHECK(terms("rock 'n' roll") == V{"rock", "n", "roll"});
}

TEST_CASE("CJK ideographs are one token each; marks continue a word") {
  CHECK(terms("中文abc") == V{"中", "文", "abc"});
  CHECK(terms("e\xCC\x81te\xCC\x81") == V{"ete"});
  CHECK(terms("hy\xC2\xADphen") == V{"hyphen"});  // soft hyphen
}

TEST_CASE("Greek and Cyrillic words fold") {
  CHECK(terms("ΆΣΟΣ λόγος, Ёлка!") == V{"ασοσ", "λογοσ", "елка"});
}

TEST_CASE("offsets and positions") {
  std::string text = "The cat’s hat";
  TokenizerOptions o;
  o.stem_english = true;
  o.drop_stopwords = true;
  Tokenizer t(text, o);
  Token tok;
  REQUIRE(t.next(&tok));
  CHECK(tok.view() == "cat");
  CHECK(tok.begin == 4);
  CHECK(tok.end == 4 + 3 + 3 + 1);  // "cat" + U+2019 (3 bytes) + "s"
  CHECK(tok.position == 1);         // "the" was dropped but kept its position
  REQUIRE(t.next(&tok));
  CHECK(tok.view() == "hat");
  CHECK(tok.position == 2);
  CHECK(std::string(text, tok.begin, tok.end - tok.begin) == "hat");
  CHECK_FALSE(t.next(&tok));
  CHECK_FALSE(t.next(&tok));
}

TEST_CASE("stop words are dropped only when asked") {
  CHECK(terms("the cat and the hat", false, true) == V{"cat", "hat"});
  CHECK(terms("the cat", false, false) == V{"the", "cat"});
  CHECK(is_stopword("don't"));
  CHECK(is_stopword("a"));
  CHECK_FALSE(is_stopword("cat"));
  CHECK_FALSE(is_stopword(""));
}

TEST_CASE("long tokens are truncated at a character boundary, offsets span all") {
  const std::string text = std::string(100, 'x') + " y";
  Tokenizer t(text, TokenizerOptions{false, false});
  Token tok;
  REQUIRE(t.next(&tok));
  CHECK(tok.length == kMaxTermBytes);
  CHECK(tok.begin == 0);
  CHECK(tok.end == 100);
  REQUIRE(t.next(&tok));
  CHECK(tok.view() == "y");

  std::string cyr;
  for (int i = 0; i < 40; ++i) cyr += "ж";  // 80 bytes
  cyr = "a" + cyr;                         // odd start: 64 would split a character
  Tokenizer t2(cyr, TokenizerOptions{false, false});
  REQUIRE(t2.next(&tok));
  CHECK(tok.length == 63);
  CHECK(tok.end == cyr.size());
}

TEST_CASE("TokenizerOptions round-trips through its bits") {
  for (bool stem : {false, true}) {
    for (bool stop : {false, true}) {
      TokenizerOptions o;
      o.stem_english = stem;
      o.drop_stopwords = stop;
      TokenizerOptions back = TokenizerOptions::from_bits(o.to_bits());
      CHECK(back.stem_english == stem);
      CHECK(back.drop_stopwords == stop);
    }
  }
  CHECK(TokenizerOptions{}.to_bits() == (TokenizerOptions::kStemEnglish | script_bits::kAll));
  CHECK(TokenizerOptions::from_bits(0).to_bits() == 0);
}

TEST_CASE("fold_word agrees with the tokenizer on a single word") {
  const std::string words[] = {"Straße", "O’Neill", "ΆΣΟΣ", "Ёлка", "naïve"};
  for (const auto& w : words) {
    char out[kMaxTermBytes];
    std::string folded(out, fold_word(w, out, sizeof out));
    CHECK(terms(w) == V{folded});
  }
}
