// Normalizer: the text search and `cat` see, derived from an input's bytes.
//
//  * Invalid UTF-8 is repaired: each invalid byte is read as Windows-1252 (which
//    covers Latin-1), so "\xA3" becomes "£"; the input's exact bytes are kept
//    separately for `cat --original`.
//  * Unicode NFC (utf8proc); CRLF and lone CR → LF. Nothing else changes, so for
//    the usual UTF-8/NFC/LF input the text *is* the input and is stored once.
// dedupe_key() goes further (all whitespace runs → one space) and is only compared,
// never stored: two inputs with equal keys are one article for search.
#pragma once

#include <string>
#include <string_view>

namespace corpusc {

/// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Copy of `s` with every invalid byte replaced by its Windows-1252 character.
std::string repair_utf8(std::string_view s);

/// The normalized text (see above). `repaired` is set when the input was not UTF-8.
std::string normalize_text(std::string_view input, bool* repaired = nullptr);

/// Whitespace-insensitive identity of a normalized text.
std::string dedupe_key(std::string_view normalized);

}  // namespace corpusc
