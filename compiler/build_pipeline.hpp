// BuildPipeline: ingest -> clean/dedupe -> index -> compress -> write, end to end.
// The CLI, the tests and the benchmarks all compile corpora through this one call.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "build_settings.hpp"
#include "diagnostics.hpp"
#include "plan.hpp"

namespace corpusc {

struct BuildReport {
  uint32_t files = 0;            // input files found
  uint32_t articles = 0;         // articles in the blob
  uint32_t skipped = 0;          // inputs (files or lines) not turned into articles
  uint64_t input_bytes = 0;      // bytes of all input files
  uint32_t texts = 0;            // distinct stored texts
  uint32_t frames = 0;
  uint64_t stream_bytes = 0;     // raw bytes of all frames
  uint64_t compressed_bytes = 0; // compressed bytes of all frames
  uint64_t dictionary_bytes = 0;
  uint64_t blob_bytes = 0;
  PlanCounts counts;
};

/// Stage names and progress: (stage, done, total). Calls are serialized, but may come
/// from worker threads.
using StageProgress = std::function<void(const char* stage, size_t done, size_t total)>;

/// Compiles `inputs` (files or folders) into blob bytes. Problems go to `diag`;
/// throws CompileError (errors.hpp) on fatal ones: its kind says which (limits, no
/// articles, duplicate ids, missing paths, an output that is one of the inputs).
std::vector<uint8_t> compile_corpus(const std::vector<std::string>& inputs, const BuildSettings& settings,
                                    Diagnostics& diag, BuildReport& report,
                                    const StageProgress& progress = nullptr);

}  // namespace corpusc
