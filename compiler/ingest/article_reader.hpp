// ArticleReader: reads one input file into articles, by format.
//
// Outcomes (documented in the README): unreadable file → error; empty or binary
// (NUL bytes) file → skipped with a warning; a JSONL line that is not a JSON object,
// or has no text → that line skipped with a warning naming file:line. Invalid UTF-8
// is kept byte-exact (the cleaner repairs a copy for search) with a warning.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "ingest/input_article.hpp"
#include "ingest/input_walker.hpp"

namespace corpusc {

struct ReadResult {
  std::vector<InputArticle> articles;
  uint32_t skipped = 0;  // lines or files not turned into articles (each has a diagnostic)
  uint64_t bytes = 0;    // bytes read from the file
};

ReadResult read_articles(const InputFile& file, Diagnostics& diag);

/// Whole file as bytes; false (and an error diagnostic) when it cannot be read.
bool read_file_bytes(const std::string& path, std::string& out, Diagnostics& diag);

}  // namespace corpusc
