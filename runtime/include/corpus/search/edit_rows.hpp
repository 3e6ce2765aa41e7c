// Bounded edit distance of one pattern against a sorted stream of words.
//
// EditRows keeps the dynamic-programming rows of the optimal-string-alignment
// distance (insert, delete, substitute, and a swap of two adjacent bytes, each one
// edit) of the pattern against the word last seen, one row per byte of that word.
// A word sharing a prefix with the previous one (as consecutive dictionary words
// do) reuses the rows of that prefix, so a front-coded dictionary costs about its
// new bytes. Values are clamped at limit + 1 and a row whose minimum exceeds the
// limit stops the extension: no word starting with that prefix can be within the
// limit (the minimum of the rows never decreases with depth), which is what lets a
// walk skip whole dictionary blocks. Bytes, not characters: the caller folds first
// and exempts scripts where this means nothing. No allocation; sizeof is ~1.2 KB.
#pragma once

#include <cstdint>
#include <string_view>

namespace corpus::search {

/// Longest pattern (folded bytes) that is matched with errors; longer words are not.
constexpr uint32_t kMaxTypoWordBytes = 32;
/// Largest edit distance EditRows supports.
constexpr uint32_t kMaxTypoDistance = 2;

class EditRows {
 public:
  /// Words longer than this differ from any pattern by more than kMaxTypoDistance.
  static constexpr uint32_t kDepth = kMaxTypoWordBytes + kMaxTypoDistance + 1;

  /// Starts over with `pattern` (at most kMaxTypoWordBytes bytes) and `limit`
  /// (at most kMaxTypoDistance). False if either is out of range.
  bool reset(std::string_view pattern, uint32_t limit) {
    if (pattern.size() > kMaxTypoWordBytes || limit > kMaxTypoDistance) return false;
    n_ = static_cast<uint32_t>(pattern.size());
    limit_ = limit;
    for (uint32_t j = 0; j < n_; ++j) pattern_[j] = pattern[j];
    for (uint32_t j = 0; j <= n_; ++j) rows_[0][j] = clamp(j);
    if (n_ < kMaxTypoWordBytes) rows_[0][n_ + 1] = clamp(n_ + 1);
    row_min_[0] = 0;
    best_end_[0] = end_cell(0);
    valid_ = 0;
    return true;
  }

  uint32_t limit() const { return limit_; }

  /// Edit distance of `word` to the pattern when <= limit(), else limit() + 1.
  uint32_t distance(std::string_view word) {
    if (word.size() > n_ + limit_) return limit_ + 1;
    if (extend(word) < word.size()) return limit_ + 1;
    return end_cell(static_cast<uint32_t>(word.size()));
  }

  /// Smallest distance to the pattern of `word` less at most `slack` final bytes
  /// (when <= limit(), else limit() + 1); *kept gets the bytes of `word` that gave it.
  uint32_t distance_near_end(std::string_view word, uint32_t slack, uint32_t* kept) {
    const uint32_t len = static_cast<uint32_t>(word.size());
    const uint32_t d = extend(word);
    uint32_t best = limit_ + 1;
    *kept = len;
    for (uint32_t i = d < len ? d : len; i + slack >= len; --i) {  // the longest wins ties
      if (end_cell(i) < best) {
        best = end_cell(i);
        *kept = i;
      }
      if (i == 0) break;
    }
    return best;
  }

  /// Smallest distance to the pattern of a prefix of `word` (the pattern is then
  /// a typo'd beginning of `word`), when <= limit(), else limit() + 1.
  uint32_t prefix_distance(std::string_view word) { return best_end_[extend(word)]; }

  /// Lower bound of distance() of any word starting with `prefix`; with
  /// `as_prefix`, of prefix_distance() instead.
  uint32_t floor(std::string_view prefix, bool as_prefix) {
    const uint32_t d = extend(prefix);
    if (d < prefix.size()) return as_prefix ? best_end_[d] : limit_ + 1;
    const uint32_t low = row_min_[d];
    return as_prefix && best_end_[d] < low ? best_end_[d] : low;
  }

 private:
  uint8_t clamp(uint32_t v) const { return static_cast<uint8_t>(v > limit_ ? limit_ + 1 : v); }

  // Distance of word[0, i) to the whole pattern; cells outside the band
  // |i - j| <= limit are not computed and exceed the limit anyway.
  uint8_t end_cell(uint32_t i) const {
    return static_cast<uint8_t>(i + limit_ >= n_ && i <= n_ + limit_ ? rows_[i][n_] : limit_ + 1);
  }

  // Makes rows [0, d] valid for word[0, d) and returns d: the whole word, or less
  // where a row exceeded the limit or kDepth was reached.
  uint32_t extend(std::string_view word) {
    uint32_t shared = 0;
    while (shared < valid_ && shared < word.size() && chars_[shared] == word[shared]) ++shared;
    valid_ = shared;
    while (valid_ < word.size() && valid_ < kDepth && row_min_[valid_] <= limit_) {
      chars_[valid_] = word[valid_];
      next_row(valid_ + 1);
      ++valid_;
    }
    return valid_;
  }

  // Row i from rows i - 1 and i - 2 (word byte chars_[i - 1]), within the band
  // j in [i - limit, i + limit]; the cells just outside it are set above the limit
  // for the next row to read.
  void next_row(uint32_t i) {
    const char c = chars_[i - 1];
    const uint8_t* up = rows_[i - 1];
    uint8_t* row = rows_[i];
    const uint8_t out = static_cast<uint8_t>(limit_ + 1);
    const uint32_t lo = i > limit_ ? i - limit_ : 0;
    const uint32_t hi = i + limit_ < n_ ? i + limit_ : n_;
    uint8_t low = out;
    if (lo > 0) row[lo - 1] = out;
    if (hi + 1 <= kMaxTypoWordBytes) row[hi + 1] = out;
    for (uint32_t j = lo; j <= hi; ++j) {
      uint32_t v = up[j] + 1u;
      if (j == 0) {
        v = i;
      } else {
        const uint32_t sub = up[j - 1] + (pattern_[j - 1] == c ? 0u : 1u);
        if (sub < v) v = sub;
        if (row[j - 1] + 1u < v) v = row[j - 1] + 1u;
        if (i > 1 && j > 1 && pattern_[j - 2] == c && pattern_[j - 1] == chars_[i - 2] &&
            rows_[i - 2][j - 2] + 1u < v) {
          v = rows_[i - 2][j - 2] + 1u;
        }
      }
      row[j] = clamp(v);
      if (row[j] < low) low = row[j];
    }
    row_min_[i] = low;
    const uint8_t end = end_cell(i);
    best_end_[i] = end < best_end_[i - 1] ? end : best_end_[i - 1];
  }

  char pattern_[kMaxTypoWordBytes];
  char chars_[kDepth];                         // the word behind rows 1..valid_
  uint8_t rows_[kDepth + 1][kMaxTypoWordBytes + 1];
  uint8_t row_min_[kDepth + 1];                // minimum of each row
  uint8_t best_end_[kDepth + 1];               // min of rows_[0..i][n_]: best prefix end
  uint32_t n_ = 0, limit_ = 0, valid_ = 0;
};

}  // namespace corpus::search

namespace corpus::search {

/// Optimal-string-alignment distance of two short strings when <= limit (at most
/// kMaxTypoDistance), else limit + 1; limit + 1 also when `a` exceeds kMaxTypoWordBytes.
/// Three rows on the stack (~100 bytes).
inline uint32_t osa_distance(std::string_view a, std::string_view b, uint32_t limit) {
  const uint32_t n = static_cast<uint32_t>(a.size()), m = static_cast<uint32_t>(b.size());
  if (n > kMaxTypoWordBytes || limit > kMaxTypoDistance || (n > m ? n - m : m - n) > limit) return limit + 1;
  uint8_t rows[3][kMaxTypoWordBytes + 1];
  for (uint32_t j = 0; j <= n; ++j) rows[0][j] = static_cast<uint8_t>(j);
  for (uint32_t i = 1; i <= m; ++i) {
    uint8_t* row = rows[i % 3];
    const uint8_t* up = rows[(i - 1) % 3];
    const uint8_t* up2 = rows[(i + 1) % 3];  // row i - 2
    row[0] = static_cast<uint8_t>(i > 255 ? 255 : i);
    uint32_t low = row[0];
    for (uint32_t j = 1; j <= n; ++j) {
      uint32_t v = up[j - 1] + (a[j - 1] == b[i - 1] ? 0u : 1u);
      if (up[j] + 1u < v) v = up[j] + 1u;
      if (row[j - 1] + 1u < v) v = row[j - 1] + 1u;
      if (i > 1 && j > 1 && a[j - 2] == b[i - 1] && a[j - 1] == b[i - 2] && up2[j - 2] + 1u < v) v = up2[j - 2] + 1u;
      row[j] = static_cast<uint8_t>(v > limit + 1 ? limit + 1 : v);
      if (row[j] < low) low = row[j];
    }
    if (low > limit) return limit + 1;
  }
  return rows[m % 3][n];
}

}  // namespace corpus::search
