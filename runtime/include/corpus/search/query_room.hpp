// QueryRoom: the room in a Query that QueryBuilder (query_builder.hpp) fills. It
// appends terms and clauses within kMaxQueryTerms and kMaxClauses, and when they are
// full it makes room by leaving out the least selective optional words (plain
// optional words and implicit clauses; every other clause is an operator and stays).
// Selectivity is a term's document frequency (TermStats), looked up at most once per
// clause and only when room runs short. Every left-out word sets Query::truncated and
// counts in Query::omitted_words. No allocation; the Query outlives the QueryRoom.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "corpus/search/query_types.hpp"
#include "corpus/search/script_query.hpp"
#include "corpus/status.hpp"

namespace corpus::search::detail {

class QueryRoom {
 public:
  static constexpr uint32_t kNoClause = UINT32_MAX;
  static constexpr uint32_t kUnknownKey = 0;  // a clause's selectivity key not looked up yet

  QueryRoom(Query* q, TermStats stats) : q_(q), stats_(stats) {}

  // Only plain optional words give way; every other item is an operator.
  static bool may_leave_out(ClauseKind kind, Occur occur, bool title) {
    return kind == ClauseKind::term && occur == Occur::should && !title;
  }

  bool has_room() const { return q_->term_count < kMaxQueryTerms && q_->clause_count < kMaxClauses; }

  // Lower is more selective: the document frequency; a term absent from the index
  // (it matches nothing) ranks last. Without TermStats every term ties.
  uint32_t selectivity_key(std::string_view term) const {
    if (stats_.df == nullptr) return 1;
    const uint32_t df = stats_.df(stats_.ctx, term);
    return df == 0 ? UINT32_MAX : df;
  }

  // The optional word to leave out first (kNoClause if none): highest key, the
  // latest on ties.
  uint32_t least_selective_word() {
    uint32_t worst = kNoClause;
    for (uint32_t c = 0; c < q_->clause_count; ++c) {
      const Clause& cl = q_->clauses[c];
      if (!cl.implicit && !may_leave_out(cl.kind, cl.occur, cl.title_only)) continue;
      if (selectivity_[c] == kUnknownKey) selectivity_[c] = selectivity_key(q_->terms[cl.first_term].view());
      if (worst == kNoClause || selectivity_[c] >= selectivity_[worst]) worst = c;
    }
    return worst;
  }

  // The selectivity key of clause c: valid for the clause least_selective_word() returned.
  uint32_t key_of(uint32_t c) const { return selectivity_[c]; }

  // No room for the optional word `term`: it replaces the least selective optional
  // words when it is more selective (a tie keeps the earlier), else it is left out.
  // One removal makes room unless that word's term is shared
  // (QueryBuilder::add_implicit).
  Status offer_word(std::string_view term, std::string_view typed, uint32_t offset) {
    q_->truncated = true;
    uint32_t key = kUnknownKey;
    while (!has_room()) {
      const uint32_t worst = least_selective_word();
      if (worst != kNoClause && key == kUnknownKey) key = selectivity_key(term);
      if (worst == kNoClause || key >= selectivity_[worst]) {
        ++q_->omitted_words;
        return Status::ok;
      }
      remove_clause(worst);
    }
    append_term(term, offset, typed);
    append_clause(ClauseKind::term, Occur::should, false, q_->term_count - 1, 1, key);
    return Status::ok;
  }

  // Leaves out the least selective optional words until a term and a clause fit,
  // to make room for an operator (one, unless its term is shared).
  bool evict_word() {
    while (!has_room()) {
      const uint32_t worst = least_selective_word();
      if (worst == kNoClause) return false;
      remove_clause(worst);
      q_->truncated = true;
    }
    return true;
  }

  // Needs room for the term (has_room(), or the caller's own check).
  void append_term(std::string_view term, uint32_t offset, std::string_view typed = {}) {
    QueryTerm& qt = q_->terms[q_->term_count++];
    std::memcpy(qt.text, term.data(), term.size());
    qt.length = static_cast<uint8_t>(term.size());
    qt.language = 0;
    qt.offset = offset;
    set_typed(*q_, &qt, typed);
  }

  // Needs room for the clause. `key`: its selectivity key when the caller has it.
  void append_clause(ClauseKind kind, Occur occur, bool title, uint32_t first, uint32_t n,
                     uint32_t key = kUnknownKey) {
    selectivity_[q_->clause_count] = key;
    Clause& c = q_->clauses[q_->clause_count++];
    c = Clause();
    c.kind = kind;
    c.occur = occur;
    c.title_only = title;
    c.first_term = static_cast<uint8_t>(first);
    c.term_count = static_cast<uint8_t>(n);
  }

  // Removes a clause and the terms no other clause uses (the open terms stay: they
  // wait for their clause); later clauses and terms move down.
  void remove_clause(uint32_t c) {
    q_->omitted_words += q_->clauses[c].weight;
    for (uint32_t j = c + 1; j < q_->clause_count; ++j) {
      q_->clauses[j - 1] = q_->clauses[j];
      selectivity_[j - 1] = selectivity_[j];
    }
    --q_->clause_count;
    uint8_t moved_to[kMaxQueryTerms];
    uint32_t kept = 0;
    for (uint32_t t = 0; t < q_->term_count; ++t) {
      moved_to[t] = static_cast<uint8_t>(kept);
      if (t + open_terms_ >= q_->term_count || term_used(*q_, t)) q_->terms[kept++] = q_->terms[t];
    }
    q_->term_count = kept;
    for (uint32_t j = 0; j < q_->clause_count; ++j) q_->clauses[j].first_term = moved_to[q_->clauses[j].first_term];
  }

  // The last n terms were appended for a clause not appended yet (0: none).
  void hold_open_terms(uint32_t n) { open_terms_ = n; }

 private:
  Query* q_;
  TermStats stats_;
  uint32_t selectivity_[kMaxClauses];  // selectivity_key() of clause i, once looked up
  uint32_t open_terms_ = 0;            // see hold_open_terms()
};

}  // namespace corpus::search::detail
