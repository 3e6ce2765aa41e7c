#include "ingest/article_ids.hpp"

#include <algorithm>
#include <string>

namespace corpusc {

static std::string where(const InputArticle& a) {
  return a.line ? a.source + ":" + std::to_string(a.line) : a.source;
}

uint32_t keep_first_of_each_id(std::vector<InputArticle>& articles, bool allow_duplicates, Diagnostics& diag) {
  std::stable_sort(articles.begin(), articles.end(),
                   [](const InputArticle& a, const InputArticle& b) { return a.id < b.id; });
  uint32_t dropped = 0;
  size_t kept = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (kept > 0 && articles[kept - 1].id == articles[i].id) {
      const InputArticle& first = articles[kept - 1];
      const InputArticle& again = articles[i];
      const std::string what = "duplicate id \"" + again.id + "\" (first seen in " + where(first) + ")";
      if (allow_duplicates) {
        diag.warn(again.source, again.line, "skipped: " + what);
      } else {
        diag.error(again.source, again.line, what + "; ids must be unique (--allow-duplicate-ids keeps the first)");
      }
      ++dropped;
      continue;
    }
    if (kept != i) articles[kept] = std::move(articles[i]);
    ++kept;
  }
  articles.resize(kept);
  return dropped;
}

}  // namespace corpusc
