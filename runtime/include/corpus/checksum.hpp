// xxh64 over byte ranges, and the whole-blob seal. Header-only xxhash (Debian's
// libxxhash-dev header, inlined: no library, no allocation).
#pragma once

#include <cstddef>
#include <cstdint>

#ifndef XXH_INLINE_ALL
#define XXH_INLINE_ALL
#endif
// GCC 12 at -O3 on armhf flags XXH64_update's guarded `bEnd - 32` when inlined with
// the seal's 8-byte input (-Warray-bounds, a false positive that -Werror turns
// into a build failure). The state is location-based, so it must cover the header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
#include <xxhash.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace corpus {

/// xxh64 with seed 0 of [data, data+size).
inline uint64_t xxh64(const void* data, size_t size) { return XXH64(data, size, 0); }

/// xxh64 of the whole buffer with the 8 bytes at `hole` read as zero. This is the
/// seal: it covers every byte of the blob, padding included, and can be checked
/// in place on read-only flash (no copy of the buffer is made).
inline uint64_t seal_hash(const uint8_t* data, size_t size, size_t hole) {
  XXH64_state_t state;
  XXH64_reset(&state, 0);
  XXH64_update(&state, data, hole);
  const uint8_t zeros[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  XXH64_update(&state, zeros, sizeof zeros);
  XXH64_update(&state, data + hole + 8, size - hole - 8);
  return XXH64_digest(&state);
}

}  // namespace corpus
