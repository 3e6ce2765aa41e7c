// InputWalker: turns the command line's INPUT paths into a stable, sorted list of
// files, each with the id its article gets.
//
// Ids: with one INPUT, a file's id is its path relative to that folder
// ("business/001.txt"), or its name when the INPUT is a file. With several INPUTs it
// is the path relative to the INPUTs' common parent folder, so `bbc/business bbc/sport`
// give "business/001.txt" and "sport/001.txt" (paths compared after making them
// absolute and normal, without resolving symlinks).
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace corpusc {

enum class InputFormat { text, jsonl, html, unsupported };

struct InputFile {
  std::string path;     // as opened
  std::string id;       // see the file comment; JSONL articles use their own ids
  InputFormat format;
};

/// Format by extension: .txt .md → text; .jsonl → jsonl; .html .htm .html.gz → html.
InputFormat format_of(const std::string& path);

/// Expands files and folders (recursively, following no symlinked folders) into files,
/// each INPUT's files sorted by id bytewise, INPUTs in the order given, so the same
/// tree always yields the same order. Missing paths are errors; files of unsupported
/// formats are listed (read_articles skips them with a warning); hidden files and
/// folders (".git") are ignored.
///
/// `output` (the file the build writes, may be empty) is never read: when it exists
/// and is one of the files found (same device and inode, whatever the spelling), it is
/// left out with a note if it is not an input format (a previous blob), and otherwise
/// the walk throws CompileError (usage): the build would overwrite one of its inputs.
/// Its temporary files ("<output>.tmp-*" in its folder) are left out with a note.
std::vector<InputFile> walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diag,
                                   const std::string& output = {});

}  // namespace corpusc
