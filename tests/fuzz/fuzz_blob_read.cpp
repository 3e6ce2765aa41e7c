// Fuzz target (b): a blob that passed only the cheap Blob::open() check, read the way
// a device reads: every article's metadata, every text (in pieces and whole, raw and
// main-text), every chrome range and variant, lookups of every id and of junk ids.
// Anything but a crash, a sanitizer report or an out-of-bounds result is fine.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "fuzz_support.hpp"

namespace {

// The "small" profile's frame size: larger frames must fail with workspace_too_small,
// which exercises that path too; most seeds use it (see tests/fuzz/CMakeLists.txt).
corpus::Workspace<corpus::kFrameBytesSmall> g_workspace;
char g_text[1 << 12];

void read_text(corpus::Reader& reader, const corpus::Blob& blob, uint32_t text) {
  corpus::TextSpan span;
  if (blob.text(text, &span) == corpus::Status::ok) {
    FUZZ_CHECK(span.stream_offset + span.length <= blob.stream_size());
  }
  size_t n = 0;
  // From the start, and from an offset that makes the read straddle frames.
  if (reader.read(text, 0, g_text, sizeof g_text, &n) == corpus::Status::ok) FUZZ_CHECK(n <= sizeof g_text);
  if (reader.read(text, 1000, g_text, 100, &n) == corpus::Status::ok) FUZZ_CHECK(n <= 100);
  (void)reader.read_all(text, g_text, sizeof g_text, &n);
  for (uint32_t k = 0; k < blob.chrome_count(text) && k < 64; ++k) (void)blob.chrome(text, k);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corpus_fuzz::AlignedInput in(data, size);
  corpus::Blob blob;
  if (corpus::Blob::open(in.data(), in.size(), &blob) != corpus::Status::ok) return 0;
  corpus::Reader reader;
  const bool can_read = reader.init(blob, g_workspace.data(), g_workspace.size()) == corpus::Status::ok;
  const uint32_t n = blob.article_count();
  // Bound the work per input: a mutated count can claim millions of articles.
  const uint32_t limit = n < 256 ? n : 256;
  for (uint32_t i = 0; i < limit; ++i) {
    corpus::ArticleInfo a = blob.article(i);
    FUZZ_CHECK(a.index == i);
    uint32_t found = corpus::kNone;
    if (blob.find(a.id, &found) == corpus::Status::ok) FUZZ_CHECK(found < n);
    for (uint32_t v = 0; v < a.variants_count && v < 64; ++v) {
      uint32_t art = blob.variant(a, v);
      FUZZ_CHECK(art == corpus::kNone || art < n);
    }
    std::string_view rest = a.tags, tag;
    for (int t = 0; t < 64 && corpus::next_tag(rest, tag); ++t) {}
    if (can_read) {
      read_text(reader, blob, a.text);
      if (a.original != a.text) read_text(reader, blob, a.original);
    }
  }
  FUZZ_CHECK(blob.article(n).index == corpus::kNone);  // one past the end: empty
  uint32_t found;
  (void)blob.find(std::string_view(), &found);
  (void)blob.find(std::string_view("\xff\xff\xff\xff"), &found);
  (void)blob.frame_at(blob.stream_size());
  if (can_read) {
    for (uint32_t f = 0; f < blob.frame_count() && f < 64; ++f) {
      const uint8_t* raw;
      size_t raw_size;
      if (reader.frame(f, &raw, &raw_size) == corpus::Status::ok) FUZZ_CHECK(raw_size <= blob.max_frame_raw());
    }
  }
  return 0;
}
