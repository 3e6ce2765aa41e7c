// CorpusPlan: what will be stored, decided before anything is compressed. The one
// type every stage passes on (ingest -> clean -> index -> compress -> write), so it
// lives outside all of them.
//
// Articles are sorted by id. Each belongs to a duplicate group whose canonical
// member is the first in id order. `texts` lists every distinct stored byte string
// in stream order: a group's normalized texts first, then the exact input bytes of
// members whose input differs from their normalized text. Putting variants next to
// the canonical text lets zstd's matches remove the repeated bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/input_article.hpp"

namespace corpusc {

/// Byte range [begin, end) within a text.
struct TextRange {
  uint32_t begin = 0, end = 0;
};

struct StoredText {
  std::string bytes;
  std::vector<TextRange> chrome;  // boilerplate ranges (normalized texts only), sorted
};

struct PlannedArticle {
  InputArticle input;
  std::string normalized;         // normalized body (what search and `cat` see)
  std::vector<TextRange> chrome;  // boilerplate ranges in `normalized`
  bool repaired = false;          // input was not valid UTF-8
  uint32_t text = 0;              // index into CorpusPlan::texts
  uint32_t original = 0;          // index into CorpusPlan::texts
  uint32_t canonical = 0;         // index into CorpusPlan::articles
  uint32_t flags = 0;             // corpus::fb::ArticleFlags
  uint8_t language = 0;           // corpus/text/languages.h id (clean/article_languages.hpp); 0 undetermined
  std::vector<uint32_t> variants; // other members (canonical only), in id order
};

struct PlanCounts {
  uint32_t exact_duplicates = 0;       // byte-identical to an earlier article
  uint32_t normalized_duplicates = 0;  // same text after normalization, bytes differ
  uint32_t near_duplicates = 0;
  uint32_t repaired_utf8 = 0;
  uint32_t duplicate_ids = 0;          // inputs skipped because their id was taken
  uint32_t shared_blocks = 0;          // SharedBlockStats of the stored texts (layout_texts)
  uint32_t shared_block_repeats = 0;
  uint64_t shared_block_bytes = 0;
};

struct CorpusPlan {
  std::vector<PlannedArticle> articles;
  std::vector<StoredText> texts;
  PlanCounts counts;
};

}  // namespace corpusc
