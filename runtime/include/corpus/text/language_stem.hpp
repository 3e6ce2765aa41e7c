// The stem step of the tokenizer for text in a known language
// (TokenizerOptions::stem_by_language): fold case -> stem -> fold diacritics.
//
//  * English: the hand-written Porter2 (stem_english.hpp) on the folded token, as
//    blobs stemmed in English only have always been.
//  * Another language with a Snowball stemmer (languages.h ids 1..28): the token's
//    input bytes lowercased with their diacritics kept (lowercase.hpp; marks and
//    joiners dropped, apostrophes as '\''), stemmed by Snowball (snowball_stemmer.h),
//    then folded like any token (fold_word): "Verhandlungen" -> "verhandl",
//    "переговоров" -> "переговор". A token longer than CORPUS_STEM_MAX_INPUT bytes,
//    or one the stemmer cannot stem, keeps its folded form.
//  * Languages without a stemmer (th zh ja ko vi he) and 0 (undetermined): not stemmed.
//
// The Snowball stemmers are a library (corpus::stemmers, C): a binary linked with it
// has CORPUS_SNOWBALL_STEMMERS=1 (the target defines it) and the languages of its
// CORPUS_STEMMERS list. Without them language_supported() is false for those
// languages and search::Index::open() refuses a blob that needs one
// (Status::stemmer_unavailable), so a runtime never answers with wrong stems.
// Stack: one CORPUS_STEM_WORKSPACE_BYTES workspace and a 64-byte buffer per call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/text/fold.hpp"
#include "corpus/text/language_codes.hpp"
#include "corpus/text/lowercase.hpp"
#include "corpus/text/snowball_stemmer.h"
#include "corpus/text/stem_english.hpp"
#include "corpus/text/utf8.hpp"

#ifndef CORPUS_SNOWBALL_STEMMERS
#define CORPUS_SNOWBALL_STEMMERS 0
#endif

namespace corpus::text {

/// True if this binary tokenizes text of language `id` as the compiler does.
inline bool language_supported(uint8_t id) {
  if (id == CORPUS_LANG_none || id == CORPUS_LANG_english) return true;
  if (id >= kLanguageIdEnd) return false;
  if (!language_has_stemmer(id)) return true;
#if CORPUS_SNOWBALL_STEMMERS
  return corpus_stemmer_available(id) != 0;
#else
  return false;
#endif
}

namespace detail {

// `raw` lowercased with diacritics kept into out[0, cap); 0 if it does not fit.
inline size_t lowercase_word(std::string_view raw, unsigned char* out, size_t cap) {
  auto p = reinterpret_cast<const unsigned char*>(raw.data());
  size_t pos = 0, length = 0;
  while (pos < raw.size()) {
    const Decoded d = decode_utf8(p + pos, raw.size() - pos);
    pos += d.length;
    uint32_t cp = d.code_point;
    if (cp == kInvalidCodePoint) continue;
    if (is_apostrophe(cp)) {
      cp = '\'';
    } else if (cp >= 0x80 && char_class(cp) == CharClass::mark) {
      continue;
    } else {
      cp = lowercase(cp);
    }
    if (length + utf8_length(cp) > cap) return 0;
    length += encode_utf8(cp, reinterpret_cast<char*>(out) + length);
  }
  return length;
}

}  // namespace detail

/// The stem of one token in `language`: `raw` is the token's input bytes, term[0,
/// length) its folded form, rewritten in place (capacity `cap`). Returns the new length.
inline size_t stem_in_language(uint8_t language, std::string_view raw, char* term, size_t length,
                               size_t cap) {
  if (language == CORPUS_LANG_english) return stem_english(term, length);
#if CORPUS_SNOWBALL_STEMMERS
  if (!language_has_stemmer(language)) return length;
  unsigned char lower[CORPUS_STEM_MAX_INPUT];
  const size_t n = detail::lowercase_word(raw, lower, sizeof lower);
  if (n == 0) return length;
  alignas(8) unsigned char workspace[CORPUS_STEM_WORKSPACE_BYTES];
  const unsigned char* stem = nullptr;
  int stem_length = 0;
  if (corpus_stem(language, lower, static_cast<int>(n), workspace, sizeof workspace, &stem,
                  &stem_length) != CORPUS_STEM_OK) {
    return length;
  }
  const std::string_view stemmed(reinterpret_cast<const char*>(stem), static_cast<size_t>(stem_length));
  const size_t folded = fold_word(stemmed, term, cap);
  return folded > 0 ? folded : length;
#else
  (void)raw;
  (void)cap;
  return length;
#endif
}

}  // namespace corpus::text
