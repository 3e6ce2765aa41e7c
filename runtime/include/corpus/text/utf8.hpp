// UTF-8 decoding and encoding for the tokenizer: no allocation, no exceptions.
//
// Contract of decode_utf8(): strict UTF-8 (no overlong forms, no surrogates, nothing
// above U+10FFFF). It reads at most `avail` bytes and always consumes at least one,
// so a loop over a buffer terminates and never reads past its end. An invalid or
// truncated sequence consumes exactly its first byte and yields kInvalidCodePoint;
// decoding resumes at the next byte (which may start a valid character).
#pragma once

#include <cstddef>
#include <cstdint>

namespace corpus::text {

constexpr uint32_t kInvalidCodePoint = 0xFFFFFFFFu;

struct Decoded {
  uint32_t code_point;  // kInvalidCodePoint for an invalid byte
  uint32_t length;      // bytes consumed: 1..4, never 0
};

/// Decodes the character at p; `avail` (>= 1) bytes are readable from p.
inline Decoded decode_utf8(const unsigned char* p, size_t avail) {
  const uint32_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  uint32_t need, cp, min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1; cp = b0 & 0x1F; min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2; cp = b0 & 0x0F; min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3; cp = b0 & 0x07; min = 0x10000;
  } else {
    return {kInvalidCodePoint, 1};  // continuation byte, C0/C1, F5..FF
  }
  if (avail <= need) return {kInvalidCodePoint, 1};
  for (uint32_t i = 1; i <= need; ++i) {
    const uint32_t b = p[i];
    if ((b & 0xC0) != 0x80) return {kInvalidCodePoint, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {kInvalidCodePoint, 1};
  }
  return {cp, need + 1};
}

/// Bytes encode_utf8() writes for cp (a valid scalar value).
constexpr size_t utf8_length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes cp (a valid scalar value) as UTF-8 into out (room for utf8_length(cp) bytes).
inline size_t encode_utf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace corpus::text
