// bench_extraction: main-text quality of read_html() on Zyte's article extraction
// benchmark (../shared/corpora/article-extraction-benchmark: html/ID.html.gz and
// ground-truth.json with the gold "articleBody").
//
// Metric, as the benchmark's evaluate.py defines it: tokens are \w+ runs (Unicode letters,
// digits, '_'; case kept); per page, TP/FP/FN over multisets of 4-token shingles,
// normalized by their sum; precision and recall are means over pages; F1 = 2PR/(P+R).
// Also printed: the same with single tokens (n=1).
//
// Usage: bench_extraction [benchmark-dir] [--worst N] [--show ID]
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include "ingest/html_reader.hpp"

namespace {

std::vector<std::string> tokenize(const std::string& text) {
  std::vector<std::string> tokens;
  std::string token;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: a separator
      n = 1;
      cp = -1;
    }
    bool word = false;
    if (cp == '_') {
      word = true;
    } else if (cp >= 0) {
      const utf8proc_category_t c = utf8proc_category(cp);
      word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
             (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
    }
    if (word) {
      token.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    } else if (!token.empty()) {
      tokens.push_back(token);
      token.clear();
    }
    p += n;
    left -= n;
  }
  if (!token.empty()) tokens.push_back(token);
  return tokens;
}

std::map<std::string, int> shingles(const std::string& text, std::size_t n) {
  std::map<std::string, int> counts;
  const std::vector<std::string> t = tokenize(text);
  const std::size_t count = t.size() >= n ? t.size() - n + 1 : (t.empty() ? 0 : 1);
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    for (std::size_t j = i; j < std::min(t.size(), i + n); ++j) key += t[j] + '\x1f';
    ++counts[key];
  }
  return counts;
}

struct Score {
  double precision = 0, recall = 0;
};

// Per-page precision/recall with evaluate.py's edge cases.
Score score(const std::string& gold, const std::string& pred, std::size_t n) {
  const auto g = shingles(gold, n), p = shingles(pred, n);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [k, c] : g) {
    auto it = p.find(k);
    const int pc = it == p.end() ? 0 : it->second;
    tp += std::min(c, pc);
    fn += std::max(0, c - pc);
  }
  for (const auto& [k, c] : p) {
    auto it = g.find(k);
    fp += std::max(0, c - (it == g.end() ? 0 : it->second));
  }
  Score s;
  s.precision = (fp == 0 && fn == 0) ? 1 : (tp == 0 && fp == 0) ? 0 : tp / (tp + fp);
  s.recall = (fp == 0 && fn == 0) ? 1 : (tp == 0 && fn == 0) ? 0 : tp / (tp + fn);
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(CORPUS_SHARED_DIR) + "/corpora/article-extraction-benchmark";
  std::size_t worst = 0;
  std::string show;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--worst" && i + 1 < argc) worst = std::stoul(argv[++i]);
    else if (arg == "--show" && i + 1 < argc) show = argv[++i];
    else dir = arg;
  }
  std::ifstream gt_in(dir + "/ground-truth.json");
  if (!gt_in) {
    std::cerr << "bench_extraction: no ground-truth.json under " << dir << "\n";
    return 2;
  }
  const nlohmann::json truth = nlohmann::json::parse(gt_in);

  double p4 = 0, r4 = 0, p1 = 0, r1 = 0;
  std::size_t pages = 0, with_title = 0, with_date = 0, with_url = 0;
  std::vector<std::pair<double, std::string>> per_page;
  for (const auto& [id, entry] : truth.items()) {
    const std::string bytes = read_file(dir + "/html/" + id + ".html.gz");
    const corpusc::InputArticle a = corpusc::read_html(bytes, id, id + ".html.gz");
    const std::string gold = entry.value("articleBody", "");
    const Score s4 = score(gold, a.body, 4), s1 = score(gold, a.body, 1);
    p4 += s4.precision;
    r4 += s4.recall;
    p1 += s1.precision;
    r1 += s1.recall;
    ++pages;
    with_title += !a.title.empty();
    with_date += a.date.has_value();
    with_url += !a.url.empty();
    const double f = s4.precision + s4.recall > 0 ? 2 * s4.precision * s4.recall / (s4.precision + s4.recall) : 0;
    per_page.push_back({f, id});
    if (id == show)
      std::cout << "== " << id << " P=" << s4.precision << " R=" << s4.recall << "\n-- title: " << a.title
                << "\n-- extracted:\n" << a.body << "\n-- gold:\n" << gold << "\n";
  }
  if (pages == 0) return 2;
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; };
  const double n = static_cast<double>(pages);
  p4 /= n;
  r4 /= n;
  p1 /= n;
  r1 /= n;
  std::printf("pages %zu  title %zu  date %zu  url %zu\n", pages, with_title, with_date, with_url);
  std::printf("4-gram shingles (benchmark metric): precision %.3f recall %.3f F1 %.3f\n", p4, r4, f1(p4, r4));
  std::printf("single tokens:                      precision %.3f recall %.3f F1 %.3f\n", p1, r1, f1(p1, r1));
  std::sort(per_page.begin(), per_page.end());
  for (std::size_t i = 0; i < std::min(worst, per_page.size()); ++i)
    std::printf("  worst %.3f %s\n", per_page[i].first, per_page[i].second.c_str());
  return 0;
}
