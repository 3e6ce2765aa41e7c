// Clause evaluation for the searcher: binds a parsed Query's clauses to posting
// cursors, and answers per clause "next document that may match", "does it match
// here and with what score", and "upper bound of its score" (whole list and block).
//
// Scores: a term scores bm25.hpp's term_score(); a phrase scores the sum of its
// terms' scores where the phrase occurs, except an implicit phrase (a run of a
// no-space script, script_query.hpp), scored as one term of its own: its occurrences
// in the document (title ones title_weight times) and implicit_phrase_idf()
// (clause_slots.hpp), for a bigram the idf of its rarer character's df, an upper
// bound of the bigram's df that costs no extra posting scan (MLQA zh nDCG@10
// 0.8206 -> 0.8241 at 64 terms, where the exact bigram df, counted over the
// postings, gives 0.8224); a prefix scores its best-scoring expansion, and so do
// alternatives (one word stemmed in each language of a multilingual blob,
// query.hpp): a document matches if it holds any of them, scored by the best one.
// Alternatives are bound with the terms (one cursor each, at most kMaxQueryTerms in
// all, so they always fit in kMaxCursors); a missing alternative is skipped.
// Prefix expansion: the terms the folded prefix starts, directly or through a surface
// form (prefix_terms.hpp), plus the stemmed
// prefix itself (so "companies*" still finds the stem "compani"); when more than
// kMaxPrefixTerms terms match, the kMaxPrefixTerms with the highest df are used
// and SearchResults::flags gets kPrefixTruncated. Cursors: every term and phrase
// member has one (bound first), every prefix at least one; prefixes share the
// cursors left in query order, each up to kMaxPrefixTerms, fewer expansions also
// being flagged kPrefixTruncated. So bind() never runs out of cursors.
// Typos (with Corrections given to bind()): a term that is not in the index is bound
// to its typo candidates (typo_corrections.hpp), as many as the cursors the later
// clauses do not need; a term clause with several matches through any one of them,
// like a prefix, and scores the best (their idf scaled down by typo_idf()).
#pragma once

#include <cstdint>
#include <cstring>

#include "corpus/search/bm25.hpp"
#include "corpus/search/clause_slots.hpp"
#include "corpus/search/postings.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "corpus/search/query.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "corpus/search/typo_corrections.hpp"

namespace corpus::search {

#ifndef CORPUS_SEARCH_MAX_PREFIX_TERMS
#define CORPUS_SEARCH_MAX_PREFIX_TERMS 16
#endif
/// Expansions of one prefix clause.
constexpr uint32_t kMaxPrefixTerms = CORPUS_SEARCH_MAX_PREFIX_TERMS;

static_assert(kMaxCursors >= kMaxQueryTerms, "every query term needs a cursor of its own");
static_assert(kMaxPrefixTerms >= 1, "a prefix clause needs one expansion");

/// SearchResults::flags: a prefix clause used only some of its expansions.
constexpr uint32_t kPrefixTruncated = 1u << 0;
/// SearchResults::flags: the query was longer than the limits; its most selective
/// words were kept (query.hpp, Limits).
constexpr uint32_t kQueryTruncated = 1u << 1;

/// Clauses scored by their best-scoring cursor (a prefix's expansions, alternatives).
constexpr bool best_of(ClauseKind kind) { return kind == ClauseKind::prefix || kind == ClauseKind::alternatives; }

/// The cursor and clause state of one query (part of SearchWorkspace).
struct ClauseSet {
  CursorSlot slots[kMaxCursors];
  ClauseState clauses[kMaxClauses];
  PositionReader readers[kMaxQueryTerms];
  uint32_t slot_count = 0;
  uint32_t flags = 0;
  const Index* index = nullptr;
  const Query* query = nullptr;
  EditRows typo_rows;          // scratch of the typo walks (fuzzy_terms.hpp)
  TypoCandidates typo_cands;

  /// With `corrections`, words that match no term (of any part, for a collection's
  /// part) are searched as their typo candidates (typo_corrections.hpp) and recorded
  /// there; without, they miss.
  Status bind(const Index& idx, const Query& q, Corrections* corrections = nullptr, DfMemo* df_memo = nullptr) {
    index = &idx;
    df_memo_ = df_memo;
    query = &q;
    slot_count = 0;
    flags = 0;
    reserved_ = 0;
    corrections_ = corrections;
    if (corrections_) corrections_->count = 0;
    for (uint32_t c = 0; c < q.clause_count; ++c) {  // terms and phrases first: exact needs
      if (q.clauses[c].kind == ClauseKind::prefix) {
        ++reserved_;
        continue;
      }
      Status s = bind_clause(c);
      if (s != Status::ok) return s;
    }
    for (uint32_t c = 0; c < q.clause_count; ++c) {  // then prefixes share the rest
      if (q.clauses[c].kind != ClauseKind::prefix) continue;
      --reserved_;
      Status s = bind_clause(c);
      if (s != Status::ok) return s;
    }
    return Status::ok;
  }

  /// Whether clause c matches through any one of its cursors (prefix, typo candidates).
  bool alternatives(uint32_t c) const { return best_of(query->clauses[c].kind) || clauses[c].any_of; }

  /// Smallest doc >= target where clause c may match (kEndDoc if none).
  uint32_t next_candidate(uint32_t c, uint32_t target) {
    ClauseState& st = clauses[c];
    if (st.missing) return kEndDoc;
    if (st.known && st.cand >= target) return st.cand;
    const ClauseKind kind = query->clauses[c].kind;
    uint32_t d = kEndDoc;
    if (kind == ClauseKind::term && !st.any_of) {
      slots[st.first].cursor.skip_to(target);
      d = slots[st.first].cursor.doc();
    } else if (alternatives(c)) {
      for (uint32_t i = st.first; i < st.first + st.count; ++i) {
        slots[i].cursor.skip_to(target);
        if (slots[i].cursor.doc() < d) d = slots[i].cursor.doc();
      }
    } else {  // phrase: leapfrog until every member is on the same doc
      d = target;
      for (;;) {
        uint32_t high = d;
        bool same = true;
        for (uint32_t i = st.first; i < st.first + st.count; ++i) {
          slots[i].cursor.skip_to(d);
          uint32_t doc = slots[i].cursor.doc();
          if (doc != d) same = false;
          if (doc > high) high = doc;
        }
        if (same || high == kEndDoc) {
          d = same ? d : kEndDoc;
          break;
        }
        d = high;
      }
    }
    st.cand = d;
    st.known = true;
    return d;
  }

  /// Whether clause c matches doc d (next_candidate(c, d) must be d), and its score.
  bool match(uint32_t c, uint32_t d, uint32_t* score) {
    const Clause& cl = query->clauses[c];
    const ClauseState& st = clauses[c];
    const uint32_t norm = index->norm_k(d);
    *score = 0;
    if (alternatives(c)) {
      bool any = false;
      for (uint32_t i = st.first; i < st.first + st.count; ++i) {
        const PostingCursor& cur = slots[i].cursor;
        if (cur.doc() != d || (cl.title_only && cur.title_tf() == 0)) continue;
        uint32_t s = term_score(slots[i].idf, tf_norm(cur.ftf(), norm), cl.weight);
        if (!any || s > *score) *score = s;
        any = true;
      }
      return any;
    }
    for (uint32_t i = st.first; i < st.first + st.count; ++i) {
      const PostingCursor& cur = slots[i].cursor;
      if (cur.doc() != d || (cl.title_only && cur.title_tf() == 0)) return false;
      *score += term_score(slots[i].idf, tf_norm(cur.ftf(), norm), cl.weight);
    }
    if (cl.kind == ClauseKind::term) return true;
    const uint32_t own_idf = detail::implicit_phrase_idf(cl, st, slots);
    const uint32_t ftf = detail::phrase_ftf(*index, st, slots, readers, d, cl.title_only, own_idf == 0);
    if (own_idf != 0) *score = term_score(own_idf, tf_norm(ftf, norm), cl.weight);
    return ftf > 0;
  }

  /// Upper bound of clause c's score in the block holding doc d (0: cannot match).
  uint32_t block_bound(uint32_t c, uint32_t d) const {
    const Clause& cl = query->clauses[c];
    const ClauseState& st = clauses[c];
    if (st.missing) return 0;
    uint32_t total = 0, least = UINT32_MAX;  // least: the members' smallest tf bound
    for (uint32_t i = st.first; i < st.first + st.count; ++i) {
      int q = slots[i].cursor.block_bound(d);
      if (q < 0) {
        if (alternatives(c)) continue;
        return 0;
      }
      const uint32_t tfb = index->tf_bound(static_cast<uint8_t>(q));
      if (tfb < least) least = tfb;
      uint32_t s = term_score(slots[i].idf, tfb, cl.weight);
      if (alternatives(c)) {
        if (s > total) total = s;
      } else {
        total += s;
      }
    }
    const uint32_t own_idf = detail::implicit_phrase_idf(cl, st, slots);
    return own_idf != 0 ? term_score(own_idf, least, cl.weight) : total;
  }

 private:
  Status bind_clause(uint32_t c) {
    const Clause& cl = query->clauses[c];
    ClauseState& st = clauses[c];
    st = ClauseState();
    st.first = slot_count;
    if (cl.kind == ClauseKind::prefix) return bind_prefix(c);
    for (uint32_t t = cl.first_term; t < cl.first_term + cl.term_count; ++t) {
      TermEntry e;
      Status s = find_term(*index, query->terms[t].view(), &e);
      // In a collection, a word another part holds is no typo: one blob of the
      // union would find it as typed, and only there.
      if (s == Status::not_found && corrections_ && cl.occur != Occur::must_not &&
          !index->other_part_holds(query->terms[t].view(), df_memo_)) {
        s = bind_typos(c, t);
        if (s == Status::ok) continue;
      }
      if (s == Status::not_found) {
        st.missing = true;
        continue;
      }
      if (s != Status::ok) return s;
      s = add_slot(c, e, query->terms[t].offset);
      if (s != Status::ok) return s;
    }
    if (cl.kind == ClauseKind::alternatives) st.missing = st.count == 0;  // any one will do
    if (st.missing) st.ub = 0;
    return Status::ok;
  }

  Status bind_prefix(uint32_t c) {
    const Clause& cl = query->clauses[c];
    ClauseState& st = clauses[c];
    const QueryTerm& qt = query->terms[cl.first_term];
    PrefixTerms terms(*index, qt.view());  // the range, and terms through their forms
    TermEntry match;
    std::string_view form;
    bool done = false;
    Status s = terms.next(&match, &form, &done);
    for (; s == Status::ok && !done; s = terms.next(&match, &form, &done)) {
      s = offer(c, match);
      if (s != Status::ok) return s;
    }
    if (s != Status::ok) return s;
    text::TokenizerOptions tok = index->tokenizer();
    tok.language = qt.language;
    if (tok.stems()) {  // the stem of the prefix, if outside the range
      char stem[text::kMaxTermBytes];
      std::memcpy(stem, qt.text, qt.length);
      size_t n = text::stem_term(tok, qt.view(), stem, qt.length);
      TermEntry e;
      if (!starts_with(std::string_view(stem, n), qt.view()) &&
          find_term(*index, std::string_view(stem, n), &e) == Status::ok) {
        s = offer(c, e);
        if (s != Status::ok) return s;
      }
    }
    st.missing = st.count == 0;
    return Status::ok;
  }

  // Keeps the expansions with the highest df (first seen on ties), as many as
  // kMaxPrefixTerms and the cursors not reserved for the clauses after c allow.
  Status offer(uint32_t c, const TermEntry& e) {
    ClauseState& st = clauses[c];
    const uint32_t room = kMaxCursors - st.first - reserved_;
    if (st.count < kMaxPrefixTerms && st.count < room) return add_slot(c, e, 0);
    flags |= kPrefixTruncated;
    uint32_t low = st.first;
    for (uint32_t i = st.first; i < st.first + st.count; ++i) {
      if (slots[i].cursor.df() < slots[low].cursor.df()) low = i;
    }
    if (slots[low].cursor.df() >= e.df) return Status::ok;
    open_slot(slots[low], c, e, 0);
    recompute_ub(c);
    return Status::ok;
  }

  Status add_slot(uint32_t c, const TermEntry& e, uint32_t offset) {
    if (slot_count >= kMaxCursors) return Status::limit_exceeded;
    open_slot(slots[slot_count++], c, e, offset);
    ++clauses[c].count;
    recompute_ub(c);
    return Status::ok;
  }

  void open_slot(CursorSlot& slot, uint32_t c, const TermEntry& e, uint32_t offset) {
    (void)c;
    slot.cursor.open(*index, e);
    slot.idf = idf_weight(index->scoring_df(e.view(), e.df, df_memo_), index->scoring_doc_count());
    slot.offset = offset;
  }

  void recompute_ub(uint32_t c) {
    const Clause& cl = query->clauses[c];
    ClauseState& st = clauses[c];
    st.ub = 0;
    uint32_t least = UINT32_MAX;  // the members' smallest tf bound (an implicit phrase's)
    for (uint32_t i = st.first; i < st.first + st.count; ++i) {
      const uint32_t tfb = index->tf_bound(slots[i].cursor.max_tfn());
      if (tfb < least) least = tfb;
      uint32_t s = term_score(slots[i].idf, tfb, cl.weight);
      if (alternatives(c)) {
        if (s > st.ub) st.ub = s;
      } else {
        st.ub += s;
      }
    }
    const uint32_t own_idf = detail::implicit_phrase_idf(cl, st, slots);
    if (own_idf != 0) st.ub = term_score(own_idf, least, cl.weight);
  }

  // Term t of clause c matches no term: opens its typo candidates at the smallest
  // distance (several for a term clause, then any_of; one in a phrase) with
  // typo_idf() scores, and records the correction. not_found if there is none.
  Status bind_typos(uint32_t c, uint32_t t) {
    const Clause& cl = query->clauses[c];
    const std::string_view typed = query->typed(t);
    char folded[text::kMaxTermBytes];
    const size_t n = text::fold_word(typed, folded, sizeof folded);
    Status s = find_typo_candidates(*index, {folded, n}, typo_rows, &typo_cands);
    if (s != Status::ok) return s;
    if (typo_cands.count == 0) return Status::not_found;
    uint32_t later = 0;  // cursors the rest of this clause and the later term clauses need
    for (uint32_t d = c; d < query->clause_count; ++d) {
      if (query->clauses[d].kind != ClauseKind::prefix) later += query->clauses[d].term_count;
    }
    later -= t - cl.first_term + 1;
    if (slot_count + reserved_ + later >= kMaxCursors) return Status::not_found;
    const uint32_t spare = kMaxCursors - slot_count - reserved_ - later;
    uint32_t use = cl.kind == ClauseKind::term ? kMaxTypoTerms : 1;
    if (use > spare) use = spare;
    TermIterator it(*index);
    for (uint32_t i = 0; i < use && i < typo_cands.count; ++i) {
      const TypoCandidate& cand = typo_cands.items[i];
      if (cand.distance != typo_cands.items[0].distance) break;
      if ((s = it.seek_ordinal(cand.ordinal)) != Status::ok) return s;
      if (it.at_end()) return Status::malformed;
      if ((s = add_slot(c, it.entry(), query->terms[t].offset)) != Status::ok) return s;
      const uint32_t distance = typo_letter_distance({folded, n}, cand.distance);
      slots[slot_count - 1].idf = typo_idf(slots[slot_count - 1].idf, distance, i);
      if (i == 0) corrections_->add(query->terms[t].source_begin, query->terms[t].source_length, it.entry(), cand);
    }
    clauses[c].any_of = clauses[c].count > 1 && cl.kind == ClauseKind::term;
    recompute_ub(c);
    flags |= kTyposCorrected;
    return Status::ok;
  }

  uint32_t reserved_ = 0;  // cursors kept for the prefix clauses not yet bound (one each)
  Corrections* corrections_ = nullptr;
  DfMemo* df_memo_ = nullptr;  // a collection search's (df_memo.hpp), or none
};

}  // namespace corpus::search
