// Test support: a copy of a SearchIndex table with some sections replaced or left out,
// for tests that hand the runtime an index the compiler would never write (a section
// of the wrong size, a corrupt block, unknown tokenizer bits) without the blob around it.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <flatbuffers/flatbuffers.h>

#include "corpus/format.hpp"

namespace corpus_test {

/// One vector section of the copy: the source's (keep), none (drop), or `values`.
template <typename T>
struct IndexSection {
  enum class Kind { keep, drop, set };
  Kind kind = Kind::keep;
  std::vector<T> values;

  static IndexSection dropped() { return {Kind::drop, {}}; }
  static IndexSection of(std::vector<T> v) { return {Kind::set, std::move(v)}; }
};

/// What a copy changes; everything else is the source's.
struct SearchIndexEdits {
  std::optional<uint32_t> tokenizer;
  std::optional<uint32_t> form_count;
  IndexSection<uint8_t> terms, forms, languages;
  IndexSection<uint32_t> term_blocks, form_blocks, language_norm_k, language_df_terms;
};

namespace detail {

template <typename T>
flatbuffers::Offset<flatbuffers::Vector<T>> copy_section(flatbuffers::FlatBufferBuilder& fbb,
                                                         const flatbuffers::Vector<T>* source,
                                                         const IndexSection<T>& edit) {
  if (edit.kind == IndexSection<T>::Kind::set) return fbb.CreateVector(edit.values);
  if (edit.kind == IndexSection<T>::Kind::drop || source == nullptr) return 0;
  return fbb.CreateVector(source->data(), source->size());
}

template <typename T>
flatbuffers::Offset<flatbuffers::Vector<T>> copy_section(flatbuffers::FlatBufferBuilder& fbb,
                                                         const flatbuffers::Vector<T>* source) {
  return copy_section(fbb, source, IndexSection<T>());
}

}  // namespace detail

/// Writes a copy of `x` with `edits` into `fbb` (finished) and returns the copy's table,
/// which lives as long as `fbb`.
inline const corpus::fb::SearchIndex* copy_search_index(const corpus::fb::SearchIndex& x,
                                                        const SearchIndexEdits& edits,
                                                        flatbuffers::FlatBufferBuilder& fbb) {
  using detail::copy_section;
  const auto norm_k = copy_section(fbb, x.norm_k());
  const auto norms = copy_section(fbb, x.doc_norms());
  const auto titles = copy_section(fbb, x.doc_title_tokens());
  const auto term_blocks = copy_section(fbb, x.term_blocks(), edits.term_blocks);
  const auto terms = copy_section(fbb, x.terms(), edits.terms);
  const auto postings = copy_section(fbb, x.postings());
  const auto positions = copy_section(fbb, x.positions());
  const auto forms = copy_section(fbb, x.forms(), edits.forms);
  const auto form_blocks = copy_section(fbb, x.form_blocks(), edits.form_blocks);
  const auto languages = copy_section(fbb, x.languages(), edits.languages);
  std::vector<corpus::fb::LanguageStats> stats;
  if (x.language_stats()) {
    for (const corpus::fb::LanguageStats* st : *x.language_stats()) stats.push_back(*st);
  }
  const auto language_stats = x.language_stats() ? fbb.CreateVectorOfStructs(stats) : 0;
  const auto language_norm_k = copy_section(fbb, x.language_norm_k(), edits.language_norm_k);
  const auto language_df_terms = copy_section(fbb, x.language_df_terms(), edits.language_df_terms);
  const auto language_df = copy_section(fbb, x.language_df());
  const auto retired_docs = copy_section(fbb, x.retired_docs());
  const auto retired_terms = copy_section(fbb, x.retired_terms());
  const auto retired_postings = copy_section(fbb, x.retired_postings());
  corpus::fb::SearchIndexBuilder b(fbb);
  b.add_tokenizer(edits.tokenizer.value_or(x.tokenizer()));
  b.add_doc_count(x.doc_count());
  b.add_term_count(x.term_count());
  b.add_title_weight(x.title_weight());
  b.add_k1_milli(x.k1_milli());
  b.add_b_milli(x.b_milli());
  b.add_total_tokens(x.total_tokens());
  b.add_norm_k(norm_k);
  b.add_doc_norms(norms);
  b.add_doc_title_tokens(titles);
  b.add_term_blocks(term_blocks);
  b.add_terms(terms);
  b.add_postings(postings);
  b.add_positions(positions);
  b.add_format_version(x.format_version());
  b.add_forms(forms);
  b.add_form_blocks(form_blocks);
  b.add_form_count(edits.form_count.value_or(x.form_count()));
  b.add_languages(languages);
  b.add_language_stats(language_stats);
  b.add_language_norm_k(language_norm_k);
  b.add_language_df_terms(language_df_terms);
  b.add_language_df(language_df);
  b.add_retired_docs(retired_docs);
  b.add_retired_terms(retired_terms);
  b.add_retired_postings(retired_postings);
  fbb.Finish(b.Finish());
  return flatbuffers::GetRoot<corpus::fb::SearchIndex>(fbb.GetBufferPointer());
}

}  // namespace corpus_test
