#include "ingest/html_reader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include <gumbo.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "dates.hpp"
#include "ingest/html_main_text.hpp"
#include "ingest/html_nesting.hpp"

namespace corpusc {
namespace {

std::string trimmed(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool iequals(const char* a, const char* b) {
  if (!a || !b) return false;
  for (; *a && *b; ++a, ++b)
    if (std::tolower(static_cast<unsigned char>(*a)) != std::tolower(static_cast<unsigned char>(*b))) return false;
  return *a == *b;
}

const char* attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string text_of(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE)
    return node->v.text.text;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) out += text_of(static_cast<const GumboNode*>(children.data[i]));
  return out;
}

std::optional<int64_t> parse_any_date(const std::string& s) {
  if (auto t = parse_iso_datetime(s)) return t;
  return parse_date(s);
}

void find_date_published(const nlohmann::json& j, std::optional<int64_t>* date, int depth) {
  if (*date || depth > 32) return;
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) *date = parse_any_date(it->get<std::string>());
    for (const auto& [key, value] : j.items()) find_date_published(value, date, depth + 1);
  } else if (j.is_array()) {
    for (const auto& value : j) find_date_published(value, date, depth + 1);
  }
}

// Metadata found in one walk over the document; the first value of each kind wins.
struct PageMeta {
  std::string og_title, title, canonical, og_url, html_lang, content_language;
  std::optional<int64_t> meta_date, json_ld_date, time_date;

  void walk(const GumboNode* node, std::size_t depth) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlTreeDepth) return;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML && html_lang.empty() && attr(node, "lang")) html_lang = trimmed(attr(node, "lang"));
    if (tag == GUMBO_TAG_META) {
      const char* equiv = attr(node, "http-equiv");
      if (equiv && iequals(equiv, "content-language") && attr(node, "content") && content_language.empty()) {
        content_language = trimmed(attr(node, "content"));
      }
      const char* key = attr(node, "property");
      if (!key) key = attr(node, "name");
      if (!key) key = attr(node, "itemprop");
      const char* content = attr(node, "content");
      if (key && content) {
        if (og_title.empty() && iequals(key, "og:title")) og_title = trimmed(content);
        if (og_url.empty() && iequals(key, "og:url")) og_url = trimmed(content);
        static const char* kDateKeys[] = {"article:published_time", "og:published_time", "datePublished",
                                          "pubdate", "publishdate", "date", "dc.date", "dc.date.issued"};
        for (const char* date_key : kDateKeys)
          if (!meta_date && iequals(key, date_key)) meta_date = parse_any_date(content);
      }
    } else if (tag == GUMBO_TAG_TITLE && title.empty()) {
      title = trimmed(text_of(node));
    } else if (tag == GUMBO_TAG_LINK && canonical.empty()) {
      if (iequals(attr(node, "rel"), "canonical") && attr(node, "href")) canonical = trimmed(attr(node, "href"));
    } else if (tag == GUMBO_TAG_TIME && !time_date) {
      if (const char* dt = attr(node, "datetime")) time_date = parse_any_date(dt);
    } else if (tag == GUMBO_TAG_SCRIPT && !json_ld_date) {
      if (iequals(attr(node, "type"), "application/ld+json")) {
        nlohmann::json j = nlohmann::json::parse(text_of(node), nullptr, /*allow_exceptions=*/false);
        if (!j.is_discarded()) find_date_published(j, &json_ld_date, 0);
      }
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  }
};

}  // namespace

bool gunzip(const std::string& gz, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  out->clear();
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out->append(buffer, sizeof buffer - zs.avail_out);
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

bool is_html_path(const std::string& path) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto ends_with = [&lower](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".html") || ends_with(".htm") || ends_with(".html.gz");
}

InputArticle read_html(const std::string& bytes, const std::string& id, const std::string& source_path) {
  InputArticle article;
  article.id = id;
  article.source = source_path;
  article.original = bytes;
  std::string inflated;
  const bool gzipped = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
                       static_cast<unsigned char>(bytes[1]) == 0x8b;
  if (gzipped && !gunzip(bytes, &inflated)) inflated.clear();
  const std::string& html = gzipped ? inflated : bytes;

  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  PageMeta meta;
  meta.walk(output->root, 0);
  article.title = !meta.og_title.empty() ? meta.og_title : meta.title;
  article.url = !meta.canonical.empty() ? meta.canonical : meta.og_url;
  article.language = !meta.html_lang.empty() ? meta.html_lang : meta.content_language;
  article.date = meta.meta_date ? meta.meta_date : meta.json_ld_date ? meta.json_ld_date : meta.time_date;
  article.body = extract_main_text(output->document);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return article;
}

}  // namespace corpusc
