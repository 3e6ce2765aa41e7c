// Random bytes (invalid UTF-8, NULs, 10 kB strings) never crash the tokenizer and
// always give well-formed tokens. Fixed seed: failures reproduce.
#include <catch.hpp>

#include <random>
#include <string>

#include "corpus/text/tokenizer.hpp"

using namespace corpus::text;

static bool valid_utf8(const char* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    Decoded d = decode_utf8(reinterpret_cast<const unsigned char*>(s) + i, n - i);
    if (d.code_point == kInvalidCodePoint) return false;
    i += d.length;
  }
  return true;
}

// Bytes drawn from pieces that stress the decoder and the tokenizer's rules.
static std::string random_text(std::mt19937& rng, size_t size) {
  static const char* pieces[] = {
      "a", "Z", "9", " ", "'", "\xE2\x80\x99", "\xC3\xA9", "\xCC\x81", "\xE4\xB8\xAD",
      "\xF0\x9F\x98\x80", "\x80", "\xC3", "\xE2\x80", "\xF4\x90\x80\x80", "\xFF", "\xED\xA0\x80",
      "\xC2\xAD", "\xEF\xAC\x81", "\xC3\x9F", ".", "-", "s", "ing", "ies", "y",
  };
  std::uniform_int_distribution<int> mode(0, 2), piece(0, sizeof pieces / sizeof *pieces - 1),
      byte(0, 255);
  std::string s;
  while (s.size() < size) {
    if (mode(rng) == 0) s += static_cast<char>(byte(rng));  // includes NUL
    else s += pieces[piece(rng)];
  }
  s.resize(size);
  return s;
}

TEST_CASE("random bytes give well-formed tokens") {
  std::mt19937 rng(20240601);
  const size_t sizes[] = {0, 1, 2, 3, 7, 64, 65, 200, 1000, 10000};
  for (int round = 0; round < 300; ++round) {
    const size_t size = sizes[round % (sizeof sizes / sizeof *sizes)];
    const std::string text = random_text(rng, size);
    for (uint32_t bits = 0; bits < 4; ++bits) {
      Tokenizer t(text, TokenizerOptions::from_bits(bits));
      Token tok;
      uint32_t last_end = 0, last_position = 0, count = 0;
      bool ok = true;
      while (t.next(&tok)) {
        ok = ok && tok.begin < tok.end && tok.end <= text.size() && tok.begin >= last_end;
        ok = ok && tok.length > 0 && tok.length <= kMaxTermBytes;
        ok = ok && valid_utf8(tok.term, tok.length);
        ok = ok && (count == 0 || tok.position > last_position);
        last_end = tok.end;
        last_position = tok.position;
        ++count;
        if (count > text.size()) break;  // more tokens than bytes: a loop
      }
      INFO("round " << round << " bits " << bits);
      REQUIRE(ok);
      REQUIRE(count <= text.size());
    }
    char out[kMaxTermBytes];
    for (size_t cap : {size_t{0}, size_t{1}, size_t{5}, sizeof out}) {
      size_t n = fold_word(text, out, cap);
      REQUIRE(n <= cap);
      REQUIRE(valid_utf8(out, n));
    }
    std::string copy = text.substr(0, 80);
    REQUIRE(stem_english(&copy[0], copy.size()) <= copy.size());
  }
}
