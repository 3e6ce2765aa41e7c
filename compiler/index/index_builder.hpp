// IndexBuilder: the search index stage of corpusc. Collects the canonical articles'
// tokens (title and body as fields, boilerplate byte ranges excluded) and writes a
// SearchIndex table (layout: corpus/search/index_format.hpp; scoring: bm25.hpp).
//
// Contract:
//  * add() documents in increasing `article` order; `article` is the doc id the
//    runtime reports (the article's index in the blob).
//  * When the body opens with the title line itself (plain-text inputs), that line
//    is indexed once, as the title, so BM25F does not count the title twice.
//  * Under TokenizerOptions::stem_by_language each document is tokenized in its own
//    language, and write() records the distinct languages (SearchIndex.languages).
//  * Documents of several languages: write() adds each language's BM25 statistics
//    (SearchIndex.language_stats, language_norm_k, language_df) for filtered queries.
//  * Retired documents (IndexDocument::retired) add postings and nothing else; a term
//    that only they hold is left out of the dictionary.
//  * write() is deterministic: the same documents and settings give the same bytes.
//  * Memory: all postings and positions are held until write() (host side).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/format.hpp"
#include "corpus/text/tokenizer.hpp"
#include "index/bm25_tables.hpp"

namespace corpusc {

struct IndexDocument {
  uint32_t article = 0;  // doc id = article index in the blob (id order), increasing
  std::string_view stable_id;  // the article's id, where postings blocks end (empty: `article`)
  std::string_view title;
  std::string_view body;
  uint8_t language = 0;  // languages.h id: the text is stemmed in it under kStemByLanguage
  std::vector<std::pair<uint32_t, uint32_t>> excluded;  // body byte ranges [begin, end) not indexed
  /// Postings only (SearchIndex.retired_docs): an edition keeps the postings of an
  /// article its base indexed that is no longer indexed, so the lists keep their bytes;
  /// it counts in no statistic, no bound and no surface form, and is never found.
  bool retired = false;
};


/// Sizes of the written sections, for reports and benchmarks.
struct IndexStats {
  uint32_t docs = 0, terms = 0;
  uint32_t retired_docs = 0;             // IndexDocument::retired documents
  uint64_t postings = 0, positions = 0;  // (term, doc) pairs; token positions
  uint64_t dictionary_bytes = 0, postings_bytes = 0, positions_bytes = 0, doc_table_bytes = 0;
  uint32_t forms = 0;        // surface forms stored for prefixes (index_format.hpp)
  uint64_t forms_bytes = 0;
};

class IndexBuilder {
 public:
  explicit IndexBuilder(corpus::text::TokenizerOptions options, Bm25Settings bm25 = {});
  ~IndexBuilder();
  IndexBuilder(const IndexBuilder&) = delete;
  IndexBuilder& operator=(const IndexBuilder&) = delete;

  void add(const IndexDocument& doc);
  flatbuffers::Offset<corpus::fb::SearchIndex> write(flatbuffers::FlatBufferBuilder& fbb);
  /// Valid after write().
  const IndexStats& stats() const { return stats_; }

 private:
  struct LanguageSections {
    flatbuffers::Offset<flatbuffers::Vector<const corpus::fb::LanguageStats*>> stats;
    flatbuffers::Offset<flatbuffers::Vector<uint32_t>> norm_k, df_terms, df;
  };
  LanguageSections write_language_stats(flatbuffers::FlatBufferBuilder& fbb, const std::vector<uint32_t>& order) const;
  struct EncodedTerms;
  EncodedTerms encode_terms(const std::vector<uint32_t>& order, const std::vector<uint8_t>& doc_norms,
                            const std::vector<uint32_t>& bound_norm_k);
  struct RetiredSections {
    flatbuffers::Offset<flatbuffers::Vector<uint32_t>> docs, terms, postings;
  };
  RetiredSections write_retired(flatbuffers::FlatBufferBuilder& fbb, const std::vector<uint32_t>& order) const;

  struct State;
  std::unique_ptr<State> state_;
  IndexStats stats_;
};

}  // namespace corpusc
