// Typo tolerance (issue 14): the edit-distance rows against a reference, candidate
// search over the dictionary and the surface forms, and what search() does with
// words that match no term.
#include <catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "corpus/search/search.hpp"
#include "search_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;
using corpus_test::BuiltIndex;

namespace {

// Textbook optimal-string-alignment distance, full matrix.
uint32_t reference_osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<uint32_t>> d(b.size() + 1, std::vector<uint32_t>(a.size() + 1));
  for (size_t i = 0; i <= b.size(); ++i) {
    for (size_t j = 0; j <= a.size(); ++j) {
      if (i == 0 || j == 0) {
        d[i][j] = static_cast<uint32_t>(i + j);
        continue;
      }
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[j - 1] == b[i - 1] ? 0u : 1u)});
      if (i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[b.size()][a.size()];
}

std::string random_word(std::mt19937& g, uint32_t max_len) {
  std::string s(g() % (max_len + 1), 'a');
  for (char& c : s) c = static_cast<char>('a' + g() % 3);  // 3 letters: many near matches
  return s;
}

cs::SearchWorkspace g_ws;

std::vector<uint32_t> hits(const cs::Index& index, const std::string& q, bool typos = true) {
  cs::SearchOptions o;
  o.typos = typos;
  REQUIRE(cs::search(index, q, o, &g_ws) == Status::ok);
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < g_ws.results.count; ++i) out.push_back(g_ws.results.hits[i].article);
  return out;
}

std::string corrected(const std::string& q) {
  char out[512];
  return std::string(out, cs::corrected_query(q, g_ws.results.corrections, out, sizeof out));
}

const std::vector<corpus_test::TestDoc>& docs() {
  static const std::vector<corpus_test::TestDoc> d = {
      {"Trade negotiations resume", "The negotiations on trade resumed in Geneva after a pause."},  // 0
      {"Election results", "The election results were announced on Sunday evening."},             // 1
      {"Tsunami relief", "Relief for the tsunami victims arrived by ship."},                       // 2
      {"Market report", "The market closed higher; traders cheered the trade figures."},          // 3
      {"Weather", "Rain and sun over the hills."},                                                 // 4
  };
  return d;
}

}  // namespace

TEST_CASE("EditRows agrees with the textbook distance, over a shared-prefix stream") {
  std::mt19937 g(14);
  static cs::EditRows rows;
  for (int round = 0; round < 3000; ++round) {
    const std::string pattern = random_word(g, 10);
    const uint32_t limit = static_cast<uint32_t>(g() % 3);
    REQUIRE(rows.reset(pattern, limit));
    std::vector<std::string> words;
    for (int i = 0; i < 12; ++i) words.push_back(random_word(g, 12));
    std::sort(words.begin(), words.end());  // as a dictionary: rows are reused
    for (const std::string& w : words) {
      const uint32_t want = std::min(reference_osa(pattern, w), limit + 1);
      REQUIRE(rows.distance(w) == want);
      REQUIRE(cs::osa_distance(pattern, w, limit) == want);
      uint32_t best = limit + 1;
      for (size_t n = 0; n <= w.size(); ++n) best = std::min(best, reference_osa(pattern, w.substr(0, n)));
      REQUIRE(rows.prefix_distance(w) == best);
      for (size_t n = 0; n <= w.size(); ++n) {  // floor() never exceeds what a word with that prefix reaches
        REQUIRE(rows.floor(w.substr(0, n), false) <= want);
        REQUIRE(rows.floor(w.substr(0, n), true) <= best);
      }
    }
  }
}

TEST_CASE("the typo budget: thresholds by characters, no-space and Indic scripts exempt") {
  CHECK(cs::typo_budget("tlk") == 0);
  CHECK(cs::typo_budget("tlks") == 1);
  CHECK(cs::typo_budget("negotat") == 1);
  CHECK(cs::typo_budget("negotatons") == 2);
  CHECK(cs::typo_budget("\xc3\xa9l\xc3\xa9gant") == 1);                   // 7 characters, 9 bytes
  CHECK(cs::typo_budget("\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd\xe5\xba\x81") == 0);  // CJK
  CHECK(cs::typo_budget(std::string(40, 'a')) == 0);                      // past kMaxTypoWordBytes
}

TEST_CASE("a word matching no term is searched as its corrections, and says so") {
  BuiltIndex b(docs());
  REQUIRE(b.status == Status::ok);
  CHECK(hits(b.index, "negotations").empty() == false);
  CHECK(hits(b.index, "negotations") == std::vector<uint32_t>{0});
  CHECK((g_ws.results.flags & cs::kTyposCorrected) != 0);
  REQUIRE(g_ws.results.corrections.count == 1);
  CHECK(corrected("negotations") == "negotiations");
  CHECK(hits(b.index, "negotations", false).empty());
  CHECK(g_ws.results.corrections.count == 0);
  CHECK(hits(b.index, "Electoin  resluts") == std::vector<uint32_t>{1});  // case folded, a swap and a swap
  CHECK(corrected("Electoin  resluts") == "election  results");
}

TEST_CASE("corrections work in phrases, +required and title:, not in prefixes or exclusions") {
  BuiltIndex b(docs());
  REQUIRE(b.status == Status::ok);
  CHECK(hits(b.index, "\"electoin results\"") == std::vector<uint32_t>{1});
  CHECK(corrected("\"electoin results\"") == "\"election results\"");
  CHECK(hits(b.index, "+tsunmai relief") == std::vector<uint32_t>{2});
  CHECK(hits(b.index, "title:markte") == std::vector<uint32_t>{3});
  CHECK(hits(b.index, "title:tarde").size() == 1);  // "trade" is in the title of 0 only
  CHECK(hits(b.index, "negotatx*").empty());
  CHECK(hits(b.index, "weather -electoin") == std::vector<uint32_t>{4});
  CHECK(hits(b.index, "election -electoin") == std::vector<uint32_t>{1});  // not corrected: not excluded
  CHECK(hits(b.index, "tlk").empty());                                     // 3 letters: too short
}

TEST_CASE("clean queries rank exactly as without typo tolerance; corrected words score less") {
  BuiltIndex b(docs());
  REQUIRE(b.status == Status::ok);
  for (const std::string q : {"trade", "election results", "\"trade negotiations\"", "+relief tsunami", "rain sun"}) {
    cs::SearchOptions on, off;
    off.typos = false;
    REQUIRE(cs::search(b.index, q, off, &g_ws) == Status::ok);
    const cs::SearchResults without = g_ws.results;
    REQUIRE(cs::search(b.index, q, on, &g_ws) == Status::ok);
    CHECK(g_ws.results.corrections.count == 0);
    REQUIRE(g_ws.results.count == without.count);
    for (uint32_t i = 0; i < without.count; ++i) {
      CHECK(g_ws.results.hits[i].article == without.hits[i].article);
      CHECK(g_ws.results.hits[i].score == without.hits[i].score);
    }
  }
  REQUIRE(hits(b.index, "negotiations").size() == 1);
  const uint32_t exact = g_ws.results.hits[0].score;
  REQUIRE(hits(b.index, "negotations").size() == 1);
  CHECK(g_ws.results.hits[0].score < exact);
  CHECK(cs::typo_idf(1000, 1, 0) < 1000);
  CHECK(cs::typo_idf(1000, 2, 0) < cs::typo_idf(1000, 1, 0));
  CHECK(cs::typo_idf(1000, 1, 1) < cs::typo_idf(1000, 1, 0));
}

TEST_CASE("a query that finds nothing even corrected still reports the correction") {
  BuiltIndex b(docs());
  REQUIRE(b.status == Status::ok);
  CHECK(hits(b.index, "+negotations +qqqqzzzz").empty());
  REQUIRE(g_ws.results.corrections.count == 1);
  CHECK(corrected("+negotations +qqqqzzzz") == "+negotiations +qqqqzzzz");
}

TEST_CASE("typo candidates rank by distance, then document frequency") {
  BuiltIndex b({{"a", "cart cart"}, {"b", "cart card"}, {"c", "care"}, {"d", "card"}, {"e", "card"}});
  REQUIRE(b.status == Status::ok);
  static cs::EditRows rows;
  cs::TypoCandidates cands;
  REQUIRE(cs::find_typo_candidates(b.index, "carx", rows, &cands) == Status::ok);
  REQUIRE(cands.count >= 3);
  CHECK(cands.items[0].distance == 1);
  CHECK(cands.items[0].df >= cands.items[1].df);
  CHECK(cands.items[1].df >= cands.items[2].df);
  CHECK(cands.steps <= cs::kMaxTypoSteps);
  CHECK_FALSE(cands.truncated);
}

TEST_CASE("forgiving completion: words a partial word begins with one typo, after the exact ones") {
  BuiltIndex b(docs());
  REQUIRE(b.status == Status::ok);
  static cs::EditRows rows;
  cs::Completion out[8];
  uint32_t n = 0;
  REQUIRE(cs::complete(b.index, "negotai", out, 8, &n) == Status::ok);
  CHECK(n == 0);
  REQUIRE(cs::complete(b.index, "negotai", out, 8, &n, nullptr, &rows) == Status::ok);
  REQUIRE(n >= 1);
  CHECK(out[0].view() == "negotiations");
  REQUIRE(cs::complete(b.index, "trad", out, 8, &n, nullptr, &rows) == Status::ok);
  REQUIRE(n >= 2);
  CHECK(out[0].view().substr(0, 4) == "trad");  // exact first: trade, traders
  CHECK(out[1].view().substr(0, 4) == "trad");
  REQUIRE(cs::complete(b.index, "trda", out, 8, &n, nullptr, &rows) == Status::ok);
  REQUIRE(n >= 1);
  CHECK(out[0].view().substr(0, 3) == "tra");  // a swap
  REQUIRE(cs::complete(b.index, "ngo", out, 8, &n, nullptr, &rows) == Status::ok);
  CHECK(n == 0);  // 3 letters: no typo allowed
  REQUIRE(cs::complete(b.index, "negotai", out, 1, &n, nullptr, &rows) == Status::ok);
  CHECK(n == 1);
}

TEST_CASE("an Arabic word with one letter replaced is corrected: a letter is two bytes") {
  // ميلووكي for ميلواكي: و (D9 88) -> ا (D8 A7) is two byte edits in a 7-letter word.
  CHECK(cs::typo_budget("\xd9\x85\xd9\x8a\xd9\x84\xd9\x88") == 2);  // ميلو: 4 Arabic letters
  CHECK(cs::typo_budget("\xd9\x85\xd9\x8a\xd9\x84") == 0);          // 3 letters
  CHECK(cs::typo_letter_distance("\xd9\x85\xd9\x8a\xd9\x84\xd9\x88", 2) == 1);
  CHECK(cs::typo_letter_distance("negotatons", 2) == 2);
  const std::vector<corpus_test::TestDoc> arabic = {
      {"ميلواكي", "بلغ العمر الوسطي للسكان في ميلواكي"},  // 0
      {"مدينة", "مدينة أخرى على النهر"},                  // 1
  };
  BuiltIndex b(arabic);
  REQUIRE(b.status == Status::ok);
  CHECK(hits(b.index, "ميلووكي") == std::vector<uint32_t>{0});
  CHECK((g_ws.results.flags & cs::kTyposCorrected) != 0);
  CHECK(corrected("ميلووكي") == "ميلواكي");
}
