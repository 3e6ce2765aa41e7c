// SharedBlocks: which paragraphs count as shared across stored texts, and the
// statistics `corpusc inspect` reports from them.
#include <catch.hpp>

#include <string>
#include <vector>

#include "clean/shared_blocks.hpp"

using corpusc::StoredText;

namespace {

std::vector<StoredText> texts_of(std::vector<std::string> bodies) {
  std::vector<StoredText> out;
  for (auto& b : bodies) out.push_back(StoredText{std::move(b), {}});
  return out;
}

const std::string kDisclaimer = "This article was provided by a wire service and edited for length.";
const std::string kOther = "A paragraph that appears in exactly one text and nowhere else at all.";

}  // namespace

TEST_CASE("a paragraph in two texts is one shared block with one repeat") {
  auto texts = texts_of({"Story one.\n\n" + kDisclaimer + "\n", "Story two.\n\n" + kDisclaimer,
                         "Story three.\n\n" + kOther + "\n"});
  const corpusc::SharedBlocks sb = corpusc::find_shared_blocks(texts);
  CHECK(sb.stats.blocks == 1);
  CHECK(sb.stats.occurrences == 1);
  CHECK(sb.stats.repeated_bytes == kDisclaimer.size());
  REQUIRE(sb.occurrences.size() == 2);
  CHECK(sb.occurrences[0].text == 0);
  CHECK(sb.occurrences[0].first);
  CHECK(sb.occurrences[1].text == 1);
  CHECK_FALSE(sb.occurrences[1].first);
  // The range covers the paragraph without its line break.
  const auto& r = sb.occurrences[0].range;
  CHECK(texts[0].bytes.substr(r.begin, r.end - r.begin) == kDisclaimer);
}

TEST_CASE("repeats within one text alone are not shared; CRLF paragraphs match LF ones") {
  auto same_text = texts_of({kDisclaimer + "\n\n" + kDisclaimer + "\n\n" + kDisclaimer});
  CHECK(corpusc::count_shared_blocks(same_text).blocks == 0);

  auto crlf = texts_of({"Intro.\r\n\r\n" + kDisclaimer + "\r\n", "Other intro.\n\n" + kDisclaimer + "\n",
                        kDisclaimer});
  const auto stats = corpusc::count_shared_blocks(crlf);
  CHECK(stats.blocks == 1);
  CHECK(stats.occurrences == 2);
}

TEST_CASE("blocks shorter than the minimum are left to zstd") {
  auto texts = texts_of({"Short line.\n\nBody one is here.", "Short line.\n\nBody two is there."});
  CHECK(corpusc::count_shared_blocks(texts).blocks == 0);
  CHECK(corpusc::count_shared_blocks(texts, 5).blocks == 1);
  CHECK(corpusc::count_shared_blocks({}).blocks == 0);
}

TEST_CASE("statistics do not depend on anything but the texts") {
  auto texts = texts_of({kOther + "\n\n" + kDisclaimer, kDisclaimer + "\n\n" + kOther, kOther});
  const auto a = corpusc::count_shared_blocks(texts);
  const auto b = corpusc::find_shared_blocks(texts).stats;
  CHECK(a.blocks == 2);
  CHECK(a.occurrences == 3);
  CHECK(a.blocks == b.blocks);
  CHECK(a.occurrences == b.occurrences);
  CHECK(a.repeated_bytes == b.repeated_bytes);
}
