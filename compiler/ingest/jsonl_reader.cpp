// JSONL: one article a line: `_id` or `id` (string or number), `title`, `text` or
// `body`, optional `date` (ISO 8601 string or epoch seconds), `url`, `tags` (array of
// strings, or one comma-separated string), `lang` or `language` (ISO 639-1, checked by the
// clean stage). The original bytes are the line itself.
#include <nlohmann/json.hpp>

#include "dates.hpp"
#include "ingest/format_readers.hpp"

namespace corpusc {

using json = nlohmann::json;

static std::string string_field(const json& j, const char* a, const char* b = nullptr) {
  for (const char* k : {a, b}) {
    if (k == nullptr) continue;
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  }
  return {};
}

static std::vector<std::string> tags_field(const json& j) {
  std::vector<std::string> tags;
  auto it = j.find("tags");
  if (it == j.end()) return tags;
  auto add = [&](std::string t) {
    size_t b = t.find_first_not_of(" \t"), e = t.find_last_not_of(" \t");
    if (b != std::string::npos) tags.push_back(t.substr(b, e - b + 1));
  };
  if (it->is_array()) {
    for (const auto& t : *it) if (t.is_string()) add(t.get<std::string>());
  } else if (it->is_string()) {
    std::string s = it->get<std::string>();
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t c = s.find(',', pos);
      if (c == std::string::npos) c = s.size();
      add(s.substr(pos, c - pos));
      pos = c + 1;
    }
  }
  return tags;
}

static bool parse_line(const std::string& line, const InputFile& file, uint32_t lineno,
                       InputArticle& a, Diagnostics& diag) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    diag.warn(file.path, lineno, "skipped: not a JSON object");
    return false;
  }
  a.id = string_field(j, "_id", "id");
  if (a.id.empty()) {
    diag.warn(file.path, lineno, "skipped: no \"_id\" or \"id\" field");
    return false;
  }
  auto text = j.find("text");
  if (text == j.end()) text = j.find("body");
  if (text == j.end() || !text->is_string()) {
    diag.warn(file.path, lineno, "skipped: no string \"text\" or \"body\" field");
    return false;
  }
  a.body = text->get<std::string>();
  a.title = string_field(j, "title");
  a.url = string_field(j, "url");
  a.language = string_field(j, "lang", "language");
  a.tags = tags_field(j);
  auto d = j.find("date");
  if (d != j.end()) {
    if (d->is_number_integer()) a.date = d->get<int64_t>();
    else if (d->is_string()) a.date = parse_iso_datetime(d->get<std::string>());
    if (!a.date) diag.warn(file.path, lineno, "ignored: \"date\" is not ISO 8601 or epoch seconds");
  }
  a.original = line;
  a.source = file.path;
  a.line = lineno;
  return true;
}

ReadResult read_jsonl_file(const InputFile& file, Diagnostics& diag) {
  ReadResult r;
  std::string bytes;
  if (!read_file_bytes(file.path, bytes, diag)) {
    r.skipped = 1;
    return r;
  }
  r.bytes = bytes.size();
  uint32_t lineno = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    ++lineno;
    std::string line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    InputArticle a;
    if (parse_line(line, file, lineno, a, diag)) r.articles.push_back(std::move(a));
    else ++r.skipped;
  }
  return r;
}

}  // namespace corpusc
