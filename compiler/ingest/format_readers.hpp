// The per-format readers behind read_articles() (article_reader.hpp), one a format.
// Each reads `file.path` whole and reports every line or file it does not turn into
// an article to `diag` (counted in ReadResult::skipped).
#pragma once

#include "diagnostics.hpp"
#include "ingest/article_reader.hpp"
#include "ingest/input_walker.hpp"

namespace corpusc {

/// .txt/.md: one article; the first non-empty line is the title (text_reader.cpp).
ReadResult read_text_file(const InputFile& file, Diagnostics& diag);
/// .jsonl: one article a line (jsonl_reader.cpp).
ReadResult read_jsonl_file(const InputFile& file, Diagnostics& diag);
/// .html/.htm/.html.gz: one article a page (html_file_reader.cpp, html_reader.hpp).
ReadResult read_html_file(const InputFile& file, Diagnostics& diag);

}  // namespace corpusc
