// TermDictionaryWriter: writes the sorted, front-coded term dictionary and its sparse
// top level (corpus/search/index_format.hpp). Terms must be added in bytewise order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/search/index_format.hpp"

namespace corpusc {

struct DictionaryTerm {
  std::string_view term;
  uint32_t df = 0;
  uint32_t doc_bytes = 0, pos_bytes = 0;  // sizes of its postings and positions
  uint8_t max_tfn = 0;
  std::string_view surface;  // most frequent surface form (folded, unstemmed), or empty
};

/// Where blocks end. The defaults are the grammar's rule for `format_version`; tests
/// write other cuts (no hash, other limits) to check what readers and verify accept.
struct TermBlockCuts {
  uint32_t format_version = corpus::search::kIndexFormatVersion;
  bool by_hash = true;  // format 4: after terms whose block_cut_hash() is 0 mod kTermsPerBlock
  uint32_t max_terms = corpus::search::kMaxTermsPerBlock;  // format 4: the most terms a block holds
};

class TermDictionaryWriter {
 public:
  explicit TermDictionaryWriter(TermBlockCuts cuts = {}) : cuts_(cuts) {}

  /// Adds the next term; its postings/positions start where the previous term's end.
  void add(const DictionaryTerm& t);

  const std::vector<uint8_t>& bytes() const { return bytes_; }
  const std::vector<uint32_t>& block_offsets() const { return blocks_; }
  uint32_t term_count() const { return count_; }

 private:
  bool starts_block() const;

  TermBlockCuts cuts_;
  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> blocks_;
  std::string previous_;
  uint32_t count_ = 0;
  uint32_t in_block_ = 0;  // terms in the current block
  uint64_t doc_offset_ = 0, pos_offset_ = 0;
};

}  // namespace corpusc
