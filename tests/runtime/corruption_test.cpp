// Corrupted blobs: verify rejects every mutation, and reading a blob that passed
// only the cheap open check never crashes or reads out of bounds (run under ASan).
#include <catch.hpp>

#include <string>

#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"

using corpus::Status;

namespace {

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;

// Reads every article of a blob that opened; any status is fine, a crash is not.
void read_everything(const corpus_test::AlignedBytes& b) {
  corpus::Blob blob;
  if (corpus::Blob::open(b.data(), b.size, &blob) != Status::ok) return;
  corpus::Reader reader;
  if (reader.init(blob, g_workspace.data(), g_workspace.size()) != Status::ok) return;
  static char out[1 << 14];
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    corpus::ArticleInfo a = blob.article(i);
    uint32_t found;
    (void)blob.find(a.id, &found);
    size_t n;
    (void)reader.read(a.text, 0, out, sizeof out, &n);
    (void)reader.read(a.original, 100, out, sizeof out, &n);
    for (uint32_t v = 0; v < a.variants_count; ++v) (void)blob.variant(a, v);
  }
}

Status verify_status(const corpus_test::AlignedBytes& b) {
  return corpus::verify(b.data(), b.size, g_workspace.data(), g_workspace.size()).status;
}

corpus_test::AlignedBytes original_blob() {
  auto b = corpus_test::load_blob(CORPUS_TEST_BLOB);
  REQUIRE(b.size > 0);
  REQUIRE(verify_status(b) == Status::ok);
  return b;
}

}  // namespace

TEST_CASE("every truncation is rejected") {
  const auto good = original_blob();
  for (size_t len = 0; len < good.size; len += (len < 256 ? 1 : 97)) {
    corpus_test::AlignedBytes b;
    b.assign(good.data(), len);
    INFO("length " << len);
    CHECK(verify_status(b) != Status::ok);
    read_everything(b);
  }
}

TEST_CASE("every single-bit flip is rejected by verify and survived by readers") {
  const auto good = original_blob();
  // Every byte of the first 4 KiB (header, tables, vtables) and then a stride.
  for (size_t pos = 0; pos < good.size; pos += (pos < 4096 ? 1 : 61)) {
    corpus_test::AlignedBytes b = good;
    b.data()[pos] ^= static_cast<uint8_t>(1u << (pos % 8));
    INFO("flip at " << pos);
    CHECK(verify_status(b) != Status::ok);
    read_everything(b);
  }
}

TEST_CASE("zeroed ranges and spliced sections are rejected") {
  const auto good = original_blob();
  for (size_t pos = 0; pos + 64 < good.size; pos += 131) {
    corpus_test::AlignedBytes b = good;
    std::memset(b.data() + pos, 0, 64);
    if (std::memcmp(b.data(), good.data(), good.size) == 0) continue;  // range was already zero
    CHECK(verify_status(b) != Status::ok);
    read_everything(b);
    corpus_test::AlignedBytes s = good;  // copy one part of the blob over another
    std::memcpy(s.data() + pos, good.data() + (pos * 7) % (good.size - 64), 64);
    if (std::memcmp(s.data(), good.data(), good.size) != 0) CHECK(verify_status(s) != Status::ok);
    read_everything(s);
  }
}

TEST_CASE("wrong identifier and wrong version are named as such") {
  auto b = original_blob();
  corpus_test::AlignedBytes wrong_id = b;
  std::memcpy(wrong_id.data() + 4, "ZZZZ", 4);
  corpus::Blob blob;
  CHECK(corpus::Blob::open(wrong_id.data(), wrong_id.size, &blob) == Status::bad_identifier);

  corpus_test::AlignedBytes wrong_version = b;
  const auto* table = flatbuffers::GetRoot<flatbuffers::Table>(wrong_version.data());
  auto* field = const_cast<uint8_t*>(table->GetAddressOf(corpus::fb::Corpus::VT_FORMAT_MAJOR));
  REQUIRE(field != nullptr);
  field[0] = static_cast<uint8_t>(corpus::kFormatMajor + 1);
  CHECK(corpus::Blob::open(wrong_version.data(), wrong_version.size, &blob) == Status::bad_version);
  CHECK(verify_status(wrong_version) == Status::bad_version);
}

TEST_CASE("empty, tiny and misaligned buffers are rejected cleanly") {
  corpus::Blob blob;
  CHECK(corpus::Blob::open(nullptr, 0, &blob) == Status::truncated);
  corpus_test::AlignedBytes zeros;
  std::string z(4096, '\0');
  zeros.assign(reinterpret_cast<const uint8_t*>(z.data()), z.size());
  CHECK(corpus::Blob::open(zeros.data(), zeros.size, &blob) != Status::ok);
  auto good = original_blob();
  CHECK(corpus::Blob::open(good.data() + 1, good.size - 1, &blob) == Status::misaligned);
  CHECK_FALSE(blob.valid());
}
