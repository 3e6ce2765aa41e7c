// DfMemo: the combined document frequencies one collection search has looked up, so
// that its parts share them. Without it every part asks every part's dictionary for
// each query term (parts^2 lookups per term; 22 % of a base + 4 volumes query);
// with it the first part to need a term's df pays parts lookups and the others none.
//
// Contract: keyed by the term's bytes, exact (never a hash); valid for one collection
// search only (collection_search.hpp clears it first), because a df depends on the
// collection. When full (kDfMemoEntries terms or kDfMemoArenaBytes of their bytes) it
// stops remembering and callers look the df up again: slower, never wrong. No heap:
// it lives in the caller's CollectionResults.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/query_types.hpp"

namespace corpus::search {

/// Terms one memo remembers: one per cursor a part binds covers a whole query.
constexpr uint32_t kDfMemoEntries = kMaxCursors;
/// Bytes of term text one memo holds (16 per entry; terms average far fewer).
constexpr uint32_t kDfMemoArenaBytes = kDfMemoEntries * 16;

class DfMemo {
 public:
  void clear() { count_ = arena_used_ = 0; }

  /// True and *df if `term` was put since clear().
  bool find(std::string_view term, uint32_t* df) const {
    for (uint32_t i = 0; i < count_; ++i) {
      const Entry& e = entries_[i];
      if (e.length == term.size() && std::memcmp(arena_ + e.offset, term.data(), term.size()) == 0) {
        *df = e.df;
        return true;
      }
    }
    return false;
  }

  /// Remembers df for `term` (not already there) if there is room; else nothing.
  void put(std::string_view term, uint32_t df) {
    if (count_ == kDfMemoEntries || term.size() > kDfMemoArenaBytes - arena_used_ || term.size() > 255) return;
    Entry& e = entries_[count_++];
    e.offset = static_cast<uint16_t>(arena_used_);
    e.length = static_cast<uint8_t>(term.size());
    e.df = df;
    std::memcpy(arena_ + arena_used_, term.data(), term.size());
    arena_used_ += static_cast<uint32_t>(term.size());
  }

  uint32_t size() const { return count_; }

 private:
  struct Entry {
    uint32_t df;
    uint16_t offset;  // into arena_
    uint8_t length;
  };
  static_assert(kDfMemoArenaBytes <= 65536, "Entry::offset is 16 bits");

  uint32_t count_ = 0, arena_used_ = 0;
  Entry entries_[kDfMemoEntries];
  char arena_[kDfMemoArenaBytes];
};

}  // namespace corpus::search
