// bench_scripts: nDCG@10 and Recall@10 of our index on one MLQA-R language, with a
// chosen set of script rules (text/scripts.hpp), to choose those rules by measurement.
//
//   bench_scripts [--dir DIR | --lang L] [--rules N] [--no-stem] [--query-chars N]
//
// DIR holds corpus.jsonl, queries.jsonl and qrels/test.tsv (BEIR layout; default
// ../shared/corpora/mlqa-r/L, L = zh). --rules sets TokenizerOptions::script_rules
// (default: all of them; 0 is the tokenizer before the rules). Each question is asked
// as plain text (no operators), top 10; --query-chars N asks only its first N
// characters instead (a typed keyword rather than a question). Prints one line: queries, failures, nDCG@10,
// Recall@10, index bytes, terms, ms per query. Missing data -> "SKIP".
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/search/searcher.hpp"
#include "index/index_builder.hpp"

namespace {

struct Doc {
  std::string id, title, text;
};

struct Data {
  std::vector<Doc> docs;
  std::map<std::string, std::string> queries, relevant;  // query id -> text, -> doc id
};

bool load(const std::string& dir, Data* d) {
  std::ifstream corpus_in(dir + "/corpus.jsonl"), queries_in(dir + "/queries.jsonl"),
      qrels_in(dir + "/qrels/test.tsv");
  if (!corpus_in || !queries_in || !qrels_in) return false;
  for (std::string line; std::getline(corpus_in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    d->docs.push_back({j["_id"].get<std::string>(), j.value("title", ""), j.value("text", "")});
  }
  for (std::string line; std::getline(queries_in, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    d->queries[j["_id"].get<std::string>()] = j["text"].get<std::string>();
  }
  for (std::string line; std::getline(qrels_in, line);) {
    char q[128], doc[128];
    int r = 0;
    if (std::sscanf(line.c_str(), "%127s %127s %d", q, doc, &r) == 3 && r > 0) d->relevant[q] = doc;
  }
  return true;
}

// The first `chars` UTF-8 characters of `text`.
std::string first_chars(const std::string& text, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < chars; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, lang = "zh";
  size_t query_chars = 0;
  corpus::text::TokenizerOptions tok;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--lang" && i + 1 < argc) lang = argv[++i];
    else if (a == "--rules" && i + 1 < argc) tok.script_rules = static_cast<uint32_t>(std::stoul(argv[++i], nullptr, 0));
    else if (a == "--no-stem") tok.stem_english = false;
    else if (a == "--query-chars" && i + 1 < argc) query_chars = std::stoul(argv[++i]);
    else {
      std::fprintf(stderr, "usage: bench_scripts [--dir DIR | --lang L] [--rules N] [--no-stem] [--query-chars N]\n");
      return 2;
    }
  }
  if (dir.empty()) dir = std::string(CORPUS_SHARED_DIR) + "/corpora/mlqa-r/" + lang;
  Data data;
  if (!load(dir, &data)) {
    std::printf("SKIP: %s has no corpus.jsonl, queries.jsonl, qrels/test.tsv\n", dir.c_str());
    return 0;
  }
  corpusc::IndexBuilder builder(tok);
  for (uint32_t i = 0; i < data.docs.size(); ++i) {
    corpusc::IndexDocument d;
    d.article = i;
    d.title = data.docs[i].title;
    d.body = data.docs[i].text;
    builder.add(d);
  }
  flatbuffers::FlatBufferBuilder fbb;
  fbb.Finish(builder.write(fbb));
  corpus::search::Index index;
  if (corpus::search::Index::open(*flatbuffers::GetRoot<corpus::fb::SearchIndex>(fbb.GetBufferPointer()),
                                  &index) != corpus::Status::ok) {
    std::fprintf(stderr, "index does not open\n");
    return 1;
  }
  static corpus::search::SearchWorkspace ws;
  corpus::search::SearchOptions opt;
  opt.k = 10;
  opt.parse.operators = false;
  double ndcg = 0, recall = 0;
  size_t n = 0, failed = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& [qid, doc_id] : data.relevant) {
    auto q = data.queries.find(qid);
    if (q == data.queries.end()) continue;
    ++n;
    const std::string text = query_chars ? first_chars(q->second, query_chars) : q->second;
    if (corpus::search::search(index, text, opt, &ws) != corpus::Status::ok) {
      ++failed;
      continue;
    }
    for (uint32_t r = 0; r < ws.results.count; ++r) {
      if (data.docs[ws.results.hits[r].article].id != doc_id) continue;
      ndcg += 1.0 / std::log2(static_cast<double>(r) + 2.0);  // one relevant passage: IDCG = 1
      recall += 1.0;
      break;
    }
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const double dn = n ? static_cast<double>(n) : 1.0;
  if (query_chars) std::printf("first %zu characters: ", query_chars);
  std::printf("%s rules 0x%x: %zu queries (%zu failed), nDCG@10 %.4f, Recall@10 %.4f, index %zu bytes, "
              "%u terms, %.3f ms/query\n",
              dir.c_str(), tok.script_rules, n, failed, ndcg / dn, recall / dn, size_t(fbb.GetSize()),
              builder.stats().terms, ms / dn);
  return 0;
}
