// Typo candidates: the dictionary terms within a small edit distance of a query
// word that matches no term, found without allocation and within a step bound.
//
// The folded word as typed (not stemmed: a typo'd word stems unpredictably,
// "goverment" -> "gover", next to "over") is matched with EditRows (edit_rows.hpp)
// against two front-coded, sorted lists: the surface forms (index_format.hpp),
// whose hits stand for their terms ("negotations" -> "negotiations" -> the stem
// "negoti"; a stored plural also stands for its singular, which is not stored),
// then the dictionary terms, each at its own distance or its display form's. A
// block whose entries all share a prefix already too far from the word is skipped
// after reading its first entry. A first pass reads only the entries that start
// with the word's first byte; the whole lists are read only when it finds nothing,
// and every walk stops after kMaxTypoSteps entries read in all
// (TypoCandidates::truncated): the cost is bounded on any dictionary.
// Budget (typo_budget()): words of fewer than 4 characters get no correction, 4..7
// one edit, 8 and more two (CORPUS_SEARCH_TYPO_*_CHARS; bench/results/typos.md), an
// Arabic word of 4 and more two (a letter is two bytes: arabic_word());
// words holding a character from U+0800 up (CJK, Thai, Indic, ...), where a byte
// edit means nothing, and words over kMaxTypoWordBytes are exempt. Candidates rank
// by distance, then df (higher first), then ordinal.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/edit_rows.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "corpus/slice.hpp"
#include "corpus/text/fold.hpp"
#include "corpus/text/utf8.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_TYPO_STEPS
#define CORPUS_SEARCH_MAX_TYPO_STEPS 65536
#endif
/// Dictionary and form entries (block heads included) one word's walks may read.
constexpr uint32_t kMaxTypoSteps = CORPUS_SEARCH_MAX_TYPO_STEPS;
/// Candidates kept per word.
constexpr uint32_t kMaxTypoCandidates = 4;

#ifndef CORPUS_SEARCH_TYPO_ONE_EDIT_CHARS
#define CORPUS_SEARCH_TYPO_ONE_EDIT_CHARS 4
#endif
#ifndef CORPUS_SEARCH_TYPO_TWO_EDITS_CHARS
#define CORPUS_SEARCH_TYPO_TWO_EDITS_CHARS 8
#endif
/// Shortest words (characters, folded) corrected with one edit, and with two.
constexpr uint32_t kTypoOneEditChars = CORPUS_SEARCH_TYPO_ONE_EDIT_CHARS;
constexpr uint32_t kTypoTwoEditsChars = CORPUS_SEARCH_TYPO_TWO_EDITS_CHARS;

/// True when most characters of `folded` are Arabic letters (U+0600..U+06FF, lead
/// bytes D8..DB). Edits are counted in bytes and an Arabic letter is two, so one
/// letter replaced by a letter of another lead byte (و -> ا) is two edits: such a word
/// of kTypoOneEditChars letters or more is allowed two (typo_budget), and a candidate
/// two edits away scores as one (typo_letter_distance). MLQA ar nDCG@10 0.7466 ->
/// 0.7533 (two edits alone 0.7519; from 2, 3, 5, 6, 7 letters: 0.7509, 0.7509,
/// 0.7516, 0.7488, 0.7469).
inline bool arabic_word(std::string_view folded) {
  uint32_t chars = 0, arabic = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(folded[i]);
    if ((b & 0xC0) != 0x80) ++chars;
    if (b >= 0xD8 && b <= 0xDB) ++arabic;
  }
  return arabic * 2 > chars;
}

/// Edits allowed for a folded word: 0 (no correction), 1 or 2.
inline uint32_t typo_budget(std::string_view folded) {
  if (folded.size() > kMaxTypoWordBytes) return 0;
  uint32_t chars = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(folded[i]);
    if (b >= 0xE0) return 0;         // lead byte of U+0800 and up
    if ((b & 0xC0) != 0x80) ++chars;  // not a continuation byte
  }
  if (chars >= kTypoOneEditChars && arabic_word(folded)) return 2;
  return chars >= kTypoTwoEditsChars ? 2 : chars >= kTypoOneEditChars ? 1 : 0;
}

/// The distance a candidate `distance` byte edits from `folded` scores with
/// (typo_idf()): in letters for an Arabic word, where two bytes may be one letter.
inline uint32_t typo_letter_distance(std::string_view folded, uint32_t distance) {
  return distance == 2 && arabic_word(folded) ? 1 : distance;
}

struct TypoCandidate {
  uint32_t ordinal = 0, df = 0;
  uint8_t distance = 0;
  uint8_t form_length = 0;  // > 0: found through this surface form
  char form[text::kMaxTermBytes];
  std::string_view via_form() const { return {form, form_length}; }
};

struct TypoCandidates {
  TypoCandidate items[kMaxTypoCandidates];
  uint32_t count = 0;
  uint32_t steps = 0;      // entries read by the walks
  bool truncated = false;  // a walk stopped at kMaxTypoSteps

  /// Keeps the term at `ordinal`, shown as `form`, if it ranks among the best; a
  /// term already kept keeps its smaller distance, and on a tie the word it was
  /// first found as (the forms are walked first: the word the typist meant).
  void offer(uint32_t ordinal, uint32_t df, uint32_t distance, std::string_view form) {
    for (uint32_t i = 0; i < count; ++i) {
      if (items[i].ordinal != ordinal) continue;
      if (distance >= items[i].distance) return;
      remove(i);
      break;
    }
    TypoCandidate c;
    c.ordinal = ordinal;
    c.df = df;
    c.distance = static_cast<uint8_t>(distance);
    c.form_length = static_cast<uint8_t>(form.size());
    if (!form.empty()) std::memcpy(c.form, form.data(), form.size());
    uint32_t at = count;
    while (at > 0 && better(c, items[at - 1])) --at;
    if (at >= kMaxTypoCandidates) return;
    if (count < kMaxTypoCandidates) ++count;
    for (uint32_t j = count - 1; j > at; --j) items[j] = items[j - 1];
    items[at] = c;
  }

 private:
  static bool better(const TypoCandidate& a, const TypoCandidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.df != b.df) return a.df > b.df;
    return a.ordinal < b.ordinal;
  }
  void remove(uint32_t i) {
    for (uint32_t j = i; j + 1 < count; ++j) items[j] = items[j + 1];
    --count;
  }
};

namespace detail {

inline uint32_t common_prefix(std::string_view a, std::string_view b) {
  uint32_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Whether all of `block`'s entries can be skipped: they share the common prefix
// of its head and the next block's head, already farther than the limit.
inline bool skip_block(EditRows& rows, std::string_view head, std::string_view next_head, bool as_prefix) {
  const uint32_t shared = common_prefix(head, next_head);
  return shared > 0 && rows.floor(corpus::slice(head, 0, shared), as_prefix) > rows.limit();
}

}  // namespace detail

/// Entries [lo, hi) of the dictionary, in sorted order.
struct EntryRange {
  uint32_t lo = 0, hi = 0;
};

/// Calls visit(entry) for the dictionary terms of `range` outside the blocks that
/// rows rule out (with `as_prefix`, as prefix_distance() would), until *steps
/// (entries read, counted up) passes kMaxTypoSteps. Each entry is decoded at most
/// once; the next block's first term is read raw.
template <class Visit>
Status walk_terms(const Index& index, EditRows& rows, EntryRange range, bool as_prefix, uint32_t* steps,
                  Visit&& visit) {
  const uint32_t blocks = index.term_block_count();
  const uint32_t end = range.hi < index.term_count() ? range.hi : index.term_count();
  if (range.lo >= end) return Status::ok;
  uint32_t b = 0, first = 0;  // block b holds ordinals [first, the next block's first)
  ByteReader header;
  if (!detail::term_block_of(index, range.lo, &b) || !detail::open_term_block(index, b, &header, &first)) {
    return Status::malformed;
  }
  TermIterator it(index);
  Status s = it.seek_ordinal(first);
  for (; first < end && s == Status::ok && !it.at_end(); ++b) {
    if (++*steps > kMaxTypoSteps) break;
    char next_head[text::kMaxTermBytes];
    size_t next_n = 0;
    uint32_t next_first = index.term_count();
    if (b + 1 < blocks && !detail::term_block_head(index, b + 1, &next_first, next_head, &next_n)) {
      return Status::malformed;
    }
    const uint32_t stop = next_first < end ? next_first : end;
    if (detail::skip_block(rows, it.entry().view(), {next_head, next_n}, as_prefix)) {
      if (stop < end) s = it.seek_block(b + 1);  // stop is its first ordinal
      first = stop;
      continue;
    }
    while (s == Status::ok && !it.at_end() && it.entry().ordinal < range.lo) s = it.next();
    for (; s == Status::ok && !it.at_end() && it.entry().ordinal < stop; s = it.next()) {
      if (++*steps > kMaxTypoSteps) break;
      visit(it.entry());
    }
    if (*steps > kMaxTypoSteps) break;
    first = stop;
  }
  return s;
}

/// Calls visit(form_entry) for the surface forms that start with the byte `lead`,
/// or all of them when `all`, outside the blocks that rows rule out (as
/// distance_near_end() and prefix_distance() may match), until *steps (entries
/// read, block heads included, counted up) passes kMaxTypoSteps.
template <class Visit>
Status walk_forms(const Index& index, EditRows& rows, bool all, unsigned char lead, uint32_t* steps,
                  Visit&& visit) {
  const uint32_t blocks = index.form_block_count();
  if (blocks == 0) return Status::ok;
  const char key[1] = {static_cast<char>(lead)};
  uint32_t b = 0;
  Status s = all ? Status::ok : last_form_block_at_most(index, {key, 1}, &b);
  FormBlockReader block(index, b);
  bool done = false, past = false;  // past: a form after the lead byte's was read
  if (s == Status::ok) s = block.next(&done);
  auto after_lead = [&](std::string_view form) { return !all && static_cast<unsigned char>(form[0]) > lead; };
  for (; !past && s == Status::ok && !done; ++b) {
    if (++*steps > kMaxTypoSteps) break;
    FormBlockReader next_block(index, b + 1 < blocks ? b + 1 : b);
    bool next_done = true;
    if (b + 1 < blocks && (s = next_block.next(&next_done)) != Status::ok) break;
    const std::string_view next_head = next_done ? std::string_view() : next_block.entry().view();
    if (!detail::skip_block(rows, block.entry().view(), next_head, true)) {
      for (; s == Status::ok && !done; s = block.next(&done)) {
        const std::string_view form = block.entry().view();
        if (!all && static_cast<unsigned char>(form[0]) < lead) continue;
        if ((past = after_lead(form))) break;
        if (++*steps > kMaxTypoSteps) break;
        visit(block.entry());
      }
    }
    if (s != Status::ok) break;
    past = past || next_done || after_lead(next_head);
    block = next_block;
    done = next_done;
  }
  return s;
}

/// The dictionary terms that start with the byte `lead`, or all of them when `all`.
inline Status lead_range(const Index& index, bool all, unsigned char lead, EntryRange* out) {
  *out = EntryRange{0, index.term_count()};
  if (all) return Status::ok;
  char key[1] = {static_cast<char>(lead)};
  for (int side = 0; side < 2; ++side) {
    uint32_t at = index.term_count();
    if (side == 0 || lead < 0xFF) {
      TermIterator it(index);
      const Status s = it.seek({key, 1});
      if (s != Status::ok) return s;
      if (!it.at_end()) at = it.entry().ordinal;
    }
    (side == 0 ? out->lo : out->hi) = at;
    key[0] = static_cast<char>(lead + 1);
  }
  return Status::ok;
}

/// Bytes a surface form may lose at its end and still stand for a word: forms
/// that are a prefix of another form of their term are not stored ("negotiation"
/// beside "negotiations"), so a stored plural also stands for its singular.
inline uint32_t form_end_slack(std::string_view form) { return form.size() > 4 && form.back() == 's' ? 1 : 0; }

namespace detail {

// One pass of find_typo_candidates() over the terms and forms that start with the
// typed word's first byte, or over all of them: the forms first, then the terms
// strictly closer than the best form found (ties would cost a walk for a few). A term counts at its own distance or at its
// display form's, whichever is less, and is shown as that word.
inline Status typo_pass(const Index& index, std::string_view folded, bool all, EditRows& rows,
                        TypoCandidates* out) {
  uint32_t budget = typo_budget(folded);
  EntryRange range;
  Status s = Status::ok;
  if (index.form_count() > 0 && rows.reset(folded, budget)) {
    TermIterator lookup(index);
    Status found = Status::ok;
    s = walk_forms(index, rows, all, static_cast<unsigned char>(folded[0]), &out->steps, [&](const FormEntry& f) {
      uint32_t kept = 0;
      const std::string_view form = f.view();
      const uint32_t d = rows.distance_near_end(form, form_end_slack(form), &kept);
      if (d > budget || found != Status::ok) return;
      found = find_form_term(index, lookup, f);
      if (found == Status::ok) out->offer(lookup.entry().ordinal, lookup.entry().df, d, corpus::slice(form, 0, kept));
    });
    if (s == Status::ok) s = found;
    if (s != Status::ok) return s;
  }
  if (out->count > 0) {  // only a strictly closer term can beat the word found (bench/results/typos.md)
    if (out->items[0].distance == 0 || out->items[0].distance - 1u < budget) budget = out->items[0].distance - 1u;
  }
  if (budget == 0 || !rows.reset(folded, budget)) return Status::ok;
  if ((s = lead_range(index, all, static_cast<unsigned char>(folded[0]), &range)) != Status::ok) return s;
  return walk_terms(index, rows, range, false, &out->steps, [&](const TermEntry& e) {
    const uint32_t own = rows.distance(e.view());
    char shown[text::kMaxTermBytes + kMaxDisplayTail];
    const size_t n = e.display(shown, sizeof shown);
    // The display form shares the term's first length - drop bytes: its rows are
    // mostly the term's (and dead where the term's died).
    const uint32_t as_shown = n > 0 ? rows.distance({shown, n}) : budget + 1;
    if (as_shown <= own && as_shown <= budget) out->offer(e.ordinal, e.df, as_shown, {shown, n});
    else if (own <= budget) out->offer(e.ordinal, e.df, own, e.view());
  });
}

}  // namespace detail

/// The best candidates for a query word, `folded` as typed (fold_word(), not
/// stemmed). *out is cleared first. ok (maybe none found) or malformed.
inline Status find_typo_candidates(const Index& index, std::string_view folded, EditRows& rows,
                                   TypoCandidates* out) {
  out->count = out->steps = 0;
  out->truncated = false;
  if (typo_budget(folded) == 0) return Status::ok;  // nothing to correct
  Status s = detail::typo_pass(index, folded, false, rows, out);
  if (s == Status::ok && out->count == 0) s = detail::typo_pass(index, folded, true, rows, out);
  out->truncated = out->steps > kMaxTypoSteps;
  return s;
}

}  // namespace corpus::search
