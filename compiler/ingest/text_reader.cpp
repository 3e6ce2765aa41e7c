// Plain text and Markdown: the first non-empty line is the title (Markdown '#'
// markers stripped); the body is the whole file.
#include <cstring>

#include "ingest/format_readers.hpp"

namespace corpusc {

static std::string first_line_title(const std::string& bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    size_t b = pos, e = nl;
    while (b < e && (bytes[b] == ' ' || bytes[b] == '\t' || bytes[b] == '\r' || bytes[b] == '#')) ++b;
    while (e > b && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t' || bytes[e - 1] == '\r')) --e;
    if (e > b) return bytes.substr(b, e - b);
    pos = nl + 1;
  }
  return {};
}

ReadResult read_text_file(const InputFile& file, Diagnostics& diag) {
  ReadResult r;
  InputArticle a;
  if (!read_file_bytes(file.path, a.original, diag)) {
    r.skipped = 1;
    return r;
  }
  r.bytes = a.original.size();
  if (a.original.empty()) {
    diag.warn(file.path, 0, "skipped: empty file");
    r.skipped = 1;
    return r;
  }
  if (std::memchr(a.original.data(), '\0', a.original.size()) != nullptr) {
    diag.warn(file.path, 0, "skipped: binary file (contains NUL bytes)");
    r.skipped = 1;
    return r;
  }
  a.id = file.id;
  a.title = first_line_title(a.original);
  a.body = a.original;
  a.source = file.path;
  r.articles.push_back(std::move(a));
  return r;
}

}  // namespace corpusc
