// The tokens IndexBuilder (index_builder.hpp) indexes of one document, with their
// positions: the title's tokens below kMaxTitleTokens, then the body's at
// title_tokens + 1 + their own position. The body skips its excluded byte ranges
// and, when it opens with the title line itself (plain-text inputs keep it there),
// that line: the title is indexed once, as the title, so BM25F does not count it twice.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "corpus/text/tokenizer.hpp"
#include "index/index_builder.hpp"

namespace corpusc {

/// One indexed token; its views are valid during the call that receives it.
struct IndexedToken {
  std::string_view term;  // folded (and stemmed under the options): what the index holds
  std::string_view text;  // its bytes in the title or the body, as written
  uint32_t position = 0;  // in the document: title positions first
  bool title = false;     // a title token
};

/// How many tokens each field gave.
struct DocumentTokenCounts {
  uint32_t title_tokens = 0;  // positions the title takes: [0, title_tokens)
  uint32_t title_count = 0;   // title tokens indexed
  uint32_t body_count = 0;    // body tokens indexed
};

/// Tokenizes `doc` under `options` and hands its indexed tokens to `on_token`, the
/// title's then the body's, each in text order.
DocumentTokenCounts tokenize_document(const IndexDocument& doc, const corpus::text::TokenizerOptions& options,
                                      const std::function<void(const IndexedToken&)>& on_token);

}  // namespace corpusc
