// Stop words.
//  * English: Snowball's English list (snowballstem.org, english/stop.txt), 174
//    words, in folded form (apostrophes are ASCII '\''). Matched against a folded,
//    unstemmed token; dropped from the index only with kDropStopwords.
//  * Query stop words of Arabic and Hindi: the question words, and the pronouns and
//    relative words that frame a question ("ما هي ...", "... किस वर्ष ..."). They are
//    in most questions and in few answers, so as optional words they only add noise
//    to the ranking (MLQA nDCG@10 with them left out of questions: ar 0.722 -> 0.740,
//    hi 0.749 -> 0.767; bench/results/multilingual.md). Query side only (the index
//    keeps them): the query parser leaves them out of a question's plain optional
//    words (search/query_builder.hpp). Matched against the word as typed (UTF-8 NFC),
//    since folding merges Hindi words that differ only in vowel signs (कहाँ "where"
//    and कहा "said" both fold to कह); common spellings are listed (أين and اين).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/text/languages.h"

namespace corpus::text {
namespace detail {

// Sorted bytewise: is_stopword() binary-searches it (8 comparisons at most).
inline constexpr std::string_view kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can't", "cannot", "could", "couldn't", "did",
    "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "few",
    "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't",
    "having", "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself",
    "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in",
    "into", "is", "isn't", "it", "it's", "its", "itself", "let's", "me", "more", "most",
    "mustn't", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
    "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shan't",
    "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than",
    "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
    "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we",
    "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when",
    "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's",
    "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've",
    "your", "yours", "yourself", "yourselves",
};

// Sorted bytewise, as typed.
inline constexpr std::string_view kArabicQueryStopwords[] = {
    "أي", "أين", "التي", "الذي", "اي", "اين", "كم", "كيف", "لماذا", "ما", "ماذا", "متى",
    "متي", "هل", "هو", "هي",
};
inline constexpr std::string_view kHindiQueryStopwords[] = {
    "कब", "कहाँ", "कहां", "कितना", "कितनी", "कितने", "किन", "किस", "किसका", "किसकी",
    "किसके", "किसको", "किसने", "किसे", "कैसे", "कौन", "क्या", "क्यों",
};

// Binary search of `word` in the bytewise-sorted list[0, n).
inline bool in_sorted(const std::string_view* list, size_t n, std::string_view word) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = word.compare(list[mid]);
    if (c == 0) return true;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return false;
}

template <size_t N>
inline bool in_sorted(const std::string_view (&list)[N], std::string_view word) {
  return in_sorted(list, N, word);
}

}  // namespace detail

/// True if `folded` (a folded, unstemmed token) is an English stop word.
inline bool is_stopword(std::string_view folded) { return detail::in_sorted(detail::kStopwords, folded); }

/// True if `typed` (a query word's bytes as typed) is a query stop word of
/// `language` (languages.h id; see the top). Languages without a list: false.
inline bool is_query_stopword(uint8_t language, std::string_view typed) {
  if (language == CORPUS_LANG_arabic) return detail::in_sorted(detail::kArabicQueryStopwords, typed);
  if (language == CORPUS_LANG_hindi) return detail::in_sorted(detail::kHindiQueryStopwords, typed);
  return false;
}

}  // namespace corpus::text
