// HTML input: one article per page (.html, .htm, .html.gz).
//
// read_html() fills, from the page's metadata (first found wins):
//  * title: <meta property="og:title">, else <title>;
//  * url:   <link rel="canonical">, else <meta property="og:url">;
//  * date:  <meta> article:published_time / og:published_time / datePublished / pubdate /
//           date / dc.date, else JSON-LD "datePublished" (any depth, @graph included),
//           else the first <time datetime>; parsed as ISO 8601 or "July 11, 2011"-style;
//  * language: <html lang>, else <meta http-equiv="content-language"> (as written;
//           the clean stage reads the code, a list such as "de, en" gives its first);
//  * body:  the main text found by extract_main_text() (see html_main_text.hpp);
//  * original: `bytes` exactly as given (gzip bytes stay gzip bytes).
// Gzip input (magic 1f 8b) is gunzipped first. Gumbo assumes UTF-8; other charsets
// pass through as bytes (the normalizer repairs invalid UTF-8 later).
#pragma once

#include <string>

#include "ingest/input_article.hpp"

namespace corpusc {

InputArticle read_html(const std::string& bytes, const std::string& id, const std::string& source_path);

// Inflates gzip data; returns false (and leaves `out` unspecified) on corrupt input.
bool gunzip(const std::string& gz, std::string* out);

// True for the file names read_html() handles: *.html, *.htm, *.html.gz (any case).
bool is_html_path(const std::string& path);

}  // namespace corpusc
