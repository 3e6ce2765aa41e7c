// Fuzz target (c): the shared tokenizer (corpus/text/tokenizer.hpp), fold_word() and
// the stemmer on arbitrary bytes. Beyond "no crash", checks the documented
// contract: tokens lie inside the text, in order, at most kMaxTermBytes, positions
// strictly increase, and every term is valid UTF-8 (what the index stores).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/text/tokenizer.hpp"
#include "fuzz_support.hpp"

namespace {

using corpus::text::kMaxTermBytes;

bool valid_utf8(const char* s, size_t n) {
  auto p = reinterpret_cast<const unsigned char*>(s);
  for (size_t i = 0; i < n;) {
    corpus::text::Decoded d = corpus::text::decode_utf8(p + i, n - i);
    if (d.code_point == corpus::text::kInvalidCodePoint) return false;
    i += d.length;
  }
  return true;
}

void tokenize(std::string_view text, corpus::text::TokenizerOptions options) {
  corpus::text::Tokenizer tok(text, options);
  corpus::text::Token t;
  uint32_t last_begin = 0, last_end = 0;
  bool first = true;
  uint32_t last_position = 0;
  for (size_t count = 0; tok.next(&t); ++count) {
    FUZZ_CHECK(count <= text.size());  // each token consumes at least one byte
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
    FUZZ_CHECK(t.begin >= last_end && t.begin >= last_begin);
    FUZZ_CHECK(t.length <= kMaxTermBytes);
    FUZZ_CHECK(first || t.position > last_position);
    FUZZ_CHECK(valid_utf8(t.term, t.length));
    if (!options.stem_english) FUZZ_CHECK(t.length > 0);
    last_begin = t.begin;
    last_end = t.end;
    last_position = t.position;
    first = false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Exact-size heap copy so ASan catches any read past the end.
  corpus_fuzz::AlignedInput in(data, size);
  std::string_view text(reinterpret_cast<const char*>(in.data()), in.size());
  for (uint32_t bits = 0; bits < 4; ++bits) tokenize(text, corpus::text::TokenizerOptions::from_bits(bits));

  char folded[kMaxTermBytes];
  size_t n = corpus::text::fold_word(text, folded, sizeof folded);
  FUZZ_CHECK(n <= sizeof folded);
  FUZZ_CHECK(valid_utf8(folded, n));
  // The stemmer never grows a word and keeps UTF-8 valid.
  size_t stemmed = corpus::text::stem_english(folded, n);
  FUZZ_CHECK(stemmed <= n);
  FUZZ_CHECK(valid_utf8(folded, stemmed));
  return 0;
}
