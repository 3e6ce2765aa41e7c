// Case and diacritic folding of single characters, and fold_word().
//
// What a character folds to is fixed by tools/fold_table_gen.hpp (utf8proc's
// COMPAT|DECOMPOSE|CASEFOLD|STRIPMARK, keeping only letters and digits), stored in
// fold_table.hpp (generated, committed, checked by tests/text/test_fold_table.cpp):
//   "É" -> "e", "ß" -> "ss", "ﬁ" -> "fi", "Ά" -> "α", "ς" -> "σ", "ё" -> "е",
//   "й" -> "и" (the breve is a mark like any other: folded, as ICU folding does).
// Letters without a decomposition stay distinct: "ø", "æ", "ł", "đ" are not ASCII.
// Every combining mark is removed, so Arabic harakat, Hebrew niqqud, Thai and
// Devanagari vowel signs fold away in every blob.
// Script rules on top of the table, each a tokenizer bit (scripts.hpp, rule_entry()):
// Arabic tatweel removed, ٱ -> ا, ى -> ي, ة -> ه (bit 10); Vietnamese letters keep
// their marks (bit 11, Vietnamese text only); bit 8 splits no-space scripts.
//
// Character classes: word (letters, digits), mark (combining marks and invisible
// joiners: continue a word, emit nothing), ideograph (CJK: one token each),
// separator (everything else, including invalid bytes).
// Outside the BMP the table is not consulted: U+1F000..U+1FAFF (emoji, symbols) are
// separators, U+20000..U+3FFFF ideographs, U+E0000..U+E0FFF marks (tags, variation
// selectors), anything else a word character that folds to itself.
//
// Cost: ASCII is folded inline; any other BMP character costs three table loads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/text/fold_table.hpp"
#include "corpus/text/scripts.hpp"
#include "corpus/text/utf8.hpp"

namespace corpus::text {

enum class CharClass : uint8_t { separator = 0, word = 1, mark = 2, ideograph = 3 };

namespace detail {

// Entry layout (see tools/fold_table_gen.hpp): bits 15..14 class; bit 13 set: bits
// 12..0 are a byte offset into kFoldPool ([length][UTF-8 bytes]); bit 13 clear: bits
// 12..0 are a signed delta and the fold is the single code point cp + delta.
constexpr uint16_t kEntryPooled = 0x2000;
constexpr uint16_t kEntryIdentityWord = uint16_t{1} << 14;

inline uint16_t fold_entry(uint32_t cp) {
  if (cp < 0x10000) {
    const uint32_t chunk = kFoldStage0[cp >> 8];
    const uint32_t block = kFoldStage1[(chunk << 4) | ((cp >> 4) & 0xF)];
    return kFoldStage2[(block << 4) | (cp & 0xF)];
  }
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return 0;                     // separator
  if (cp >= 0x20000 && cp <= 0x3FFFF) return uint16_t{3} << 14;     // ideograph
  if (cp >= 0xE0000 && cp <= 0xE0FFF) return uint16_t{2} << 14;     // mark
  return kEntryIdentityWord;
}

constexpr CharClass entry_class(uint16_t entry) { return static_cast<CharClass>(entry >> 14); }

/// Appends the fold of cp (class word or ideograph, `entry` = fold_entry(cp)) at
/// out[length], whole characters only, never past `cap`. Returns the new length;
/// sets *truncated when some character did not fit.
inline size_t append_fold(uint32_t cp, uint16_t entry, char* out, size_t length, size_t cap,
                          bool* truncated) {
  if ((entry & kEntryPooled) == 0) {
    // Sign-extend the 13-bit delta.
    const int32_t delta = static_cast<int32_t>(static_cast<uint32_t>(entry & 0x1FFF) << 19) >> 19;
    const uint32_t folded = static_cast<uint32_t>(static_cast<int32_t>(cp) + delta);
    if (length + utf8_length(folded) > cap) {
      *truncated = true;
      return length;
    }
    return length + encode_utf8(folded, out + length);
  }
  const uint8_t* s = kFoldPool + (entry & 0x1FFF);
  const size_t n = s[0];
  ++s;
  if (length + n <= cap) {
    std::memcpy(out + length, s, n);
    return length + n;
  }
  // Copy the characters that fit (the pool holds valid UTF-8).
  size_t i = 0;
  while (i < n) {
    const size_t w = decode_utf8(s + i, n - i).length;
    if (length + w > cap) break;
    std::memcpy(out + length, s + i, w);
    length += w;
    i += w;
  }
  *truncated = true;
  return length;
}

/// fold_entry() of *cp after the script rules of `rules` (scripts.hpp): an Arabic fold
/// may change *cp, a removed character gets a mark's entry, a Vietnamese letter
/// kept whole gets the entry of its lowercase (*cp) folding to itself.
inline uint16_t rule_entry(uint32_t rules, uint32_t* cp) {
  if ((rules & script_bits::kFoldArabic) != 0 && *cp - 0x0600u < 0x100u) {
    *cp = fold_arabic(*cp);
    if (*cp == 0) return uint16_t{2} << 14;  // mark: emits nothing
  }
  if ((rules & script_bits::kKeepVietnameseMarks) != 0) {
    const uint32_t lower = vietnamese_lower(*cp);
    if (lower != 0) {
      *cp = lower;
      return kEntryIdentityWord;
    }
  }
  return fold_entry(*cp);
}

}  // namespace detail

/// The class of one code point (kInvalidCodePoint is a separator).
inline CharClass char_class(uint32_t cp) {
  if (cp == kInvalidCodePoint) return CharClass::separator;
  return detail::entry_class(detail::fold_entry(cp));
}

/// True for the characters the tokenizer reads as an apostrophe inside a word
/// ("don't", "O’Neill"); they fold to ASCII '\''.
constexpr bool is_apostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/// Folds `word` character by character the way the Tokenizer folds a token: word and
/// ideograph characters folded, marks dropped, an apostrophe kept (as '\'') only
/// between two kept characters, separators and invalid bytes dropped. Writes whole
/// characters into out[0, cap) and returns the bytes written (no NUL). For prefix
/// queries and single terms; unlike the Tokenizer it never splits its input.
/// `script_rules`: the index's TokenizerOptions::script_rules (scripts.hpp folds).
inline size_t fold_word(std::string_view word, char* out, size_t cap, uint32_t script_rules = 0) {
  auto p = reinterpret_cast<const unsigned char*>(word.data());
  size_t pos = 0, length = 0;
  bool truncated = false, apostrophe = false;
  while (pos < word.size() && !truncated) {
    const Decoded d = decode_utf8(p + pos, word.size() - pos);
    pos += d.length;
    const uint32_t cp = d.code_point;
    if (cp < 0x80 && cp != '\'') {
      const bool upper = cp >= 'A' && cp <= 'Z';
      if (!upper && !(cp >= 'a' && cp <= 'z') && !(cp >= '0' && cp <= '9')) {
        apostrophe = false;  // a separator: the apostrophe was not inside a word
        continue;
      }
      if (apostrophe && length > 0) {
        if (length + 1 >= cap) break;
        out[length++] = '\'';
      }
      apostrophe = false;
      if (length == cap) break;
      out[length++] = static_cast<char>(upper ? cp | 0x20 : cp);
      continue;
    }
    if (cp == kInvalidCodePoint) {
      apostrophe = false;
      continue;
    }
    if (is_apostrophe(cp)) {
      apostrophe = true;
      continue;
    }
    uint32_t folded_cp = cp;
    const uint16_t e = detail::rule_entry(script_rules, &folded_cp);
    const CharClass c = detail::entry_class(e);
    if (c == CharClass::mark) continue;
    if (c == CharClass::separator) {
      apostrophe = false;
      continue;
    }
    if (apostrophe && length > 0) {
      if (length + 1 >= cap) break;
      out[length++] = '\'';
    }
    apostrophe = false;
    length = detail::append_fold(folded_cp, e, out, length, cap, &truncated);
  }
  return length;
}

}  // namespace corpus::text
