// AtomicFile: writes a file so that readers see the old content or the new one,
// never a mix. Bytes go to "<path>.tmp-<pid>" in the same folder, are fsync'ed,
// then renamed over <path>. An interrupted write (SIGINT, SIGKILL, full disk) leaves
// <path> untouched; SIGINT/SIGTERM also remove the temporary file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpusc {

/// Throws CompileError (ErrorKind::io) naming the path and the system error.
void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes);

/// Same, for text (used by `corpusc embed`).
void write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace corpusc
