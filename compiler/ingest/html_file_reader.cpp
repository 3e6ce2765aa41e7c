// HTML files (.html, .htm, .html.gz): read_html() parses and extracts the main text;
// this adapter reads the bytes and reports what it could not do.
#include "ingest/article_reader.hpp"
#include "ingest/html_reader.hpp"

namespace corpusc {

ReadResult read_html_file(const InputFile& file, Diagnostics& diag) {
  ReadResult r;
  std::string bytes;
  if (!read_file_bytes(file.path, bytes, diag)) {
    r.skipped = 1;
    return r;
  }
  r.bytes = bytes.size();
  if (bytes.empty()) {
    diag.warn(file.path, 0, "skipped: empty file");
    r.skipped = 1;
    return r;
  }
  InputArticle a = read_html(bytes, file.id, file.path);
  if (a.body.empty()) {
    diag.warn(file.path, 0, "skipped: no main text found in the HTML (or it does not decompress)");
    r.skipped = 1;
    return r;
  }
  r.articles.push_back(std::move(a));
  return r;
}

}  // namespace corpusc
