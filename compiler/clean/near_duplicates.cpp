#include "clean/near_duplicates.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include <xxhash.h>

#include "word_hash.hpp"

namespace corpusc {

std::vector<uint64_t> word_shingles(std::string_view text, uint32_t shingle_words) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));

  std::vector<uint64_t> shingles;
  if (words.empty()) return shingles;
  const std::size_t k = std::max<uint32_t>(1, shingle_words);
  const std::size_t count = words.size() >= k ? words.size() - k + 1 : 1;
  std::string joined;
  for (std::size_t i = 0; i < count; ++i) {
    joined.clear();
    for (std::size_t j = i; j < std::min(words.size(), i + k); ++j) {
      joined += words[j];
      joined.push_back(' ');
    }
    shingles.push_back(XXH64(joined.data(), joined.size(), 0));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  const std::size_t unite = a.size() + b.size() - common;
  return unite == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(unite);
}

std::vector<uint32_t> cluster_near_duplicates(const std::vector<std::string_view>& main_texts,
                                              const NearDuplicateOptions& options) {
  const std::size_t n = main_texts.size();
  const uint32_t hashes = options.bands * options.rows;
  std::vector<std::vector<uint64_t>> sets(n);
  // (band, band hash) -> text, as a sorted vector so grouping is deterministic.
  std::vector<std::pair<std::pair<uint32_t, uint64_t>, uint32_t>> buckets;
  std::vector<uint64_t> signature(hashes);
  for (std::size_t t = 0; t < n; ++t) {
    sets[t] = word_shingles(main_texts[t], options.shingle_words);
    if (sets[t].empty()) continue;
    std::fill(signature.begin(), signature.end(), std::numeric_limits<uint64_t>::max());
    for (uint64_t s : sets[t])
      for (uint32_t h = 0; h < hashes; ++h)
        signature[h] = std::min(signature[h], mix64(s ^ mix64(h + 1)));
    for (uint32_t b = 0; b < options.bands; ++b) {
      const uint64_t band_hash =
          XXH64(signature.data() + std::size_t{b} * options.rows, options.rows * sizeof(uint64_t), b);
      buckets.push_back({{b, band_hash}, static_cast<uint32_t>(t)});
    }
  }
  std::sort(buckets.begin(), buckets.end());

  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (lower, higher) candidate indexes
  for (std::size_t begin = 0; begin < buckets.size();) {
    std::size_t end = begin + 1;
    while (end < buckets.size() && buckets[end].first == buckets[begin].first) ++end;
    if (end - begin <= options.max_bucket)
      for (std::size_t i = begin; i < end; ++i)
        for (std::size_t j = i + 1; j < end; ++j)
          pairs.push_back({buckets[i].second, buckets[j].second});
    begin = end;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  // Candidates per higher index, ascending lower index (pairs are sorted by lower first,
  // so re-sort by (higher, lower)).
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second < y.second : x.first < y.first;
  });
  std::vector<uint32_t> canonical(n);
  for (std::size_t t = 0; t < n; ++t) canonical[t] = static_cast<uint32_t>(t);
  for (const auto& [lo, hi] : pairs) {
    if (canonical[hi] != hi || canonical[lo] != lo) continue;  // hi placed, or lo not canonical
    if (jaccard(sets[lo], sets[hi]) >= options.min_jaccard) canonical[hi] = lo;
  }
  return canonical;
}

}  // namespace corpusc
