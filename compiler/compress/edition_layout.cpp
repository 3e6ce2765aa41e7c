#include "compress/edition_layout.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace corpusc {

namespace {

constexpr uint32_t kNew = UINT32_MAX;

// Permutation of [0, keys.size()): by key (base position, kNew last), ties in
// the current order. Returns new position -> old position.
std::vector<uint32_t> order_by_key(const std::vector<uint32_t>& keys) {
  std::vector<uint32_t> order(keys.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  return order;
}

std::vector<uint32_t> inverse(const std::vector<uint32_t>& order) {
  std::vector<uint32_t> inv(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) inv[order[i]] = i;
  return inv;
}

void reorder_articles(CorpusPlan& plan, const BaseEdition& base, EditionLayout& out) {
  std::unordered_map<std::string_view, uint32_t> place;
  for (uint32_t i = 0; i < base.ids.size(); ++i) place.emplace(base.ids[i], i);
  std::vector<uint32_t> keys;
  for (const PlannedArticle& a : plan.articles) {
    auto it = place.find(a.input.id);
    keys.push_back(it == place.end() ? kNew : it->second);
    if (it == place.end()) ++out.new_articles; else ++out.kept_articles;
  }
  out.removed_articles = static_cast<uint32_t>(base.ids.size()) - out.kept_articles;
  const std::vector<uint32_t> order = order_by_key(keys);
  const std::vector<uint32_t> moved_to = inverse(order);
  std::vector<PlannedArticle> articles;
  articles.reserve(order.size());
  for (uint32_t from : order) articles.push_back(std::move(plan.articles[from]));
  for (PlannedArticle& a : articles) {
    a.canonical = moved_to[a.canonical];
    for (uint32_t& v : a.variants) v = moved_to[v];
  }
  plan.articles = std::move(articles);
}

void reorder_texts(CorpusPlan& plan, const BaseEdition& base, EditionLayout& out) {
  std::unordered_multimap<std::string_view, uint32_t> where;  // bytes -> base text
  for (uint32_t i = 0; i < base.texts.size(); ++i) where.emplace(base.texts[i], i);
  std::vector<uint8_t> used(base.texts.size(), 0);
  std::vector<uint32_t> keys;
  for (const StoredText& t : plan.texts) {
    uint32_t key = kNew;
    auto range = where.equal_range(t.bytes);
    for (auto it = range.first; it != range.second; ++it) {
      if (!used[it->second] && it->second < key) key = it->second;  // lowest unused: deterministic
    }
    if (key != kNew) used[key] = 1;
    keys.push_back(key);
  }
  const std::vector<uint32_t> order = order_by_key(keys);
  const std::vector<uint32_t> moved_to = inverse(order);
  std::vector<StoredText> texts;
  texts.reserve(order.size());
  bool first_new = true;
  for (uint32_t from : order) {
    const uint32_t key = keys[from];
    if (key == kNew) {
      out.opens_frame.push_back(first_new ? 1 : 0);
      first_new = false;
      ++out.new_texts;
      out.new_text_bytes += plan.texts[from].bytes.size();
    } else {
      out.opens_frame.push_back(base.opens_frame[key]);
      ++out.kept_texts;
    }
    texts.push_back(std::move(plan.texts[from]));
  }
  out.dropped_texts = static_cast<uint32_t>(base.texts.size()) - out.kept_texts;
  for (PlannedArticle& a : plan.articles) {
    a.text = moved_to[a.text];
    a.original = moved_to[a.original];
  }
  plan.texts = std::move(texts);
}

}  // namespace

EditionLayout follow_base(CorpusPlan& plan, const BaseEdition& base) {
  EditionLayout out;
  reorder_articles(plan, base, out);
  reorder_texts(plan, base, out);
  return out;
}

}  // namespace corpusc
