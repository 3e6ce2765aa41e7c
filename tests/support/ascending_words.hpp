// Test support: distinct lowercase words in ascending order, the same for the same
// seed on every platform, to fill an index's dictionary (its blocks) or a vocabulary.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace corpus_test {

/// Lowercase words of 6 letters from a fixed sequence, ascending and distinct: at
/// most `count` (repeats of the sequence are dropped).
inline std::vector<std::string> ascending_words(uint32_t count, uint32_t seed) {
  std::vector<std::string> words;
  uint64_t x = seed;
  while (words.size() < count) {
    std::string w;
    for (int i = 0; i < 6; ++i) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      w += static_cast<char>('a' + (x >> 33) % 26);
    }
    words.push_back(w);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace corpus_test
