#include "compress/stream_order.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_map>
#include <utility>

#include <xxhash.h>

#include "word_hash.hpp"

namespace corpusc {
namespace {

// Sorted distinct hashes of the ASCII-lower-cased words of `text`.
std::vector<uint64_t> term_hashes(const std::string& text) {
  std::vector<uint64_t> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(XXH64(word.data(), word.size(), 0));
    word.clear();
  };
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (!is_word_byte(c)) {
      flush();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Term {
  uint32_t postings_begin;  // into TermIndex::postings
  uint32_t df;
  double weight;            // log(heads / df): rarer shared terms say more
};

// Per head: up to kTermsPerText terms with 2 <= df <= kMaxDocFrequency, and the
// posting lists of those terms (heads in ascending order).
struct TermIndex {
  std::vector<std::vector<uint32_t>> terms;  // per head: indexes into `table`
  std::vector<Term> table;
  std::vector<uint32_t> postings;
};

TermIndex index_terms(const std::vector<const std::string*>& texts) {
  const size_t n = texts.size();
  std::unordered_map<uint64_t, uint32_t> df;
  for (const std::string* t : texts)
    for (uint64_t h : term_hashes(*t)) ++df[h];

  // Second pass (re-tokenizing costs less memory than keeping every term list).
  std::vector<std::vector<uint64_t>> kept(n);
  for (size_t i = 0; i < n; ++i) {
    for (uint64_t h : term_hashes(*texts[i])) {
      uint32_t f = df[h];
      if (f >= 2 && f <= kMaxDocFrequency) kept[i].push_back(h);
    }
    if (kept[i].size() > kTermsPerText) {
      std::sort(kept[i].begin(), kept[i].end(), [](uint64_t a, uint64_t b) { return mix64(a) < mix64(b); });
      kept[i].resize(kTermsPerText);
      std::sort(kept[i].begin(), kept[i].end());
    }
  }
  // A term kept by fewer than two heads links nothing; number the rest in hash order.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;  // (term, head)
  for (size_t i = 0; i < n; ++i)
    for (uint64_t h : kept[i]) pairs.push_back({h, static_cast<uint32_t>(i)});
  std::sort(pairs.begin(), pairs.end());
  TermIndex index;
  index.terms.resize(n);
  for (size_t b = 0; b < pairs.size();) {
    size_t e = b + 1;
    while (e < pairs.size() && pairs[e].first == pairs[b].first) ++e;
    if (e - b >= 2) {
      const uint32_t id = static_cast<uint32_t>(index.table.size());
      const uint32_t count = static_cast<uint32_t>(e - b);
      index.table.push_back({static_cast<uint32_t>(index.postings.size()), count,
                             std::log(static_cast<double>(n) / count)});
      for (size_t k = b; k < e; ++k) {
        index.postings.push_back(pairs[k].second);
        index.terms[pairs[k].second].push_back(id);
      }
    }
    b = e;
  }
  return index;
}

}  // namespace

std::vector<uint32_t> order_texts(const std::vector<const std::string*>& texts) {
  const size_t n = texts.size();
  std::vector<uint32_t> order;
  order.reserve(n);
  if (n == 0) return order;
  const TermIndex index = index_terms(texts);

  // Affinity of each unplaced head to what was placed, each placement weighted by
  // kDecay^(placements since). Stored scaled by kDecay^-step so that old entries never
  // need touching; renormalized before the scale overflows.
  std::vector<double> affinity(n, 0.0), norm(n);
  for (size_t i = 0; i < n; ++i) norm[i] = 1.0 / std::sqrt(static_cast<double>(index.terms[i].size()) + 1.0);
  std::vector<char> placed(n, 0);
  using Entry = std::pair<double, int64_t>;  // (affinity, -head): ties go to the lower head
  std::priority_queue<Entry> heap;           // lazy: stale entries are skipped when popped
  double scale = 1.0;
  size_t next_unplaced = 0;
  uint32_t cur = 0;
  for (size_t step = 0; step < n; ++step) {
    placed[cur] = 1;
    order.push_back(cur);
    if (step + 1 == n) break;
    scale /= kDecay;
    if (scale > 1e150) {
      for (double& a : affinity) a /= scale;
      scale = 1.0;
      heap = {};
      for (size_t j = 0; j < n; ++j)
        if (!placed[j] && affinity[j] > 0) heap.push({affinity[j], -static_cast<int64_t>(j)});
    }
    for (uint32_t t : index.terms[cur]) {
      const Term& term = index.table[t];
      for (uint32_t k = 0; k < term.df; ++k) {
        const uint32_t j = index.postings[term.postings_begin + k];
        if (placed[j]) continue;
        affinity[j] += term.weight * scale * norm[j];
        heap.push({affinity[j], -static_cast<int64_t>(j)});
      }
    }
    if (heap.size() > 4 * n + 1024) {  // drop stale entries (bounds memory)
      heap = {};
      for (size_t j = 0; j < n; ++j)
        if (!placed[j] && affinity[j] > 0) heap.push({affinity[j], -static_cast<int64_t>(j)});
    }
    cur = UINT32_MAX;
    while (!heap.empty()) {
      const auto [a, neg] = heap.top();
      const auto j = static_cast<uint32_t>(-neg);
      if (placed[j] || a != affinity[j]) {
        heap.pop();
        continue;
      }
      cur = j;
      break;
    }
    if (cur == UINT32_MAX) {  // nothing related left: continue in input order
      while (placed[next_unplaced]) ++next_unplaced;
      cur = static_cast<uint32_t>(next_unplaced);
    }
  }
  return order;
}

std::vector<uint32_t> order_groups(const CorpusPlan& plan) {
  std::vector<uint32_t> heads;
  std::vector<const std::string*> texts;
  for (uint32_t i = 0; i < plan.articles.size(); ++i) {
    if (plan.articles[i].canonical != i) continue;
    heads.push_back(i);
    texts.push_back(&plan.articles[i].normalized);
  }
  std::vector<uint32_t> order = order_texts(texts);
  for (uint32_t& o : order) o = heads[o];
  return order;
}

}  // namespace corpusc
