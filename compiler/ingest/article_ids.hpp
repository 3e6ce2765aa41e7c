// Article ids must be unique: `cat` and search results name an article by its id.
// With several inputs the walker already gives files distinct ids (paths relative to
// the inputs' common parent); what can still collide is two JSONL lines with one id,
// or a JSONL id equal to a file's id.
#pragma once

#include <cstdint>
#include <vector>

#include "diagnostics.hpp"
#include "ingest/input_article.hpp"

namespace corpusc {

/// Sorts `articles` by id (stable: input order within one id) and keeps the first
/// article of each id. Every later one is reported naming both sources (file, and
/// line for JSONL): an error by default (the build must stop), a warning when
/// `allow_duplicates` (the first wins). Returns how many were dropped.
uint32_t keep_first_of_each_id(std::vector<InputArticle>& articles, bool allow_duplicates, Diagnostics& diag);

}  // namespace corpusc
