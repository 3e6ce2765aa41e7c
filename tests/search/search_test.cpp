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
  // Operators that cannot fit beside each other, even with every word left out.
  std::string phrases, required, long_phrase = "\"";
  for (uint32_t i = 0; i <= kMaxClauses; ++i) phrases += "\"minsk group\" ";
  for (uint32_t i = 0; i <= kMaxClauses; ++i) required += "+w" + std::to_string(i) + " ";
  for (uint32_t i = 0; i <= kMaxQueryTerms; ++i) long_phrase += "w" + std::to_string(i) + " ";
  run(b.index, phrases.c_str(), 10, Status::limit_exceeded);
  run(b.index, required.c_str(), 10, Status::limit_exceeded);
  run(b.index, long_phrase.c_str(), 10, Status::limit_exceeded);
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

namespace {

// A vocabulary whose word i is in i + 1 of 60 documents ("v0" is the rarest).
const std::vector<TestDoc>& graded_docs() {
  static const std::vector<TestDoc> docs = [] {
    std::vector<TestDoc> d;
    for (uint32_t doc = 0; doc < 60; ++doc) {
      std::string body = "filler";
      for (uint32_t w = doc; w < 60; ++w) body += " v" + std::to_string(w);
      d.emplace_back("doc " + std::to_string(doc), body);
    }
    return d;
  }();
  return docs;
}

std::vector<std::string> kept_terms(const Query& q) {
  std::vector<std::string> out;
  for (uint32_t c = 0; c < q.clause_count; ++c) out.emplace_back(q.terms[q.clauses[c].first_term].view());
  return out;
}

}  // namespace

TEST_CASE("a long query keeps its most selective words and says so") {
  BuiltIndex b(graded_docs());
  REQUIRE(b.status == Status::ok);
  static SearchWorkspace ws;
  // 60 words, the least selective first; two absent words and a repeat in front.
  std::string text = "nosuchword othermissing v59 v59";
  for (int w = 59; w >= 0; --w) text += " v" + std::to_string(w);
  REQUIRE(corpus::search::search(b.index, text, {}, &ws) == Status::ok);
  CHECK((ws.results.flags & kQueryTruncated) != 0);
  CHECK(ws.query.truncated);
  REQUIRE(ws.query.clause_count == kMaxClauses);
  std::set<std::string> want;
  for (uint32_t w = 0; w < kMaxClauses; ++w) want.insert("v" + std::to_string(w));
  const std::vector<std::string> kept = kept_terms(ws.query);
  CHECK(std::set<std::string>(kept.begin(), kept.end()) == want);
  CHECK(ws.query.omitted_words == 64 - kMaxClauses);  // of 64 word occurrences
  CHECK(ws.results.count == 10);
  CHECK(ws.results.hits[0].article == 0);  // the only document with v0
  // The same words in any order keep the same set: the rule is df, not position.
  std::string reversed;
  for (int w = 0; w < 60; ++w) reversed += " v" + std::to_string(w);
  REQUIRE(corpus::search::search(b.index, reversed, {}, &ws) == Status::ok);
  const std::vector<std::string> kept2 = kept_terms(ws.query);
  CHECK(std::set<std::string>(kept2.begin(), kept2.end()) == want);
  // Within the limits nothing is flagged.
  REQUIRE(corpus::search::search(b.index, "v1 v2 v3", {}, &ws) == Status::ok);
  CHECK(ws.results.flags == 0);
  CHECK_FALSE(ws.query.truncated);
}

TEST_CASE("a truncated query ranks exactly as the query of its kept words") {
  BuiltIndex b(graded_docs());
  std::mt19937 gen(77);
  auto rnd = [&gen](uint32_t n) { return static_cast<uint32_t>(gen() % n); };
  static SearchWorkspace ws;
  for (int trial = 0; trial < 40; ++trial) {
    std::string text;
    const uint32_t n = 33 + rnd(80);
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t w = rnd(70);  // v60..v69 are absent from the index
      text += (rnd(9) == 0 ? " +v" : " v") + std::to_string(w);
    }
    SearchOptions opt;
    opt.k = 20;
    INFO(text);
    Status s = corpus::search::search(b.index, text, opt, &ws);
    if (s == Status::limit_exceeded) continue;  // too many +items: operators do not fit
    REQUIRE(s == Status::ok);
    // Rebuild the kept query, repeats included, and compare hit by hit.
    std::string kept;
    for (uint32_t c = 0; c < ws.query.clause_count; ++c) {
      const Clause& cl = ws.query.clauses[c];
      for (uint32_t r = 0; r < cl.weight; ++r) {
        kept += cl.occur == Occur::must ? " +" : " ";
        kept += std::string(ws.query.terms[cl.first_term].view());
      }
    }
    std::vector<std::pair<uint32_t, uint32_t>> first;
    for (uint32_t i = 0; i < ws.results.count; ++i) first.emplace_back(ws.results.hits[i].article, ws.results.hits[i].score);
    REQUIRE(corpus::search::search(b.index, kept, opt, &ws) == Status::ok);
    CHECK_FALSE(ws.query.truncated);
    std::vector<std::pair<uint32_t, uint32_t>> second;
    for (uint32_t i = 0; i < ws.results.count; ++i) second.emplace_back(ws.results.hits[i].article, ws.results.hits[i].score);
    CHECK(first == second);
  }
}

TEST_CASE("operators take the room of optional words") {
  BuiltIndex b(graded_docs());
  static SearchWorkspace ws;
  std::string text;
  for (uint32_t w = 0; w < 40; ++w) text += "v" + std::to_string(w) + " ";
  text += "+v50 -v0 \"filler v45\"";
  REQUIRE(corpus::search::search(b.index, text, {}, &ws) == Status::ok);
  CHECK(ws.query.truncated);
  const std::vector<std::string> kept = kept_terms(ws.query);
  CHECK(std::count(kept.begin(), kept.end(), "v50") == 1);
  CHECK(std::count(kept.begin(), kept.end(), "v0") == 2);  // the rarest word, and excluded
  CHECK(std::count(kept.begin(), kept.end(), "filler") == 1);
  for (uint32_t i = 0; i < ws.results.count; ++i) CHECK(ws.results.hits[i].article != 0);  // -v0
  for (uint32_t i = 0; i < ws.results.count; ++i) CHECK(ws.results.hits[i].article <= 45);  // the phrase
}

TEST_CASE("input past kMaxQueryBytes is cut at a word and flagged") {
  BuiltIndex b(small_docs());
  static SearchWorkspace ws;
  std::string text = "lachin";
  text += std::string(kMaxQueryBytes, ' ');
  text += "karachi";
  REQUIRE(corpus::search::search(b.index, text, {}, &ws) == Status::ok);
  CHECK((ws.results.flags & kQueryTruncated) != 0);
  CHECK(ws.query.omitted_bytes == text.size() - kMaxQueryBytes);
  CHECK(kept_terms(ws.query) == std::vector<std::string>{"lachin"});
  // A word across the limit is left out whole, not read in part.
  std::string across = std::string(kMaxQueryBytes - 3, ' ') + "karachi";
  REQUIRE(corpus::search::search(b.index, "minsk" + across, {}, &ws) == Status::ok);
  CHECK(kept_terms(ws.query) == std::vector<std::string>{"minsk"});
  // No whitespace at all: cut at a character boundary, still an answer.
  std::string huge;
  while (huge.size() <= kMaxQueryBytes) huge += "\xc3\xa9";  // é
  REQUIRE(corpus::search::search(b.index, huge, {}, &ws) == Status::ok);
  CHECK(ws.query.truncated);
  CHECK(ws.results.count == 0);
}

TEST_CASE("prefixes share the cursors left by the other clauses") {
  std::vector<TestDoc> docs;
  for (const char* p : {"pa", "pb", "pc", "pd"}) {
    std::string body;
    for (int i = 0; i < 20; ++i) body += std::string(p) + std::to_string(i) + "x ";
    docs.emplace_back(p, body);
  }
  docs.emplace_back("target", "needle in here");
  BuiltIndex b(docs);
  static SearchWorkspace ws;
  // 4 x 16 expansions would need 64 cursors of kMaxCursors.
  REQUIRE(corpus::search::search(b.index, "pa* pb* pc* pd* +needle", {}, &ws) == Status::ok);
  CHECK((ws.results.flags & kPrefixTruncated) != 0);
  REQUIRE(ws.results.count == 1);
  CHECK(ws.results.hits[0].article == 4);
  REQUIRE(corpus::search::search(b.index, "pa* pb* pc* pd*", {}, &ws) == Status::ok);
  CHECK(as_set(run(b.index, "pa* pb* pc* pd*")) == std::set<uint32_t>{0, 1, 2, 3});
  CHECK(ws.set.slot_count == kMaxCursors);
}

TEST_CASE("the search workspace's size is pinned") {
  // With the default limits on a 64-bit host; a change here is a RAM change for
  // every device: update the README's figure with it.
  if (sizeof(void*) == 8 && kMaxClauses == 32 && kMaxQueryTerms == 32 && kMaxCursors == 48 && kMaxResults == 100) {
    // 19048 + 32 (Clause::implicit, script rules) + 2800 (typo tolerance) + 1120
    // (LanguageScope) - 384 (index format 3: skip widths in bytes, 8 B less per cursor)
    // + 8 (ClauseSet's pointer to a collection search's DfMemo)
    CHECK(kSearchWorkspaceBytes == 22632);
  }
  CHECK(kSearchWorkspaceBytes == sizeof(SearchWorkspace));
}
