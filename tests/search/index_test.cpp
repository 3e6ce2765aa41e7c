// The index round trip: what IndexBuilder writes, the runtime's dictionary and
// postings readers decode exactly (doc ids, frequencies, title counts, positions).
#include <catch.hpp>

#include <map>
#include <random>
#include <string>

#include "corpus/search/index_verify.hpp"
#include "corpus/search/postings.hpp"
#include "corpus/search/prefix_terms.hpp"
#include "index/form_dictionary_writer.hpp"
#include "corpus/search/term_dictionary.hpp"
#include "search_fixture.hpp"

using namespace corpus;
using namespace corpus::search;
using corpus_test::BuiltIndex;
using corpus_test::TestDoc;

namespace {

std::vector<uint32_t> all_positions(PostingCursor& c) {
  std::vector<uint32_t> out;
  PositionReader r = c.positions();
  uint32_t p;
  while (r.next(&p)) out.push_back(p);
  return out;
}

}  // namespace

TEST_CASE("exact and prefix lookups find the indexed terms") {
  BuiltIndex b({{"Karabakh talks", "Armenia and Azerbaijan met in Karachi."},
                {"Other", "karaoke night in the karabakh region"}});
  REQUIRE(b.status == Status::ok);
  TermEntry e;
  REQUIRE(find_term(b.index, "karabakh", &e) == Status::ok);
  CHECK(e.df == 2);
  CHECK(find_term(b.index, "karab", &e) == Status::not_found);
  CHECK(find_term(b.index, "zzz", &e) == Status::not_found);
  CHECK(find_term(b.index, "", &e) == Status::not_found);

  TermIterator it(b.index);
  REQUIRE(it.seek("kara") == Status::ok);
  std::vector<std::string> got;
  while (!it.at_end() && starts_with(it.entry().view(), "kara")) {
    got.emplace_back(it.entry().view());
    REQUIRE(it.next() == Status::ok);
  }
  CHECK(got == std::vector<std::string>{"karabakh", "karachi", "karaok"});
}

TEST_CASE("postings decode to what was indexed, across many blocks") {
  // 1000 documents; "common" in every third, "rare" in two, with known positions.
  std::vector<TestDoc> docs;
  std::mt19937 gen(7);
  auto rng = [&gen] { return static_cast<uint32_t>(gen()); };
  std::map<uint32_t, std::vector<uint32_t>> common_pos;
  for (uint32_t d = 0; d < 1000; ++d) {
    std::string body;
    uint32_t pos = 0;
    uint32_t words = 5 + rng() % 40;
    for (uint32_t w = 0; w < words; ++w) {
      bool common = d % 3 == 0 && rng() % 4 == 0;
      body += common ? "common " : "filler" + std::to_string(rng() % 50) + " ";
      if (common) common_pos[d].push_back(pos + 2);  // title "doc N" takes 0..1, body from 3
      ++pos;
    }
    if (d == 17 || d == 999) body += "rare";
    docs.push_back({"doc " + std::to_string(d), body});
  }
  BuiltIndex b(docs);
  REQUIRE(b.status == Status::ok);
  TermEntry e;
  REQUIRE(find_term(b.index, "common", &e) == Status::ok);
  CHECK(e.df == common_pos.size());
  PostingCursor c;
  c.open(b.index, e);
  for (const auto& [doc, positions] : common_pos) {
    REQUIRE(c.doc() == doc);
    CHECK(c.tf() == positions.size());
    CHECK(c.title_tf() == 0);
    std::vector<uint32_t> want;
    for (uint32_t p : positions) want.push_back(p + 1);
    CHECK(all_positions(c) == want);
    c.next();
  }
  CHECK(c.doc() == kEndDoc);
  CHECK_FALSE(c.bad());

  // skip_to lands on the first doc >= target, using the skip table.
  c.open(b.index, e);
  c.skip_to(500);
  CHECK(c.doc() == common_pos.lower_bound(500)->first);
  c.skip_to(1000);
  CHECK(c.doc() == kEndDoc);

  REQUIRE(find_term(b.index, "rare", &e) == Status::ok);
  c.open(b.index, e);
  CHECK(c.doc() == 17);
  c.next();
  CHECK(c.doc() == 999);

  REQUIRE(find_term(b.index, "doc", &e) == Status::ok);
  CHECK(e.df == 1000);
  c.open(b.index, e);
  c.skip_to(640);
  REQUIRE(c.doc() == 640);
  CHECK(c.title_tf() == 1);
  CHECK(all_positions(c) == std::vector<uint32_t>{0});
}

TEST_CASE("excluded byte ranges get no postings but keep positions") {
  //                 0123456789012345678901234
  std::string body = "alpha boiler plate omega";
  BuiltIndex b({TestDoc("", body, {{6, 18}})});
  REQUIRE(b.status == Status::ok);
  TermEntry e;
  CHECK(find_term(b.index, "boiler", &e) == Status::not_found);
  CHECK(find_term(b.index, "plate", &e) == Status::not_found);
  REQUIRE(find_term(b.index, "omega", &e) == Status::ok);
  PostingCursor c;
  c.open(b.index, e);
  CHECK(all_positions(c) == std::vector<uint32_t>{1 + 3});
}

TEST_CASE("index_checksum changes with any section byte") {
  BuiltIndex b({TestDoc("t", "some words here")});
  const fb::SearchIndex* root = &corpus::search::detail::table(b.index);
  uint64_t before = index_checksum(*root);
  CHECK(index_checksum(*root) == before);
  const_cast<uint8_t*>(root->postings()->data())[0] ^= 1;
  CHECK(index_checksum(*root) != before);
}

TEST_CASE("surface forms: the longest per stem that the stem does not start, reachable by prefix") {
  using corpusc::forms_to_keep;
  CHECK(forms_to_keep("negoti", {"negotiations", "negotiation", "negotiating", "negoti", "nego"}) ==
        std::vector<std::string_view>{"negotiating", "negotiations"});
  CHECK(forms_to_keep("compani", {"company", "companies", "compani"}) ==
        std::vector<std::string_view>{"companies", "company"});
  CHECK(forms_to_keep("talk", {"talk", "talks", "talking", "talk"}) ==
        std::vector<std::string_view>{"talking", "talks"});

  BuiltIndex b({{"Talks", "Negotiations and negotiating; the negotiator negotiated."},
                {"Other", "A company, two companies, crying and cries."}});
  REQUIRE(b.status == Status::ok);
  CHECK(b.index.form_count() > 0);
  CHECK(verify_index(b.index).status == Status::ok);
  for (const char* prefix : {"negotiat", "negotiati", "companie", "cryi", "crie"}) {
    INFO(prefix);
    PrefixTerms terms(b.index, prefix);
    TermEntry e;
    std::string_view form;
    bool done = false;
    uint32_t n = 0;
    for (Status s = terms.next(&e, &form, &done); !done; s = terms.next(&e, &form, &done)) {
      REQUIRE(s == Status::ok);
      CHECK(starts_with(form, prefix));
      ++n;
    }
    CHECK(n == 1);  // one term, however many of its forms match
  }
}

TEST_CASE("verify_index catches a surface form that names the wrong term") {
  BuiltIndex b(std::vector<TestDoc>{{"Talks", "Negotiations went on; companies talked."}});
  REQUIRE(b.status == Status::ok);
  REQUIRE(verify_index(b.index).status == Status::ok);
  const auto* forms = flatbuffers::GetRoot<corpus::fb::SearchIndex>(b.fbb.GetBufferPointer())->forms();
  REQUIRE(forms != nullptr);
  REQUIRE(forms->size() > 2);
  // The first form's term code (its first byte) follows its length byte and bytes.
  FormIterator it(b.index);
  REQUIRE(it.rewind() == Status::ok);
  const uint32_t first_len = it.entry().length;
  uint8_t* code = const_cast<uint8_t*>(forms->data()) + 1 + first_len;  // the test owns the buffer
  *code = static_cast<uint8_t>(*code ^ 1u);
  IndexVerifyReport rep = verify_index(b.index);
  CHECK(rep.status == Status::malformed);
  CHECK(std::string(rep.what) == "index: forms");
}
