#include "index/document_tokens.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "corpus/search/index_format.hpp"

namespace corpusc {

namespace cs = corpus::search;
namespace ct = corpus::text;

namespace {

// The body byte ranges left out, sorted: doc.excluded, and the body's opening
// title line if it has one (see the header).
std::vector<std::pair<uint32_t, uint32_t>> excluded_ranges(const IndexDocument& doc) {
  auto excluded = doc.excluded;
  if (!doc.title.empty()) {
    size_t start = 0;
    while (start < doc.body.size() && (doc.body[start] == ' ' || doc.body[start] == '\n')) ++start;
    const size_t end = start + doc.title.size();
    if (doc.body.compare(start, doc.title.size(), doc.title) == 0 &&
        (end == doc.body.size() || doc.body[end] == '\n')) {
      excluded.emplace_back(0, static_cast<uint32_t>(end));
    }
  }
  std::sort(excluded.begin(), excluded.end());
  return excluded;
}

}  // namespace

DocumentTokenCounts tokenize_document(const IndexDocument& doc, const ct::TokenizerOptions& options,
                                      const std::function<void(const IndexedToken&)>& on_token) {
  DocumentTokenCounts counts;
  ct::Token tok;
  ct::Tokenizer title(doc.title, options);
  while (title.next(&tok) && tok.position < cs::kMaxTitleTokens) {
    on_token(IndexedToken{tok.view(), doc.title.substr(tok.begin, tok.end - tok.begin), tok.position, true});
    counts.title_tokens = tok.position + 1;
    ++counts.title_count;
  }
  const auto excluded = excluded_ranges(doc);
  size_t ex = 0;
  ct::Tokenizer body(doc.body, options);
  while (body.next(&tok)) {
    while (ex < excluded.size() && excluded[ex].second <= tok.begin) ++ex;
    bool skip = false;
    for (size_t i = ex; i < excluded.size() && excluded[i].first < tok.end; ++i) {
      if (excluded[i].second > tok.begin) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    on_token(IndexedToken{tok.view(), doc.body.substr(tok.begin, tok.end - tok.begin),
                          counts.title_tokens + 1 + tok.position, false});
    ++counts.body_count;
  }
  return counts;
}

}  // namespace corpusc
