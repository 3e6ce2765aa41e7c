// Script rules of the tokenizer (text/scripts.hpp, TokenizerOptions bits 8-15).
#include <catch.hpp>

#include <string>
#include <vector>

#include "corpus/text/tokenizer.hpp"

using namespace corpus::text;
using V = std::vector<std::string>;

namespace {

std::vector<std::string> terms(const std::string& text, uint32_t rules = script_bits::kAll) {
  TokenizerOptions o;
  o.stem_english = false;
  o.script_rules = rules;
  Tokenizer t(text, o);
  Token tok;
  std::vector<std::string> out;
  while (t.next(&tok)) out.emplace_back(tok.view());
  return out;
}

}  // namespace

TEST_CASE("the script rules are bits 8-10, known to this runtime, recorded and read back") {
  TokenizerOptions o;
  CHECK(o.to_bits() == (TokenizerOptions::kStemEnglish | 0x700u));
  CHECK((TokenizerOptions::kKnownBits & 0x700u) == 0x700u);
  CHECK(TokenizerOptions::from_bits(o.to_bits()).script_rules == script_bits::kAll);
  // An old blob (bits 0-1 only) gets none of the rules: it tokenizes as before.
  CHECK(TokenizerOptions::from_bits(TokenizerOptions::kStemEnglish).script_rules == 0);
  // A runtime without the rules (kKnownBits = bits 0-1) refuses a new blob.
  const uint32_t old_known = TokenizerOptions::kStemEnglish | TokenizerOptions::kDropStopwords;
  CHECK((o.to_bits() & ~old_known) != 0);
}

TEST_CASE("kana, Thai, Lao, Khmer, Myanmar letters are one token each with bit 8") {
  CHECK(terms("カタカナとひらがな") == V{"カ", "タ", "カ", "ナ", "と", "ひ", "ら", "か", "な"});
  CHECK(terms("カタカナとひらがな", 0) == V{"カタカナとひらかな"});
  CHECK(terms("ภาษาไทย") == V{"ภ", "า", "ษ", "า", "ไ", "ท", "ย"});
  CHECK(terms("ภาษาไทย", 0) == V{"ภาษาไทย"});
  CHECK(terms("ລາວ ខ្មែរ မြန်") == V{"ລ", "າ", "ວ", "ខ", "ម", "រ", "မ", "န"});
  // Latin next to them is a word of its own; digits of the scripts still form numbers.
  CHECK(terms("abcタ๑๒๓") == V{"abc", "タ", "๑๒๓"});
  CHECK(terms("中文abc") == V{"中", "文", "abc"});
}

TEST_CASE("a split character's token spans the combining marks after it") {
  const std::string text = "กิน";  // ก + sara i (a mark) + น
  TokenizerOptions o;
  Tokenizer t(text, o);
  Token tok;
  REQUIRE(t.next(&tok));
  CHECK(tok.view() == "ก");
  CHECK(tok.begin == 0);
  CHECK(tok.end == 6);  // ก and the vowel sign
  REQUIRE(t.next(&tok));
  CHECK(tok.view() == "น");
  CHECK(tok.position == 1);
  CHECK_FALSE(t.next(&tok));
}

TEST_CASE("Arabic folding: tatweel, alef forms, alef maksura, teh marbuta (bit 10)") {
  CHECK(terms("كتـــاب") == V{"كتاب"});
  CHECK(terms("كتـــاب", 0) == V{"كتـــاب"});
  CHECK(terms("ٱلعربية") == V{"العربيه"});
  CHECK(terms("مستشفى") == V{"مستشفي"});
  CHECK(terms("أحمد إسلام آمن") == V{"احمد", "اسلام", "امن"});
  CHECK(terms("أحمد", 0) == V{"احمد"});  // hamza and madda were folded before the rules
  CHECK(terms("الْعَرَبِيَّةُ") == terms("العربية"));  // harakat: always removed
  CHECK(terms("ـــ") == V{});  // tatweel alone is no token
}

TEST_CASE("Hebrew niqqud is removed") {
  CHECK(terms("שָׁלוֹם") == V{"שלום"});
  CHECK(terms("שָׁלוֹם", 0) == V{"שלום"});
}

TEST_CASE("Hangul forms words as before; Latin is unchanged by the rules") {
  CHECK(terms("서울에서 만나요") == terms("서울에서 만나요", 0));
  CHECK(terms("서울에서 만나요").size() == 2);
  const std::string latin = "Ça, “Hello” don't ΆΣΟΣ Ёлка 3.5 covid-19 Đà Nẵng";
  CHECK(terms(latin) == terms(latin, 0));
}

TEST_CASE("Vietnamese letters keep their marks with bit 11, case folded") {
  const uint32_t vi = script_bits::kAll | script_bits::kKeepVietnameseMarks;
  CHECK(terms("Việt Nam ĐÀ NẴNG Thành phố Hồ Chí Minh", vi) ==
        V{"việt", "nam", "đà", "nẵng", "thành", "phố", "hồ", "chí", "minh"});
  CHECK(terms("Việt Nam ĐÀ NẴNG") == V{"viet", "nam", "đa", "nang"});
  CHECK(terms("ƯỚC ƠN Ă Ĩ Ũ", vi) == V{"ước", "ơn", "ă", "ĩ", "ũ"});
  CHECK(terms("Ça éTÉ ñ", vi) == V{"ca", "été", "n"});  // ç, ñ: not Vietnamese letters
  CHECK(TokenizerOptions::from_bits(TokenizerOptions{}.to_bits() | script_bits::kKeepVietnameseMarks)
            .has(script_bits::kKeepVietnameseMarks));
}

TEST_CASE("fold_word applies the same script rules as the tokenizer") {
  const uint32_t vi = script_bits::kAll | script_bits::kKeepVietnameseMarks;
  for (const char* word : {"كتـــاب", "مدرسة", "ٱلمستشفى", "Việt", "NẴNG", "Café"}) {
    for (uint32_t rules : {0u, script_bits::kAll, vi}) {
      char out[kMaxTermBytes];
      const std::string folded(out, fold_word(word, out, sizeof out, rules));
      INFO(word << " rules " << rules);
      CHECK(V{folded} == terms(word, rules));
    }
  }
}
