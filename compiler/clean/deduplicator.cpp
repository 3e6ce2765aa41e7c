#include "clean/deduplicator.hpp"

#include <algorithm>
#include <unordered_map>

#include "clean/normalizer.hpp"
#include "corpus/format.hpp"
#include "errors.hpp"

namespace corpusc {

using corpus::fb::ArticleFlags;

static uint32_t bit(ArticleFlags f) { return static_cast<uint32_t>(f); }

// Ids are made unique in ingest (keep_first_of_each_id); a repeat here would give two
// articles one id in the blob, so it is a bug, not an input problem.
static void sort_by_unique_id(std::vector<InputArticle>& inputs) {
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const InputArticle& a, const InputArticle& b) { return a.id < b.id; });
  for (size_t i = 1; i < inputs.size(); ++i) {
    if (inputs[i].id == inputs[i - 1].id) {
      throw CompileError(ErrorKind::internal, "group_duplicates: id \"" + inputs[i].id + "\" given twice");
    }
  }
}

CorpusPlan group_duplicates(std::vector<InputArticle> inputs, Diagnostics& diag) {
  CorpusPlan plan;
  sort_by_unique_id(inputs);
  plan.articles.resize(inputs.size());
  std::unordered_map<std::string, uint32_t> by_key;  // dedupe key -> first article
  for (uint32_t i = 0; i < inputs.size(); ++i) {
    PlannedArticle& a = plan.articles[i];
    a.input = std::move(inputs[i]);
    a.normalized = normalize_text(a.input.body, &a.repaired);
    if (a.repaired) {
      ++plan.counts.repaired_utf8;
      diag.warn(a.input.source, a.input.line,
                "not valid UTF-8: kept byte-exact; invalid bytes read as Windows-1252 for search");
    }
    std::string key = dedupe_key(normalize_text(a.input.title)) + '\n' + dedupe_key(a.normalized);
    auto [it, fresh] = by_key.emplace(std::move(key), i);
    a.canonical = it->second;
    if (fresh) continue;
    const PlannedArticle& c = plan.articles[a.canonical];
    bool exact = c.input.original == a.input.original;
    a.flags |= bit(exact ? ArticleFlags::ExactDuplicate : ArticleFlags::NormalizedDuplicate);
    ++(exact ? plan.counts.exact_duplicates : plan.counts.normalized_duplicates);
  }
  return plan;
}

void merge_near_duplicates(CorpusPlan& plan, const std::vector<uint32_t>& cluster) {
  const uint32_t n = static_cast<uint32_t>(std::min(plan.articles.size(), cluster.size()));
  std::vector<uint32_t> moved_to(plan.articles.size(), corpus::kNone);  // old head -> new head
  for (uint32_t i = 0; i < n; ++i) {
    PlannedArticle& a = plan.articles[i];
    if (cluster[i] == i || a.canonical != i || cluster[i] >= n) continue;  // only group heads move
    uint32_t target = plan.articles[cluster[i]].canonical;
    if (target == i) continue;
    moved_to[i] = target;
    a.flags |= bit(ArticleFlags::NearDuplicate);
    ++plan.counts.near_duplicates;
  }
  for (auto& m : plan.articles) {
    if (moved_to[m.canonical] != corpus::kNone) m.canonical = moved_to[m.canonical];
  }
}

}  // namespace corpusc
