#include "clean/normalizer.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace corpusc {

// Windows-1252 0x80..0x9F; 0 where the code page leaves a hole (then U+FFFD).
static const char32_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
static size_t valid_sequence(std::string_view s, size_t i) {
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t n = valid_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

static void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : valid_sequence(s, i);
    if (n > 0) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    char32_t cp = c >= 0xA0 ? c : (c >= 0x80 ? kCp1252High[c - 0x80] : 0xFFFD);
    append_utf8(out, cp ? cp : 0xFFFD);
    ++i;
  }
  return out;
}

static std::string nfc(const std::string& s) {
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> p(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str())), &std::free);
  return p ? std::string(reinterpret_cast<const char*>(p.get())) : s;
}

std::string normalize_text(std::string_view input, bool* repaired) {
  bool bad = !is_valid_utf8(input);
  if (repaired) *repaired = bad;
  std::string s = bad ? repair_utf8(input) : std::string(input);
  // utf8proc stops at NUL; NUL-free inputs are the rule (binary files are skipped).
  if (s.find('\0') == std::string::npos) s = nfc(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') out.push_back(s[i]);
    else if (i + 1 >= s.size() || s[i + 1] != '\n') out.push_back('\n');
  }
  return out;
}

std::string dedupe_key(std::string_view normalized) {
  std::string key;
  key.reserve(normalized.size());
  bool space = false;
  for (char c : normalized) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(c);
  }
  return key;
}

}  // namespace corpusc
