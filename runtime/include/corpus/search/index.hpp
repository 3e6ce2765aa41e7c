// search::Index: a bounds-checked view of a blob's SearchIndex (no copy, no heap).
//
// Contract:
//  * open() checks what every later access relies on in O(1): the sections are
//    present and the per-document tables agree in size. An index of a newer layout
//    (format_version > kIndexFormatVersion) or with tokenizer bits this reader does
//    not know is refused with Status::bad_version: its queries would be misread. Byte sections are decoded
//    with bounds-checked readers (bits.hpp), so a corrupt index yields
//    Status::malformed or empty results, never an out-of-bounds read.
//  * The Index refers into the blob's bytes, which must outlive it; it holds the Blob
//    itself by value (a copy), so copying an Index never leaves a dangling pointer.
//  * index_checksum() is what the compiler stores in SectionChecksums.index and
//    verify() recomputes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/blob.hpp"
#include "corpus/search/bm25.hpp"
#include "corpus/search/combined_stats.hpp"
#include "corpus/search/df_memo.hpp"
#include "corpus/search/index_checksum.hpp"
#include "corpus/search/index_format.hpp"
#include "corpus/text/tokenizer.hpp"

namespace corpus::search {

class Index;
namespace detail {
/// The FlatBuffers table behind an opened Index: for the runtime's internals, tools and
/// tests, not part of the API (callers never depend on the generated types).
inline const fb::SearchIndex& table(const Index& index);
}  // namespace detail

class Index {
 public:
  /// Binds to the index of an opened blob; not_found if the blob has none.
  static Status open(const Blob& blob, Index* out) {
    *out = Index();
    if (!blob.valid()) return Status::misuse;
    const fb::SearchIndex* index = corpus::detail::root(blob).index();
    if (index == nullptr) return Status::not_found;
    Status s = open(*index, out);
    if (s == Status::ok) out->blob_ = blob;
    return s;
  }

  /// Binds to a SearchIndex table directly (no blob: no dates, no snippets). For
  /// tools and tests that build an index in memory; devices open a Blob.
  static Status open(const fb::SearchIndex& index, Index* out) {
    *out = Index();
    if (!index.norm_k() || index.norm_k()->size() != kNormCodes || !index.doc_norms() ||
        !index.doc_title_tokens() || !index.term_blocks() || !index.terms() ||
        !index.postings() || !index.positions()) {
      return Status::malformed;
    }
    if (index.doc_norms()->size() != index.doc_title_tokens()->size()) return Status::malformed;
    if (index.title_weight() == 0 || index.title_weight() > kMaxScoredTf) return Status::malformed;
    // A newer index layout or tokenizer would be misread: refuse, never guess.
    if (index.format_version() < kIndexFormatV1 || index.format_version() > kIndexFormatVersion) {
      return Status::bad_version;
    }
    if (!term_block_count_fits(index)) return Status::malformed;
    if ((index.tokenizer() & ~text::TokenizerOptions::kKnownBits) != 0) return Status::bad_version;
    if (missing_language(index) != 0) return Status::stemmer_unavailable;
    if ((index.forms() == nullptr) != (index.form_blocks() == nullptr) ||
        (index.form_blocks() && !form_block_count_fits(index, index.form_blocks()->size())) ||
        (index.forms() == nullptr && index.form_count() != 0)) {
      return Status::malformed;
    }
    if (!language_tables_agree(index) || !retired_tables_agree(index)) return Status::malformed;
    out->root_ = &index;
    return Status::ok;
  }

  /// Whether `blocks` form blocks can hold form_count forms: exactly blocks of
  /// kTermsPerBlock (index format 2..3), 1..kMaxFormsPerBlock forms each (format 4).
  static bool form_block_count_fits(const fb::SearchIndex& index, uint32_t blocks) {
    const uint32_t forms = index.form_count();
    if (index.format_version() < kIndexFormatV4) return blocks == (forms + kTermsPerBlock - 1) / kTermsPerBlock;
    return blocks <= forms && blocks >= (forms + kMaxFormsPerBlock - 1) / kMaxFormsPerBlock;
  }

  /// The first language the index was stemmed in that this runtime cannot stem (an
  /// unknown id, or a stemmer not compiled in: text/language_stem.hpp), or 0. open()
  /// refuses such an index with Status::stemmer_unavailable; callers name it with
  /// text::language_code() ("blob needs stemmer 'de'; this runtime was built without it").
  static uint8_t missing_language(const fb::SearchIndex& index) {
    if (index.languages() == nullptr) return 0;
    for (uint8_t id : *index.languages()) {
      if (!text::language_supported(id)) return id;
    }
    return 0;
  }
  static uint8_t missing_language(const Blob& blob) {
    const fb::SearchIndex* index = blob.valid() ? corpus::detail::root(blob).index() : nullptr;
    return index ? missing_language(*index) : 0;
  }

  /// language_stats, language_norm_k, language_df_terms and language_df (format
  /// 1.4) all absent, or kNormCodes entries of language_norm_k and one df per term
  /// listed in language_df for each language_stats entry.
  static bool language_tables_agree(const fb::SearchIndex& index) {
    const auto* stats = index.language_stats();
    if ((stats == nullptr) != (index.language_norm_k() == nullptr) ||
        (stats == nullptr) != (index.language_df_terms() == nullptr) ||
        (stats == nullptr) != (index.language_df() == nullptr)) {
      return false;
    }
    return stats == nullptr ||
           (index.language_norm_k()->size() == uint64_t{stats->size()} * kNormCodes &&
            index.language_df()->size() == uint64_t{stats->size()} * index.language_df_terms()->size());
  }

  /// retired_docs, retired_terms and retired_postings (format 1.5) all absent, or all
  /// present with one count per listed term.
  static bool retired_tables_agree(const fb::SearchIndex& index) {
    const auto* docs = index.retired_docs();
    if ((docs == nullptr) != (index.retired_terms() == nullptr) ||
        (docs == nullptr) != (index.retired_postings() == nullptr)) {
      return false;
    }
    return docs == nullptr || index.retired_terms()->size() == index.retired_postings()->size();
  }

  /// One block per kTermsPerBlock terms; format 4 (content-defined blocks of at
  /// least one term): at least one block when there are terms, at most one per term.
  static bool term_block_count_fits(const fb::SearchIndex& index) {
    const uint32_t blocks = index.term_blocks()->size(), terms = index.term_count();
    if (!content_term_blocks(index.format_version())) {
      return blocks == (uint64_t{terms} + kTermsPerBlock - 1) / kTermsPerBlock;
    }
    return terms == 0 ? blocks == 0 : blocks >= 1 && blocks <= terms;
  }

  bool valid() const { return root_ != nullptr; }
  /// The blob this index came from, or nullptr (opened from a bare table).
  const Blob* blob() const { return blob_.valid() ? &blob_ : nullptr; }

  text::TokenizerOptions tokenizer() const {
    return text::TokenizerOptions::from_bits(root_->tokenizer());
  }
  /// Languages the index was stemmed in (languages.h ids, most articles first, ties by
  /// id); none for indexes
  /// stemmed in English only (tokenizer().stem_english) or not stemmed.
  uint32_t language_count() const { return root_->languages() ? root_->languages()->size() : 0; }
  uint8_t language(uint32_t i) const { return i < language_count() ? root_->languages()->Get(i) : 0; }
  const uint8_t* languages() const { return language_count() ? root_->languages()->data() : nullptr; }
  /// The language of document `doc` (its article's; 0 without a blob or unknown).
  uint8_t doc_language(uint32_t doc) const { return blob_.valid() ? blob_.language(doc) : 0; }
  uint32_t doc_count() const { return root_->doc_count(); }
  uint32_t term_count() const { return root_->term_count(); }
  uint32_t title_weight() const { return root_->title_weight(); }
  /// Documents with per-document data (== articles of the blob, or fewer).
  uint32_t doc_slots() const { return root_->doc_norms()->size(); }

  /// K(d) * 256 of document `doc` (bm25.hpp); a large K for unknown documents.
  /// Attached to CombinedStats, from their table.
  uint32_t norm_k(uint32_t doc) const {
    if (doc >= doc_slots()) return kMaxNormK;
    const uint8_t code = root_->doc_norms()->Get(doc);
    return combined_ ? combined_->stats->norm_k[code] : root_->norm_k()->Get(code);
  }
  /// The index's own K * 256 of norm code `code` (whatever it is attached to).
  uint32_t own_norm_k(uint8_t code) const { return root_->norm_k()->Get(code); }
  uint8_t norm_code(uint32_t doc) const { return doc < doc_slots() ? root_->doc_norms()->Get(doc) : 0; }
  uint64_t total_tokens() const { return root_->total_tokens(); }
  uint32_t k1_milli() const { return root_->k1_milli(); }
  uint32_t b_milli() const { return root_->b_milli(); }

  /// The BM25 statistics of the documents in `language` (format 1.4, written for
  /// indexes of several languages), or nullptr; *entry is its position (norm table).
  const fb::LanguageStats* language_stats(uint8_t language, uint32_t* entry) const {
    const auto* stats = root_->language_stats();
    for (uint32_t i = 0; stats != nullptr && language != 0 && i < stats->size(); ++i) {
      if (stats->Get(i)->language() != language) continue;
      *entry = i;
      return stats->Get(i);
    }
    return nullptr;
  }
  /// K * 256 of norm code `code` under the average length of language entry `entry`.
  uint32_t language_norm_k(uint32_t entry, uint8_t code) const {
    return root_->language_norm_k()->Get(entry * kNormCodes + code);
  }
  /// The df of term `ordinal` among the documents of language entry `entry`, if the
  /// index lists the term (its documents have several languages); false if not.
  bool listed_language_df(uint32_t ordinal, uint32_t entry, uint32_t* df) const {
    uint32_t at = 0;
    if (!find_sorted(root_->language_df_terms(), ordinal, &at)) return false;
    *df = root_->language_df()->Get(at * root_->language_stats()->size() + entry);
    return true;
  }
  /// Whether the index keeps postings of retired documents (format 1.5).
  bool has_retired() const { return root_->retired_docs() != nullptr; }
  uint32_t retired_count() const { return has_retired() ? root_->retired_docs()->size() : 0; }
  uint32_t retired_doc(uint32_t i) const { return root_->retired_docs()->Get(i); }
  /// The terms with postings of retired documents: entry i is term retired_term(i)
  /// (ascending ordinals) with retired_postings_at(i) of them; the first entry whose
  /// ordinal is >= `ordinal` is retired_term_at_least(ordinal).
  uint32_t retired_term_count() const { return has_retired() ? root_->retired_terms()->size() : 0; }
  uint32_t retired_term(uint32_t i) const { return root_->retired_terms()->Get(i); }
  uint32_t retired_postings_at(uint32_t i) const { return root_->retired_postings()->Get(i); }
  uint32_t retired_term_at_least(uint32_t ordinal) const {
    uint32_t at = 0;
    find_sorted(root_->retired_terms(), ordinal, &at);
    return at;
  }
  bool retired(uint32_t doc) const {
    uint32_t at = 0;
    return find_sorted(root_->retired_docs(), doc, &at);
  }
  /// True when scoring with CombinedStats (a collection's, or a language's).
  bool attached() const { return combined_ != nullptr; }

  /// Scores with the combined statistics of a collection (combined_stats.hpp), as
  /// the part `part` describes; `part` must outlive this Index. nullptr detaches.
  void attach(const CombinedPart* part) { combined_ = part; }
  /// BM25's N and a term's df for scoring: the combined ones when attached (looked up
  /// once per `memo`, df_memo.hpp, when one is given).
  uint32_t scoring_doc_count() const { return combined_ ? combined_->stats->doc_count : doc_count(); }
  uint32_t scoring_df(std::string_view term, uint32_t own_df, DfMemo* memo = nullptr) const {
    if (!combined_) return own_df;
    uint32_t df = 0;
    if (memo && memo->find(term, &df)) return df;
    df = combined_->stats->df(combined_->stats->owner, term);
    if (memo) memo->put(term, df);
    return df;
  }
  /// True if another part of this index's collection holds `term` in a live document
  /// (for a term this part lacks). With a memo: its combined df is not 0, remembered
  /// for the parts that hold it.
  bool other_part_holds(std::string_view term, DfMemo* memo = nullptr) const {
    if (!combined_ || !combined_->stats->holds) return false;
    if (memo) return scoring_df(term, 0, memo) > 0;
    return combined_->stats->holds(combined_->stats->owner, term);
  }
  /// An upper bound of tf_norm from a stored bound byte, valid under the scoring table.
  uint32_t tf_bound(uint8_t q) const {
    return combined_ ? scale_tf_bound(tf_norm_bound(q), combined_->bound_scale) : tf_norm_bound(q);
  }
  /// False if `doc` is retired (not indexed: norm code 0, though postings hold it) or
  /// a newer part of the collection replaces or removes it.
  bool live(uint32_t doc) const {
    if (root_->retired_docs() != nullptr && norm_code(doc) == 0) return false;
    return combined_ == nullptr || !combined_->stats->hidden(combined_->stats->owner, combined_->part, doc);
  }
  /// Title positions of `doc` are [0, title_tokens(doc)).
  uint32_t title_tokens(uint32_t doc) const {
    return doc < doc_slots() ? root_->doc_title_tokens()->Get(doc) : 0;
  }

  const uint8_t* terms() const { return root_->terms()->data(); }
  uint32_t terms_size() const { return root_->terms()->size(); }
  uint32_t term_block_count() const { return root_->term_blocks()->size(); }
  uint32_t term_block(uint32_t i) const { return root_->term_blocks()->Get(i); }
  const uint8_t* postings() const { return root_->postings()->data(); }
  uint32_t postings_size() const { return root_->postings()->size(); }
  const uint8_t* positions() const { return root_->positions()->data(); }
  uint32_t positions_size() const { return root_->positions()->size(); }
  /// Surface forms (index_format.hpp); form_count() == 0 for indexes without them.
  uint32_t format_version() const { return root_->format_version(); }
  uint32_t form_count() const { return root_->forms() ? root_->form_count() : 0; }
  const uint8_t* forms() const { return root_->forms() ? root_->forms()->data() : nullptr; }
  uint32_t forms_size() const { return root_->forms() ? root_->forms()->size() : 0; }
  uint32_t form_block_count() const { return root_->form_blocks() ? root_->form_blocks()->size() : 0; }
  uint32_t form_block(uint32_t i) const { return root_->form_blocks()->Get(i); }

 private:
  friend const fb::SearchIndex& detail::table(const Index& index);
  const fb::SearchIndex* root_ = nullptr;
  Blob blob_;
  const CombinedPart* combined_ = nullptr;

  // Binary search of an ascending vector (absent: not found); *at is the match.
  static bool find_sorted(const flatbuffers::Vector<uint32_t>* v, uint32_t value, uint32_t* at) {
    *at = 0;
    if (v == nullptr) return false;
    uint32_t lo = 0, hi = v->size();
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      if (v->Get(mid) < value) lo = mid + 1; else hi = mid;
    }
    *at = lo;
    return lo < v->size() && v->Get(lo) == value;
  }
};

namespace detail {
inline const fb::SearchIndex& table(const Index& index) { return *index.root_; }
}  // namespace detail

}  // namespace corpus::search
