#include <catch.hpp>
#include "support/skip.hpp"

#include <string>
#include <vector>

#include "clean/boilerplate_detector.hpp"
#include "clean/near_duplicates.hpp"
#include "seed_corpus.hpp"

using corpusc::cluster_near_duplicates;

namespace {

std::string words(int from, int count) {
  std::string s;
  for (int i = from; i < from + count; ++i) s += "w" + std::to_string(i) + " ";
  return s;
}

}  // namespace

TEST_CASE("jaccard of shingle sets") {
  const auto a = corpusc::word_shingles("The cat sat on the mat today", 2);
  const auto b = corpusc::word_shingles("the CAT sat on the mat, today!", 2);
  CHECK(corpusc::jaccard(a, b) == 1.0);  // case and punctuation do not matter
  CHECK(corpusc::word_shingles("", 5).empty());
  CHECK(corpusc::word_shingles("two words", 5).size() == 1);
  CHECK(corpusc::jaccard({}, {}) == 0.0);
}

TEST_CASE("near duplicates cluster to their lowest-index member; others stay alone") {
  const std::string base = words(0, 300);
  const std::string edited = words(0, 150) + "inserted sentence here " + words(150, 150);  // J ~ 0.96
  const std::string other = words(1000, 300);
  const std::string half = words(0, 150) + words(2000, 150);  // J ~ 0.33 with base
  const std::vector<std::string> texts = {other, base, half, edited, "", ""};
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const auto c = cluster_near_duplicates(views);
  CHECK(c == std::vector<uint32_t>{0, 1, 2, 1, 4, 5});
}

TEST_CASE("members are similar to their canonical, not merely chained") {
  // a ~ b and b ~ c above 0.8, but a and c below it: c must not join a through b.
  const std::string a = words(0, 100);
  const std::string b = words(6, 100);
  const std::string c = words(12, 100);
  std::vector<std::string_view> views = {a, b, c};
  corpusc::NearDuplicateOptions options;
  options.min_jaccard = 0.85;
  const auto cl = cluster_near_duplicates(views, options);
  CHECK(cl[0] == 0);
  CHECK(cl[1] == 0);
  CHECK(cl[2] == 2);
}

TEST_CASE("the threshold is an option") {
  const std::string a = words(0, 200);
  const std::string b = words(0, 170) + words(5000, 30);  // J = 166/(196+196-166) ~ 0.73
  std::vector<std::string_view> views = {a, b};
  CHECK(cluster_near_duplicates(views)[1] == 1);
  corpusc::NearDuplicateOptions loose;
  loose.min_jaccard = 0.7;
  CHECK(cluster_near_duplicates(views, loose)[1] == 0);
}

TEST_CASE("seeds: 000 and 001 (same article, other trailers) cluster, nothing else does") {
  const auto seeds = corpusc_test::load_seeds();
  if (seeds.empty()) {
    CORPUS_SKIP("../shared/seeds not found");
  }
  corpusc::BoilerplateDetector detector;
  for (const auto& s : seeds) detector.learn(s.text);
  std::vector<std::string> mains;
  for (const auto& s : seeds) mains.push_back(detector.main_text(s.text));
  std::vector<std::string_view> views(mains.begin(), mains.end());
  CHECK(cluster_near_duplicates(views) == std::vector<uint32_t>{0, 0, 2, 3, 4});
}
