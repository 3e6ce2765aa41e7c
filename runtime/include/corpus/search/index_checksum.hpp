// index_checksum(): the SearchIndex's section checksum (SectionChecksums.index).
// Kept apart from index.hpp so that verify.hpp can use it without the tokenizer.
#pragma once

#include <cstddef>
#include <cstdint>

#include "corpus/checksum.hpp"
#include "corpus/format.hpp"

namespace corpus::search {

/// xxh64 (seed 0) of the index's scalar fields (little-endian, schema order) then of
/// each vector's element bytes, in schema order. Absent vectors hash as empty.
inline uint64_t index_checksum(const fb::SearchIndex& index) {
  XXH64_state_t state;
  XXH64_reset(&state, 0);
  uint8_t scalars[32];
  const uint64_t values[7] = {index.tokenizer(), index.doc_count(), index.term_count(),
                              index.title_weight(), index.k1_milli(), index.b_milli(),
                              index.total_tokens()};
  size_t n = 0;
  for (size_t i = 0; i < 7; ++i) {
    const unsigned width = i == 6 ? 8u : 4u;
    for (unsigned byte = 0; byte < width; ++byte) {
      scalars[n++] = static_cast<uint8_t>(values[i] >> (8 * byte));
    }
  }
  XXH64_update(&state, scalars, n);
  auto add = [&state](const auto* v) {
    if (v != nullptr && v->size() > 0) {
      XXH64_update(&state, v->Data(), v->size() * sizeof(*v->Data()));
    }
  };
  add(index.norm_k());
  add(index.doc_norms());
  add(index.doc_title_tokens());
  add(index.term_blocks());
  add(index.terms());
  add(index.postings());
  add(index.positions());
  return XXH64_digest(&state);
}

}  // namespace corpus::search
