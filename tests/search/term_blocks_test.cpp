// Index format 4's dictionary (index_format.hpp): blocks cut by a hash of their
// terms, so one inserted term changes its own block only; readers and verify() over
// blocks of 1..kMaxTermsPerBlock terms, and over damaged blocks. Format 4's bounds:
// term_bounds_test.cpp.
#include <catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "ascending_words.hpp"
#include "corpus/search/index_verify.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "index/term_dictionary_writer.hpp"
#include "search_fixture.hpp"
#include "search_index_copy.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::ascending_words;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

bool cuts_after(const std::string& term) {
  return cs::term_block_ends_after(term.data(), static_cast<uint32_t>(term.size()));
}

struct Dictionary {
  std::vector<uint8_t> bytes;
  std::vector<uint32_t> blocks;
};

Dictionary write_dictionary(const std::vector<std::string>& terms, corpusc::TermBlockCuts cuts) {
  corpusc::TermDictionaryWriter w(cuts);
  for (const std::string& t : terms) {
    const uint32_t size = 1 + static_cast<uint32_t>(t[1] - 'a');  // any sizes: the offsets move
    w.add(corpusc::DictionaryTerm{t, 1, size, 2 * size, 7, {}});
  }
  return {w.bytes(), w.block_offsets()};
}

// Block i's bytes after its header (format 4: three varints, else two).
std::vector<uint8_t> block_entries(const Dictionary& d, size_t i, bool ordinal_in_header) {
  const uint32_t end = i + 1 < d.blocks.size() ? d.blocks[i + 1] : static_cast<uint32_t>(d.bytes.size());
  cs::ByteReader r(d.bytes.data(), end, d.blocks[i]);
  for (int f = ordinal_in_header ? 0 : 1; f < 3; ++f) r.varint();
  REQUIRE_FALSE(r.bad());
  return {d.bytes.begin() + r.position(), d.bytes.begin() + end};
}

// The first ordinal of each format-4 block (its header's first varint).
std::vector<uint32_t> first_ordinals(const Dictionary& d) {
  std::vector<uint32_t> out;
  for (uint32_t offset : d.blocks) {
    cs::ByteReader r(d.bytes.data(), static_cast<uint32_t>(d.bytes.size()), offset);
    out.push_back(r.varint());
    REQUIRE_FALSE(r.bad());
  }
  return out;
}

// Blocks of `before` whose entries appear nowhere among `after`'s blocks.
uint32_t blocks_changed(const Dictionary& before, const Dictionary& after, bool ordinal_in_header) {
  std::vector<std::vector<uint8_t>> kept;
  for (size_t i = 0; i < after.blocks.size(); ++i) kept.push_back(block_entries(after, i, ordinal_in_header));
  uint32_t changed = 0;
  for (size_t i = 0; i < before.blocks.size(); ++i) {
    if (std::find(kept.begin(), kept.end(), block_entries(before, i, ordinal_in_header)) == kept.end()) ++changed;
  }
  return changed;
}

}  // namespace

TEST_CASE("format 4: inserting one term changes the entries of its own dictionary block only") {
  std::vector<std::string> terms = ascending_words(3000, 7);
  const corpusc::TermBlockCuts v4;
  const Dictionary before = write_dictionary(terms, v4);
  REQUIRE(before.blocks.size() > 100);
  // A new term right after an old one, neither a cut, in a block that stays under the
  // limit (else the limit would move the next cut).
  const std::vector<uint32_t> firsts = first_ordinals(before);
  size_t at = terms.size() / 2;
  std::string fresh;
  for (;; ++at) {
    fresh = terms[at] + "q";
    const size_t block = std::upper_bound(firsts.begin(), firsts.end(), at) - firsts.begin() - 1;
    const uint32_t end = block + 1 < firsts.size() ? firsts[block + 1] : static_cast<uint32_t>(terms.size());
    if (!cuts_after(terms[at]) && !cuts_after(fresh) && end - firsts[block] + 1 < cs::kMaxTermsPerBlock) break;
  }
  std::vector<std::string> inserted = terms;
  inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(at + 1), fresh);
  const Dictionary after = write_dictionary(inserted, v4);
  CHECK(after.blocks.size() == before.blocks.size());
  CHECK(blocks_changed(before, after, true) == 1);
  // The blocks before it keep every byte, headers included.
  size_t same_prefix = 0;
  while (same_prefix < before.blocks.size() && before.blocks[same_prefix] == after.blocks[same_prefix] &&
         std::equal(before.bytes.begin(), before.bytes.begin() + before.blocks[same_prefix],
                    after.bytes.begin())) {
    ++same_prefix;
  }
  CHECK(same_prefix > before.blocks.size() / 3);

  // Blocks of a fixed kTermsPerBlock (format 3) regroup every later block.
  corpusc::TermBlockCuts v3;
  v3.format_version = cs::kIndexFormatV3;
  const uint32_t regrouped = blocks_changed(write_dictionary(terms, v3), write_dictionary(inserted, v3), false);
  CHECK(regrouped > before.blocks.size() / 4);
}

namespace {

// Words grouped so that a format-4 dictionary cuts blocks of `sizes` terms: each group
// of n < kMaxTermsPerBlock is n - 1 words that do not end a block and one that does;
// a group of kMaxTermsPerBlock has no cut word (the limit ends it).
std::vector<std::string> words_in_blocks(const std::vector<uint32_t>& sizes) {
  const std::vector<std::string> pool = ascending_words(60000, 11);
  std::vector<std::string> out;
  size_t next = 0;
  for (uint32_t n : sizes) {
    for (uint32_t i = 0; i < n; ++i) {
      const bool cut = i + 1 == n && n < cs::kMaxTermsPerBlock;
      while (cuts_after(pool.at(next)) != cut) ++next;
      out.push_back(pool.at(next++));
    }
  }
  return out;
}

std::vector<TestDoc> docs_of(const std::vector<std::string>& words, uint32_t per_doc) {
  std::vector<TestDoc> docs;
  for (size_t i = 0; i < words.size(); i += per_doc) {
    std::string body;
    for (size_t j = i; j < words.size() && j < i + per_doc; ++j) body += words[j] + " ";
    docs.emplace_back("", body);
  }
  return docs;
}

text::TokenizerOptions unstemmed() {
  text::TokenizerOptions o;
  o.stem_english = false;
  return o;
}

std::vector<uint32_t> block_sizes_1_to_64() {
  std::vector<uint32_t> sizes;
  for (uint32_t n = 1; n <= cs::kMaxTermsPerBlock; ++n) sizes.push_back(n);
  sizes.push_back(cs::kMaxTermsPerBlock);
  sizes.push_back(1);
  return sizes;
}

}  // namespace

TEST_CASE("format 4: seek, seek_ordinal and next over dictionary blocks of 1..64 terms") {
  const std::vector<uint32_t> sizes = block_sizes_1_to_64();
  const std::vector<std::string> words = words_in_blocks(sizes);
  BuiltIndex b(docs_of(words, 40), {}, unstemmed());
  REQUIRE(b.status == Status::ok);
  REQUIRE(b.index.format_version() == cs::kIndexFormatV4);
  REQUIRE(b.index.term_count() == words.size());
  REQUIRE(b.index.term_block_count() == sizes.size());
  uint32_t first = 0;
  for (uint32_t block = 0; block < sizes.size(); ++block) {
    cs::ByteReader r;
    uint32_t ordinal = 0;
    REQUIRE(cs::detail::open_term_block(b.index, block, &r, &ordinal));
    CHECK(ordinal == first);
    first += sizes[block];
  }
  cs::TermIterator it(b.index);
  REQUIRE(it.rewind() == Status::ok);
  for (uint32_t i = 0; i < words.size(); ++i) {
    INFO("term " << i);
    REQUIRE_FALSE(it.at_end());
    CHECK(it.entry().view() == words[i]);
    CHECK(it.entry().ordinal == i);
    REQUIRE(it.next() == Status::ok);
  }
  CHECK(it.at_end());
  for (uint32_t i = 0; i < words.size(); ++i) {
    INFO("term " << i);
    REQUIRE(it.seek_ordinal(i) == Status::ok);
    REQUIRE_FALSE(it.at_end());
    CHECK(it.entry().view() == words[i]);
    REQUIRE(it.seek(words[i]) == Status::ok);
    CHECK(it.entry().ordinal == i);
    REQUIRE(it.seek(words[i] + "a") == Status::ok);  // between term i and i + 1
    if (i + 1 < words.size()) {
      CHECK(it.entry().ordinal == i + 1);
    } else {
      CHECK(it.at_end());
    }
  }
  REQUIRE(it.seek("a") == Status::ok);
  CHECK(it.entry().ordinal == 0);
  REQUIRE(it.seek_ordinal(static_cast<uint32_t>(words.size())) == Status::ok);
  CHECK(it.at_end());
  CHECK(cs::verify_index(b.index).status == Status::ok);
}

namespace {

// The index `x` with its dictionary rewritten: the same entries, cut by `cuts`, then
// `edit` applied to the bytes.
struct RewrittenDictionary {
  flatbuffers::FlatBufferBuilder fbb;
  cs::Index index;
  Dictionary dictionary;

  template <class Edit>
  RewrittenDictionary(const cs::Index& source, corpusc::TermBlockCuts cuts, Edit&& edit) {
    corpusc::TermDictionaryWriter w(cuts);
    cs::TermIterator it(source);
    std::vector<std::string> surfaces;
    for (Status s = it.rewind(); s == Status::ok && !it.at_end(); s = it.next()) {
      const cs::TermEntry& e = it.entry();
      char shown[text::kMaxTermBytes + 32];
      const std::string surface(shown, e.display(shown, sizeof shown));
      w.add(corpusc::DictionaryTerm{e.view(), e.df, e.doc_bytes, e.pos_bytes, e.max_tfn,
                                    surface == e.view() ? std::string_view() : std::string_view(surface)});
    }
    dictionary = {w.bytes(), w.block_offsets()};
    edit(dictionary);
    corpus_test::SearchIndexEdits edits;
    edits.terms = corpus_test::IndexSection<uint8_t>::of(dictionary.bytes);
    edits.term_blocks = corpus_test::IndexSection<uint32_t>::of(dictionary.blocks);
    REQUIRE(cs::Index::open(*corpus_test::copy_search_index(cs::detail::table(source), edits, fbb), &index) == Status::ok);
  }
};

void no_edit(Dictionary&) {}

}  // namespace

TEST_CASE("verify: a format-4 dictionary block with a wrong first ordinal or over 64 terms") {
  const std::vector<std::string> words = words_in_blocks(block_sizes_1_to_64());
  BuiltIndex b(docs_of(words, 40), {}, unstemmed());
  REQUIRE(b.status == Status::ok);
  const fb::SearchIndex& x = cs::detail::table(b.index);
  {
    RewrittenDictionary same(b.index, {}, no_edit);
    CHECK(same.dictionary.bytes == std::vector<uint8_t>(x.terms()->begin(), x.terms()->end()));
    CHECK(cs::verify_index(same.index).status == Status::ok);
  }
  for (uint32_t block : {0u, 1u, 5u}) {  // first ordinals 0, 1, 15: one-byte varints
    INFO("block " << block);
    RewrittenDictionary wrong(b.index, {}, [block](Dictionary& d) { ++d.bytes[d.blocks[block]]; });
    const cs::IndexVerifyReport rep = cs::verify_index(wrong.index);
    CHECK(rep.status == Status::malformed);
    CHECK(std::string(rep.what) == "index: terms");
  }
  corpusc::TermBlockCuts counted;  // blocks of exactly max_terms, no hash cuts
  counted.by_hash = false;
  counted.max_terms = cs::kMaxTermsPerBlock;
  {
    RewrittenDictionary full(b.index, counted, no_edit);
    CHECK(full.index.term_block_count() == (words.size() + 63) / 64);
    CHECK(cs::verify_index(full.index).status == Status::ok);
  }
  counted.max_terms = cs::kMaxTermsPerBlock + 1;
  RewrittenDictionary oversize(b.index, counted, no_edit);
  cs::TermIterator it(oversize.index);
  REQUIRE(it.seek(words[100]) == Status::ok);  // readers still read it
  CHECK(it.entry().ordinal == 100);
  const cs::IndexVerifyReport rep = cs::verify_index(oversize.index);
  CHECK(rep.status == Status::malformed);
  CHECK(std::string(rep.what) == "index: terms");
  CHECK(rep.term == cs::kMaxTermsPerBlock);
}

TEST_CASE("format 4: damaged block offsets and headers give malformed, never a bad read") {
  const std::vector<std::string> words = words_in_blocks(block_sizes_1_to_64());
  BuiltIndex b(docs_of(words, 40), {}, unstemmed());
  REQUIRE(b.status == Status::ok);
  uint64_t x = 99;
  auto random = [&x](uint32_t n) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((x >> 33) % n);
  };
  uint32_t malformed = 0;
  for (int trial = 0; trial < 200; ++trial) {
    RewrittenDictionary damaged(b.index, {}, [&](Dictionary& d) {
      const uint32_t block = random(static_cast<uint32_t>(d.blocks.size()));
      if (trial % 2 == 0) {
        // Anywhere, even past the end, or far past it (a reader must not follow it).
        d.blocks[block] = trial % 8 == 0 ? 0xFFFFFF00u : random(static_cast<uint32_t>(d.bytes.size()) + 64);
      } else {
        d.bytes[d.blocks[block] + random(3)] ^= static_cast<uint8_t>(1u << random(8));  // a header byte
      }
    });
    INFO("trial " << trial);
    for (uint32_t k = 0; k < damaged.index.term_block_count(); ++k) {
      REQUIRE(cs::detail::term_block_end(damaged.index, k) <= damaged.index.terms_size());
    }
    bool bad = false;
    cs::TermIterator it(damaged.index);
    Status s = it.rewind();
    uint32_t steps = 0;
    for (; s == Status::ok && !it.at_end(); s = it.next()) REQUIRE(++steps <= words.size());
    bad = bad || s == Status::malformed;
    CHECK((s == Status::ok || s == Status::malformed));
    for (uint32_t i = 0; i < words.size(); i += 97) {
      s = it.seek(words[i]);
      CHECK((s == Status::ok || s == Status::malformed));
      s = it.seek_ordinal(i);
      CHECK((s == Status::ok || s == Status::malformed));
      bad = bad || s == Status::malformed;
    }
    const Status verified = cs::verify_index(damaged.index).status;
    CHECK((verified == Status::ok || verified == Status::malformed));
    if (verified == Status::malformed) ++malformed;
    if (bad) CHECK(verified == Status::malformed);
  }
  CHECK(malformed > 150);
}
