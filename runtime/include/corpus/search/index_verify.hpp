// verify_index(): the full walk of a search index, for corpus::verify().
//
// Decodes every dictionary entry and every postings and positions stream with the
// codec of index_format.hpp and checks what a query relies on but cannot afford to
// check: terms strictly ascending and as many as term_count; each term's streams
// contiguous with the previous term's and exactly doc_bytes/pos_bytes long (index
// format 3: the padding after the skip table and each block zero bits); df documents,
// ascending, each one of the index's documents; title counts within tf; the skip
// table's last_doc, bit offsets, block bounds (format 3: and block sizes, adding up to
// df) equal to what the blocks hold; the term's max_tfn the largest block bound (format
// 4: bounds at least the exact ones, as the bound table may raise them); format 4's
// dictionary blocks: each names its first ordinal right, holds 1..kMaxTermsPerBlock
// terms and is read (each ends where the next begins: term_dictionary.hpp); the
// surface forms sorted, as many as form_count, each naming the term it tokenizes to
// and does not start (index format 4: by its exact bytes, in blocks cut where
// form_block_ends_after() says); the per-language statistics (language_verify.hpp);
// retired documents (format 1.5) not indexed, outside every bound, and counted per
// term as retired_postings says. A corrupt index is reported here rather than as a
// wrong result at query time.
// Cost: one pass over the index's sections. No allocation (a few hundred bytes of
// stack); every loop is bounded by the section sizes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/bm25.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/search/language_verify.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/term_dictionary.hpp"

namespace corpus::search {

struct IndexVerifyReport {
  Status status = Status::ok;
  const char* what = "";  // static: "index: terms", "index: postings", ...
  uint32_t term = kNone;  // ordinal of the failing term, if any
};

namespace detail {

// Running state of one term's postings walk.
struct PostingsWalk {
  BitReader docs, pos;
  SkipWidths widths;
  uint64_t blocks_base = 0;
  uint32_t blocks = 0, next_doc = 0;  // next_doc: previous doc + 1
  uint32_t retired = 0;               // postings of retired documents
  uint8_t max_tfn = 0;
  bool aligned = false;  // index format 3: zero padding after the skip table and each block
  bool ranged = false;   // index format 3: blocks cut by ids, their sizes in the skip table
  bool stable = false;   // index format 4: stored bounds may exceed the exact ones
  bool skip_table = false;
};

// Title occurrences per document of one block; false if an entry is out of range.
inline bool verify_titles(BitReader& docs, const BlockHeader& h, uint32_t n, uint8_t* title_tf) {
  std::memset(title_tf, 0, kMaxPostingsPerBlock);
  if (h.title_count > uint64_t{n} * kMaxTitleTokens) return false;
  uint64_t at = 0;
  for (uint32_t i = 0; i < h.title_count; ++i) {
    at += decode_title_gap(docs);
    if (docs.bad() || at >= n || title_tf[at] == kMaxTitleTokens) return false;
    ++title_tf[at];
  }
  return true;
}

// A stored bound against the exact one verify computes: equal, or (format 4) not below.
inline bool bound_holds(uint32_t stored, uint32_t exact, bool stable) {
  return stable ? stored >= exact : stored == exact;
}

inline uint32_t skip_field(const PostingsWalk& w, uint32_t b, SkipField f) {
  return decode_skip_field(w.docs, w.widths, SkipWidths::header_bits(w.ranged), b, f);
}

// Documents in block b (n_left: the term's documents not in earlier blocks); 0 when
// a ranged block's size is not between 1 and kMaxPostingsPerBlock or exceeds df.
inline uint32_t block_size(const PostingsWalk& w, uint32_t b, uint32_t n_left) {
  if (!w.ranged) return b + 1 < w.blocks ? kPostingsPerBlock : n_left;
  if (!w.skip_table) return n_left;
  const uint32_t n = skip_field(w, b, SkipField::count_minus1) + 1;
  const bool last = b + 1 == w.blocks;
  return n > kMaxPostingsPerBlock || n > n_left || (last && n != n_left) ? 0 : n;
}

// One block of n documents; its bound and last doc are checked against the skip entry.
inline bool verify_block(const Index& index, PostingsWalk& w, uint32_t b, uint32_t n) {
  if (w.skip_table) {
    const uint64_t doc_bit = skip_field(w, b, SkipField::doc_bit);
    const uint64_t pos_bit = skip_field(w, b, SkipField::pos_bit);
    if (w.docs.position() != w.blocks_base + doc_bit || w.pos.position() != pos_bit) return false;
  }
  BlockHeader h;
  unsigned k_pos = 0;
  uint8_t title_tf[kMaxPostingsPerBlock];
  if (!decode_block_header(w.docs, &h) || !verify_titles(w.docs, h, n, title_tf) ||
      !decode_positions_k(w.pos, &k_pos)) {
    return false;
  }
  uint8_t bound = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t gap = 0, tf_minus1 = 0;
    decode_doc(w.docs, h, &gap, &tf_minus1);
    const uint64_t doc = uint64_t{w.next_doc} + gap;
    if (w.docs.bad() || doc >= index.doc_slots() || tf_minus1 == UINT32_MAX || title_tf[i] > tf_minus1 + 1) {
      return false;
    }
    uint64_t position = 0;
    for (uint32_t t = 0; t <= tf_minus1; ++t) {
      position += w.pos.rice(k_pos) + (t > 0 ? 1u : 0u);
      if (w.pos.bad() || position > UINT32_MAX) return false;
    }
    if (index.norm_code(static_cast<uint32_t>(doc)) == 0) {  // not indexed: a retired document, out of the bounds
      if (!index.retired(static_cast<uint32_t>(doc))) return false;
      ++w.retired;
    } else {
      const uint32_t ftf = tf_minus1 + 1 + (index.title_weight() - 1) * title_tf[i];
      const uint8_t q = tf_norm_quantize(tf_norm(ftf, index.norm_k(static_cast<uint32_t>(doc))));
      if (q > bound) bound = q;
    }
    w.next_doc = static_cast<uint32_t>(doc + 1);
  }
  if (w.aligned && (!decode_padding(w.docs) || !decode_padding(w.pos))) return false;
  if (w.skip_table && (skip_field(w, b, SkipField::last_doc) != w.next_doc - 1 ||
                       !bound_holds(skip_field(w, b, SkipField::max_tfn), bound, w.stable))) {
    return false;
  }
  if (bound > w.max_tfn) w.max_tfn = bound;
  return true;
}

inline bool verify_postings(const Index& index, const TermEntry& e) {
  PostingsWalk w;
  w.docs = BitReader(index.postings() + e.doc_offset, e.doc_bytes, 0);
  w.pos = BitReader(index.positions() + e.pos_offset, e.pos_bytes, 0);
  w.aligned = aligned_blocks(index.format_version());
  w.ranged = ranged_blocks(index.format_version());
  w.stable = stable_bounds(index.format_version());
  w.skip_table = e.postings > kPostingsPerBlock;
  w.blocks = w.ranged ? 1 : (e.postings + kPostingsPerBlock - 1) / kPostingsPerBlock;
  if (e.postings > index.doc_slots()) return false;
  if (w.skip_table) {
    if (!(w.ranged ? decode_ranged_skip_header(w.docs, &w.widths) : decode_skip_widths(w.docs, &w.widths))) {
      return false;
    }
    if (w.ranged) w.blocks = w.widths.blocks;
    if (w.blocks > e.postings) return false;
    w.blocks_base = blocks_start_bit(w.widths, w.blocks, w.aligned, w.ranged);
    w.docs.seek(blocks_start_bit(w.widths, w.blocks, false, w.ranged));
    if (w.aligned && !decode_padding(w.docs)) return false;
    if (w.docs.bad() || w.docs.position() != w.blocks_base) return false;
  }
  uint32_t left = e.postings;
  for (uint32_t b = 0; b < w.blocks; ++b) {
    const uint32_t n = block_size(w, b, left);
    if (n == 0 || !verify_block(index, w, b, n)) return false;
    left -= n;
  }
  if (left != 0 || w.retired != e.postings - e.df) return false;
  return !w.docs.bad() && !w.pos.bad() && bound_holds(e.max_tfn, w.max_tfn, w.stable) &&
         (w.docs.position() + 7) / 8 == e.doc_bytes && (w.pos.position() + 7) / 8 == e.pos_bytes;
}

// True when `form` is indexed as `term` (the tokenizer's first token of it). Stemmed
// per article language (kStemByLanguage), a form's term depends on its article's
// language and on diacritics the folded form no longer has (text/language_stem.hpp):
// there the form must be one folded token itself.
inline bool tokenizes_to(const Index& index, std::string_view form, std::string_view term) {
  const text::TokenizerOptions options = index.tokenizer();
  text::Tokenizer tok(form, options.stem_by_language ? options.unstemmed() : options);
  text::Token t;
  return tok.next(&t) && t.view() == (options.stem_by_language ? form : term);
}

// Whether form f sorts after the previous form (prev, of term prev_term or rank
// prev_ordinal): ascending by form, then by term.
inline bool form_ascends(const FormEntry& f, bool by_bytes, std::string_view prev, std::string_view prev_term,
                         uint32_t prev_ordinal) {
  if (f.view() != prev) return f.view() > prev;
  return by_bytes ? f.term_view() > prev_term : f.term_ordinal > prev_ordinal;
}

// The surface forms: ascending (form, then term), each naming a term (format 4: by
// its exact bytes) that it tokenizes to and does not start with, exactly form_count
// of them; format 4: each block ends after the form form_block_ends_after() cuts at
// and nowhere else.
inline IndexVerifyReport verify_forms(const Index& index) {
  const bool by_bytes = forms_name_terms_by_bytes(index);
  FormIterator it(index);
  Status s = it.rewind();
  FormEntry previous;
  uint32_t forms = 0, in_block = 0, block = 0;
  TermIterator term(index);
  for (; s == Status::ok && !it.at_end(); s = it.next(), ++forms) {
    const FormEntry& f = it.entry();
    if (forms > 0 && it.block() != block) {  // previous form ended its block
      if (by_bytes && !form_block_ends_after(previous.form, previous.length, in_block)) break;
      in_block = 0;
      block = it.block();
    } else if (forms > 0 && by_bytes && form_block_ends_after(previous.form, previous.length, in_block)) {
      break;  // the block runs on past its end
    }
    ++in_block;
    if (forms > 0 && !form_ascends(f, by_bytes, previous.view(), previous.term_view(), previous.term_ordinal)) break;
    if (find_form_term(index, term, f) != Status::ok || starts_with(term.entry().view(), f.view()) ||
        !tokenizes_to(index, f.view(), term.entry().view())) {
      break;
    }
    previous = f;
  }
  if (s != Status::ok || !it.at_end() || forms != index.form_count()) {
    return {Status::malformed, "index: forms", forms};
  }
  return {};
}

// Retired documents (format 1.5) ascending, each one of the index's documents and not
// indexed (norm code 0); their terms ascending and in the dictionary. That each
// listed count is what the term's postings hold is verify_postings' check.
inline bool retired_tables_valid(const Index& index) {
  if (!index.has_retired()) return true;
  const fb::SearchIndex& t = table(index);
  for (uint32_t i = 0; i < t.retired_docs()->size(); ++i) {
    const uint32_t doc = t.retired_docs()->Get(i);
    if (doc >= index.doc_slots() || index.norm_code(doc) != 0 || (i > 0 && doc <= t.retired_docs()->Get(i - 1))) {
      return false;
    }
  }
  for (uint32_t i = 0; i < t.retired_terms()->size(); ++i) {
    const uint32_t ordinal = t.retired_terms()->Get(i);
    if (ordinal >= index.term_count() || (i > 0 && ordinal <= t.retired_terms()->Get(i - 1))) return false;
  }
  return true;
}

// Terms per dictionary block, counted as the walk reads them: format 4's blocks hold
// 1..kMaxTermsPerBlock terms (fixed blocks are counted by ordinals) and all are read.
struct TermBlockCount {
  uint32_t block = 0, terms = 0;
  bool add(const Index& index, uint32_t entry_block) {
    if (entry_block != block) {
      block = entry_block;
      terms = 0;
    }
    return !content_term_blocks(index.format_version()) || ++terms <= kMaxTermsPerBlock;
  }
  bool all_read(const Index& index, uint32_t term_count) const {
    return !content_term_blocks(index.format_version()) || term_count == 0 ||
           block + 1 == index.term_block_count();
  }
};

}  // namespace detail

/// Walks the whole index; ok, or malformed naming the failing part and term.
inline IndexVerifyReport verify_index(const Index& index) {
  if (!index.valid()) return {Status::malformed, "index", kNone};
  if (!detail::retired_tables_valid(index)) return {Status::malformed, "index: retired documents", kNone};
  TermIterator it(index);
  Status s = it.rewind();
  char previous[text::kMaxTermBytes];
  size_t previous_length = 0;
  uint64_t doc_end = 0, pos_end = 0;
  uint32_t terms = 0;
  detail::TermBlockCount blocks;
  for (; s == Status::ok && !it.at_end(); s = it.next(), ++terms) {
    const TermEntry& e = it.entry();
    if (e.length == 0 || (terms > 0 && !(std::string_view(previous, previous_length) < e.view())) ||
        e.doc_offset != doc_end || e.pos_offset != pos_end || e.ordinal != terms || !blocks.add(index, it.block())) {
      return {Status::malformed, "index: terms", terms};
    }
    if (!detail::verify_postings(index, e)) return {Status::malformed, "index: postings", terms};
    std::memcpy(previous, e.term, e.length);
    previous_length = e.length;
    doc_end += e.doc_bytes;
    pos_end += e.pos_bytes;
  }
  if (s != Status::ok) return {s, "index: terms", terms};
  if (terms != index.term_count() || doc_end != index.postings_size() || pos_end != index.positions_size() ||
      !blocks.all_read(index, terms)) {
    return {Status::malformed, "index: terms", kNone};
  }
  const IndexVerifyReport forms = detail::verify_forms(index);
  if (forms.status != Status::ok) return forms;
  uint32_t failed = kNone;
  if (!detail::language_tables_valid(index, &failed)) return {Status::malformed, "index: language statistics", failed};
  return {};
}

}  // namespace corpus::search
