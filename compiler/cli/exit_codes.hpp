// corpusc's exit codes: documented in the README and stable across versions.
// exit_code_for() is the one place a typed error (errors.hpp) becomes an exit code.
#pragma once

#include "errors.hpp"

namespace corpusc {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,         // I/O or internal error (message names the file)
  kExitUsage = 2,         // bad command line
  kExitInput = 3,         // input problems: missing paths, no articles, or warnings under --strict
  kExitBadBlob = 4,       // the blob failed open or verify (corrupt, truncated, wrong version)
  kExitNotFound = 5,      // `cat`: no article with that id
  kExitLimit = 6,         // a documented limit was exceeded
};

constexpr ExitCode exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::io: return kExitError;
    case ErrorKind::internal: return kExitError;
    case ErrorKind::usage: return kExitUsage;
    case ErrorKind::bad_input: return kExitInput;
    case ErrorKind::limit: return kExitLimit;
  }
  return kExitError;
}

}  // namespace corpusc
