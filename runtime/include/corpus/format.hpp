// Format constants shared by the compiler and the runtime. The layout itself lives
// in schemas/corpus.fbs; this header only includes what flatc generated from it.
#pragma once

#include <cstddef>
#include <cstdint>

// Bare-metal builds define FLATBUFFERS_ASSERT (see toolchains/): assert() pulls stdio.
#include "corpus/corpus_generated.h"

namespace corpus {

// The generated tables live in corpus::fb (schemas/corpus.fbs), so `fb::` works here
// as is. (An alias `namespace fb = ::corpus::fb;` would redefine it: clang rejects that.)

/// Readers accept exactly this major and any minor.
constexpr uint16_t kFormatMajor = 1;
/// Bumped when optional fields are added. 1.2: SearchIndex.format_version (index
/// format 2, search/index_format.hpp) and its optional surface forms. 1.3: per-article
/// languages (Corpus.article_languages, SearchIndex.languages), Corpus.id_order and
/// volumes (Corpus.volume, collection.hpp). 1.4: per-language BM25 statistics
/// (SearchIndex.language_stats, language_norm_k, language_df_terms, language_df;
/// search/language_scope.hpp). 1.5: index format 4 (search/index_format.hpp) and
/// retired documents (SearchIndex.retired_docs, retired_terms, retired_postings).
constexpr uint16_t kFormatMinor = 5;

/// Blob and workspace alignment required by the runtime (FlatBuffers scalars are
/// aligned to their size; zstd's static contexts need 8).
constexpr size_t kAlignment = 8;

/// Hard limits, checked by the compiler with a clear error (see README "Limits").
constexpr uint64_t kMaxBlobBytes = 0x7FFFFFFFull;      // FlatBuffers' 2 GiB offsets
constexpr uint32_t kMaxArticleBytes = 256u << 20;      // one article's input bytes
constexpr uint32_t kMaxArticles = 16u << 20;           // articles in one blob
constexpr uint32_t kMaxIdBytes = 1024;                 // one article id

/// Sentinel for "no index" in uint32 reference fields.
constexpr uint32_t kNone = 0xFFFFFFFFu;

}  // namespace corpus
