#include "index/plan_indexer.hpp"


namespace corpusc {

std::unique_ptr<IndexBuilder> index_plan(const CorpusPlan& plan, const BuildSettings& settings) {
  corpus::text::TokenizerOptions options;
  options.stem_english = settings.stem_english;
  options.drop_stopwords = settings.drop_stopwords;
  auto builder = std::make_unique<IndexBuilder>(options);
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    const PlannedArticle& a = plan.articles[i];
    if (a.canonical != i) continue;  // duplicates are found through their canonical
    IndexDocument doc;
    doc.article = i;
    doc.title = a.input.title;
    doc.body = a.normalized;
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
