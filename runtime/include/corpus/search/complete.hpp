// complete(): search-as-you-type completions of a partial word, most frequent
// (document frequency) first, without allocation.
//
// The partial word is folded like the index (fold_word: lowercase, no diacritics,
// not stemmed) and matched against the terms it prefixes, directly or through one
// of their surface forms (prefix_terms.hpp: "negotiat" reaches the stem "negoti"),
// plus its own stem (so "companies" still offers "company"). Each completion is a
// whole word: the term's most frequent surface form as indexed ("company" for the
// stem "compani"), or, when that form does not start with the partial word, the
// indexed form that does ("negotiations"); completions with equal text are merged. At most kMaxCompletionScan dictionary
// entries are examined (a one-letter prefix of a huge dictionary stops there and
// *truncated is set). Ties in df keep dictionary order.
// Forgiving (given EditRows scratch): when fewer than `cap` words start with the
// partial word, the rest are filled, most frequent first, with whole words that a
// partial word of 4+ characters begins with one typo (an edit, or a swap of two
// adjacent letters: "negotai" offers "negotiations"), read from the terms and forms
// that start with its first byte, within kMaxTypoSteps entries (fuzzy_terms.hpp).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/fuzzy_terms.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/query.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_COMPLETION_SCAN
#define CORPUS_SEARCH_MAX_COMPLETION_SCAN 65536
#endif
constexpr uint32_t kMaxCompletionScan = CORPUS_SEARCH_MAX_COMPLETION_SCAN;

struct Completion {
  char text[text::kMaxTermBytes + kMaxDisplayTail];  // surface form (the display tail adds up to kMaxDisplayTail bytes)
  uint8_t length = 0;
  uint32_t df = 0;
  std::string_view view() const { return {text, length}; }
};

namespace detail {

// Inserts e into out[0, *count) kept sorted by df descending, at most cap entries.
// Its text is e's display form, or `form` when that is given and the display form
// does not start with `prefix`.
inline void offer_completion(const TermEntry& e, Completion* out, uint32_t cap, uint32_t* count,
                             std::string_view form = {}, std::string_view prefix = {}) {
  Completion c;
  size_t n = e.display(c.text, sizeof c.text);
  if (n == 0) {
    n = e.length;
    std::memcpy(c.text, e.term, n);
  }
  if (!form.empty() && !starts_with(std::string_view(c.text, n), prefix)) {
    n = form.size();
    std::memcpy(c.text, form.data(), n);
  }
  c.length = static_cast<uint8_t>(n);
  c.df = e.df;
  for (uint32_t i = 0; i < *count; ++i) {  // same surface form: keep the larger df
    if (out[i].view() == c.view()) {
      if (out[i].df >= c.df) return;
      for (uint32_t j = i; j + 1 < *count; ++j) out[j] = out[j + 1];
      --*count;
      break;
    }
  }
  uint32_t at = *count;
  while (at > 0 && out[at - 1].df < c.df) --at;
  if (at >= cap) return;
  uint32_t last = *count < cap ? *count : cap - 1;
  for (uint32_t j = last; j > at; --j) out[j] = out[j - 1];
  out[at] = c;
  if (*count < cap) ++*count;
}

// Whether out[0, n) holds a completion with c's text.
inline bool has_completion(const Completion* out, uint32_t n, std::string_view text) {
  for (uint32_t i = 0; i < n; ++i) {
    if (out[i].view() == text) return true;
  }
  return false;
}

// Fills out[*count, cap) with the words `prefix` begins with one typo (see above).
inline Status complete_with_typo(const Index& index, std::string_view prefix, EditRows& rows, Completion* out,
                                 uint32_t cap, uint32_t* count, bool* truncated) {
  const uint32_t exact = *count;
  if (exact >= cap || typo_budget(prefix) == 0 || !rows.reset(prefix, 1)) return Status::ok;
  uint32_t steps = 0, fuzzy = 0;
  Completion* rest = out + exact;
  EntryRange range;
  Status s = lead_range(index, false, static_cast<unsigned char>(prefix[0]), &range);
  if (s == Status::ok) {  // terms first: a term's display form wins df ties over its other forms
    s = walk_terms(index, rows, range, true, &steps, [&](const TermEntry& e) {
      if (rows.prefix_distance(e.view()) > 1) return;
      Completion c;
      const size_t n = e.display(c.text, sizeof c.text);
      if (!has_completion(out, exact, n == 0 ? e.view() : std::string_view(c.text, n))) {
        offer_completion(e, rest, cap - exact, &fuzzy);
      }
    });
  }
  TermIterator lookup(index);
  Status found = Status::ok;
  if (s == Status::ok && index.form_count() > 0) {
    s = walk_forms(index, rows, false, static_cast<unsigned char>(prefix[0]), &steps, [&](const FormEntry& f) {
      const std::string_view form = f.view();
      if (found != Status::ok || rows.prefix_distance(form) > 1) return;
      found = find_form_term(index, lookup, f);
      if (found == Status::ok && !has_completion(out, exact, form)) {
        offer_completion(lookup.entry(), rest, cap - exact, &fuzzy, form, form);
      }
    });
    if (s == Status::ok) s = found;
  }
  *count = exact + fuzzy;
  if (truncated && steps > kMaxTypoSteps) *truncated = true;
  return s;
}

}  // namespace detail

/// Fills out[0, *count) (count <= cap) with completions of `partial`, best first.
/// bad_query if `partial` folds to nothing; malformed if the dictionary is corrupt.
/// With `typo_rows`, forgiving: see above (the exact completions come first).
inline Status complete(const Index& index, std::string_view partial, Completion* out, uint32_t cap,
                       uint32_t* count, bool* truncated = nullptr, EditRows* typo_rows = nullptr) {
  *count = 0;
  if (truncated) *truncated = false;
  if (!index.valid()) return Status::misuse;
  if (partial.size() > kMaxQueryBytes) return Status::limit_exceeded;
  char folded[text::kMaxTermBytes];
  size_t n = text::fold_word(partial, folded, sizeof folded, index.tokenizer().script_rules);
  if (n == 0) return Status::bad_query;
  if (cap == 0) return Status::ok;
  const std::string_view prefix(folded, n);
  PrefixTerms terms(index, prefix, /*every_form=*/true);
  TermEntry e;
  std::string_view form;
  bool done = false;
  uint32_t scanned = 0;
  Status s = terms.next(&e, &form, &done);
  for (; s == Status::ok && !done; s = terms.next(&e, &form, &done)) {
    if (++scanned > kMaxCompletionScan) {
      if (truncated) *truncated = true;
      break;
    }
    detail::offer_completion(e, out, cap, count, form, prefix);
  }
  if (s != Status::ok) return s;
  text::TokenizerOptions tok = index.tokenizer();
  tok.language = index.language(0);  // a blob in several languages: its main one
  if (tok.stems()) {
    char stem[text::kMaxTermBytes];
    std::memcpy(stem, folded, n);
    const std::string_view stemmed(stem, text::stem_term(tok, std::string_view(folded, n), stem, n));
    if (!starts_with(stemmed, prefix) && find_term(index, stemmed, &e) == Status::ok) {
      detail::offer_completion(e, out, cap, count);
    }
  }
  if (typo_rows == nullptr) return Status::ok;
  return detail::complete_with_typo(index, prefix, *typo_rows, out, cap, count, truncated);
}

}  // namespace corpus::search
