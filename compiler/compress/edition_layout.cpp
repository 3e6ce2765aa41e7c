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

// Base text of each plan text (kNew if the base did not store those bytes); marks
// the base texts taken in `used`.
std::vector<uint32_t> match_texts(const CorpusPlan& plan, const BaseEdition& base, std::vector<uint8_t>& used) {
  std::unordered_multimap<std::string_view, uint32_t> where;  // bytes -> base text
  for (uint32_t i = 0; i < base.texts.size(); ++i) where.emplace(base.texts[i], i);
  used.assign(base.texts.size(), 0);
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
  return keys;
}

void decide_dictionary(const BaseEdition& base, const EditionOptions& options, EditionLayout& out) {
  const uint64_t changed = out.new_text_bytes + out.dead_text_bytes;
  const uint64_t total = base.stream_bytes + out.new_text_bytes;
  out.changed_share = total ? double(changed) / double(total) : 0.0;
  if (options.retrain) {
    out.retrain_reason = "--retrain";
  } else if (base.dictionary.empty()) {
    out.retrain_reason = "the base has none";
  } else if (out.changed_share > kRetrainShare) {
    out.retrain_reason = "new and dead texts are over half of the stream: the base's no longer fits";
  }
  out.keep_dictionary = out.retrain_reason == nullptr;
}

// Kept dictionary: every base text stays where it was, the dead ones (no article
// stores them any more) too, so every base frame keeps its bytes; new texts follow.
// New dictionary (all frames change anyway): the dead texts go, the rest keep order.
void reorder_texts(CorpusPlan& plan, const BaseEdition& base, const EditionOptions& options, EditionLayout& out) {
  std::vector<uint8_t> used;
  const std::vector<uint32_t> keys = match_texts(plan, base, used);
  std::vector<uint32_t> holder(base.texts.size(), kNew);  // base text -> plan text
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == kNew) {
      ++out.new_texts;
      out.new_text_bytes += plan.texts[i].bytes.size();
    } else {
      holder[keys[i]] = i;
      ++out.kept_texts;
    }
  }
  for (uint32_t b = 0; b < base.texts.size(); ++b) {
    if (!used[b]) out.dead_text_bytes += base.texts[b].size();
  }
  decide_dictionary(base, options, out);
  std::vector<uint32_t> moved_to(plan.texts.size(), kNew);
  std::vector<StoredText> texts;
  for (uint32_t b = 0; b < base.texts.size(); ++b) {
    if (holder[b] == kNew && !out.keep_dictionary) continue;
    out.opens_frame.push_back(base.opens_frame[b]);
    if (holder[b] == kNew) {
      texts.push_back(StoredText{base.texts[b], {}});
      ++out.dead_texts;
      continue;
    }
    moved_to[holder[b]] = static_cast<uint32_t>(texts.size());
    texts.push_back(std::move(plan.texts[holder[b]]));
  }
  bool first_new = true;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != kNew) continue;
    out.opens_frame.push_back(first_new ? 1 : 0);
    first_new = false;
    moved_to[i] = static_cast<uint32_t>(texts.size());
    texts.push_back(std::move(plan.texts[i]));
  }
  if (!out.keep_dictionary) out.dead_text_bytes = 0;
  for (PlannedArticle& a : plan.articles) {
    a.text = moved_to[a.text];
    a.original = moved_to[a.original];
  }
  plan.texts = std::move(texts);
}

void mark_retired(const CorpusPlan& plan, const BaseEdition& base, const EditionOptions& options, EditionLayout& out) {
  out.retired.assign(plan.articles.size(), 0);
  if (options.compact || out.changed_share > kRetrainShare) return;
  std::unordered_map<std::string_view, uint32_t> place;
  for (uint32_t i = 0; i < base.ids.size(); ++i) place.emplace(base.ids[i], i);
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    const PlannedArticle& a = plan.articles[i];
    if (a.canonical == i) continue;
    auto it = place.find(a.input.id);
    if (it == place.end() || it->second >= base.has_postings.size() || !base.has_postings[it->second]) continue;
    const uint32_t text = base.article_text[it->second];
    if (text >= base.texts.size() || base.texts[text] != a.normalized || base.titles[it->second] != a.input.title) {
      continue;
    }
    out.retired[i] = 1;
    ++out.retired_articles;
  }
}

}  // namespace

EditionLayout follow_base(CorpusPlan& plan, const BaseEdition& base, const EditionOptions& options) {
  EditionLayout out;
  reorder_articles(plan, base, out);
  reorder_texts(plan, base, options, out);
  mark_retired(plan, base, options, out);
  return out;
}

}  // namespace corpusc
