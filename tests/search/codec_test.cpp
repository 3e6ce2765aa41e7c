// The index codecs bit for bit (search/bits.hpp, search/index_format.hpp): every
// field round-trips at its extremes through the compiler's BitWriter and the
// runtime's BitReader; codes are checked against hand-written bit patterns; the
// decoders refuse what the encoders never write.
#include <catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/search/index_format.hpp"
#include "index/bit_writer.hpp"
#include "index/postings_writer.hpp"

using namespace corpus::search;
using corpusc::BitWriter;

namespace {

// The bits of a writer as a string of '0'/'1', first bit first.
std::string bit_string(const BitWriter& w) {
  std::string s;
  for (uint64_t i = 0; i < w.bits(); ++i) s += (w.bytes()[i >> 3] >> (i & 7)) & 1u ? '1' : '0';
  return s;
}

BitReader reader_of(const BitWriter& w, uint64_t bit = 0) {
  return BitReader(w.bytes().data(), w.bytes().size(), bit);
}

}  // namespace

TEST_CASE("rice codes are the documented bit patterns") {
  BitWriter w;
  w.rice(5, 1);  // q = 2: "11", "0", low bit "1"
  CHECK(bit_string(w) == "1101");
  BitWriter z;
  z.rice(0, 0);
  CHECK(bit_string(z) == "0");
  BitWriter e;  // q = 24 >= kRiceEscape: 24 ones, then the value in 32 plain bits
  e.rice(kRiceEscape, 0);
  CHECK(bit_string(e) == std::string(kRiceEscape, '1') + "00011" + std::string(27, '0'));
  BitWriter last;  // q = 23: the longest code without the escape
  last.rice(kRiceEscape - 1, 0);
  CHECK(bit_string(last) == std::string(kRiceEscape - 1, '1') + "0");
}

TEST_CASE("rice round trips at every k and its extremes, escape included") {
  for (unsigned k = 0; k <= kMaxRiceK; ++k) {
    const uint64_t unit = uint64_t{1} << k;
    std::vector<uint64_t> values = {0, 1, unit - 1, unit, kRiceEscape * unit - 1, kRiceEscape * unit,
                                    UINT32_MAX};
    for (uint64_t v64 : values) {
      if (v64 > UINT32_MAX) continue;
      const uint32_t v = static_cast<uint32_t>(v64);
      INFO("k " << k << " v " << v);
      BitWriter w;
      w.rice(v, k);
      CHECK(w.bits() == rice_code_bits(v, k));
      CHECK(w.bits() == ((v >> k) >= kRiceEscape ? kRiceEscape + kRiceEscapeBits : (v >> k) + 1 + k));
      w.write(0, 32);  // 64 bits of padding (write() takes at most 32): the fast path sees a full window
      w.write(0, 32);
      BitReader fast = reader_of(w);
      CHECK(fast.rice(k) == v);
      BitWriter tight;  // no padding: the slow path, reading to the last bit
      tight.rice(v, k);
      BitReader slow(tight.bytes().data(), tight.bytes().size(), 0);
      CHECK(slow.rice(k) == v);
      CHECK_FALSE(slow.bad());
    }
  }
}

TEST_CASE("the 57-bit fast-path edge: every offset of a window, both paths agree") {
  // The longest code without the escape: q = 23 one-bits with the largest k that
  // still leaves room for them in 32 bits (k = 27): 51 bits, within the 57 a 64-bit
  // window holds at any offset. Put it at each bit offset with exactly 64 bits left
  // (fast path) and 63 (slow path).
  unsigned longest_k = 0;
  uint64_t longest = 0;
  for (unsigned k = 0; k <= kMaxRiceK; ++k) {
    const uint64_t q = std::min<uint64_t>(kRiceEscape - 1, UINT32_MAX >> k);
    const uint32_t v = static_cast<uint32_t>(q << k);
    if (rice_code_bits(v, k) > longest) {
      longest = rice_code_bits(v, k);
      longest_k = k;
    }
  }
  REQUIRE(longest == 51);
  REQUIRE(longest <= kRiceFastPathBits);
  const uint32_t v = ((kRiceEscape - 1) << longest_k) | 0x05A5A5A5u;
  for (unsigned offset = 0; offset < 8; ++offset) {
    for (unsigned left : {64u, 63u}) {
      INFO("offset " << offset << " left " << left);
      BitWriter w;
      w.write(0x7F, offset);
      w.rice(v, longest_k);
      REQUIRE(w.bits() == offset + longest);
      w.write(0, left - static_cast<unsigned>(longest));
      REQUIRE(w.bits() == offset + left);
      BitReader r(w.bytes().data(), w.bytes().size(), offset);
      CHECK(r.rice(longest_k) == v);
      CHECK(r.position() == offset + longest);
    }
  }
}

TEST_CASE("a truncated or out-of-range code fails instead of reading past the end") {
  BitWriter w;
  w.rice(1000, 0);  // escape: 56 bits
  BitReader r(w.bytes().data(), 4, 0);  // only 32 bits present
  r.rice(0);
  CHECK(r.bad());
  BitReader k(w.bytes().data(), w.bytes().size(), 0);
  k.rice(kMaxRiceK + 1);
  CHECK(k.bad());
}

TEST_CASE("skip table fields round-trip at their extremes") {
  for (unsigned width : {0u, 1u, kMaxSkipWidth}) {
    const uint8_t w8 = static_cast<uint8_t>(width);
    SkipWidths widths{w8, w8, w8};
    const uint32_t top = width == 0 ? 0u : static_cast<uint32_t>((uint64_t{1} << width) - 1);
    const SkipEntry entries[2] = {{top, 0, top, 255}, {0, top, 0, 0}};
    BitWriter w;
    encode_skip_widths(w, widths);
    for (const SkipEntry& e : entries) encode_skip_entry(w, widths, e);
    CHECK(w.bits() == SkipWidths::header_bits() + 2 * widths.entry_bits());
    BitReader r = reader_of(w);
    SkipWidths got;
    REQUIRE(decode_skip_widths(r, &got));
    CHECK((got.doc == width && got.bit == width && got.pos == width));
    for (uint32_t b = 0; b < 2; ++b) {
      const uint64_t at = SkipWidths::header_bits();
      CHECK(decode_skip_field(r, got, at, b, SkipField::last_doc) == entries[b].last_doc);
      CHECK(decode_skip_field(r, got, at, b, SkipField::doc_bit) == entries[b].doc_bit);
      CHECK(decode_skip_field(r, got, at, b, SkipField::pos_bit) == entries[b].pos_bit);
      CHECK(decode_skip_field(r, got, at, b, SkipField::max_tfn) == entries[b].max_tfn);
    }
  }
}

TEST_CASE("block headers and positions' k round-trip; the reader refuses k beyond the limits") {
  for (unsigned k_gap : {0u, kMaxGapK}) {
    for (unsigned k_tf : {0u, kMaxTfK}) {
      for (uint32_t titles : {0u, 1u, 1000u, UINT32_MAX}) {
        BlockHeader h{k_gap, k_tf, titles};
        BitWriter w;
        encode_block_header(w, h);
        encode_doc(w, h, UINT32_MAX, 0);
        encode_title_gap(w, 7);
        BitReader r = reader_of(w);
        BlockHeader got;
        REQUIRE(decode_block_header(r, &got));
        CHECK((got.k_gap == k_gap && got.k_tf == k_tf && got.title_count == titles));
        uint32_t gap = 0, tf = 1;
        decode_doc(r, got, &gap, &tf);
        CHECK((gap == UINT32_MAX && tf == 0));
        CHECK(decode_title_gap(r) == 7);
        CHECK_FALSE(r.bad());
        CHECK(r.position() == w.bits());
      }
    }
  }
  BitWriter over;  // k_gap = kMaxGapK + 1 fits the field but no writer emits it
  over.write(kMaxGapK + 1, kGapKBits);
  over.write(0, kTfKBits);
  over.rice(0, kTitleCountK);
  BitReader r = reader_of(over);
  BlockHeader h;
  CHECK_FALSE(decode_block_header(r, &h));

  for (unsigned k : {0u, kMaxPosK}) {
    BitWriter w;
    encode_positions_k(w, k);
    BitReader pr = reader_of(w);
    unsigned got = 99;
    CHECK(decode_positions_k(pr, &got));
    CHECK(got == k);
  }
  BitWriter pos_over;
  pos_over.write(kMaxPosK + 1, kPosKBits);
  BitReader pr = reader_of(pos_over);
  unsigned got = 0;
  CHECK_FALSE(decode_positions_k(pr, &got));
}

TEST_CASE("display byte: every drop and tail length, and the ones that do not fit") {
  for (uint32_t drop = 0; drop <= kMaxDisplayDrop; ++drop) {
    for (uint32_t tail = 0; tail <= kMaxDisplayTail; ++tail) {
      uint8_t code = 0;
      const bool fits = encode_display(drop, tail, &code);
      CHECK(fits == (drop + tail > 0));
      if (!fits) continue;
      CHECK(code == (drop << kDisplayTailBits | tail));
      uint8_t d = 0, t = 0;
      decode_display(code, &d, &t);
      CHECK((d == drop && t == tail));
    }
  }
  uint8_t code = 0;
  CHECK_FALSE(encode_display(kMaxDisplayDrop + 1, 0, &code));
  CHECK_FALSE(encode_display(0, kMaxDisplayTail + 1, &code));
}

TEST_CASE("varints: LEB128 bytes at the boundaries; over-long ones fail") {
  const std::vector<std::pair<uint32_t, std::vector<uint8_t>>> cases = {
      {0, {0x00}}, {127, {0x7F}}, {128, {0x80, 0x01}}, {UINT32_MAX, {0xFF, 0xFF, 0xFF, 0xFF, 0x0F}}};
  for (const auto& [v, bytes] : cases) {
    std::vector<uint8_t> out;
    encode_varint(out, v);
    CHECK(out == bytes);
    ByteReader r(out.data(), static_cast<uint32_t>(out.size()), 0);
    CHECK(r.varint() == v);
    CHECK_FALSE(r.bad());
  }
  const uint8_t too_long[6] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  ByteReader r(too_long, 6, 0);
  r.varint();
  CHECK(r.bad());
}

namespace {

// A term in documents 0, 2, 4, ... (n of them): tf = 1 + d % 3, title in every fifth.
std::vector<corpusc::TermPosting> postings_of(uint32_t n, std::vector<uint32_t>* positions) {
  std::vector<corpusc::TermPosting> out;
  for (uint32_t i = 0; i < n; ++i) {
    corpusc::TermPosting p;
    p.doc = 2 * i;
    p.tf = 1 + i % 3;
    p.title_tf = i % 5 == 0 ? 1 : 0;
    p.ftf = p.tf + 2 * p.title_tf;
    p.norm_k = 300;
    for (uint32_t t = 0; t < p.tf; ++t) positions->push_back(p.title_tf ? t : 10 + 3 * t);
    out.push_back(p);
  }
  return out;
}

// Decodes one block with the codec functions; returns the docs seen.
std::vector<uint32_t> decode_block(BitReader& docs, BitReader& pos, uint32_t n, uint32_t prev_doc_plus1) {
  BlockHeader h;
  REQUIRE(decode_block_header(docs, &h));
  uint32_t titles = 0;
  for (uint32_t i = 0; i < h.title_count; ++i, ++titles) decode_title_gap(docs);
  unsigned k_pos = 0;
  REQUIRE(decode_positions_k(pos, &k_pos));
  std::vector<uint32_t> got;
  uint32_t next = prev_doc_plus1;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t gap = 0, tf_minus1 = 0;
    decode_doc(docs, h, &gap, &tf_minus1);
    got.push_back(next + gap);
    next += gap + 1;
    CHECK(tf_minus1 == i % 3);
  }
  CHECK(titles == (n + 4) / 5);
  return got;
}

}  // namespace

TEST_CASE("a postings list of exactly one block (128 documents) has no skip table") {
  std::vector<uint32_t> positions;
  auto postings = postings_of(kPostingsPerBlock, &positions);
  corpusc::EncodedPostings enc = corpusc::encode_postings(postings, positions);
  BitReader docs(enc.docs.data(), enc.docs.size(), 0);
  BitReader pos(enc.positions.data(), enc.positions.size(), 0);
  auto got = decode_block(docs, pos, kPostingsPerBlock, 0);
  REQUIRE(got.size() == kPostingsPerBlock);
  CHECK(got.back() == 2 * (kPostingsPerBlock - 1));
  CHECK(enc.docs.size() == (docs.position() + 7) / 8);  // nothing else in the stream
}

TEST_CASE("129 documents cut after the 128th: a ranged skip table of two entries, then both blocks") {
  std::vector<uint32_t> positions;
  const uint32_t n = kPostingsPerBlock + 1;
  auto postings = postings_of(n, &positions);
  postings[kPostingsPerBlock - 1].ends_block = true;
  corpusc::EncodedPostings enc = corpusc::encode_postings(postings, positions);
  BitReader docs(enc.docs.data(), enc.docs.size(), 0);
  SkipWidths w;
  REQUIRE(decode_ranged_skip_header(docs, &w));
  CHECK(w.blocks == 2);
  CHECK(w.count == corpusc::bit_width(kMaxPostingsPerBlock - 1));
  // Widths grow in 4-bit steps (postings_writer.cpp: editions keep long terms' skip tables).
  CHECK(w.doc == (corpusc::bit_width(2 * (n - 1)) + 3) / 4 * 4);
  const uint64_t entries = SkipWidths::ranged_header_bits();
  const uint64_t base = (entries + 2 * uint64_t{w.entry_bits()} + 7) / 8 * 8;  // blocks start on a byte
  CHECK(blocks_start_bit(w, 2, true, true) == base);
  CHECK(decode_skip_field(docs, w, entries, 0, SkipField::last_doc) == 2 * (kPostingsPerBlock - 1));
  CHECK(decode_skip_field(docs, w, entries, 1, SkipField::last_doc) == 2 * (n - 1));
  CHECK(decode_skip_field(docs, w, entries, 0, SkipField::count_minus1) == kPostingsPerBlock - 1);
  CHECK(decode_skip_field(docs, w, entries, 1, SkipField::count_minus1) == 0);
  CHECK(decode_skip_field(docs, w, entries, 0, SkipField::doc_bit) == 0);
  CHECK(decode_skip_field(docs, w, entries, 0, SkipField::pos_bit) == 0);
  docs.seek(entries + 2 * uint64_t{w.entry_bits()});
  REQUIRE(decode_padding(docs));
  CHECK(docs.position() == base);
  BitReader pos(enc.positions.data(), enc.positions.size(), 0);
  auto first = decode_block(docs, pos, kPostingsPerBlock, 0);
  REQUIRE(decode_padding(docs));
  CHECK(docs.position() % 8 == 0);
  CHECK(docs.position() - base == decode_skip_field(docs, w, entries, 1, SkipField::doc_bit));
  // Skip past the first block's positions to where entry 1 says the second starts (a byte).
  CHECK(decode_skip_field(docs, w, entries, 1, SkipField::pos_bit) % 8 == 0);
  pos.seek(decode_skip_field(docs, w, entries, 1, SkipField::pos_bit));
  BlockHeader h;
  REQUIRE(decode_block_header(docs, &h));
  CHECK(h.title_count == 0);  // document 128 (i = 128): 128 % 5 != 0
  uint32_t gap = 0, tf_minus1 = 0;
  decode_doc(docs, h, &gap, &tf_minus1);
  CHECK(first.back() + 1 + gap == 2 * (n - 1));
  CHECK(tf_minus1 == (n - 1) % 3);
  unsigned k_pos = 0;
  REQUIRE(decode_positions_k(pos, &k_pos));
  CHECK(pos.rice(k_pos) == 10);  // its first position
}

namespace {

// Block sizes of an encoded term of more than kPostingsPerBlock documents.
std::vector<uint32_t> block_sizes(const corpusc::EncodedPostings& enc) {
  BitReader docs(enc.docs.data(), enc.docs.size(), 0);
  SkipWidths w;
  REQUIRE(decode_ranged_skip_header(docs, &w));
  std::vector<uint32_t> sizes;
  for (uint32_t b = 0; b < w.blocks; ++b) {
    sizes.push_back(decode_skip_field(docs, w, SkipWidths::ranged_header_bits(), b, SkipField::count_minus1) + 1);
  }
  return sizes;
}

}  // namespace

TEST_CASE("ranged blocks end after the marked documents or at kMaxPostingsPerBlock") {
  std::vector<uint32_t> positions;
  auto postings = postings_of(2 * kMaxPostingsPerBlock + 10, &positions);
  postings[9].ends_block = true;
  postings[300].ends_block = true;
  CHECK(block_sizes(corpusc::encode_postings(postings, positions)) ==
        std::vector<uint32_t>{10, 291, kMaxPostingsPerBlock, 2 * kMaxPostingsPerBlock + 10 - 301 - kMaxPostingsPerBlock});
  // Taking out a document of the second block leaves the other blocks' members alone.
  std::vector<uint32_t> fewer_positions;
  auto fewer = postings_of(2 * kMaxPostingsPerBlock + 10, &fewer_positions);
  fewer[9].ends_block = fewer[300].ends_block = true;
  uint32_t at = 0;
  for (uint32_t i = 0; i < 100; ++i) at += fewer[i].tf;
  fewer_positions.erase(fewer_positions.begin() + at, fewer_positions.begin() + at + fewer[100].tf);
  fewer.erase(fewer.begin() + 100);
  CHECK(block_sizes(corpusc::encode_postings(fewer, fewer_positions)) ==
        std::vector<uint32_t>{10, 290, kMaxPostingsPerBlock, 2 * kMaxPostingsPerBlock + 10 - 301 - kMaxPostingsPerBlock});
  // At most kPostingsPerBlock documents: one block, no skip table, whatever is marked.
  std::vector<uint32_t> short_positions;
  auto short_list = postings_of(kPostingsPerBlock, &short_positions);
  short_list[3].ends_block = true;
  corpusc::EncodedPostings one = corpusc::encode_postings(short_list, short_positions);
  BitReader docs(one.docs.data(), one.docs.size(), 0);
  BitReader pos(one.positions.data(), one.positions.size(), 0);
  CHECK(decode_block(docs, pos, kPostingsPerBlock, 0).size() == kPostingsPerBlock);
}
