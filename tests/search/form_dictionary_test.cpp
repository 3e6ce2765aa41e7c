// Surface forms of index format 4 (index_format.hpp, "Surface forms"): each form
// names its term by bytes (drop and tail, one code byte or an escape), and blocks are
// cut by content, so one form added changes one block. Prefix expansion and
// completion give the same answers as through the format 3 blob of the same corpus
// (tests/data/format-1.4-examples.crp, written just before format 4) and as a
// brute-force oracle on a generated corpus.
#include <catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "corpus/search/complete.hpp"
#include "corpus/search/index_verify.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/search.hpp"
#include "index/form_dictionary_writer.hpp"
#include "search_fixture.hpp"
#include "search_index_copy.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

namespace {

// A copy of index x whose surface forms are those of `forms` (finished), or the
// given section bytes, block offsets and count.
struct ReformedIndex {
  flatbuffers::FlatBufferBuilder fbb;
  cs::Index index;
  Status status = Status::malformed;

  ReformedIndex(const fb::SearchIndex& x, const corpusc::FormDictionaryWriter& forms)
      : ReformedIndex(x, forms.bytes(), forms.block_offsets(), forms.form_count()) {}
  ReformedIndex(const fb::SearchIndex& x, const std::vector<uint8_t>& forms, const std::vector<uint32_t>& offsets,
                uint32_t form_count) {
    REQUIRE(x.languages() == nullptr);  // the fixture's indexes: one language, no per-language tables
    REQUIRE(x.language_stats() == nullptr);
    corpus_test::SearchIndexEdits edits;
    edits.forms = corpus_test::IndexSection<uint8_t>::of(forms);
    edits.form_blocks = corpus_test::IndexSection<uint32_t>::of(offsets);
    edits.form_count = form_count;
    status = cs::Index::open(*corpus_test::copy_search_index(x, edits, fbb), &index);
  }
};

const fb::SearchIndex& root_of(const corpus_test::BuiltIndex& b) {
  return *flatbuffers::GetRoot<fb::SearchIndex>(b.fbb.GetBufferPointer());
}

// (term, form it was found through) for each expansion of `prefix`, in order.
std::vector<std::pair<std::string, std::string>> expansions(const cs::Index& index, std::string_view prefix,
                                                            bool every_form) {
  cs::PrefixTerms terms(index, prefix, every_form);
  cs::TermEntry e;
  std::string_view form;
  bool done = false;
  std::vector<std::pair<std::string, std::string>> out;
  for (Status s = terms.next(&e, &form, &done); !done; s = terms.next(&e, &form, &done)) {
    REQUIRE(s == Status::ok);
    out.emplace_back(std::string(e.view()), std::string(form));
  }
  return out;
}

// Completions of `partial`, with and without typo forgiveness, as (text, df).
std::vector<std::pair<std::string, uint32_t>> completions(const cs::Index& index, std::string_view partial,
                                                          bool typos) {
  cs::Completion out[16];
  uint32_t count = 0;
  auto rows = std::make_unique<cs::EditRows>();
  const Status s = cs::complete(index, partial, out, 16, &count, nullptr, typos ? rows.get() : nullptr);
  REQUIRE((s == Status::ok || s == Status::bad_query));
  std::vector<std::pair<std::string, uint32_t>> got;
  for (uint32_t i = 0; i < count; ++i) got.emplace_back(std::string(out[i].view()), out[i].df);
  return got;
}

// The byte strings of each block of a form section.
std::vector<std::string> blocks_of(const corpusc::FormDictionaryWriter& w) {
  std::vector<std::string> out;
  const auto& offsets = w.block_offsets();
  for (size_t i = 0; i < offsets.size(); ++i) {
    const size_t end = i + 1 < offsets.size() ? offsets[i + 1] : w.bytes().size();
    out.emplace_back(w.bytes().begin() + offsets[i], w.bytes().begin() + static_cast<std::ptrdiff_t>(end));
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a form's term code round-trips bit for bit, escapes included") {
  uint32_t one_byte = 0, escaped = 0;
  for (uint32_t drop = 0; drop <= 255; ++drop) {
    for (uint32_t tail = 0; tail <= 255; ++tail) {
      uint8_t code[cs::kMaxFormTermCodeBytes];
      const unsigned n = cs::encode_form_term(drop, tail, code);
      const bool fits = drop <= cs::kMaxFormDrop && tail <= cs::kMaxFormTail &&
                        !(drop == cs::kMaxFormDrop && tail == cs::kMaxFormTail);
      REQUIRE(n == (fits ? 1u : cs::kMaxFormTermCodeBytes));
      (n == 1 ? one_byte : escaped) += 1;
      cs::ByteReader in(code, n, 0);
      uint32_t d = 999, t = 999;
      REQUIRE(cs::decode_form_term(in, &d, &t));
      REQUIRE(in.position() == n);
      REQUIRE(d == drop);
      REQUIRE(t == tail);
      uint8_t again[cs::kMaxFormTermCodeBytes];
      REQUIRE(cs::encode_form_term(d, t, again) == n);
      REQUIRE(std::memcmp(code, again, n) == 0);
    }
  }
  CHECK(one_byte == 255);  // every one-byte code but the escape
  CHECK(escaped == 256 * 256 - 255);
  uint8_t cut[1] = {cs::kFormTermEscape};  // an escape cut short
  cs::ByteReader in(cut, 1, 0);
  uint32_t d = 0, t = 0;
  CHECK_FALSE(cs::decode_form_term(in, &d, &t));
}

TEST_CASE("a form whose term shares no prefix with it (keep 0), and one that escapes") {
  corpus_test::BuiltIndex b(std::vector<corpus_test::TestDoc>{{"Talks", "Negotiations went on; the companies talked."}});
  REQUIRE(b.status == Status::ok);
  REQUIRE(b.index.format_version() >= cs::kIndexFormatV4);
  cs::TermEntry negoti;
  REQUIRE(cs::find_term(b.index, "negoti", &negoti) == Status::ok);
  corpusc::FormDictionaryWriter w;
  const std::string far = "qnegotiationsqnegotiationsqnegotiations";  // drop 39 > kMaxFormDrop: escaped
  w.add_term("negoti", {"xnegotiations", far});
  w.add_term("compani", {"companies"});
  w.finish();
  ReformedIndex r(root_of(b), w);
  REQUIRE(r.status == Status::ok);

  cs::FormIterator it(r.index);
  REQUIRE(it.rewind() == Status::ok);
  std::vector<std::pair<std::string, std::string>> forms;
  for (Status s = Status::ok; s == Status::ok && !it.at_end(); s = it.next()) {
    forms.emplace_back(std::string(it.entry().view()), std::string(it.entry().term_view()));
  }
  CHECK(it.at_end());
  CHECK(forms == std::vector<std::pair<std::string, std::string>>{
                     {"companies", "compani"}, {far, "negoti"}, {"xnegotiations", "negoti"}});
  CHECK(expansions(r.index, "xnego", false) ==
        std::vector<std::pair<std::string, std::string>>{{"negoti", "xnegotiations"}});
  const auto c = completions(r.index, "qnegotiationsq", false);
  REQUIRE(c.size() == 1);
  CHECK(c[0].first == far);
}

TEST_CASE("inserting one form changes only its own block's bytes") {
  auto add_words = [](corpusc::FormDictionaryWriter& w, uint32_t skip) {
    for (uint32_t i = 0; i < 3000; ++i) {
      if (i == skip) continue;
      const std::string term = "w" + std::to_string(i * 7919 % 100000);
      w.add_term(term, {term + "ing", term + "ed"});
    }
    w.finish();
  };
  for (uint32_t inserted : {0u, 5u, 1234u, 2999u}) {
    INFO("inserted word " << inserted);
    corpusc::FormDictionaryWriter without, with;
    add_words(without, inserted);
    add_words(with, 3000);
    REQUIRE(with.form_count() == without.form_count() + 2);
    const auto a = blocks_of(without), b = blocks_of(with);
    REQUIRE(a.size() > 50);
    size_t front = 0, back = 0;  // blocks equal from the start and from the end
    while (front < a.size() && front < b.size() && a[front] == b[front]) ++front;
    while (back < a.size() - front && back < b.size() - front && a[a.size() - 1 - back] == b[b.size() - 1 - back]) {
      ++back;
    }
    // The word's two forms sort apart ("...ed", "...ing"): at most two old blocks
    // differ, each replaced by at most two (a form may end a block).
    CHECK(a.size() - front - back <= 2);
    CHECK(b.size() - front - back <= 4);
  }
}

TEST_CASE("verify_index and prefix expansion catch a form naming a missing term") {
  corpus_test::BuiltIndex b(std::vector<corpus_test::TestDoc>{{"Talks", "Negotiations went on; the companies talked."}});
  REQUIRE(b.status == Status::ok);
  REQUIRE(cs::verify_index(b.index).status == Status::ok);
  corpusc::FormDictionaryWriter good, bad;
  good.add_term("negoti", {"negotiations"});
  good.finish();
  bad.add_term("negotix", {"negotiations"});  // no such term
  bad.finish();
  ReformedIndex g(root_of(b), good), r(root_of(b), bad);
  REQUIRE(g.status == Status::ok);
  REQUIRE(r.status == Status::ok);
  CHECK(cs::verify_index(g.index).status == Status::ok);
  const cs::IndexVerifyReport rep = cs::verify_index(r.index);
  CHECK(rep.status == Status::malformed);
  CHECK(std::string(rep.what) == "index: forms");

  cs::PrefixTerms terms(r.index, "negotiat");
  cs::TermEntry e;
  std::string_view form;
  bool done = false;
  CHECK(terms.next(&e, &form, &done) == Status::malformed);
}

TEST_CASE("verify_index catches form blocks cut elsewhere than the content rule says") {
  corpus_test::BuiltIndex b(std::vector<corpus_test::TestDoc>{{"Talks", "Negotiations went on; the companies talked."}});
  REQUIRE(b.status == Status::ok);
  corpusc::FormDictionaryWriter w;
  w.add_term("negoti", {"negotiations"});
  w.add_term("compani", {"companies"});
  w.finish();
  REQUIRE(w.block_offsets().size() == 1);  // neither form's hash ends a block
  ReformedIndex whole(root_of(b), w);
  REQUIRE(cs::verify_index(whole.index).status == Status::ok);
  // The same forms cut in two blocks (each block's first form is not front-coded).
  corpusc::FormDictionaryWriter first, second;
  first.add_term("compani", {"companies"});
  first.finish();
  second.add_term("negoti", {"negotiations"});
  second.finish();
  std::vector<uint8_t> bytes = first.bytes();
  bytes.insert(bytes.end(), second.bytes().begin(), second.bytes().end());
  ReformedIndex split(root_of(b), bytes, {0, static_cast<uint32_t>(first.bytes().size())}, 2);
  REQUIRE(split.status == Status::ok);
  CHECK(expansions(split.index, "negotiat", false) == expansions(whole.index, "negotiat", false));
  const cs::IndexVerifyReport rep = cs::verify_index(split.index);
  CHECK(rep.status == Status::malformed);
  CHECK(std::string(rep.what) == "index: forms");
}

TEST_CASE("prefix expansion and completion match the format 3 blob of examples/corpus") {
  corpus_test::Compiled now;
  corpus_test::compile({std::string(CORPUS_SOURCE_DIR) + "/examples/corpus"}, corpusc::BuildSettings(), now);
  cs::Index index;
  REQUIRE(cs::Index::open(now.blob, &index) == Status::ok);
  REQUIRE(index.format_version() == cs::kIndexFormatV4);
  REQUIRE(index.form_count() > 0);

  const std::string bytes = slurp(std::string(CORPUS_SOURCE_DIR) + "/tests/data/format-1.4-examples.crp");
  std::vector<uint64_t> storage((bytes.size() + 7) / 8);
  std::memcpy(storage.data(), bytes.data(), bytes.size());
  Blob old_blob;
  REQUIRE(Blob::open(storage.data(), bytes.size(), &old_blob) == Status::ok);
  cs::Index old_index;
  REQUIRE(cs::Index::open(old_blob, &old_index) == Status::ok);
  REQUIRE(old_index.format_version() == cs::kIndexFormatV3);
  REQUIRE(old_index.form_count() == index.form_count());

  // Every prefix of every form and every term, of one to all of its bytes.
  std::set<std::string> prefixes;
  cs::FormIterator it(index);
  Status s = it.rewind();
  for (; s == Status::ok && !it.at_end(); s = it.next()) {
    for (size_t n = 1; n <= it.entry().length; ++n) prefixes.insert(std::string(it.entry().form, n));
  }
  REQUIRE(s == Status::ok);
  cs::TermIterator t(index);
  for (s = t.rewind(); s == Status::ok && !t.at_end(); s = t.next()) {
    for (size_t n = 1; n <= t.entry().length; ++n) prefixes.insert(std::string(t.entry().term, n));
  }
  REQUIRE(s == Status::ok);
  REQUIRE(prefixes.size() > 1000);
  for (const std::string& p : prefixes) {
    INFO("prefix " << p);
    CHECK(expansions(index, p, false) == expansions(old_index, p, false));
    CHECK(expansions(index, p, true) == expansions(old_index, p, true));
    CHECK(completions(index, p, false) == completions(old_index, p, false));
    CHECK(completions(index, p, true) == completions(old_index, p, true));
  }
  CHECK(completions(index, "karab", false).at(0).first == "karabakh");
}

TEST_CASE("prefix expansion through forms finds what the words say, on a generated corpus") {
  // Words sharing stems and first letters, so that forms cross many blocks.
  const char* stems[] = {"karabakh", "govern", "negoti", "compan", "talk", "run", "connect", "happi", "nation"};
  const char* endings[] = {"", "s", "ed", "ing", "ings", "ation", "ations", "ers", "ies", "y", "ly"};
  std::vector<corpus_test::TestDoc> docs;
  std::vector<std::string> words;
  for (uint32_t d = 0; d < 60; ++d) {
    std::string body;
    for (uint32_t i = 0; i < 40; ++i) {
      const uint32_t k = (d * 131 + i * 17) % 990;
      std::string w = std::string(stems[k % 9]) + endings[(k / 9) % 11];
      if (k % 5 == 0) w += std::string("xq") + static_cast<char>('a' + k % 7);
      body += w + " ";
      words.push_back(w);
    }
    docs.emplace_back("Karabakh " + std::to_string(d), body);  // its most frequent form
  }
  corpus_test::BuiltIndex b(docs);
  REQUIRE(b.status == Status::ok);
  REQUIRE(b.index.form_count() > cs::kTermsPerBlock * 4);
  REQUIRE(cs::verify_index(b.index).status == Status::ok);

  // Oracle: the terms that start with the prefix, and the terms of the words that do.
  auto term_of = [&](const std::string& w) {
    text::Tokenizer tok(w, b.index.tokenizer());
    text::Token token;
    REQUIRE(tok.next(&token));
    return std::string(token.view());
  };
  std::set<std::string> prefixes;
  for (const std::string& w : words) {
    for (size_t n = 2; n <= w.size(); ++n) prefixes.insert(w.substr(0, n));
  }
  for (const std::string& p : prefixes) {
    INFO("prefix " << p);
    std::set<std::string> expected;
    cs::TermIterator t(b.index);
    Status s = t.seek(p);
    for (; s == Status::ok && !t.at_end() && cs::starts_with(t.entry().view(), p); s = t.next()) {
      expected.insert(std::string(t.entry().view()));
    }
    REQUIRE(s == Status::ok);
    for (const std::string& w : words) {
      if (cs::starts_with(w, p)) expected.insert(term_of(w));
    }
    std::set<std::string> got;
    for (const auto& e : expansions(b.index, p, false)) {
      CHECK(got.insert(e.first).second);  // each term once
    }
    CHECK(got == expected);
  }
  const auto karab = completions(b.index, "karab", false);
  REQUIRE_FALSE(karab.empty());
  CHECK(karab[0].first == "karabakh");
  auto ws = std::make_unique<cs::SearchWorkspace>();
  REQUIRE(cs::search(b.index, "Kara*", cs::SearchOptions(), ws.get()) == Status::ok);
  CHECK(ws->results.count > 0);
}
