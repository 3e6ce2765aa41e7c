// Runs on the cross target (armhf / aarch64 under qemu-user): the runtime with zstd's
// decoder built from source for that target reads a blob made by the host's corpusc
// back byte-exact. Guards the 32-bit paths (size_t vs uint64 offsets), alignment and
// the static DCtx bound on each target.
#include <catch.hpp>

#include <cstring>
#include <string>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"
#include "support/blob_fixture.hpp"

namespace {

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;
char g_text[64 * 1024];

}  // namespace

TEST_CASE("the target's zstd decoder fits the runtime's static context bounds") {
  CHECK(ZSTD_estimateDCtxSize() <= corpus::kDCtxBytes);
  CHECK(ZSTD_estimateDDictSize(112 * 1024, ZSTD_dlm_byRef) <= corpus::kDDictBytes);
}

TEST_CASE("a host-compiled blob verifies and reads back byte-exact on the target") {
  corpus_test::AlignedBytes blob = corpus_test::load_blob(CORPUS_ARM_TEST_BLOB);
  REQUIRE(blob.size > 0);
  corpus::VerifyReport rep = corpus::verify(blob.data(), blob.size, g_workspace.data(), g_workspace.size());
  INFO("verify: " << corpus::status_message(rep.status) << " in " << rep.section);
  REQUIRE(rep.status == corpus::Status::ok);

  corpus::Blob b;
  REQUIRE(corpus::Blob::open(blob.data(), blob.size, &b) == corpus::Status::ok);
  corpus::Reader reader;
  REQUIRE(reader.init(b, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);
  REQUIRE(b.article_count() == CORPUS_ARM_TEST_ARTICLES);
  for (uint32_t i = 0; i < b.article_count(); ++i) {
    corpus::ArticleInfo info = b.article(i);
    std::string id(info.id);
    INFO("article " << id);
    std::string want;
    REQUIRE(corpus_test::read_file(std::string(CORPUS_ARM_TEST_INPUTS) + "/" + id, want));
    uint32_t found = corpus::kNone;
    REQUIRE(b.find(info.id, &found) == corpus::Status::ok);
    CHECK(found == i);
    size_t n = 0;
    REQUIRE(reader.read_all(info.original, g_text, sizeof g_text, &n) == corpus::Status::ok);
    CHECK(std::string(g_text, n) == want);
  }
}
