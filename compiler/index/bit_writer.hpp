// BitWriter: the compiler's bit sink for the index codecs (corpus/search/bits.hpp
// encode_rice(), corpus/search/index_format.hpp encode_*): an LSB-first bit stream
// that grows a std::vector (host side only), plus the writer-side searches for the
// cheapest Rice parameter.
#pragma once

#include <cstdint>
#include <vector>

#include "corpus/search/bits.hpp"

namespace corpusc {

class BitWriter {
 public:
  /// Appends the low n bits of v (n <= 32), first bit lowest.
  void write(uint32_t v, unsigned n) {
    for (unsigned i = 0; i < n; ++i) put((v >> i) & 1u);
  }
  void rice(uint32_t v, unsigned k) { corpus::search::encode_rice(*this, v, k); }
  /// Bits written so far.
  uint64_t bits() const { return bits_; }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  /// Appends another writer's bits.
  void append(const BitWriter& other) {
    for (uint64_t i = 0; i < other.bits_; ++i) put((other.bytes_[i >> 3] >> (i & 7)) & 1u);
  }

  /// Size in bits of rice(v, k).
  static uint64_t rice_bits(uint32_t v, unsigned k) { return corpus::search::rice_code_bits(v, k); }
  /// The k in [0, max_k] that codes `values` in the fewest bits (smallest k on ties).
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

/// LEB128, as corpus::search::ByteReader::varint() reads it.
inline void put_varint(std::vector<uint8_t>& out, uint32_t v) { corpus::search::encode_varint(out, v); }

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
