#include "index/postings_writer.hpp"

#include <algorithm>
#include <stdexcept>

#include "corpus/search/bm25.hpp"
#include "corpus/search/index_format.hpp"
#include "index/bit_writer.hpp"

namespace corpusc {

namespace cs = corpus::search;

namespace {

struct EncodedBlock {
  BitWriter docs, positions;
  uint32_t last_doc = 0, count = 0;
  uint8_t max_tfn = 0;
};

EncodedBlock encode_block(const TermPosting* p, size_t n, uint32_t prev_doc_plus1,
                          const uint32_t* pos) {
  EncodedBlock b;
  std::vector<uint32_t> gaps, tfs, title, pos_values;
  uint32_t prev = prev_doc_plus1;  // previous doc + 1 (0 before the first)
  for (size_t i = 0; i < n; ++i) {
    gaps.push_back(p[i].doc - prev);
    prev = p[i].doc + 1;
    tfs.push_back(p[i].tf - 1);
    uint32_t tfn = cs::tf_norm(p[i].ftf, p[i].norm_k);
    uint8_t q = cs::tf_norm_quantize(tfn);
    if (q > b.max_tfn) b.max_tfn = q;
  }
  b.last_doc = p[n - 1].doc;
  b.count = static_cast<uint32_t>(n);
  cs::BlockHeader h;
  h.k_gap = BitWriter::best_rice_k(gaps, cs::kMaxGapK);
  h.k_tf = BitWriter::best_rice_k(tfs, cs::kMaxTfK);
  for (size_t i = 0; i < n; ++i) h.title_count += p[i].title_tf;
  cs::encode_block_header(b.docs, h);
  uint32_t last_title = 0;
  bool first_title = true;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t = 0; t < p[i].title_tf; ++t) {
      cs::encode_title_gap(b.docs, first_title ? static_cast<uint32_t>(i) : static_cast<uint32_t>(i) - last_title);
      first_title = false;
      last_title = static_cast<uint32_t>(i);
    }
  }
  for (size_t i = 0; i < n; ++i) cs::encode_doc(b.docs, h, gaps[i], tfs[i]);
  cs::encode_padding(b.docs, b.docs.bits());
  // Positions: first absolute, then gaps - 1; one k for the block.
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t = 0; t < p[i].tf; ++t) {
      pos_values.push_back(t == 0 ? pos[t] : pos[t] - pos[t - 1] - 1);
    }
    pos += p[i].tf;
  }
  const unsigned k_pos = BitWriter::best_rice_k(pos_values, cs::kMaxPosK);
  cs::encode_positions_k(b.positions, k_pos);
  for (uint32_t v : pos_values) b.positions.rice(v, k_pos);
  cs::encode_padding(b.positions, b.positions.bits());
  return b;
}

// Skip-table field widths rounded up to a multiple of kSkipWidthStep bits: a width
// that follows N bit by bit (doc ids crossing 2048, say) would resize the whole skip
// table of every long term, and shift all its blocks' bits, whenever one document is
// added. Rounded, an edition (--base) keeps those bytes (README "Updates"); costs
// at most 3 bits per field per block of the multi-block terms.
constexpr unsigned kSkipWidthStep = 4;

unsigned stable_width(uint64_t v) {
  const unsigned w = (bit_width(v) + kSkipWidthStep - 1) / kSkipWidthStep * kSkipWidthStep;
  return std::min(w, std::max(bit_width(v), cs::kMaxSkipWidth));
}

// Ranged blocks (index_format.hpp): documents in the block starting at `start`.
size_t ranged_block_size(const std::vector<TermPosting>& postings, size_t start) {
  if (postings.size() <= cs::kPostingsPerBlock) return postings.size();
  size_t n = 0;
  while (start + n < postings.size() && n < cs::kMaxPostingsPerBlock) {
    if (postings[start + n++].ends_block) break;
  }
  return n;
}

}  // namespace

EncodedPostings encode_postings(const std::vector<TermPosting>& postings,
                                const std::vector<uint32_t>& positions) {
  EncodedPostings out;
  if (postings.empty()) throw std::logic_error("encode_postings: a term without postings");
  std::vector<EncodedBlock> blocks;
  const uint32_t* pos = positions.data();
  uint32_t prev = 0;
  for (size_t start = 0, n = 0; start < postings.size(); start += n) {
    n = ranged_block_size(postings, start);
    blocks.push_back(encode_block(&postings[start], n, prev, pos));
    for (size_t i = start; i < start + n; ++i) pos += postings[i].tf;
    prev = blocks.back().last_doc + 1;
    if (blocks.back().max_tfn > out.max_tfn) out.max_tfn = blocks.back().max_tfn;
  }
  BitWriter docs, pos_out;
  if (postings.size() > cs::kPostingsPerBlock) {
    uint64_t doc_bits = 0, pos_bits = 0, max_doc_bit = 0, max_pos_bit = 0;
    for (const EncodedBlock& b : blocks) {
      max_doc_bit = doc_bits;
      max_pos_bit = pos_bits;
      doc_bits += b.docs.bits();
      pos_bits += b.positions.bits();
    }
    cs::SkipWidths w;
    const unsigned doc_w = stable_width(blocks.back().last_doc), bit_w = stable_width(max_doc_bit),
                   pos_w = stable_width(max_pos_bit);
    if (doc_w > cs::kMaxSkipWidth || bit_w > cs::kMaxSkipWidth || pos_w > cs::kMaxSkipWidth) {
      throw std::length_error("search index: one term's postings exceed 2^31 bits");
    }
    w.doc = static_cast<uint8_t>(doc_w);
    w.bit = static_cast<uint8_t>(bit_w);
    w.pos = static_cast<uint8_t>(pos_w);
    w.count = static_cast<uint8_t>(bit_width(cs::kMaxPostingsPerBlock - 1));  // fixed: blocks keep their bytes
    w.blocks = static_cast<uint32_t>(blocks.size());
    cs::encode_ranged_skip_header(docs, w);
    doc_bits = pos_bits = 0;
    for (const EncodedBlock& b : blocks) {
      cs::SkipEntry e;
      e.last_doc = b.last_doc;
      e.doc_bit = static_cast<uint32_t>(doc_bits);
      e.pos_bit = static_cast<uint32_t>(pos_bits);
      e.max_tfn = b.max_tfn;
      e.count_minus1 = b.count - 1;
      cs::encode_skip_entry(docs, w, e);
      doc_bits += b.docs.bits();
      pos_bits += b.positions.bits();
    }
    cs::encode_padding(docs, docs.bits());
  }
  for (const EncodedBlock& b : blocks) {
    docs.append(b.docs);
    pos_out.append(b.positions);
  }
  out.docs = docs.bytes();
  out.positions = pos_out.bytes();
  return out;
}

}  // namespace corpusc
