// Old blobs keep opening: tests/data/format-1.1-*.crp were compiled from
// examples/corpus by corpusc of format 1.1 (before the index format version, the
// codec header and the surface-form section); format-1.3-mixed.crp from
// format-1.3-mixed.jsonl (German, English, Spanish) by corpusc of format 1.3, before
// per-language statistics; format-1.4-examples.crp from examples/corpus by corpusc
// of format 1.4 with index format 3 (before content-defined dictionary blocks and
// surface forms that name their terms by bytes). Today's runtime must open, verify,
// search, complete and read them exactly as before.
#include <catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/reader.hpp"
#include "corpus/search/complete.hpp"
#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"

using namespace corpus;
namespace cs = corpus::search;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The blob's bytes in 8-aligned storage (the runtime's alignment rule).
struct OldBlob {
  std::vector<uint64_t> storage;
  size_t size = 0;
  Blob blob;
  cs::Index index;

  explicit OldBlob(const std::string& name) {
    const std::string bytes = slurp(std::string(CORPUS_SOURCE_DIR) + "/tests/data/" + name);
    size = bytes.size();
    storage.resize((size + 7) / 8);
    std::memcpy(storage.data(), bytes.data(), size);
    REQUIRE(Blob::open(storage.data(), size, &blob) == Status::ok);
    REQUIRE(cs::Index::open(blob, &index) == Status::ok);
  }
  std::vector<std::string> ids(const char* query) {
    std::vector<std::string> out;
    for (const auto& hit : ranking(query, cs::SearchOptions())) out.push_back(hit.first);
    return out;
  }
  std::vector<std::pair<std::string, uint32_t>> ranking(const char* query, const cs::SearchOptions& options) {
    auto ws = std::make_unique<cs::SearchWorkspace>();
    REQUIRE(cs::search(index, query, options, ws.get()) == Status::ok);
    std::vector<std::pair<std::string, uint32_t>> out;
    for (uint32_t i = 0; i < ws->results.count; ++i) {
      out.emplace_back(blob.article(ws->results.hits[i].article).id, ws->results.hits[i].score);
    }
    return out;
  }
};

void check_old_blob(const char* name, uint16_t minor) {
  INFO(name);
  OldBlob b(name);
  CHECK(corpus::detail::root(b.blob).format_major() == 1);
  CHECK(corpus::detail::root(b.blob).format_minor() == minor);
  CHECK(b.blob.article_count() == 5);

  auto ws = std::make_unique<Workspace<kFrameBytesDefault>>();
  VerifyReport rep = verify(b.storage.data(), b.size, ws->data(), ws->size());
  CHECK(rep.status == Status::ok);
  CHECK(std::string(rep.section) == "");

  auto lachin = b.ids("Lachin corridor");
  REQUIRE_FALSE(lachin.empty());
  CHECK(lachin.front() == "004_d5e6e064cd57f212.txt");
  // Every example page mentions Karabakh (each file checked below); search answers
  // with the canonical article of a duplicate group.
  auto karabakh = b.ids("Karabakh");
  auto kara = b.ids("Kara*");
  for (uint32_t i = 0; i < b.blob.article_count(); ++i) {
    ArticleInfo a = b.blob.article(i);
    const std::string id(a.id);
    const std::string file = slurp(std::string(CORPUS_SOURCE_DIR) + "/examples/corpus/" + id);
    REQUIRE(file.find("Karabakh") != std::string::npos);
    const std::string canonical(b.blob.article(a.canonical).id);
    CHECK(std::find(karabakh.begin(), karabakh.end(), canonical) != karabakh.end());
    CHECK(std::find(kara.begin(), kara.end(), canonical) != kara.end());

    Reader reader;
    REQUIRE(reader.init(b.blob, ws->data(), ws->size()) == Status::ok);
    std::string text(file.size() + 16, '\0');
    size_t written = 0;
    REQUIRE(reader.read_all(a.original, &text[0], text.size(), &written) == Status::ok);
    text.resize(written);
    CHECK(text == file);
  }

  cs::Completion out[8];
  uint32_t count = 0;
  REQUIRE(cs::complete(b.index, "karab", out, 8, &count) == Status::ok);
  REQUIRE(count >= 1);
  CHECK(out[0].view() == "karabakh");
}

}  // namespace

TEST_CASE("format 1.1 blob (default profile) opens, verifies, searches and reads") {
  check_old_blob("format-1.1-examples.crp", 1);
}

TEST_CASE("format 1.1 blob (small profile) opens, verifies, searches and reads") {
  check_old_blob("format-1.1-examples-small.crp", 1);
}

TEST_CASE("format 1.4 blob (index format 3) opens, verifies, searches and reads") {
  check_old_blob("format-1.4-examples.crp", 4);
  OldBlob b("format-1.4-examples.crp");
  CHECK(b.index.format_version() == cs::kIndexFormatV3);
}

TEST_CASE("format 1.3 mixed-language blob ranks as before, filtered queries too") {
  OldBlob b("format-1.3-mixed.crp");
  CHECK(corpus::detail::root(b.blob).format_minor() == 3);
  auto ws = std::make_unique<Workspace<kFrameBytesDefault>>();
  CHECK(verify(b.storage.data(), b.size, ws->data(), ws->size()).status == Status::ok);
  uint32_t entry = 0;
  CHECK(b.index.language_stats(CORPUS_LANG_german, &entry) == nullptr);
  // Scores recorded from corpusc 1.3 (`corpusc query --json`): without per-language
  // statistics a filtered query keeps the whole blob's.
  using Ranking = std::vector<std::pair<std::string, uint32_t>>;
  cs::SearchOptions all;
  all.k = 5;
  CHECK(b.ranking("Siemens Madrid", all) ==
        Ranking{{"es3", 274569}, {"de3", 161447}, {"en5", 135986}, {"es1", 122406}, {"en3", 120648}});
  cs::SearchOptions german;
  german.language_filter = CORPUS_LANG_german;
  CHECK(b.ranking("Berlin Siemens", german) == Ranking{{"de3", 161447}, {"de2", 81310}});
  cs::SearchOptions spanish;
  spanish.language_filter = CORPUS_LANG_spanish;
  CHECK(b.ranking("Siemens Madrid", spanish) == Ranking{{"es3", 274569}, {"es1", 122406}});
}
