// Reader: decompresses stored texts into a caller's buffer, with no heap.
//
// Memory contract: the caller passes one workspace of workspace_bytes(max_frame_raw)
// bytes, 8-byte aligned (Workspace<N> below is a ready-made static array). The Reader
// carves it into a static zstd DCtx, a static DDict that references the blob's
// dictionary in place (no copy), and one frame buffer. Nothing else is allocated.
// The last decoded frame is cached, so reading several articles (or snippets) from
// one frame decodes it once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#ifndef ZSTD_STATIC_LINKING_ONLY
#define ZSTD_STATIC_LINKING_ONLY  // static DCtx/DDict in caller memory
#endif
#include <zstd.h>

#include "corpus/blob.hpp"

namespace corpus {

/// Upper bound of ZSTD_estimateDCtxSize() for the zstd builds we support (95,968 B on
/// x86-64 and 95,792 B on Cortex-M4 with zstd 1.5.4 defaults; 31,280 B when zstd is
/// built with ZSTD_DECODER_INTERNAL_BUFFER=1024, which may lower this). Checked at
/// init(): a larger estimate returns workspace_too_small rather than overrunning.
#ifndef CORPUS_DCTX_BYTES
#define CORPUS_DCTX_BYTES (96u * 1024u + 512u)
#endif
/// Upper bound of ZSTD_estimateDDictSize(n, ZSTD_dlm_byRef) (27,324 B measured; the
/// dictionary bytes themselves stay in the blob).
#ifndef CORPUS_DDICT_BYTES
#define CORPUS_DDICT_BYTES (28u * 1024u)
#endif
constexpr size_t kDCtxBytes = CORPUS_DCTX_BYTES;
constexpr size_t kDDictBytes = CORPUS_DDICT_BYTES;

/// Frame sizes (decompressed) of the build profiles; a blob records its own maximum.
constexpr size_t kFrameBytesDefault = 128u * 1024u; // corpusc --profile default
constexpr size_t kFrameBytesSmall = 16u * 1024u;    // corpusc --profile small

/// Workspace bytes a Reader needs for a blob whose max_frame_raw() is `frame_bytes`.
constexpr size_t workspace_bytes(size_t frame_bytes) {
  return kDCtxBytes + kDDictBytes + ((frame_bytes + 7u) & ~size_t{7});
}

/// Workspace bytes per build profile (the RAM a Reader needs, fixed at compile time):
///                         DCtx bound   + DDict  + frame     = workspace
///   host / Cortex-A,  default: 98,816 + 28,672 + 131,072 = 258,560 B
///   host / Cortex-A,  small:   98,816 + 28,672 +  16,384 = 143,872 B
///   Cortex-M (zstd with a 1 KiB internal buffer, cmake/ZstdDecoder.cmake):
///                     default: 32,816 + 28,672 + 131,072 = 192,560 B
///                     small:   32,816 + 28,672 +  16,384 =  77,872 B
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

class Reader {
 public:
  /// Binds to an opened blob and carves the workspace. The blob must outlive the Reader.
  Status init(const Blob& blob, void* workspace, size_t workspace_size) {
    *this = Reader();
    if (!blob.valid()) return Status::malformed;
    if (workspace == nullptr || reinterpret_cast<uintptr_t>(workspace) % kAlignment != 0) {
      return Status::misaligned;
    }
    if (workspace_size < workspace_bytes(blob.max_frame_raw())) return Status::workspace_too_small;
    auto dict = blob.root().dictionary();
    if (ZSTD_estimateDCtxSize() > kDCtxBytes ||
        ZSTD_estimateDDictSize(dict->size(), ZSTD_dlm_byRef) > kDDictBytes) {
      return Status::workspace_too_small;
    }
    auto base = static_cast<unsigned char*>(workspace);
    dctx_ = ZSTD_initStaticDCtx(base, kDCtxBytes);
    if (dctx_ == nullptr) return Status::workspace_too_small;
    if (dict->size() > 0) {
      ddict_ = ZSTD_initStaticDDict(base + kDCtxBytes, kDDictBytes, dict->data(), dict->size(),
                                    ZSTD_dlm_byRef, ZSTD_dct_auto);
      if (ddict_ == nullptr) return Status::malformed;  // dictionary bytes do not parse
    }
    frame_buf_ = base + kDCtxBytes + kDDictBytes;
    frame_cap_ = workspace_size - kDCtxBytes - kDDictBytes;
    blob_ = &blob;
    return Status::ok;
  }

  /// Decodes frame `index` into the frame buffer (or returns the cached one).
  /// On success *raw points into the workspace and stays valid until the next call.
  Status frame(uint32_t index, const uint8_t** raw, size_t* raw_size) {
    if (blob_ == nullptr) return Status::malformed;
    if (index >= blob_->frame_count()) return Status::not_found;
    const fb::Frame* f = blob_->root().frames()->Get(index);
    if (index != cached_) {
      cached_ = kNone;
      const uint8_t* src = blob_->root().frame_data()->data() + f->data_offset();
      size_t got = ddict_ != nullptr
          ? ZSTD_decompress_usingDDict(dctx_, frame_buf_, frame_cap_, src, f->compressed_size(), ddict_)
          : ZSTD_decompressDCtx(dctx_, frame_buf_, frame_cap_, src, f->compressed_size());
      if (ZSTD_isError(got) || got != f->raw_size()) return Status::decompress_failed;
      cached_ = index;
    }
    *raw = frame_buf_;
    *raw_size = f->raw_size();
    return Status::ok;
  }

  /// Copies bytes [offset, offset + cap) of text `text_index` (clamped to its end)
  /// into `out`; *written is the count copied. Reading in pieces lets a caller with a
  /// small buffer stream any article.
  Status read(uint32_t text_index, uint64_t offset, char* out, size_t cap, size_t* written) {
    *written = 0;
    TextSpan span;
    Status s = blob_ ? blob_->text(text_index, &span) : Status::malformed;
    if (s != Status::ok) return s;
    if (offset >= span.length) return Status::ok;
    uint64_t pos = span.stream_offset + offset;
    uint64_t end = span.stream_offset + span.length;
    if (end - pos > cap) end = pos + cap;  // never more than the caller's buffer
    while (pos < end) {
      uint32_t fi = blob_->frame_at(pos);
      if (fi == kNone) return Status::malformed;
      const uint8_t* raw;
      size_t raw_size;
      s = frame(fi, &raw, &raw_size);
      if (s != Status::ok) return s;
      uint64_t in_frame = pos - blob_->root().frames()->Get(fi)->raw_offset();
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
    Status s = blob_ ? blob_->text(text_index, &span) : Status::malformed;
    if (s != Status::ok) return s;
    const uint32_t nchrome = blob_->chrome_count(text_index);
    uint64_t raw = 0, skipped = 0;  // raw position, chrome bytes before it
    for (uint32_t k = 0; k <= nchrome && *written < cap; ++k) {
      uint64_t seg_end = span.length;
      uint64_t next = span.length;
      if (k < nchrome) {
        fb::Range c = blob_->chrome(text_index, k);
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
    Status s = blob_ ? blob_->text(text_index, &span) : Status::malformed;
    if (s != Status::ok) return s;
    if (span.length > cap) return Status::buffer_too_small;
    return read(text_index, 0, out, cap, written);
  }

 private:
  const Blob* blob_ = nullptr;
  ZSTD_DCtx* dctx_ = nullptr;
  const ZSTD_DDict* ddict_ = nullptr;
  unsigned char* frame_buf_ = nullptr;
  size_t frame_cap_ = 0;
  uint32_t cached_ = kNone;
};

}  // namespace corpus
