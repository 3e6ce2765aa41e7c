// Known Porter2 outputs (checked against Snowball 2.2.0's libstemmer); the full
// comparison over real text is test_stem_oracle.cpp.
#include <catch.hpp>

#include <string>

#include "corpus/text/stem_english.hpp"

static std::string stem(std::string w) {
  size_t n = corpus::text::stem_english(&w[0], w.size());
  REQUIRE(n <= w.size());
  return w.substr(0, n);
}

TEST_CASE("stem_english follows Porter2") {
  const char* cases[][2] = {
      {"generously", "generous"}, {"skies", "sky"},       {"dying", "die"},
      {"news", "news"},           {"inning", "inning"},   {"cries", "cri"},
      {"ties", "tie"},            {"hoped", "hope"},      {"hopping", "hop"},
      {"john's", "john"},         {"consigned", "consign"}, {"knightly", "knight"},
      {"abilities", "abil"},      {"agreement", "agreement"}, {"happy", "happi"},
      {"crying", "cri"},          {"caresses", "caress"}, {"agreed", "agre"},
      {"conflated", "conflat"},   {"troubled", "troubl"}, {"sized", "size"},
      {"filing", "file"},         {"don't", "don't"},     {"it's", "it"},
      {"fluently", "fluentli"},   {"gentle", "gentl"},    {"communism", "communism"},
      {"generate", "generat"},    {"arsenal", "arsenal"}, {"naïve", "naïv"},
      {"2011", "2011"},           {"dyes", "dye"},        {"yayy", "yayi"},
      {"added", "ad"},            {"evening", "even"},    {"θεός", "θεός"},
  };
  for (auto& c : cases) {
    INFO(c[0]);
    CHECK(stem(c[0]) == c[1]);
  }
}

TEST_CASE("stem_english leaves words under three characters alone") {
  CHECK(stem("is") == "is");
  CHECK(stem("as") == "as");
  CHECK(stem("ßs") == "ßs");  // 2 characters, 3 bytes
}

TEST_CASE("stem_english is safe on empty and odd input") {
  CHECK(corpus::text::stem_english(nullptr, 0) == 0);
  std::string odd("\xFF\xC3'sies\x80", 8);
  CHECK(stem(odd).size() <= odd.size());
}
