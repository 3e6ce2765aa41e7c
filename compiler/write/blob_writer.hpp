// BlobWriter: serializes a planned, compressed corpus into the FlatBuffers blob
// (schemas/corpus.fbs), fills the section checksums and seals it. Pure function of
// its inputs: the same inputs give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "build_settings.hpp"
#include "clean/corpus_plan.hpp"
#include "compress/frame_packer.hpp"
#include "index/index_builder.hpp"
#include "volume/volume_base.hpp"

namespace corpusc {

struct BlobInputs {
  const CorpusPlan* plan;
  const PackedStream* stream;
  const std::vector<std::string>* compressed;  // one per stream frame
  const std::string* dictionary;
  const BuildSettings* settings;
  IndexBuilder* index;  // index_plan()'s result; written (and consumed) by write_blob
  uint64_t fingerprint = 0;  // build_fingerprint(), taken before the inputs were released
  uint64_t input_bytes = 0;  // exact input bytes of all articles (BuildInfo.input_bytes)
  uint32_t input_files = 0;
  const VolumeFields* volume = nullptr;  // a volume: VolumeInfo written, dictionary not stored
};

/// Throws std::runtime_error when a limit (README "Limits") is exceeded.
std::vector<uint8_t> write_blob(const BlobInputs& in);

/// xxh64 over the inputs (ids and exact bytes, in id order) and every setting that
/// changes the output; the thread count is deliberately left out.
uint64_t build_fingerprint(const CorpusPlan& plan, const BuildSettings& s);

}  // namespace corpusc
