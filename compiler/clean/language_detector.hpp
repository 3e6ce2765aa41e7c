// LanguageDetector: the language of an article's text, for articles whose input does
// not state one (JSONL `lang`, HTML `lang`, `--language`). Host side, no network, no
// model file: a few tables built in.
//
//  1. Script. Letters are counted per script (a Han, Kana or Hangul letter weighs
//     three: about a word's worth of text). A script that only one supported
//     language writes decides alone (Greek el, Armenian hy, Tamil ta, Thai th, Hangul
//     ko, Kana ja, Han zh; Japanese text mixes Han and Kana, so any Kana beyond a tenth of
//     the Han letters means ja). Other scripts narrow the candidates: Cyrillic (ru, sr),
//     Arabic (ar), Devanagari (hi, ne), Hebrew (yi, he), Latin (the rest).
//  2. Frequent words. Among the candidates, the language whose list of very frequent
//     function words matches the most words wins; letters that only some languages use
//     (ß, ñ, ő, ı, ș, Vietnamese tone marks, Serbian Cyrillic ђ ј љ њ ћ џ ...) add votes.
//     A capital letter alone ("U. aurea") is an initial, not a one-letter word.
//  3. Too little evidence: fewer than kMinLetters letters, or no candidate with a vote
//     -> "" (undetermined). A script decides with kMinLetters letters of it.
// Accuracy on ../shared's MLQA paragraphs (7 languages): bench/results/language-detection.md.
#pragma once

#include <string_view>

namespace corpusc {

struct LanguageGuess {
  std::string_view code;  // ISO 639-1 ("de", "zh"), static storage; empty if undetermined
  unsigned votes = 0;     // frequent-word and letter votes of the winner (0 for a script decision)
};

class LanguageDetector {
 public:
  static constexpr unsigned kMinLetters = 12;
  /// Votes of one frequent word (LanguageGuess::votes counts kWordVotes per word).
  static constexpr unsigned kWordVotes = 2;
  /// Only the first kMaxBytes of a text are read: enough to decide, bounded cost.
  static constexpr size_t kMaxBytes = 16 * 1024;

  static LanguageGuess detect(std::string_view utf8_text);
};

}  // namespace corpusc
