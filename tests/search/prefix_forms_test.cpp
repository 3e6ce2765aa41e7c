// A prefix that ends inside a stem (issue 10 item 5): for every word of a corpus,
// every prefix of 3 or more bytes must reach the articles containing that word.
// Checked on BBC News (../shared) for a fixed random sample of 2,000 words, every
// prefix length 3..len: the word's term is among the prefix's expansions, the prefix
// query returns every article containing the word (when it returns all its matches),
// and completion offers a word that starts with the prefix. Ground truth: the
// tokenizer (unstemmed) over each indexed article's title and main text.
// Reports a skip when ../shared is absent.
#include <catch.hpp>

#include "skip.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "corpus/search/complete.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/search.hpp"
#include "search_fixture.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;

namespace {

using WordArticles = std::map<std::string, std::set<uint32_t>>;

void add_words(std::string_view text, uint32_t article, WordArticles& out) {
  text::TokenizerOptions plain;
  plain.stem_english = false;
  text::Tokenizer tok(text, plain);
  text::Token t;
  while (tok.next(&t)) out[std::string(t.view())].insert(article);
}

// The term the index holds for a folded word.
std::string term_of(const std::string& word, const cs::Index& index) {
  text::Tokenizer tok(word, index.tokenizer());
  text::Token t;
  REQUIRE(tok.next(&t));
  return std::string(t.view());
}

bool expansions_reach(const cs::Index& index, std::string_view prefix, const std::string& term) {
  cs::PrefixTerms terms(index, prefix);
  cs::TermEntry e;
  std::string_view form;
  bool done = false;
  for (Status s = terms.next(&e, &form, &done); !done; s = terms.next(&e, &form, &done)) {
    REQUIRE(s == Status::ok);
    if (e.view() == term) return true;
  }
  char stem[text::kMaxTermBytes];  // the stemmed prefix itself, as the query adds it
  std::memcpy(stem, prefix.data(), prefix.size());
  return std::string_view(stem, text::stem_english(stem, prefix.size())) == term;
}

}  // namespace

TEST_CASE("every prefix (3+ bytes) of 2,000 BBC words reaches the word's articles") {
  const std::string bbc = std::string(CORPUS_SHARED_DIR) + "/corpora/bbc-news";
  if (!std::filesystem::is_directory(bbc)) {
    CORPUS_SKIP(bbc << " not found");
  }
  corpus_test::Compiled c;
  corpus_test::compile({bbc}, corpusc::BuildSettings(), c);
  cs::Index index;
  REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  REQUIRE(index.form_count() > 0);

  WordArticles words;
  for (uint32_t i = 0; i < c.blob.article_count(); ++i) {
    ArticleInfo a = c.blob.article(i);
    if (a.canonical != i) continue;  // duplicates are indexed through their canonical
    add_words(a.title, i, words);
    add_words(c.main_text(a.text), i, words);
  }
  std::vector<const WordArticles::value_type*> pool;
  for (const auto& w : words) {
    if (w.first.size() >= 3) pool.push_back(&w);
  }
  REQUIRE(pool.size() > 2000);
  std::mt19937 gen(20261202);  // fixed: the same sample on every run
  auto ws = std::make_unique<cs::SearchWorkspace>();
  cs::SearchOptions opt;
  opt.k = cs::kMaxResults;
  uint32_t prefixes = 0, complete_lists = 0;
  for (int n = 0; n < 2000; ++n) {
    const auto& [word, articles] = *pool[gen() % pool.size()];
    const std::string term = term_of(word, index);
    for (size_t len = 3; len <= word.size(); ++len) {
      if (len < word.size() && (static_cast<unsigned char>(word[len]) & 0xC0) == 0x80) continue;
      const std::string prefix = word.substr(0, len);
      INFO("word " << word << " (term " << term << ") prefix " << prefix);
      ++prefixes;
      CHECK(expansions_reach(index, prefix, term));

      REQUIRE(cs::search(index, prefix + "*", opt, ws.get()) == Status::ok);
      if (ws->results.count < opt.k && (ws->results.flags & cs::kPrefixTruncated) == 0) {
        ++complete_lists;  // every match was returned: each article must be there
        std::set<uint32_t> got;
        for (uint32_t i = 0; i < ws->results.count; ++i) got.insert(ws->results.hits[i].article);
        for (uint32_t a : articles) CHECK(got.count(a) == 1);
      }

      cs::Completion out[32];
      uint32_t count = 0;
      REQUIRE(cs::complete(index, prefix, out, 32, &count) == Status::ok);
      char folded[text::kMaxTermBytes];  // complete() folds what was typed ("drogba'" -> "drogba")
      const std::string_view typed(folded, text::fold_word(prefix, folded, sizeof folded));
      bool offered = false;
      for (uint32_t i = 0; i < count; ++i) offered = offered || cs::starts_with(out[i].view(), typed);
      CHECK(offered);
    }
  }
  INFO(prefixes << " prefixes, " << complete_lists << " with every match returned");
  CHECK(prefixes > 8000);
  CHECK(complete_lists > prefixes / 4);
}
