// BitWriter: the writing mirror of corpus/search/bits.hpp (LSB-first bit streams,
// Rice codes with a 32-bit escape, LEB128 varints). Host side: grows a std::vector.
#pragma once

#include <cstdint>
#include <vector>

#include "corpus/search/bits.hpp"

namespace corpusc {

class BitWriter {
 public:
  /// Appends the low n bits of v (n <= 32).
  void write(uint32_t v, unsigned n) {
    for (unsigned i = 0; i < n; ++i) put((v >> i) & 1u);
  }
  void rice(uint32_t v, unsigned k) {
    uint32_t q = k >= 32 ? 0 : v >> k;
    if (q >= corpus::search::kRiceEscape) {
      for (uint32_t i = 0; i < corpus::search::kRiceEscape; ++i) put(1);
      write(v, 32);
      return;
    }
    for (uint32_t i = 0; i < q; ++i) put(1);
    put(0);
    write(v, k);
  }
  /// Bits written so far.
  uint64_t bits() const { return bits_; }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  /// Appends another writer's bits.
  void append(const BitWriter& other) {
    for (uint64_t i = 0; i < other.bits_; ++i) put((other.bytes_[i >> 3] >> (i & 7)) & 1u);
  }

  /// Size in bits of rice(v, k).
  static uint64_t rice_bits(uint32_t v, unsigned k) {
    uint32_t q = v >> k;
    if (q >= corpus::search::kRiceEscape) return corpus::search::kRiceEscape + 32;
    return q + 1u + k;
  }
  /// The k in [0, max_k] that codes `values` in the fewest bits.
  template <typename Range>
  static unsigned best_rice_k(const Range& values, unsigned max_k) {
    unsigned best = 0;
    uint64_t best_bits = UINT64_MAX;
    for (unsigned k = 0; k <= max_k; ++k) {
      uint64_t total = 0;
      for (uint32_t v : values) total += rice_bits(v, k);
      if (total < best_bits) {
        best_bits = total;
        best = k;
      }
    }
    return best;
  }

 private:
  void put(uint32_t bit) {
    if ((bits_ & 7) == 0) bytes_.push_back(0);
    if (bit) bytes_.back() = static_cast<uint8_t>(bytes_.back() | (1u << (bits_ & 7)));
    ++bits_;
  }

  std::vector<uint8_t> bytes_;
  uint64_t bits_ = 0;
};

inline void put_varint(std::vector<uint8_t>& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

/// Bits needed to write v (0 for v == 0).
inline unsigned bit_width(uint64_t v) {
  unsigned n = 0;
  while (v) {
    ++n;
    v >>= 1;
  }
  return n;
}

}  // namespace corpusc
