// Index format 4's bounds (bm25.hpp): bounds under the bound table may exceed the
// exact ones, and then only prune: rankings stay the same. Format 4's dictionary:
// term_blocks_test.cpp.
#include <catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ascending_words.hpp"
#include "corpus/search/index_verify.hpp"
#include "corpus/search/searcher.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "search_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::ascending_words;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

// Documents of 3..240 words drawn with skewed frequencies from 400 words, so that
// lengths vary and common words have skip tables (more than kPostingsPerBlock).
std::vector<TestDoc> generated_docs(uint32_t count) {
  const std::vector<std::string> vocabulary = ascending_words(400, 3);
  std::vector<TestDoc> docs;
  uint64_t x = 12345;
  auto next = [&x](uint32_t n) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((x >> 33) % n);
  };
  for (uint32_t d = 0; d < count; ++d) {
    const uint32_t length = 3 + next(next(240) + 1);
    std::string title = vocabulary[next(next(400) + 1)], body;
    for (uint32_t i = 0; i < length; ++i) body += vocabulary[next(next(next(400) + 1) + 1)] + " ";
    docs.emplace_back(title, body);
  }
  return docs;
}

std::vector<std::pair<uint32_t, uint32_t>> ranking(const cs::Index& index, const std::string& q, bool any) {
  static cs::SearchWorkspace ws;
  cs::SearchOptions opt;
  opt.k = 10;
  opt.typos = false;
  opt.parse.operators = !any;
  REQUIRE(cs::search(index, q.c_str(), opt, &ws) == Status::ok);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (uint32_t i = 0; i < ws.results.count; ++i) out.emplace_back(ws.results.hits[i].article, ws.results.hits[i].score);
  return out;
}

}  // namespace

TEST_CASE("format 4: bounds under the bound table exceed exact ones and rank the same") {
  const std::vector<TestDoc> docs = generated_docs(1500);
  corpusc::Bm25Settings exact_settings;
  exact_settings.exact_bounds = true;
  text::TokenizerOptions unstemmed;
  unstemmed.stem_english = false;
  BuiltIndex stable(docs, {}, unstemmed), exact(docs, exact_settings, unstemmed);
  REQUIRE(stable.status == Status::ok);
  REQUIRE(exact.status == Status::ok);
  CHECK(cs::verify_index(stable.index).status == Status::ok);
  CHECK(cs::verify_index(exact.index).status == Status::ok);
  // Same terms; every stored bound at least the exact one, some above it.
  cs::TermIterator a(stable.index), e(exact.index);
  uint32_t above = 0, long_terms = 0;
  Status sa = a.rewind(), se = e.rewind();
  for (; sa == Status::ok && se == Status::ok && !a.at_end() && !e.at_end(); sa = a.next(), se = e.next()) {
    REQUIRE(a.entry().view() == e.entry().view());
    CHECK(a.entry().max_tfn >= e.entry().max_tfn);
    if (a.entry().max_tfn > e.entry().max_tfn) ++above;
    if (a.entry().df > cs::kPostingsPerBlock) ++long_terms;
  }
  CHECK(a.at_end());
  CHECK(e.at_end());
  CHECK(above > 10);
  CHECK(long_terms > 5);
  // The blobs differ only in bounds: every query ranks the same ids with the same scores.
  const std::vector<std::string> vocabulary = ascending_words(400, 3);
  uint32_t hits = 0;
  for (uint32_t q = 0; q < 60; ++q) {
    const std::string query = vocabulary[q % 7] + " " + vocabulary[(q * 37) % 400] +
                              (q % 3 == 0 ? " " + vocabulary[(q * 11) % 50] : std::string());
    for (bool any : {false, true}) {
      INFO(query << (any ? " (any term)" : " (all terms)"));
      const auto want = ranking(exact.index, query, any);
      CHECK(ranking(stable.index, query, any) == want);
      hits += static_cast<uint32_t>(want.size());
    }
  }
  CHECK(hits >= 300);
}
