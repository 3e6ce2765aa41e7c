// Porter2 (Snowball "english") stemmer, as in Snowball 2.2.0's english.sbl, working in
// place on a caller's buffer: no allocation, no tables built at run time.
//
// Contract: `word` holds `length` bytes of already folded (lowercase) UTF-8. The stem
// is never longer than the word, so it is written over the word's first bytes and
// its length returned; bytes past it are left as they are. Characters other than
// ASCII letters count as consonants, as in Snowball's UTF-8 build; lengths such as
// "fewer than 3 characters" are counted in characters, not bytes. Invalid UTF-8 is
// safe (never read or written outside [word, word + length)) but stems arbitrarily.
// Checked against libstemmer over every word of the shared corpora
// (tests/text/test_stem_oracle.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace corpus::text {
namespace detail {

class Porter2 {
 public:
  Porter2(char* word, size_t length) : w_(word), n_(length) {}

  size_t run() {
    if (exception1()) return n_;
    if (char_count(0, n_) < 3) return n_;
    prelude();
    mark_regions();
    step_1a();
    if (!exception2()) {
      step_1b();
      step_1c();
      step_2();
      step_3();
      step_4();
      step_5();
    }
    if (y_found_) {
      for (size_t i = 0; i < n_; ++i) {
        if (w_[i] == 'Y') w_[i] = 'y';
      }
    }
    return n_;
  }

 private:
  static bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
  // v_WXY in Snowball: vowels plus 'w', 'x' and the marked 'Y'.
  static bool vowel_wxy(char c) { return vowel(c) || c == 'w' || c == 'x' || c == 'Y'; }
  static bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  size_t char_count(size_t from, size_t to) const {
    size_t count = 0;
    for (size_t i = from; i < to; ++i) count += continuation(w_[i]) ? 0 : 1;
    return count;
  }
  // Start of the character that ends just before byte i (i > 0).
  size_t prev(size_t i) const {
    --i;
    while (i > 0 && continuation(w_[i])) --i;
    return i;
  }
  // Byte just past the character starting at i (i < n_).
  size_t next(size_t i) const {
    ++i;
    while (i < n_ && continuation(w_[i])) ++i;
    return i;
  }
  // Compared from the last byte: most suffixes fail there, at the first comparison
  // (this runs ~70 times per word; a memcmp call each was most of the stemmer's time).
  bool ends(const char* s, size_t len) const {
    if (n_ < len) return false;
    for (size_t i = len; i > 0; --i) {
      if (w_[n_ - len + i - 1] != s[i - 1]) return false;
    }
    return true;
  }
  bool is(const char* s, size_t len) const { return n_ == len && std::memcmp(w_, s, len) == 0; }
  // Replaces the last `len` bytes with r (strlen(r) <= len: the word never grows).
  void replace(size_t len, const char* r) {
    const size_t rl = std::strlen(r);
    std::memcpy(w_ + n_ - len, r, rl);
    n_ = n_ - len + rl;
  }
  bool vowel_before(size_t end) const {
    for (size_t i = 0; i < end; ++i) {
      if (vowel(w_[i])) return true;
    }
    return false;
  }
  bool r1(size_t at) const { return p1_ <= at; }
  bool r2(size_t at) const { return p2_ <= at; }

  // Snowball's shortv, read backwards from byte `at` (so the first item is the last
  // character): (non-v_WXY v non-v) or (non-v v atlimit). In reading order: a
  // consonant, a vowel, then a consonant other than w, x, Y; or a word-initial vowel
  // followed by a consonant.
  bool short_syllable(size_t at) const {
    if (at < 2) return false;
    const size_t c1 = prev(at);  // a multibyte character is non-v
    if (vowel(w_[c1]) || c1 == 0) return false;
    const size_t c2 = c1 - 1;
    if (!vowel(w_[c2])) return false;
    if (c2 == 0) return true;                 // non-v v atlimit
    if (vowel_wxy(w_[c1])) return false;      // w, x, Y after the vowel
    return !vowel(w_[prev(c2)]);
  }

  struct Rule {
    const char* suffix;
    uint8_t length;
    const char* replacement;  // nullptr: a special action
  };

  // Longest suffix among rules (sorted longest first) that ends the word, or nullptr.
  template <size_t N>
  const Rule* longest(const Rule (&rules)[N]) const {
    for (const Rule& r : rules) {
      if (ends(r.suffix, r.length)) return &r;
    }
    return nullptr;
  }

  bool exception1() {
    struct Special { const char* word; uint8_t length; const char* stem; };
    static constexpr Special kSpecial[] = {
        {"skis", 4, "ski"},      {"skies", 5, "sky"},     {"dying", 5, "die"},
        {"lying", 5, "lie"},     {"tying", 5, "tie"},     {"idly", 4, "idl"},
        {"gently", 6, "gentl"},  {"ugly", 4, "ugli"},     {"early", 5, "earli"},
        {"only", 4, "onli"},     {"singly", 6, "singl"},  {"sky", 3, "sky"},
        {"news", 4, "news"},     {"howe", 4, "howe"},     {"atlas", 5, "atlas"},
        {"cosmos", 6, "cosmos"}, {"bias", 4, "bias"},     {"andes", 5, "andes"},
    };
    for (const Special& s : kSpecial) {
      if (is(s.word, s.length)) {
        replace(n_, s.stem);
        return true;
      }
    }
    return false;
  }

  void prelude() {
    if (n_ > 0 && w_[0] == '\'') {
      std::memmove(w_, w_ + 1, n_ - 1);
      --n_;
    }
    if (n_ > 0 && w_[0] == 'y') {
      w_[0] = 'Y';
      y_found_ = true;
    }
    for (size_t i = 0; i + 1 < n_; ++i) {
      if (vowel(w_[i]) && w_[i + 1] == 'y') {
        w_[i + 1] = 'Y';
        y_found_ = true;
      }
    }
  }

  // Past the next vowel, then past the next non-vowel; n_ + 1 when there is none.
  size_t past_vowel_consonant(size_t i) const {
    while (i < n_ && !vowel(w_[i])) i = next(i);
    if (i >= n_) return n_ + 1;
    ++i;
    while (i < n_ && vowel(w_[i])) ++i;
    if (i >= n_) return n_ + 1;
    return next(i);
  }

  void mark_regions() {
    p1_ = p2_ = n_;
    size_t p1;
    if (n_ >= 5 && (std::memcmp(w_, "gener", 5) == 0 || std::memcmp(w_, "arsen", 5) == 0)) {
      p1 = 5;
    } else if (n_ >= 6 && std::memcmp(w_, "commun", 6) == 0) {
      p1 = 6;
    } else {
      p1 = past_vowel_consonant(0);
      if (p1 > n_) return;
    }
    p1_ = p1;
    const size_t p2 = past_vowel_consonant(p1);
    if (p2 <= n_) p2_ = p2;
  }

  void step_1a() {
    if (ends("'s'", 3)) n_ -= 3;
    else if (ends("'s", 2)) n_ -= 2;
    else if (ends("'", 1)) n_ -= 1;

    if (ends("sses", 4)) {
      replace(4, "ss");
    } else if (ends("ied", 3) || ends("ies", 3)) {
      replace(3, char_count(0, n_ - 3) >= 2 ? "i" : "ie");
    } else if (ends("us", 2) || ends("ss", 2)) {
      // kept
    } else if (ends("s", 1)) {
      const size_t s = n_ - 1;
      if (s > 0 && vowel_before(prev(s))) n_ = s;
    }
  }

  bool exception2() const {
    return is("inning", 6) || is("outing", 6) || is("canning", 7) || is("herring", 7) ||
           is("earring", 7) || is("proceed", 7) || is("exceed", 6) || is("succeed", 7);
  }

  void step_1b() {
    static constexpr Rule kRules[] = {
        {"eedly", 5, "ee"}, {"ingly", 5, nullptr}, {"edly", 4, nullptr},
        {"eed", 3, "ee"},   {"ing", 3, nullptr},   {"ed", 2, nullptr},
    };
    const Rule* r = longest(kRules);
    if (r == nullptr) return;
    const size_t start = n_ - r->length;
    if (r->replacement != nullptr) {
      if (r1(start)) replace(r->length, r->replacement);
      return;
    }
    if (!vowel_before(start)) return;
    n_ = start;
    if (ends("at", 2) || ends("bl", 2) || ends("iz", 2)) {
      w_[n_++] = 'e';  // fits: two or more bytes were just removed
    } else if (n_ >= 2 && w_[n_ - 1] == w_[n_ - 2] &&
               std::strchr("bdfgmnprt", w_[n_ - 1]) != nullptr && w_[n_ - 1] != '\0') {
      --n_;
    } else if (p1_ == n_ && short_syllable(n_)) {
      w_[n_++] = 'e';
    }
  }

  void step_1c() {
    if (n_ < 2 || (w_[n_ - 1] != 'y' && w_[n_ - 1] != 'Y')) return;
    const size_t c = prev(n_ - 1);
    if (vowel(w_[c]) || c == 0) return;
    w_[n_ - 1] = 'i';
  }

  void step_2() {
    static constexpr Rule kRules[] = {
        {"ization", 7, "ize"}, {"ational", 7, "ate"}, {"fulness", 7, "ful"},
        {"ousness", 7, "ous"}, {"iveness", 7, "ive"}, {"tional", 6, "tion"},
        {"biliti", 6, "ble"},  {"lessli", 6, "less"}, {"entli", 5, "ent"},
        {"ation", 5, "ate"},   {"alism", 5, "al"},    {"aliti", 5, "al"},
        {"ousli", 5, "ous"},   {"iviti", 5, "ive"},   {"fulli", 5, "ful"},
        {"enci", 4, "ence"},   {"anci", 4, "ance"},   {"abli", 4, "able"},
        {"izer", 4, "ize"},    {"ator", 4, "ate"},    {"alli", 4, "al"},
        {"bli", 3, "ble"},     {"ogi", 3, nullptr},   {"li", 2, nullptr},
    };
    const Rule* r = longest(kRules);
    if (r == nullptr) return;
    const size_t start = n_ - r->length;
    if (!r1(start)) return;
    if (r->replacement != nullptr) {
      replace(r->length, r->replacement);
    } else if (r->length == 3) {  // ogi
      if (start > 0 && w_[start - 1] == 'l') replace(3, "og");
    } else if (start > 0 && std::strchr("cdeghkmnrt", w_[start - 1]) != nullptr &&
               w_[start - 1] != '\0') {  // li
      n_ = start;
    }
  }

  void step_3() {
    static constexpr Rule kRules[] = {
        {"ational", 7, "ate"}, {"tional", 6, "tion"}, {"alize", 5, "al"},
        {"icate", 5, "ic"},    {"iciti", 5, "ic"},    {"ative", 5, nullptr},
        {"ical", 4, "ic"},     {"ness", 4, ""},       {"ful", 3, ""},
    };
    const Rule* r = longest(kRules);
    if (r == nullptr) return;
    const size_t start = n_ - r->length;
    if (!r1(start)) return;
    if (r->replacement != nullptr) replace(r->length, r->replacement);
    else if (r2(start)) n_ = start;  // ative
  }

  void step_4() {
    static constexpr Rule kRules[] = {
        {"ement", 5, ""}, {"ance", 4, ""}, {"ence", 4, ""}, {"able", 4, ""},
        {"ible", 4, ""},  {"ment", 4, ""}, {"ant", 3, ""},  {"ent", 3, ""},
        {"ism", 3, ""},   {"ate", 3, ""},  {"iti", 3, ""},  {"ous", 3, ""},
        {"ive", 3, ""},   {"ize", 3, ""},  {"ion", 3, nullptr}, {"al", 2, ""},
        {"er", 2, ""},    {"ic", 2, ""},
    };
    const Rule* r = longest(kRules);
    if (r == nullptr) return;
    const size_t start = n_ - r->length;
    if (!r2(start)) return;
    if (r->replacement != nullptr) {
      n_ = start;
    } else if (start > 0 && (w_[start - 1] == 's' || w_[start - 1] == 't')) {  // ion
      n_ = start;
    }
  }

  void step_5() {
    if (n_ == 0) return;
    const size_t start = n_ - 1;
    if (w_[start] == 'e') {
      if (r2(start) || (r1(start) && !short_syllable(start))) n_ = start;
    } else if (w_[start] == 'l') {
      if (r2(start) && start > 0 && w_[start - 1] == 'l') n_ = start;
    }
  }

  char* w_;
  size_t n_;
  size_t p1_ = 0, p2_ = 0;
  bool y_found_ = false;
};

}  // namespace detail

/// Stems an already folded word in place (see the contract above); returns the new
/// length, which is never more than `length`.
inline size_t stem_english(char* word, size_t length) {
  if (word == nullptr || length == 0) return 0;
  return detail::Porter2(word, length).run();
}

}  // namespace corpus::text
