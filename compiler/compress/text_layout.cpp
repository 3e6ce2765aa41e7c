#include "compress/text_layout.hpp"

#include <map>
#include <string>

#include "compress/stream_order.hpp"

namespace corpusc {

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
