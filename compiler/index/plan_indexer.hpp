// The pipeline's index stage. index_plan() indexes every canonical article of a
// CorpusPlan (title + normalized text, boilerplate ranges excluded); it only reads the
// plan, so the pipeline runs it while the frames compress. write_search_index() puts
// the result into the blob being built and returns what BlobWriter stores about it.
#pragma once

#include <cstdint>
#include <memory>

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

std::unique_ptr<IndexBuilder> index_plan(const CorpusPlan& plan, const BuildSettings& settings);

WrittenIndex write_search_index(flatbuffers::FlatBufferBuilder& fbb, IndexBuilder& builder);

}  // namespace corpusc
