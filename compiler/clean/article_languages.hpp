// The language of each article (PlannedArticle::language, a corpus/text/languages.h
// id): the one its input states (JSONL `lang`/`language`, HTML `lang`), else the
// build's --language, else LanguageDetector's guess; 0 when undetermined (also when
// the guess rests on a single frequent word: too little to stem a text by).
//
// A stated code is read by text::language_from_code() ("pt-BR" -> pt; a list such
// as "de, en" gives its first). An unknown stated code is warned about once per code
// (with the first article that has it) and the article's language is detected
// instead: no article is dropped for its language.
#pragma once

#include <cstdint>
#include <string_view>

#include "diagnostics.hpp"
#include "plan.hpp"

namespace corpusc {

/// BuildSettings::language "auto": detect the languages the inputs do not state.
constexpr std::string_view kAutoLanguage = "auto";

/// The id of a stated code (first of a comma or space separated list), or
/// corpus::text::kUnknownLanguage.
uint8_t stated_language(std::string_view code);

/// Sets every article's language. `build_language` is an id, or kUnknownLanguage for
/// "auto". Throws CompileError(bad_input) when an article ends in a language whose
/// stemmer this corpusc was built without (it could not stem it).
void assign_languages(CorpusPlan& plan, uint8_t build_language, Diagnostics& diag);

}  // namespace corpusc
