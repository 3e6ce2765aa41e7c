// QueryBuilder: turns the items of a query (query.hpp has the grammar and the
// limits) into a Query within the fixed limits, without allocation: operators always
// get room, plain optional words compete for what is left (query_room.hpp); words are
// stemmed in one language or several (alternatives), runs of no-space scripts become
// implicit phrases (script_query.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/query_room.hpp"
#include "corpus/search/query_types.hpp"
#include "corpus/search/script_query.hpp"
#include "corpus/slice.hpp"
#include "corpus/status.hpp"
#include "corpus/text/tokenizer.hpp"

namespace corpus::search::detail {

// Builds a Query item by item within the fixed limits. Operators always get room;
// plain optional words compete for what is left (see Limits at the top).
class QueryBuilder {
 public:
  QueryBuilder(Query* q, TermStats stats, std::string_view source, const uint8_t* languages = nullptr,
               uint32_t language_count = 0)
      : q_(q), room_(q, stats), languages_(languages),
        language_count_(language_count < kMaxQueryLanguages ? language_count : kMaxQueryLanguages) {
    if (languages_ == nullptr) language_count_ = 0;
    q_->language_filter = 0;
    q_->source = source;
    q_->clause_count = 0;
    q_->term_count = 0;
    q_->truncated = false;
    q_->omitted_words = 0;
    q_->omitted_bytes = 0;
  }

  // Tokenizes `item` and adds its clause(s).
  Status add(std::string_view item, Occur occur, bool title, bool phrase, bool prefix,
             text::TokenizerOptions options) {
    if (phrase || (occur != Occur::should && !prefix)) {
      if (!phrase && language_count_ > 1 && token_count(item, options) == 1) {
        return add_words(item, occur, title, false, options);
      }
      return add_group(item, occur, title, options);
    }
    return add_words(item, occur, title, prefix, options);
  }

  void set_language_filter(uint8_t language) { q_->language_filter = language; }

  void omit_bytes(size_t n) {
    if (n == 0) return;
    q_->truncated = true;
    q_->omitted_bytes = static_cast<uint32_t>(n > 0xFFFFFFFFu ? 0xFFFFFFFFu : n);
  }

  // A query of query stop words only is asked with the first of them.
  Status finish() {
    if (!has_positive_clause() && held_stopword_.length > 0) {
      Status s = add_stemmed_word(held_stopword_raw_, held_stopword_, Occur::should, false, held_options_);
      if (s != Status::ok) return s;
    }
    return has_positive_clause() ? Status::ok : Status::bad_query;
  }

 private:
  static constexpr uint32_t kNoClause = QueryRoom::kNoClause;

  bool has_positive_clause() const {
    for (uint32_t i = 0; i < q_->clause_count; ++i) {
      if (q_->clauses[i].occur != Occur::must_not) return true;
    }
    return false;
  }

  // The item's tokens as one clause: a phrase, or a term if it has a single token.
  Status add_group(std::string_view item, Occur occur, bool title, text::TokenizerOptions options) {
    text::Tokenizer t(item, options);
    text::Token token;
    uint32_t n = 0, base = 0;
    while (t.next(&token)) {
      // A left-out clause's terms come before this item's, which move down.
      if (q_->term_count >= kMaxQueryTerms && !room_.evict_word()) return Status::limit_exceeded;
      if (n == 0) base = token.position;
      room_.append_term(token.view(), token.position - base, typed_bytes(item, token));
      room_.hold_open_terms(++n);
    }
    if (n == 0) return Status::ok;
    if (q_->clause_count >= kMaxClauses && !room_.evict_word()) return Status::limit_exceeded;
    room_.hold_open_terms(0);
    ClauseKind kind = n == 1 ? ClauseKind::term : ClauseKind::phrase;
    if (n == 1 && options.has(text::script_bits::kHangulPrefix) && starts_hangul(q_->terms[q_->term_count - 1].view())) {
      kind = ClauseKind::prefix;
    }
    room_.append_clause(kind, occur, title, q_->term_count - n, n);
    return Status::ok;
  }

  static uint32_t token_count(std::string_view item, text::TokenizerOptions options) {
    text::Tokenizer t(item, options.unstemmed());
    text::Token token;
    uint32_t n = 0;
    while (n < 2 && t.next(&token)) ++n;
    return n;
  }

  // One clause per token; with `prefix` the last token is the prefix (unstemmed: it
  // matches surface-form beginnings) and those before it are words, stemmed here.
  Status add_words(std::string_view item, Occur occur, bool title, bool prefix, text::TokenizerOptions options) {
    text::Tokenizer t(item, options.unstemmed());
    text::Token token, pending;
    bool has_pending = false;
    RunSplitter runs;
    auto emit = [&](const text::Token* run, uint32_t n) { return add_run(run, n, title, options); };
    while (t.next(&token)) {
      if (has_pending) {
        Status s = is_run_token(item, pending, options) ? runs.push(pending, emit) : runs.flush(emit);
        if (s == Status::ok && !is_run_token(item, pending, options)) {
          s = add_stemmed(item, pending, occur, title, options);
        }
        if (s != Status::ok) return s;
      }
      pending = token;
      has_pending = true;
    }
    if (!has_pending) return Status::ok;
    if (!prefix && is_run_token(item, pending, options)) {
      Status s = runs.push(pending, emit);
      return s != Status::ok ? s : runs.flush(emit);
    }
    Status s = runs.flush(emit);
    if (s != Status::ok) return s;
    if (!prefix) return add_stemmed(item, pending, occur, title, options);
    s = add_word(pending.view(), ClauseKind::prefix, occur, title, typed_bytes(item, pending));
    if (s == Status::ok) q_->terms[q_->term_count - 1].language = options.language;
    return s;
  }

  // The word `token` of `item` (folded, not stemmed), unless it is an optional query
  // stop word of the query's main language (text/stopwords.hpp: the first is held
  // for a query made of nothing else).
  Status add_stemmed(std::string_view item, const text::Token& token, Occur occur, bool title,
                     text::TokenizerOptions options) {
    const std::string_view raw = corpus::slice(item, token.begin, token.end - token.begin);
    const uint8_t language = language_count_ > 0 ? languages_[0] : options.language;
    if (occur == Occur::should && !title && text::is_query_stopword(language, raw)) {
      if (held_stopword_.length == 0) {
        held_stopword_ = token;
        held_stopword_raw_ = raw;
        held_options_ = options;
      }
      return Status::ok;
    }
    return add_stemmed_word(raw, token, occur, title, options);
  }

  // The word `token` typed as `raw`: a term stemmed in the query's language, or
  // alternatives stemmed in each of languages_, or (an optional Arabic word after a
  // proclitic, script_query.hpp) alternatives with and without the proclitic.
  Status add_stemmed_word(std::string_view raw, text::Token token, Occur occur, bool title,
                          text::TokenizerOptions options) {
    if (language_count_ > 1 && q_->clause_count < kMaxClauses &&
        q_->term_count + language_count_ <= kMaxQueryTerms) {
      return add_alternatives(raw, token, occur, title, options);
    }
    if (language_count_ > 0) options.language = languages_[0];
    const size_t cut = occur == Occur::should && !title ? arabic_proclitic_bytes(options.language, raw, token.view()) : 0;
    if (cut > 0 && q_->clause_count < kMaxClauses && q_->term_count + 2 <= kMaxQueryTerms) {
      const uint32_t first = q_->term_count;
      push_alternative(first, raw, token.view(), options);
      push_alternative(first, corpus::slice(raw, cut), corpus::slice(token.view(), cut), options, raw);
      return close_alternatives(first, occur, title, options, raw);
    }
    token.length = static_cast<uint8_t>(text::stem_term(options, raw, token.term, token.length));
    return add_language_word(token.view(), options.language, occur, title, options, raw);
  }

  // Stems the word in each language straight into the next free terms, keeps the
  // distinct ones, and makes them one clause (a single distinct term: a term clause).
  Status add_alternatives(std::string_view raw, const text::Token& token, Occur occur, bool title,
                          text::TokenizerOptions options) {
    const uint32_t first = q_->term_count;
    for (uint32_t l = 0; l < language_count_; ++l) {
      options.language = languages_[l];
      push_alternative(first, raw, token.view(), options);
    }
    return close_alternatives(first, occur, title, options, raw);
  }

  // `raw` (folded: `folded`) stemmed in options.language into the next free term,
  // kept unless it repeats one of terms [first, term_count). `typed`: where it was
  // typed (default `raw`).
  void push_alternative(uint32_t first, std::string_view raw, std::string_view folded,
                        text::TokenizerOptions options, std::string_view typed = {}) {
    QueryTerm& qt = q_->terms[q_->term_count];
    std::memcpy(qt.text, folded.data(), folded.size());
    qt.length = static_cast<uint8_t>(text::stem_term(options, raw, qt.text, folded.size()));
    qt.language = options.language;
    qt.offset = 0;
    set_typed(*q_, &qt, typed.empty() ? raw : typed);
    bool repeated = false;
    for (uint32_t t = first; t < q_->term_count && !repeated; ++t) repeated = q_->terms[t].view() == qt.view();
    if (!repeated) ++q_->term_count;
  }

  // Terms [first, term_count) as one alternatives clause (a single one: a term).
  Status close_alternatives(uint32_t first, Occur occur, bool title, text::TokenizerOptions options,
                            std::string_view typed) {
    if (q_->term_count - first == 1) {
      const QueryTerm only = q_->terms[first];
      q_->term_count = first;
      return add_language_word(only.view(), only.language, occur, title, options, typed);
    }
    room_.append_clause(ClauseKind::alternatives, occur, title, first, q_->term_count - first);
    return Status::ok;
  }

  // A stemmed word as a term (or, by a script rule, a prefix) remembering the
  // language it was stemmed in (a prefix clause stems its own prefix in it).
  Status add_language_word(std::string_view term, uint8_t language, Occur occur, bool title,
                           text::TokenizerOptions options, std::string_view typed) {
    const uint32_t before = q_->term_count;
    Status s = add_script_word(term, ClauseKind::term, occur, title, options, typed);
    if (s == Status::ok && q_->term_count > before) q_->terms[q_->term_count - 1].language = language;
    return s;
  }

  // add_word(), with kHangulPrefix turning a plain Hangul word into a prefix clause.
  Status add_script_word(std::string_view term, ClauseKind kind, Occur occur, bool title,
                         text::TokenizerOptions options, std::string_view typed = {}, uint32_t offset = 0) {
    if (kind != ClauseKind::term || !options.has(text::script_bits::kHangulPrefix) || !starts_hangul(term)) {
      return add_word(term, kind, occur, title, typed, offset);
    }
    if (occur != Occur::should || title) return add_word(term, ClauseKind::prefix, occur, title);
    return add_implicit(&term, 1, ClauseKind::prefix);
  }

  // A run's clause (script_query.hpp): one term, or an implicit phrase of n terms. A
  // character's term keeps its position in the query as its offset, so a long run's
  // bigram can share the terms of its two characters (add_implicit).
  Status add_run(const text::Token* run, uint32_t n, bool title, text::TokenizerOptions options) {
    if (n == 1) return add_script_word(run[0].view(), ClauseKind::term, Occur::should, title, options, {}, run[0].position);
    std::string_view terms[kMaxRunPhrase];
    for (uint32_t i = 0; i < n; ++i) terms[i] = run[i].view();
    return add_implicit(terms, n, ClauseKind::phrase, title);
  }

  // An optional clause made by a script rule (consecutive terms, or one prefix):
  // repeats add weight; without room it competes with the optional words (title-only:
  // an operator, it evicts them or fails). Its key: its least selective member's, so
  // bigrams of common characters give way first (MLQA zh nDCG@10 0.8123 -> 0.8147).
  Status add_implicit(const std::string_view* terms, uint32_t n, ClauseKind kind, bool title = false) {
    const uint32_t repeat = find_clause(*q_, kind, title, terms, n);
    if (repeat != kNoClause) {
      if (q_->clauses[repeat].weight < 255) ++q_->clauses[repeat].weight;
      return Status::ok;
    }
    uint32_t key = 0;
    for (uint32_t i = 0; i < n; ++i) key = std::max(key, room_.selectivity_key(terms[i]));
    while (!implicit_fits(terms, n)) {
      const uint32_t worst = room_.least_selective_word();
      if (title && worst == kNoClause) return Status::limit_exceeded;
      q_->truncated = true;
      if (!title && (worst == kNoClause || key >= room_.key_of(worst))) {
        ++q_->omitted_words;
        return Status::ok;
      }
      room_.remove_clause(worst);
    }
    if (!can_share(terms, n)) {
      for (uint32_t i = 0; i < n; ++i) room_.append_term(terms[i], i);
    }
    room_.append_clause(kind, Occur::should, title, q_->term_count - n, n, key);
    q_->clauses[q_->clause_count - 1].implicit = !title;
    return Status::ok;
  }

  // An implicit clause of `terms` fits beside the clauses there are: terms, a clause,
  // and cursors (the terms it shares need cursors of their own: kMaxCursors).
  bool implicit_fits(const std::string_view* terms, uint32_t n) const {
    return q_->clause_count < kMaxClauses && (can_share(terms, n) || q_->term_count + n <= kMaxQueryTerms);
  }

  // The clause of `terms` may use the last terms there are (shares_tail) within the
  // cursors: else it copies them.
  bool can_share(const std::string_view* terms, uint32_t n) const {
    return shares_tail(*q_, terms, n) && cursor_overlap(*q_) + n <= kMaxCursors - kMaxQueryTerms;
  }

  Status add_word(std::string_view term, ClauseKind kind, Occur occur, bool title, std::string_view typed = {},
                  uint32_t offset = 0) {
    if (kind == ClauseKind::term && occur == Occur::should && add_repeat(term, title)) return Status::ok;
    if (q_->term_count >= kMaxQueryTerms || q_->clause_count >= kMaxClauses) {
      if (QueryRoom::may_leave_out(kind, occur, title)) return room_.offer_word(term, typed, offset);
      if (!room_.evict_word()) return Status::limit_exceeded;
    }
    room_.append_term(term, offset, typed);
    room_.append_clause(kind, occur, title, q_->term_count - 1, 1);
    return Status::ok;
  }

  // A repeated optional term adds weight to its clause instead of a clause.
  bool add_repeat(std::string_view term, bool title) {
    for (uint32_t i = 0; i < q_->clause_count; ++i) {
      Clause& c = q_->clauses[i];
      if (c.kind == ClauseKind::term && c.occur == Occur::should && c.title_only == title &&
          q_->terms[c.first_term].view() == term) {
        if (c.weight < 255) ++c.weight;
        return true;
      }
    }
    return false;
  }

  Query* q_;
  QueryRoom room_;  // appends q_'s terms and clauses, leaving out words when it is full
  const uint8_t* languages_;
  uint32_t language_count_;
  text::Token held_stopword_{};  // length 0: none held
  std::string_view held_stopword_raw_;
  text::TokenizerOptions held_options_;
};

}  // namespace corpus::search::detail
