// index_checksum(): the SearchIndex's section checksum (SectionChecksums.index).
// Kept apart from index.hpp so that verify.hpp can use it without the tokenizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "corpus/checksum.hpp"
#include "corpus/format.hpp"

namespace corpus::search {

/// xxh64 (seed 0) of the index's scalar fields (little-endian, schema order) then of
/// each vector's element bytes, in schema order. Absent vectors hash as empty.
/// Index format 1 hashed only the first `size` bytes of each vector (its element
/// count); it is kept so that old blobs still name their damaged section. Format 2
/// hashes every element byte, then format_version, form_count, forms, form_blocks;
/// an index with per-language statistics (format 1.4) then their four vectors.
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
  const bool v1 = index.format_version() <= 1;
  auto add = [&state, v1](const auto* v) {
    using Element = std::remove_const_t<std::remove_pointer_t<typename std::remove_pointer_t<decltype(v)>::return_type>>;
    if (v != nullptr && v->size() > 0) {
      XXH64_update(&state, v->Data(), size_t{v->size()} * (v1 ? 1u : sizeof(Element)));
    }
  };
  add(index.norm_k());
  add(index.doc_norms());
  add(index.doc_title_tokens());
  add(index.term_blocks());
  add(index.terms());
  add(index.postings());
  add(index.positions());
  if (!v1) {
    uint8_t tail[8];
    const uint32_t tail_values[2] = {index.format_version(), index.form_count()};
    for (size_t i = 0; i < 8; ++i) tail[i] = static_cast<uint8_t>(tail_values[i / 4] >> (8 * (i % 4)));
    XXH64_update(&state, tail, sizeof tail);
    add(index.forms());
    add(index.form_blocks());
  }
  if (index.language_stats() != nullptr) {  // format 1.4 (language_scope.hpp); older blobs hash as before
    add(index.language_stats());
    add(index.language_norm_k());
    add(index.language_df_terms());
    add(index.language_df());
  }
  return XXH64_digest(&state);
}

}  // namespace corpus::search
