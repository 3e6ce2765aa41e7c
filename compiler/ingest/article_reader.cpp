#include "ingest/article_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ingest/format_readers.hpp"

namespace corpusc {

bool read_file_bytes(const std::string& path, std::string& out, Diagnostics& diag) {
  out.clear();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    diag.error(path, 0, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  if (!ok) diag.error(path, 0, "read error");
  return ok;
}

ReadResult read_articles(const InputFile& file, Diagnostics& diag) {
  switch (file.format) {
    case InputFormat::text: return read_text_file(file, diag);
    case InputFormat::jsonl: return read_jsonl_file(file, diag);
    case InputFormat::html: return read_html_file(file, diag);
    case InputFormat::unsupported:
      diag.warn(file.path, 0, "skipped: unsupported file type (expected .txt .md .jsonl .html .htm .html.gz)");
      break;
  }
  ReadResult r;
  r.skipped = 1;
  return r;
}

}  // namespace corpusc
