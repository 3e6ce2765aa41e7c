#include <catch.hpp>
#include "support/skip.hpp"

#include <string>
#include <vector>

#include "clean/boilerplate_detector.hpp"
#include "seed_corpus.hpp"

using corpusc::BoilerplateDetector;
using corpusc::Span;

namespace {

// Every occurrence of `word` in `text` lies inside one of `spans`.
bool only_in_spans(const std::string& text, const std::string& word, const std::vector<Span>& spans) {
  for (std::size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    bool inside = false;
    for (const Span& s : spans) inside = inside || (s.begin <= pos && pos + word.size() <= s.end);
    if (!inside) return false;
  }
  return true;
}

std::string article(int i) {
  return "Headline number " + std::to_string(i) + " about topic " + std::to_string(i * 7) +
         "\n\nFirst paragraph of story " + std::to_string(i) + " with its own words and facts " +
         std::to_string(i * 13) + ".\n\nSecond paragraph, still unique to story " + std::to_string(i) + ".\n";
}

}  // namespace

TEST_CASE("a template trailer learned from the corpus is chrome; article text is not") {
  BoilerplateDetector detector;
  std::vector<std::string> texts;
  for (int i = 0; i < 6; ++i)
    texts.push_back(article(i) + "\nMore stories\n\nTeaser of unrelated story " + std::to_string(100 + i) +
                    " that only this page shows.\n\nSubscribe\n");
  for (const auto& t : texts) detector.learn(t);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string main = detector.main_text(texts[i]);
    CHECK(main == article(static_cast<int>(i)).substr(0, article(static_cast<int>(i)).size() - 1));
    const auto spans = detector.chrome_spans(texts[i]);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end == texts[i].size());
    CHECK(texts[i].compare(spans[0].begin, 12, "More stories") == 0);
  }
}

TEST_CASE("outside a tail, a paragraph shared by a few versions of a story stays article") {
  BoilerplateDetector detector;
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i)
    texts.push_back(article(i) + "\nThe same quoted paragraph that three versions of one story share.\n\nEnd " +
                    std::to_string(i) + " of a unique closing paragraph.\n");
  for (const auto& t : texts) detector.learn(t);
  for (const auto& t : texts) CHECK(detector.chrome_spans(t).empty());
}

TEST_CASE("lines shared by fewer than min_docs texts are article text") {
  BoilerplateDetector detector;
  const std::string a = article(1) + "\nRelated\n\nShared quote in two stories only.\n";
  const std::string b = article(2) + "\nRelated\n\nShared quote in two stories only.\n";
  detector.learn(a);
  detector.learn(b);
  CHECK(detector.chrome_spans(a).empty());
  CHECK(detector.main_text(b) == b.substr(0, b.size() - 1));
}

TEST_CASE("byte-identical texts count once") {
  BoilerplateDetector detector;
  const std::string a = article(1) + "\nFooter line\n";
  for (int i = 0; i < 5; ++i) detector.learn(a);
  CHECK(detector.learned_texts() == 1);
  CHECK(detector.chrome_spans(a).empty());
}

TEST_CASE("a repeated header opens a chrome tail only when the tail is mostly template") {
  BoilerplateDetector detector;
  std::vector<std::string> texts;
  // "Background" is a common section header, but followed by long unique prose.
  for (int i = 0; i < 5; ++i)
    texts.push_back(article(i) + "\nBackground\n\nA long unique paragraph " + std::to_string(i) +
                    " of real reporting.\n\nAnother unique paragraph " + std::to_string(i) + ".\n");
  for (const auto& t : texts) detector.learn(t);
  for (const auto& t : texts) {
    const auto spans = detector.chrome_spans(t);
    REQUIRE(spans.size() == 1);  // only the header line itself
    CHECK(t.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Background\n");
  }
}

TEST_CASE("within-page repetition marks teasers in a corpus of one") {
  BoilerplateDetector detector;
  const std::string text = article(3) +
                           "\nEditor's choice\nTeaser headline\n\nTeaser headline\n\nTeaser body.\n"
                           "Editor's choice\nOther headline\n\nOther headline\n\nOther body.\n";
  detector.learn(text);
  CHECK(detector.main_text(text) == article(3).substr(0, article(3).size() - 1));
}

TEST_CASE("seeds: commonspace trailers are chrome, article paragraphs are kept") {
  const auto seeds = corpusc_test::load_seeds();
  if (seeds.empty()) {
    CORPUS_SKIP("../shared/seeds not found");
  }
  REQUIRE(seeds.size() == 5);
  BoilerplateDetector detector;
  for (const auto& s : seeds) detector.learn(s.text);

  const std::string main0 = detector.main_text(seeds[0].text);
  CHECK(main0.find("Senior diplomats of Russia and the United States") != std::string::npos);
  CHECK(main0.find("Commonspace.eu political editor said") != std::string::npos);
  CHECK(main0.find("Related articles") == std::string::npos);
  CHECK(main0.find("Editor's choice") == std::string::npos);
  CHECK(main0.find("Popular") == std::string::npos);
  // The two copies of the same article have the same main text.
  CHECK(detector.main_text(seeds[1].text) == main0);

  for (const auto& s : seeds) {
    INFO(s.name);
    const auto spans = detector.chrome_spans(s.text);
    for (const char* word : {"Greenland", "Borrell", "Rutte", "Georgian Dream", "Editor's choice"})
      CHECK(only_in_spans(s.text, word, spans));
  }
  // 004 has no template trailer: nothing of it is chrome.
  CHECK(detector.chrome_spans(seeds[4].text).empty());
  // 002 keeps its own last paragraphs.
  const std::string main2 = detector.main_text(seeds[2].text);
  CHECK(main2.find("Updated 11 July 2011") != std::string::npos);
  CHECK(main2.find("the peace process") != std::string::npos);
}

TEST_CASE("chrome spans are deterministic and independent of learning order") {
  const auto seeds = corpusc_test::load_seeds();
  if (seeds.empty()) {
    CORPUS_SKIP("../shared/seeds not found");
  }
  BoilerplateDetector forward, backward;
  for (const auto& s : seeds) forward.learn(s.text);
  for (auto it = seeds.rbegin(); it != seeds.rend(); ++it) backward.learn(it->text);
  for (const auto& s : seeds) CHECK(forward.chrome_spans(s.text) == backward.chrome_spans(s.text));
}
