// Shared pieces of the benchmark harnesses: the normalized corpus (JSONL written by
// prepare_corpus.py), the query file (bench/queries/make_queries.py), the timing
// protocol, and the JSON each harness prints for bench/run.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

struct Article {
  std::string id, title, text;
};

inline std::vector<Article> load_corpus(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Article> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    out.push_back({j.at("id").get<std::string>(), j.value("title", ""), j.value("text", "")});
  }
  return out;
}

enum class ItemKind { word, phrase, prefix };
struct QueryItem {
  ItemKind kind = ItemKind::word;
  std::vector<std::string> words;  // one word, the phrase's words, or the prefix (no '*')
};
struct BenchQuery {
  std::string kind, text;
  std::vector<QueryItem> items;
};

/// "KIND<TAB>QUERY" lines ('#' comments); QUERY: words, "phrases", prefix*.
inline std::vector<BenchQuery> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<BenchQuery> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    BenchQuery q;
    size_t tab = line.find('\t');
    q.kind = tab == std::string::npos ? "query" : line.substr(0, tab);
    q.text = tab == std::string::npos ? line : line.substr(tab + 1);
    const std::string& t = q.text;
    for (size_t i = 0; i < t.size();) {
      if (t[i] == ' ') { ++i; continue; }
      QueryItem item;
      size_t end;
      if (t[i] == '"') {
        end = t.find('"', i + 1);
        if (end == std::string::npos) end = t.size();
        std::string inner = t.substr(i + 1, end - i - 1);
        for (size_t a = 0; a < inner.size();) {
          size_t b = inner.find(' ', a);
          if (b == std::string::npos) b = inner.size();
          if (b > a) item.words.push_back(inner.substr(a, b - a));
          a = b + 1;
        }
        item.kind = item.words.size() > 1 ? ItemKind::phrase : ItemKind::word;
        ++end;
      } else {
        end = t.find(' ', i);
        if (end == std::string::npos) end = t.size();
        std::string w = t.substr(i, end - i);
        if (!w.empty() && w.back() == '*') {
          item.kind = ItemKind::prefix;
          w.pop_back();
        }
        item.words.push_back(w);
      }
      if (!item.words.empty()) q.items.push_back(item);
      i = end;
    }
    out.push_back(q);
  }
  return out;
}

/// The two query semantics every system runs: all items required, or any item (ranked).
enum class Mode { all, any };
inline const char* mode_name(Mode m) { return m == Mode::all ? "and" : "or"; }

using Clock = std::chrono::steady_clock;
inline double micros_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

/// Timing protocol shared by all systems: one warm-up pass over all queries, then
/// `passes` timed passes; a query's latency is the median of its passes (µs).
/// `run(i)` runs query i once and returns its top-k ids (kept from the last pass).
struct ModeResult {
  std::vector<double> latency_us;
  std::vector<std::vector<std::string>> hits;
};
inline ModeResult time_queries(size_t n, int passes,
                               const std::function<std::vector<std::string>(size_t)>& run) {
  ModeResult r;
  r.hits.resize(n);
  for (size_t i = 0; i < n; ++i) r.hits[i] = run(i);
  std::vector<std::vector<double>> t(n);
  for (int p = 0; p < passes; ++p) {
    for (size_t i = 0; i < n; ++i) {
      auto t0 = Clock::now();
      auto hits = run(i);
      t[i].push_back(micros_since(t0));
      if (p + 1 == passes) r.hits[i] = std::move(hits);
    }
  }
  for (auto& v : t) {
    std::sort(v.begin(), v.end());
    r.latency_us.push_back(v[v.size() / 2]);
  }
  return r;
}

/// Articles fetched in the fetch test: a fixed stride through the corpus.
inline std::vector<size_t> fetch_order(size_t n, size_t count = 1000) {
  std::vector<size_t> out;
  for (size_t j = 0; j < std::min(n, count); ++j) out.push_back((j * 7919u + 13u) % n);
  return out;
}

inline nlohmann::json to_json(const ModeResult& r) {
  return {{"latency_us", r.latency_us}, {"hits", r.hits}};
}

}  // namespace bench
