#include "ingest/article_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace corpusc {

ReadResult read_text_file(const InputFile& file, Diagnostics& diag);
ReadResult read_jsonl_file(const InputFile& file, Diagnostics& diag);
ReadResult read_html_file(const InputFile& file, Diagnostics& diag);

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
    case InputFormat::unsupported: break;
  }
  ReadResult r;
  r.skipped = 1;
  return r;
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool parse_iso8601(const std::string& s, int64_t& seconds) {
  int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  size_t pos = 10;
  int64_t offset = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    int m = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d%n", &h, &mi, &m) != 2) return false;
    pos += 1 + static_cast<size_t>(m);
    if (pos < s.size() && s[pos] == ':') {
      if (std::sscanf(s.c_str() + pos + 1, "%2d%n", &sec, &m) != 1) return false;
      pos += 1 + static_cast<size_t>(m);
    }
    while (pos < s.size() && (s[pos] == '.' || (s[pos] >= '0' && s[pos] <= '9'))) ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      int oh = 0, om = 0;
      if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) < 1) return false;
      offset = (s[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return false;
  seconds = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
            h * 3600 + mi * 60 + sec - offset;
  return true;
}

}  // namespace corpusc
