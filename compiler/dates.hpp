// Calendar dates, one home for the whole compiler: the ingest readers (JSONL and HTML
// dates), the metadata extractor (dates found in text) and `corpusc query --from/--to`
// all parse and count days here. Times are seconds since 1970-01-01 UTC.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corpusc {

/// Days since 1970-01-01 of a proleptic Gregorian date (no range checks).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

// `seconds` since the epoch as UTC text in strftime's `format` ("%Y-%m-%d").
std::string format_utc(int64_t seconds, const char* format);

/// A whole string that is an ISO 8601 date or date-time ("2011-07-11",
/// "2011-07-11T10:20:30.5Z", "2011-07-11 10:20:30+02:00", "2011-07-11T10:20+0200"),
/// surrounding whitespace allowed. Years 1900..2200. A date alone is midnight UTC; a
/// numeric zone offset is applied.
std::optional<int64_t> parse_iso_datetime(std::string_view s);

/// The ISO 8601 date (and optional time) that starts at s[pos], followed by anything.
/// On success sets *end to the first byte after it and *has_time to whether a time
/// was given.
std::optional<int64_t> parse_iso_datetime_at(std::string_view s, std::size_t pos, std::size_t* end,
                                             bool* has_time);

/// A whole string that is a date in one of the accepted forms (ISO as above, "11 July
/// 2011", "July 11, 2011", "Jul 11 2011", a leading weekday allowed, each with an
/// optional time "18:00" / "6:00 pm" and an optional "UTC"/"GMT"/"BST"/"ET"-style zone
/// word that is ignored). Used for HTML meta tags and for date lines in text.
std::optional<int64_t> parse_date(std::string_view s);

}  // namespace corpusc
