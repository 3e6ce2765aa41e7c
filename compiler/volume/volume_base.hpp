// VolumeBase: what `corpusc build --extends BASE [--extends VOL]... [--remove ID]...`
// builds over. It decides which inputs the volume stores (new ids, and ids whose
// title or exact bytes differ from the chain's newest version), which removals
// become tombstones, lends the base's dictionary to the compressor, and checks the
// finished volume opens over the chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "ingest/input_article.hpp"
#include "volume/blob_chain.hpp"

namespace corpusc {

/// The VolumeInfo fields of schemas/corpus.fbs, as the writer stores them.
struct VolumeFields {
  uint64_t extends_seal = 0;
  uint64_t base_seal = 0;
  uint64_t dictionary_fingerprint = 0;
  uint32_t depth = 0;
  std::vector<std::string> tombstones;  // sorted, unique
};

class VolumeBase {
 public:
  /// Opens the chain (base first). Throws CompileError (io or bad_input) if a file
  /// cannot be read or the chain does not hold together.
  VolumeBase(const std::vector<std::string>& chain, std::vector<std::string> removals);

  /// Keeps only new and changed articles (a note says how many were unchanged) and
  /// turns the removals into tombstones: an id the chain does not hold is a warning
  /// (nothing to remove), an id that is also an input is an error.
  void select(std::vector<InputArticle>& articles, Diagnostics& diag);

  bool has_tombstones() const { return !fields_.tombstones.empty(); }
  const VolumeFields& fields() const { return fields_; }
  /// The base's dictionary bytes: the volume's frames are compressed with them.
  const std::string& dictionary() const { return dictionary_; }
  /// The base's tokenizer bits (TokenizerOptions::to_bits), which its volumes must
  /// keep; unset when the base has no search index.
  std::optional<uint32_t> tokenizer_bits() const;
  /// Mixed into the build fingerprint: the same inputs over another chain differ.
  uint64_t fingerprint_salt() const;
  /// Throws CompileError (bad_input) if `blob` does not open as the next volume of
  /// the chain (for example, built with other tokenizer options than the base).
  void check(const std::vector<uint8_t>& blob) const;

 private:
  bool unchanged(const InputArticle& a);

  BlobChain chain_;
  std::vector<std::string> removals_;
  VolumeFields fields_;
  std::string dictionary_;
};

}  // namespace corpusc
