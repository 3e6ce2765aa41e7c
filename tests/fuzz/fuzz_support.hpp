// Shared helpers of the libFuzzer targets: aligned copies of the input (the runtime
// requires 8-byte alignment, libFuzzer's buffer has none) and a hard check that
// crashes visibly (libFuzzer reports the input) when an invariant does not hold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace corpus_fuzz {

/// Aborts with a message: the fuzzer saves the input as a crash.
#define FUZZ_CHECK(cond)                                                        \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, \
                   __LINE__);                                                   \
      __builtin_trap();                                                         \
    }                                                                           \
  } while (0)

/// The input copied into 8-byte-aligned memory of exactly `size` bytes.
class AlignedInput {
 public:
  AlignedInput(const uint8_t* data, size_t size) : size_(size) {
    // new[] of exactly `size` bytes is 16-aligned (ASan and glibc): any overread
    // past `size` hits ASan's redzone, which a padded word vector would hide.
    bytes_ = new uint8_t[size ? size : 1];
    if (size) std::memcpy(bytes_, data, size);
  }
  ~AlignedInput() { delete[] bytes_; }
  AlignedInput(const AlignedInput&) = delete;
  AlignedInput& operator=(const AlignedInput&) = delete;
  uint8_t* data() { return bytes_; }
  size_t size() const { return size_; }

 private:
  uint8_t* bytes_;
  size_t size_;
};

}  // namespace corpus_fuzz
