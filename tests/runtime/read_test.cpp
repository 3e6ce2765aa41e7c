// Open, look up, read: the runtime against a blob of the bundled example corpus.
#include <catch.hpp>

#include <string>

#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"

using corpus::Status;

namespace {

const char* const kIds[] = {"000_487d5624f965fa68.txt", "001_f8a4880ce6ef9fa1.txt", "002_c7bbc285c53973ec.txt",
                            "003_c0c00bed07dfaa72.txt", "004_d5e6e064cd57f212.txt"};

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;

}  // namespace

TEST_CASE("the example blob opens and lists every input in id order") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  REQUIRE(bytes.size > 0);
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == Status::ok);
  REQUIRE(blob.article_count() == 5);
  for (uint32_t i = 0; i < 5; ++i) {
    corpus::ArticleInfo a = blob.article(i);
    CHECK(a.id == kIds[i]);
    CHECK_FALSE(a.title.empty());
    uint32_t found = corpus::kNone;
    REQUIRE(blob.find(kIds[i], &found) == Status::ok);
    CHECK(found == i);
  }
  uint32_t none;
  CHECK(blob.find("nope.txt", &none) == Status::not_found);
  CHECK(blob.find("", &none) == Status::not_found);
  CHECK(blob.article(99).id.empty());
}

TEST_CASE("every article reads back as the exact input bytes, whole and in pieces") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == Status::ok);
  corpus::Reader reader;
  REQUIRE(reader.init(blob, g_workspace.data(), g_workspace.size()) == Status::ok);
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    std::string expected;
    REQUIRE(corpus_test::read_file(std::string(CORPUS_SOURCE_DIR) + "/examples/corpus/" + kIds[i], expected));
    corpus::ArticleInfo a = blob.article(i);
    static char out[1 << 16];
    size_t n = 0;
    REQUIRE(reader.read_all(a.original, out, sizeof out, &n) == Status::ok);
    CHECK(std::string(out, n) == expected);
    // Piecewise, 7 bytes at a time, as a caller with a tiny buffer would.
    std::string pieces;
    char small[7];
    for (uint64_t off = 0;; off += n) {
      REQUIRE(reader.read(a.original, off, small, sizeof small, &n) == Status::ok);
      if (n == 0) break;
      pieces.append(small, n);
    }
    CHECK(pieces == expected);
    size_t m = 0;
    CHECK(reader.read_all(a.original, small, sizeof small, &m) == Status::buffer_too_small);
    CHECK(m == 0);
  }
}

TEST_CASE("the example blob passes the full verify") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  corpus::VerifyReport rep = corpus::verify(bytes.data(), bytes.size, g_workspace.data(), g_workspace.size());
  INFO(rep.section);
  CHECK(rep.status == Status::ok);
}

TEST_CASE("a reader refuses a workspace that is too small or misaligned") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == Status::ok);
  corpus::Reader reader;
  CHECK(reader.init(blob, g_workspace.data(), 1024) == Status::workspace_too_small);
  CHECK(reader.init(blob, g_workspace.bytes + 1, g_workspace.size() - 8) == Status::misaligned);
}
