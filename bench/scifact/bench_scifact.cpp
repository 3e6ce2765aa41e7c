// bench_scifact: nDCG@10 of corpusc's search index on BEIR SciFact.
//
// Indexes title + text of corpus.jsonl (documents in id order, as in a blob), runs
// each judged query as plain any-term ranked text (no operators), and scores the
// ranking with trec_eval's nDCG@10 (linear gains, log2 discount) and recall@100.
//
//   bench_scifact [--shared DIR] [--split test|train] [--k1 X] [--b X]
//                 [--title-weight N] [--stopwords] [--no-stem] [--run FILE]
//
// --split train evaluates SciFact's training claims instead, with relevance taken
// from queries.jsonl's evidence metadata (every claim that is not in the test qrels):
// that is the split to tune settings on; the test split is only reported.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/search/searcher.hpp"
#include "index/index_builder.hpp"

namespace {

struct Doc {
  std::string id, title, text;
};

double ndcg_at(const std::vector<std::string>& ranked, const std::map<std::string, int>& rel, size_t k) {
  double dcg = 0, idcg = 0;
  for (size_t i = 0; i < ranked.size() && i < k; ++i) {
    auto it = rel.find(ranked[i]);
    if (it != rel.end() && it->second > 0) dcg += it->second / std::log2(static_cast<double>(i) + 2.0);
  }
  std::vector<int> gains;
  for (auto& [d, r] : rel) if (r > 0) gains.push_back(r);
  std::sort(gains.rbegin(), gains.rend());
  for (size_t i = 0; i < gains.size() && i < k; ++i) idcg += gains[i] / std::log2(static_cast<double>(i) + 2.0);
  return idcg > 0 ? dcg / idcg : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = CORPUS_SHARED_DIR, split = "test", run_file;
  corpusc::Bm25Settings bm25;
  corpus::text::TokenizerOptions tok;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "missing value for %s\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--shared") shared = value();
    else if (a == "--split") split = value();
    else if (a == "--k1") bm25.k1 = std::stod(value());
    else if (a == "--b") bm25.b = std::stod(value());
    else if (a == "--title-weight") bm25.title_weight = static_cast<uint32_t>(std::stoul(value()));
    else if (a == "--stopwords") tok.drop_stopwords = true;
    else if (a == "--no-stem") tok.stem_english = false;
    else if (a == "--run") run_file = value();
    else {
      std::fprintf(stderr, "usage: bench_scifact [--shared DIR] [--split test|train] [--k1 X] [--b X] "
                           "[--title-weight N] [--stopwords] [--no-stem] [--run FILE]\n");
      return 2;
    }
  }
  const std::string dir = shared + "/corpora/beir-scifact/";
  std::ifstream corpus_in(dir + "corpus.jsonl");
  if (!corpus_in) {
    std::printf("SKIP: %scorpus.jsonl not found\n", dir.c_str());
    return 0;
  }
  std::vector<Doc> docs;
  for (std::string line; std::getline(corpus_in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    docs.push_back({j["_id"].get<std::string>(), j.value("title", ""), j.value("text", "")});
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.id < b.id; });

  // Judgments: test qrels, or the training claims' evidence.
  std::map<std::string, std::map<std::string, int>> qrels;
  std::set<std::string> test_ids;
  {
    std::ifstream in(dir + "qrels/test.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      char q[64], d[64];
      int r;
      if (std::sscanf(line.c_str(), "%63s %63s %d", q, d, &r) == 3) {
        test_ids.insert(q);
        if (split == "test") qrels[q][d] = r;
      }
    }
  }
  std::map<std::string, std::string> queries;
  {
    std::ifstream in(dir + "queries.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      std::string id = j["_id"].get<std::string>();
      queries[id] = j["text"].get<std::string>();
      if (split == "train" && !test_ids.count(id) && j.contains("metadata")) {
        for (auto& [doc, ev] : j["metadata"].items()) qrels[id][doc] = 1;
      }
    }
  }

  auto t0 = std::chrono::steady_clock::now();
  corpusc::IndexBuilder builder(tok, bm25);
  for (uint32_t i = 0; i < docs.size(); ++i) {
    corpusc::IndexDocument d;
    d.article = i;
    d.title = docs[i].title;
    d.body = docs[i].text;
    builder.add(d);
  }
  flatbuffers::FlatBufferBuilder fbb;
  fbb.Finish(builder.write(fbb));
  auto t1 = std::chrono::steady_clock::now();
  corpus::search::Index index;
  if (corpus::search::Index::open(*flatbuffers::GetRoot<corpus::fb::SearchIndex>(fbb.GetBufferPointer()),
                                  &index) != corpus::Status::ok) {
    std::fprintf(stderr, "index does not open\n");
    return 1;
  }

  static corpus::search::SearchWorkspace ws;
  corpus::search::SearchOptions opt;
  opt.k = 100;  // recall@100; nDCG@10 reads the first 10
  opt.parse.operators = false;
  double ndcg = 0, recall = 0;
  size_t n = 0, failed = 0;
  std::FILE* run = run_file.empty() ? nullptr : std::fopen(run_file.c_str(), "w");
  auto t2 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  for (auto& [qid, rel] : qrels) {
    auto qt = queries.find(qid);
    if (qt == queries.end()) continue;
    corpus::Status s = corpus::search::search(index, qt->second, opt, &ws);
    std::vector<std::string> ranked;
    if (s != corpus::Status::ok) {
      ++failed;
      std::fprintf(stderr, "query %s: %s\n", qid.c_str(), corpus::status_message(s));
    }
    for (uint32_t i = 0; s == corpus::Status::ok && i < ws.results.count; ++i) {
      ranked.push_back(docs[ws.results.hits[i].article].id);
      if (run) {
        std::fprintf(run, "%s Q0 %s %u %u corpusc\n", qid.c_str(), ranked.back().c_str(), i + 1,
                     ws.results.hits[i].score);
      }
    }
    ndcg += ndcg_at(ranked, rel, 10);
    size_t found = 0, total = 0;
    for (auto& [d, r] : rel) {
      if (r <= 0) continue;
      ++total;
      if (std::find(ranked.begin(), ranked.end(), d) != ranked.end()) ++found;
    }
    recall += total ? static_cast<double>(found) / static_cast<double>(total) : 0;
    ++n;
  }
  auto t3 = std::chrono::steady_clock::now();
  const double cpu_ms = 1000.0 * double(std::clock() - cpu0) / CLOCKS_PER_SEC;
  if (run) std::fclose(run);
  const auto& st = builder.stats();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("scifact %s: %zu queries (%zu failed), nDCG@10 %.4f, recall@100 %.4f\n", split.c_str(), n, failed,
              n ? ndcg / static_cast<double>(n) : 0, n ? recall / static_cast<double>(n) : 0);
  std::printf("settings: k1 %.2f b %.2f title_weight %u stem %d stopwords %d\n", bm25.k1, bm25.b,
              bm25.title_weight, tok.stem_english, tok.drop_stopwords);
  std::printf("index: %u docs, %u terms, %llu postings, %llu positions; %zu bytes (dictionary %llu, postings "
              "%llu, positions %llu); build %.0f ms, %.3f ms/query (%.3f ms CPU)\n",
              st.docs, st.terms, (unsigned long long)st.postings, (unsigned long long)st.positions,
              size_t(fbb.GetSize()), (unsigned long long)st.dictionary_bytes, (unsigned long long)st.postings_bytes,
              (unsigned long long)st.positions_bytes, ms(t0, t1), n ? ms(t2, t3) / static_cast<double>(n) : 0,
              n ? cpu_ms / static_cast<double>(n) : 0);
  return 0;
}
