// Hostile input: random and oversized query strings, and corrupted index bytes, give
// a result or a status, never a crash or an out-of-bounds read (run it under the
// debug preset's ASan/UBSan to check the latter).
#include <catch.hpp>

#include <memory>
#include <random>
#include <string>

#include "corpus/search/search.hpp"
#include "search_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

std::vector<TestDoc> corpus_docs() {
  std::vector<TestDoc> docs;
  std::mt19937 gen(99);
  const char* words[] = {"alpha", "beta", "gamma", "delta", "karabakh", "karachi", "minsk", "group", "the", "of",
                         "élan", "naïve", "Straße", "東京", "don't", "e-mail", "covid19", "3.5"};
  for (int d = 0; d < 400; ++d) {
    std::string body;
    for (int w = 0; w < 60; ++w) body += std::string(words[gen() % 18]) + " ";
    docs.emplace_back(std::string(words[gen() % 18]) + " title", body);
  }
  return docs;
}

std::string random_query(std::mt19937& gen) {
  static const std::string alphabet = "ab kK\"*+-:title()\\\t\n\x01\xff\xc3\xa9\xe6\x9d\xb1 alpha minsk group kara";
  std::string q;
  size_t n = gen() % 80;
  for (size_t i = 0; i < n; ++i) {
    q += gen() % 4 == 0 ? static_cast<char>(gen() % 256) : alphabet[gen() % alphabet.size()];
  }
  return q;
}

}  // namespace

TEST_CASE("random query strings give a result or a clear status") {
  BuiltIndex b(corpus_docs());
  REQUIRE(b.status == Status::ok);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  std::mt19937 gen(2024);
  size_t ok = 0, rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string q = random_query(gen);
    cs::SearchOptions opt;
    opt.k = 1 + static_cast<uint32_t>(gen() % cs::kMaxResults);
    Status s = cs::search(b.index, q, opt, ws.get());
    REQUIRE((s == Status::ok || s == Status::bad_query || s == Status::limit_exceeded));
    if (s == Status::ok) {
      ++ok;
      REQUIRE(ws->results.count <= opt.k);
      for (uint32_t h = 1; h < ws->results.count; ++h) {
        REQUIRE(ws->results.hits[h - 1].score >= ws->results.hits[h].score);
      }
    } else {
      ++rejected;
    }
    cs::Completion out[4];
    uint32_t n = 0;
    Status c = cs::complete(b.index, q, out, 4, &n);
    REQUIRE((c == Status::ok || c == Status::bad_query || c == Status::limit_exceeded));
  }
  CHECK(ok > 1000);
  CHECK(rejected > 100);
  // Extremes: 10 kB, only operators, many quotes, a very long word.
  CHECK(cs::search(b.index, std::string(10000, 'a'), {}, ws.get()) == Status::ok);  // cut, flagged
  CHECK((ws->results.flags & cs::kQueryTruncated) != 0);
  CHECK(cs::search(b.index, std::string(3000, '"'), {}, ws.get()) == Status::bad_query);
  CHECK(cs::search(b.index, "+-+-+- *** :: title:", {}, ws.get()) == Status::bad_query);
  CHECK(cs::search(b.index, std::string(3000, 'k') + "*", {}, ws.get()) == Status::ok);
  CHECK(cs::search(b.index, "a*", {}, ws.get()) == Status::ok);  // every term starting with "a"
}

TEST_CASE("corrupted index bytes never crash the runtime") {
  std::mt19937 gen(7);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  const char* queries[] = {"alpha beta", "\"minsk group\"", "kara*", "+gamma -delta", "title:alpha", "a*"};
  for (int trial = 0; trial < 300; ++trial) {
    BuiltIndex b(corpus_docs());
    REQUIRE(b.status == Status::ok);
    const fb::SearchIndex& r = cs::detail::table(b.index);
    const flatbuffers::Vector<uint8_t>* sections[] = {r.terms(), r.postings(), r.positions()};
    for (int flips = 0; flips < 1 + trial % 8; ++flips) {
      const auto* v = sections[gen() % 3];
      if (v->size() == 0) continue;
      uint8_t* p = const_cast<uint8_t*>(v->data()) + gen() % v->size();
      *p = static_cast<uint8_t>(*p ^ (1u << (gen() % 8)));
    }
    for (const char* q : queries) {
      Status s = cs::search(b.index, q, {}, ws.get());
      CHECK((s == Status::ok || s == Status::malformed));
      cs::Completion out[4];
      uint32_t n = 0;
      s = cs::complete(b.index, q, out, 4, &n);
      CHECK((s == Status::ok || s == Status::malformed || s == Status::bad_query));
    }
  }
}
