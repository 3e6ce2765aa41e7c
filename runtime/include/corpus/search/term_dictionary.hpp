// Term dictionary lookup: exact terms and prefix ranges without a scan.
//
// The dictionary (index_format.hpp) is sorted and front-coded in blocks of
// kTermsPerBlock; term_blocks is the sparse top level. seek() binary-searches the
// blocks' first terms (O(log blocks)) and then decodes at most one block. A prefix
// range is walked with next() from seek(prefix) while the term starts with it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/bits.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/slice.hpp"

namespace corpus::search {

/// One dictionary entry, decoded. `display_tail` points into the blob.
struct TermEntry {
  char term[text::kMaxTermBytes];
  uint8_t length = 0;
  uint8_t max_tfn = 0;         // bm25.hpp tf_norm_quantize of its largest tf_norm
  uint8_t display_drop = 0, display_tail_len = 0;
  uint32_t ordinal = 0;        // rank in sorted order
  uint32_t df = 0;             // indexed documents containing the term (BM25's df; >= 1)
  uint32_t postings = 0;       // documents in its postings: df plus retired ones (index.hpp)
  uint32_t doc_offset = 0, doc_bytes = 0;  // in SearchIndex.postings
  uint32_t pos_offset = 0, pos_bytes = 0;  // in SearchIndex.positions
  const uint8_t* display_tail = nullptr;

  std::string_view view() const { return {term, length}; }

  /// Writes the term's most frequent surface form (e.g. "company" for the stem
  /// "compani") to out (no terminator); returns its length, 0 if cap is too small.
  size_t display(char* out, size_t cap) const {
    size_t keep = display_drop <= length ? length - display_drop : 0;
    size_t n = keep + display_tail_len;
    if (n > cap) return 0;
    std::memcpy(out, term, keep);
    if (display_tail_len > 0) std::memcpy(out + keep, display_tail, display_tail_len);
    return n;
  }
};

class TermIterator {
 public:
  explicit TermIterator(const Index& index) : index_(&index) {}

  /// Positions at the first term >= key (at_end() if none). ok or malformed.
  Status seek(std::string_view key) {
    const uint32_t blocks = index_->term_block_count();
    done_ = true;
    if (blocks == 0) return Status::ok;
    // Last block whose first term is <= key (block 0 if none).
    uint32_t lo = 0, hi = blocks;
    while (hi - lo > 1) {
      uint32_t mid = lo + (hi - lo) / 2;
      char first[text::kMaxTermBytes];
      size_t n = 0;
      if (!first_term(mid, first, &n)) return Status::malformed;
      if (std::string_view(first, n) <= key) lo = mid; else hi = mid;
    }
    Status s = enter_block(lo);
    if (s != Status::ok) return s;
    while (!done_ && entry_.view() < key) {
      s = next();
      if (s != Status::ok) return s;
    }
    return Status::ok;
  }

  /// Positions at the very first term.
  Status rewind() {
    done_ = true;
    return index_->term_block_count() == 0 ? Status::ok : enter_block(0);
  }

  /// Positions at the term of sorted rank `ordinal` (at_end() if there is none).
  Status seek_ordinal(uint32_t ordinal) {
    done_ = true;
    if (ordinal >= index_->term_count()) return Status::ok;
    Status s = enter_block(ordinal / kTermsPerBlock);
    while (s == Status::ok && !done_ && entry_.ordinal < ordinal) s = next();
    return s;
  }

  bool at_end() const { return done_; }
  const TermEntry& entry() const { return entry_; }

  /// Advances to the next term in sorted order.
  Status next() {
    if (done_) return Status::ok;
    if (entry_.ordinal + 1 >= index_->term_count()) {
      done_ = true;
      return Status::ok;
    }
    if ((entry_.ordinal + 1) % kTermsPerBlock == 0) return enter_block(block_ + 1);
    return read_entry(false);
  }

 private:
  bool first_term(uint32_t block, char* out, size_t* n) const {
    uint32_t off = index_->term_block(block);
    ByteReader r(index_->terms(), index_->terms_size(), off);
    r.varint();
    r.varint();
    uint8_t len = r.byte();
    const uint8_t* p = r.bytes(len);
    if (r.bad() || len > text::kMaxTermBytes) return false;
    std::memcpy(out, p, len);
    *n = len;
    return true;
  }

  Status enter_block(uint32_t block) {
    done_ = true;
    if (block >= index_->term_block_count()) return Status::ok;
    block_ = block;
    reader_ = ByteReader(index_->terms(), index_->terms_size(), index_->term_block(block));
    next_doc_ = reader_.varint();
    next_pos_ = reader_.varint();
    entry_.ordinal = block * kTermsPerBlock;
    entry_.length = 0;
    if (entry_.ordinal >= index_->term_count()) return Status::ok;
    return read_entry(true);
  }

  Status read_entry(bool first) {
    if (!first) ++entry_.ordinal;
    uint32_t shared = first ? 0 : reader_.byte();
    uint32_t suffix = reader_.byte();
    const uint8_t* p = reader_.bytes(suffix);
    if (reader_.bad() || shared > entry_.length || shared + suffix > text::kMaxTermBytes) {
      done_ = true;
      return Status::malformed;
    }
    std::memcpy(entry_.term + shared, p, suffix);
    entry_.length = static_cast<uint8_t>(shared + suffix);
    entry_.df = reader_.varint();
    entry_.doc_bytes = reader_.varint();
    entry_.pos_bytes = reader_.varint();
    entry_.max_tfn = reader_.byte();
    decode_display(reader_.byte(), &entry_.display_drop, &entry_.display_tail_len);
    entry_.display_tail = reader_.bytes(entry_.display_tail_len);
    entry_.doc_offset = next_doc_;
    entry_.pos_offset = next_pos_;
    next_doc_ += entry_.doc_bytes;
    next_pos_ += entry_.pos_bytes;
    if (reader_.bad() || entry_.df == 0 || next_doc_ < entry_.doc_offset ||
        next_pos_ < entry_.pos_offset || next_doc_ > index_->postings_size() ||
        next_pos_ > index_->positions_size()) {
      done_ = true;
      return Status::malformed;
    }
    entry_.postings = entry_.df;
    if (index_->has_retired()) {
      const uint32_t retired = index_->retired_postings(entry_.ordinal);
      if (retired >= entry_.df) {  // every term has an indexed document
        done_ = true;
        return Status::malformed;
      }
      entry_.df -= retired;
    }
    done_ = false;
    return Status::ok;
  }

  const Index* index_;
  ByteReader reader_;
  TermEntry entry_;
  uint32_t block_ = 0;
  uint32_t next_doc_ = 0, next_pos_ = 0;
  bool done_ = true;
};

/// Exact lookup: ok and *out filled, not_found, or malformed.
inline Status find_term(const Index& index, std::string_view term, TermEntry* out) {
  TermIterator it(index);
  Status s = it.seek(term);
  if (s != Status::ok) return s;
  if (it.at_end() || it.entry().view() != term) return Status::not_found;
  *out = it.entry();
  return Status::ok;
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && corpus::slice(s, 0, prefix.size()) == prefix;
}

}  // namespace corpus::search
