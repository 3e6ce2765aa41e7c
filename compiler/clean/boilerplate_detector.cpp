#include "clean/boilerplate_detector.hpp"

#include <algorithm>
#include <map>

#include <xxhash.h>

namespace corpusc {
namespace {

struct Line {
  std::size_t begin = 0;  // first byte
  std::size_t end = 0;    // one past the last byte, '\n' included when present
  uint64_t key = 0;       // xxh64 of the normalized line; 0 for blank lines
  uint32_t words = 0;
};

bool is_space_at(std::string_view s, std::size_t i, std::size_t* width) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
    *width = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *width = 2;  // U+00A0 no-break space, common in scraped pages
    return true;
  }
  return false;
}

// Normalizes one line (trim, collapse whitespace, ASCII lower-case) and hashes it.
Line make_line(std::string_view text, std::size_t begin, std::size_t end) {
  Line line;
  line.begin = begin;
  line.end = end;
  std::string norm;
  bool pending_space = false;
  for (std::size_t i = begin; i < end;) {
    std::size_t width = 1;
    if (text[i] == '\n' || is_space_at(text, i, &width)) {
      pending_space = !norm.empty();
      i += width;
      continue;
    }
    if (pending_space || norm.empty()) ++line.words;
    if (pending_space) norm.push_back(' ');
    pending_space = false;
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    norm.push_back(c);
    ++i;
  }
  if (!norm.empty()) line.key = XXH64(norm.data(), norm.size(), 0) | 1u;  // never 0
  return line;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t nl = text.find('\n', begin);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(make_line(text, begin, end));
    begin = end;
  }
  return lines;
}

}  // namespace

BoilerplateDetector::BoilerplateDetector(Options options) : options_(options) {}

void BoilerplateDetector::learn(std::string_view text) {
  if (!seen_texts_.insert(XXH64(text.data(), text.size(), 0)).second) return;
  std::vector<uint64_t> keys;
  for (const Line& line : split_lines(text))
    if (line.key != 0) keys.push_back(line.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (uint64_t key : keys) ++doc_counts_[key];
}

uint32_t BoilerplateDetector::doc_count(uint64_t line_key) const {
  auto it = doc_counts_.find(line_key);
  return it == doc_counts_.end() ? 0 : it->second;
}

std::vector<Span> BoilerplateDetector::chrome_spans(std::string_view text) const {
  const std::vector<Line> lines = split_lines(text);
  std::map<uint64_t, uint32_t> in_text;  // line key -> occurrences in this text
  for (const Line& line : lines)
    if (line.key != 0) ++in_text[line.key];

  // Per line: template across the corpus (cross), template at all (cross or repeated here).
  const std::size_t n = lines.size();
  std::vector<char> cross(n, 0), templ(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].key == 0) continue;
    cross[i] = doc_count(lines[i].key) >= options_.min_docs;
    templ[i] = cross[i] || in_text[lines[i].key] >= 2;
  }

  // Suffix counts of non-blank and template lines, to test each candidate tail in O(1).
  std::vector<std::size_t> suffix_lines(n + 1, 0), suffix_templ(n + 1, 0);
  for (std::size_t i = n; i-- > 0;) {
    suffix_lines[i] = suffix_lines[i + 1] + (lines[i].key != 0);
    suffix_templ[i] = suffix_templ[i + 1] + (templ[i] != 0);
  }

  // The tail needs article text before it: a text that is all template is left alone.
  std::size_t tail = n;
  bool seen_article_line = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].key == 0) continue;
    const bool header = templ[i] && lines[i].words <= options_.max_header_words;
    if (header && seen_article_line &&
        static_cast<double>(suffix_templ[i]) >=
            options_.min_tail_template_share * static_cast<double>(suffix_lines[i])) {
      tail = i;
      break;
    }
    if (!templ[i]) seen_article_line = true;
  }

  std::vector<Span> spans;
  auto add = [&spans](std::size_t b, std::size_t e) {
    if (!spans.empty() && spans.back().end == b)
      spans.back().end = e;
    else
      spans.push_back(Span{b, e});
  };
  for (std::size_t i = 0; i < tail; ++i)
    if (lines[i].key != 0 && doc_count(lines[i].key) >= options_.min_docs_outside_tail)
      add(lines[i].begin, lines[i].end);
  if (tail < n) add(lines[tail].begin, text.size());
  return spans;
}

std::string BoilerplateDetector::main_text(std::string_view text) const {
  std::string out;
  std::size_t pos = 0;
  for (const Span& span : chrome_spans(text)) {
    out.append(text.substr(pos, span.begin - pos));
    pos = span.end;
  }
  out.append(text.substr(pos));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t' ||
                          out.back() == '\r'))
    out.pop_back();
  return out;
}

}  // namespace corpusc
