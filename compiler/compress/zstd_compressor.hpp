// ZstdCompressor: trains the corpus dictionary (ZDICT) and compresses frames with it.
//
// Every frame is an independent zstd frame with content size and checksum, no
// dictionary id (the blob has exactly one dictionary). Frames compress in parallel
// but each is a pure function of (bytes, dictionary, level), so the output is the
// same for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace corpusc {

/// Trains a dictionary of at most `dict_size` bytes from samples of the frames
/// (deterministic: single-threaded fastCover with fixed parameters). Returns an
/// empty string, with a warning, when the corpus is too small to train on.
std::string train_dictionary(const std::vector<std::string>& frames, size_t dict_size, Diagnostics& diag);

/// Called with the number of frames done so far; may be called from worker threads.
using Progress = std::function<void(size_t done)>;

std::vector<std::string> compress_frames(const std::vector<std::string>& frames, const std::string& dict,
                                         int level, unsigned threads, const Progress& progress);

}  // namespace corpusc
