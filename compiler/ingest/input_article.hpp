// InputArticle: one article as read from the input, before cleaning. Owned strings:
// the compiler runs on the host and may allocate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corpusc {

struct InputArticle {
  std::string id;                   // path relative to its input folder, or JSONL id
  std::string title;
  std::string url;
  std::string publisher;            // who published it ("source:" line, site name)
  std::vector<std::string> tags;
  std::optional<int64_t> date;      // seconds since the epoch, UTC
  std::string language;             // as stated by the input (JSONL lang, HTML lang); "" if none
  std::string original;             // the input's exact bytes (file, or JSONL line)
  std::string body;                 // the article text as given (may be invalid UTF-8)
  std::string source;               // file it came from, for messages
  uint32_t line = 0;                // 1-based line in `source` (JSONL), 0 for whole files
};

}  // namespace corpusc
