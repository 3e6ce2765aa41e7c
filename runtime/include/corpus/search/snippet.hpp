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
// a typo-corrected word (SnippetRequest::corrections) matches as its correction;
// excluded (-) clauses are not marked. The window is cut at UTF-8 character
// boundaries, whitespace runs (newlines included) become one space, and an
// `ellipsis` marks cut ends. A cut end moves to the nearest whitespace within
// kSnippetWordScan bytes (a whole word), else stays at a character boundary (scripts
// written without spaces: Chinese, Japanese, Thai). Adjacent matched tokens share
// one pair of markers ("**首相**", not "**首****相**"). Title-only matches give the
// text's opening instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/reader.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/query.hpp"
#include "corpus/search/snippet_phrases.hpp"
#include "corpus/search/typo_corrections.hpp"
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
/// How far a cut end looks for whitespace before it cuts inside a run of text.
constexpr size_t kSnippetWordScan = text::kMaxTermBytes;

/// What to extract: one search result of a parsed query.
struct SnippetRequest {
  const Query* query = nullptr;  // as parsed by search() (SearchWorkspace::query)
  uint32_t article = 0;          // SearchHit::article
  SnippetOptions options;
  /// SearchResults::corrections of that search, or null: a word searched as its typo
  /// correction is marked where the correction occurs.
  const Corrections* corrections = nullptr;
};

/// Where the snippet goes: data[0, written), at most capacity bytes.
struct SnippetOutput {
  char* data = nullptr;
  size_t capacity = 0;
  size_t written = 0;
};

namespace detail {

// What a snippet marks: the query's terms, and each typo correction tokenized as the
// article's words are, tied to the clause and term of the word it replaced.
struct SnippetTerms {
  struct Corrected {
    char term[text::kMaxTermBytes];
    uint8_t length = 0;
    uint8_t clause = 0, query_term = 0;
  };
  const Query* query;
  Corrected corrected[kMaxCorrections];
  uint32_t corrected_count = 0;

  SnippetTerms(const Query& q, const Corrections* corrections, text::TokenizerOptions article_tok) : query(&q) {
    for (uint32_t i = 0; corrections && i < corrections->count && i < kMaxCorrections; ++i) {
      add(corrections->items[i], article_tok);
    }
  }

 private:
  void add(const Correction& c, text::TokenizerOptions tok) {
    text::Tokenizer words(c.view(), tok);
    text::Token w;
    if (!words.next(&w)) return;
    for (uint32_t k = 0; k < query->clause_count; ++k) {
      const Clause& cl = query->clauses[k];
      if (cl.kind == ClauseKind::prefix || cl.occur == Occur::must_not) continue;
      for (uint32_t t = cl.first_term; t < cl.first_term + cl.term_count; ++t) {
        if (query->terms[t].source_begin != c.begin) continue;
        Corrected& x = corrected[corrected_count++];
        std::memcpy(x.term, w.term, w.length);
        x.length = w.length;
        x.clause = static_cast<uint8_t>(k);
        x.query_term = static_cast<uint8_t>(t);
        return;
      }
    }
  }
};

// Bit mask of the term and prefix clauses a word matches (0: none); *terms gets the
// query terms it equals (phrases are marked by PhraseMarker).
inline uint32_t snippet_match(const SnippetTerms& st, std::string_view folded, std::string_view stemmed,
                              uint64_t* terms) {
  const Query& q = *st.query;
  uint32_t mask = 0;
  *terms = 0;
  for (uint32_t i = 0; i < st.corrected_count; ++i) {
    const SnippetTerms::Corrected& x = st.corrected[i];
    if (stemmed != std::string_view(x.term, x.length)) continue;
    if (q.clauses[x.clause].kind == ClauseKind::phrase) *terms |= uint64_t{1} << x.query_term;
    else mask |= 1u << x.clause;
  }
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const Clause& cl = q.clauses[c];
    if (cl.occur == Occur::must_not) continue;
    for (uint32_t t = cl.first_term; t < cl.first_term + cl.term_count; ++t) {
      std::string_view term = q.terms[t].view();
      bool hit = cl.kind == ClauseKind::prefix
                     ? folded.size() >= term.size() && corpus::slice(folded, 0, term.size()) == term
                     : stemmed == term;
      if (hit && cl.kind == ClauseKind::phrase) *terms |= uint64_t{1} << t;
      else if (hit) mask |= 1u << c;
    }
  }
  return mask;
}

inline uint32_t popcount32(uint32_t v) {
  uint32_t n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

// Calls f(begin, end, mask) for each word of `text`; stops when f returns false.
template <typename F>
void snippet_words(const SnippetTerms& st, std::string_view text, text::TokenizerOptions options, F&& f) {
  text::Tokenizer tok(text, options.unstemmed());
  text::Token t;
  PhraseMarker phrases(*st.query);
  while (tok.next(&t)) {
    char stem[text::kMaxTermBytes];
    std::memcpy(stem, t.term, t.length);
    const size_t n = text::stem_term(options, corpus::slice(text, t.begin, t.end - t.begin), stem, t.length);
    uint64_t terms = 0;
    uint32_t mask = snippet_match(st, t.view(), std::string_view(stem, n), &terms);
    if (!phrases.add(t.begin, t.end, t.position, mask, terms, f)) return;
  }
  phrases.flush(f);
}

inline bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of an article's main text (its chrome ranges left out), as read_main() sees it.
inline Status main_text_length(const Blob& blob, uint32_t text_index, uint64_t* length) {
  TextSpan span;
  Status s = text_index == kNone ? Status::not_found : blob.text(text_index, &span);
  if (s != Status::ok) return s;
  for (uint32_t k = 0; k < blob.chrome_count(text_index); ++k) {
    const uint32_t n = blob.chrome(text_index, k).length();
    span.length = n < span.length ? span.length - n : 0;
  }
  *length = span.length;
  return Status::ok;
}

// Pass 1: the start of the best window, the text read in scratch-sized pieces with
// the last matches kept in a ring.
class WindowFinder {
 public:
  WindowFinder(const Query& q, uint32_t max_bytes) : max_bytes_(max_bytes) {
    for (uint32_t c = 0; c < q.clause_count; ++c) wanted_ += q.clauses[c].occur != Occur::must_not;
  }
  bool complete() const { return (best_score_ >> 16) >= wanted_; }
  uint64_t best_start() const { return best_start_; }

  // A match at text offsets [begin, end): scores the window that ends with it.
  void add(uint64_t begin, uint64_t end, uint32_t mask) {
    recent_[(head_ + size_) % kRing] = Match{begin, mask};
    if (size_ < kRing) ++size_; else head_ = (head_ + 1) % kRing;
    uint32_t in = 0, count = 0;
    uint64_t first = begin;
    for (uint32_t i = size_; i-- > 0;) {
      const Match& m = recent_[(head_ + i) % kRing];
      if (m.begin + max_bytes_ < end) break;
      in |= m.mask;
      ++count;
      first = m.begin;
    }
    const uint32_t score = (popcount32(in) << 16) | (count < 0xFFFF ? count : 0xFFFF);
    if (score > best_score_) {
      best_score_ = score;
      best_start_ = first;
    }
  }

 private:
  static constexpr uint32_t kRing = 32;
  struct Match {
    uint64_t begin;
    uint32_t mask;
  };
  Match recent_[kRing];
  uint32_t head_ = 0, size_ = 0;
  uint32_t wanted_ = 0;      // clauses a window can hold (the positive ones)
  uint32_t best_score_ = 0;  // clauses held << 16 | matches
  uint64_t best_start_ = 0;
  uint32_t max_bytes_;
};

// Scans the main text for the best window; stops once a window holds every clause.
inline Status find_window(Reader& reader, const SnippetRequest& req, const SnippetTerms& terms,
                          text::TokenizerOptions tok, uint32_t text_index, uint64_t length, SnippetScratch* scratch,
                          uint64_t* best_start) {
  WindowFinder finder(*req.query, req.options.max_bytes);
  uint64_t offset = 0;
  while (offset < length && !finder.complete()) {
    size_t got = 0;
    Status s = reader.read_main(text_index, offset, scratch->bytes, kSnippetScratchBytes, &got);
    if (s != Status::ok) return s;
    if (got == 0) break;
    const bool last = offset + got >= length;
    const size_t limit = last ? got : got - kSnippetMargin;  // words past it: next piece
    uint64_t next = offset + limit;
    snippet_words(terms, std::string_view(scratch->bytes, got), tok, [&](uint32_t b, uint32_t e, uint32_t mask) {
      if (e > limit) return false;
      next = offset + e;
      if (mask != 0) finder.add(offset + b, offset + e, mask);
      return !finder.complete();
    });
    offset = next > offset ? next : offset + got;
  }
  *best_start = finder.best_start();
  return Status::ok;
}

// The part [*b, *e) of win (read from text offset `start`) to show: cut ends moved
// to whitespace within kSnippetWordScan bytes, else to a character boundary. The
// front never moves past `keep` (the first match).
inline void trim_window(std::string_view win, uint64_t start, uint64_t length, size_t max_bytes, size_t keep,
                        size_t* b, size_t* e) {
  *b = 0;
  *e = win.size() < max_bytes ? win.size() : max_bytes;
  if (start > 0) {
    const size_t scan = keep < kSnippetWordScan ? keep : kSnippetWordScan;
    size_t ws = 0;
    while (ws < scan && ws < *e && !is_space(win[ws])) ++ws;
    if (ws < scan && ws < *e) *b = ws;
  }
  while (*b < *e && utf8_continuation(win[*b])) ++*b;
  if (start + *e < length) {
    size_t cut = *e;
    while (cut > *b && *e - cut < kSnippetWordScan && !is_space(win[cut])) --cut;
    if (cut > *b && is_space(win[cut])) *e = cut;
    while (*e > *b && utf8_continuation(win[*e])) --*e;
  }
}

// Appends to the caller's buffer: plain text with whitespace runs as one space, and
// matched words between markers (adjacent ones sharing a pair).
class SnippetWriter {
 public:
  SnippetWriter(const SnippetOptions& o, SnippetOutput* out) : o_(o), out_(out) { out_->written = 0; }
  bool put(std::string_view piece) {
    if (out_->capacity - out_->written < piece.size()) return false;
    std::memcpy(out_->data + out_->written, piece.data(), piece.size());
    out_->written += piece.size();
    return true;
  }
  bool plain(std::string_view text) {
    for (char c : text) {
      const bool sp = is_space(c);
      if (sp && space_) continue;
      space_ = sp;
      if (!put(sp ? std::string_view(" ") : std::string_view(&c, 1))) return false;
    }
    return true;
  }
  bool marked(std::string_view before, std::string_view word) {
    const bool join = before.empty() && marked_end_ == out_->written && out_->written > 0;
    if (join) out_->written -= o_.close.size();
    if (!plain(before) || (!join && !put(o_.open)) || !put(word) || !put(o_.close)) return false;
    marked_end_ = out_->written;
    space_ = false;
    return true;
  }

 private:
  const SnippetOptions& o_;
  SnippetOutput* out_;
  bool space_ = false;
  size_t marked_end_ = SIZE_MAX;
};

// Pass 2: reads the window (with some context before the first match) and writes it.
inline Status write_window(Reader& reader, const SnippetRequest& req, const SnippetTerms& terms,
                           text::TokenizerOptions tok, uint32_t text_index, uint64_t length, uint64_t best_start,
                           SnippetScratch* scratch, SnippetOutput* out) {
  const SnippetOptions& o = req.options;
  const uint64_t start = best_start > o.max_bytes / 4 ? best_start - o.max_bytes / 4 : 0;
  size_t got = 0;
  Status s = reader.read_main(text_index, start, scratch->bytes, o.max_bytes + kSnippetMargin, &got);
  if (s != Status::ok) return s;
  const std::string_view win(scratch->bytes, got);
  size_t b = 0, e = 0;
  trim_window(win, start, length, o.max_bytes, static_cast<size_t>(best_start - start), &b, &e);
  SnippetWriter w(o, out);
  if (start + b > 0) w.put(o.ellipsis);
  size_t at = b;
  bool fits = true;
  snippet_words(terms, corpus::slice(win, 0, e), tok, [&](uint32_t wb, uint32_t we, uint32_t mask) {
    if (wb < b || mask == 0) return true;
    fits = w.marked(corpus::slice(win, at, wb - at), corpus::slice(win, wb, we - wb));
    at = we;
    return fits;
  });
  if (fits && w.plain(corpus::slice(win, at, e - at)) && start + e < length) w.put(o.ellipsis);
  return Status::ok;
}

}  // namespace detail

/// Writes the snippet of request.article for request.query to out->data[0,
/// out->written). The reader must be initialized on the index's blob. buffer_too_small
/// if out->capacity cannot hold max_bytes plus two ellipses; limit_exceeded if
/// max_bytes is too large for the scratch buffer.
inline Status snippet(const Index& index, Reader& reader, const SnippetRequest& request, SnippetScratch* scratch,
                      SnippetOutput* out) {
  out->written = 0;
  const Blob* blob = index.blob();
  if (blob == nullptr || !index.valid() || request.query == nullptr) return Status::misuse;
  const SnippetOptions& o = request.options;
  if (o.max_bytes == 0 || o.max_bytes + 2 * kSnippetMargin > kSnippetScratchBytes) return Status::limit_exceeded;
  if (out->capacity < o.max_bytes + 2 * o.ellipsis.size()) return Status::buffer_too_small;
  const uint32_t text_index = blob->article(request.article).text;
  uint64_t length = 0, best_start = 0;
  text::TokenizerOptions tok = index.tokenizer();
  tok.language = index.doc_language(request.article);  // its words are stemmed in its language
  const detail::SnippetTerms terms(*request.query, request.corrections, tok);
  Status s = detail::main_text_length(*blob, text_index, &length);
  if (s == Status::ok) s = detail::find_window(reader, request, terms, tok, text_index, length, scratch, &best_start);
  if (s == Status::ok) {
    s = detail::write_window(reader, request, terms, tok, text_index, length, best_start, scratch, out);
  }
  if (s != Status::ok) out->written = 0;
  return s;
}

}  // namespace corpus::search
