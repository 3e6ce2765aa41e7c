#include "index/index_builder.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <map>
#include <unordered_map>

#include <xxhash.h>

#include "corpus/search/bm25.hpp"
#include "corpus/search/index_format.hpp"
#include "index/bm25_tables.hpp"
#include "index/document_tokens.hpp"
#include "index/form_dictionary_writer.hpp"
#include "index/postings_writer.hpp"
#include "index/term_dictionary_writer.hpp"

namespace corpusc {

namespace cs = corpus::search;
namespace ct = corpus::text;

namespace {

struct RawPosting {
  uint32_t doc, tf, title_tf;
  bool retired;  // IndexDocument::retired
};

struct TermState {
  std::string term;
  std::vector<RawPosting> postings;
  std::vector<uint32_t> positions;                        // concatenated per posting
  std::vector<std::pair<std::string, uint32_t>> surfaces;  // surface form -> count
  uint32_t retired = 0;                                    // postings of retired documents
};

// One term's occurrences in the document being added.
struct LocalTerm {
  uint32_t term = 0, title_tf = 0;
  std::vector<uint32_t> positions;
};

// Most documents first, ties by id: the first is the blob's main language.
std::vector<uint8_t> languages_by_count(const std::map<uint8_t, uint32_t>& counts) {
  std::vector<std::pair<uint8_t, uint32_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<uint8_t> out;
  for (const auto& entry : v) out.push_back(entry.first);
  return out;
}

// The term's most frequent surface form; ties go to the bytewise smallest (deterministic).
std::string_view most_frequent_surface(const TermState& ts) {
  std::string_view surface;
  uint32_t best = 0;
  for (const auto& [form, count] : ts.surfaces) {
    if (count > best || (count == best && form < surface)) {
      best = count;
      surface = form;
    }
  }
  return surface;
}

// Documents and tokens of one article language.
struct LanguageTotals {
  uint32_t docs = 0;
  uint64_t tokens = 0;
};

}  // namespace

struct IndexBuilder::State {
  ct::TokenizerOptions options;
  Bm25Settings bm25;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<TermState> terms;
  std::vector<uint32_t> doc_length;        // per article: weighted length (0: not indexed)
  std::vector<uint8_t> doc_title_tokens;   // per article
  std::vector<uint8_t> doc_language;       // per article: IndexDocument::language
  std::vector<uint8_t> ends_block;         // per article: block_ends_after its stable id
  uint64_t total_length = 0;
  uint32_t docs = 0;
  std::vector<uint32_t> retired_docs;      // ascending
  int64_t last_article = -1;
  std::map<uint8_t, uint32_t> languages;  // documents per language, under stem_by_language
  std::map<uint8_t, LanguageTotals> language_totals;  // per article language (0: undetermined)

  std::string key;  // reused: lookups do not allocate

  uint32_t term_id(std::string_view term) {
    key.assign(term);
    auto it = ids.find(key);
    if (it != ids.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(terms.size());
    ids.emplace(key, id);
    terms.push_back(TermState{std::string(term), {}, {}, {}, 0});
    return id;
  }

  void count_surface(uint32_t id, std::string_view word) {
    char folded[ct::kMaxTermBytes];
    size_t n = ct::fold_word(word, folded, sizeof folded, options.script_rules);
    std::string_view s(folded, n);
    for (auto& [form, count] : terms[id].surfaces) {
      if (form == s) {
        ++count;
        return;
      }
    }
    terms[id].surfaces.emplace_back(std::string(s), 1);
  }
};

IndexBuilder::IndexBuilder(ct::TokenizerOptions options, Bm25Settings bm25)
    : state_(std::make_unique<State>()) {
  if (bm25.title_weight == 0 || bm25.title_weight > cs::kMaxScoredTf || !(bm25.k1 > 0) ||
      bm25.b < 0 || bm25.b > 1) {
    throw std::invalid_argument("search index: BM25 settings out of range");
  }
  state_->options = options;
  state_->bm25 = bm25;
}

IndexBuilder::~IndexBuilder() = default;

void IndexBuilder::add(const IndexDocument& doc) {
  State& st = *state_;
  if (static_cast<int64_t>(doc.article) <= st.last_article) {
    throw std::logic_error("IndexBuilder::add: articles must be added in increasing order");
  }
  st.last_article = doc.article;
  std::unordered_map<uint32_t, size_t> where;
  std::vector<LocalTerm> local;
  ct::TokenizerOptions options = st.options;
  options.language = doc.language;
  if (options.stem_by_language && !doc.retired) ++st.languages[doc.language];
  const DocumentTokenCounts counts = tokenize_document(doc, options, [&](const IndexedToken& token) {
    const uint32_t id = st.term_id(token.term);
    auto [it, fresh] = where.emplace(id, local.size());
    if (fresh) local.push_back(LocalTerm{id, 0, {}});
    LocalTerm& lt = local[it->second];
    lt.positions.push_back(token.position);
    if (token.title) ++lt.title_tf;
    if (!doc.retired) st.count_surface(id, token.text);
  });

  // Sorting by term id keeps positions' order per term; postings stay doc-ordered.
  for (LocalTerm& lt : local) {
    TermState& ts = st.terms[lt.term];
    ts.postings.push_back(RawPosting{doc.article, static_cast<uint32_t>(lt.positions.size()), lt.title_tf, doc.retired});
    ts.retired += doc.retired ? 1 : 0;
    ts.positions.insert(ts.positions.end(), lt.positions.begin(), lt.positions.end());
  }
  if (st.doc_length.size() <= doc.article) {
    st.doc_length.resize(doc.article + 1, 0);
    st.doc_title_tokens.resize(doc.article + 1, 0);
    st.doc_language.resize(doc.article + 1, 0);
    st.ends_block.resize(doc.article + 1, 0);
  }
  st.doc_language[doc.article] = doc.language;
  const uint64_t stable_key = doc.stable_id.empty() ? XXH64(&doc.article, sizeof doc.article, 0)
                                                     : XXH64(doc.stable_id.data(), doc.stable_id.size(), 0);
  st.ends_block[doc.article] = block_ends_after(stable_key);
  st.doc_title_tokens[doc.article] = static_cast<uint8_t>(counts.title_tokens);
  if (doc.retired) {  // length 0: not indexed (doc_norms 0), in no statistic
    st.retired_docs.push_back(doc.article);
    return;
  }
  uint64_t length = uint64_t{st.bm25.title_weight} * counts.title_count + counts.body_count;
  st.doc_length[doc.article] = static_cast<uint32_t>(std::min<uint64_t>(length, UINT32_MAX));
  st.total_length += length;
  ++st.docs;
  LanguageTotals& lt = st.language_totals[doc.language];
  ++lt.docs;
  lt.tokens += length;
}

// SearchIndex.language_stats, language_norm_k and language_df: a language's
// documents, tokens, K table and its df of the terms several languages share, so a
// query filtered to it scores as its blob alone would. Only when the documents have
// several languages (one language throughout needs none). `order`: term ids by ordinal.
IndexBuilder::LanguageSections IndexBuilder::write_language_stats(flatbuffers::FlatBufferBuilder& fbb,
                                                                  const std::vector<uint32_t>& order) const {
  const State& st = *state_;
  if (st.language_totals.size() < 2) return {};
  std::vector<corpus::fb::LanguageStats> stats;
  std::vector<uint32_t> norm_k;
  std::vector<int> slot(256, -1);  // language id -> its language_stats entry
  for (const auto& [language, totals] : st.language_totals) {
    if (language == 0) continue;
    slot[language] = static_cast<int>(stats.size());
    stats.emplace_back(language, totals.docs, totals.tokens);
    const std::vector<uint32_t> table = norm_k_table(st.bm25, totals.tokens, totals.docs);
    norm_k.insert(norm_k.end(), table.begin(), table.end());
  }
  if (stats.empty()) return {};
  std::vector<uint32_t> shared_terms, shared_df, df(stats.size());
  for (uint32_t ordinal = 0; ordinal < order.size(); ++ordinal) {
    const TermState& ts = st.terms[order[ordinal]];
    const uint8_t first = st.doc_language[ts.postings.front().doc];
    bool several = ts.retired > 0;  // the runtime's "first document" may be a retired one
    std::fill(df.begin(), df.end(), 0);
    for (const RawPosting& p : ts.postings) {
      if (p.retired) continue;
      const uint8_t language = st.doc_language[p.doc];
      several = several || language != first;
      if (slot[language] >= 0) ++df[slot[language]];
    }
    if (!several) continue;
    shared_terms.push_back(ordinal);
    shared_df.insert(shared_df.end(), df.begin(), df.end());
  }
  return {fbb.CreateVectorOfStructs(stats), fbb.CreateVector(norm_k), fbb.CreateVector(shared_terms),
          fbb.CreateVector(shared_df)};
}

// SearchIndex.retired_docs, retired_terms and retired_postings, only when some
// document is retired. `order`: term ids by ordinal.
IndexBuilder::RetiredSections IndexBuilder::write_retired(flatbuffers::FlatBufferBuilder& fbb,
                                                          const std::vector<uint32_t>& order) const {
  const State& st = *state_;
  if (st.retired_docs.empty()) return {};
  std::vector<uint32_t> terms, postings;
  for (uint32_t ordinal = 0; ordinal < order.size(); ++ordinal) {
    const uint32_t n = st.terms[order[ordinal]].retired;
    if (n == 0) continue;
    terms.push_back(ordinal);
    postings.push_back(n);
  }
  return {fbb.CreateVector(st.retired_docs), fbb.CreateVector(terms), fbb.CreateVector(postings)};
}

struct IndexBuilder::EncodedTerms {
  TermDictionaryWriter dict;
  FormDictionaryWriter forms;
  std::vector<uint8_t> postings, positions;  // the sections' bytes
  uint64_t postings_count = 0, positions_count = 0;
};

// The dictionary, surface forms, postings and positions of the terms in `order`
// (ordinal order), their block bounds under `bound_norm_k`.
IndexBuilder::EncodedTerms IndexBuilder::encode_terms(const std::vector<uint32_t>& order,
                                                      const std::vector<uint8_t>& doc_norms,
                                                      const std::vector<uint32_t>& bound_norm_k) {
  State& st = *state_;
  EncodedTerms out;
  std::vector<TermPosting> tp;
  std::vector<std::string_view> surfaces;
  for (uint32_t id : order) {
    TermState& ts = st.terms[id];
    surfaces.clear();
    for (const auto& form : ts.surfaces) surfaces.push_back(form.first);
    out.forms.add_term(ts.term, surfaces);
    tp.clear();
    for (const RawPosting& p : ts.postings) {
      TermPosting e;
      e.doc = p.doc;
      e.tf = p.tf;
      e.title_tf = p.title_tf;
      e.ftf = p.retired ? 0 : p.tf + (st.bm25.title_weight - 1) * p.title_tf;  // 0: outside the bounds
      e.norm_k = bound_norm_k[doc_norms[p.doc]];
      e.ends_block = st.ends_block[p.doc] != 0;
      tp.push_back(e);
    }
    EncodedPostings enc = encode_postings(tp, ts.positions);
    out.dict.add(DictionaryTerm{ts.term, static_cast<uint32_t>(ts.postings.size()),
                                static_cast<uint32_t>(enc.docs.size()), static_cast<uint32_t>(enc.positions.size()),
                                enc.max_tfn, most_frequent_surface(ts)});
    out.postings.insert(out.postings.end(), enc.docs.begin(), enc.docs.end());
    out.positions.insert(out.positions.end(), enc.positions.begin(), enc.positions.end());
    out.postings_count += ts.postings.size();
    out.positions_count += ts.positions.size();
  }
  out.forms.finish();
  return out;
}

flatbuffers::Offset<corpus::fb::SearchIndex> IndexBuilder::write(flatbuffers::FlatBufferBuilder& fbb) {
  State& st = *state_;
  const std::vector<uint32_t> norm_k = norm_k_table(st.bm25, st.total_length, st.docs);
  // Block bounds: under the bound table (format 4), or the exact one when asked.
  const std::vector<uint32_t> bound_norm_k =
      st.bm25.exact_bounds ? norm_k : bound_norm_k_table(st.bm25, st.total_length, st.docs);
  std::vector<uint8_t> doc_norms(st.doc_length.size());
  for (size_t d = 0; d < doc_norms.size(); ++d) doc_norms[d] = cs::length_to_norm(st.doc_length[d]);

  std::vector<uint32_t> order;  // the dictionary: terms some indexed document holds, sorted
  for (uint32_t i = 0; i < st.terms.size(); ++i) {
    if (st.terms[i].retired < st.terms[i].postings.size()) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return st.terms[a].term < st.terms[b].term; });

  EncodedTerms enc = encode_terms(order, doc_norms, bound_norm_k);
  const TermDictionaryWriter& dict = enc.dict;
  const FormDictionaryWriter& forms = enc.forms;
  const std::vector<uint8_t>& postings = enc.postings;
  const std::vector<uint8_t>& positions = enc.positions;
  IndexStats stats;
  stats.postings = enc.postings_count;
  stats.positions = enc.positions_count;
  stats.docs = st.docs;
  stats.retired_docs = static_cast<uint32_t>(st.retired_docs.size());
  stats.terms = dict.term_count();
  stats.dictionary_bytes = dict.bytes().size() + 4 * dict.block_offsets().size();
  stats.postings_bytes = postings.size();
  stats.positions_bytes = positions.size();
  stats.forms = forms.form_count();
  stats.forms_bytes = forms.bytes().size() + 4 * forms.block_offsets().size();
  stats.doc_table_bytes = 2 * doc_norms.size() + 4 * norm_k.size();
  stats_ = stats;

  auto v_norm_k = fbb.CreateVector(norm_k);
  auto v_norms = fbb.CreateVector(doc_norms);
  auto v_titles = fbb.CreateVector(st.doc_title_tokens);
  auto v_blocks = fbb.CreateVector(dict.block_offsets());
  auto v_terms = fbb.CreateVector(dict.bytes());
  auto v_postings = fbb.CreateVector(postings);
  auto v_positions = fbb.CreateVector(positions);
  const bool has_forms = forms.form_count() > 0;
  auto v_forms = has_forms ? fbb.CreateVector(forms.bytes()) : 0;
  auto v_form_blocks = has_forms ? fbb.CreateVector(forms.block_offsets()) : 0;
  const std::vector<uint8_t> languages = languages_by_count(st.languages);
  auto v_languages = st.options.stem_by_language ? fbb.CreateVector(languages) : 0;
  const LanguageSections language_sections = write_language_stats(fbb, order);
  const RetiredSections retired = write_retired(fbb, order);
  corpus::fb::SearchIndexBuilder b(fbb);
  if (!retired.docs.IsNull()) {
    b.add_retired_docs(retired.docs);
    b.add_retired_terms(retired.terms);
    b.add_retired_postings(retired.postings);
  }
  if (!language_sections.stats.IsNull()) {
    b.add_language_stats(language_sections.stats);
    b.add_language_norm_k(language_sections.norm_k);
    b.add_language_df_terms(language_sections.df_terms);
    b.add_language_df(language_sections.df);
  }
  if (st.options.stem_by_language) b.add_languages(v_languages);
  b.add_tokenizer(st.options.to_bits());
  b.add_doc_count(st.docs);
  b.add_term_count(dict.term_count());
  b.add_title_weight(st.bm25.title_weight);
  b.add_k1_milli(static_cast<uint32_t>(std::llround(st.bm25.k1 * 1000)));
  b.add_b_milli(static_cast<uint32_t>(std::llround(st.bm25.b * 1000)));
  b.add_total_tokens(st.total_length);
  b.add_norm_k(v_norm_k);
  b.add_doc_norms(v_norms);
  b.add_doc_title_tokens(v_titles);
  b.add_term_blocks(v_blocks);
  b.add_terms(v_terms);
  b.add_postings(v_postings);
  b.add_positions(v_positions);
  b.add_format_version(cs::kIndexFormatVersion);
  if (has_forms) {
    b.add_forms(v_forms);
    b.add_form_blocks(v_form_blocks);
    b.add_form_count(forms.form_count());
  }
  return b.Finish();
}

}  // namespace corpusc
