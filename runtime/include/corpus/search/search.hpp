// Full-text search over a corpus blob: one include for the whole search API.
//
//   Index::open(blob)             bind to the blob's index (index.hpp)
//   search(index, "q", opts, ws)  ranked top-k into a SearchWorkspace (searcher.hpp)
//   snippet(...)                  marked extract of one result (snippet.hpp)
//   complete(index, "kar", ...)   completions of a partial word (complete.hpp)
// Query language: query.hpp. Scoring: bm25.hpp. Format: index_format.hpp.
// Nothing here allocates, throws or uses floating point.
#pragma once

#include "corpus/search/complete.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/searcher.hpp"
#include "corpus/search/snippet.hpp"
