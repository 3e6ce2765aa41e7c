// Helpers shared by the passes that compare articles by their words (near-duplicate
// shingles in clean/, stream order in compress/): what a word byte is, and a 64-bit
// mixer. Neutral, so that neither stage includes the other.
#pragma once

#include <cstdint>

namespace corpusc {

/// Words are runs of ASCII letters and digits or non-ASCII bytes (any script, undecoded).
inline bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/// splitmix64's finalizer: a cheap, well-mixed permutation of 64-bit values.
inline uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace corpusc
