// Test support: loading blobs and input files into 8-byte-aligned memory, as a
// device would hold them in flash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace corpus_test {

/// A byte buffer whose data() is 8-byte aligned.
struct AlignedBytes {
  std::vector<uint64_t> words;
  size_t size = 0;
  uint8_t* data() { return reinterpret_cast<uint8_t*>(words.data()); }
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(words.data()); }
  void assign(const uint8_t* p, size_t n) {
    words.assign(n / 8 + 1, 0);
    if (n) std::memcpy(words.data(), p, n);
    size = n;
  }
};

inline bool read_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out.clear();
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return true;
}

inline AlignedBytes load_blob(const std::string& path) {
  std::string bytes;
  AlignedBytes b;
  if (read_file(path, bytes)) b.assign(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return b;
}

}  // namespace corpus_test
