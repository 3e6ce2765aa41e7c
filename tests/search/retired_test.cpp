// Retired documents (SearchIndex.retired_docs, format 1.5): an edition keeps the
// postings of an article that is no longer indexed. The index must then score as the
// plain build of the same input (every statistic, every term's df, every ranking),
// never return the retired article, and verify; verify must catch retired tables
// that disagree with the postings.
#include <catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/search/index_verify.hpp"
#include "corpus/search/search.hpp"
#include "corpus/section_checksums.hpp"
#include "corpus/verify.hpp"
#include "reseal.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
using corpus_test::reseal;
namespace cs = corpus::search;

namespace {

// n1 and n2 are near-duplicates (one sentence differs): the lower id, n1, is the
// group's canonical. The base lacks n1, so it indexes n2.
std::string article(const char* id, const char* title, const std::string& text) {
  return std::string(R"({"id":")") + id + R"(","title":")" + title + R"(","text":")" + text + "\"}\n";
}
std::string story(const char* ending) {
  static const char* const kWords[] = {"harbour", "pier",  "cargo",  "ships",   "crane",     "rail",    "grain",
                                       "winter",  "dock",  "union",  "port",    "authority", "council", "mayor",
                                       "budget",  "river", "bridge", "ferry",   "season",    "workers"};
  std::string s;
  for (int i = 0; i < 30; ++i) {
    s += "On day " + std::to_string(i) + " the " + kWords[i % 20] + " and the " + kWords[(i * 3 + 1) % 20] +
         " met the " + kWords[(i * 7 + 2) % 20] + " near the " + kWords[(i * 11 + 5) % 20] + ". ";
  }
  return s + ending;
}
std::string others() {
  return article("a1", "Grain prices rise", "Grain prices rose again as the harbour pier stayed closed for repairs.") +
         article("a2", "Rail strike ends", "The rail strike ended after unions and the port agreed on winter pay.") +
         article("a3", "Cranes for the port", "Two new cranes arrived at the northern harbour for the cargo season.");
}
const std::string kN1 = article("n1", "Northern pier opens", story("Officials called it a good day."));
const std::string kN2 = article("n2", "Northern pier opens", story("Critics called it a costly day."));

struct Edition {
  corpus_test::TempCorpus base_in, all_in;
  corpus_test::Compiled base, plain, edition;
  cs::Index plain_index, edition_index;

  Edition() {
    base_in.write("news.jsonl", others() + kN2);
    all_in.write("news.jsonl", others() + kN1 + kN2);
    corpus_test::compile({base_in.path()}, corpusc::BuildSettings(), base);
    corpus_test::compile({all_in.path()}, corpusc::BuildSettings(), plain);
    const std::string base_path = base_in.path() + "/base.crp";
    std::FILE* f = std::fopen(base_path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(base.bytes.data(), 1, base.bytes.size, f) == base.bytes.size);
    std::fclose(f);
    corpusc::BuildSettings settings;
    settings.base_path = base_path;
    corpus_test::compile({all_in.path() + "/news.jsonl"}, settings, edition);
    REQUIRE(cs::Index::open(plain.blob, &plain_index) == Status::ok);
    REQUIRE(cs::Index::open(edition.blob, &edition_index) == Status::ok);
  }
};

using Ranking = std::vector<std::pair<std::string, uint32_t>>;
Ranking rank(const corpus_test::Compiled& c, const cs::Index& index, const char* q) {
  auto ws = std::make_unique<cs::SearchWorkspace>();
  cs::SearchOptions options;
  options.k = 20;
  REQUIRE(cs::search(index, q, options, ws.get()) == Status::ok);
  Ranking out;
  for (uint32_t i = 0; i < ws->results.count; ++i) {
    out.emplace_back(c.blob.article(ws->results.hits[i].article).id, ws->results.hits[i].score);
  }
  return out;
}

VerifyReport verify_bytes(corpus_test::AlignedBytes& b) {
  std::vector<uint64_t> ws(workspace_bytes(kFrameBytesDefault) / 8 + 1);
  return verify(b.data(), b.size, ws.data(), ws.size() * 8);
}

}  // namespace

TEST_CASE("an edition keeps a no longer indexed article's postings as a retired document") {
  Edition e;
  const uint32_t n2 = e.edition.index_of("n2");
  REQUIRE(e.edition_index.retired_count() == 1);
  CHECK(e.edition_index.retired_doc(0) == n2);
  CHECK(e.edition_index.norm_code(n2) == 0);
  CHECK_FALSE(e.plain_index.has_retired());
  CHECK(verify_bytes(e.edition.bytes).status == Status::ok);
  // A word only n2 holds is in no dictionary entry; a word n1 shares keeps both
  // documents in its list, one of them retired.
  cs::TermEntry critic;
  REQUIRE(cs::find_term(e.edition_index, "critic", &critic) == Status::not_found);
  cs::TermEntry pier;
  REQUIRE(cs::find_term(e.edition_index, "pier", &pier) == Status::ok);
  CHECK(pier.postings == pier.df + 1);
}

TEST_CASE("an index with a retired document scores as the plain build of its input") {
  Edition e;
  CHECK(e.edition_index.doc_count() == e.plain_index.doc_count());
  CHECK(e.edition_index.total_tokens() == e.plain_index.total_tokens());
  CHECK(e.edition_index.term_count() == e.plain_index.term_count());
  cs::TermIterator a(e.plain_index), b(e.edition_index);
  REQUIRE(a.rewind() == Status::ok);
  REQUIRE(b.rewind() == Status::ok);
  for (; !a.at_end(); a.next(), b.next()) {
    REQUIRE_FALSE(b.at_end());
    INFO(std::string(a.entry().view()));
    CHECK(a.entry().view() == b.entry().view());
    CHECK(a.entry().df == b.entry().df);
    CHECK(a.entry().max_tfn == b.entry().max_tfn);
  }
  for (const char* q : {"northern pier", "\"the ferry and the\"", "officials good day", "critics", "pier -grain",
                        "harb*", "cargo crane winter", "title:pier", "+harbour +rail", "day 7 mayor"}) {
    INFO(q);
    const Ranking plain = rank(e.plain, e.plain_index, q), edition = rank(e.edition, e.edition_index, q);
    CHECK(plain == edition);
    for (const auto& hit : edition) CHECK(hit.first != "n2");
  }
}

TEST_CASE("verify catches retired tables that disagree with the postings") {
  Edition e;
  const fb::SearchIndex& x = cs::detail::table(e.edition_index);
  const size_t docs_at = static_cast<size_t>(reinterpret_cast<const uint8_t*>(x.retired_docs()->data()) -
                                             e.edition.bytes.data());
  const size_t counts_at = static_cast<size_t>(
      reinterpret_cast<const uint8_t*>(x.retired_postings()->data()) - e.edition.bytes.data());
  REQUIRE(x.retired_postings()->size() > 0);
  SECTION("a retired document that is indexed") {
    corpus_test::AlignedBytes bad = e.edition.bytes;
    flatbuffers::WriteScalar<uint32_t>(bad.data() + docs_at, e.edition.index_of("n1"));
    reseal(bad);
    const VerifyReport rep = verify_bytes(bad);
    CHECK(rep.status == Status::malformed);
    CHECK(std::string(rep.section) == "index: retired documents");
  }
  SECTION("a term's count of retired postings one too many") {
    corpus_test::AlignedBytes bad = e.edition.bytes;
    flatbuffers::WriteScalar<uint32_t>(bad.data() + counts_at, x.retired_postings()->Get(0) + 1);
    reseal(bad);
    CHECK(verify_bytes(bad).status == Status::malformed);
  }
  SECTION("a term's count of retired postings one too few") {
    corpus_test::AlignedBytes bad = e.edition.bytes;
    flatbuffers::WriteScalar<uint32_t>(bad.data() + counts_at, x.retired_postings()->Get(0) - 1);
    reseal(bad);
    CHECK(verify_bytes(bad).status == Status::malformed);
  }
}
