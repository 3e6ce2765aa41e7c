#include "clean/cleaning_stage.hpp"

#include "clean/boilerplate_detector.hpp"
#include "clean/deduplicator.hpp"
#include "clean/metadata_extractor.hpp"

namespace corpusc {

static void fill_metadata(PlannedArticle& a) {
  ExtractedMetadata m = extract_metadata(a.normalized);
  if (!a.input.date && m.date) a.input.date = m.date;
  if (a.input.publisher.empty()) a.input.publisher = m.source;
  if (a.input.tags.empty()) a.input.tags = m.tags;
}

static void mark_chrome(CorpusPlan& plan) {
  BoilerplateDetector detector;
  for (const auto& a : plan.articles) {
    if (&a == &plan.articles[a.canonical]) detector.learn(a.normalized);
  }
  for (auto& a : plan.articles) {
    for (const Span& s : detector.chrome_spans(a.normalized)) {
      a.chrome.push_back({static_cast<uint32_t>(s.begin), static_cast<uint32_t>(s.end)});
    }
  }
}

// Main text: the normalized text without its chrome ranges.
static std::string main_text(const PlannedArticle& a) {
  std::string out;
  uint32_t pos = 0;
  for (const TextRange& r : a.chrome) {
    out.append(a.normalized, pos, r.begin - pos);
    pos = r.end;
  }
  out.append(a.normalized, pos, std::string::npos);
  return out;
}

static void merge_clusters(CorpusPlan& plan, const NearDuplicateOptions& options) {
  std::vector<uint32_t> heads;
  std::vector<std::string> mains;
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    if (plan.articles[i].canonical != i) continue;
    heads.push_back(i);
    mains.push_back(main_text(plan.articles[i]));
  }
  std::vector<std::string_view> views(mains.begin(), mains.end());
  std::vector<uint32_t> head_cluster = cluster_near_duplicates(views, options);
  std::vector<uint32_t> cluster(plan.articles.size());
  for (uint32_t i = 0; i < cluster.size(); ++i) cluster[i] = i;
  for (size_t h = 0; h < heads.size(); ++h) cluster[heads[h]] = heads[head_cluster[h]];
  merge_near_duplicates(plan, cluster);
}

void clean_corpus(CorpusPlan& plan, const CleaningOptions& options) {
  if (options.extract_metadata) {
    for (auto& a : plan.articles) fill_metadata(a);
  }
  if (options.detect_boilerplate) mark_chrome(plan);
  if (options.near_duplicates) merge_clusters(plan, options.near);
}

}  // namespace corpusc
