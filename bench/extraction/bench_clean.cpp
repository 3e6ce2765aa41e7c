// bench_clean: the cleaning stage on a plain-text corpus folder (default: bbc-news).
// Prints the fraction of bytes BoilerplateDetector marks chrome, the most frequent chrome
// lines, and the near-duplicate clusters (size > 1), with --show-clusters N printing the
// first lines of N clusters for a manual precision check.
//
// Usage: bench_clean [corpus-dir] [--show-clusters N] [--show-chrome N]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "clean/boilerplate_detector.hpp"
#include "clean/near_duplicates.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string head(const std::string& s, std::size_t n) {
  std::string h = s.substr(0, n);
  std::replace(h.begin(), h.end(), '\n', ' ');
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::path(CORPUS_SHARED_DIR) / "corpora/bbc-news";
  std::size_t show_clusters = 0, show_chrome = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--show-clusters" && i + 1 < argc) show_clusters = std::stoul(argv[++i]);
    else if (arg == "--show-chrome" && i + 1 < argc) show_chrome = std::stoul(argv[++i]);
    else dir = arg;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(read_file(p));
  if (texts.empty()) {
    std::fprintf(stderr, "bench_clean: no .txt files under %s\n", dir.c_str());
    return 2;
  }

  corpusc::BoilerplateDetector detector;
  for (const auto& t : texts) detector.learn(t);
  std::size_t total = 0, chrome = 0, texts_with_chrome = 0;
  std::map<std::string, int> chrome_lines;
  std::vector<std::string> mains;
  for (const auto& t : texts) {
    total += t.size();
    const auto spans = detector.chrome_spans(t);
    texts_with_chrome += !spans.empty();
    for (const auto& s : spans) {
      chrome += s.end - s.begin;
      ++chrome_lines[head(t.substr(s.begin, s.end - s.begin), 100)];
    }
    mains.push_back(detector.main_text(t));
  }
  std::printf("texts %zu (distinct %zu)  bytes %zu  chrome bytes %zu (%.4f%%)  texts with chrome %zu\n",
              texts.size(), detector.learned_texts(), total, chrome,
              100.0 * static_cast<double>(chrome) / static_cast<double>(total), texts_with_chrome);
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [line, n] : chrome_lines) top.push_back({-n, line});
  std::sort(top.begin(), top.end());
  for (std::size_t i = 0; i < std::min(show_chrome, top.size()); ++i)
    std::printf("  chrome x%d: %s\n", -top[i].first, top[i].second.c_str());

  std::vector<std::string_view> views(mains.begin(), mains.end());
  const auto canonical = corpusc::cluster_near_duplicates(views);
  std::map<uint32_t, std::vector<uint32_t>> clusters;
  for (uint32_t i = 0; i < canonical.size(); ++i) clusters[canonical[i]].push_back(i);
  std::size_t multi = 0, members = 0, exact_members = 0;
  for (const auto& [c, m] : clusters) {
    if (m.size() < 2) continue;
    ++multi;
    members += m.size();
    for (uint32_t i : m) exact_members += i != c && texts[i] == texts[c];
  }
  std::printf("clusters of size > 1: %zu  (texts in them %zu; non-canonical members byte-identical to "
              "their canonical: %zu of %zu)\n",
              multi, members, exact_members, members - multi);
  std::size_t shown = 0;
  for (const auto& [c, m] : clusters) {
    if (m.size() < 2 || shown >= show_clusters) continue;
    bool all_exact = true;
    for (uint32_t i : m) all_exact = all_exact && texts[i] == texts[c];
    if (all_exact) continue;  // show only clusters that need reading
    ++shown;
    std::printf("-- cluster %zu\n", shown);
    for (uint32_t i : m) {
      const double j = corpusc::jaccard(corpusc::word_shingles(mains[c], 5), corpusc::word_shingles(mains[i], 5));
      std::printf("   %s J=%.3f %s\n", fs::relative(paths[i], dir).c_str(), j, head(texts[i], 110).c_str());
    }
  }
  return 0;
}
