// A linear-time estimate of how deeply an HTML page nests its elements, checked
// before parsing: gumbo 0.10 scans the whole stack of open elements for many start
// tags, so its time grows with the square of the depth (100,000 nested <div>s take
// ~45 s). Real pages nest a few dozen deep.
#pragma once

#include <cstddef>
#include <string_view>

namespace corpusc {

/// Pages estimated deeper than this are skipped with a warning (read_html_file).
constexpr size_t kMaxHtmlNesting = 1000;
/// The DOM walkers (main text, metadata) stop descending here. The margin covers
/// what the estimate does not count (html/head/body, elements gumbo adds while
/// repairing malformed markup); recursion this deep needs well under 1 MB of stack.
constexpr size_t kMaxHtmlTreeDepth = kMaxHtmlNesting + 64;

/// Greatest number of start tags open at once, counting only elements that need an
/// end tag (void elements, self-closing tags and elements whose end tag is optional,
/// such as <p> and <li>, are not counted); comments and script/style text are skipped.
/// An upper bound of the depth a parser builds for well-formed pages; stops counting
/// once `limit` is exceeded.
size_t estimate_html_nesting(std::string_view html, size_t limit = kMaxHtmlNesting);

}  // namespace corpusc
