// Reader: decompresses stored texts into a caller's buffer, with no heap.
//
// Memory contract: the caller passes one workspace of workspace_bytes(max_frame_raw)
// bytes, 8-byte aligned (Workspace<N> below is a ready-made static array). The Reader
// carves it into a small header, a static zstd DCtx, a static DDict that references
// the blob's dictionary in place (no copy), and one frame buffer. Nothing else is
// allocated. The last decoded frame is cached, so reading several articles (or
// snippets) from one frame decodes it once.
//
// Sharing a workspace (safe by design): any number of Readers, on the same blob or on
// different blobs, and verify() may use one workspace, one at a time (one thread).
// The workspace header records whose zstd state the workspace holds (the blob's
// address, size and seal) and which frame its buffer holds. Every user checks the
// header before trusting that state and stamps it after changing it: a Reader whose
// blob is not the one stamped sets the DCtx and DDict up again (about 72k
// instructions on Cortex-M4 for a DDict), and a cached frame is used only if the
// header says the buffer still holds it. So verify() between two reads, or two
// Readers on two blobs in alternation, cost decodes, never wrong text. Give each blob
// its own workspace when readers alternate often. The workspace must outlive every
// Reader bound to it and must not be written by anything else meanwhile.
// Frame bytes returned by frame() are valid until the next call on any user of
// the workspace.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "corpus/blob.hpp"
#include "corpus/sizes.h"
#include "corpus/zstd_static.hpp"

namespace corpus {

constexpr size_t kDCtxBytes = CORPUS_DCTX_BYTES;
constexpr size_t kDDictBytes = CORPUS_DDICT_BYTES;
constexpr size_t kWorkspaceHeaderBytes = CORPUS_WORKSPACE_HEADER_BYTES;

/// Frame sizes (decompressed) of the build profiles; a blob records its own maximum.
constexpr size_t kFrameBytesDefault = CORPUS_FRAME_BYTES_DEFAULT; // corpusc --profile default
constexpr size_t kFrameBytesSmall = CORPUS_FRAME_BYTES_SMALL;     // corpusc --profile small

/// Workspace bytes a Reader needs for a blob whose max_frame_raw() is `frame_bytes`.
constexpr size_t workspace_bytes(size_t frame_bytes) {
  return kWorkspaceHeaderBytes + kDCtxBytes + kDDictBytes + ((frame_bytes + 7u) & ~size_t{7});
}
static_assert(workspace_bytes(kFrameBytesSmall) == CORPUS_WORKSPACE_BYTES(CORPUS_FRAME_BYTES_SMALL),
              "sizes.h and workspace_bytes() must agree");
static_assert(kDCtxBytes % 8 == 0 && kDDictBytes % 8 == 0 && kWorkspaceHeaderBytes % 8 == 0,
              "the DCtx, DDict and frame buffer start 8-byte aligned");

/// Workspace bytes per build profile (the RAM a Reader needs, fixed at compile time):
///                         header + DCtx bound + DDict  + frame     = workspace
///   host / Cortex-A,  default: 64 + 98,816 + 28,672 + 131,072 = 258,624 B
///   host / Cortex-A,  small:   64 + 98,816 + 28,672 +  16,384 = 143,936 B
///   Cortex-M (zstd with a 1 KiB internal buffer, cmake/ZstdDecoder.cmake):
///                     default: 64 + 32,816 + 28,672 + 131,072 = 192,624 B
///                     small:   64 + 32,816 + 28,672 +  16,384 =  77,936 B
/// No zstd window is added: frames are decoded in one call into the frame buffer
/// (single-segment frames whose window is the frame itself), so the window log never
/// costs RAM beyond max_frame_raw.
constexpr size_t kWorkspaceBytesDefault = workspace_bytes(kFrameBytesDefault);
constexpr size_t kWorkspaceBytesSmall = workspace_bytes(kFrameBytesSmall);

/// A statically sized, aligned workspace (put it in .bss or on a big enough stack).
template <size_t FrameBytes>
struct Workspace {
  static constexpr size_t kFrameBytes = FrameBytes;
  alignas(8) unsigned char bytes[workspace_bytes(FrameBytes)];
  void* data() { return bytes; }
  static constexpr size_t size() { return sizeof(bytes); }
};

namespace detail {

/// The first kWorkspaceHeaderBytes of a workspace (see "Sharing a workspace").
struct WorkspaceHeader {
  static constexpr uint32_t kMagic = 0x5753'5243u;  // "CRSW"
  uint32_t magic;              // kMagic once the state below is complete
  uint32_t cached_frame;       // frame held by the buffer, kNone if none (or mid-decode)
  const uint8_t* blob_data;    // identity of the blob the DCtx/DDict were set up for
  uint64_t blob_size;
  uint64_t blob_seal;
  ZSTD_DCtx* dctx;
  const ZSTD_DDict* ddict;     // null when the blob has no dictionary
};
static_assert(sizeof(WorkspaceHeader) <= kWorkspaceHeaderBytes, "workspace header outgrew its slot");

}  // namespace detail

class Reader {
 public:
  /// Binds to an opened blob (copied: the Reader holds the Blob by value; the blob's
  /// bytes must outlive the Reader) and sets the zstd state up in the workspace.
  /// A volume (collection.hpp) stores no dictionary: `dictionary_blob` is then its
  /// chain's base, whose dictionary it was compressed with (and must outlive it too).
  Status init(const Blob& blob, void* workspace, size_t workspace_size, const Blob* dictionary_blob = nullptr) {
    *this = Reader();
    if (!blob.valid()) return Status::misuse;
    if (workspace == nullptr || reinterpret_cast<uintptr_t>(workspace) % kAlignment != 0) {
      return Status::misaligned;
    }
    if (workspace_size < workspace_bytes(blob.max_frame_raw())) return Status::workspace_too_small;
    if (dictionary_blob != nullptr && !dictionary_blob->valid()) return Status::misuse;
    const auto& dict = *corpus::detail::root(dictionary_blob != nullptr ? *dictionary_blob : blob).dictionary();
    dict_data_ = dict.data();
    dict_size_ = dict.size();
    if (ZSTD_estimateDCtxSize() > kDCtxBytes ||
        ZSTD_estimateDDictSize(dict.size(), ZSTD_dlm_byRef) > kDDictBytes) {
      return Status::workspace_too_small;
    }
    blob_ = blob;
    workspace_ = static_cast<unsigned char*>(workspace);
    workspace_size_ = workspace_size;
    Status s = setup();
    if (s != Status::ok) *this = Reader();
    return s;
  }

  bool valid() const { return workspace_ != nullptr; }
  /// The blob this Reader reads (a copy of the one given to init()).
  const Blob& blob() const { return blob_; }

  /// Decodes frame `index` into the frame buffer (or returns the cached one).
  /// On success *raw points into the workspace and stays valid until the next call
  /// on any user of the workspace.
  Status frame(uint32_t index, const uint8_t** raw, size_t* raw_size) {
    if (!valid()) return Status::misuse;
    if (index >= blob_.frame_count()) return Status::not_found;
    Status s = bind();
    if (s != Status::ok) return s;
    detail::WorkspaceHeader& h = header();
    const fb::Frame* f = corpus::detail::root(blob_).frames()->Get(index);
    unsigned char* buf = frame_buffer();
    if (h.cached_frame != index) {
      h.cached_frame = kNone;
      const uint8_t* src = corpus::detail::root(blob_).frame_data()->data() + f->data_offset();
      const size_t cap = workspace_size_ - static_cast<size_t>(buf - workspace_);
      size_t got = h.ddict != nullptr
          ? ZSTD_decompress_usingDDict(h.dctx, buf, cap, src, f->compressed_size(), h.ddict)
          : ZSTD_decompressDCtx(h.dctx, buf, cap, src, f->compressed_size());
      if (ZSTD_isError(got) || got != f->raw_size()) return Status::decompress_failed;
      h.cached_frame = index;
    }
    *raw = buf;
    *raw_size = f->raw_size();
    return Status::ok;
  }

  /// Copies bytes [offset, offset + cap) of text `text_index` (clamped to its end)
  /// into `out`; *written is the count copied. Reading in pieces lets a caller with a
  /// small buffer stream any article.
  Status read(uint32_t text_index, uint64_t offset, char* out, size_t cap, size_t* written) {
    *written = 0;
    TextSpan span;
    Status s = valid() ? blob_.text(text_index, &span) : Status::misuse;
    if (s != Status::ok) return s;
    if (offset >= span.length) return Status::ok;
    uint64_t pos = span.stream_offset + offset;
    uint64_t end = span.stream_offset + span.length;
    if (end - pos > cap) end = pos + cap;  // never more than the caller's buffer
    while (pos < end) {
      uint32_t fi = blob_.frame_at(pos);
      if (fi == kNone) return Status::malformed;
      const uint8_t* raw;
      size_t raw_size;
      s = frame(fi, &raw, &raw_size);
      if (s != Status::ok) return s;
      uint64_t in_frame = pos - corpus::detail::root(blob_).frames()->Get(fi)->raw_offset();
      uint64_t n = raw_size - in_frame;
      if (n > end - pos) n = end - pos;
      std::memcpy(out + *written, raw + in_frame, static_cast<size_t>(n));
      *written += static_cast<size_t>(n);
      pos += n;
    }
    return Status::ok;
  }

  /// Like read(), but in main-text coordinates: the text with its boilerplate
  /// (chrome) ranges left out, as search indexed it. Reading in pieces works the same.
  Status read_main(uint32_t text_index, uint64_t offset, char* out, size_t cap, size_t* written) {
    *written = 0;
    TextSpan span;
    Status s = valid() ? blob_.text(text_index, &span) : Status::misuse;
    if (s != Status::ok) return s;
    const uint32_t nchrome = blob_.chrome_count(text_index);
    uint64_t raw = 0, skipped = 0;  // raw position, chrome bytes before it
    for (uint32_t k = 0; k <= nchrome && *written < cap; ++k) {
      uint64_t seg_end = span.length;
      uint64_t next = span.length;
      if (k < nchrome) {
        Range c = blob_.chrome(text_index, k);
        seg_end = c.offset() < span.length ? c.offset() : span.length;
        next = uint64_t{c.offset()} + c.length();
      }
      if (seg_end < raw) seg_end = raw;  // overlapping ranges in a corrupt blob
      // This main segment covers main offsets [raw - skipped, seg_end - skipped).
      uint64_t want = offset + *written;
      if (want < seg_end - skipped) {
        uint64_t from = want + skipped;
        if (from < raw) from = raw;
        size_t n = 0;
        s = read(text_index, from, out + *written, static_cast<size_t>(std::min<uint64_t>(cap - *written, seg_end - from)), &n);
        if (s != Status::ok) return s;
        *written += n;
      }
      if (next > span.length) next = span.length;
      if (next > seg_end) skipped += next - seg_end;
      raw = next > raw ? next : raw;
    }
    return Status::ok;
  }

  /// Reads a whole text; buffer_too_small (with nothing written) if it does not fit.
  Status read_all(uint32_t text_index, char* out, size_t cap, size_t* written) {
    *written = 0;
    TextSpan span;
    Status s = valid() ? blob_.text(text_index, &span) : Status::misuse;
    if (s != Status::ok) return s;
    if (span.length > cap) return Status::buffer_too_small;
    return read(text_index, 0, out, cap, written);
  }

 private:
  detail::WorkspaceHeader& header() { return *reinterpret_cast<detail::WorkspaceHeader*>(workspace_); }
  unsigned char* frame_buffer() { return workspace_ + kWorkspaceHeaderBytes + kDCtxBytes + kDDictBytes; }

  bool stamped_for_blob() {
    const detail::WorkspaceHeader& h = header();
    return h.magic == detail::WorkspaceHeader::kMagic && h.blob_data == blob_.data() &&
           h.blob_size == blob_.size() && h.blob_seal == blob_.seal();
  }

  /// Makes the workspace hold this blob's zstd state, keeping it if it already does.
  Status bind() { return stamped_for_blob() ? Status::ok : setup(); }

  /// Sets the DCtx and DDict up for this blob and stamps the header (no frame cached).
  Status setup() {
    detail::WorkspaceHeader& h = header();
    h.magic = 0;  // incomplete until the end: a failure leaves no stamp behind
    h.cached_frame = kNone;
    unsigned char* dctx_at = workspace_ + kWorkspaceHeaderBytes;
    h.dctx = ZSTD_initStaticDCtx(dctx_at, kDCtxBytes);
    if (h.dctx == nullptr) return Status::workspace_too_small;
    h.ddict = nullptr;
    if (dict_size_ > 0) {
      h.ddict = ZSTD_initStaticDDict(dctx_at + kDCtxBytes, kDDictBytes, dict_data_, dict_size_,
                                     ZSTD_dlm_byRef, ZSTD_dct_auto);
      if (h.ddict == nullptr) return Status::malformed;  // dictionary bytes do not parse
    }
    h.blob_data = blob_.data();
    h.blob_size = blob_.size();
    h.blob_seal = blob_.seal();
    h.magic = detail::WorkspaceHeader::kMagic;
    return Status::ok;
  }

  Blob blob_;
  const uint8_t* dict_data_ = nullptr;  // the dictionary of blob_'s frames: its own, or a volume's base's
  uint32_t dict_size_ = 0;
  unsigned char* workspace_ = nullptr;
  size_t workspace_size_ = 0;
};

}  // namespace corpus
