// Console: line-buffered, non-allocating text output over semihosting.
//
// Formats into a fixed 160-byte buffer and hands whole lines to SYS_WRITE0; a line
// longer than the buffer is flushed in pieces. No printf (newlib-nano's mallocs),
// no heap, no locale: strings, decimal and hex integers only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "semihosting.h"

class Console {
 public:
  Console& operator<<(std::string_view s) {
    for (char c : s) put(c);
    return *this;
  }
  Console& operator<<(const char* s) { return *this << std::string_view(s); }
  Console& operator<<(char c) {
    put(c);
    return *this;
  }
  template <typename T, typename = std::enable_if_t<std::is_unsigned_v<T>>>
  Console& operator<<(T value) {
    uint64_t v = value;
    char digits[20];
    size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10u);
      v /= 10u;
    } while (v != 0);
    while (n > 0) put(digits[--n]);
    return *this;
  }
  Console& operator<<(int v) {
    if (v < 0) put('-');
    return *this << (v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v));
  }

  /// Writes `v` as 0x followed by 16 hex digits.
  Console& hex(uint64_t v) {
    *this << "0x";
    for (int shift = 60; shift >= 0; shift -= 4) put("0123456789abcdef"[(v >> shift) & 0xFu]);
    return *this;
  }

  /// Writes printable ASCII of `s` as is and any other byte as '.', up to `max` bytes.
  Console& excerpt(std::string_view s, size_t max) {
    for (size_t i = 0; i < s.size() && i < max; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      put(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '.');
    }
    if (s.size() > max) *this << "...";
    return *this;
  }

  void flush() {
    if (len_ == 0) return;
    buf_[len_] = '\0';
    semihosting_write0(buf_);
    len_ = 0;
  }

 private:
  void put(char c) {
    buf_[len_++] = c;
    if (c == '\n' || len_ == sizeof buf_ - 1) flush();
  }

  char buf_[160];
  size_t len_ = 0;
};
