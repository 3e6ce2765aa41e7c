#include <catch.hpp>

#include <string>

#include "corpus/text/utf8.hpp"

using corpus::text::decode_utf8;
using corpus::text::Decoded;
using corpus::text::kInvalidCodePoint;

static Decoded dec(const std::string& s) {
  return decode_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

TEST_CASE("decode_utf8 accepts every valid length") {
  CHECK(dec("a").code_point == 'a');
  CHECK(dec("\xC3\xA9").code_point == 0xE9);
  CHECK(dec("\xC3\xA9").length == 2);
  CHECK(dec("\xE2\x80\x99").code_point == 0x2019);
  CHECK(dec("\xF0\x9F\x98\x80").code_point == 0x1F600);
  CHECK(dec("\xF4\x8F\xBF\xBF").code_point == 0x10FFFF);
}

TEST_CASE("decode_utf8 rejects invalid sequences one byte at a time") {
  for (const char* bad : {"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80",
                          "\xED\xA0\x80" /* surrogate */, "\xF4\x90\x80\x80" /* > 10FFFF */,
                          "\xF5\x80\x80\x80", "\xFF", "\xC3" /* truncated */,
                          "\xE2\x80" /* truncated */, "\xC3\x41" /* bad continuation */}) {
    Decoded d = dec(bad);
    CHECK(d.code_point == kInvalidCodePoint);
    CHECK(d.length == 1);
  }
}

TEST_CASE("decode_utf8 never reads past avail") {
  const unsigned char buf[2] = {0xE2, 0x80};  // a 3-byte lead cut short
  Decoded d = decode_utf8(buf, 2);
  CHECK(d.code_point == kInvalidCodePoint);
  CHECK(d.length == 1);
}

TEST_CASE("encode_utf8 round-trips through decode_utf8") {
  for (uint32_t cp : {0x41u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFDu, 0x10000u, 0x10FFFFu}) {
    char buf[4];
    size_t n = corpus::text::encode_utf8(cp, buf);
    CHECK(n == corpus::text::utf8_length(cp));
    Decoded d = decode_utf8(reinterpret_cast<unsigned char*>(buf), n);
    CHECK(d.code_point == cp);
    CHECK(d.length == n);
  }
}
