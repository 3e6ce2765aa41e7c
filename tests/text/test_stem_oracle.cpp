// Our Porter2 against Snowball's own libstemmer (Debian libstemmer-dev) on every
// distinct folded token of the shared corpora: ../shared/corpora/bbc-news/*/*.txt,
// ../shared/corpora/beir-scifact/corpus.jsonl (raw lines; JSON escapes are just more
// separators) and ../shared/seeds/*. Skips when ../shared is absent.
#include <catch.hpp>
#include "support/skip.hpp"
#include <libstemmer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/text/tokenizer.hpp"

namespace fs = std::filesystem;
using namespace corpus::text;

// Words where we knowingly differ from libstemmer, with the reason. Keep it tiny.
static const std::map<std::string, std::string> kExceptions = {};

static void collect(const fs::path& file, std::unordered_set<std::string>* words) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  Tokenizer t(text, TokenizerOptions{false, false});
  Token tok;
  while (t.next(&tok)) words->emplace(tok.view());
}

TEST_CASE("stem_english agrees with Snowball's libstemmer on the shared corpora") {
  const fs::path shared = CORPUS_SHARED_DIR;
  if (!fs::is_directory(shared / "corpora")) {
    CORPUS_SKIP(shared.string() << "/corpora is absent");
  }
  std::vector<fs::path> files;
  const fs::path bbc = shared / "corpora" / "bbc-news";
  if (fs::is_directory(bbc)) {
    for (const auto& e : fs::recursive_directory_iterator(bbc)) {
      if (e.is_regular_file() && e.path().extension() == ".txt" &&
          e.path().parent_path() != bbc) {
        files.push_back(e.path());
      }
    }
  }
  const fs::path scifact = shared / "corpora" / "beir-scifact" / "corpus.jsonl";
  if (fs::is_regular_file(scifact)) files.push_back(scifact);
  if (fs::is_directory(shared / "seeds")) {
    for (const auto& e : fs::directory_iterator(shared / "seeds")) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  if (files.empty()) {
    CORPUS_SKIP("no corpus files under " << shared.string());
  }

  std::unordered_set<std::string> words;
  for (const auto& f : files) collect(f, &words);

  sb_stemmer* oracle = sb_stemmer_new("english", "UTF_8");
  REQUIRE(oracle != nullptr);
  size_t agreed = 0, excused = 0;
  std::vector<std::string> differences;
  for (const std::string& w : words) {
    const sb_symbol* s = sb_stemmer_stem(oracle, reinterpret_cast<const sb_symbol*>(w.data()),
                                         static_cast<int>(w.size()));
    if (s == nullptr) FAIL("libstemmer out of memory");
    const std::string theirs(reinterpret_cast<const char*>(s),
                             static_cast<size_t>(sb_stemmer_length(oracle)));
    std::string ours = w;
    ours.resize(stem_english(&ours[0], ours.size()));
    if (ours == theirs) {
      ++agreed;
    } else if (kExceptions.count(w) != 0) {
      ++excused;
    } else {
      differences.push_back(w + " -> ours " + ours + ", snowball " + theirs);
    }
  }
  sb_stemmer_delete(oracle);

  std::printf("stem oracle: %zu files, %zu distinct words, %zu agree, %zu listed exceptions, "
              "%zu differences\n",
              files.size(), words.size(), agreed, excused, differences.size());
  for (size_t i = 0; i < differences.size() && i < 40; ++i) {
    std::printf("  %s\n", differences[i].c_str());
  }
  CHECK(differences.empty());
  CHECK(words.size() > 10000);  // the corpora were really read
}

// Runs without ../shared: words glued from Porter2's suffixes, vowels, doubled
// consonants, apostrophes and non-ASCII letters hit every rule and its edge cases.
TEST_CASE("stem_english agrees with libstemmer on synthetic suffix-heavy words") {
  static const char* kPieces[] = {
      "a", "e", "i", "o", "u", "y", "b", "c", "d", "l", "ll", "s", "t", "n", "r", "w", "x",
      "'", "'s", "ing", "ed", "ies", "ied", "sses", "us", "ss", "eed", "eedly", "ingly",
      "edly", "at", "bl", "iz", "bb", "tt", "ational", "tional", "enci", "anci", "abli",
      "entli", "izer", "ization", "ation", "ator", "alism", "aliti", "alli", "fulness",
      "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli",
      "li", "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence",
      "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "sion", "tion", "gener", "commun", "arsen", "é", "ж", "中", "ß",
  };
  const size_t n = sizeof kPieces / sizeof kPieces[0];
  std::mt19937 rng(7);
  sb_stemmer* oracle = sb_stemmer_new("english", "UTF_8");
  REQUIRE(oracle != nullptr);
  size_t differences = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string w;
    const auto parts = 1 + rng() % 5;
    for (size_t j = 0; j < parts; ++j) w += kPieces[rng() % n];
    const sb_symbol* s = sb_stemmer_stem(oracle, reinterpret_cast<const sb_symbol*>(w.data()),
                                         static_cast<int>(w.size()));
    const std::string theirs(reinterpret_cast<const char*>(s),
                             static_cast<size_t>(sb_stemmer_length(oracle)));
    std::string ours = w;
    ours.resize(stem_english(&ours[0], ours.size()));
    if (ours != theirs && ++differences <= 20) {
      FAIL_CHECK(w << " -> ours " << ours << ", snowball " << theirs);
    }
  }
  sb_stemmer_delete(oracle);
  CHECK(differences == 0);
}
