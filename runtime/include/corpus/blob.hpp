// Blob: a zero-copy view of a corpus blob in memory (flash, mmap, a caller's array).
//
// Contract:
//  * open() never copies and never takes ownership; the bytes must outlive the Blob
//    and be 8-byte aligned.
//  * open() is the cheap check: identifier, major version, the FlatBuffers Verifier
//    (O(number of fields): every hot section is a vector of structs), presence of
//    the required sections, and the frame table's contiguity. It does not read the
//    text or check checksums: that is verify() (verify.hpp).
//  * After a successful open(), every accessor bounds-checks the integers it follows
//    against the section sizes, so a blob that opened but is corrupt yields errors
//    or empty fields, never an out-of-bounds read.
//  * A Blob is a copyable three-word value (data, size, root); copies are equal and
//    independent. On a Blob never opened (or whose open failed), accessors return
//    zero counts and empty fields, and Status-returning calls return Status::misuse.
//  * The API speaks the runtime's own types (ArticleInfo, ArticleExtra, Range,
//    TextSpan): FlatBuffers stays an implementation detail (detail::root() is for
//    the runtime's own verify and search internals).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "corpus/format.hpp"
#include "corpus/status.hpp"
#include "corpus/slice.hpp"

namespace corpus {

/// ArticleInfo::flags bits (the schema's ArticleFlags, checked below).
constexpr uint32_t kArticleHasDate = 1u << 0;              // `date` is valid
constexpr uint32_t kArticleExactDuplicate = 1u << 1;       // byte-identical to its canonical
constexpr uint32_t kArticleNormalizedDuplicate = 1u << 2;  // identical after normalization
constexpr uint32_t kArticleNearDuplicate = 1u << 3;        // near-duplicate of its canonical
constexpr uint32_t kArticleUtf8Repaired = 1u << 4;         // input was not valid UTF-8
constexpr uint32_t kArticleHasExtra = 1u << 5;             // url, tags or variants recorded
static_assert(kArticleHasDate == static_cast<uint32_t>(fb::ArticleFlags::HasDate) &&
                  kArticleExactDuplicate == static_cast<uint32_t>(fb::ArticleFlags::ExactDuplicate) &&
                  kArticleNormalizedDuplicate == static_cast<uint32_t>(fb::ArticleFlags::NormalizedDuplicate) &&
                  kArticleNearDuplicate == static_cast<uint32_t>(fb::ArticleFlags::NearDuplicate) &&
                  kArticleUtf8Repaired == static_cast<uint32_t>(fb::ArticleFlags::Utf8Repaired) &&
                  kArticleHasExtra == static_cast<uint32_t>(fb::ArticleFlags::HasExtra),
              "article flag bits must match schemas/corpus.fbs");

/// A byte range [offset, offset + length) relative to a text's start (chrome ranges).
class Range {
 public:
  constexpr Range() = default;
  constexpr Range(uint32_t offset, uint32_t length) : offset_(offset), length_(length) {}
  constexpr uint32_t offset() const { return offset_; }
  constexpr uint32_t length() const { return length_; }

 private:
  uint32_t offset_ = 0, length_ = 0;
};

/// The optional fields of an article (Blob::extra), as views into the blob.
struct ArticleExtra {
  std::string_view url;                              // empty if unknown
  std::string_view source;                           // publisher or "source:" line; empty if unknown
  std::string_view tags;                             // '\n'-separated; see next_tag()
  uint32_t variants_offset = 0, variants_count = 0;  // bounds-checked against variant_list
};

/// Metadata of one article, as views into the blob. Strings that point outside the
/// string pool (a corrupt blob) come back empty.
struct ArticleInfo {
  uint32_t index = kNone;      // position in the blob (id order, or an edition's places: id_order)
  std::string_view id;
  std::string_view title;
  std::string_view url;        // empty if unknown
  std::string_view source;     // publisher or "source:" line; empty if unknown
  std::string_view tags;       // '\n'-separated; see next_tag()
  int64_t date = 0;            // seconds since the epoch, UTC; valid if has_date
  bool has_date = false;
  uint32_t text = kNone;       // normalized text (texts index)
  uint32_t original = kNone;   // exact input bytes (texts index)
  uint32_t canonical = kNone;  // representative article of its duplicate group
  uint32_t variants_offset = 0, variants_count = 0;  // into variant_list
  uint32_t flags = 0;          // kArticle* bits
};

/// Where a stored text lies in the decompressed stream.
struct TextSpan {
  uint64_t stream_offset = 0;
  uint64_t length = 0;
};

/// Bytes of a vector of scalars or structs as stored (0 for an absent vector).
template <typename T>
size_t vector_bytes(const flatbuffers::Vector<T>* v) {
  return v ? static_cast<size_t>(v->size()) * sizeof(std::remove_pointer_t<T>) : 0;
}

/// Splits '\n'-separated tags: returns false when `rest` is exhausted.
inline bool next_tag(std::string_view& rest, std::string_view& tag) {
  if (rest.empty()) return false;
  size_t nl = rest.find('\n');
  tag = corpus::slice(rest, 0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : corpus::slice(rest, nl + 1);
  return true;
}

class Blob;

namespace detail {
/// The FlatBuffers root of an opened blob: for the runtime's own internals (verify,
/// search, the reader), not part of the public API. `blob` must be valid().
const fb::Corpus& root(const Blob& blob);
}  // namespace detail

class Blob {
 public:
  /// Cheap check and bind. On failure `out` is left unusable (valid() false).
  static Status open(const void* data, size_t size, Blob* out) {
    if (out == nullptr) return Status::misuse;
    *out = Blob();
    if (data == nullptr || size < 16) return Status::truncated;
    if (reinterpret_cast<uintptr_t>(data) % kAlignment != 0) return Status::misaligned;
    if (size > kMaxBlobBytes) return Status::malformed;
    auto bytes = static_cast<const uint8_t*>(data);
    if (!flatbuffers::BufferHasIdentifier(bytes, fb::CorpusIdentifier())) {
      return Status::bad_identifier;
    }
    flatbuffers::Verifier verifier(bytes, size, /*max_depth=*/16, /*max_tables=*/64);
    if (!fb::VerifyCorpusBuffer(verifier)) return Status::malformed;
    const fb::Corpus* root = fb::GetCorpus(bytes);
    if (root->format_major() != kFormatMajor) return Status::bad_version;
    if (!root->strings() || !root->articles() || !root->text_offsets() || !root->frames() ||
        !root->dictionary() || !root->frame_data() || !root->seal() || !root->checksums()) {
      return Status::malformed;
    }
    // FlatBuffers' verifier aligns a vector's length field (4 bytes), not its
    // elements: 8-byte elements of a hostile blob could sit at 4 mod 8.
    if (!elements_aligned(root->text_offsets()) || !elements_aligned(root->dates()) ||
        !elements_aligned(root->frames())) {
      return Status::malformed;
    }
    Status s = check_frames(*root);
    if (s != Status::ok) return s;
    // The texts tile the stream: the first starts at 0 and the last ends where the
    // last frame does; and articles imply a stream (every article stores at least its
    // input bytes). O(1): a zeroed or cut offset or frame table fails here instead of
    // reading as empty texts with Status::ok.
    auto offsets = root->text_offsets();
    if (offsets->size() == 0 || offsets->Get(0) != 0 ||
        offsets->Get(offsets->size() - 1) != stream_size_of(*root) ||
        (root->articles()->size() > 0 && root->frames()->size() == 0)) {
      return Status::malformed;
    }
    out->data_ = bytes;
    out->size_ = size;
    out->root_ = root;
    return Status::ok;
  }

  bool valid() const { return root_ != nullptr; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  /// The whole-blob checksum recorded in the seal (not recomputed: see verify()).
  /// Identifies the blob's content, e.g. for a workspace shared by several readers.
  uint64_t seal() const { return valid() ? root_->seal()->xxh64() : 0; }

  uint32_t article_count() const { return valid() ? root_->articles()->size() : 0; }
  /// Stored texts (text_offsets has one more entry than there are texts).
  uint32_t text_count() const {
    uint32_t n = valid() ? root_->text_offsets()->size() : 0;
    return n ? n - 1 : 0;
  }
  uint32_t frame_count() const { return valid() ? root_->frames()->size() : 0; }
  /// Total decompressed bytes of all frames.
  uint64_t stream_size() const { return valid() ? stream_size_of(*root_) : 0; }
  /// Largest decompressed frame: the decode buffer a Reader needs.
  uint32_t max_frame_raw() const { return valid() ? root_->max_frame_raw() : 0; }
  /// Bytes of the zstd dictionary (read in place: a Reader's DDict references them).
  uint32_t dictionary_bytes() const { return valid() ? root_->dictionary()->size() : 0; }

  /// The article at `rank` in id order (rank < article_count()): rank itself unless
  /// the blob has a non-empty `id_order` (an edition); kNone if out of range.
  uint32_t article_by_rank(uint32_t rank) const {
    if (!valid() || rank >= article_count()) return kNone;
    auto order = root_->id_order();
    if (!order || order->size() == 0) return rank;
    const uint32_t at = rank < order->size() ? order->Get(rank) : kNone;
    return at < article_count() ? at : kNone;
  }

  /// Binary search by exact id: O(log n). Sets *index on success. Articles are in id
  /// order unless the blob has a non-empty `id_order` (an edition built with --base
  /// keeps old articles in their places): then the search walks that permutation.
  Status find(std::string_view id, uint32_t* index) const {
    if (!valid() || index == nullptr) return Status::misuse;
    auto arts = root_->articles();
    auto order = root_->id_order() && root_->id_order()->size() > 0 ? root_->id_order() : nullptr;
    uint32_t lo = 0, hi = order ? order->size() : arts->size();
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      uint32_t at = order ? order->Get(mid) : mid;
      if (at >= arts->size()) return Status::malformed;
      int c = id.compare(string_at(arts->Get(at)->id()));
      if (c == 0) {
        *index = at;
        return Status::ok;
      }
      if (c < 0) hi = mid; else lo = mid + 1;
    }
    return Status::not_found;
  }

  /// Metadata of article `index`; index must be < article_count() (else empty info).
  ArticleInfo article(uint32_t index) const {
    ArticleInfo info;
    if (index >= article_count()) return info;
    const fb::Article* a = root_->articles()->Get(index);
    info.index = index;
    info.id = string_at(a->id());
    info.title = string_at(a->title());
    info.flags = a->flags();
    info.text = a->text() < text_count() ? a->text() : kNone;
    info.original = a->original() < text_count() ? a->original() : kNone;
    info.canonical = a->canonical() < article_count() ? a->canonical() : kNone;
    info.has_date = date(index, &info.date);
    ArticleExtra x;
    if (extra(index, &x) == Status::ok) {
      info.url = x.url;
      info.source = x.source;
      info.tags = x.tags;
      info.variants_offset = x.variants_offset;
      info.variants_count = x.variants_count;
    }
    return info;
  }

  /// The date of article `index` (seconds since the epoch, UTC), if it has one.
  bool date(uint32_t index, int64_t* out) const {
    if (index >= article_count()) return false;
    auto dates = root_->dates();
    if (!(root_->articles()->Get(index)->flags() & kArticleHasDate) || !dates || index >= dates->size()) {
      return false;
    }
    *out = dates->Get(index);
    return true;
  }

  /// The language of article `index` (corpus/text/languages.h id); 0 when
  /// undetermined, out of range, or the blob predates per-article languages.
  uint8_t language(uint32_t index) const {
    auto languages = valid() ? root_->article_languages() : nullptr;
    return languages && index < languages->size() ? languages->Get(index) : 0;
  }

  /// The optional fields of article `index` (binary search over `extras`): ok, or
  /// not_found when it has none (out left empty). Ranges out of bounds come back empty.
  Status extra(uint32_t index, ArticleExtra* out) const {
    if (!valid() || out == nullptr) return Status::misuse;
    *out = ArticleExtra();
    const fb::ArticleExtra* x = find_extra(index);
    if (x == nullptr) return Status::not_found;
    out->url = string_at(x->url());
    out->source = string_at(x->source());
    out->tags = string_at(x->tags());
    const uint32_t nvar = root_->variant_list() ? root_->variant_list()->size() : 0;
    if (in_bounds(x->variants().offset(), x->variants().length(), nvar)) {
      out->variants_offset = x->variants().offset();
      out->variants_count = x->variants().length();
    }
    return Status::ok;
  }

  /// The i-th variant listed for an article (see ArticleInfo::variants_*), or kNone.
  uint32_t variant(const ArticleInfo& info, uint32_t i) const {
    if (!valid() || i >= info.variants_count || !root_->variant_list()) return kNone;
    const uint64_t at = uint64_t{info.variants_offset} + i;
    if (at >= root_->variant_list()->size()) return kNone;
    uint32_t v = root_->variant_list()->Get(static_cast<uint32_t>(at));
    return v < article_count() ? v : kNone;
  }

  /// Where text `index` lies in the stream; not_found / malformed when out of range.
  Status text(uint32_t index, TextSpan* out) const {
    if (!valid() || out == nullptr) return Status::misuse;
    if (index >= text_count()) return Status::not_found;
    uint64_t begin = root_->text_offsets()->Get(index), end = root_->text_offsets()->Get(index + 1);
    if (begin > end || end > stream_size()) return Status::malformed;
    out->stream_offset = begin;
    out->length = end - begin;
    return Status::ok;
  }

  /// Boilerplate ("chrome") ranges of text `index`, relative to the text's start,
  /// sorted and disjoint. Bounds-checked: a corrupt table yields no ranges.
  uint32_t chrome_count(uint32_t index) const {
    if (!valid()) return 0;
    auto start = root_->chrome_start();
    auto chrome = root_->chrome();
    // 64-bit: index may be kNone (an ArticleInfo field of a corrupt blob).
    if (!start || !chrome || uint64_t{index} + 1 >= start->size()) return 0;
    uint32_t b = start->Get(index), e = start->Get(index + 1);
    return b <= e && e <= chrome->size() ? e - b : 0;
  }
  Range chrome(uint32_t index, uint32_t k) const {
    if (k >= chrome_count(index)) return Range();
    const fb::Range* r = root_->chrome()->Get(root_->chrome_start()->Get(index) + k);
    return Range(r->offset(), r->length());
  }

  /// Index of the frame holding stream byte `offset` (binary search), or kNone.
  uint32_t frame_at(uint64_t offset) const {
    if (!valid()) return kNone;
    auto frames = root_->frames();
    uint32_t lo = 0, hi = frames->size();
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      const fb::Frame* f = frames->Get(mid);
      if (offset < f->raw_offset()) hi = mid;
      else if (offset - f->raw_offset() >= f->raw_size()) lo = mid + 1;
      else return mid;
    }
    return kNone;
  }

  /// Bytes [offset, offset + length) of the string pool, bounds-checked (empty if out of range).
  std::string_view string_at(uint32_t offset, uint32_t length) const {
    if (!valid()) return {};
    auto pool = root_->strings();
    if (!in_bounds(offset, length, pool->size())) return {};
    return {reinterpret_cast<const char*>(pool->data()) + offset, length};
  }

  static bool in_bounds(uint64_t offset, uint64_t length, uint64_t size) {
    return offset <= size && length <= size - offset;
  }

 private:
  friend const fb::Corpus& detail::root(const Blob& blob);

  std::string_view string_at(const fb::Range& r) const { return string_at(r.offset(), r.length()); }

  const fb::ArticleExtra* find_extra(uint32_t index) const {
    auto extras = root_->extras();
    if (!extras) return nullptr;
    uint32_t lo = 0, hi = extras->size();
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      uint32_t a = extras->Get(mid)->article();
      if (a == index) return extras->Get(mid);
      if (a < index) lo = mid + 1; else hi = mid;
    }
    return nullptr;
  }

  static uint64_t stream_size_of(const fb::Corpus& root) {
    auto frames = root.frames();
    if (frames->size() == 0) return 0;
    const fb::Frame* last = frames->Get(frames->size() - 1);
    return last->raw_offset() + last->raw_size();
  }

  /// True if the vector is absent or its elements start on their natural alignment.
  template <typename Vector>
  static bool elements_aligned(const Vector* v) {
    return v == nullptr || reinterpret_cast<uintptr_t>(v->Data()) % alignof(decltype(*v->data())) == 0;
  }

  // Frames must tile the stream in order and lie inside frame_data, so that
  // frame_at() and the Reader can trust them without further checks.
  static Status check_frames(const fb::Corpus& root) {
    auto frames = root.frames();
    const uint64_t data_size = root.frame_data()->size();
    uint64_t expect_raw = 0;
    for (uint32_t i = 0; i < frames->size(); ++i) {
      const fb::Frame* f = frames->Get(i);
      if (f->raw_offset() != expect_raw) return Status::malformed;
      if (f->raw_size() == 0 || f->raw_size() > root.max_frame_raw()) return Status::malformed;
      if (!in_bounds(f->data_offset(), f->compressed_size(), data_size)) return Status::malformed;
      expect_raw += f->raw_size();
    }
    return Status::ok;
  }

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  const fb::Corpus* root_ = nullptr;
};

inline const fb::Corpus& detail::root(const Blob& blob) { return *blob.root_; }

}  // namespace corpus
