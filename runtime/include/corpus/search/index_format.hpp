// Byte layout of the SearchIndex sections (schemas/corpus.fbs). The compiler's
// compiler/index/ writes exactly this; the readers in this folder decode it.
// Bit streams follow bits.hpp (LSB-first, Rice codes with escape, LEB128 varints).
//
// Documents. A document is an article (doc id = article index). Positions: the
// title's tokens are 0 .. T-1 and the body's start at T + 1, T = doc_title_tokens[d]
// (titles are indexed up to kMaxTitleTokens tokens), so no phrase spans both.
// Only tokens outside the builder's excluded byte ranges get postings; a token's
// position still counts them, so no phrase spans excluded text either.
//
// Term dictionary (`terms`, `term_blocks`). Terms (tokenizer output, bytes) are
// sorted bytewise and cut into blocks of kTermsPerBlock; term_blocks[i] is the byte
// offset of block i. A block is:
//   varint doc_offset, varint pos_offset   (of the block's first term, in bytes)
//   per term:  [u8 shared]  u8 suffix_len  suffix bytes     (shared omitted for the
//              varint df, varint doc_bytes, varint pos_bytes   first term: it is 0)
//              u8 max_tfn  (tf_norm_quantize of the term's largest tf_norm)
//              u8 display  (drop << 5 | tail_len), tail bytes: the term's most
//                          frequent surface form is term minus `drop` final bytes
//                          plus `tail` (0: the term itself)
// A term's postings are postings[doc_offset, +doc_bytes) and its positions
// positions[pos_offset, +pos_bytes); offsets of later terms in a block are the
// first's plus the preceding sizes.
//
// Postings of one term (df documents, in blocks of kPostingsPerBlock):
//   if more than one block, a skip table first:
//     5 bits w_doc, 5 bits w_bit, 5 bits w_pos, then per block, fixed width:
//     last_doc (w_doc bits), doc_bit (w_bit), pos_bit (w_pos), max_tfn (8 bits)
//     doc_bit/pos_bit: where the block starts, in bits, counted from the end of the
//     skip table (postings) and from the term's first position bit (positions).
//   each block:
//     5 bits k_gap, 4 bits k_tf, rice(1) title_count, then title_count title
//     entries (rice(2) of index gaps within the block: an index repeats once per
//     title occurrence), then per document: rice(k_gap) doc gap - 1 (from the
//     previous block's last doc, or from -1), rice(k_tf) tf - 1.
//     tf counts title + body occurrences; ftf = tf + (title_weight - 1) * title.
// Positions of one block: 5 bits k_pos, then per document its tf positions:
//   rice(k_pos) of the first, then rice(k_pos) of each gap - 1.
#pragma once

#include <cstdint>

namespace corpus::search {

constexpr uint32_t kTermsPerBlock = 16;
constexpr uint32_t kPostingsPerBlock = 128;
constexpr uint32_t kMaxTitleTokens = 255;

}  // namespace corpus::search
