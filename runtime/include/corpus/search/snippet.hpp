// snippet(): a short extract of one article's text around the query's terms, with
// every matching word wrapped in caller-chosen markers. No allocation.
//
// The text is the article's main text (boilerplate left out, as it was indexed).
// Only that article's text is decompressed, through the caller's Reader, in pieces
// of the caller's scratch buffer (so any article length works with a small buffer;
// the reader caches the last frame, so consecutive pieces decode it once). The window
// of at most `max_bytes` text bytes with the most distinct query clauses (then the
// most matches) wins; the earliest such window on ties. Scanning stops early once a
// window holds every clause. Matching: a word matches a term or phrase member when
// its stem equals it, and a prefix clause when its folded form starts with it;
// excluded (-) clauses are not marked. The window is cut at UTF-8 character
// boundaries, whitespace runs (newlines included) become one space, and an
// `ellipsis` marks cut ends. Title-only matches give the text's opening instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/reader.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/query.hpp"
#include "corpus/slice.hpp"

namespace corpus::search {

struct SnippetOptions {
  uint32_t max_bytes = 200;          // text bytes in the window (markers not counted)
  std::string_view open = "**", close = "**";
  std::string_view ellipsis = "...";
};

/// Scratch the caller lends snippet(): the text is read through it in pieces.
/// kSnippetScratchBytes must exceed SnippetOptions::max_bytes + 2 * kSnippetMargin.
constexpr size_t kSnippetMargin = 256;
constexpr size_t kSnippetScratchBytes = 4096;
struct SnippetScratch {
  char bytes[kSnippetScratchBytes];
};

namespace detail {

// Bit mask of the clauses a word matches (0: none).
inline uint32_t snippet_match(const Query& q, std::string_view folded, std::string_view stemmed) {
  uint32_t mask = 0;
  for (uint32_t c = 0; c < q.clause_count && c < 32; ++c) {
    const Clause& cl = q.clauses[c];
    if (cl.occur == Occur::must_not) continue;
    for (uint32_t t = cl.first_term; t < cl.first_term + cl.term_count; ++t) {
      std::string_view term = q.terms[t].view();
      bool hit = cl.kind == ClauseKind::prefix
                     ? folded.size() >= term.size() && corpus::slice(folded, 0, term.size()) == term
                     : stemmed == term;
      if (hit) mask |= 1u << c;
    }
  }
  return mask;
}

inline uint32_t popcount32(uint32_t v) {
  uint32_t n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

// Calls f(begin, end, mask) for each word of `text` that matches a clause.
template <typename F>
void snippet_words(const Query& q, std::string_view text, text::TokenizerOptions options, F&& f) {
  text::TokenizerOptions plain = options;
  plain.stem_english = false;
  text::Tokenizer tok(text, plain);
  text::Token t;
  while (tok.next(&t)) {
    char stem[text::kMaxTermBytes];
    std::memcpy(stem, t.term, t.length);
    size_t n = options.stem_english ? text::stem_english(stem, t.length) : t.length;
    uint32_t mask = snippet_match(q, t.view(), std::string_view(stem, n));
    if (!f(t.begin, t.end, mask)) return;
  }
}

}  // namespace detail

/// Writes the snippet of `article` for `query` (parsed by search()) to out[0, *written).
/// The reader must be initialized on the index's blob. buffer_too_small if cap cannot
/// hold max_bytes plus two ellipses; limit_exceeded if max_bytes is too large for the
/// scratch buffer.
inline Status snippet(const Index& index, Reader& reader, const Query& query, uint32_t article,
                      const SnippetOptions& options, SnippetScratch* scratch, char* out, size_t cap,
                      size_t* written) {
  *written = 0;
  const Blob* blob = index.blob();
  if (blob == nullptr) return Status::not_found;
  if (options.max_bytes == 0 || options.max_bytes + 2 * kSnippetMargin > kSnippetScratchBytes) {
    return Status::limit_exceeded;
  }
  if (cap < options.max_bytes + 2 * options.ellipsis.size()) return Status::buffer_too_small;
  ArticleInfo info = blob->article(article);
  TextSpan span;
  Status s = info.text == kNone ? Status::not_found : blob->text(info.text, &span);
  if (s != Status::ok) return s;
  for (uint32_t k = 0; k < blob->chrome_count(info.text); ++k) {  // main-text length
    const uint32_t n = blob->chrome(info.text, k).length();
    span.length = n < span.length ? span.length - n : 0;
  }
  const text::TokenizerOptions options_tok = index.tokenizer();
  uint32_t all = 0;
  for (uint32_t c = 0; c < query.clause_count && c < 32; ++c) {
    if (query.clauses[c].occur != Occur::must_not) all |= 1u << c;
  }

  // Pass 1: find the best window start, scanning the text in scratch-sized pieces.
  struct Match { uint64_t begin, end; uint32_t mask; };
  Match recent[32];
  uint32_t head = 0, size = 0;
  uint64_t best_start = 0;
  uint32_t best_score = 0;
  uint64_t offset = 0;
  const uint32_t wanted = detail::popcount32(all);
  while (offset < span.length && (best_score >> 16) < wanted) {
    size_t got = 0;
    s = reader.read_main(info.text, offset, scratch->bytes, kSnippetScratchBytes, &got);
    if (s != Status::ok) return s;
    if (got == 0) break;
    const bool last = offset + got >= span.length;
    const size_t limit = last ? got : got - kSnippetMargin;
    uint64_t next = offset + limit;
    bool seen = false;
    detail::snippet_words(query, std::string_view(scratch->bytes, got), options_tok,
                          [&](uint32_t b, uint32_t e, uint32_t mask) {
      if (e > limit) return false;
      seen = true;
      next = offset + e;
      if (mask == 0) return true;
      recent[(head + size) % 32] = Match{offset + b, offset + e, mask};
      if (size < 32) ++size; else head = (head + 1) % 32;
      uint32_t in = 0, count = 0;  // the window ending at this match
      uint64_t first = offset + b;
      for (uint32_t i = size; i-- > 0;) {
        const Match& m = recent[(head + i) % 32];
        if (m.begin + options.max_bytes < offset + e) break;
        in |= m.mask;
        ++count;
        first = m.begin;
      }
      uint32_t score = (detail::popcount32(in) << 16) | (count < 0xFFFF ? count : 0xFFFF);
      if (score > best_score) {
        best_score = score;
        best_start = first;
      }
      return (best_score >> 16) < wanted;  // stop once a window has every clause
    });
    if (!seen && !last) next = offset + limit;
    if (next <= offset) next = offset + got;
    offset = next;
  }

  // Pass 2: read the window (with some context before the first match) and mark it.
  uint64_t start = best_start > options.max_bytes / 4 ? best_start - options.max_bytes / 4 : 0;
  size_t got = 0;
  s = reader.read_main(info.text, start, scratch->bytes, options.max_bytes + kSnippetMargin, &got);
  if (s != Status::ok) return s;
  std::string_view win(scratch->bytes, got);
  size_t b = 0, e = got < options.max_bytes ? got : options.max_bytes;
  if (start > 0) {  // begin after the first whitespace: a whole word
    while (b < e && !detail::is_space(win[b])) ++b;
  }
  while (b < e && (static_cast<unsigned char>(win[b]) & 0xC0) == 0x80) ++b;
  if (start + e < span.length) {  // end before a partial word / character
    size_t cut = e;
    while (cut > b && !detail::is_space(win[cut])) --cut;
    if (cut > b) e = cut;
    while (e > b && (static_cast<unsigned char>(win[e]) & 0xC0) == 0x80) --e;
  }
  size_t w = 0;
  auto put = [&](std::string_view piece) {
    if (cap - w < piece.size()) return false;
    std::memcpy(out + w, piece.data(), piece.size());
    w += piece.size();
    return true;
  };
  if (start + b > 0) put(options.ellipsis);
  size_t at = b;
  bool space = false;
  auto copy_plain = [&](size_t to) {
    for (; at < to; ++at) {
      const bool sp = detail::is_space(win[at]);
      if (sp && space) continue;
      space = sp;
      if (!put(sp ? std::string_view(" ") : corpus::slice(win, at, 1))) return false;
    }
    return true;
  };
  bool fits = true;
  detail::snippet_words(query, corpus::slice(win, 0, e), options_tok, [&](uint32_t wb, uint32_t we, uint32_t mask) {
    if (wb < b) return true;
    if (mask == 0) return true;
    fits = copy_plain(wb) && put(options.open) && put(corpus::slice(win, wb, we - wb)) && put(options.close);
    at = we;
    space = false;
    return fits;
  });
  if (fits && copy_plain(e) && start + e < span.length) put(options.ellipsis);
  *written = w;
  return Status::ok;
}

}  // namespace corpus::search
