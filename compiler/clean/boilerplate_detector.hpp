// BoilerplateDetector: finds page template ("chrome") in plain-text articles by learning,
// from the corpus itself, which lines repeat. No phrase lists: a line is template when it
// recurs across many distinct texts, or within one text.
//
// Contract:
//  * Call learn() once for every text of the corpus, then chrome_spans() for any text.
//    Byte-identical texts are learned once, so exact duplicates add no evidence.
//  * Unit of analysis: a line (bytes between '\n'), compared after trimming, collapsing
//    whitespace (incl. U+00A0) and ASCII lower-casing. Blank lines carry no evidence.
//  * A "template header" is a short line (<= max_header_words words) that is template.
//    The first template header whose tail (it and every later line) consists mostly of
//    template lines (share >= min_tail_template_share) opens chrome that runs to the end
//    of the text: related-article lists and teasers of other stories. Before that tail,
//    only lines found in >= min_docs_outside_tail distinct texts are chrome (stricter,
//    because a few versions of one story share whole paragraphs).
//  * Output is deterministic: the learned table is only looked up, never iterated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace corpusc {

// Bytes [begin, end) of a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

class BoilerplateDetector {
 public:
  struct Options {
    // A line is template when at least this many distinct learned texts contain it.
    uint32_t min_docs = 3;
    // Outside a chrome tail, a line is chrome only when this many distinct texts have it.
    uint32_t min_docs_outside_tail = 5;
    // Template lines with at most this many words may open a chrome tail.
    uint32_t max_header_words = 6;
    // Share (by line count) of template lines a tail must have to be chrome.
    double min_tail_template_share = 0.5;
  };

  BoilerplateDetector() : BoilerplateDetector(Options{}) {}
  explicit BoilerplateDetector(Options options);

  // Adds one text's lines to the statistics. Call for all texts before chrome_spans().
  void learn(std::string_view text);

  // Sorted, non-overlapping byte ranges of chrome in `text` (a chrome line's span covers
  // its terminating '\n'; a chrome tail runs to the end of the text).
  std::vector<Span> chrome_spans(std::string_view text) const;

  // `text` without its chrome spans, trailing whitespace removed: the article's main text.
  std::string main_text(std::string_view text) const;

  std::size_t learned_texts() const { return seen_texts_.size(); }

 private:
  uint32_t doc_count(uint64_t line_key) const;

  Options options_;
  std::unordered_set<uint64_t> seen_texts_;             // xxh64 of each learned text
  std::unordered_map<uint64_t, uint32_t> doc_counts_;   // line key -> distinct texts
};

}  // namespace corpusc
