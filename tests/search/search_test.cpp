// Query semantics on small in-memory indexes, and MaxScore/block-max pruning checked
// against exhaustive scoring with the same integer BM25.
#include <catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "corpus/search/searcher.hpp"
#include "search_fixture.hpp"

using namespace corpus;
using namespace corpus::search;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

std::vector<uint32_t> run(const Index& index, const char* q, uint32_t k = 10, Status want = Status::ok) {
  static SearchWorkspace ws;
  SearchOptions opt;
  opt.k = k;
  Status s = corpus::search::search(index, q, opt, &ws);
  INFO(q);
  REQUIRE(s == want);
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < ws.results.count; ++i) out.push_back(ws.results.hits[i].article);
  return out;
}

std::set<uint32_t> as_set(const std::vector<uint32_t>& v) { return {v.begin(), v.end()}; }

const std::vector<TestDoc>& small_docs() {
  static const std::vector<TestDoc> docs = {
      {"Minsk Group talks", "The Minsk Group met in Vienna about Karabakh."},            // 0
      {"Weather", "Rain in Vienna; the group of tourists left Minsk early."},            // 1
      {"Karabakh corridor", "The Lachin corridor links Armenia and Karabakh."},         // 2
      {"Football", "The group stage ended; Karachi hosted the final."},                 // 3
      {"Companies", "Many companies reported profits. A company in Minsk grew."},       // 4
  };
  return docs;
}

}  // namespace

TEST_CASE("bare words are OR-ed and ranked") {
  BuiltIndex b(small_docs());
  REQUIRE(b.status == Status::ok);
  CHECK(as_set(run(b.index, "vienna karachi")) == std::set<uint32_t>{0, 1, 3});
  CHECK(run(b.index, "lachin corridor").front() == 2);
  CHECK(run(b.index, "nothingmatches").empty());
}

TEST_CASE("phrases need consecutive positions") {
  BuiltIndex b(small_docs());
  CHECK(as_set(run(b.index, "\"minsk group\"")) == std::set<uint32_t>{0});
  CHECK(as_set(run(b.index, "\"group minsk\"")).empty());
  CHECK(as_set(run(b.index, "\"lachin corridor links\"")) == std::set<uint32_t>{2});
  // Title and body never join into one phrase.
  CHECK(as_set(run(b.index, "\"corridor the\"")).empty());
  // Unclosed quote: the phrase runs to the end.
  CHECK(as_set(run(b.index, "\"minsk group")) == std::set<uint32_t>{0});
}

TEST_CASE("prefixes, required, excluded and title-only clauses") {
  BuiltIndex b(small_docs());
  CHECK(as_set(run(b.index, "kara*")) == std::set<uint32_t>{0, 2, 3});
  CHECK(as_set(run(b.index, "Kara*")) == std::set<uint32_t>{0, 2, 3});
  CHECK(as_set(run(b.index, "companies*")) == std::set<uint32_t>{4});  // stem "compani"
  CHECK(as_set(run(b.index, "+minsk vienna")) == std::set<uint32_t>{0, 1, 4});
  CHECK(as_set(run(b.index, "+minsk +vienna")) == std::set<uint32_t>{0, 1});
  CHECK(as_set(run(b.index, "minsk -vienna")) == std::set<uint32_t>{4});
  CHECK(as_set(run(b.index, "group -\"minsk group\"")) == std::set<uint32_t>{1, 3});
  CHECK(as_set(run(b.index, "title:karabakh")) == std::set<uint32_t>{2});
  CHECK(as_set(run(b.index, "karabakh")) == std::set<uint32_t>{0, 2});
  CHECK(as_set(run(b.index, "title:\"minsk group\"")) == std::set<uint32_t>{0});
  CHECK(as_set(run(b.index, "+title:minsk")) == std::set<uint32_t>{0});
  CHECK(as_set(run(b.index, "+missingword minsk")).empty());
}

TEST_CASE("title matches weigh more (BM25F)") {
  BuiltIndex b({{"Karabakh", "news of the day and other things"},
                {"News", "karabakh news of the day and other things"}});
  CHECK(run(b.index, "karabakh") == std::vector<uint32_t>{0, 1});
}

TEST_CASE("bad and oversized queries give a status") {
  BuiltIndex b(small_docs());
  run(b.index, "", 10, Status::bad_query);
  run(b.index, "   ", 10, Status::bad_query);
  run(b.index, "+ - * \"\" title:", 10, Status::bad_query);
  run(b.index, "-minsk", 10, Status::bad_query);
  run(b.index, "minsk", 0, Status::limit_exceeded);
  run(b.index, "minsk", kMaxResults + 1, Status::limit_exceeded);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  run(b.index, many.c_str(), 10, Status::limit_exceeded);
  std::string huge(kMaxQueryBytes + 1, 'a');
  run(b.index, huge.c_str(), 10, Status::limit_exceeded);
}

TEST_CASE("pruned top-k equals exhaustive scoring") {
  // Zipf-like vocabulary over 3000 documents: long lists with many blocks.
  std::mt19937 gen(1234);
  auto rnd = [&gen](uint32_t n) { return static_cast<uint32_t>(gen() % n); };
  std::vector<std::string> vocab;
  for (int i = 0; i < 80; ++i) vocab.push_back("w" + std::to_string(i) + "x");
  auto word = [&] {
    uint32_t r = rnd(1000);
    return vocab[std::min<uint32_t>(79, r * r / 12500)];
  };
  std::vector<TestDoc> docs;
  for (int d = 0; d < 3000; ++d) {
    std::string title = word() + " " + word(), body;
    uint32_t n = 3 + rnd(120);
    for (uint32_t i = 0; i < n; ++i) body += word() + " ";
    docs.emplace_back(title, body);
  }
  BuiltIndex b(docs);
  REQUIRE(b.status == Status::ok);
  const uint32_t tw = b.index.title_weight();

  // Exhaustive reference: count occurrences directly.
  std::vector<std::map<std::string, std::pair<uint32_t, uint32_t>>> counts(docs.size());  // tf, title tf
  std::map<std::string, uint32_t> df;
  for (size_t d = 0; d < docs.size(); ++d) {
    auto count = [&](const std::string& text, bool title) {
      size_t p = 0;
      while (p < text.size()) {
        size_t e = text.find(' ', p);
        if (e == std::string::npos) e = text.size();
        if (e > p) {
          auto& c = counts[d][text.substr(p, e - p)];
          ++c.first;
          if (title) ++c.second;
        }
        p = e + 1;
      }
    };
    count(docs[d].title, true);
    count(docs[d].body, false);
    for (auto& [w, c] : counts[d]) ++df[w];
  }
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<std::string> q;
    uint32_t nq = 1 + rnd(5);
    std::string text;
    for (uint32_t i = 0; i < nq; ++i) {
      q.push_back(vocab[rnd(80)]);
      text += q.back() + " ";
    }
    uint32_t k = std::vector<uint32_t>{1, 3, 10, 50}[trial % 4];
    std::vector<std::pair<uint32_t, uint32_t>> ref;  // (score, doc)
    for (uint32_t d = 0; d < docs.size(); ++d) {
      uint32_t score = 0;
      bool any = false;
      std::map<std::string, uint32_t> weight;
      for (auto& w : q) ++weight[w];
      for (auto& [w, qtf] : weight) {
        auto it = counts[d].find(w);
        if (it == counts[d].end()) continue;
        any = true;
        uint32_t ftf = it->second.first + (tw - 1) * it->second.second;
        score += term_score(idf_weight(df[w], b.index.doc_count()), tf_norm(ftf, b.index.norm_k(d)), qtf);
      }
      if (any) ref.emplace_back(score, d);
    }
    std::sort(ref.begin(), ref.end(), [](auto& a, auto& c) {
      return a.first != c.first ? a.first > c.first : a.second < c.second;
    });
    if (ref.size() > k) ref.resize(k);
    static SearchWorkspace ws;
    SearchOptions opt;
    opt.k = k;
    REQUIRE(corpus::search::search(b.index, text, opt, &ws) == Status::ok);
    INFO("query: " << text << " k=" << k);
    REQUIRE(ws.results.count == ref.size());
    for (uint32_t i = 0; i < ws.results.count; ++i) {
      CHECK(ws.results.hits[i].article == ref[i].second);
      CHECK(ws.results.hits[i].score == ref[i].first);
    }
  }
}
