#include "clean/article_languages.hpp"

#include <set>
#include <string>

#include "clean/language_detector.hpp"
#include "corpus/text/language_codes.hpp"
#include "corpus/text/language_stem.hpp"
#include "errors.hpp"

namespace corpusc {

namespace ct = corpus::text;

uint8_t stated_language(std::string_view code) {
  const size_t begin = code.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return ct::kUnknownLanguage;
  code.remove_prefix(begin);
  const size_t end = code.find_first_of(", \t;");
  return ct::language_from_code(code.substr(0, end));
}

static uint8_t detected_language(const PlannedArticle& a) {
  const LanguageGuess guess = LanguageDetector::detect(a.normalized);
  // A guess from one frequent word alone ("a", "the") is too weak to stem a text by:
  // a short English text read as Hungarian would change how the whole blob stems.
  if (guess.code.empty() || (guess.votes > 0 && guess.votes <= LanguageDetector::kWordVotes)) {
    return CORPUS_LANG_none;
  }
  const uint8_t id = ct::language_from_code(guess.code);
  return id == ct::kUnknownLanguage ? uint8_t{CORPUS_LANG_none} : id;
}

void assign_languages(CorpusPlan& plan, uint8_t build_language, Diagnostics& diag) {
  std::set<std::string> warned;
  for (PlannedArticle& a : plan.articles) {
    const std::string& stated = a.input.language;
    uint8_t id = stated.empty() ? ct::kUnknownLanguage : stated_language(stated);
    if (!stated.empty() && id == ct::kUnknownLanguage && warned.insert(stated).second) {
      diag.warn(a.input.source, a.input.line,
                "unknown language code \"" + stated + "\" (ISO 639-1 expected): detecting the language of its "
                "articles instead");
    }
    if (id == ct::kUnknownLanguage) id = build_language;
    if (id == ct::kUnknownLanguage) id = detected_language(a);
    if (!ct::language_supported(id)) {
      throw CompileError(ErrorKind::bad_input, "article " + a.input.id + " is in '" +
                                                   std::string(ct::language_code(id)) +
                                                   "': this corpusc was built without its stemmer (CORPUS_STEMMERS)");
    }
    a.language = id;
  }
}

}  // namespace corpusc
