// bench_ours: our runtime measured the way bench_peer measures the peers.
//   bench_ours BLOB CORPUS.jsonl QUERIES OUT.json [PASSES]
//     open time (Blob::open + search::Index::open + Reader::init on the mmapped
//     file), top-10 latency in both modes, fetch latency (find by id + read_all).
//   bench_ours --callgrind BLOB QUERIES N and|or
//     runs search() on the first N queries with callgrind collection on only around
//     the loop (run under valgrind --tool=callgrind --collect-atstart=no).
// Query text: the file's items as is (any term, ranked) or each prefixed with '+'
// (all required), in the runtime's own query language (corpus/search/query.hpp).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "bench_data.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/searcher.hpp"

namespace {

struct Mapped {
  const void* data = nullptr;
  size_t size = 0;
  explicit Mapped(const char* path) {
    int fd = ::open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) throw std::runtime_error(std::string("cannot open ") + path);
    size = static_cast<size_t>(st.st_size);
    data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) throw std::runtime_error("mmap failed");
  }
  ~Mapped() { munmap(const_cast<void*>(data), size); }
};

std::string our_query(const bench::BenchQuery& q, bench::Mode mode) {
  if (mode == bench::Mode::any) return q.text;
  std::string out;
  for (const bench::QueryItem& it : q.items) {
    if (!out.empty()) out += ' ';
    out += '+';
    if (it.kind == bench::ItemKind::phrase) out += '"';
    for (size_t i = 0; i < it.words.size(); ++i) out += (i ? " " : "") + it.words[i];
    if (it.kind == bench::ItemKind::phrase) out += '"';
    if (it.kind == bench::ItemKind::prefix) out += '*';
  }
  return out;
}

corpus::search::SearchWorkspace g_ws;  // ~14 KB, as a device would keep it in .bss

struct Opened {
  corpus::Blob blob;
  corpus::search::Index index;
  bool has_index = false;
};

void open_all(const Mapped& m, Opened* o, corpus::Reader* reader, void* ws, size_t ws_size) {
  if (corpus::Blob::open(m.data, m.size, &o->blob) != corpus::Status::ok) throw std::runtime_error("Blob::open failed");
  o->has_index = corpus::search::Index::open(o->blob, &o->index) == corpus::Status::ok;
  if (reader->init(o->blob, ws, ws_size) != corpus::Status::ok) throw std::runtime_error("Reader::init failed");
}

int callgrind(int argc, char** argv) {
  if (argc < 6) return 2;
  Mapped m(argv[2]);
  auto queries = bench::load_queries(argv[3]);
  const size_t n = std::min<size_t>(queries.size(), static_cast<size_t>(std::atoi(argv[4])));
  const bench::Mode mode = std::string(argv[5]) == "and" ? bench::Mode::all : bench::Mode::any;
  Opened o;
  if (corpus::Blob::open(m.data, m.size, &o.blob) != corpus::Status::ok ||
      corpus::search::Index::open(o.blob, &o.index) != corpus::Status::ok) {
    std::fprintf(stderr, "bench_ours: blob without a search index\n");
    return 1;
  }
  std::vector<std::string> texts;
  for (size_t i = 0; i < n; ++i) texts.push_back(our_query(queries[i], mode));
  corpus::search::SearchOptions options;
  uint64_t hits = 0;
  CALLGRIND_TOGGLE_COLLECT;
  for (size_t i = 0; i < n; ++i) {
    corpus::search::search(o.index, texts[i], options, &g_ws);
    hits += g_ws.results.count;
  }
  CALLGRIND_TOGGLE_COLLECT;
  std::printf("{\"queries\": %zu, \"hits\": %llu}\n", n, static_cast<unsigned long long>(hits));
  return 0;
}

int run(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--callgrind") return callgrind(argc, argv);
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_ours BLOB CORPUS QUERIES OUT [PASSES] | --callgrind BLOB QUERIES N and|or\n");
    return 2;
  }
  Mapped m(argv[1]);
  auto corpus = bench::load_corpus(argv[2]);
  auto queries = bench::load_queries(argv[3]);
  const int passes = argc > 5 ? std::atoi(argv[5]) : 3;
  nlohmann::json j = {{"system", "ours"}};

  Opened o;
  corpus::Reader reader;
  std::unique_ptr<corpus::Workspace<corpus::kFrameBytesDefault>> rws(new corpus::Workspace<corpus::kFrameBytesDefault>);
  std::vector<double> opens;
  for (int i = 0; i < 5; ++i) {
    Opened fresh;
    corpus::Reader r;
    auto t0 = bench::Clock::now();
    open_all(m, &fresh, &r, rws->data(), rws->size());
    opens.push_back(bench::micros_since(t0));
  }
  std::sort(opens.begin(), opens.end());
  j["open_us"] = opens[opens.size() / 2];
  open_all(m, &o, &reader, rws->data(), rws->size());
  j["has_index"] = o.has_index;
  if (o.has_index) {  // corpusc inspect --json does not itemize the index (yet)
    const corpus::fb::SearchIndex& x = corpus::search::detail::table(o.index);
    j["index_sections"] = {{"index.terms", corpus::vector_bytes(x.terms())},
                           {"index.term_blocks", corpus::vector_bytes(x.term_blocks())},
                           {"index.postings", corpus::vector_bytes(x.postings())},
                           {"index.positions", corpus::vector_bytes(x.positions())},
                           {"index.doc_norms", corpus::vector_bytes(x.doc_norms()) + corpus::vector_bytes(x.norm_k())},
                           {"index.doc_title_tokens", corpus::vector_bytes(x.doc_title_tokens())}};
  }

  if (o.has_index) {
    for (bench::Mode mode : {bench::Mode::all, bench::Mode::any}) {
      std::vector<std::string> texts;
      for (const auto& q : queries) texts.push_back(our_query(q, mode));
      corpus::search::SearchOptions options;
      options.k = 10;
      auto r = bench::time_queries(queries.size(), passes, [&](size_t i) {
        std::vector<std::string> ids;
        if (corpus::search::search(o.index, texts[i], options, &g_ws) == corpus::Status::ok) {
          for (uint32_t h = 0; h < g_ws.results.count; ++h) {
            ids.emplace_back(o.blob.article(g_ws.results.hits[h].article).id);
          }
        }
        return ids;
      });
      j[bench::mode_name(mode)] = bench::to_json(r);
    }
  }

  std::vector<char> buf(1u << 24);
  std::vector<double> fetch_us;
  size_t bytes = 0;
  for (size_t pos : bench::fetch_order(corpus.size())) {
    auto t0 = bench::Clock::now();
    uint32_t index;
    size_t got = 0;
    if (o.blob.find(corpus[pos].id, &index) == corpus::Status::ok) {
      corpus::ArticleInfo info = o.blob.article(index);
      if (reader.read_all(info.text, buf.data(), buf.size(), &got) != corpus::Status::ok) got = 0;
    }
    fetch_us.push_back(bench::micros_since(t0));
    bytes += got;
  }
  j["fetch_us"] = fetch_us;
  j["fetch_bytes"] = bytes;
  std::ofstream(argv[4]) << j.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_ours: %s\n", e.what());
    return 1;
  }
}
