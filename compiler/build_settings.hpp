// BuildSettings: every knob of `corpusc build`. Every one that changes the output is
// in output_settings_key(), which the blob's fingerprint hashes (fingerprint.hpp), so
// a blob says how it was made: a new knob that changes the bytes goes there too.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "clean/cleaning_stage.hpp"

namespace corpusc {

class VolumeBase;  // volume/volume_base.hpp

struct BuildSettings {
  std::string profile = "default";  // "default" or "small" (see apply_profile)
  uint32_t block_size = 128 * 1024; // max raw bytes per zstd frame
  int level = 19;                   // zstd level
  uint32_t dict_size = 64 * 1024;   // dictionary bytes (0: none)
  unsigned threads = 0;             // 0: all cores; never changes the output
  bool strict = false;              // warnings fail the build
  bool stem_english = true;         // tokenizer options, recorded in the blob
  bool drop_stopwords = false;
  std::string language = "auto";    // --language: "auto" (detect) or an ISO 639-1 code
  CleaningOptions cleaning;         // boilerplate, metadata, near-duplicate threshold
  // Neither of these changes the bytes of a blob that is written: a repeated id fails
  // the build unless allowed, and then the kept articles (hashed) are the same.
  bool allow_duplicate_ids = false; // a repeated id keeps the first (warning), not an error
  std::string output_path;          // the file being written: never read as input
  // --base: the previous edition whose places, frames and dictionary the new blob keeps
  // (README "Updates"). The base's seal is mixed into the fingerprint (build_pipeline).
  std::string base_path;            // empty: no base
  bool retrain = false;             // with a base: train a new dictionary anyway
  // `--extends`: build a volume over this chain (its salt enters the fingerprint).
  VolumeBase* volume = nullptr;
  // A volume is tokenized as its base was (TokenizerOptions bits), whatever its own
  // articles' languages would choose; unset: plan_tokenizer() decides.
  std::optional<uint32_t> tokenizer_bits;
};

/// Every setting that changes the output, spelled out: two settings with the same
/// key build the same bytes from the same inputs. Leaves out threads, strict,
/// allow_duplicate_ids and output_path (see above).
inline std::string output_settings_key(const BuildSettings& s) {
  const CleaningOptions& c = s.cleaning;
  char jaccard[32];
  std::snprintf(jaccard, sizeof jaccard, "%.17g", c.near.min_jaccard);  // round-trips the double
  auto u = [](uint64_t v) { return std::to_string(v); };
  return "profile=" + s.profile + "|block=" + u(s.block_size) + "|level=" + std::to_string(s.level) +
         "|dict=" + u(s.dict_size) + "|stem=" + u(s.stem_english) + "|stopwords=" + u(s.drop_stopwords) +
         "|language=" + s.language +
         "|boilerplate=" + u(c.detect_boilerplate) + "|metadata=" + u(c.extract_metadata) +
         "|near=" + u(c.near_duplicates) + "|jaccard=" + jaccard + "|shingle=" + u(c.near.shingle_words) +
         "|bands=" + u(c.near.bands) + "|rows=" + u(c.near.rows) + "|bucket=" + u(c.near.max_bucket) +
         (s.base_path.empty() ? std::string() : "|retrain=" + u(s.retrain));
}

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
