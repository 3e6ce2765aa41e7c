// write_search_index(): the pipeline's index stage. Indexes every canonical article
// of a CorpusPlan (title + normalized text, boilerplate ranges excluded) into the
// blob being built, and returns what BlobWriter stores about it.
#pragma once

#include <cstdint>

#include <flatbuffers/flatbuffers.h>

#include "build_settings.hpp"
#include "clean/corpus_plan.hpp"
#include "corpus/format.hpp"
#include "index/index_builder.hpp"

namespace corpusc {

struct WrittenIndex {
  flatbuffers::Offset<corpus::fb::SearchIndex> offset;
  uint64_t checksum = 0;  // corpus::search::index_checksum: SectionChecksums.index
  IndexStats stats;
};

WrittenIndex write_search_index(flatbuffers::FlatBufferBuilder& fbb, const CorpusPlan& plan,
                                const BuildSettings& settings);

}  // namespace corpusc
