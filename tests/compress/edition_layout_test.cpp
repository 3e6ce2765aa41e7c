// follow_base (compress/edition_layout.hpp) and pack_frames' opens_frame: an edition
// keeps its base's article places and stream order, and cuts frames where the base did.
#include <catch.hpp>

#include "compress/edition_layout.hpp"
#include "compress/frame_packer.hpp"

namespace {

corpusc::PlannedArticle article(const std::string& id, uint32_t self) {
  corpusc::PlannedArticle a;
  a.input.id = id;
  a.canonical = self;
  return a;
}

// Plan in id order (as plan_corpus leaves it): ids b, c (new), d, e; c and d are one
// group (c canonical: first in id order); texts laid out as layout_texts would.
corpusc::CorpusPlan plan() {
  corpusc::CorpusPlan p;
  p.articles = {article("b", 0), article("c", 1), article("d", 1), article("e", 3)};
  p.articles[1].variants = {2};
  p.texts = {{"text-c", {}}, {"text-b", {}}, {"text-e", {}}, {"text-d-original", {}}};
  p.articles[0].text = p.articles[0].original = 1;
  p.articles[1].text = p.articles[1].original = 0;
  p.articles[2].text = 0;
  p.articles[2].original = 3;
  p.articles[3].text = p.articles[3].original = 2;
  return p;
}

// Base: ids e, a (removed), d, b in that place order; texts e | b, a (| = frame start).
corpusc::BaseEdition base() {
  corpusc::BaseEdition b;
  b.ids = {"e", "a", "d", "b"};
  b.texts = {"text-e", "text-b", "text-a"};
  b.opens_frame = {1, 1, 0};
  b.stream_bytes = 1000;  // nominal: the texts here stand for a small part of it
  b.dictionary = "a trained dictionary";
  return b;
}

}  // namespace

TEST_CASE("follow_base keeps survivors' places and appends new ids") {
  corpusc::CorpusPlan p = plan();
  const corpusc::EditionLayout layout = corpusc::follow_base(p, base(), {});
  REQUIRE(p.articles.size() == 4);
  CHECK(p.articles[0].input.id == "e");
  CHECK(p.articles[1].input.id == "d");
  CHECK(p.articles[2].input.id == "b");
  CHECK(p.articles[3].input.id == "c");  // new: after every survivor
  CHECK(layout.kept_articles == 3);
  CHECK(layout.new_articles == 1);
  CHECK(layout.removed_articles == 1);
  // Group c/d still points at c, wherever it moved.
  CHECK(p.articles[1].canonical == 3);
  CHECK(p.articles[3].canonical == 3);
  REQUIRE(p.articles[3].variants.size() == 1);
  CHECK(p.articles[3].variants[0] == 1);
}

TEST_CASE("follow_base keeps the base's stream order, dead texts in place, new texts after") {
  corpusc::CorpusPlan p = plan();
  const corpusc::EditionLayout layout = corpusc::follow_base(p, base(), {});
  CHECK(layout.keep_dictionary);
  REQUIRE(p.texts.size() == 5);
  CHECK(p.texts[0].bytes == "text-e");
  CHECK(p.texts[1].bytes == "text-b");
  CHECK(p.texts[2].bytes == "text-a");  // dead (a was removed): its frame keeps its bytes
  CHECK(p.texts[3].bytes == "text-c");  // new texts in layout order
  CHECK(p.texts[4].bytes == "text-d-original");
  CHECK(layout.opens_frame == std::vector<uint8_t>{1, 1, 0, 1, 0});
  CHECK(layout.kept_texts == 2);
  CHECK(layout.new_texts == 2);
  CHECK(layout.dead_texts == 1);
  CHECK(layout.new_text_bytes == 6 + 15);
  CHECK(layout.dead_text_bytes == 6);
  for (const corpusc::PlannedArticle& a : p.articles) {
    CHECK(p.texts[a.text].bytes == (a.input.id == "d" ? std::string("text-c") : "text-" + a.input.id));
  }
  CHECK(p.texts[p.articles[1].original].bytes == "text-d-original");
}

TEST_CASE("follow_base with a new dictionary drops the dead texts (compaction)") {
  corpusc::CorpusPlan p = plan();
  corpusc::EditionOptions retrain;
  retrain.retrain = true;
  const corpusc::EditionLayout layout = corpusc::follow_base(p, base(), retrain);
  CHECK_FALSE(layout.keep_dictionary);
  REQUIRE(p.texts.size() == 4);
  CHECK(p.texts[2].bytes == "text-c");
  CHECK(layout.opens_frame == std::vector<uint8_t>{1, 1, 1, 0});
  CHECK(layout.dead_texts == 0);
  CHECK(p.texts[p.articles[2].text].bytes == "text-b");
}

TEST_CASE("follow_base retrains when new and dead texts are over half of the stream") {
  corpusc::CorpusPlan p = plan();
  corpusc::BaseEdition b = base();
  CHECK(corpusc::follow_base(p, b, {}).keep_dictionary);  // (21 new + 6 dead) of 1021 bytes: fits
  corpusc::CorpusPlan q = plan();
  b.stream_bytes = 18;  // 27 of 39 bytes: no longer fits
  b.texts = {"text-e", "text-b", "text-a"};
  const corpusc::EditionLayout layout = corpusc::follow_base(q, b, {});
  CHECK_FALSE(layout.keep_dictionary);
  CHECK(std::string(layout.retrain_reason).find("no longer fits") != std::string::npos);
}

TEST_CASE("pack_frames starts a frame at every flagged text, and still cuts at block_size") {
  const std::vector<corpusc::StoredText> texts = {{"aaaa", {}}, {"bb", {}}, {"cc", {}}, {"dddddd", {}}};
  const corpusc::PackedStream plain = corpusc::pack_frames(texts, 8);
  CHECK(plain.frames == std::vector<std::string>{"aaaabbcc", "dddddd"});
  const std::vector<uint8_t> opens = {1, 1, 0, 0};
  const corpusc::PackedStream flagged = corpusc::pack_frames(texts, 8, &opens);
  CHECK(flagged.frames == std::vector<std::string>{"aaaa", "bbcc", "dddddd"});
  CHECK(flagged.text_offsets == std::vector<uint64_t>{0, 4, 6, 8});
}
