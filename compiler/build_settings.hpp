// BuildSettings: every knob of `corpusc build`. All of them are recorded in the
// blob's BuildInfo and fingerprint, so a blob says how it was made.
#pragma once

#include <cstdint>
#include <string>

#include "clean/cleaning_stage.hpp"

namespace corpusc {

struct BuildSettings {
  std::string profile = "default";  // "default" or "small" (see apply_profile)
  uint32_t block_size = 128 * 1024; // max raw bytes per zstd frame
  int level = 19;                   // zstd level
  uint32_t dict_size = 64 * 1024;   // dictionary bytes (0: none)
  unsigned threads = 0;             // 0: all cores; never changes the output
  bool strict = false;              // warnings fail the build
  bool stem_english = true;         // tokenizer options, recorded in the blob
  bool drop_stopwords = false;
  CleaningOptions cleaning;         // boilerplate, metadata, near-duplicate threshold
};

/// Sets block and dictionary sizes for a named device profile; false if unknown.
/// "small" keeps the runtime's frame buffer at 16 KiB for parts with little RAM.
inline bool apply_profile(BuildSettings& s, const std::string& name) {
  if (name == "default") {
    s.block_size = 128 * 1024;
    s.dict_size = 64 * 1024;
  } else if (name == "small") {
    s.block_size = 16 * 1024;
    s.dict_size = 32 * 1024;
  } else {
    return false;
  }
  s.profile = name;
  return true;
}

}  // namespace corpusc
