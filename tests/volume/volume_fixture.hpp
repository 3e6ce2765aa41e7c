// Test support for volumes: builds a base blob and volumes over it from small input
// folders, writes them to files (`--extends` reads files) and keeps them opened.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <catch.hpp>

#include "build_pipeline.hpp"
#include "temp_corpus.hpp"
#include "volume/volume_base.hpp"

namespace corpus_test {

struct BuiltBlob {
  AlignedBytes bytes;
  std::string path;
  corpusc::Diagnostics diag;
  corpus::Blob blob;
};

/// Compiles `inputs` into dir/name (over `chain` as a volume when not empty) and opens it.
inline void build_blob(const std::string& dir, const std::string& name, const std::vector<std::string>& inputs,
                       const std::vector<std::string>& chain, const std::vector<std::string>& removals,
                       BuiltBlob& out, corpusc::BuildSettings settings = corpusc::BuildSettings()) {
  settings.dict_size = 4096;  // small inputs: a small dictionary trains
  std::unique_ptr<corpusc::VolumeBase> volume;
  if (!chain.empty()) {
    volume = std::make_unique<corpusc::VolumeBase>(chain, removals);
    settings.volume = volume.get();
  }
  corpusc::BuildReport report;
  std::vector<uint8_t> bytes = corpusc::compile_corpus(inputs, settings, out.diag, report);
  out.bytes.assign(bytes.data(), bytes.size());
  out.path = dir + "/" + name;
  std::ofstream(out.path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                 static_cast<std::streamsize>(bytes.size()));
  REQUIRE(corpus::Blob::open(out.bytes.data(), out.bytes.size, &out.blob) == corpus::Status::ok);
}

}  // namespace corpus_test
