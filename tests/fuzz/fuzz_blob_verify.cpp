// Fuzz target (a): Blob::open + verify() on arbitrary bytes.
//
// A mutated blob almost always fails the whole-blob seal, which would stop verify()
// before its deeper checks. So each input is verified twice: as given, and (when it
// opens) "resealed" - its seal recomputed over the mutated bytes - so the
// cross-reference and frame checks see corrupt data too.
// Invariant checked beyond "no crash": a blob that verify() accepts reads back
// completely - every article's texts read with Status::ok and every id finds itself.
#include <cstddef>
#include <cstdint>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"
#include "fuzz_support.hpp"

namespace {

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;
char g_text[1 << 12];

void check_verified_blob_reads(const uint8_t* data, size_t size) {
  corpus::Blob blob;
  FUZZ_CHECK(corpus::Blob::open(data, size, &blob) == corpus::Status::ok);
  corpus::Reader reader;
  FUZZ_CHECK(reader.init(blob, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    corpus::ArticleInfo a = blob.article(i);
    uint32_t found = corpus::kNone;
    FUZZ_CHECK(blob.find(a.id, &found) == corpus::Status::ok && found == i);
    FUZZ_CHECK(a.text != corpus::kNone && a.original != corpus::kNone && a.canonical != corpus::kNone);
    size_t n = 0;
    FUZZ_CHECK(reader.read(a.text, 0, g_text, sizeof g_text, &n) == corpus::Status::ok);
    FUZZ_CHECK(reader.read(a.original, 0, g_text, sizeof g_text, &n) == corpus::Status::ok);
    for (uint32_t v = 0; v < a.variants_count; ++v) FUZZ_CHECK(blob.variant(a, v) != corpus::kNone);
  }
}

void verify_once(const uint8_t* data, size_t size) {
  corpus::VerifyReport rep = corpus::verify(data, size, g_workspace.data(), g_workspace.size());
  FUZZ_CHECK(rep.section != nullptr);
  if (rep.status == corpus::Status::ok) check_verified_blob_reads(data, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corpus_fuzz::AlignedInput in(data, size);
  verify_once(in.data(), in.size());

  corpus::Blob blob;
  if (corpus::Blob::open(in.data(), in.size(), &blob) != corpus::Status::ok) return 0;
  const auto* seal = reinterpret_cast<const uint8_t*>(corpus::detail::root(blob).seal());
  const size_t hole = static_cast<size_t>(seal - in.data());
  if (hole + 8 > in.size()) return 0;
  const uint64_t h = corpus::seal_hash(in.data(), in.size(), hole);
  std::memcpy(in.data() + hole, &h, sizeof h);  // little-endian host, as the format
  verify_once(in.data(), in.size());
  return 0;
}
