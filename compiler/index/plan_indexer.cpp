#include "index/plan_indexer.hpp"

namespace corpusc {

// Stemming rule of a plan: a blob in English only (articles in English or
// undetermined) is stemmed with Porter2 throughout, exactly as blobs always were;
// any other language makes each article stemmed in its own (kStemByLanguage).
// Vietnamese tone marks tell syllables apart (bench/results/scripts.md: MLQA vi
// nDCG@10 0.768 folded, 0.806 kept), but folding them is what every other Latin
// script wants: a blob keeps them (kKeepVietnameseMarks) when all its articles of a
// known language are Vietnamese.
corpus::text::TokenizerOptions plan_tokenizer(const CorpusPlan& plan, const BuildSettings& settings) {
  if (settings.tokenizer_bits) return corpus::text::TokenizerOptions::from_bits(*settings.tokenizer_bits);
  corpus::text::TokenizerOptions options;
  options.stem_english = settings.stem_english;
  options.drop_stopwords = settings.drop_stopwords;
  bool other_language = false, vietnamese = false;
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    const PlannedArticle& a = plan.articles[i];
    if (a.canonical != i || a.language == CORPUS_LANG_none) continue;
    if (a.language == CORPUS_LANG_vietnamese) {
      vietnamese = true;
    } else {
      other_language = true;
    }
    if (settings.stem_english && a.language != CORPUS_LANG_english) {
      options.stem_english = false;
      options.stem_by_language = true;
    }
  }
  if (vietnamese && !other_language) options.script_rules |= corpus::text::script_bits::kKeepVietnameseMarks;
  return options;
}

std::unique_ptr<IndexBuilder> index_plan(const CorpusPlan& plan, const BuildSettings& settings,
                                         const std::vector<uint8_t>* retired) {
  auto builder = std::make_unique<IndexBuilder>(plan_tokenizer(plan, settings));
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    const PlannedArticle& a = plan.articles[i];
    const bool retire = retired != nullptr && i < retired->size() && (*retired)[i] != 0;
    if (a.canonical != i && !retire) continue;  // duplicates are found through their canonical
    IndexDocument doc;
    doc.article = i;
    doc.retired = a.canonical != i;
    doc.stable_id = a.input.id;
    doc.title = a.input.title;
    doc.body = a.normalized;
    doc.language = a.language;
    for (const TextRange& r : a.chrome) doc.excluded.emplace_back(r.begin, r.end);
    builder->add(doc);
  }
  return builder;
}

flatbuffers::Offset<corpus::fb::SearchIndex> write_search_index(flatbuffers::FlatBufferBuilder& fbb,
                                                                IndexBuilder& builder) {
  return builder.write(fbb);
}

}  // namespace corpusc
