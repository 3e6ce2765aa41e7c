// Prefix expansion over the dictionary and the surface forms (index_format.hpp).
//
// A prefix the user typed (folded, not stemmed) matches a term when the term starts
// with it, or when one of the term's indexed surface forms does: "negotiat" finds the
// stem "negoti" through the form "negotiations". FormIterator walks the sorted forms;
// PrefixTerms yields the matching terms: first the dictionary range of the prefix, in
// dictionary order, then the terms of the forms that start with it, in form order,
// each term once (terms seen through forms are remembered up to kMaxPrefixFormTerms;
// past that a term may repeat, which callers that keep the best expansions absorb),
// or, for completion, once per matching form.
// Indexes without forms (format 1) give the dictionary range alone, as before.
// Every step is bounded: at most one dictionary block is decoded per term yielded.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/bits.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

constexpr uint32_t kMaxPrefixFormTerms = 64;

/// One surface form, decoded: its bytes and the ordinal of its term.
struct FormEntry {
  char form[text::kMaxTermBytes];
  uint8_t length = 0;
  uint32_t index = 0;         // rank among the forms
  uint32_t term_ordinal = 0;  // rank of its term in the dictionary
  std::string_view view() const { return {form, length}; }
};

class FormIterator {
 public:
  explicit FormIterator(const Index& index) : index_(&index) {}

  /// Positions at the first form >= key (at_end() if none). ok or malformed.
  Status seek(std::string_view key) {
    done_ = true;
    const uint32_t blocks = block_count();
    if (blocks == 0) return Status::ok;
    uint32_t lo = 0, hi = blocks;  // last block whose first form is <= key
    while (hi - lo > 1) {
      const uint32_t mid = lo + (hi - lo) / 2;
      Status s = enter_block(mid);
      if (s != Status::ok) return s;
      if (entry_.view() <= key) lo = mid; else hi = mid;
    }
    Status s = enter_block(lo);
    while (s == Status::ok && !done_ && entry_.view() < key) s = next();
    return s;
  }
  /// Positions at the first form.
  Status rewind() { return block_count() == 0 ? (done_ = true, Status::ok) : enter_block(0); }

  bool at_end() const { return done_; }
  const FormEntry& entry() const { return entry_; }

  Status next() {
    if (done_) return Status::ok;
    if (entry_.index + 1 >= index_->form_count()) {
      done_ = true;
      return Status::ok;
    }
    if ((entry_.index + 1) % kTermsPerBlock == 0) return enter_block(entry_.index / kTermsPerBlock + 1);
    ++entry_.index;
    return read_entry(false);
  }

 private:
  uint32_t block_count() const { return (index_->form_count() + kTermsPerBlock - 1) / kTermsPerBlock; }

  Status enter_block(uint32_t block) {
    done_ = true;
    if (block >= block_count()) return Status::ok;
    reader_ = ByteReader(index_->forms(), index_->forms_size(), index_->form_block(block));
    entry_.index = block * kTermsPerBlock;
    entry_.length = 0;
    return read_entry(true);
  }

  Status read_entry(bool first) {
    const uint32_t shared = first ? 0 : reader_.byte();
    const uint32_t suffix = reader_.byte();
    const uint8_t* p = reader_.bytes(suffix);
    if (reader_.bad() || shared > entry_.length || shared + suffix > text::kMaxTermBytes) return Status::malformed;
    std::memcpy(entry_.form + shared, p, suffix);
    entry_.length = static_cast<uint8_t>(shared + suffix);
    const uint32_t code = reader_.varint();
    entry_.term_ordinal = first ? code : decode_ordinal_delta(entry_.term_ordinal, code);
    if (reader_.bad() || entry_.length == 0 || entry_.term_ordinal >= index_->term_count()) {
      return Status::malformed;
    }
    done_ = false;
    return Status::ok;
  }

  const Index* index_;
  ByteReader reader_;
  FormEntry entry_;
  bool done_ = true;
};

class PrefixTerms {
 public:
  /// every_form: also yield a term once per matching form, even when the term was
  /// yielded by the range already (completion wants each whole word).
  PrefixTerms(const Index& index, std::string_view prefix, bool every_form = false)
      : index_(&index), prefix_(prefix), terms_(index), forms_(index), lookup_(index),
        every_form_(every_form) {}

  /// The next matching term into *out, and the form it was found through (empty
  /// for a term that starts with the prefix itself); *done when there is none.
  Status next(TermEntry* out, std::string_view* via_form, bool* done) {
    *done = false;
    *via_form = {};
    Status s = Status::ok;
    if (phase_ == 0) {
      s = terms_.seek(prefix_);
      phase_ = 1;
    } else if (phase_ == 1) {
      s = terms_.next();
    }
    if (s != Status::ok) return s;
    if (phase_ == 1) {
      if (!terms_.at_end() && starts_with(terms_.entry().view(), prefix_)) {
        *out = terms_.entry();
        return Status::ok;
      }
      phase_ = 2;
      s = index_->form_count() > 0 ? forms_.seek(prefix_) : Status::ok;
      if (index_->form_count() == 0) phase_ = 3;
    } else if (phase_ == 2) {
      s = forms_.next();
    }
    for (; s == Status::ok && phase_ == 2; s = forms_.next()) {
      if (forms_.at_end() || !starts_with(forms_.entry().view(), prefix_)) break;
      if (!every_form_ && seen(forms_.entry().term_ordinal)) continue;
      s = lookup_.seek_ordinal(forms_.entry().term_ordinal);
      if (s != Status::ok) return s;
      if (lookup_.at_end()) return Status::malformed;
      if (!every_form_ && starts_with(lookup_.entry().view(), prefix_)) continue;  // yielded by the range
      remember(forms_.entry().term_ordinal);
      *out = lookup_.entry();
      *via_form = forms_.entry().view();
      return Status::ok;
    }
    if (s != Status::ok) return s;
    phase_ = 3;
    *done = true;
    return Status::ok;
  }

 private:
  bool seen(uint32_t ordinal) const {
    for (uint32_t i = 0; i < seen_count_; ++i) {
      if (seen_[i] == ordinal) return true;
    }
    return false;
  }
  void remember(uint32_t ordinal) {
    if (seen_count_ < kMaxPrefixFormTerms) seen_[seen_count_++] = ordinal;
  }

  const Index* index_;
  std::string_view prefix_;
  TermIterator terms_;
  FormIterator forms_;
  TermIterator lookup_;
  uint32_t seen_[kMaxPrefixFormTerms];
  uint32_t seen_count_ = 0;
  bool every_form_ = false;
  int phase_ = 0;  // 0 start, 1 dictionary range, 2 forms, 3 done
};

}  // namespace corpus::search
