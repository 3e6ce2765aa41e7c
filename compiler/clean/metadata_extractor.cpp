#include "clean/metadata_extractor.hpp"

#include <array>
#include <cctype>

#include "dates.hpp"

namespace corpusc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string_view strip_date_label(std::string_view line) {
  static const std::array<std::string_view, 8> labels = {
      "last updated", "first published", "updated", "published", "posted", "date", "modified", "on"};
  for (std::string_view label : labels) {
    if (iequals_prefix(line, label) && line.size() > label.size() &&
        (line[label.size()] == ' ' || line[label.size()] == ':')) {
      line = trim(line.substr(label.size()));
      if (!line.empty() && line.front() == ':') line = trim(line.substr(1));
      if (iequals_prefix(line, "on ")) line = trim(line.substr(3));
      return line;
    }
  }
  return line;
}

}  // namespace

ExtractedMetadata extract_metadata(std::string_view text) {
  ExtractedMetadata meta;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t nl = text.find('\n', begin);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = trim(text.substr(begin, end - begin));
    begin = end + 1;
    if (line.empty()) continue;
    if (!meta.date && line.size() <= 80) meta.date = parse_date(strip_date_label(line));
    if (meta.source.empty() && iequals_prefix(line, "source:")) {
      std::string_view value = trim(line.substr(7));
      if (!value.empty() && value.back() == '.') value.remove_suffix(1);
      meta.source = std::string(trim(value));
    }
  }
  if (!meta.date) {
    for (std::size_t pos = 0; pos + 10 <= text.size() && !meta.date; ++pos) {
      if (!is_digit(text[pos]) || (pos > 0 && (is_digit(text[pos - 1]) || is_alpha(text[pos - 1]))))
        continue;
      std::size_t end = 0;
      bool has_time = false;
      auto t = parse_iso_datetime_at(text, pos, &end, &has_time);
      if (t && has_time) meta.date = t;
    }
  }
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] != '#') continue;
    const bool boundary = pos == 0 || std::isspace(static_cast<unsigned char>(text[pos - 1]));
    if (!boundary || pos + 1 >= text.size()) continue;
    const unsigned char first = static_cast<unsigned char>(text[pos + 1]);
    if (!is_alpha(static_cast<char>(first)) && first < 0x80) continue;
    std::size_t end = pos + 1;
    while (end < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if (!(std::isalnum(c) || c == '_' || c >= 0x80)) break;
      ++end;
    }
    std::string tag(text.substr(pos + 1, end - pos - 1));
    bool seen = false;
    for (const std::string& t : meta.tags) seen = seen || t == tag;
    if (!seen) meta.tags.push_back(std::move(tag));
    pos = end - 1;
  }
  return meta;
}

}  // namespace corpusc
