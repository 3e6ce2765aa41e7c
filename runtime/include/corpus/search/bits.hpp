// Bit-level coding of the search index's byte sections (postings, positions,
// term dictionary): the reader, and encode_rice() that every writer uses (the
// compiler's bit sink is compiler/index/bit_writer.hpp). Conventions:
//  * Bits are packed LSB-first: bit i of a stream is bit (i % 8) of byte i / 8.
//  * read(n) returns the next n bits as an unsigned value, first bit lowest.
//  * rice(k): q = v >> k as q one-bits and a zero-bit, then the low k bits of v.
//    Quotients >= kRiceEscape are written as kRiceEscape one-bits followed by v in
//    32 plain bits, so no code is longer than kRiceEscape + 32 bits and a corrupt
//    stream can never make a decoder loop for long.
//  * varint: LEB128 (7 bits a byte, low groups first), at most 5 bytes for uint32.
// Every read is bounds-checked: reading past the end yields zeros and sets bad(),
// which callers treat as a malformed index (never an out-of-bounds access).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace corpus::search {

/// One-bits after which a Rice code switches to a 32-bit escape.
constexpr uint32_t kRiceEscape = 24;
/// Bits of the escaped value.
constexpr unsigned kRiceEscapeBits = 32;
/// Largest Rice parameter the reader decodes.
constexpr unsigned kMaxRiceK = 31;
/// BitReader::rice()'s one-window fast path decodes codes of at most this many bits
/// (a 64-bit window read at any bit offset holds at least 57 whole bits).
constexpr unsigned kRiceFastPathBits = 57;

/// Size in bits of rice(v, k).
inline uint64_t rice_code_bits(uint32_t v, unsigned k) {
  const uint32_t q = v >> k;
  if (q >= kRiceEscape) return kRiceEscape + kRiceEscapeBits;
  return uint64_t{q} + 1u + k;
}

/// Writes rice(v, k) (k <= kMaxRiceK) to a bit sink W whose write(value, bits)
/// appends the low `bits` bits of value (bits <= 32).
template <typename W>
void encode_rice(W& out, uint32_t v, unsigned k) {
  const uint32_t q = v >> k;
  if (q >= kRiceEscape) {
    out.write((1u << kRiceEscape) - 1u, kRiceEscape);
    out.write(v, kRiceEscapeBits);
    return;
  }
  for (uint32_t left = q; left > 0;) {  // q one-bits, then a zero
    const unsigned n = left < 31 ? static_cast<unsigned>(left) : 31u;
    out.write((1u << n) - 1u, n);
    left -= n;
  }
  out.write(0, 1);
  out.write(v, k);  // its low k bits
}

class BitReader {
 public:
  BitReader() = default;
  /// Reads [data, data + size_bytes) starting at bit `bit_pos`.
  BitReader(const uint8_t* data, uint64_t size_bytes, uint64_t bit_pos)
      : data_(data), size_bits_(size_bytes * 8), pos_(bit_pos) {
    if (pos_ > size_bits_) fail();
  }

  bool bad() const { return bad_; }
  uint64_t position() const { return pos_; }
  void seek(uint64_t bit_pos) {
    if (bit_pos > size_bits_) fail(); else pos_ = bit_pos;
  }

  /// Next n bits (n <= 32).
  uint32_t read(unsigned n) {
    if (n == 0) return 0;
    if (n > 32 || size_bits_ - pos_ < n) {
      fail();
      return 0;
    }
    uint64_t w = window();
    pos_ += n;
    return static_cast<uint32_t>(n == 32 ? w : (w & ((uint64_t{1} << n) - 1)));
  }

  /// Rice code with parameter k (k <= kMaxRiceK); see the header comment.
  uint32_t rice(unsigned k) {
    if (k > kMaxRiceK) {
      fail();
      return 0;
    }
    // Fast path: the whole code lies in one 64-bit window.
    if (size_bits_ - pos_ >= 64) {
      const uint64_t w = window();
      const uint32_t ones = count_trailing_ones(static_cast<uint32_t>(w));
      if (ones < kRiceEscape && ones + 1u + k <= kRiceFastPathBits) {
        pos_ += ones + 1u + k;
        const uint32_t low = k == 0 ? 0u : static_cast<uint32_t>((w >> (ones + 1u)) & ((uint64_t{1} << k) - 1u));
        return (ones << k) | low;
      }
    }
    uint32_t q = 0;
    while (q < kRiceEscape) {
      if (pos_ >= size_bits_) {
        fail();
        return 0;
      }
      // Count up to 32 one-bits at once from the current window.
      uint64_t w = window();
      uint64_t avail = size_bits_ - pos_;
      uint32_t ones = count_trailing_ones(static_cast<uint32_t>(w));
      if (ones > avail) ones = static_cast<uint32_t>(avail);
      if (ones > kRiceEscape - q) ones = kRiceEscape - q;
      q += ones;
      pos_ += ones;
      if (q == kRiceEscape) return read(kRiceEscapeBits);
      if (ones < 32 && pos_ < size_bits_) {
        ++pos_;  // the terminating zero
        break;
      }
    }
    if (k == 0) return q;
    return (q << k) | read(k);
  }

 private:
  void fail() {
    bad_ = true;
    pos_ = size_bits_;
  }
  // Up to 64 bits starting at pos_, zero-filled past the end; the low bit is pos_.
  uint64_t window() const {
    const uint64_t byte = pos_ >> 3;
    const uint64_t bytes = (size_bits_ >> 3) - byte;
    uint64_t w = 0;
    if (bytes >= 8) {
      std::memcpy(&w, data_ + byte, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      w = __builtin_bswap64(w);
#endif
    } else {
      for (uint64_t i = 0; i < bytes; ++i) w |= uint64_t{data_[byte + i]} << (8 * i);
    }
    return w >> (pos_ & 7);
  }
  static uint32_t count_trailing_ones(uint32_t w) {
    const uint32_t inv = ~w;
    if (inv == 0) return 32;
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<uint32_t>(__builtin_ctz(inv));
#else
    uint32_t n = 0;
    for (uint32_t v = inv; (v & 1u) == 0; v >>= 1) ++n;
    return n;
#endif
  }

  const uint8_t* data_ = nullptr;
  uint64_t size_bits_ = 0;
  uint64_t pos_ = 0;
  bool bad_ = false;
};

/// Writes v as a LEB128 varint to a byte sink B with push_back(uint8_t).
template <typename B>
void encode_varint(B& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

/// Byte cursor over [data, data+size) for the dictionary's varints and bytes.
class ByteReader {
 public:
  ByteReader() = default;
  ByteReader(const uint8_t* data, uint32_t size, uint32_t pos) : data_(data), size_(size), pos_(pos) {
    if (pos_ > size_) fail();
  }
  bool bad() const { return bad_; }
  uint32_t position() const { return pos_; }

  uint8_t byte() {
    if (pos_ >= size_) {
      fail();
      return 0;
    }
    return data_[pos_++];
  }
  uint32_t varint() {
    uint32_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
      uint8_t b = byte();
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail();
    return 0;
  }
  /// Points *out at the next n bytes (nullptr and bad() if they are not there).
  const uint8_t* bytes(uint32_t n) {
    if (size_ - pos_ < n) {
      fail();
      return nullptr;
    }
    const uint8_t* p = data_ + pos_;
    pos_ += n;
    return p;
  }

 private:
  void fail() {
    bad_ = true;
    pos_ = size_;
  }
  const uint8_t* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t pos_ = 0;
  bool bad_ = false;
};

}  // namespace corpus::search
