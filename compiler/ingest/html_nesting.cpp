#include "ingest/html_nesting.hpp"

#include <cctype>
#include <string>

namespace corpusc {

namespace {

// Elements that never nest content (void) or whose end tag may be left out.
bool uncounted(const std::string& tag) {
  static const char* const kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
      "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "!doctype"};
  for (const char* t : kTags) {
    if (tag == t) return true;
  }
  return false;
}

}  // namespace

size_t estimate_html_nesting(std::string_view html, size_t limit) {
  size_t depth = 0, deepest = 0, i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos && deepest <= limit) {
    if (html.compare(i, 4, "<!--") == 0) {  // comment: skip to its end
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t p = i + (closing ? 2 : 1);
    std::string tag;
    while (p < html.size() && tag.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[p])) || html[p] == '!')) {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++])));
    }
    i = p;
    if (tag.empty() || uncounted(tag)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    size_t gt = html.find('>', p);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (html[gt - 1] == '/') continue;  // <x/>
    if (tag == "script" || tag == "style") {  // raw text up to the end tag
      size_t end = html.find("</" + tag, i);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

}  // namespace corpusc
