// PostingCursor: walks one term's postings in doc order, decoding one posting at a
// time straight from the blob (no block buffer: a cursor is ~200 bytes of state).
//
//  * skip_to(d) uses the term's skip table (index_format.hpp) to jump whole blocks.
//  * block_bound(d) is the block-max upper bound of tf_norm for the block that would
//    hold d, read from the skip table without decoding: what MaxScore/BMW skip with.
//  * positions() decodes the current document's positions lazily, only when a phrase
//    or a title check asks for them.
// Reads index formats 1 to 3 (index_format.hpp): blocks of kPostingsPerBlock
// documents, or ranged, byte-aligned blocks whose sizes the skip table holds.
// A corrupt stream ends the cursor (doc() == kEndDoc) and sets bad().
#pragma once

#include <cstdint>

#include "corpus/search/bits.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

constexpr uint32_t kEndDoc = 0xFFFFFFFFu;

/// The positions of one document, ascending. Copyable; reads the blob.
class PositionReader {
 public:
  PositionReader() = default;
  PositionReader(const BitReader& r, uint32_t count, unsigned k) : r_(r), left_(count), k_(k) {}
  /// Next position; false when there are no more (or the stream is corrupt).
  bool next(uint32_t* pos) {
    if (left_ == 0) return false;
    --left_;
    uint32_t v = r_.rice(k_);
    if (r_.bad()) {
      left_ = 0;
      return false;
    }
    last_ = started_ ? last_ + 1 + v : v;
    started_ = true;
    *pos = last_;
    return true;
  }

 private:
  BitReader r_;
  uint32_t left_ = 0;
  unsigned k_ = 0;
  uint32_t last_ = 0;
  bool started_ = false;
};

class PostingCursor {
 public:
  /// Positions the cursor on the term's first document.
  void open(const Index& index, const TermEntry& term) {
    *this = PostingCursor();
    df_ = term.df;
    postings_ = term.postings;
    max_tfn_ = term.max_tfn;
    title_extra_ = static_cast<uint8_t>(index.title_weight() - 1);  // title_weight <= kMaxScoredTf
    docs_ = BitReader(index.postings() + term.doc_offset, term.doc_bytes, 0);
    pos_base_ = BitReader(index.positions() + term.pos_offset, term.pos_bytes, 0);
    ranged_ = ranged_blocks(index.format_version());
    skip_table_ = postings_ > kPostingsPerBlock;
    blocks_ = ranged_ ? 1 : (postings_ + kPostingsPerBlock - 1) / kPostingsPerBlock;
    if (skip_table_) {
      if (!(ranged_ ? decode_ranged_skip_header(docs_, &widths_) : decode_skip_widths(docs_, &widths_))) {
        bad_ = true;
        return end();
      }
      if (ranged_) blocks_ = widths_.blocks;
      if (blocks_ > postings_) {  // every block holds a document: a corrupt header
        bad_ = true;
        return end();
      }
      skip_bits_ = SkipWidths::header_bits(ranged_);
      blocks_base_ = blocks_start_bit(widths_, blocks_, aligned_blocks(index.format_version()), ranged_);
    }
    enter_block(0);
  }

  uint32_t doc() const { return doc_; }
  uint32_t df() const { return df_; }
  uint8_t max_tfn() const { return max_tfn_; }
  /// Occurrences in title and body, and in the title alone.
  uint32_t tf() const { return tf_; }
  uint32_t title_tf() const { return title_tf_; }
  /// BM25F pseudo frequency of the current document.
  uint32_t ftf() const { return tf_ + title_extra_ * title_tf_; }
  bool bad() const { return bad_; }

  void next() {
    if (doc_ == kEndDoc) return;
    pending_ += tf_;
    if (++index_ >= count_) {
      enter_block(block_ + 1);
      return;
    }
    decode();
  }

  /// Moves to the first document >= target (never backwards).
  void skip_to(uint32_t target) {
    if (doc_ == kEndDoc || doc_ >= target) return;
    if (skip_table_ && target > skip_field(block_, SkipField::last_doc)) {
      uint32_t lo = block_ + 1, hi = blocks_;
      while (lo < hi) {  // first block whose last doc >= target
        uint32_t mid = lo + (hi - lo) / 2;
        if (skip_field(mid, SkipField::last_doc) < target) lo = mid + 1; else hi = mid;
      }
      enter_block(lo);
    }
    while (doc_ < target) next();
  }

  /// Upper bound (tf_norm_quantize units) of the block that would hold `target`;
  /// -1 when no document >= target remains.
  int block_bound(uint32_t target) const {
    if (doc_ == kEndDoc) return -1;
    if (!skip_table_) return max_tfn_;
    uint32_t b = block_;
    while (b < blocks_ && skip_field(b, SkipField::last_doc) < target) ++b;
    return b < blocks_ ? static_cast<int>(skip_field(b, SkipField::max_tfn)) : -1;
  }

  /// The current document's positions.
  PositionReader positions() {
    while (pending_ > 0) {
      pos_.rice(k_pos_);
      --pending_;
    }
    return PositionReader(pos_, tf_, k_pos_);
  }

 private:
  uint32_t skip_field(uint32_t b, SkipField f) const {
    return decode_skip_field(docs_, widths_, skip_bits_, b, f);
  }

  void end() { doc_ = kEndDoc; }

  void enter_block(uint32_t b) {
    if (b >= blocks_ || docs_.bad()) return end();
    block_ = b;
    index_ = 0;
    count_ = ranged_ ? (skip_table_ ? skip_field(b, SkipField::count_minus1) + 1 : postings_)
                     : (b + 1 < blocks_ ? kPostingsPerBlock : postings_ - b * kPostingsPerBlock);
    uint64_t doc_bit = 0, pos_bit = 0;
    if (skip_table_) {
      doc_bit = blocks_base_ + skip_field(b, SkipField::doc_bit);
      pos_bit = skip_field(b, SkipField::pos_bit);
      last_ = b == 0 ? kEndDoc : skip_field(b - 1, SkipField::last_doc);
    } else {
      last_ = kEndDoc;  // "-1": the first gap is the first doc id + 1
    }
    docs_.seek(doc_bit);
    pos_ = pos_base_;
    pos_.seek(pos_bit);
    unsigned k_pos = 0;
    if (!decode_block_header(docs_, &header_) || !decode_positions_k(pos_, &k_pos)) {
      bad_ = true;
      return end();
    }
    k_pos_ = static_cast<uint8_t>(k_pos);  // <= kMaxPosK
    title_left_ = header_.title_count;
    title_ = docs_;
    for (uint32_t i = 0; i < title_left_ && !docs_.bad(); ++i) decode_title_gap(docs_);
    next_title_ = title_left_ > 0 ? decode_title_gap(title_) : kEndDoc;
    pending_ = 0;
    tf_ = 0;
    decode();
  }

  void decode() {
    uint32_t gap = 0, tf_minus1 = 0;
    decode_doc(docs_, header_, &gap, &tf_minus1);
    uint32_t doc = last_ + gap + 1;  // last_ == kEndDoc wraps to -1 on purpose
    tf_ = tf_minus1 + 1;
    title_tf_ = 0;
    while (next_title_ == index_ && title_left_ > 0) {
      ++title_tf_;
      if (--title_left_ > 0) next_title_ += decode_title_gap(title_); else next_title_ = kEndDoc;
    }
    if (docs_.bad() || title_.bad() || (last_ != kEndDoc && doc <= last_) || doc == kEndDoc ||
        title_tf_ > tf_) {
      bad_ = true;
      return end();
    }
    doc_ = last_ = doc;
  }

  BitReader docs_, title_, pos_base_, pos_;
  uint64_t skip_bits_ = 0, blocks_base_ = 0;
  uint32_t df_ = 0, postings_ = 0, blocks_ = 0, block_ = 0, index_ = 0, count_ = 0;
  uint32_t doc_ = kEndDoc, last_ = kEndDoc, tf_ = 0, title_tf_ = 0;
  uint32_t title_left_ = 0, next_title_ = kEndDoc, pending_ = 0;
  SkipWidths widths_;
  BlockHeader header_;
  uint8_t k_pos_ = 0, max_tfn_ = 0, title_extra_ = 0;  // bytes: the cursor's size is RAM per query term
  bool bad_ = false, ranged_ = false, skip_table_ = false;
};

}  // namespace corpus::search
