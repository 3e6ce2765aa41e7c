// The one tokenizer shared by corpusc (index time) and the runtime (query time).
// Same bytes and same options give the same tokens on every platform: no locale,
// no allocation, no exceptions.
//
// Rules (docs: README "Search" should point here):
//  * A token is a run of word characters (letters and digits, any script; see
//    fold.hpp), folded: lowercase, diacritics removed ("Ça" -> "ca", "ΆΣΟΣ" -> "ασοσ").
//    Combining marks and invisible joiners (soft hyphen, ZWJ) continue a token and
//    emit nothing. Everything else separates tokens: spaces, punctuation, curly
//    quotes, dashes, symbols, emoji, controls, NUL and every invalid UTF-8 byte.
//  * Numbers are tokens like words; '.' and ',' separate: "3.5" -> "3" "5",
//    "2,000" -> "2" "000"; "mp3" and "covid19" stay one token.
//  * An apostrophe (' U+2019 U+2018 U+02BC) between a word character and a letter or
//    digit stays in the token as ASCII '\'': "don't", "o'neill", "John’s" -> "john's"
//    (the stemmer then gives "john"). Leading/trailing apostrophes are separators.
//  * Each CJK ideograph is a token of its own; Hangul forms runs as letters. Kana,
//    Thai, Lao, Khmer and Myanmar form runs too, unless the script rules of
//    scripts.hpp (bits 8-15: per-character tokens, Arabic folds...) say otherwise.
//  * Terms are at most kMaxTermBytes bytes: a longer token is cut at the last whole
//    character that fits (before stemming); begin/end still span the whole token.
//  * Stop words (stopwords.hpp), when dropped, still consume a position, so phrase
//    queries keep their gaps. Stemming (stem_english.hpp, or language_stem.hpp per
//    language) runs after the stop check.
//  * Offsets are uint32: text longer than 4 GiB - 1 is read only up to that length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/text/fold.hpp"
#include "corpus/text/language_stem.hpp"
#include "corpus/text/scripts.hpp"
#include "corpus/text/stem_english.hpp"
#include "corpus/text/stopwords.hpp"
#include "corpus/text/utf8.hpp"

namespace corpus::text {

/// Longest term in bytes; longer tokens are truncated at a character boundary.
constexpr size_t kMaxTermBytes = 64;

/// Tokenizer settings. A blob records to_bits() so queries are tokenized as the
/// index was. Bit values are stable; from_bits() ignores bits it does not know, so
/// search::Index::open() refuses an index with bits outside kKnownBits.
///  * kStemEnglish (bit 0): every token stemmed with Porter2 (blobs in English only,
///    and every blob before per-article languages).
///  * kStemByLanguage (bit 2): each text is stemmed in its own `language`
///    (language_stem.hpp: fold case -> stem -> fold diacritics); kStemEnglish is
///    then clear. Bits 3-7 are reserved for further language rules.
/// `language` is not recorded in the bits: it is the language of the text being
/// tokenized (the article's at build time, the query's at query time).
struct TokenizerOptions {
  static constexpr uint32_t kStemEnglish = 1u << 0;
  static constexpr uint32_t kDropStopwords = 1u << 1;
  static constexpr uint32_t kStemByLanguage = 1u << 2;
  static constexpr uint32_t kKnownBits = kStemEnglish | kDropStopwords | kStemByLanguage | script_bits::kKnown;

  bool stem_english = true;
  bool drop_stopwords = false;
  bool stem_by_language = false;
  uint8_t language = 0;  // languages.h id of the text, under stem_by_language
  uint32_t script_rules = script_bits::kAll;  // scripts.hpp bits; a blob built today gets them all

  uint32_t to_bits() const {
    return (stem_english ? kStemEnglish : 0u) | (drop_stopwords ? kDropStopwords : 0u) |
           (stem_by_language ? kStemByLanguage : 0u) | (script_rules & script_bits::kKnown);
  }
  bool has(uint32_t script_bit) const { return (script_rules & script_bit) != 0; }
  static TokenizerOptions from_bits(uint32_t bits) {
    TokenizerOptions o;
    o.stem_english = (bits & kStemEnglish) != 0;
    o.drop_stopwords = (bits & kDropStopwords) != 0;
    o.stem_by_language = (bits & kStemByLanguage) != 0;
    o.script_rules = bits & script_bits::kKnown;
    return o;
  }
  /// Whether tokens are stemmed at all (prefix queries keep an unstemmed copy).
  bool stems() const { return stem_english || stem_by_language; }
  /// These options without stemming.
  TokenizerOptions unstemmed() const {
    TokenizerOptions o = *this;
    o.stem_english = false;
    o.stem_by_language = false;
    return o;
  }
};

/// Stems a folded term (term[0, length), capacity kMaxTermBytes) as `options` say;
/// `raw` is the term's input text (language_stem.hpp). Returns the new length.
inline size_t stem_term(TokenizerOptions options, std::string_view raw, char* term, size_t length) {
  if (options.stem_by_language) {
    return stem_in_language(options.language, raw, term, length, kMaxTermBytes);
  }
  return options.stem_english ? stem_english(term, length) : length;
}

struct Token {
  char term[kMaxTermBytes];  // folded (+ stemmed if enabled) UTF-8 bytes, NOT NUL-terminated
  uint8_t length;            // bytes used in term
  uint32_t begin, end;       // byte offsets of the token in the input text [begin, end)
  uint32_t position;         // token ordinal in the text, stop words included
  std::string_view view() const { return {term, length}; }
};

class Tokenizer {
 public:
  /// `text` must outlive the Tokenizer (it is not copied).
  Tokenizer(std::string_view text, TokenizerOptions options)
      : p_(reinterpret_cast<const unsigned char*>(text.data())),
        size_(text.size() > 0xFFFFFFFFu ? 0xFFFFFFFFu : text.size()),
        options_(options) {}

  /// Writes the next token into *out; false at the end of the text.
  bool next(Token* out) {
    while (scan(out)) {
      if (out->length == 0) continue;  // only characters that fold to nothing
      out->position = position_++;
      if (options_.drop_stopwords && is_stopword(out->view())) continue;
      const std::string_view raw(reinterpret_cast<const char*>(p_) + out->begin, out->end - out->begin);
      out->length = static_cast<uint8_t>(stem_term(options_, raw, out->term, out->length));
      return true;
    }
    return false;
  }

 private:
  static bool ascii_word(uint32_t b) {
    return (b - 'a' < 26u) || (b - 'A' < 26u) || (b - '0' < 10u);
  }

  // Class and table entry of the character at pos_ (decoded into *d).
  CharClass classify(Decoded* d, uint16_t* entry) const {
    *d = decode_utf8(p_ + pos_, size_ - pos_);
    if (d->code_point == kInvalidCodePoint || is_apostrophe(d->code_point)) {
      return CharClass::separator;
    }
    return word_class(d, entry);
  }

  // Class and table entry of the valid character *d after the script rules
  // (detail::rule_entry: they may change d->code_point).
  CharClass word_class(Decoded* d, uint16_t* entry) const {
    *entry = options_.script_rules == 0 ? detail::fold_entry(d->code_point)
                                        : detail::rule_entry(options_.script_rules, &d->code_point);
    return detail::entry_class(*entry);
  }

  // A character that is a token by itself: an ideograph, or with
  // kSplitNoSpaceScripts a letter of a no-space script.
  bool single_token(CharClass c, uint32_t cp) const {
    return c == CharClass::ideograph ||
           (c == CharClass::word && options_.has(script_bits::kSplitNoSpaceScripts) &&
            is_no_space_letter(cp));
  }

  // With kSplitNoSpaceScripts, the combining marks after a single-character token
  // belong to it (Thai vowels and tone marks above or below a consonant).
  void take_marks() {
    if (!options_.has(script_bits::kSplitNoSpaceScripts)) return;
    while (pos_ < size_ && p_[pos_] >= 0x80) {
      Decoded d = decode_utf8(p_ + pos_, size_ - pos_);
      uint16_t entry = 0;
      if (d.code_point == kInvalidCodePoint || word_class(&d, &entry) != CharClass::mark) return;
      pos_ += d.length;
    }
  }

  // True if the character at byte `at` is a word character (an apostrophe before it
  // then stays inside the token).
  bool word_at(size_t at) const {
    if (at >= size_) return false;
    if (p_[at] < 0x80) return ascii_word(p_[at]);
    const Decoded d = decode_utf8(p_ + at, size_ - at);
    return d.code_point != kInvalidCodePoint && !is_apostrophe(d.code_point) &&
           char_class(d.code_point) == CharClass::word;
  }

  // The next raw token (folded, neither stemmed nor stop-checked); its length is 0
  // when all its characters fold to nothing.
  bool scan(Token* out) {
    Decoded d{0, 1};
    uint16_t entry = 0;
    for (;;) {  // skip to a token start
      if (pos_ >= size_) return false;
      const uint32_t b = p_[pos_];
      if (b < 0x80) {
        if (ascii_word(b)) break;
        ++pos_;
        continue;
      }
      const CharClass c = classify(&d, &entry);
      if (single_token(c, d.code_point)) {
        bool truncated = false;
        out->begin = static_cast<uint32_t>(pos_);
        out->length = static_cast<uint8_t>(
            detail::append_fold(d.code_point, entry, out->term, 0, kMaxTermBytes, &truncated));
        pos_ += d.length;
        take_marks();
        out->end = static_cast<uint32_t>(pos_);
        return true;
      }
      if (c == CharClass::word) break;
      pos_ += d.length;
    }

    out->begin = static_cast<uint32_t>(pos_);
    size_t length = 0;
    bool truncated = false;
    while (pos_ < size_) {
      const uint32_t b = p_[pos_];
      if (b < 0x80) {
        if (ascii_word(b)) {
          if (!truncated && length < kMaxTermBytes) {
            out->term[length++] = static_cast<char>(b - 'A' < 26u ? b | 0x20 : b);
          } else {
            truncated = true;
          }
          ++pos_;
          continue;
        }
        if (b == '\'' && word_at(pos_ + 1)) {
          if (length < kMaxTermBytes && !truncated) out->term[length++] = '\'';
          ++pos_;
          continue;
        }
        break;
      }
      d = decode_utf8(p_ + pos_, size_ - pos_);
      if (d.code_point == kInvalidCodePoint) break;
      if (is_apostrophe(d.code_point)) {
        if (!word_at(pos_ + d.length)) break;
        if (length < kMaxTermBytes && !truncated) out->term[length++] = '\'';
        pos_ += d.length;
        continue;
      }
      const CharClass c = word_class(&d, &entry);
      if (single_token(c, d.code_point)) break;
      if (c == CharClass::word) {
        if (!truncated) {
          length = detail::append_fold(d.code_point, entry, out->term, length, kMaxTermBytes,
                                       &truncated);
        }
      } else if (c != CharClass::mark) {
        break;
      }
      pos_ += d.length;
    }
    out->end = static_cast<uint32_t>(pos_);
    out->length = static_cast<uint8_t>(length);
    return true;
  }

  const unsigned char* p_;
  size_t size_;
  size_t pos_ = 0;
  uint32_t position_ = 0;
  TokenizerOptions options_;
};

}  // namespace corpus::text
