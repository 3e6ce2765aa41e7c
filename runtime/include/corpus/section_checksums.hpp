// The section checksums, listed once: kSectionChecksums pairs each field of
// fb::SectionChecksums (schemas/corpus.fbs) with its name and with how it is
// computed from a finished blob. The compiler fills the struct from this table
// (compiler/write/blob_writer.cpp) and verify() checks and names sections with it,
// so the three can no longer drift apart.
//
// Contract: entry i is field i of SectionChecksums, in schema order (a uint64 each,
// so field i is at byte 8 * i of the struct); section_checksums_aligned() proves it
// against the generated accessors and the writer refuses to write a blob otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "corpus/checksum.hpp"
#include "corpus/format.hpp"
#include "corpus/search/index_checksum.hpp"

namespace corpus {

struct SectionChecksum {
  const char* name;                                 // static: what verify() reports
  uint64_t (*compute)(const fb::Corpus&);           // from the blob's bytes as stored
  uint64_t (*stored)(const fb::SectionChecksums&);  // the field that holds it
};

namespace detail {
/// xxh64 (seed 0) of a vector's element bytes; an absent vector hashes as empty.
/// (Vector::Data() is a byte pointer for every element type: the element size is
/// that of T, or of the struct T points to.)
template <typename T>
uint64_t section_hash(const flatbuffers::Vector<T>* v) {
  return v ? xxh64(v->Data(), size_t{v->size()} * sizeof(std::remove_pointer_t<T>)) : xxh64(nullptr, 0);
}
}  // namespace detail

#define CORPUS_VECTOR_SECTION(field)                                                  \
  SectionChecksum {                                                                   \
    #field, [](const fb::Corpus& c) { return detail::section_hash(c.field()); },      \
        [](const fb::SectionChecksums& s) { return s.field(); }                       \
  }

constexpr SectionChecksum kSectionChecksums[] = {
    CORPUS_VECTOR_SECTION(strings),
    CORPUS_VECTOR_SECTION(articles),
    CORPUS_VECTOR_SECTION(text_offsets),
    CORPUS_VECTOR_SECTION(extras),
    CORPUS_VECTOR_SECTION(dates),
    CORPUS_VECTOR_SECTION(chrome),
    CORPUS_VECTOR_SECTION(chrome_start),
    CORPUS_VECTOR_SECTION(frames),
    CORPUS_VECTOR_SECTION(dictionary),
    CORPUS_VECTOR_SECTION(frame_data),
    CORPUS_VECTOR_SECTION(variant_list),
    SectionChecksum{"index",
                    [](const fb::Corpus& c) { return c.index() ? search::index_checksum(*c.index()) : 0u; },
                    [](const fb::SectionChecksums& s) { return s.index(); }},
};

#undef CORPUS_VECTOR_SECTION

constexpr size_t kSectionCount = sizeof kSectionChecksums / sizeof kSectionChecksums[0];
static_assert(sizeof(fb::SectionChecksums) == kSectionCount * sizeof(uint64_t),
              "every SectionChecksums field has an entry in kSectionChecksums");

/// True when entry i reads field i: with field i set to a distinct value (i + 1)
/// and every other field zero, only entry i sees it.
inline bool section_checksums_aligned() {
  for (size_t i = 0; i < kSectionCount; ++i) {
    uint8_t bytes[sizeof(fb::SectionChecksums)] = {};
    bytes[8 * i] = static_cast<uint8_t>(i + 1);  // little-endian uint64 i + 1
    fb::SectionChecksums sums;
    static_assert(sizeof sums == sizeof bytes, "one uint64 per section");
    std::memcpy(&sums, bytes, sizeof bytes);
    for (size_t j = 0; j < kSectionCount; ++j) {
      if (kSectionChecksums[j].stored(sums) != (i == j ? i + 1 : 0)) return false;
    }
  }
  return true;
}

}  // namespace corpus
