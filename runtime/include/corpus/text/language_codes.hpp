// Language ids (languages.h) <-> ISO 639-1 codes, for the compiler, the runtime and
// the CLI. No heap.
//
// language_from_code() accepts what HTML's lang attribute and JSONL inputs carry:
// case-insensitive, a region or script suffix after '-' or '_' dropped ("pt-BR",
// "zh_Hans" -> "pt", "zh"), Norwegian's "nb"/"nn" read as "no". It returns
// kUnknownLanguage for anything else (including ""), so callers can tell "not a
// language" from CORPUS_LANG_none (0, "undetermined").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/text/languages.h"

namespace corpus::text {

constexpr uint8_t kUnknownLanguage = 0xFF;
/// Largest id plus one (ids are dense in 1 .. kLanguageIdEnd - 1).
constexpr uint8_t kLanguageIdEnd = CORPUS_LANG_end_;

/// The ISO 639-1 code of `id`, or "" for 0 and unknown ids.
constexpr std::string_view language_code(uint8_t id) {
  switch (id) {
#define CORPUS_LANGUAGE_CODE_CASE_(id, name, iso) \
  case id:                                        \
    return iso;
    CORPUS_LANGUAGE_LIST(CORPUS_LANGUAGE_CODE_CASE_)
    CORPUS_UNSTEMMED_LANGUAGE_LIST(CORPUS_LANGUAGE_CODE_CASE_)
#undef CORPUS_LANGUAGE_CODE_CASE_
    default:
      return "";
  }
}

/// True for ids whose text a Snowball stemmer stems (English included).
constexpr bool language_has_stemmer(uint8_t id) { return id >= 1 && id < CORPUS_LANG_count_; }

/// The id of an ISO 639-1 code (see the rules above), or kUnknownLanguage.
constexpr uint8_t language_from_code(std::string_view code) {
  size_t end = 0;
  while (end < code.size() && code[end] != '-' && code[end] != '_') ++end;
  if (end != 2 || (end < code.size() && end + 1 == code.size())) return kUnknownLanguage;
  char two[2] = {code[0], code[1]};
  for (char& c : two) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  const std::string_view lower(two, 2);
  if (lower == "nb" || lower == "nn") return CORPUS_LANG_norwegian;
  for (uint8_t id = 1; id < kLanguageIdEnd; ++id) {
    if (language_code(id) == lower) return id;
  }
  return kUnknownLanguage;
}

}  // namespace corpus::text
