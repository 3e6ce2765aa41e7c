// Term dictionary lookup: exact terms and prefix ranges without a scan.
//
// The dictionary (index_format.hpp) is sorted and front-coded in blocks (of
// kTermsPerBlock terms, or format 4: of 1..kMaxTermsPerBlock cut by content, each
// header naming its first ordinal); term_blocks is the sparse top level. seek()
// binary-searches the blocks' first terms (O(log blocks)) and then decodes at most
// one block; seek_ordinal() the blocks' first ordinals. A prefix range is walked with
// next() from seek(prefix) while the term starts with it. A format-4 block is read
// with a reader that ends where the next block begins, so no entry crosses it.
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

namespace detail {

/// Where dictionary block `block` (< term_block_count()) ends: where the next one
/// begins (format 4) or, with fixed blocks (counted by ordinals), the section's end.
/// Never past the section's end, whatever a damaged term_blocks says (that block's
/// reader then fails on its own start).
inline uint32_t term_block_end(const Index& index, uint32_t block) {
  const uint32_t section_end = index.terms_size();
  if (content_term_blocks(index.format_version()) && block + 1 < index.term_block_count()) {
    const uint32_t next = index.term_block(block + 1);
    return next < section_end ? next : section_end;
  }
  return section_end;
}

/// Opens *r on block `block` and reads its first ordinal (format 4: from the header,
/// < term_count(); else block * kTermsPerBlock); *r is left at the doc_offset.
/// False if the header is malformed.
inline bool open_term_block(const Index& index, uint32_t block, ByteReader* r, uint32_t* first_ordinal) {
  *r = ByteReader(index.terms(), term_block_end(index, block), index.term_block(block));
  if (!content_term_blocks(index.format_version())) {
    *first_ordinal = block * kTermsPerBlock;
    return !r->bad();
  }
  *first_ordinal = r->varint();
  return !r->bad() && *first_ordinal < index.term_count();
}

/// The first ordinal and first term (into out, *n bytes) of block `block`, without
/// decoding the rest of its entry; false if it is malformed. For binary searches: read
/// within the section, not the block (entering the block checks its end).
inline bool term_block_head(const Index& index, uint32_t block, uint32_t* first_ordinal, char* out, size_t* n) {
  ByteReader r(index.terms(), index.terms_size(), index.term_block(block));
  const bool content = content_term_blocks(index.format_version());
  *first_ordinal = content ? r.varint() : block * kTermsPerBlock;
  r.varint();
  r.varint();
  const uint8_t len = r.byte();
  const uint8_t* p = r.bytes(len);
  if (r.bad() || len > text::kMaxTermBytes) return false;
  std::memcpy(out, p, len);
  *n = len;
  return true;
}

/// The block holding term `ordinal` (< term_count()): the last block whose first
/// ordinal is <= it (block 0 if none). False if a header read is malformed.
inline bool term_block_of(const Index& index, uint32_t ordinal, uint32_t* block) {
  *block = 0;
  if (!content_term_blocks(index.format_version())) {
    *block = ordinal / kTermsPerBlock;
    return true;
  }
  uint32_t lo = 0, hi = index.term_block_count();
  while (hi - lo > 1) {
    const uint32_t mid = lo + (hi - lo) / 2;
    ByteReader r;
    uint32_t first = 0;
    if (!open_term_block(index, mid, &r, &first)) return false;
    if (first <= ordinal) lo = mid; else hi = mid;
  }
  *block = lo;
  return true;
}

}  // namespace detail

class TermIterator {
 public:
  explicit TermIterator(const Index& index)
      : index_(&index), content_blocks_(content_term_blocks(index.format_version())) {}

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
      uint32_t ordinal = 0;
      if (!detail::term_block_head(*index_, mid, &ordinal, first, &n)) return Status::malformed;
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
  /// From a position before it in the same block, it reads on instead of entering
  /// the block again (surface forms of one prefix often name nearby terms).
  Status seek_ordinal(uint32_t ordinal) {
    Status s = Status::ok;
    if (ordinal >= index_->term_count()) {
      done_ = true;
    } else if (!ahead_in_block(ordinal)) {
      uint32_t block = 0;
      done_ = true;
      if (!detail::term_block_of(*index_, ordinal, &block)) return Status::malformed;
      s = enter_block(block);
    }
    while (s == Status::ok && !done_ && entry_.ordinal < ordinal) s = next();
    return s;
  }

  /// Positions at the first term of dictionary block `block` (at_end() if none).
  Status seek_block(uint32_t block) { return enter_block(block); }

  bool at_end() const { return done_; }
  const TermEntry& entry() const { return entry_; }
  /// The dictionary block holding entry().
  uint32_t block() const { return block_; }

  /// Advances to the next term in sorted order.
  Status next() {
    if (done_) return Status::ok;
    if (entry_.ordinal + 1 >= index_->term_count()) {
      done_ = true;
      return Status::ok;
    }
    if (!block_done()) return read_entry(false);
    // The next block must go on with the next ordinal (format 4 names it).
    const uint32_t expected = entry_.ordinal + 1;
    const Status s = enter_block(block_ + 1);
    if (s == Status::ok && !done_ && entry_.ordinal != expected) {
      done_ = true;
      return Status::malformed;
    }
    return s;
  }

 private:
  // Whether term `ordinal` lies in the current block at or after entry().
  bool ahead_in_block(uint32_t ordinal) const {
    if (done_ || ordinal < entry_.ordinal) return false;
    if (!content_blocks_) return ordinal / kTermsPerBlock == block_;
    uint32_t next_first = index_->term_count();
    ByteReader r;
    if (block_ + 1 < index_->term_block_count() && !detail::open_term_block(*index_, block_ + 1, &r, &next_first)) {
      return false;
    }
    return ordinal < next_first;
  }

  // Whether entry() is its block's last: fixed blocks count ordinals, format-4 blocks
  // end where the next begins (the reader's end).
  bool block_done() const {
    return content_blocks_ ? reader_.position() == block_end_ : (entry_.ordinal + 1) % kTermsPerBlock == 0;
  }

  Status enter_block(uint32_t block) {
    done_ = true;
    if (block >= index_->term_block_count()) return Status::ok;
    block_ = block;
    uint32_t first = 0;
    if (!detail::open_term_block(*index_, block, &reader_, &first)) return Status::malformed;
    block_end_ = detail::term_block_end(*index_, block);
    next_doc_ = reader_.varint();
    next_pos_ = reader_.varint();
    entry_.ordinal = first;
    entry_.length = 0;
    if (entry_.ordinal >= index_->term_count()) return Status::ok;
    retired_at_ = index_->has_retired() ? index_->retired_term_at_least(first) : 0;
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
    if (index_->has_retired() && !subtract_retired()) {
      done_ = true;
      return Status::malformed;
    }
    done_ = false;
    return Status::ok;
  }

  // df as scored: the stored count less the term's postings of retired documents,
  // found by walking retired_at_ along with the ordinals (O(1) a sequential entry);
  // false if nothing would be left (every term has an indexed document).
  bool subtract_retired() {
    const uint32_t listed = index_->retired_term_count();
    while (retired_at_ < listed && index_->retired_term(retired_at_) < entry_.ordinal) ++retired_at_;
    if (retired_at_ == listed || index_->retired_term(retired_at_) != entry_.ordinal) return true;
    const uint32_t retired = index_->retired_postings_at(retired_at_);
    if (retired >= entry_.df) return false;
    entry_.df -= retired;
    return true;
  }

  const Index* index_;
  ByteReader reader_;
  TermEntry entry_;
  bool content_blocks_;  // format 4: blocks end where the next begins (block_end_)
  uint32_t block_ = 0, block_end_ = 0;
  uint32_t next_doc_ = 0, next_pos_ = 0;
  uint32_t retired_at_ = 0;  // first retired_terms entry whose ordinal is >= entry().ordinal's
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
