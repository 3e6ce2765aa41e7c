#include "index/plan_indexer.hpp"

#include "corpus/search/index_checksum.hpp"

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
    doc.has_date = a.input.date.has_value();
    doc.date = a.input.date.value_or(0);
    builder->add(doc);
  }
  return builder;
}

WrittenIndex write_search_index(flatbuffers::FlatBufferBuilder& fbb, IndexBuilder& builder) {
  WrittenIndex out;
  out.offset = builder.write(fbb);
  out.stats = builder.stats();
  // The table is complete in the builder's buffer: hash it in place.
  out.checksum = corpus::search::index_checksum(*flatbuffers::GetTemporaryPointer(fbb, out.offset));
  return out;
}

}  // namespace corpusc
