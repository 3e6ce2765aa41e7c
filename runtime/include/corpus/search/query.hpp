// Query language, parsed into a fixed-size Query without allocation.
//
//   word          ranked term; bare words are OR-ed ("any term"), scored by BM25F
//   "two words"   exact phrase (consecutive positions); an unclosed quote runs to the end
//   pre*          every term starting with "pre" (folded, not stemmed), best by df
//   +item         required          -item   excluded       title:item   title only
// Operators are recognized only at the start of a whitespace-separated item ("e-mail"
// is a word); they combine as in "+title:word" or -"a phrase". A bare item that the
// tokenizer splits in several tokens ("covid-19") gives one term clause per token when
// optional, and a phrase when required or excluded. Items that yield no token (lone
// operators, punctuation, stop words of an index built without them) are ignored.
// Repeated optional terms add up (their weight counts the repeats), as in Pyserini.
//
// Limits: kMaxQueryBytes of input, kMaxClauses clauses, kMaxQueryTerms terms in all
// (phrase members included) -> Status::limit_exceeded. A query without any positive
// clause -> Status::bad_query. Any byte string is accepted as input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/status.hpp"
#include "corpus/text/tokenizer.hpp"
#include "corpus/slice.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_QUERY_BYTES
#define CORPUS_SEARCH_MAX_QUERY_BYTES 4096
#endif
#ifndef CORPUS_SEARCH_MAX_CLAUSES
#define CORPUS_SEARCH_MAX_CLAUSES 32
#endif
#ifndef CORPUS_SEARCH_MAX_QUERY_TERMS
#define CORPUS_SEARCH_MAX_QUERY_TERMS 32
#endif
constexpr size_t kMaxQueryBytes = CORPUS_SEARCH_MAX_QUERY_BYTES;
constexpr uint32_t kMaxClauses = CORPUS_SEARCH_MAX_CLAUSES;
constexpr uint32_t kMaxQueryTerms = CORPUS_SEARCH_MAX_QUERY_TERMS;

enum class Occur : uint8_t { should, must, must_not };
enum class ClauseKind : uint8_t { term, phrase, prefix };

struct QueryTerm {
  char text[text::kMaxTermBytes];  // stemmed term, or the folded prefix of a prefix clause
  uint8_t length = 0;
  uint32_t offset = 0;  // position relative to the phrase's first term
  std::string_view view() const { return {text, length}; }
};

struct Clause {
  ClauseKind kind = ClauseKind::term;
  Occur occur = Occur::should;
  bool title_only = false;
  uint8_t first_term = 0, term_count = 0;  // into Query::terms
  uint8_t weight = 1;                      // repeats of an optional term
};

struct Query {
  Clause clauses[kMaxClauses];
  QueryTerm terms[kMaxQueryTerms];
  uint32_t clause_count = 0, term_count = 0;
};

struct ParseOptions {
  /// false: every token is an optional term, no operators (for plain text such as
  /// benchmark queries).
  bool operators = true;
};

namespace detail {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class QueryBuilder {
 public:
  explicit QueryBuilder(Query* q) : q_(q) {
    q_->clause_count = 0;
    q_->term_count = 0;
  }

  // Tokenizes `item` and adds its clause(s).
  Status add(std::string_view item, Occur occur, bool title, bool phrase, bool prefix,
             text::TokenizerOptions options) {
    text::TokenizerOptions tok = options;
    if (prefix) tok.stem_english = false;  // prefixes match surface-form beginnings
    text::Tokenizer t(item, tok);
    text::Token token;
    uint32_t first = q_->term_count, n = 0, base = 0;
    while (t.next(&token)) {
      if (q_->term_count >= kMaxQueryTerms) return Status::limit_exceeded;
      QueryTerm& qt = q_->terms[q_->term_count++];
      std::memcpy(qt.text, token.term, token.length);
      qt.length = token.length;
      if (n == 0) base = token.position;
      qt.offset = token.position - base;
      ++n;
    }
    if (n == 0) return Status::ok;
    if (prefix && options.stem_english) {  // all but the last token are plain terms
      for (uint32_t i = first; i + 1 < first + n; ++i) {
        QueryTerm& qt = q_->terms[i];
        qt.length = static_cast<uint8_t>(text::stem_english(qt.text, qt.length));
      }
    }
    if (phrase || (n > 1 && !prefix && occur != Occur::should)) {
      return n == 1 ? push(ClauseKind::term, occur, title, first, 1)
                    : push(ClauseKind::phrase, occur, title, first, n);
    }
    uint32_t at = first;  // a merged repeat removes its term: the next one moves to `at`
    for (uint32_t i = 0; i < n; ++i) {
      ClauseKind kind = prefix && i + 1 == n ? ClauseKind::prefix : ClauseKind::term;
      const uint32_t before = q_->term_count;
      Status s = push(kind, occur, title, at, 1);
      if (s != Status::ok) return s;
      if (q_->term_count == before) ++at;
    }
    return Status::ok;
  }

  Status finish() {
    for (uint32_t i = 0; i < q_->clause_count; ++i) {
      if (q_->clauses[i].occur != Occur::must_not) return Status::ok;
    }
    return Status::bad_query;
  }

 private:
  Status push(ClauseKind kind, Occur occur, bool title, uint32_t first, uint32_t n) {
    if (kind == ClauseKind::term && occur == Occur::should) {
      for (uint32_t i = 0; i < q_->clause_count; ++i) {  // a repeat adds weight
        Clause& c = q_->clauses[i];
        if (c.kind == kind && c.occur == occur && c.title_only == title &&
            q_->terms[c.first_term].view() == q_->terms[first].view()) {
          if (c.weight < 255) ++c.weight;
          drop_term(first);
          return Status::ok;
        }
      }
    }
    if (q_->clause_count >= kMaxClauses) return Status::limit_exceeded;
    Clause& c = q_->clauses[q_->clause_count++];
    c = Clause();
    c.kind = kind;
    c.occur = occur;
    c.title_only = title;
    c.first_term = static_cast<uint8_t>(first);
    c.term_count = static_cast<uint8_t>(n);
    return Status::ok;
  }
  // Removes term `i` (a merged repeat); later terms of the same item move down.
  void drop_term(uint32_t i) {
    for (uint32_t j = i + 1; j < q_->term_count; ++j) q_->terms[j - 1] = q_->terms[j];
    --q_->term_count;
    for (uint32_t c = 0; c < q_->clause_count; ++c) {
      if (q_->clauses[c].first_term > i) --q_->clauses[c].first_term;
    }
  }

  Query* q_;
};

}  // namespace detail

/// Parses `text` into *out with the index's tokenizer options.
inline Status parse_query(std::string_view text, text::TokenizerOptions options, Query* out,
                          ParseOptions parse = {}) {
  if (text.size() > kMaxQueryBytes) return Status::limit_exceeded;
  detail::QueryBuilder b(out);
  if (!parse.operators) {
    Status s = b.add(text, Occur::should, false, false, false, options);
    return s != Status::ok ? s : b.finish();
  }
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && detail::is_space(text[i])) ++i;
    if (i >= text.size()) break;
    Occur occur = Occur::should;
    while (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      occur = text[i] == '+' ? Occur::must : Occur::must_not;
      ++i;
    }
    bool title = false;
    if (text.size() - i >= 6 && (corpus::slice(text, i, 6) == "title:" || corpus::slice(text, i, 6) == "TITLE:")) {
      title = true;
      i += 6;
    }
    Status s;
    if (i < text.size() && text[i] == '"') {
      size_t close = text.find('"', i + 1);
      size_t end = close == std::string_view::npos ? text.size() : close;
      s = b.add(corpus::slice(text, i + 1, end - i - 1), occur, title, true, false, options);
      i = close == std::string_view::npos ? text.size() : close + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !detail::is_space(text[end]) && text[end] != '"') ++end;
      std::string_view item = corpus::slice(text, i, end - i);
      bool prefix = !item.empty() && item.back() == '*';
      if (prefix) item.remove_suffix(1);
      s = b.add(item, occur, title, false, prefix, options);
      i = end;
    }
    if (s != Status::ok) return s;
  }
  return b.finish();
}

}  // namespace corpus::search
