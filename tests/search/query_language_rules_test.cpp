// Query-side language rules, in the query's language only: query stop words
// (text/stopwords.hpp: Arabic and Hindi question words left out of plain optional
// words) and Arabic proclitic alternatives (search/script_query.hpp).
#include <catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "corpus/search/query.hpp"

using namespace corpus;
using namespace corpus::search;

namespace {

Query parsed;

// The terms of every clause of `q` parsed in `language` (no stemming: the lists are
// matched on the word as typed, whatever the stemmer makes of it).
std::vector<std::string> terms(const char* q, uint8_t language, Status want = Status::ok) {
  text::TokenizerOptions o;
  o.stem_english = false;
  o.language = language;
  INFO(q);
  REQUIRE(parse_query(q, o, &parsed) == want);
  std::vector<std::string> out;
  for (uint32_t t = 0; t < parsed.term_count; ++t) out.emplace_back(parsed.terms[t].view());
  return out;
}

using V = std::vector<std::string>;

// The clauses of `q` parsed in Arabic (unstemmed), each as the list of its terms.
std::vector<std::pair<ClauseKind, V>> clauses(const char* q, uint8_t language = CORPUS_LANG_arabic) {
  terms(q, language);
  std::vector<std::pair<ClauseKind, V>> out;
  for (uint32_t c = 0; c < parsed.clause_count; ++c) {
    const Clause& cl = parsed.clauses[c];
    V t;
    for (uint32_t i = cl.first_term; i < cl.first_term + cl.term_count; ++i) t.emplace_back(parsed.terms[i].view());
    out.emplace_back(cl.kind, t);
  }
  return out;
}

}  // namespace

TEST_CASE("Arabic question words are left out of optional words, in Arabic only") {
  CHECK(terms("ما هي عاصمة مصر؟", CORPUS_LANG_arabic) == V{"عاصمه", "مصر"});
  CHECK(terms("متى وأين ولد؟", CORPUS_LANG_arabic) == V{"واين", "ولد"});  // only the bare word
  CHECK(terms("أين اين", CORPUS_LANG_arabic, Status::ok) == V{"اين"});     // nothing else: the first
  CHECK(terms("ما هي عاصمة مصر؟", CORPUS_LANG_none).size() == 4);
  CHECK(terms("ما هي عاصمة مصر؟", CORPUS_LANG_hindi).size() == 4);
}

TEST_CASE("operators keep query stop words") {
  CHECK(terms("+ما عاصمة", CORPUS_LANG_arabic) == V{"ما", "عاصمه"});
  CHECK(terms("\"ما هي\" عاصمة", CORPUS_LANG_arabic) == V{"ما", "هي", "عاصمه"});
  CHECK(terms("title:متى ولد", CORPUS_LANG_arabic) == V{"متي", "ولد"});
  CHECK(terms("-ما", CORPUS_LANG_arabic, Status::bad_query).size() == 1);
}

TEST_CASE("Hindi question words are matched as typed: vowel signs tell them apart") {
  // कहाँ ("where") and कहा ("said") both fold to कह: only the question word goes.
  CHECK(terms("उसने कहाँ कहा", CORPUS_LANG_hindi) == V{"उसन", "कह"});
  CHECK(terms("भारत की राजधानी क्या है?", CORPUS_LANG_hindi) == V{"भरत", "क", "रजधन", "ह"});
  CHECK(terms("कौन", CORPUS_LANG_hindi) == V{"कन"});
}

TEST_CASE("the query stop word lists are sorted for their binary search") {
  auto sorted = [](const auto& list) { return std::is_sorted(std::begin(list), std::end(list)); };
  CHECK(sorted(text::detail::kArabicQueryStopwords));
  CHECK(sorted(text::detail::kHindiQueryStopwords));
  for (std::string_view w : text::detail::kHindiQueryStopwords) CHECK(text::is_query_stopword(CORPUS_LANG_hindi, w));
  CHECK_FALSE(text::is_query_stopword(CORPUS_LANG_english, "what"));
  CHECK_FALSE(text::is_query_stopword(CORPUS_LANG_hindi, ""));
}

TEST_CASE("an optional Arabic word after a proclitic also asks for the word without it") {
  using C = std::vector<std::pair<ClauseKind, V>>;
  // لسكان "for the residents": alternatives لسكان | سكان; ميلووكي has no proclitic.
  CHECK(clauses("لسكان ميلووكي") == C{{ClauseKind::alternatives, {"لسكان", "سكان"}}, {ClauseKind::term, {"ميلووكي"}}});
  CHECK(clauses("وظيفتها") == C{{ClauseKind::alternatives, {"وظيفتها", "ظيفتها"}}});
  CHECK(clauses("ولادة") == C{{ClauseKind::alternatives, {"ولاده", "لاده"}}});
  CHECK(clauses("ولدت") == C{{ClauseKind::term, {"ولدت"}}});  // 4 letters: the word itself
  CHECK(clauses("+لسكان") == C{{ClauseKind::term, {"لسكان"}}});
  CHECK(clauses("\"لسكان ميلووكي\"") == C{{ClauseKind::phrase, {"لسكان", "ميلووكي"}}});
  CHECK(clauses("لسكان", CORPUS_LANG_none) == C{{ClauseKind::term, {"لسكان"}}});
  CHECK(detail::arabic_proclitic_bytes(CORPUS_LANG_arabic, "بالقرب", "بالقرب") == 2);
  CHECK(detail::arabic_proclitic_bytes(CORPUS_LANG_arabic, "مستوطنات", "مستوطنات") == 0);
  CHECK(detail::arabic_proclitic_bytes(CORPUS_LANG_hindi, "بالقرب", "بالقرب") == 0);
}

TEST_CASE("a long run over the term limit drops the bigrams of its most frequent character first") {
  // 17 characters: 17 terms and 16 bigram phrases, 33 clauses, one more than
  // kMaxClauses holds by default. 的 is in 400 documents, every other character in 5.
  if (kMaxQueryTerms != 32 || kMaxClauses != 32) return;
  TermStats stats;
  stats.df = [](const void*, std::string_view term) -> uint32_t { return term == "的" ? 400u : 5u; };
  static Query q;
  REQUIRE(parse_query("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳的", text::TokenizerOptions{}, &q, {}, stats) == Status::ok);
  CHECK(q.truncated);
  bool single = false, bigram = false;
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const Clause& cl = q.clauses[c];
    for (uint32_t t = cl.first_term; t < cl.first_term + cl.term_count; ++t) {
      if (q.terms[t].view() != "的") continue;
      (cl.term_count == 1 ? single : bigram) = true;
    }
  }
  CHECK(single);      // the character itself is kept: one term
  CHECK_FALSE(bigram);  // 巳的 (its key: 的's df) gave way
}
