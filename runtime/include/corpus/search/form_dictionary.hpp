// Reading the surface forms (index_format.hpp, "Surface forms"): FormBlockReader
// decodes one block, FormIterator walks them all in sorted order, and
// find_form_term() positions a TermIterator at a form's term. Index format 2..3
// forms name their term by rank in blocks of kTermsPerBlock; format 4 forms name it
// by bytes in blocks cut by content, ending where the next block begins.
// Every read is bounds-checked; a form whose lengths or offsets do not fit is
// Status::malformed. No allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/bits.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

/// Whether the index's forms name their term by bytes (index format 4).
inline bool forms_name_terms_by_bytes(const Index& index) { return index.format_version() >= kIndexFormatV4; }

/// One surface form, decoded, and its term: by rank (term_ordinal, index format
/// 2..3) or by bytes (term, index format 4).
struct FormEntry {
  char form[text::kMaxTermBytes];
  uint8_t length = 0;
  uint8_t term_length = 0;    // format 4
  uint32_t term_ordinal = 0;  // format 2..3: rank of its term in the dictionary
  char term[text::kMaxTermBytes];  // format 4
  std::string_view view() const { return {form, length}; }
  std::string_view term_view() const { return {term, term_length}; }
};

/// The forms of one block, read in order.
class FormBlockReader {
 public:
  FormBlockReader() = default;
  /// block < index.form_block_count().
  FormBlockReader(const Index& index, uint32_t block)
      : index_(&index), by_bytes_(forms_name_terms_by_bytes(index)),
        reader_(index.forms(), index.forms_size(), index.form_block(block)) {
    if (by_bytes_) {
      end_ = block + 1 < index.form_block_count() ? index.form_block(block + 1) : index.forms_size();
      left_ = kMaxFormsPerBlock;
    } else {
      end_ = index.forms_size();
      left_ = index.form_count() - block * kTermsPerBlock;  // open() checked the block count
      if (left_ > kTermsPerBlock) left_ = kTermsPerBlock;
    }
  }

  /// Decodes the block's next form into entry(); ok with *done after its last form.
  /// malformed when an entry does not fit, or (format 4) a block is empty, holds
  /// more than kMaxFormsPerBlock forms or runs past the next block's start.
  Status next(bool* done) {
    *done = false;
    if (by_bytes_ && reader_.position() == end_ && !first_) {
      *done = true;
      return Status::ok;
    }
    if (left_ == 0) {
      *done = true;
      return by_bytes_ ? Status::malformed : Status::ok;
    }
    Status s = read_form();
    if (s == Status::ok) s = by_bytes_ ? read_term_bytes() : read_term_ordinal();
    if (s != Status::ok || reader_.position() > end_) return Status::malformed;
    first_ = false;
    --left_;
    return Status::ok;
  }

  const FormEntry& entry() const { return entry_; }

 private:
  Status read_form() {
    const uint32_t shared = first_ ? 0 : reader_.byte();
    const uint32_t suffix = reader_.byte();
    const uint8_t* p = reader_.bytes(suffix);
    if (reader_.bad() || shared > entry_.length || shared + suffix > text::kMaxTermBytes || shared + suffix == 0) {
      return Status::malformed;
    }
    std::memcpy(entry_.form + shared, p, suffix);
    entry_.length = static_cast<uint8_t>(shared + suffix);
    return Status::ok;
  }
  Status read_term_ordinal() {
    const uint32_t code = reader_.varint();
    entry_.term_ordinal = first_ ? code : decode_ordinal_delta(entry_.term_ordinal, code);
    return reader_.bad() || entry_.term_ordinal >= index_->term_count() ? Status::malformed : Status::ok;
  }
  Status read_term_bytes() {
    uint32_t drop = 0, tail = 0;
    if (!decode_form_term(reader_, &drop, &tail) || drop > entry_.length) return Status::malformed;
    const uint32_t keep = entry_.length - drop;
    const uint8_t* p = reader_.bytes(tail);
    if (reader_.bad() || keep + tail > text::kMaxTermBytes || keep + tail == 0) return Status::malformed;
    std::memcpy(entry_.term, entry_.form, keep);
    std::memcpy(entry_.term + keep, p, tail);
    entry_.term_length = static_cast<uint8_t>(keep + tail);
    return Status::ok;
  }

  const Index* index_ = nullptr;
  bool by_bytes_ = false;
  ByteReader reader_;
  uint32_t end_ = 0;   // byte offset where the block ends (format 4)
  uint32_t left_ = 0;  // forms the block may still hold
  bool first_ = true;
  FormEntry entry_;
};

/// The last form block whose first form is <= key (block 0 if none) into *block;
/// index.form_block_count() > 0. ok or malformed.
inline Status last_form_block_at_most(const Index& index, std::string_view key, uint32_t* block) {
  uint32_t lo = 0, hi = index.form_block_count();
  while (hi - lo > 1) {
    const uint32_t mid = lo + (hi - lo) / 2;
    FormBlockReader head(index, mid);
    bool done = false;
    if (head.next(&done) != Status::ok || done) return Status::malformed;
    if (head.entry().view() <= key) lo = mid; else hi = mid;
  }
  *block = lo;
  return Status::ok;
}

class FormIterator {
 public:
  explicit FormIterator(const Index& index) : index_(&index) {}

  /// Positions at the first form >= key (at_end() if none). ok or malformed.
  Status seek(std::string_view key) {
    done_ = true;
    if (index_->form_block_count() == 0) return Status::ok;
    uint32_t lo = 0;
    Status s = last_form_block_at_most(*index_, key, &lo);
    if (s == Status::ok) s = enter_block(lo);
    while (s == Status::ok && !done_ && entry().view() < key) s = next();
    return s;
  }
  /// Positions at the first form.
  Status rewind() {
    done_ = true;
    return index_->form_block_count() == 0 ? Status::ok : enter_block(0);
  }

  bool at_end() const { return done_; }
  const FormEntry& entry() const { return block_reader_.entry(); }
  /// The block of the current form.
  uint32_t block() const { return block_; }

  Status next() {
    if (done_) return Status::ok;
    bool block_done = false;
    const Status s = block_reader_.next(&block_done);
    if (s != Status::ok || !block_done) return s;
    return enter_block(block_ + 1);
  }

 private:
  // Positions at block's first form; at_end() past the last block.
  Status enter_block(uint32_t block) {
    done_ = true;
    if (block >= index_->form_block_count()) return Status::ok;
    block_ = block;
    block_reader_ = FormBlockReader(*index_, block);
    bool empty = false;
    const Status s = block_reader_.next(&empty);
    if (s != Status::ok || empty) return Status::malformed;
    done_ = false;
    return Status::ok;
  }

  const Index* index_;
  FormBlockReader block_reader_;
  uint32_t block_ = 0;
  bool done_ = true;
};

/// Dictionary entries find_form_term() steps over before it seeks instead: about a
/// block's worth, fewer entries than a seek decodes. On BBC, 88 % of the forms' terms
/// are 0..16 entries after the previous form's (11 % before it: then it seeks).
constexpr uint32_t kFormTermSteps = kTermsPerBlock;

/// Positions `lookup` at the term of form `f`: by rank (format 2..3) or by its
/// bytes, which must be a term (format 4). ok, or malformed when there is none.
inline Status find_form_term(const Index& index, TermIterator& lookup, const FormEntry& f) {
  if (!forms_name_terms_by_bytes(index)) {
    const Status s = lookup.seek_ordinal(f.term_ordinal);
    return s == Status::ok && lookup.at_end() ? Status::malformed : s;
  }
  // Forms sort next to their terms: a term a few places after the previous form's
  // is reached by stepping, cheaper than a new binary search.
  const std::string_view term = f.term_view();
  for (uint32_t step = 0; !lookup.at_end() && lookup.entry().view() < term && step < kFormTermSteps; ++step) {
    const Status s = lookup.next();
    if (s != Status::ok) return s;
  }
  if (!lookup.at_end() && lookup.entry().view() == term) return Status::ok;
  const Status s = lookup.seek(term);
  if (s != Status::ok) return s;
  return lookup.at_end() || lookup.entry().view() != term ? Status::malformed : Status::ok;
}

}  // namespace corpus::search
