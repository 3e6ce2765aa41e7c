// verify() walks the search index: a byte flipped inside index.postings, with the
// section checksum and the seal recomputed (as a careless or hostile rewrite would
// leave it), passes every check verify() made before the index walk and fails the
// new one. Index::open refuses newer index layouts and unknown tokenizer bits.
#include <catch.hpp>

#include <string>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/section_checksums.hpp"
#include "corpus/verify.hpp"
#include "reseal.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
using corpus_test::reseal;
namespace cs = corpus::search;

namespace {

// verify() as it was before it walked the index: seal, sections, references, frames.
VerifyReport verify_without_index(const corpus_test::AlignedBytes& b, std::vector<uint64_t>& ws) {
  Blob blob;
  if (Blob::open(b.data(), b.size, &blob) != Status::ok) return {Status::malformed, "open", kNone};
  VerifyReport rep = detail::verify_checksums(blob);
  if (rep.status == Status::ok) rep = detail::verify_articles(blob);
  if (rep.status == Status::ok) rep = detail::verify_extras(blob);
  if (rep.status == Status::ok) rep = detail::verify_frames(blob, ws.data(), ws.size() * 8);
  return rep;
}

// Offset of the index's postings bytes in the blob, and their size.
std::pair<size_t, size_t> postings_span(const corpus_test::AlignedBytes& b) {
  const fb::Corpus* c = fb::GetCorpus(b.data());
  const auto* p = c->index()->postings();
  return {static_cast<size_t>(p->Data() - b.data()), p->size()};
}

}  // namespace

TEST_CASE("a postings byte flipped and resealed: old checks pass it, verify() fails it") {
  corpus_test::Compiled c;
  corpus_test::compile({std::string(CORPUS_SOURCE_DIR) + "/examples/corpus"}, corpusc::BuildSettings(), c);
  std::vector<uint64_t> ws(workspace_bytes(c.blob.max_frame_raw()) / 8 + 1);
  REQUIRE(verify(c.bytes.data(), c.bytes.size, ws.data(), ws.size() * 8).status == Status::ok);

  const auto [at, size] = postings_span(c.bytes);
  REQUIRE(size > 16);
  uint32_t caught = 0;
  for (size_t i = 0; i < size; ++i) {
    corpus_test::AlignedBytes bad = c.bytes;
    bad.data()[at + i] ^= 0x01;  // the lowest bit: the smallest change a byte can take
    reseal(bad);
    INFO("postings byte " << i);
    REQUIRE(verify_without_index(bad, ws).status == Status::ok);
    VerifyReport rep = verify(bad.data(), bad.size, ws.data(), ws.size() * 8);
    if (i == 0) {  // the first term's first block header: always caught
      CHECK(rep.status == Status::malformed);
      CHECK(std::string(rep.section) == "index: postings");
      CHECK(rep.item == 0);
    }
    if (rep.status != Status::ok) ++caught;
  }
  // Not every bit is checkable (a position's low bit is just another position, and
  // the last byte of a stream has padding bits), but nearly every flip changes a gap, a tf,
  // a Rice parameter or a title entry that the walk sees.
  INFO("caught " << caught << " of " << size);
  CHECK(caught * 10 > size * 9);  // 1,040 of 1,094 bytes when written
}

namespace {

// Bit (from the start of index.postings) where the padding of a single-block term's
// docs stream begins, for the first such term whose block does not end on a byte.
uint64_t first_padding_bit(const Blob& blob) {
  cs::Index index;
  REQUIRE(cs::Index::open(blob, &index) == Status::ok);
  cs::TermIterator it(index);
  REQUIRE(it.rewind() == Status::ok);
  for (Status s = Status::ok; s == Status::ok && !it.at_end(); s = it.next()) {
    const cs::TermEntry& e = it.entry();
    if (e.df > cs::kPostingsPerBlock) continue;
    cs::BitReader docs(index.postings() + e.doc_offset, e.doc_bytes, 0);
    cs::BlockHeader h;
    REQUIRE(cs::decode_block_header(docs, &h));
    for (uint32_t i = 0; i < h.title_count; ++i) cs::decode_title_gap(docs);
    for (uint32_t i = 0; i < e.df; ++i) {
      uint32_t gap = 0, tf_minus1 = 0;
      cs::decode_doc(docs, h, &gap, &tf_minus1);
    }
    REQUIRE_FALSE(docs.bad());
    if (docs.position() % 8 != 0) return uint64_t{e.doc_offset} * 8 + docs.position();
  }
  FAIL("no block ends inside a byte");
  return 0;
}

}  // namespace

TEST_CASE("index format 3: a padding bit set after a block, resealed, fails verify()") {
  corpus_test::Compiled c;
  corpus_test::compile({std::string(CORPUS_SOURCE_DIR) + "/examples/corpus"}, corpusc::BuildSettings(), c);
  std::vector<uint64_t> ws(workspace_bytes(c.blob.max_frame_raw()) / 8 + 1);
  REQUIRE(fb::GetCorpus(c.bytes.data())->index()->format_version() >= cs::kIndexFormatV3);
  const uint64_t bit = first_padding_bit(c.blob);
  CHECK(verify(c.bytes.data(), c.bytes.size, ws.data(), ws.size() * 8).status == Status::ok);
  corpus_test::AlignedBytes bad = c.bytes;
  bad.data()[postings_span(c.bytes).first + bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
  reseal(bad);
  REQUIRE(verify_without_index(bad, ws).status == Status::ok);
  const VerifyReport rep = verify(bad.data(), bad.size, ws.data(), ws.size() * 8);
  CHECK(rep.status == Status::malformed);
  CHECK(std::string(rep.section) == "index: postings");
}

namespace {

// A minimal SearchIndex table with the given tokenizer bits and format version.
Status open_index_with(uint32_t tokenizer, uint32_t format_version) {
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<uint32_t> norm_k(cs::kNormCodes, 256);
  auto v_norm_k = fbb.CreateVector(norm_k);
  auto v_norms = fbb.CreateVector(std::vector<uint8_t>{1});
  auto v_titles = fbb.CreateVector(std::vector<uint8_t>{0});
  auto v_blocks = fbb.CreateVector(std::vector<uint32_t>{});
  auto v_bytes = fbb.CreateVector(std::vector<uint8_t>{});
  fb::SearchIndexBuilder b(fbb);
  b.add_tokenizer(tokenizer);
  b.add_doc_count(1);
  b.add_title_weight(1);
  b.add_norm_k(v_norm_k);
  b.add_doc_norms(v_norms);
  b.add_doc_title_tokens(v_titles);
  b.add_term_blocks(v_blocks);
  b.add_terms(v_bytes);
  b.add_postings(v_bytes);
  b.add_positions(v_bytes);
  b.add_format_version(format_version);
  fbb.Finish(b.Finish());
  cs::Index index;
  return cs::Index::open(*flatbuffers::GetRoot<fb::SearchIndex>(fbb.GetBufferPointer()), &index);
}

}  // namespace

TEST_CASE("Index::open refuses unknown tokenizer bits and newer index formats") {
  const uint32_t known = text::TokenizerOptions::kKnownBits;
  CHECK(open_index_with(known, cs::kIndexFormatVersion) == Status::ok);
  CHECK(open_index_with(0, cs::kIndexFormatV1) == Status::ok);
  CHECK(open_index_with(known + 1, cs::kIndexFormatVersion) == Status::bad_version);
  CHECK(open_index_with(1u << 31, cs::kIndexFormatVersion) == Status::bad_version);
  CHECK(open_index_with(known, cs::kIndexFormatVersion + 1) == Status::bad_version);
  CHECK(open_index_with(known, 0) == Status::bad_version);
}
