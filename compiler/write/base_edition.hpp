// BaseEdition: what `corpusc build --base old.crp` keeps from the previous edition so
// that the new blob differs from it as little as the change allows (README "Updates"):
// the article places (ids in article order), the stored texts in stream order with
// the frame each one opened, the zstd dictionary, and which articles the index holds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpusc {

struct BaseEdition {
  std::string path;
  uint64_t seal = 0;                 // the base blob's seal (mixed into the new fingerprint)
  std::vector<std::string> ids;      // by base article index
  std::vector<std::string> titles;   // by base article index
  std::vector<uint32_t> article_text;  // by base article index: its normalized text (in `texts`)
  std::vector<uint8_t> has_postings; // by base article index: 1 if its index holds it (indexed or retired)
  std::vector<std::string> texts;    // by base text index (stream order)
  std::vector<uint8_t> opens_frame;  // per base text: 1 if a frame starts with it
  std::string dictionary;            // empty if the base has none
  uint32_t block_size = 0;           // BuildInfo.block_size of the base
  int level = 0;                     // BuildInfo.level of the base
  uint64_t stream_bytes = 0;
};

/// Maps `path`, verifies it completely (corpus::verify) and decodes every text.
/// Throws CompileError (bad_input) naming the file and the problem when it is
/// missing, not a blob, or fails verification.
BaseEdition load_base_edition(const std::string& path);

}  // namespace corpusc
