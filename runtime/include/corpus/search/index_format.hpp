// The search index's byte grammar, written once: every width, limit and packing of
// the SearchIndex sections (schemas/corpus.fbs), with the paired encode_*/decode_*
// functions that the compiler (compiler/index/) and the runtime (this folder) both
// call. No other file spells a field width. Bit streams: bits.hpp (LSB-first,
// rice(k) with a kRiceEscape escape, LEB128 varints).
//
// Documents. A document is an article (doc id = article index). Positions: the
// title's tokens are 0 .. T-1 and the body's start at T + 1, T = doc_title_tokens[d]
// (titles are indexed up to kMaxTitleTokens tokens), so no phrase spans both.
// Only tokens outside the builder's excluded byte ranges get postings; a token's
// position still counts them, so no phrase spans excluded text either.
//
// Term dictionary (`terms`, `term_blocks`). Terms (tokenizer output, 1..kMaxTermBytes
// bytes) are sorted bytewise and cut into blocks; term_blocks[i] is the byte offset of
// block i. Formats 1..3: blocks of kTermsPerBlock terms. Format 4 (content-defined
// blocks): a block ends after a term whose block_cut_hash() is 0 modulo kTermsPerBlock,
// or after kMaxTermsPerBlock terms, and where the next block begins (the last at the
// end of `terms`); a term added or removed then changes its own block's members, not
// the later blocks' (whose headers still change: first_ordinal and the offsets). A
// block is:
//   varint first_ordinal                   (format 4 only: the rank of its first term)
//   varint doc_offset, varint pos_offset   (of the block's first term, in bytes)
//   per term:  [u8 shared]  u8 suffix_len  suffix bytes     (shared omitted for the
//              varint df, varint doc_bytes, varint pos_bytes   first term: it is 0)
//              u8 max_tfn  (tf_norm_quantize of the term's largest tf_norm; format 4:
//                          of the largest under the bound table, bm25.hpp, which may
//                          exceed the exact one and never falls below it)
//              u8 display  (drop: kDisplayDropBits high bits, tail_len: kDisplayTailBits
//                          low bits), tail bytes: the term's most frequent surface form
//                          is the term minus `drop` final bytes plus `tail` (0: itself)
// A term's postings are postings[doc_offset, +doc_bytes) and its positions
// positions[pos_offset, +pos_bytes); offsets of later terms in a block are the
// first's plus the preceding sizes.
//
// Surface forms (`forms`, `form_blocks`; optional, index format 2). The folded words
// a prefix may end inside of: every indexed word w whose term t = stem(w) does not
// start with w, keeping per term only the forms that are no prefix of another of its
// forms. Sorted bytewise by form (then term), form_blocks[i] the byte offset of
// block i; per form:
//   [u8 shared] u8 suffix_len suffix bytes (front-coded as terms; shared omitted for
//   a block's first form), then the form's term:
//   index format 2..3: varint ordinal, the term's rank; the block's first as is, later
//     ones as the zigzag delta from the previous form's (encode_ordinal_delta). Blocks
//     of kTermsPerBlock forms.
//   index format 4: the term by bytes: keep = the common prefix of form and term, and
//     term = form[0, len - drop) + tail, drop = len - keep. u8 code (drop:
//     kFormDropBits high bits, tail_len: kFormTailBits low bits), or, when they do not
//     fit, kFormTermEscape then u8 drop, u8 tail_len (encode_form_term); tail bytes.
//     Blocks cut by content: a block ends after a form for which
//     form_block_ends_after() holds (its hash is 0 modulo kTermsPerBlock, or the
//     block holds kMaxFormsPerBlock forms) and at the end; block i ends where block
//     i + 1 begins (or at the section's end). Nothing names a term by rank, and a
//     form added or removed changes its own block only: an edition patches small.
// A prefix then finds the terms starting with it plus the terms of the forms
// starting with it.
//
// Postings of one term (df documents, in blocks of kPostingsPerBlock; ranged blocks
// in index format 3, below):
//   if more than one block, a skip table first:
//     w_doc, w_bit, w_pos (kSkipWidthBits each, <= kMaxSkipWidth), then per block,
//     fixed width: last_doc (w_doc bits), doc_bit (w_bit), pos_bit (w_pos), max_tfn
//     (kSkipMaxTfnBits; format 4: under the bound table, as the dictionary's).
//     doc_bit/pos_bit: where the block starts, in bits, counted from the end of the
//     skip table (postings) and from the term's first position bit (positions).
//   ranged blocks: a term of at most kPostingsPerBlock documents is one block
//     without a skip table; a longer one has the table (even if one block), and its
//     blocks hold 1 .. kMaxPostingsPerBlock documents each, cut where the compiler
//     chooses (compiler/index/postings_writer.hpp: after the documents whose article
//     id hashes to 1 in kPostingsPerBlock, the same documents in every edition, so a
//     document added or removed changes its own block, not the blocks after it).
//     The skip header adds w_count (kSkipWidthBits) and blocks - 1 (kSkipBlocksBits);
//     each entry adds count - 1 (w_count bits), the block's documents.
//   each block:
//     k_gap (kGapKBits, <= kMaxGapK), k_tf (kTfKBits, <= kMaxTfK),
//     rice(kTitleCountK) title_count, then title_count title entries (rice(kTitleGapK)
//     of index gaps within the block: an index repeats once per title occurrence),
//     then per document: rice(k_gap) doc gap - 1 (from the previous block's last doc,
//     or from -1), rice(k_tf) tf - 1.
//     tf counts title + body occurrences; ftf = tf + (title_weight - 1) * title.
// Positions of one block: k_pos (kPosKBits, <= kMaxPosK), then per document its tf
// positions: rice(k_pos) of the first, then rice(k_pos) of each gap - 1.
// Byte-aligned blocks (index format 3): the skip table and every postings and
// positions block end with zero bits up to the next byte boundary, so each block
// starts on a byte (doc_bit, pos_bit count the padding). A change inside one block
// then leaves the bytes of the term's later blocks as they were, only moved by whole
// bytes (what a binary patch of the next edition matches: bench/results/updates.md).
//
// Encoders take any bit sink W with `void write(uint32_t value, unsigned bits)`;
// decoders read a BitReader and return false when a field is outside its limit.
#pragma once

#include <cstdint>

#include "corpus/search/bits.hpp"

namespace corpus::search {

/// Index format versions (SearchIndex.format_version; absent means 1).
/// 1: the layout above without surface forms and with unaligned blocks.
/// 2: optional `forms` sections. 3: byte-aligned, ranged blocks. 4: the layout an
/// edition patches small (bench/results/updates.md): dictionary and form blocks cut
/// by content, forms that name their term by bytes, block bounds that may exceed the
/// exact largest tf_norm, and postings of retired documents.
constexpr uint32_t kIndexFormatV1 = 1;
constexpr uint32_t kIndexFormatV2 = 2;
constexpr uint32_t kIndexFormatV3 = 3;
constexpr uint32_t kIndexFormatV4 = 4;
constexpr uint32_t kIndexFormatVersion = kIndexFormatV4;

/// Whether an index of this version pads its blocks to bytes and cuts them by ids.
constexpr bool aligned_blocks(uint32_t format_version) { return format_version >= kIndexFormatV3; }
constexpr bool ranged_blocks(uint32_t format_version) { return format_version >= kIndexFormatV3; }
/// Whether an index of this version cuts its dictionary by block_cut_hash() (blocks of
/// 1..kMaxTermsPerBlock terms, each header naming its first ordinal) and computes its
/// bounds under the bound table (bm25.hpp kBoundAvgdlSteps); else every
/// kTermsPerBlock terms and bounds under the exact norm_k table.
constexpr bool content_term_blocks(uint32_t format_version) { return format_version >= kIndexFormatV4; }
constexpr bool stable_bounds(uint32_t format_version) { return format_version >= kIndexFormatV4; }
/// What a query may rely on across the parts of a collection: versions 2 and 3
/// differ only in block padding, which each part's own cursor reads.
constexpr uint32_t query_features(uint32_t format_version) {
  return format_version >= kIndexFormatV2 ? kIndexFormatV2 : format_version;
}

constexpr uint32_t kTermsPerBlock = 16;
/// Content-defined dictionary blocks (format 4): the most terms in one block.
constexpr uint32_t kMaxTermsPerBlock = 4 * kTermsPerBlock;
constexpr uint32_t kPostingsPerBlock = 128;
constexpr uint32_t kMaxTitleTokens = 255;
/// Ranged blocks: the most documents in one block.
constexpr uint32_t kMaxPostingsPerBlock = 4 * kPostingsPerBlock;

// Postings and positions fields: widths in bits and the largest value each holds.
constexpr unsigned kSkipWidthBits = 5;
constexpr unsigned kMaxSkipWidth = 31;
constexpr unsigned kSkipMaxTfnBits = 8;
constexpr unsigned kSkipBlocksBits = 24;  // blocks - 1 (ranged): blocks <= df <= kMaxArticles
constexpr unsigned kGapKBits = 5;
constexpr unsigned kMaxGapK = 24;
constexpr unsigned kTfKBits = 4;
constexpr unsigned kMaxTfK = 15;
constexpr unsigned kPosKBits = 5;
constexpr unsigned kMaxPosK = 24;
constexpr unsigned kTitleCountK = 1;
constexpr unsigned kTitleGapK = 2;

static_assert(kMaxSkipWidth < (1u << kSkipWidthBits) && kSkipWidthBits < 8, "skip widths fit their field and a byte");
static_assert(kMaxGapK < (1u << kGapKBits) && kMaxTfK < (1u << kTfKBits) &&
                  kMaxPosK < (1u << kPosKBits),
              "Rice parameters fit their fields");
static_assert(kMaxGapK <= kMaxRiceK && kMaxTfK <= kMaxRiceK && kMaxPosK <= kMaxRiceK,
              "the bit reader decodes every Rice parameter");

// Display byte of a dictionary entry.
constexpr unsigned kDisplayTailBits = 5;
constexpr unsigned kDisplayDropBits = 3;
constexpr uint32_t kMaxDisplayTail = (1u << kDisplayTailBits) - 1;
constexpr uint32_t kMaxDisplayDrop = (1u << kDisplayDropBits) - 1;
static_assert(kDisplayTailBits + kDisplayDropBits == 8, "the display code is one byte");

/// Skip table header: bit widths of a skip entry's fields (count: ranged blocks
/// only, else 0) and, with ranged blocks, the number of blocks.
struct SkipWidths {
  uint8_t doc = 0, bit = 0, pos = 0, count = 0;  // <= kMaxSkipWidth; bytes, as every cursor holds one
  uint32_t blocks = 0;
  /// Bits of the header itself and of one entry.
  static constexpr unsigned header_bits() { return 3 * kSkipWidthBits; }
  static constexpr unsigned ranged_header_bits() { return 4 * kSkipWidthBits + kSkipBlocksBits; }
  static constexpr unsigned header_bits(bool ranged) { return ranged ? ranged_header_bits() : header_bits(); }
  unsigned entry_bits() const { return doc + bit + pos + kSkipMaxTfnBits + count; }
};

/// Bit where a term's first postings block starts: after the skip header and
/// `blocks` entries, rounded up to a byte with aligned blocks.
inline uint64_t blocks_start_bit(const SkipWidths& w, uint32_t blocks, bool aligned, bool ranged = false) {
  const uint64_t end = SkipWidths::header_bits(ranged) + uint64_t{w.entry_bits()} * blocks;
  return aligned ? (end + 7) / 8 * 8 : end;
}

/// Zero bits from `bits_written` up to the next byte boundary (aligned blocks).
template <typename W>
void encode_padding(W& out, uint64_t bits_written) {
  out.write(0, static_cast<unsigned>((8 - bits_written % 8) % 8));
}
/// Reads the padding to the next byte; false unless it is all zero bits.
inline bool decode_padding(BitReader& in) {
  const uint32_t bits = in.read(static_cast<unsigned>((8 - in.position() % 8) % 8));
  return !in.bad() && bits == 0;
}

/// One skip entry (see the grammar); fields in entry order. count_minus1: ranged only.
struct SkipEntry {
  uint32_t last_doc = 0, doc_bit = 0, pos_bit = 0, max_tfn = 0, count_minus1 = 0;
};
enum class SkipField : unsigned { last_doc = 0, doc_bit = 1, pos_bit = 2, max_tfn = 3, count_minus1 = 4 };

/// Per postings block: Rice parameters and the number of title entries.
struct BlockHeader {
  unsigned k_gap = 0, k_tf = 0;
  uint32_t title_count = 0;
};

template <typename W>
void encode_skip_widths(W& out, const SkipWidths& w) {
  out.write(w.doc, kSkipWidthBits);
  out.write(w.bit, kSkipWidthBits);
  out.write(w.pos, kSkipWidthBits);
}
inline bool decode_skip_widths(BitReader& in, SkipWidths* w) {
  w->doc = static_cast<uint8_t>(in.read(kSkipWidthBits));  // kSkipWidthBits < 8
  w->bit = static_cast<uint8_t>(in.read(kSkipWidthBits));
  w->pos = static_cast<uint8_t>(in.read(kSkipWidthBits));
  return !in.bad() && w->doc <= kMaxSkipWidth && w->bit <= kMaxSkipWidth && w->pos <= kMaxSkipWidth;
}

/// The ranged skip header: the three widths, w_count, blocks - 1 (w.blocks >= 1; a
/// term of more than kPostingsPerBlock documents has the table even with one block).
template <typename W>
void encode_ranged_skip_header(W& out, const SkipWidths& w) {
  encode_skip_widths(out, w);
  out.write(w.count, kSkipWidthBits);
  out.write(w.blocks - 1, kSkipBlocksBits);
}
/// False when a width is out of range.
inline bool decode_ranged_skip_header(BitReader& in, SkipWidths* w) {
  if (!decode_skip_widths(in, w)) return false;
  w->count = static_cast<uint8_t>(in.read(kSkipWidthBits));
  w->blocks = in.read(kSkipBlocksBits) + 1;
  return !in.bad() && w->count <= kMaxSkipWidth;
}

template <typename W>
void encode_skip_entry(W& out, const SkipWidths& w, const SkipEntry& e) {
  out.write(e.last_doc, w.doc);
  out.write(e.doc_bit, w.bit);
  out.write(e.pos_bit, w.pos);
  out.write(e.max_tfn, kSkipMaxTfnBits);
  out.write(e.count_minus1, w.count);
}
/// Field f of skip entry `block`, the table's entries starting at bit `entries_bit`.
inline uint32_t decode_skip_field(BitReader in, const SkipWidths& w, uint64_t entries_bit,
                                  uint32_t block, SkipField f) {
  const unsigned widths[5] = {w.doc, w.bit, w.pos, kSkipMaxTfnBits, w.count};
  uint64_t bit = entries_bit + uint64_t{w.entry_bits()} * block;
  for (unsigned i = 0; i < static_cast<unsigned>(f); ++i) bit += widths[i];
  in.seek(bit);
  return in.read(widths[static_cast<unsigned>(f)]);
}

template <typename W>
void encode_block_header(W& out, const BlockHeader& h) {
  out.write(h.k_gap, kGapKBits);
  out.write(h.k_tf, kTfKBits);
  encode_rice(out, h.title_count, kTitleCountK);
}
inline bool decode_block_header(BitReader& in, BlockHeader* h) {
  h->k_gap = in.read(kGapKBits);
  h->k_tf = in.read(kTfKBits);
  h->title_count = in.rice(kTitleCountK);
  return !in.bad() && h->k_gap <= kMaxGapK && h->k_tf <= kMaxTfK;
}

/// A title entry: the gap between block indexes of successive title occurrences.
template <typename W>
void encode_title_gap(W& out, uint32_t gap) { encode_rice(out, gap, kTitleGapK); }
inline uint32_t decode_title_gap(BitReader& in) { return in.rice(kTitleGapK); }

/// One document of a block: doc gap - 1 and tf - 1.
template <typename W>
void encode_doc(W& out, const BlockHeader& h, uint32_t gap_minus1, uint32_t tf_minus1) {
  encode_rice(out, gap_minus1, h.k_gap);
  encode_rice(out, tf_minus1, h.k_tf);
}
inline void decode_doc(BitReader& in, const BlockHeader& h, uint32_t* gap_minus1, uint32_t* tf_minus1) {
  *gap_minus1 = in.rice(h.k_gap);
  *tf_minus1 = in.rice(h.k_tf);
}

template <typename W>
void encode_positions_k(W& out, unsigned k_pos) { out.write(k_pos, kPosKBits); }
inline bool decode_positions_k(BitReader& in, unsigned* k_pos) {
  *k_pos = in.read(kPosKBits);
  return !in.bad() && *k_pos <= kMaxPosK;
}

/// The display byte for dropping `drop` final bytes of the term and appending
/// `tail_len` bytes; false when the pair does not fit (then the term shows itself).
inline bool encode_display(uint32_t drop, uint32_t tail_len, uint8_t* code) {
  if (drop > kMaxDisplayDrop || tail_len > kMaxDisplayTail || (drop == 0 && tail_len == 0)) return false;
  *code = static_cast<uint8_t>(drop << kDisplayTailBits | tail_len);
  return true;
}
inline void decode_display(uint8_t code, uint8_t* drop, uint8_t* tail_len) {
  *drop = static_cast<uint8_t>(code >> kDisplayTailBits);
  *tail_len = static_cast<uint8_t>(code & kMaxDisplayTail);
}

// Surface forms, index format 4 (see the grammar).
constexpr uint32_t kMaxFormsPerBlock = 4 * kTermsPerBlock;
constexpr unsigned kFormTailBits = 3;
constexpr unsigned kFormDropBits = 5;
constexpr uint32_t kMaxFormTail = (1u << kFormTailBits) - 1;
constexpr uint32_t kMaxFormDrop = (1u << kFormDropBits) - 1;
/// The code byte saying that u8 drop, u8 tail_len follow (all bits set: it would
/// mean drop kMaxFormDrop with tail kMaxFormTail, which then takes the escape).
constexpr uint8_t kFormTermEscape = 0xFF;
/// Bytes of a form's term code at most (the escape and its two bytes).
constexpr unsigned kMaxFormTermCodeBytes = 3;
static_assert(kFormTailBits + kFormDropBits == 8, "the form's term code is one byte");
static_assert(kFormTermEscape == (kMaxFormDrop << kFormTailBits | kMaxFormTail), "the escape is the all-ones code");

/// Writes the code for a form whose term drops `drop` final bytes of the form and
/// appends `tail_len` bytes (each <= 255: forms and terms are at most
/// text::kMaxTermBytes) to out; returns its length: 1, or kMaxFormTermCodeBytes
/// with the escape.
inline unsigned encode_form_term(uint32_t drop, uint32_t tail_len, uint8_t out[kMaxFormTermCodeBytes]) {
  const uint8_t code = static_cast<uint8_t>(drop << kFormTailBits | tail_len);
  if (drop <= kMaxFormDrop && tail_len <= kMaxFormTail && code != kFormTermEscape) {
    out[0] = code;
    return 1;
  }
  out[0] = kFormTermEscape;
  out[1] = static_cast<uint8_t>(drop);
  out[2] = static_cast<uint8_t>(tail_len);
  return kMaxFormTermCodeBytes;
}
/// Reads a code written by encode_form_term(); false when it is cut short. The
/// caller checks the lengths against the form and text::kMaxTermBytes.
inline bool decode_form_term(ByteReader& in, uint32_t* drop, uint32_t* tail_len) {
  const uint8_t code = in.byte();
  if (code != kFormTermEscape) {
    *drop = code >> kFormTailBits;
    *tail_len = code & kMaxFormTail;
  } else {
    *drop = in.byte();
    *tail_len = in.byte();
  }
  return !in.bad();
}

/// The cut hash of dictionary and form blocks (format 4), part of the grammar and
/// fixed forever: FNV-1a-32 over the term's or form's bytes (offset basis
/// 2166136261, prime 16777619), then h ^ (h >> 16), as FNV's low bits depend only on
/// the bytes' low bits.
inline uint32_t block_cut_hash(const char* bytes, uint32_t length) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < length; ++i) {
    h ^= static_cast<uint8_t>(bytes[i]);
    h *= 16777619u;
  }
  return h ^ (h >> 16);
}
/// Whether a format-4 dictionary block ends after this term (or at kMaxTermsPerBlock).
inline bool term_block_ends_after(const char* bytes, uint32_t length) {
  return block_cut_hash(bytes, length) % kTermsPerBlock == 0;
}
/// Whether a form block (index format 4) ends after `form`, its forms_in_block-th form.
inline bool form_block_ends_after(const char* form, size_t length, uint32_t forms_in_block) {
  return block_cut_hash(form, static_cast<uint32_t>(length)) % kTermsPerBlock == 0 ||
         forms_in_block >= kMaxFormsPerBlock;
}

/// A term ordinal relative to the previous form's: zigzag (0, -1, 1, -2, ... as
/// 0, 1, 2, 3, ...), so that nearby ordinals in either direction take one byte.
inline uint32_t encode_ordinal_delta(uint32_t previous, uint32_t ordinal) {
  const uint32_t diff = ordinal - previous;  // modulo 2^32
  return (diff << 1) ^ (0u - (diff >> 31));
}
inline uint32_t decode_ordinal_delta(uint32_t previous, uint32_t code) {
  return previous + ((code >> 1) ^ (0u - (code & 1u)));
}

}  // namespace corpus::search
