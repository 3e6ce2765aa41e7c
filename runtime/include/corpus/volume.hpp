// The volume fields of a blob (schemas/corpus.fbs VolumeInfo): bounds-checked views
// for collection.hpp, verify and the CLI. A blob without VolumeInfo is a full blob.
#pragma once

#include <cstdint>
#include <string_view>

#include "corpus/blob.hpp"

namespace corpus::volume {

/// The blob's VolumeInfo, or nullptr for a full blob (or a blob never opened).
inline const fb::VolumeInfo* info(const Blob& blob) {
  return blob.valid() ? corpus::detail::root(blob).volume() : nullptr;
}

inline uint32_t tombstone_count(const Blob& blob) {
  const fb::VolumeInfo* v = info(blob);
  return v && v->tombstones() ? v->tombstones()->size() : 0;
}

/// Removed id i (empty if out of range or pointing outside the string pool).
inline std::string_view tombstone(const Blob& blob, uint32_t i) {
  if (i >= tombstone_count(blob)) return {};
  const fb::Range* r = info(blob)->tombstones()->Get(i);
  return blob.string_at(r->offset(), r->length());
}

/// True if the blob is a volume that removes `id` (binary search: tombstones are sorted).
inline bool removes(const Blob& blob, std::string_view id) {
  uint32_t lo = 0, hi = tombstone_count(blob);
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    const int c = id.compare(tombstone(blob, mid));
    if (c == 0) return true;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return false;
}

/// The id of article `index` alone (no extras or date lookup), empty if out of range.
inline std::string_view article_id(const Blob& blob, uint32_t index) {
  if (index >= blob.article_count()) return {};
  const fb::Range& r = corpus::detail::root(blob).articles()->Get(index)->id();
  return blob.string_at(r.offset(), r.length());
}

}  // namespace corpus::volume
