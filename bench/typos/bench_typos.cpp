// bench_typos: what typo tolerance keeps (bench/results/typos.md).
//
//   bench_typos bbc BLOB bench/typos/bbc_typos.tsv [--repeat N]
//   bench_typos scifact [--shared DIR] bench/typos/scifact_typos.tsv
// bbc: per query (CLEAN<TAB>TYPO), the share of the clean top-10 (typos off) that
// the typo'd query's top-10 keeps, with and without typo tolerance; whether the
// clean query ranks identically with and without it; whether the correction
// suggested is the clean query exactly; host latency p50/p95 of clean and typo'd
// queries (median of --repeat runs each). scifact: nDCG@10 of the clean and the
// typo'd claims (with and without typo tolerance) on an index built in-process.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/blob.hpp"
#include "corpus/search/searcher.hpp"
#include "index/index_builder.hpp"

namespace {

namespace cs = corpus::search;
cs::SearchWorkspace g_ws;

std::vector<uint32_t> run(const cs::Index& index, const std::string& q, bool typos, uint32_t k, bool plain) {
  cs::SearchOptions o;
  o.k = k;
  o.typos = typos;
  o.parse.operators = !plain;
  std::vector<uint32_t> out;
  if (cs::search(index, q, o, &g_ws) != corpus::Status::ok) return out;
  for (uint32_t i = 0; i < g_ws.results.count; ++i) out.push_back(g_ws.results.hits[i].article);
  return out;
}

std::string suggestion(const std::string& q) {
  std::string out(q.size() + 1024, '\0');
  out.resize(cs::corrected_query(q, g_ws.results.corrections, &out[0], out.size()));
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

double keep_share(const std::vector<uint32_t>& clean, const std::vector<uint32_t>& typo) {
  if (clean.empty()) return 1.0;
  size_t kept = 0;
  for (uint32_t a : clean) kept += std::find(typo.begin(), typo.end(), a) != typo.end();
  return static_cast<double>(kept) / static_cast<double>(clean.size());
}

// Median microseconds of `repeat` runs of q.
double time_us(const cs::Index& index, const std::string& q, int repeat) {
  std::vector<double> t;
  for (int r = 0; r < repeat; ++r) {
    auto a = std::chrono::steady_clock::now();
    run(index, q, true, 10, false);
    t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    rows.push_back(f);
  }
  return rows;
}

int bench_bbc(const std::string& blob_path, const std::string& tsv, int repeat) {
  std::ifstream f(blob_path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  corpus::Blob blob;
  cs::Index index;
  if (corpus::Blob::open(data.data(), data.size(), &blob) != corpus::Status::ok ||
      cs::Index::open(blob, &index) != corpus::Status::ok) {
    std::fprintf(stderr, "%s: not a blob with an index\n", blob_path.c_str());
    return 1;
  }
  double keep_on = 0, keep_off = 0;
  size_t n = 0, identical = 0, exact = 0, corrected = 0;
  std::vector<double> t_clean, t_typo;
  for (const auto& row : read_tsv(tsv)) {
    if (row.size() < 2) continue;
    const std::vector<uint32_t> clean = run(index, row[0], false, 10, false);
    identical += run(index, row[0], true, 10, false) == clean;
    keep_off += keep_share(clean, run(index, row[1], false, 10, false));
    keep_on += keep_share(clean, run(index, row[1], true, 10, false));
    corrected += g_ws.results.corrections.count > 0;
    const bool same = lower(suggestion(row[1])) == lower(row[0]);
    exact += same;
    std::printf("Q\t%s\t%s\t%s\t%s\n", row[0].c_str(), row[1].c_str(), suggestion(row[1]).c_str(), same ? "exact" : "-");
    t_clean.push_back(time_us(index, row[0], repeat));
    t_typo.push_back(time_us(index, row[1], repeat));
    ++n;
  }
  const double dn = n ? static_cast<double>(n) : 1.0;
  std::printf("bbc: %zu queries; typo'd top-10 keeps %.1f %% of the clean top-10 (%.1f %% without typo tolerance)\n",
              n, 100 * keep_on / dn, 100 * keep_off / dn);
  std::printf("bbc: clean queries identical with and without typo tolerance: %zu / %zu (%.1f %%)\n", identical, n,
              100 * static_cast<double>(identical) / dn);
  std::printf("bbc: corrected %zu, suggestion is the clean query exactly: %zu / %zu (%.1f %%)\n", corrected, exact, n,
              100 * static_cast<double>(exact) / dn);
  std::printf("bbc: host latency us: clean p50 %.1f p95 %.1f; typo'd p50 %.1f p95 %.1f (typo'd p50 = %.2fx clean p50)\n",
              pct(t_clean, 0.5), pct(t_clean, 0.95), pct(t_typo, 0.5), pct(t_typo, 0.95),
              pct(t_typo, 0.5) / std::max(pct(t_clean, 0.5), 1e-9));
  return 0;
}

double ndcg10(const std::vector<std::string>& ranked, const std::map<std::string, int>& rel) {
  double dcg = 0, idcg = 0;
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = rel.find(ranked[i]);
    if (it != rel.end() && it->second > 0) dcg += it->second / std::log2(static_cast<double>(i) + 2.0);
  }
  std::vector<int> gains;
  for (auto& [d, r] : rel) if (r > 0) gains.push_back(r);
  std::sort(gains.rbegin(), gains.rend());
  for (size_t i = 0; i < gains.size() && i < 10; ++i) idcg += gains[i] / std::log2(static_cast<double>(i) + 2.0);
  return idcg > 0 ? dcg / idcg : 0;
}

struct SciFact {
  std::vector<std::string> ids;  // doc ids in article order
  std::map<std::string, std::map<std::string, int>> qrels;
  flatbuffers::FlatBufferBuilder fbb;
};

bool load_scifact(const std::string& dir, SciFact* sf) {
  std::ifstream corpus_in(dir + "corpus.jsonl");
  if (!corpus_in) return false;
  std::vector<std::vector<std::string>> docs;
  for (std::string line; std::getline(corpus_in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    docs.push_back({j["_id"].get<std::string>(), j.value("title", ""), j.value("text", "")});
  }
  std::sort(docs.begin(), docs.end());
  corpusc::IndexBuilder builder(corpus::text::TokenizerOptions{}, corpusc::Bm25Settings{});
  for (uint32_t i = 0; i < docs.size(); ++i) {
    corpusc::IndexDocument d;
    d.article = i;
    d.title = docs[i][1];
    d.body = docs[i][2];
    builder.add(d);
    sf->ids.push_back(docs[i][0]);
  }
  sf->fbb.Finish(builder.write(sf->fbb));
  std::ifstream in(dir + "qrels/test.tsv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    char q[64], d[64];
    int r;
    if (std::sscanf(line.c_str(), "%63s %63s %d", q, d, &r) == 3) sf->qrels[q][d] = r;
  }
  return true;
}

int bench_scifact(const std::string& shared, const std::string& tsv) {
  SciFact sf;
  if (!load_scifact(shared + "/corpora/beir-scifact/", &sf)) {
    std::printf("SKIP: SciFact not found under %s\n", shared.c_str());
    return 0;
  }
  cs::Index index;
  if (cs::Index::open(*flatbuffers::GetRoot<corpus::fb::SearchIndex>(sf.fbb.GetBufferPointer()), &index) !=
      corpus::Status::ok) {
    return 1;
  }
  double clean = 0, on = 0, off = 0;
  size_t n = 0;
  auto ranked = [&](const std::vector<uint32_t>& hits) {
    std::vector<std::string> r;
    for (uint32_t h : hits) r.push_back(sf.ids[h]);
    return r;
  };
  for (const auto& row : read_tsv(tsv)) {
    if (row.size() < 3 || !sf.qrels.count(row[0])) continue;
    const auto& rel = sf.qrels[row[0]];
    clean += ndcg10(ranked(run(index, row[1], false, 10, true)), rel);
    off += ndcg10(ranked(run(index, row[2], false, 10, true)), rel);
    on += ndcg10(ranked(run(index, row[2], true, 10, true)), rel);
    ++n;
  }
  const double dn = n ? static_cast<double>(n) : 1.0;
  std::printf("scifact: %zu claims; nDCG@10 clean %.4f, typo'd %.4f with typo tolerance, %.4f without\n", n,
              clean / dn, on / dn, off / dn);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> a(argv + 1, argv + argc);
  if (a.size() >= 3 && a[0] == "bbc") {
    int repeat = 5;
    if (a.size() >= 5 && a[3] == "--repeat") repeat = std::max(1, std::stoi(a[4]));
    return bench_bbc(a[1], a[2], repeat);
  }
  if (a.size() >= 2 && a[0] == "scifact") {
    std::string shared = CORPUS_SHARED_DIR;
    if (a.size() >= 4 && a[1] == "--shared") return bench_scifact(a[2], a[3]);
    return bench_scifact(shared, a[1]);
  }
  std::fprintf(stderr, "usage: bench_typos bbc BLOB TSV [--repeat N] | bench_typos scifact [--shared DIR] TSV\n");
  return 2;
}
