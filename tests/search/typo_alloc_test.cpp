// Typo'd queries (candidate walks over terms and forms, corrections, the corrected
// query) and forgiving completion allocate nothing (tests/support/alloc_counter.cpp).
#include <catch.hpp>

#include <memory>
#include <string>

#include "alloc_counter.hpp"
#include "corpus/search/search.hpp"
#include "search_fixture.hpp"

using namespace corpus;
namespace cs = corpus::search;

TEST_CASE("typo'd searches make no heap allocation") {
  corpus_test::BuiltIndex b({{"Trade negotiations resume", "The negotiations on trade resumed in Geneva."},
                             {"Election results", "The election results were announced on Sunday."},
                             {"Tsunami relief", "Relief for the tsunami victims arrived."}});
  REQUIRE(b.status == Status::ok);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  static char out[256];
  const char* queries[] = {"negotations", "\"electoin resluts\"", "+tsunmai title:releif", "qqqqzzzzqq", "negotat*"};
  corpus_test::AllocationScope scope;
  uint32_t corrected = 0;
  for (const char* q : queries) {
    REQUIRE(cs::search(b.index, q, {}, ws.get()) == Status::ok);
    corrected += ws->results.corrections.count;
    (void)cs::corrected_query(q, ws->results.corrections, out, sizeof out);
  }
  static cs::EditRows rows;
  static cs::Completion completions[8];
  uint32_t n = 0, completed = 0;
  for (const char* partial : {"negotai", "electoin", "tsu", "qqqqq"}) {
    REQUIRE(cs::complete(b.index, partial, completions, 8, &n, nullptr, &rows) == Status::ok);
    completed += n;
  }
  const size_t allocations = scope.count();
  CHECK(corrected >= 4);
  CHECK(completed >= 3);
  CHECK(allocations == 0);
}
