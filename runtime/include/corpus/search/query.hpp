// Query language, parsed into a fixed-size Query without allocation.
//
//   word          ranked term; bare words are OR-ed ("any term"), scored by BM25F
//   "two words"   exact phrase (consecutive positions); an unclosed quote runs to the end
//   pre*          every term starting with "pre" (folded, not stemmed), best by df
//   +item         required          -item   excluded       title:item   title only
//   lang:de       only articles in that language (ISO 639-1; see text/language_codes.hpp)
// Operators are recognized only at the start of a whitespace-separated item ("e-mail"
// is a word); they combine as in "+title:word" or -"a phrase". A bare item that the
// tokenizer splits in several tokens ("covid-19") gives one term clause per token when
// optional, and a phrase when required or excluded. Items that yield no token (lone
// operators, punctuation, stop words of an index built without them) are ignored.
// Repeated optional terms add up (their weight counts the repeats), as in Pyserini.
// Runs of CJK / no-space-script characters and Hangul words: script_query.hpp.
// Plain optional words in the query's language: its query stop words (Arabic and Hindi
// question words, text/stopwords.hpp) are left out unless nothing else is left, and
// an Arabic word after a proclitic is the alternatives of its stem with and without it
// (script_query.hpp).
//
// Languages (a blob stemmed per article language, TokenizerOptions::stem_by_language):
// a word is stemmed in TokenizerOptions::language when ParseOptions names no
// languages (search() does so when SearchOptions::language is set). With
// ParseOptions::languages (search(): the blob's, when the caller names none), each
// word that is a clause of its own (bare, +, -, title:) is stemmed in each of the
// first kMaxQueryLanguages of them, and the distinct terms they give are
// ALTERNATIVES of one clause (ClauseKind::alternatives: matches a document holding
// any, scored by the best one, like a prefix's expansions; clauses.hpp). Phrases and
// prefixes are stemmed in the first language listed (the blob's main one). When the
// alternatives do not fit beside the clauses already there, the word is stemmed in
// the first language only. `lang:xx` with an unknown code -> Status::bad_query.
//
// Limits: kMaxQueryBytes of input, kMaxClauses clauses, kMaxQueryTerms terms in all
// (phrase members included). A query of any length answers: past the limits, the
// plain optional words (bare words, not title:) are the ones left out, and the most
// selective are kept: lowest document frequency in the index first (highest idf),
// words absent from the index last (they match nothing), ties by first occurrence
// (without TermStats every word ties, so the first ones are kept). Input past
// kMaxQueryBytes is cut at the last whitespace before the limit (or at a character
// boundary). Either way Query::truncated is set and parsing succeeds. Only the
// query's own operators can exceed the limits -- phrases, prefixes, +required,
// -excluded and title: items that do not fit beside each other, even with every
// optional word left out -> Status::limit_exceeded. A query without any positive
// clause -> Status::bad_query. Any byte string is accepted as input.
#pragma once

#include <cstddef>
#include <string_view>

#include "corpus/search/query_builder.hpp"
#include "corpus/search/query_types.hpp"
#include "corpus/status.hpp"
#include "corpus/text/tokenizer.hpp"

namespace corpus::search {

namespace detail {

// Adds the whitespace-separated item at text[*at] (operators included) to b and
// moves *at past it.
inline Status add_item(std::string_view text, size_t* at, text::TokenizerOptions options, QueryBuilder& b) {
  size_t i = *at;
  Occur occur = Occur::should;
  while (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    occur = text[i] == '+' ? Occur::must : Occur::must_not;
    ++i;
  }
  if (occur == Occur::should && text.size() - i >= 5 &&
      (corpus::slice(text, i, 5) == "lang:" || corpus::slice(text, i, 5) == "LANG:")) {
    size_t end = i + 5;
    while (end < text.size() && !is_space(text[end])) ++end;
    const uint8_t id = text::language_from_code(corpus::slice(text, i + 5, end - i - 5));
    if (id == text::kUnknownLanguage) return Status::bad_query;
    *at = end;
    b.set_language_filter(id);
    return Status::ok;
  }
  bool title = false;
  if (text.size() - i >= 6 && (corpus::slice(text, i, 6) == "title:" || corpus::slice(text, i, 6) == "TITLE:")) {
    title = true;
    i += 6;
  }
  if (i < text.size() && text[i] == '"') {
    const size_t close = text.find('"', i + 1);
    const size_t end = close == std::string_view::npos ? text.size() : close;
    *at = close == std::string_view::npos ? text.size() : close + 1;
    return b.add(corpus::slice(text, i + 1, end - i - 1), occur, title, true, false, options);
  }
  size_t end = i;
  while (end < text.size() && !is_space(text[end]) && text[end] != '"') ++end;
  std::string_view item = corpus::slice(text, i, end - i);
  const bool prefix = !item.empty() && item.back() == '*';
  if (prefix) item.remove_suffix(1);
  *at = end;
  return b.add(item, occur, title, false, prefix, options);
}

}  // namespace detail

/// Parses `text` into *out with the index's tokenizer options. `stats` (optional)
/// chooses the words a too-long query keeps; search() passes the index's.
inline Status parse_query(std::string_view text, text::TokenizerOptions options, Query* out,
                          ParseOptions parse = {}, TermStats stats = {}) {
  detail::QueryBuilder b(out, stats, text, parse.languages, parse.language_count);
  const std::string_view kept = detail::within_byte_limit(text);
  b.omit_bytes(text.size() - kept.size());
  if (!parse.operators) {
    Status s = b.add(kept, Occur::should, false, false, false, options);
    return s != Status::ok ? s : b.finish();
  }
  size_t i = 0;
  while (i < kept.size()) {
    while (i < kept.size() && detail::is_space(kept[i])) ++i;
    if (i >= kept.size()) break;
    Status s = detail::add_item(kept, &i, options, b);
    if (s != Status::ok) return s;
  }
  return b.finish();
}

}  // namespace corpus::search
