#include "clean/deduplicator.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "clean/normalizer.hpp"
#include "compress/stream_order.hpp"
#include "corpus/format.hpp"

namespace corpusc {

using corpus::fb::ArticleFlags;

static uint32_t bit(ArticleFlags f) { return static_cast<uint32_t>(f); }

static std::vector<InputArticle> unique_ids(std::vector<InputArticle> inputs, Diagnostics& diag,
                                            uint32_t& dropped) {
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const InputArticle& a, const InputArticle& b) { return a.id < b.id; });
  std::vector<InputArticle> out;
  out.reserve(inputs.size());
  for (auto& a : inputs) {
    if (!out.empty() && out.back().id == a.id) {
      diag.warn(a.source, a.line, "skipped: duplicate id \"" + a.id + "\" (first seen in " +
                                      out.back().source + ")");
      ++dropped;
      continue;
    }
    out.push_back(std::move(a));
  }
  return out;
}

CorpusPlan group_duplicates(std::vector<InputArticle> inputs, Diagnostics& diag) {
  CorpusPlan plan;
  inputs = unique_ids(std::move(inputs), diag, plan.counts.duplicate_ids);
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

void layout_texts(CorpusPlan& plan) {
  const uint32_t n = static_cast<uint32_t>(plan.articles.size());
  for (auto& a : plan.articles) a.variants.clear();
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t c = plan.articles[i].canonical;
    if (c != i) plan.articles[c].variants.push_back(i);
  }
  plan.texts.clear();
  for (uint32_t c : order_groups(plan)) {  // similar groups next to each other
    PlannedArticle& head = plan.articles[c];
    std::vector<uint32_t> members{c};
    members.insert(members.end(), head.variants.begin(), head.variants.end());
    // Normalized texts of the group first, then the originals that differ from them.
    std::map<std::string, uint32_t> stored;  // bytes -> text index, within this group
    auto store = [&](const std::string& bytes) {
      auto [it, fresh] = stored.emplace(bytes, static_cast<uint32_t>(plan.texts.size()));
      if (fresh) plan.texts.push_back(StoredText{bytes, {}});
      return it->second;
    };
    for (uint32_t m : members) {
      PlannedArticle& a = plan.articles[m];
      a.text = store(a.normalized);
      plan.texts[a.text].chrome = a.chrome;
    }
    for (uint32_t m : members) {
      PlannedArticle& a = plan.articles[m];
      a.original = store(a.input.original);
    }
  }
}

}  // namespace corpusc

