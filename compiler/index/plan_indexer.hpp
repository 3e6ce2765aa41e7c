// The pipeline's index stage. index_plan() indexes every canonical article of a
// CorpusPlan (title + normalized text, boilerplate ranges excluded); it only reads the
// plan, so the pipeline runs it while the frames compress. write_search_index() puts
// the result into the blob being built (its checksum is filled from the finished
// blob, corpus/section_checksums.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "build_settings.hpp"
#include "clean/corpus_plan.hpp"
#include "corpus/format.hpp"
#include "index/index_builder.hpp"

namespace corpusc {

/// The tokenizer options the plan is indexed with (see plan_indexer.cpp).
corpus::text::TokenizerOptions plan_tokenizer(const CorpusPlan& plan, const BuildSettings& settings);

/// `retired`: per article, 1 to keep a non-canonical article's postings as a retired
/// document (EditionLayout::retired); nullptr: none.
std::unique_ptr<IndexBuilder> index_plan(const CorpusPlan& plan, const BuildSettings& settings,
                                         const std::vector<uint8_t>* retired = nullptr);

flatbuffers::Offset<corpus::fb::SearchIndex> write_search_index(flatbuffers::FlatBufferBuilder& fbb, IndexBuilder& builder);

}  // namespace corpusc
