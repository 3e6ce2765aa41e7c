// Collection: a base blob and its volumes (`corpusc build --extends`) looked up, read
// and searched as one corpus, with no heap.
//
// Contract:
//  * The caller owns an array of opened blobs: the base first, then its volumes in
//    chain order (volume i extends blob i - 1). open() refuses, with the index of the
//    offending blob, a volume whose recorded predecessor, base or dictionary
//    fingerprint do not match (Status::volume_mismatch), or whose tokenizer, BM25
//    parameters or index presence differ from the base's (Status::volume_incompatible).
//  * Newest wins: an id is looked up from the last volume back; the first volume that
//    holds it (as an article) answers, one that removes it (a tombstone) hides it.
//  * The array and the blobs' bytes must outlive the Collection. A Collection refers to
//    itself (its indexes point at its combined statistics): it is opened in place and
//    not copied.
//  * RAM: sizeof(Collection) (about 1.2 KB + 56 B per part, see the test); nothing else.
#pragma once

#include <cstdint>
#include <string_view>

#include "corpus/blob.hpp"
#include "corpus/checksum.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/postings.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "corpus/volume.hpp"

namespace corpus {

#ifndef CORPUS_MAX_VOLUMES
#define CORPUS_MAX_VOLUMES 15
#endif
/// Blobs in one collection: the base and up to CORPUS_MAX_VOLUMES volumes.
constexpr uint32_t kMaxCollectionParts = CORPUS_MAX_VOLUMES + 1;

/// An article of a collection: which blob (part) and its index there.
struct ArticleRef {
  uint32_t part = kNone;
  uint32_t index = kNone;
};

class Collection {
 public:
  Collection() = default;
  Collection(const Collection&) = delete;
  Collection& operator=(const Collection&) = delete;

  /// Checks the chain and combines the statistics. On failure the collection is left
  /// unusable and *failed_part (if given) names the blob refused.
  Status open(const Blob* blobs, uint32_t count, uint32_t* failed_part = nullptr) {
    reset();
    uint32_t bad = 0;
    Status s = check_chain(blobs, count, &bad);
    if (s == Status::ok) s = open_indexes(blobs, count, &bad);
    if (failed_part) *failed_part = s == Status::ok ? kNone : bad;
    if (s != Status::ok) {
      reset();
      return s;
    }
    blobs_ = blobs;
    count_ = count;
    combine_stats();
    return Status::ok;
  }

  bool valid() const { return blobs_ != nullptr; }
  uint32_t part_count() const { return count_; }
  const Blob& part(uint32_t i) const { return blobs_[i]; }
  /// The search index of part i, or nullptr when the collection has none.
  const search::Index* index(uint32_t i) const { return has_index_ && i < count_ ? &indexes_[i] : nullptr; }
  bool has_index() const { return valid() && has_index_; }
  /// Largest frame of every part: a Reader workspace of workspace_bytes(this) serves all.
  uint32_t max_frame_raw() const {
    uint32_t m = 0;
    for (uint32_t i = 0; i < count_; ++i) m = blobs_[i].max_frame_raw() > m ? blobs_[i].max_frame_raw() : m;
    return m;
  }
  const search::CombinedStats& stats() const { return stats_; }

  /// Newest article with this id: ok, or not_found (absent, or removed by a volume).
  Status find(std::string_view id, ArticleRef* out) const {
    if (!valid() || out == nullptr) return Status::misuse;
    *out = ArticleRef();
    return find_before(count_, id, out);
  }

  /// True if part `part`'s article `article` is replaced or removed by a newer part.
  bool hidden(uint32_t part, uint32_t article) const {
    if (!valid() || part >= count_) return true;
    const std::string_view id = volume::article_id(blobs_[part], article);
    for (uint32_t j = part + 1; j < count_; ++j) {
      uint32_t at;
      if (blobs_[j].find(id, &at) == Status::ok || volume::removes(blobs_[j], id)) return true;
    }
    return false;
  }

  /// Articles visible through the collection (every part's, less the hidden ones).
  uint32_t live_article_count() const {
    uint32_t n = 0;
    for (uint32_t p = 0; p < count_; ++p) {
      for (uint32_t a = 0; a < blobs_[p].article_count(); ++a) n += hidden(p, a) ? 0 : 1;
    }
    return n;
  }

  /// Binds `reader` to part `part` with the base's dictionary (volumes store none).
  Status init_reader(uint32_t part, Reader* reader, void* workspace, size_t workspace_size) const {
    if (!valid() || reader == nullptr || part >= count_) return Status::misuse;
    return reader->init(blobs_[part], workspace, workspace_size, &blobs_[0]);
  }

 private:
  void reset() {
    blobs_ = nullptr;
    count_ = 0;
    has_index_ = false;
    hidden_docs_ = 0;
    stats_ = search::CombinedStats();
    for (auto& ix : indexes_) ix = search::Index();
  }

  // Newest article with `id` among parts [0, end).
  Status find_before(uint32_t end, std::string_view id, ArticleRef* out) const {
    for (uint32_t p = end; p-- > 0;) {
      uint32_t at;
      if (blobs_[p].find(id, &at) == Status::ok) {
        out->part = p;
        out->index = at;
        return Status::ok;
      }
      if (volume::removes(blobs_[p], id)) return Status::not_found;
    }
    return Status::not_found;
  }

  static Status check_chain(const Blob* blobs, uint32_t count, uint32_t* bad) {
    if (blobs == nullptr || count == 0) return Status::misuse;
    if (count > kMaxCollectionParts) {
      *bad = kMaxCollectionParts;
      return Status::limit_exceeded;
    }
    for (uint32_t i = 0; i < count; ++i) {
      *bad = i;
      if (!blobs[i].valid()) return Status::misuse;
      const fb::VolumeInfo* v = volume::info(blobs[i]);
      if (i == 0 && v != nullptr) return Status::volume_mismatch;  // a volume cannot be the base
      if (i == 0) continue;
      if (v == nullptr || v->depth() != i || v->extends_seal() != blobs[i - 1].seal() ||
          v->base_seal() != blobs[0].seal()) {
        return Status::volume_mismatch;
      }
    }
    if (count > 1) {
      const auto& dict = *detail::root(blobs[0]).dictionary();
      const uint64_t fp = xxh64(dict.data(), dict.size());
      for (uint32_t i = 1; i < count; ++i) {
        *bad = i;
        if (volume::info(blobs[i])->dictionary_fingerprint() != fp) return Status::volume_mismatch;
      }
    }
    return Status::ok;
  }

  Status open_indexes(const Blob* blobs, uint32_t count, uint32_t* bad) {
    for (uint32_t i = 0; i < count; ++i) {
      *bad = i;
      Status s = search::Index::open(blobs[i], &indexes_[i]);
      const bool has = s == Status::ok;
      if (s != Status::ok && s != Status::not_found) return s;
      if (i == 0) has_index_ = has;
      if (has != has_index_) return Status::volume_incompatible;
      if (!has || i == 0) continue;
      const search::Index &a = indexes_[0], &b = indexes_[i];
      if (a.tokenizer().to_bits() != b.tokenizer().to_bits() || a.title_weight() != b.title_weight() ||
          a.k1_milli() != b.k1_milli() || a.b_milli() != b.b_milli() || search::query_features(a.format_version()) != search::query_features(b.format_version())) {
        return Status::volume_incompatible;
      }
    }
    return Status::ok;
  }

  // Calls f(part, doc) for every indexed document a newer part hides: for each id a
  // volume holds or removes, the version the parts before it answered with. Each
  // hidden document is visited once. O(ids of the volumes x parts x log).
  template <typename F>
  void for_each_hidden(F&& f) const {
    for (uint32_t j = 1; j < count_; ++j) {
      const Blob& v = blobs_[j];
      const uint32_t n = v.article_count(), t = volume::tombstone_count(v);
      for (uint32_t k = 0; k < n + t; ++k) {
        ArticleRef prev;
        const std::string_view id = k < n ? volume::article_id(v, k) : volume::tombstone(v, k - n);
        if (find_before(j, id, &prev) != Status::ok) continue;
        if (indexes_[prev.part].norm_code(prev.index) == 0) continue;  // a duplicate or empty text: never indexed
        f(prev.part, prev.index);
      }
    }
  }

  // Hidden documents of part p that hold term e (a posting cursor skipped to each).
  uint32_t hidden_with_term(uint32_t p, const search::TermEntry& e) const {
    uint32_t n = 0;
    for_each_hidden([&](uint32_t part, uint32_t doc) {
      if (part != p) return;
      search::PostingCursor cur;
      cur.open(indexes_[p], e);
      cur.skip_to(doc);
      n += cur.doc() == doc ? 1 : 0;
    });
    return n;
  }

  // N, the average length and the K table of the union, less the hidden documents
  // (their lengths as their norm codes give them). Document frequencies are summed
  // per query term (combined_df), less the hidden documents that hold the term.
  void combine_stats() {
    stats_.owner = this;
    stats_.df = &Collection::combined_df;
    stats_.holds = &Collection::holds_term;
    stats_.hidden = &Collection::hidden_doc;
    if (!has_index_) return;
    uint64_t docs = 0, tokens = 0;
    for (uint32_t i = 0; i < count_; ++i) {
      docs += indexes_[i].doc_count();
      tokens += indexes_[i].total_tokens();
    }
    hidden_docs_ = 0;
    for_each_hidden([&](uint32_t part, uint32_t doc) {
      ++hidden_docs_;
      if (docs > 0) --docs;
      const uint64_t len = search::norm_to_length(indexes_[part].norm_code(doc));
      tokens = tokens > len ? tokens - len : 0;
    });
    stats_.doc_count = static_cast<uint32_t>(docs);
    const search::Index& base = indexes_[0];
    for (uint32_t c = 0; c < search::kNormCodes; ++c) {
      stats_.norm_k[c] = search::combined_norm_k(search::norm_to_length(static_cast<uint8_t>(c)), tokens, docs,
                                                 base.k1_milli(), base.b_milli());
    }
    if (count_ == 1) return;  // a lone base scores with its own statistics, as without a collection
    uint32_t own[search::kNormCodes];
    for (uint32_t i = 0; i < count_; ++i) {
      for (uint32_t c = 0; c < search::kNormCodes; ++c) own[c] = indexes_[i].own_norm_k(static_cast<uint8_t>(c));
      parts_[i].stats = &stats_;
      parts_[i].part = i;
      parts_[i].bound_scale = search::bound_scale_q16(own, stats_.norm_k);
      indexes_[i].attach(&parts_[i]);
    }
  }

  static uint32_t combined_df(const void* owner, std::string_view term) {
    const Collection& c = *static_cast<const Collection*>(owner);
    uint32_t df = 0;
    for (uint32_t i = 0; i < c.count_; ++i) {
      search::TermEntry e;
      if (search::find_term(c.indexes_[i], term, &e) != Status::ok) continue;
      df += e.df;
      if (c.hidden_docs_ > 0 && i + 1 < c.count_) {
        const uint32_t gone = c.hidden_with_term(i, e);
        df = df > gone ? df - gone : 0;
      }
    }
    return df;
  }
  static bool holds_term(const void* owner, std::string_view term) {
    const Collection& c = *static_cast<const Collection*>(owner);
    for (uint32_t i = 0; i < c.count_; ++i) {
      search::TermEntry e;
      if (search::find_term(c.indexes_[i], term, &e) != Status::ok) continue;
      if (c.hidden_docs_ == 0 || i + 1 == c.count_ || e.df > c.hidden_with_term(i, e)) return true;
    }
    return false;
  }
  // For search: only indexed documents are candidates, and when newer parts hide none
  // of them (volumes that only add) no candidate needs the id lookups of hidden().
  static bool hidden_doc(const void* owner, uint32_t part, uint32_t doc) {
    const Collection& c = *static_cast<const Collection*>(owner);
    return c.hidden_docs_ > 0 && c.hidden(part, doc);
  }

  const Blob* blobs_ = nullptr;
  uint32_t count_ = 0;
  bool has_index_ = false;
  uint32_t hidden_docs_ = 0;  // indexed documents newer parts hide (0: df needs no correction)
  search::CombinedStats stats_;
  search::Index indexes_[kMaxCollectionParts];
  search::CombinedPart parts_[kMaxCollectionParts];
};

}  // namespace corpus
