// TermDictionaryWriter: writes the sorted, front-coded term dictionary and its sparse
// top level (corpus/search/index_format.hpp). Terms must be added in bytewise order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpusc {

struct DictionaryTerm {
  std::string_view term;
  uint32_t df = 0;
  uint32_t doc_bytes = 0, pos_bytes = 0;  // sizes of its postings and positions
  uint8_t max_tfn = 0;
  std::string_view surface;  // most frequent surface form (folded, unstemmed), or empty
};

class TermDictionaryWriter {
 public:
  /// Adds the next term; its postings/positions start where the previous term's end.
  void add(const DictionaryTerm& t);

  const std::vector<uint8_t>& bytes() const { return bytes_; }
  const std::vector<uint32_t>& block_offsets() const { return blocks_; }
  uint32_t term_count() const { return count_; }

 private:
  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> blocks_;
  std::string previous_;
  uint32_t count_ = 0;
  uint64_t doc_offset_ = 0, pos_offset_ = 0;
};

}  // namespace corpusc
