// Near-duplicate clustering of article main texts: MinHash over word shingles, LSH
// banding to find candidate pairs, and the exact Jaccard similarity of the shingle sets
// to accept a pair (so LSH collisions never merge dissimilar texts).
//
// Similarity: Jaccard of the sets of `shingle_words`-word shingles, where words are runs
// of ASCII letters/digits or non-ASCII bytes, ASCII lower-cased. A text with fewer words
// than `shingle_words` is one shingle; a text with no words is never a near duplicate.
//
// Cluster rule (deterministic, no transitive chaining): texts are visited in index order;
// text i joins the lowest-index canonical text j < i with Jaccard(i, j) >= min_jaccard,
// otherwise it is canonical itself. So every member is similar to its canonical above the
// threshold, and the canonical is the cluster's lowest index.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace corpusc {

struct NearDuplicateOptions {
  double min_jaccard = 0.8;   // accepted pairs have exact shingle Jaccard >= this
  uint32_t shingle_words = 5;
  // LSH: bands * rows MinHash values. With 20 x 5 a pair at Jaccard 0.8 becomes a
  // candidate with probability 0.9996, at 0.5 with 0.47 (then rejected by the check).
  uint32_t bands = 20;
  uint32_t rows = 5;
  // Buckets holding more texts than this are skipped (they come from shingles shared by
  // masses of texts, e.g. empty-ish templates), bounding the pair checks.
  uint32_t max_bucket = 1000;
};

// For each text, the index of its cluster's canonical member (itself when it has none).
std::vector<uint32_t> cluster_near_duplicates(const std::vector<std::string_view>& main_texts,
                                              const NearDuplicateOptions& options = {});

// Sorted distinct shingle hashes of `text` (the sets whose Jaccard is compared).
std::vector<uint64_t> word_shingles(std::string_view text, uint32_t shingle_words);

// Exact Jaccard of two sorted distinct sets; 0 when both are empty.
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace corpusc
