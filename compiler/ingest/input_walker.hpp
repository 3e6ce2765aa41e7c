// InputWalker: turns the command line's INPUT paths into a stable, sorted list of
// files, each with the id prefix its articles get.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace corpusc {

enum class InputFormat { text, jsonl, html, unsupported };

struct InputFile {
  std::string path;     // as opened
  std::string id;       // path relative to the INPUT folder ("business/001.txt"), or the file name
  InputFormat format;
};

/// Format by extension: .txt .md → text; .jsonl → jsonl; .html .htm .html.gz → html.
InputFormat format_of(const std::string& path);

/// Expands files and folders (recursively, following no symlinked folders) into files
/// sorted by id bytewise, so the same tree always yields the same order. Missing
/// paths are errors; files of unsupported formats are listed (read_articles skips them
/// with a warning); hidden
/// files and folders (".git") are ignored.
std::vector<InputFile> walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diag);

}  // namespace corpusc
