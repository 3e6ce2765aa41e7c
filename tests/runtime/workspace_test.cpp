// One workspace shared by Readers and verify(): safe by design (reader.hpp, "Sharing
// a workspace"). The blobs have several frames and a dictionary each (small blocks),
// so a stale frame buffer or DDict would return another article's text.
#include <catch.hpp>

#include <cstring>
#include <memory>
#include <string>

#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"

using corpus::Status;

namespace {

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;
char g_out[1 << 16];

std::string expected_original(std::string_view id) {
  std::string bytes;
  REQUIRE(corpus_test::read_file(std::string(CORPUS_SOURCE_DIR) + "/examples/corpus/" + std::string(id), bytes));
  return bytes;
}

std::string read_original(corpus::Reader& reader, uint32_t article) {
  size_t n = 0;
  const Status s = reader.read_all(reader.blob().article(article).original, g_out, sizeof g_out, &n);
  REQUIRE(s == Status::ok);
  return std::string(g_out, n);
}

struct OpenedBlob {
  corpus_test::AlignedBytes bytes;
  corpus::Blob blob;
  explicit OpenedBlob(const char* path) : bytes(corpus_test::load_blob(path)) {
    REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == Status::ok);
    REQUIRE(blob.frame_count() > 3);  // else a stale frame could not show
  }
};

}  // namespace

TEST_CASE("the README's sequence: read, verify on the same workspace, read again") {
  OpenedBlob b(CORPUS_TEST_BLOB_FRAMES);
  corpus::Reader reader;
  REQUIRE(reader.init(b.blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  for (uint32_t i = 0; i < b.blob.article_count(); ++i) {
    const corpus::ArticleInfo a = b.blob.article(i);
    INFO(a.id);
    const std::string want = expected_original(a.id);
    CHECK(read_original(reader, i) == want);
    const corpus::VerifyReport rep = corpus::verify(b.bytes.data(), b.bytes.size, g_workspace.data(), g_workspace.size());
    REQUIRE(rep.status == Status::ok);
    CHECK(read_original(reader, i) == want);  // the frame verify left behind is not trusted
  }
}

TEST_CASE("two Readers on two blobs share one workspace, reading in alternation") {
  OpenedBlob one(CORPUS_TEST_BLOB_FRAMES);
  OpenedBlob two(CORPUS_TEST_BLOB_FRAMES_OTHER);
  REQUIRE(one.blob.seal() != two.blob.seal());
  corpus::Reader r1, r2;
  REQUIRE(r1.init(one.blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  REQUIRE(r2.init(two.blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  REQUIRE(one.blob.article_count() == two.blob.article_count());
  for (int round = 0; round < 2; ++round) {
    for (uint32_t i = 0; i < one.blob.article_count(); ++i) {
      const std::string want = expected_original(one.blob.article(i).id);
      INFO("round " << round << ", article " << i);
      CHECK(read_original(r1, i) == want);
      CHECK(read_original(r2, i) == want);
      // Main text through a shared workspace too: same text as a private one gives.
      size_t n = 0;
      REQUIRE(r1.read_main(one.blob.article(i).text, 0, g_out, sizeof g_out, &n) == Status::ok);
      const std::string main1(g_out, n);
      REQUIRE(r2.read_main(two.blob.article(i).text, 0, g_out, sizeof g_out, &n) == Status::ok);
      CHECK(std::string(g_out, n) == main1);
    }
  }
}

TEST_CASE("frame() of a shared workspace decodes again after another blob used it") {
  OpenedBlob one(CORPUS_TEST_BLOB_FRAMES);
  OpenedBlob two(CORPUS_TEST_BLOB_FRAMES_OTHER);
  corpus::Reader r1, r2;
  REQUIRE(r1.init(one.blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  REQUIRE(r2.init(two.blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  const uint8_t* raw = nullptr;
  size_t size = 0;
  REQUIRE(r1.frame(1, &raw, &size) == Status::ok);
  const std::string frame1(reinterpret_cast<const char*>(raw), size);
  REQUIRE(r2.frame(1, &raw, &size) == Status::ok);
  CHECK(std::string(reinterpret_cast<const char*>(raw), size) != frame1);
  REQUIRE(r1.frame(1, &raw, &size) == Status::ok);
  CHECK(std::string(reinterpret_cast<const char*>(raw), size) == frame1);
}

TEST_CASE("a Reader and an Index hold the Blob by value: the Blob object may go away") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  corpus::Reader reader;
  corpus::search::Index index;
  {
    auto blob = std::make_unique<corpus::Blob>();
    REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, blob.get()) == Status::ok);
    REQUIRE(reader.init(*blob, g_workspace.data(), g_workspace.size()) == Status::ok);
    REQUIRE(corpus::search::Index::open(*blob, &index) == Status::ok);
    std::memset(static_cast<void*>(blob.get()), 0xA5, sizeof(corpus::Blob));  // a stale pointer now reads garbage
  }
  const corpus::search::Index copy = index;
  index = corpus::search::Index();
  auto ws = std::make_unique<corpus::search::SearchWorkspace>();
  REQUIRE(corpus::search::search(copy, "Lachin corridor", {}, ws.get()) == Status::ok);
  REQUIRE(ws->results.count > 0);
  const corpus::ArticleInfo top = copy.blob()->article(ws->results.hits[0].article);
  CHECK(top.id == "004_d5e6e064cd57f212.txt");
  CHECK(read_original(reader, top.index) == expected_original(top.id));
}

TEST_CASE("calls on objects never opened or initialized return misuse") {
  corpus::Blob blob;  // never opened
  uint32_t index = 0;
  CHECK(blob.find("x", &index) == Status::misuse);
  corpus::TextSpan span;
  CHECK(blob.text(0, &span) == Status::misuse);
  corpus::ArticleExtra extra;
  CHECK(blob.extra(0, &extra) == Status::misuse);
  CHECK(blob.article_count() == 0);
  CHECK(blob.article(0).id.empty());
  CHECK(blob.chrome_count(0) == 0);
  CHECK(blob.frame_at(0) == corpus::kNone);

  corpus::Reader reader;  // never initialized
  size_t n = 1;
  CHECK(reader.read(0, 0, g_out, sizeof g_out, &n) == Status::misuse);
  CHECK(n == 0);
  CHECK(reader.read_main(0, 0, g_out, sizeof g_out, &n) == Status::misuse);
  CHECK(reader.read_all(0, g_out, sizeof g_out, &n) == Status::misuse);
  const uint8_t* raw;
  CHECK(reader.frame(0, &raw, &n) == Status::misuse);
  CHECK(reader.init(blob, g_workspace.data(), g_workspace.size()) == Status::misuse);

  corpus::search::Index idx;
  CHECK(corpus::search::Index::open(blob, &idx) == Status::misuse);
  auto ws = std::make_unique<corpus::search::SearchWorkspace>();
  CHECK(corpus::search::search(idx, "word", {}, ws.get()) == Status::misuse);
  CHECK(std::string(corpus::status_message(Status::misuse)).find("misuse") != std::string::npos);
}

TEST_CASE("extras and chrome come back as the runtime's own types") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == Status::ok);
  uint32_t with_extra = 0, chrome_ranges = 0;
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    const corpus::ArticleInfo a = blob.article(i);
    corpus::ArticleExtra x;
    const Status s = blob.extra(i, &x);
    CHECK((s == Status::ok) == ((a.flags & corpus::kArticleHasExtra) != 0));
    if (s == Status::ok) {
      ++with_extra;
      CHECK(x.url == a.url);
      CHECK(x.tags == a.tags);
      CHECK(x.variants_count == a.variants_count);
    }
    corpus::TextSpan span;
    REQUIRE(blob.text(a.text, &span) == Status::ok);
    for (uint32_t k = 0; k < blob.chrome_count(a.text); ++k) {
      const corpus::Range r = blob.chrome(a.text, k);
      CHECK(uint64_t{r.offset()} + r.length() <= span.length);
      ++chrome_ranges;
    }
  }
  CHECK(with_extra > 0);
  CHECK(chrome_ranges > 0);
}
