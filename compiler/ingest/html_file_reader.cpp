// HTML files (.html, .htm, .html.gz): read_html() parses and extracts the main text;
// this adapter reads the bytes and reports what it could not do.
#include <cstring>

#include "ingest/format_readers.hpp"
#include "ingest/html_nesting.hpp"
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
  // As for text files: NUL bytes mean binary, not a page (gumbo would turn it into
  // U+FFFD soup and an article). Gzip data (NULs are normal there) goes on to read_html.
  const bool gzip = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
                    static_cast<unsigned char>(bytes[1]) == 0x8b;
  if (!gzip && std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    diag.warn(file.path, 0, "skipped: binary file (contains NUL bytes)");
    r.skipped = 1;
    return r;
  }
  std::string inflated;
  const std::string& page = gzip && gunzip(bytes, &inflated) ? inflated : bytes;
  if (estimate_html_nesting(page) > kMaxHtmlNesting) {
    diag.warn(file.path, 0, "skipped: HTML nested deeper than the limit of " + std::to_string(kMaxHtmlNesting) +
                                " elements");
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
