// The runtime allocates nothing: open, lookup, verify and decompress are counted.
#include <catch.hpp>

#include "alloc_counter.hpp"
#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"
#include "corpus.h"

namespace {
corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;
char g_out[1 << 16];
}  // namespace

TEST_CASE("open, find, read and verify make no heap allocation") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB);  // the test's own setup may allocate
  REQUIRE(bytes.size > 0);
  corpus_test::AllocationScope scope;
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == corpus::Status::ok);
  corpus::Reader reader;
  REQUIRE(reader.init(blob, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);
  size_t total = 0;
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    corpus::ArticleInfo a = blob.article(i);
    uint32_t found;
    REQUIRE(blob.find(a.id, &found) == corpus::Status::ok);
    size_t n = 0;
    REQUIRE(reader.read_all(a.text, g_out, sizeof g_out, &n) == corpus::Status::ok);
    total += n;
  }
  corpus::VerifyReport rep = corpus::verify(bytes.data(), bytes.size, g_workspace.data(), g_workspace.size());
  REQUIRE(rep.status == corpus::Status::ok);
  CHECK(total > 1000);
  CHECK(scope.count() == 0);
}

TEST_CASE("a workspace shared by verify and two readers on two blobs makes no heap allocation") {
  auto one = corpus_test::load_blob(CORPUS_TEST_BLOB_FRAMES);
  auto two = corpus_test::load_blob(CORPUS_TEST_BLOB_FRAMES_OTHER);
  REQUIRE(one.size > 0);
  REQUIRE(two.size > 0);
  corpus_test::AllocationScope scope;
  corpus::Blob b1, b2;
  REQUIRE(corpus::Blob::open(one.data(), one.size, &b1) == corpus::Status::ok);
  REQUIRE(corpus::Blob::open(two.data(), two.size, &b2) == corpus::Status::ok);
  corpus::Reader r1, r2;
  REQUIRE(r1.init(b1, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);
  REQUIRE(r2.init(b2, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);
  size_t n = 0;
  for (uint32_t i = 0; i < b1.article_count(); ++i) {
    REQUIRE(r1.read_all(b1.article(i).text, g_out, sizeof g_out, &n) == corpus::Status::ok);
    REQUIRE(corpus::verify(one.data(), one.size, g_workspace.data(), g_workspace.size()).status == corpus::Status::ok);
    REQUIRE(r2.read_all(b2.article(i).text, g_out, sizeof g_out, &n) == corpus::Status::ok);
  }
  CHECK(scope.count() == 0);
}

TEST_CASE("the C API makes no heap allocation") {
  auto bytes = corpus_test::load_blob(CORPUS_TEST_BLOB_FRAMES);
  REQUIRE(bytes.size > 0);
  static corpus_blob blob;
  static corpus_reader reader;
  static corpus_index index;
  static corpus_search_state search;
  static corpus_completions completions;
  static uint64_t scratch[CORPUS_SNIPPET_SCRATCH_BYTES / 8];
  corpus_test::AllocationScope scope;
  REQUIRE(corpus_open(&blob, bytes.data(), bytes.size) == CORPUS_OK);
  REQUIRE(corpus_verify(bytes.data(), bytes.size, g_workspace.data(), g_workspace.size(), nullptr) == CORPUS_OK);
  REQUIRE(corpus_reader_init(&reader, &blob, g_workspace.data(), g_workspace.size()) == CORPUS_OK);
  corpus_article a;
  size_t n = 0;
  for (uint32_t i = 0; i < corpus_article_count(&blob); ++i) {
    REQUIRE(corpus_article_info(&blob, i, &a) == CORPUS_OK);
    REQUIRE(corpus_read_all(&reader, a.original, g_out, sizeof g_out, &n) == CORPUS_OK);
  }
  REQUIRE(corpus_index_open(&index, &blob) == CORPUS_OK);
  REQUIRE(corpus_search(&search, &index, "Lachin corridor", 15, nullptr) == CORPUS_OK);
  corpus_hit hit;
  REQUIRE(corpus_search_hit(&search, 0, &hit) == CORPUS_OK);
  char snip[512];
  REQUIRE(corpus_snippet(&search, &index, &reader, hit.article, nullptr, scratch, sizeof scratch, snip, sizeof snip,
                         &n) == CORPUS_OK);
  REQUIRE(corpus_complete(&completions, &index, "kar", 3, 8) == CORPUS_OK);
  CHECK(scope.count() == 0);
}

TEST_CASE("the allocation counter does count (so the test above can fail)") {
  corpus_test::AllocationScope scope;
  int* volatile p = new int(3);  // volatile: the compiler may not elide the pair
  delete p;
  void* volatile q = std::malloc(10);
  std::free(q);
  CHECK(scope.count() == 2);
}
