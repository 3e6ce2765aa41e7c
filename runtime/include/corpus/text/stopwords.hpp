// English stop words: Snowball's English list (snowballstem.org, english/stop.txt),
// 174 words, in folded form (apostrophes are ASCII '\''). Matched against a folded,
// unstemmed token.
#pragma once

#include <cstddef>
#include <string_view>

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

}  // namespace detail

/// True if `folded` (a folded, unstemmed token) is an English stop word.
inline bool is_stopword(std::string_view folded) {
  size_t lo = 0, hi = sizeof(detail::kStopwords) / sizeof(detail::kStopwords[0]);
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = folded.compare(detail::kStopwords[mid]);
    if (c == 0) return true;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return false;
}

}  // namespace corpus::text
