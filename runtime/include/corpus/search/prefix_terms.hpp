// Prefix expansion over the dictionary and the surface forms (index_format.hpp).
//
// A prefix the user typed (folded, not stemmed) matches a term when the term starts
// with it, or when one of the term's indexed surface forms does: "negotiat" finds the
// stem "negoti" through the form "negotiations". FormIterator (form_dictionary.hpp)
// walks the sorted forms;
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

#include "corpus/search/form_dictionary.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

constexpr uint32_t kMaxPrefixFormTerms = 64;

class PrefixTerms {
 public:
  /// every_form: also yield a term once per matching form, even when the term was
  /// yielded by the range already (completion wants each whole word).
  PrefixTerms(const Index& index, std::string_view prefix, bool every_form = false)
      : index_(&index), prefix_(prefix), terms_(index), forms_(index), lookup_(index),
        every_form_(every_form), by_bytes_(forms_name_terms_by_bytes(index)) {}

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
      const FormEntry& f = forms_.entry();
      if (forms_.at_end() || !starts_with(f.view(), prefix_)) break;
      bool yield = false;
      s = by_bytes_ ? take_term_by_bytes(f, &yield) : take_term_by_ordinal(f, &yield);
      if (s != Status::ok) return s;
      if (!yield) continue;
      *out = lookup_.entry();
      *via_form = f.view();
      return Status::ok;
    }
    if (s != Status::ok) return s;
    phase_ = 3;
    *done = true;
    return Status::ok;
  }

 private:
  // Positions lookup_ at form f's term and sets *yield unless the term was yielded
  // already (every_form_ yields it once per form). Format 2..3: terms are known by
  // ordinal before the lookup.
  Status take_term_by_ordinal(const FormEntry& f, bool* yield) {
    if (!every_form_ && seen(f.term_ordinal)) return Status::ok;
    const Status s = find_form_term(*index_, lookup_, f);
    if (s != Status::ok) return s;
    if (!every_form_ && starts_with(lookup_.entry().view(), prefix_)) return Status::ok;  // yielded by the range
    remember(f.term_ordinal);
    *yield = true;
    return Status::ok;
  }
  // Format 4: the term's bytes are known before the lookup; a term is remembered by
  // its doc_offset (unique: every term has postings).
  Status take_term_by_bytes(const FormEntry& f, bool* yield) {
    if (!every_form_ && starts_with(f.term_view(), prefix_)) return Status::ok;  // yielded by the range
    const Status s = find_form_term(*index_, lookup_, f);
    if (s != Status::ok) return s;
    if (!every_form_ && seen(lookup_.entry().doc_offset)) return Status::ok;
    remember(lookup_.entry().doc_offset);
    *yield = true;
    return Status::ok;
  }

  // The terms yielded through forms: ordinals (format 2..3) or doc_offsets (format 4).
  bool seen(uint32_t term_key) const {
    for (uint32_t i = 0; i < seen_count_; ++i) {
      if (seen_[i] == term_key) return true;
    }
    return false;
  }
  void remember(uint32_t term_key) {
    if (seen_count_ < kMaxPrefixFormTerms) seen_[seen_count_++] = term_key;
  }

  const Index* index_;
  std::string_view prefix_;
  TermIterator terms_;
  FormIterator forms_;
  TermIterator lookup_;
  uint32_t seen_[kMaxPrefixFormTerms];
  uint32_t seen_count_ = 0;
  bool every_form_ = false;
  bool by_bytes_ = false;  // forms name their terms by bytes (index format 4)
  int phase_ = 0;  // 0 start, 1 dictionary range, 2 forms, 3 done
};

}  // namespace corpus::search
