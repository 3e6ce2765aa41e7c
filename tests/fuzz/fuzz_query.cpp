// Fuzz target (e1): the query parser and search() over a fixed index (examples/corpus).
// Input: byte 0 picks k, sort order and operators; the rest is the query text.
// Checked beyond "no crash": results are bounded by k, name indexed documents, and
// come best first; parse_query() accepts any bytes (ok or a documented status).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/search/searcher.hpp"
#include "example_index.hpp"
#include "fuzz_support.hpp"

namespace {

corpus::search::SearchWorkspace g_ws;
corpus::search::Query g_query;

bool documented(corpus::Status s) {
  return s == corpus::Status::ok || s == corpus::Status::bad_query || s == corpus::Status::limit_exceeded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const corpus_test::BuiltIndex& built = corpus_fuzz::example_index();
  FUZZ_CHECK(built.status == corpus::Status::ok);
  corpus_fuzz::AlignedInput in(data + 1, size - 1);  // exact size: ASan sees overreads
  std::string_view text(reinterpret_cast<const char*>(in.data()), in.size());

  corpus::search::SearchOptions opt;
  opt.k = 1 + (data[0] & 0x0F) * 7;  // 1..106: past kMaxResults too
  opt.sort = static_cast<corpus::search::SortOrder>((data[0] >> 4) % 3);
  opt.parse.operators = (data[0] & 0x40) == 0;
  if (data[0] & 0x80) {
    opt.date_filter = true;
    opt.date_from = 0;
    opt.date_to = 1700000000;
  }

  corpus::Status ps = corpus::search::parse_query(text, built.index.tokenizer(), &g_query, opt.parse);
  FUZZ_CHECK(documented(ps));
  if (ps == corpus::Status::ok) {
    FUZZ_CHECK(g_query.clause_count <= corpus::search::kMaxClauses);
    FUZZ_CHECK(g_query.term_count <= corpus::search::kMaxQueryTerms);
  }

  corpus::Status s = corpus::search::search(built.index, text, opt, &g_ws);
  FUZZ_CHECK(documented(s));
  if (s != corpus::Status::ok) return 0;
  const auto& res = g_ws.results;
  FUZZ_CHECK(res.count <= opt.k && res.count <= corpus::search::kMaxResults);
  for (uint32_t i = 0; i < res.count; ++i) {
    FUZZ_CHECK(res.hits[i].article < built.index.doc_slots());
    if (i > 0 && opt.sort == corpus::search::SortOrder::relevance) {
      FUZZ_CHECK(res.hits[i - 1].score >= res.hits[i].score);
    }
  }
  return 0;
}
