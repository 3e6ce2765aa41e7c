// Status codes returned by every fallible runtime call. Stable: the numeric values
// are part of the API (the CLI maps them to exit codes, corpus.h mirrors them) and
// never change meaning; new codes are appended.
#pragma once

#include <cstdint>

namespace corpus {

enum class Status : uint8_t {
  ok = 0,
  truncated = 1,           // buffer smaller than the structure it claims to hold
  bad_identifier = 2,      // not a corpus blob (file_identifier mismatch)
  bad_version = 3,         // format_major this reader does not understand
  malformed = 4,           // FlatBuffers structure or a cross-reference out of bounds
  checksum_mismatch = 5,   // a section or the whole-blob seal does not match
  decompress_failed = 6,   // a zstd frame did not decode to its recorded size
  not_found = 7,           // no article with that id / index out of range
  buffer_too_small = 8,    // caller's output buffer cannot hold the result
  workspace_too_small = 9, // caller's workspace is smaller than the blob needs
  misaligned = 10,         // blob or workspace not 8-byte aligned
  bad_query = 11,          // query string could not be parsed
  limit_exceeded = 12,     // a documented limit (query length, terms, ...) was hit
  misuse = 13,             // called on an object never opened / initialized, or a null argument
  stemmer_unavailable = 14, // the blob needs a language (stemmer) this runtime was built without
  volume_mismatch = 15,    // a volume does not extend the blob before it (seal, depth, dictionary)
  volume_incompatible = 16,  // a volume's tokenizer, scoring parameters or format differ from its base
};

/// A short, static, human-readable description. Never null.
constexpr const char* status_message(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::truncated: return "truncated: the blob is shorter than its structure";
    case Status::bad_identifier: return "not a corpus blob (wrong file identifier)";
    case Status::bad_version: return "unsupported format version";
    case Status::malformed: return "malformed blob: structure or reference out of bounds";
    case Status::checksum_mismatch: return "checksum mismatch: the blob is corrupted";
    case Status::decompress_failed: return "a compressed frame failed to decode";
    case Status::not_found: return "not found";
    case Status::buffer_too_small: return "output buffer too small";
    case Status::workspace_too_small: return "workspace too small for this blob";
    case Status::misaligned: return "buffer not 8-byte aligned";
    case Status::bad_query: return "query could not be parsed";
    case Status::limit_exceeded: return "a documented limit was exceeded";
    case Status::misuse: return "API misuse: object not opened or initialized, or a null argument";
    case Status::stemmer_unavailable:
      return "the blob needs a stemmer this runtime was built without (search::missing_language)";
    case Status::volume_mismatch: return "volume does not extend the blob before it (base fingerprint or order)";
    case Status::volume_incompatible: return "volume's tokenizer, scoring or format differs from its base";
  }
  return "unknown status";
}

}  // namespace corpus
