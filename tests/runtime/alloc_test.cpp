// The runtime allocates nothing: open, lookup, verify and decompress are counted.
#include <catch.hpp>

#include "alloc_counter.hpp"
#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"

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

TEST_CASE("the allocation counter does count (so the test above can fail)") {
  corpus_test::AllocationScope scope;
  int* volatile p = new int(3);  // volatile: the compiler may not elide the pair
  delete p;
  void* volatile q = std::malloc(10);
  std::free(q);
  CHECK(scope.count() == 2);
}
