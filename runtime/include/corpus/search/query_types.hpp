// The parsed form of a query (query.hpp has the grammar): fixed-size terms and
// clauses within documented limits, and what the parser may ask of an index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/slice.hpp"
#include "corpus/text/tokenizer.hpp"

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
#ifndef CORPUS_SEARCH_MAX_CURSORS
#define CORPUS_SEARCH_MAX_CURSORS 48
#endif
constexpr size_t kMaxQueryBytes = CORPUS_SEARCH_MAX_QUERY_BYTES;
constexpr uint32_t kMaxClauses = CORPUS_SEARCH_MAX_CLAUSES;
constexpr uint32_t kMaxQueryTerms = CORPUS_SEARCH_MAX_QUERY_TERMS;
/// Posting cursors open at once (clauses.hpp): one per term of each clause, so a
/// clause sharing the terms of others (a long run's bigrams, script_query.hpp) needs
/// cursors beyond its terms; the builder keeps that overlap within
/// kMaxCursors - kMaxQueryTerms.
constexpr uint32_t kMaxCursors = CORPUS_SEARCH_MAX_CURSORS;
static_assert(kMaxClauses >= 1 && kMaxClauses <= 32, "snippet() keeps clause sets in 32-bit masks");
static_assert(kMaxQueryTerms >= 1 && kMaxQueryTerms <= 255, "Clause::first_term/term_count are uint8_t");
static_assert(kMaxQueryBytes >= 1 && kMaxQueryBytes <= 0xFFFFFFFFu, "token offsets are uint32_t");

enum class Occur : uint8_t { should, must, must_not };
enum class ClauseKind : uint8_t { term, phrase, prefix, alternatives };

/// Languages one word is stemmed in at most (ParseOptions::languages).
constexpr uint32_t kMaxQueryLanguages = 8;

struct QueryTerm {
  char text[text::kMaxTermBytes];  // stemmed term, or the folded prefix of a prefix clause
  uint8_t length = 0;
  uint8_t language = 0;  // the language it was stemmed in (a prefix: its stem's), languages.h id
  uint32_t offset = 0;  // position relative to the phrase's first term
  uint32_t source_begin = 0;  // the word as typed: Query::source bytes [begin, +length)
  uint8_t source_length = 0;
  std::string_view view() const { return {text, length}; }
};

struct Clause {
  ClauseKind kind = ClauseKind::term;
  Occur occur = Occur::should;
  bool title_only = false;
  uint8_t first_term = 0, term_count = 0;  // into Query::terms; a range may overlap another clause's
  uint8_t weight = 1;                      // repeats of an optional term
  bool implicit = false;  // made by a script rule from plain optional words: left out like them
};

struct Query {
  Clause clauses[kMaxClauses];
  QueryTerm terms[kMaxQueryTerms];
  uint32_t clause_count = 0, term_count = 0;
  bool truncated = false;      // some of the input was left out (see Limits above)
  uint32_t omitted_words = 0;  // optional word occurrences left out
  uint32_t omitted_bytes = 0;  // input bytes past kMaxQueryBytes left unread
  uint8_t language_filter = 0;  // lang:xx (languages.h id); 0: every language
  std::string_view source;     // the text parsed (not copied: valid while it lives)
  /// The bytes term t was made of, as typed.
  std::string_view typed(uint32_t t) const {
    const QueryTerm& qt = terms[t];
    return qt.source_begin + qt.source_length <= source.size() ? corpus::slice(source, qt.source_begin, qt.source_length)
                                                                 : std::string_view();
  }
};

/// Document frequencies of the index a query is meant for: they choose the words a
/// too-long query keeps. df(ctx, term) is the number of documents holding the
/// (stemmed) term, 0 if none; ctx is the caller's. search() supplies it.
struct TermStats {
  uint32_t (*df)(const void* ctx, std::string_view term) = nullptr;
  const void* ctx = nullptr;
};

namespace detail {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The longest start of `text` within kMaxQueryBytes that ends before whitespace, or
// at a character boundary when the first kMaxQueryBytes bytes hold no whitespace.
inline std::string_view within_byte_limit(std::string_view text) {
  if (text.size() <= kMaxQueryBytes) return text;
  size_t cut = kMaxQueryBytes;
  while (cut > 0 && !is_space(text[cut])) --cut;
  if (cut == 0) {
    cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return corpus::slice(text, 0, cut);
}

// The bytes of `token` (of `item`, a slice of the source) as offsets in the source.
inline std::string_view typed_bytes(std::string_view item, const text::Token& token) {
  return corpus::slice(item, token.begin, token.end - token.begin);
}

// Where term qt of q was typed: `typed` as offsets in q.source (empty if outside it).
inline void set_typed(const Query& q, QueryTerm* qt, std::string_view typed) {
  const bool inside = typed.data() >= q.source.data() && typed.size() <= 255 &&
                      typed.data() + typed.size() <= q.source.data() + q.source.size();
  qt->source_begin = inside ? static_cast<uint32_t>(typed.data() - q.source.data()) : 0;
  qt->source_length = inside ? static_cast<uint8_t>(typed.size()) : 0;
}

}  // namespace detail

struct ParseOptions {
  /// false: every token is an optional term, no operators (for plain text such as
  /// benchmark queries).
  bool operators = true;
  /// Stem each word in each of these languages (languages.h ids, the first is the
  /// main one; see Languages above). nullptr / 0: TokenizerOptions::language only.
  const uint8_t* languages = nullptr;
  uint32_t language_count = 0;
};

}  // namespace corpus::search
