// Metadata found in an article's plain text, for inputs whose fields do not give it.
//
//  * date: seconds since the epoch, UTC, from (in this order of preference)
//      1. a "date line": a line that is only a date, optionally with a time and a label
//         ("Updated", "Published", "Posted", "Date", "Last updated", "First published",
//         optionally followed by ':' or "on"): "Updated 11 July 2011", "2023-05-01 18:00:14",
//         "July 11, 2011", "Published: 2019-11-19T08:00:00Z";
//      2. an ISO 8601 date with a time anywhere in the text ("2019-11-19T08:00:00+01:00").
//    Dates merely mentioned in prose ("fought in 2020", "in Yerevan on 17 October 2012" in
//    a photo caption) are NOT taken: they are usually about events, not the article.
//    Dates without a time are midnight UTC; a numeric zone offset is applied.
//  * source: the value after a line-leading "source:" (case-insensitive), trimmed, with a
//    trailing '.' dropped: "source: commonspace.eu." -> "commonspace.eu". First such line.
//  * tags: hashtags "#word" (start of text or after whitespace; the word starts with a
//    letter and runs over letters, digits, '_' and non-ASCII bytes), without the '#', in
//    order of first appearance, duplicates removed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpusc {

struct ExtractedMetadata {
  std::optional<int64_t> date;  // seconds since 1970-01-01 UTC
  std::string source;
  std::vector<std::string> tags;
};

ExtractedMetadata extract_metadata(std::string_view text);

}  // namespace corpusc
