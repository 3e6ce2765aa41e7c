// Script rules at query time (text/scripts.hpp, search/script_query.hpp): runs of CJK
// and no-space-script characters as implicit phrases, Hangul words as prefixes,
// Arabic folds; old indexes (no script bits) answer as before.
#include <catch.hpp>

#include <set>
#include <string>

#include "corpus/search/searcher.hpp"
#include "search_fixture.hpp"

using namespace corpus;
using namespace corpus::search;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

text::TokenizerOptions rules(uint32_t script_rules) {
  text::TokenizerOptions o;
  o.script_rules = script_rules;
  return o;
}

std::set<uint32_t> hits(const Index& index, const std::string& q, SearchWorkspace* ws, Status want = Status::ok) {
  INFO(q);
  REQUIRE(corpus::search::search(index, q, {}, ws) == want);
  std::set<uint32_t> out;
  for (uint32_t i = 0; i < ws->results.count; ++i) out.insert(ws->results.hits[i].article);
  return out;
}

const std::vector<TestDoc>& cjk_docs() {
  static const std::vector<TestDoc> docs = {
      {"新闻", "今天举行了记者会见，首相回答问题。"},  // 0: 记者会见 in a row
      {"报道", "首相会见了几位记者。"},                // 1: the same characters apart
      {"日记", "他每天写日记。"},                      // 2: 记 only
      {"タイ", "ภาษาไทยง่าย カタカナの本"},            // 3: Thai and katakana runs
      {"ไทย", "ไทย และ ญี่ปุ่น カナダ"},                 // 4: shorter runs
  };
  return docs;
}

}  // namespace

TEST_CASE("a run of ideographs is an implicit phrase: 1, 2, 3 and 4 characters") {
  BuiltIndex b(cjk_docs());
  REQUIRE(b.status == Status::ok);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "记", &ws) == std::set<uint32_t>{0, 1, 2});
  CHECK(hits(b.index, "记者", &ws) == std::set<uint32_t>{0, 1});
  CHECK(hits(b.index, "者会见", &ws) == std::set<uint32_t>{0});
  CHECK(hits(b.index, "记者会见", &ws) == std::set<uint32_t>{0});
  REQUIRE(ws.query.clause_count == 1);
  CHECK(ws.query.clauses[0].kind == ClauseKind::phrase);
  CHECK(ws.query.clauses[0].implicit);
  CHECK(ws.query.clauses[0].term_count == 4);
  // Separate words stay separate clauses: an OR of the two runs.
  CHECK(hits(b.index, "记者 日记", &ws) == std::set<uint32_t>{0, 1, 2});
}

TEST_CASE("Thai and kana runs are implicit phrases too") {
  BuiltIndex b(cjk_docs());
  static SearchWorkspace ws;
  CHECK(hits(b.index, "ภาษา", &ws) == std::set<uint32_t>{3});
  CHECK(hits(b.index, "ไทย", &ws) == std::set<uint32_t>{3, 4});
  // Five characters or more: OR-ed characters and bigrams, the whole run ranking first.
  CHECK(hits(b.index, "ภาษาไทย", &ws).count(3) == 1);
  CHECK(ws.results.hits[0].article == 3);
  CHECK(hits(b.index, "カタカナ", &ws) == std::set<uint32_t>{3});
  CHECK(hits(b.index, "カナ", &ws) == std::set<uint32_t>{3, 4});
}

TEST_CASE("without the script bits (an old index) a run is an OR of characters, as before") {
  BuiltIndex b(cjk_docs(), {}, rules(0));
  REQUIRE(b.status == Status::ok);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "记者会见", &ws) == std::set<uint32_t>{0, 1, 2});
  CHECK(ws.query.clause_count == 4);
  CHECK(hits(b.index, "ภาษาไทย", &ws).empty());  // one token per Thai run, as before
}

TEST_CASE("a long run becomes overlapping bigram phrases; a too long question still answers") {
  // 44 characters, 2 of them repeated: more bigrams and characters than 32 terms hold.
  const std::string question = "北京上海广州深圳天津重庆南京武汉成都西安杭州苏州长沙郑州沈阳大连青岛厦门今天举行了记者会见首相回答问题首相";
  BuiltIndex b(cjk_docs());
  static SearchWorkspace ws;
  const std::set<uint32_t> got = hits(b.index, "首相回答问题", &ws);
  CHECK(got.count(0) == 1);
  CHECK(ws.results.hits[0].article == 0);
  CHECK(ws.query.clause_count == 11);  // 6 characters, 5 bigrams: 首相 相回 回答 答问 问题
  CHECK(ws.query.term_count == 6);     // the bigrams share their characters' terms
  CHECK(ws.set.slot_count == 16);      // but each clause has cursors of its own
  CHECK(hits(b.index, question, &ws).count(0) == 1);
  CHECK(ws.results.hits[0].article == 0);
  CHECK(ws.query.truncated);
  CHECK(ws.query.term_count <= kMaxQueryTerms);
  // Repeated bigrams add weight instead of clauses.
  bool weighted = false;
  for (uint32_t c = 0; c < ws.query.clause_count; ++c) weighted |= ws.query.clauses[c].weight > 1;
  CHECK(weighted);
  // Operators still evict the implicit phrases of a long question.
  CHECK(hits(b.index, question + " +\"首相会见\"", &ws) == std::set<uint32_t>{1});
}

TEST_CASE("a Hangul word finds the words it starts (attached particles)") {
  const std::vector<TestDoc> docs = {
      {"여행", "우리는 서울에서 만났다."},  // 0
      {"도시", "서울의 날씨는 맑다."},      // 1
      {"부산", "부산에서 만났다."},         // 2
  };
  BuiltIndex b(docs);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "서울", &ws) == std::set<uint32_t>{0, 1});
  CHECK(hits(b.index, "+서울 만났다", &ws) == std::set<uint32_t>{0, 1});
  BuiltIndex old(docs, {}, rules(0));
  CHECK(hits(old.index, "서울", &ws).empty());
}

TEST_CASE("Arabic folds apply to index and query alike") {
  const std::vector<TestDoc> docs = {
      {"مدرسة", "ذهب الطالب إلى مدرسة كبيرة."},  // 0
      {"قراءة", "قرأت كتـــاب مستشفى."},          // 1
  };
  BuiltIndex b(docs);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "مدرسه", &ws) == std::set<uint32_t>{0});
  CHECK(hits(b.index, "كتاب", &ws) == std::set<uint32_t>{1});
  CHECK(hits(b.index, "مستشفي", &ws) == std::set<uint32_t>{1});
  CHECK(hits(b.index, "مَدْرَسَة", &ws) == std::set<uint32_t>{0});
  BuiltIndex old(docs, {}, rules(0));
  CHECK(hits(old.index, "كتاب", &ws).empty());  // the tatweel made another word before
}

TEST_CASE("title: runs are title phrases; a long Korean query still answers") {
  BuiltIndex b(cjk_docs());
  static SearchWorkspace ws;
  CHECK(hits(b.index, "title:新闻", &ws) == std::set<uint32_t>{0});
  CHECK_FALSE(ws.query.clauses[0].implicit);
  CHECK(hits(b.index, "title:日记 title:报道", &ws) == std::set<uint32_t>{1, 2});

  const std::vector<TestDoc> docs = {{"여행", "우리는 서울에서 만났다."}, {"부산", "부산에서 만났다."}};
  BuiltIndex ko(docs);
  std::string query = "서울";
  for (int i = 0; i < 40; ++i) query += " 단어" + std::to_string(i);  // 41 Hangul words
  CHECK(hits(ko.index, query, &ws).count(0) == 1);
  CHECK(ws.query.truncated);
  CHECK(ws.query.clause_count <= kMaxClauses);
}

TEST_CASE("a run's implicit phrase scores as one term: its own occurrences, not its characters'") {
  // Same length (11 tokens); 0 holds 记者 once and its characters often, 1 holds 记者 twice. As the
  // sum of its characters' scores (explicit phrases), 0 would rank first.
  const std::vector<TestDoc> docs = {
      {"甲", "记者 记 记 记 记 丙 者 者 者 者"},
      {"乙", "记者 记者 丙 丙 丙 丙 丙 丙 丙"},
  };
  BuiltIndex b(docs);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "记者", &ws) == std::set<uint32_t>{0, 1});
  CHECK(ws.results.hits[0].article == 1);
  CHECK(ws.results.hits[0].score > ws.results.hits[1].score);
  CHECK(hits(b.index, "\"记者\"", &ws) == std::set<uint32_t>{0, 1});  // a quoted phrase: as before
  CHECK(ws.results.hits[0].article == 0);
}

TEST_CASE("a run of 16 characters fits the default limits; longer runs and operators keep within the cursors") {
  if (kMaxQueryTerms != 32 || kMaxClauses != 32 || kMaxCursors != 48) return;
  BuiltIndex b(cjk_docs());
  static SearchWorkspace ws;
  const std::string sixteen = "北京上海广州深圳天津重庆南京武汉";
  hits(b.index, sixteen, &ws);
  CHECK_FALSE(ws.query.truncated);
  CHECK(ws.query.clause_count == 30);  // 15 distinct characters (京 twice), 15 bigrams
  const std::string chars = "北京上海广州深圳天津重庆南京武汉成都西安杭州苏州长沙郑州沈阳大连青岛厦门今天举行了记者会见";
  for (size_t cut = 3; cut <= chars.size(); cut += 3) {  // every length, with words and operators
    for (const std::string& q : {chars.substr(0, cut), "a " + chars.substr(0, cut) + " b c",
                                 "+\"首相\" " + chars.substr(0, cut) + " -问题 记者会见"}) {
      INFO(q);
      REQUIRE(corpus::search::search(b.index, q, {}, &ws) == Status::ok);
      uint32_t cursors = 0;
      for (uint32_t c = 0; c < ws.query.clause_count; ++c) {
        const Clause& cl = ws.query.clauses[c];
        CHECK(uint32_t{cl.first_term} + cl.term_count <= ws.query.term_count);
        for (uint32_t t = cl.first_term + 1u; cl.kind == ClauseKind::phrase && t < cl.first_term + cl.term_count; ++t) {
          CHECK(ws.query.terms[t].offset == ws.query.terms[t - 1].offset + 1);
        }
        cursors += cl.term_count;
      }
      CHECK(cursors <= kMaxCursors);
      CHECK(ws.query.term_count <= kMaxQueryTerms);
    }
  }
}

TEST_CASE("a run of 3-4 characters in a question weighs as its characters and bigrams") {
  // 0 holds the 4-character run, 1 three characters of the long run apart. Scored as one
  // term, the run would weigh less than those three characters.
  const std::vector<TestDoc> docs = {
      {"甲", "记者会见 丙 丙 丙"},
      {"乙", "首 丙 回 丙 问 丙"},
      {"丁", "丙 丙 丙 丙 丙"},
  };
  BuiltIndex b(docs);
  static SearchWorkspace ws;
  CHECK(hits(b.index, "《记者会见》首相回答问题了吗", &ws) == std::set<uint32_t>{0, 1});
  CHECK(ws.results.hits[0].article == 0);
}
