// corpusc's exit codes: documented in the README and stable across versions.
#pragma once

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

}  // namespace corpusc
