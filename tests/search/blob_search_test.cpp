// Search on real blobs compiled by corpusc: the seed pages (../shared/seeds), dates,
// snippets, completions and the CLI-visible behaviour of the index in a blob.
#include <catch.hpp>
#include "support/skip.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"
#include "temp_corpus.hpp"

using namespace corpus;
namespace cs = corpus::search;
namespace fs = std::filesystem;

namespace {

struct Searchable {
  corpus_test::Compiled c;
  cs::Index index;
  std::unique_ptr<cs::SearchWorkspace> ws = std::make_unique<cs::SearchWorkspace>();

  explicit Searchable(const std::vector<std::string>& inputs) {
    corpus_test::compile(inputs, corpusc::BuildSettings(), c);
    REQUIRE(cs::Index::open(c.blob, &index) == Status::ok);
  }
  std::vector<std::string> ids(const std::string& q, cs::SearchOptions opt = {}) {
    INFO(q);
    REQUIRE(cs::search(index, q, opt, ws.get()) == Status::ok);
    std::vector<std::string> out;
    for (uint32_t i = 0; i < ws->results.count; ++i) {
      out.emplace_back(c.blob.article(ws->results.hits[i].article).id);
    }
    return out;
  }
};

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The shared sample pages compiled and searchable, or null (with a warning) when
// ../shared is absent.
std::unique_ptr<Searchable> seed_pages() {
  const std::string seeds = std::string(CORPUS_SHARED_DIR) + "/seeds";
  if (!fs::is_directory(seeds)) {
    WARN("SKIP: " << seeds << " not found");
    corpus_test::mark_skipped();
    return nullptr;
  }
  return std::make_unique<Searchable>(std::vector<std::string>{seeds});
}

}  // namespace

TEST_CASE("seed pages: ranking, phrase and prefix") {
  std::unique_ptr<Searchable> seeds = seed_pages();
  if (!seeds) return;
  Searchable& s = *seeds;
  cs::SearchOptions opt;
  opt.k = 50;
  auto top = s.ids("Lachin corridor", opt);
  REQUIRE_FALSE(top.empty());
  CHECK(top.front() == "004_d5e6e064cd57f212.txt");

  // Expected sets straight from the files (the canonical page of each duplicate group).
  std::set<std::string> minsk, karabakh;
  for (uint32_t i = 0; i < s.c.blob.article_count(); ++i) {
    ArticleInfo a = s.c.blob.article(i);
    if (a.canonical != i) continue;
    std::string text = lower(std::string(a.title) + "\n" + s.c.main_text(a.text));
    if (text.find("minsk group") != std::string::npos) minsk.insert(std::string(a.id));
    if (text.find("karabakh") != std::string::npos) karabakh.insert(std::string(a.id));
  }
  REQUIRE_FALSE(minsk.empty());
  REQUIRE_FALSE(karabakh.empty());
  auto phrase = s.ids("\"Minsk Group\"", opt);
  CHECK(std::set<std::string>(phrase.begin(), phrase.end()) == minsk);
  auto prefix = s.ids("Kara*", opt);
  std::set<std::string> got(prefix.begin(), prefix.end());
  for (const std::string& id : karabakh) CHECK(got.count(id) == 1);
}

TEST_CASE("seed pages: duplicates are one result, teaser-only words find nothing") {
  std::unique_ptr<Searchable> seeds = seed_pages();
  if (!seeds) return;
  Searchable& s = *seeds;
  cs::SearchOptions opt;
  opt.k = 50;
  // 000 and 001 carry the same article with different trailers: one result, whose
  // record lists the other page as its variant.
  std::vector<std::string> karabakh = s.ids("Karabakh", opt);
  std::set<std::string> prefixes;
  for (const std::string& id : karabakh) prefixes.insert(id.substr(0, 3));
  CHECK(karabakh.size() == 4);
  CHECK(prefixes == std::set<std::string>{prefixes.count("000") ? "000" : "001", "002", "003", "004"});
  uint32_t pair = 0;
  REQUIRE(s.c.blob.find(prefixes.count("000") ? "000_487d5624f965fa68.txt" : "001_f8a4880ce6ef9fa1.txt", &pair) ==
          Status::ok);
  ArticleInfo head = s.c.blob.article(pair);
  REQUIRE(head.variants_count == 1);
  const std::string other(s.c.blob.article(s.c.blob.variant(head, 0)).id);
  CHECK(other.substr(0, 3) == (prefixes.count("000") ? "001" : "000"));
  // These words occur only in the teaser blocks after "Related articles".
  for (const char* q : {"Greenland", "Borrell", "Rutte", "Georgian Dream", "\"Georgian Dream\""}) {
    INFO(q);
    CHECK(s.ids(q, opt).empty());
  }
}

TEST_CASE("dates filter and sort; the index is covered by verify") {
  corpus_test::TempCorpus t;
  t.write("a.jsonl",
          "{\"_id\":\"old\",\"title\":\"Harbour news\",\"text\":\"The harbour opened.\",\"date\":\"2001-05-01\"}\n"
          "{\"_id\":\"mid\",\"title\":\"More harbour\",\"text\":\"Harbour harbour harbour.\",\"date\":\"2010-01-01\"}\n"
          "{\"_id\":\"new\",\"title\":\"Weather\",\"text\":\"Rain over the harbour.\",\"date\":\"2020-07-04\"}\n"
          "{\"_id\":\"undated\",\"title\":\"Harbour\",\"text\":\"The harbour, no date.\"}\n");
  Searchable s({t.path()});
  cs::SearchOptions opt;
  CHECK(s.ids("harbour", opt).size() == 4);
  opt.sort = cs::SortOrder::newest_first;
  CHECK(s.ids("harbour", opt) == std::vector<std::string>{"new", "mid", "old", "undated"});
  opt.sort = cs::SortOrder::oldest_first;
  CHECK(s.ids("harbour", opt) == std::vector<std::string>{"old", "mid", "new", "undated"});
  opt.date_filter = true;
  opt.date_from = 946684800;  // 2000-01-01
  opt.date_to = 1262304000;   // 2010-01-01 00:00:00
  CHECK(s.ids("harbour", opt) == std::vector<std::string>{"old", "mid"});

  std::vector<uint64_t> ws(s.c.workspace.size());
  CHECK(verify(s.c.bytes.data(), s.c.bytes.size, ws.data(), ws.size() * 8).status == Status::ok);
  // Damage one byte of the index's postings: verify names the index.
  const uint8_t* p = cs::detail::table(s.index).postings()->data();
  const_cast<uint8_t*>(p)[0] ^= 0x40;
  VerifyReport rep = verify(s.c.bytes.data(), s.c.bytes.size, ws.data(), ws.size() * 8);
  CHECK(rep.status == Status::checksum_mismatch);
  CHECK(std::string(rep.section) == "index");
}

TEST_CASE("snippets mark the query's words in the best window") {
  corpus_test::TempCorpus t;
  std::string body;
  for (int i = 0; i < 200; ++i) body += "Filler sentence number " + std::to_string(i) + " says nothing. ";
  body += "Here the Lachin corridor reopened for traffic. ";
  for (int i = 0; i < 200; ++i) body += "More filler " + std::to_string(i) + ". ";
  t.write("long.txt", "Road news\n\n" + body);
  t.write("short.txt", "Corridors\n\nCorridor-building companies grew.");
  Searchable s({t.path()});
  REQUIRE(cs::search(s.index, "lachin corridor", {}, s.ws.get()) == Status::ok);
  REQUIRE(s.ws->results.count == 2);
  cs::SnippetScratch scratch;
  char out[512];
  size_t n = 0;
  cs::SnippetOptions so;
  uint32_t doc = s.c.index_of("long.txt");
  // snippet_into(): the request and output structs around a plain buffer.
  auto snippet_into = [&](uint32_t article, char* buf, size_t cap, size_t* written) {
    cs::SnippetOutput o{buf, cap, 0};
    Status st = cs::snippet(s.index, s.c.reader, cs::SnippetRequest{&s.ws->query, article, so}, &scratch, &o);
    *written = o.written;
    return st;
  };
  REQUIRE(snippet_into(doc, out, sizeof out, &n) == Status::ok);
  std::string snip(out, n);
  INFO(snip);
  CHECK(snip.find("**Lachin** **corridor** reopened") != std::string::npos);
  CHECK(snip.rfind("...", 0) == 0);  // cut at the front
  CHECK(n <= so.max_bytes + 2 * so.ellipsis.size() + 4 * (so.open.size() + so.close.size()));
  // Prefix clauses mark every word starting with the prefix.
  REQUIRE(cs::search(s.index, "corri*", {}, s.ws.get()) == Status::ok);
  REQUIRE(snippet_into(s.c.index_of("short.txt"), out, sizeof out, &n) == Status::ok);
  // The .txt reader keeps the title line in the text; newlines become one space.
  CHECK(std::string(out, n) == "**Corridors** **Corridor**-building companies grew.");
  // A buffer that cannot hold the window is refused, not overrun.
  CHECK(snippet_into(doc, out, 100, &n) == Status::buffer_too_small);
}

TEST_CASE("snippets mark a typo-corrected word where its correction occurs") {
  corpus_test::TempCorpus t;
  std::string body;
  for (int i = 0; i < 60; ++i) body += "Filler sentence " + std::to_string(i) + ". ";
  t.write("talks.txt", "Trade news\n\n" + body + "The negotiations on trade resumed in Geneva. " + body);
  Searchable s({t.path()});
  cs::SnippetScratch scratch;
  char out[512];
  for (const char* q : {"negotaitions geneva", "\"negotaitions on trade\""}) {
    REQUIRE(cs::search(s.index, q, {}, s.ws.get()) == Status::ok);
    REQUIRE(s.ws->results.count == 1);
    REQUIRE(s.ws->results.corrections.count == 1);
    cs::SnippetRequest req{&s.ws->query, s.ws->results.hits[0].article, {}, &s.ws->results.corrections};
    cs::SnippetOutput o{out, sizeof out, 0};
    REQUIRE(cs::snippet(s.index, s.c.reader, req, &scratch, &o) == Status::ok);
    const std::string snip(out, o.written);
    INFO(q << ": " << snip);
    CHECK(snip.find("**negotiations") != std::string::npos);
    req.corrections = nullptr;  // without them only the words typed right are marked
    o.written = 0;
    REQUIRE(cs::snippet(s.index, s.c.reader, req, &scratch, &o) == Status::ok);
    CHECK(std::string(out, o.written).find("**negotiations") == std::string::npos);
  }
}

TEST_CASE("snippets of text without spaces show and mark the match (CJK)") {
  corpus_test::TempCorpus t;
  std::string zh, ja;
  for (int i = 0; i < 40; ++i) zh += "这是一个没有空格的长句子用来填充文本";
  for (int i = 0; i < 40; ++i) ja += "これはスペースのない長い文章です";
  t.write("zh.txt", "新闻\n\n" + zh + "日本首相今天访问了北京。" + zh);
  t.write("ja.txt", "ニュース\n\n" + ja + "首相は今日北京を訪問した。" + ja);
  Searchable s({t.path()});
  cs::SnippetScratch scratch;
  char out[512];
  for (const char* id : {"zh.txt", "ja.txt"}) {
    REQUIRE(cs::search(s.index, "首相", {}, s.ws.get()) == Status::ok);
    cs::SnippetRequest req{&s.ws->query, s.c.index_of(id), {}};
    cs::SnippetOutput o{out, sizeof out, 0};
    REQUIRE(cs::snippet(s.index, s.c.reader, req, &scratch, &o) == Status::ok);
    const std::string snip(out, o.written);
    INFO(id << ": " << snip);
    CHECK(snip.find("**首相**") != std::string::npos);  // one pair of markers for the run
    CHECK(snip.rfind("...", 0) == 0);
    CHECK(snip.size() > req.options.max_bytes / 2);  // a window of text, not just the ellipses
    CHECK(snip.size() <= req.options.max_bytes + 2 * req.options.ellipsis.size() + 4);
  }
}

TEST_CASE("snippets show and mark the match in every script") {
  struct Case {
    const char* id;
    std::string filler, match, query, marked;
  };
  const std::vector<Case> cases = {
      {"zh.txt", "这是一个没有空格的长句子用来填充文本", "今天举行了记者会见。", "记者会见", "**记者会见**"},
      {"ja.txt", "これはスペースのない長い文章です", "カタカナ語の辞書", "カタカナ", "**カタカナ**"},
      {"th.txt", "ภาษาไทยง่าย ", "คำว่าสวัสดีครับ ", "สวัสดี", "**สวัสดี**"},
      {"ar.txt", "هذا نص طويل للاختبار ", "ذهب إلى مدرسة كبيرة ", "مدرسه", "**مدرسة**"},
      {"ko.txt", "이것은 긴 문장입니다 ", "우리는 서울에서 만났다 ", "서울", "**서울에서**"},
      {"hi.txt", "यह एक लंबा वाक्य है ", "उसने नमस्ते कहा ", "नमस्ते", "**नमस्ते**"},
      {"he.txt", "זה טקסט ארוך לבדיקה ", "אמרו שָׁלוֹם לכולם ", "שלום", "**שָׁלוֹם**"},
  };
  corpus_test::TempCorpus t;
  for (const Case& c : cases) {
    std::string body;
    for (int i = 0; i < 30; ++i) body += c.filler;
    t.write(c.id, "T\n\n" + body + c.match + body);
  }
  Searchable s({t.path()});
  cs::SnippetScratch scratch;
  char out[1024];
  for (const Case& c : cases) {
    INFO(c.id << " " << c.query);
    REQUIRE(cs::search(s.index, c.query, {}, s.ws.get()) == Status::ok);
    REQUIRE(s.ws->results.count == 1);
    CHECK(s.c.blob.article(s.ws->results.hits[0].article).id == std::string(c.id));
    cs::SnippetRequest req{&s.ws->query, s.c.index_of(c.id), {}};
    cs::SnippetOutput o{out, sizeof out, 0};
    REQUIRE(cs::snippet(s.index, s.c.reader, req, &scratch, &o) == Status::ok);
    const std::string snip(out, o.written);
    INFO(snip);
    CHECK(snip.find(c.marked) != std::string::npos);
    CHECK(std::count(snip.begin(), snip.end(), '*') == 4);  // that match only
  }
}

TEST_CASE("completions come by document frequency, as surface forms") {
  corpus_test::TempCorpus t;
  t.write("1.txt", "A\n\nThe company and its companies.");
  t.write("2.txt", "B\n\nAnother company, a companion.");
  t.write("3.txt", "C\n\nCompany news: compact discs.");
  Searchable s({t.path()});
  cs::Completion out[8];
  uint32_t n = 0;
  REQUIRE(cs::complete(s.index, "Comp", out, 8, &n) == Status::ok);
  REQUIRE(n == 3);
  CHECK(out[0].view() == "company");
  CHECK(out[0].df == 3);
  CHECK(std::set<std::string>{std::string(out[1].view()), std::string(out[2].view())} ==
        std::set<std::string>{"compact", "companion"});
  // The whole word typed (an indexed surface form of the stem) and, via its stem,
  // the stem's most frequent form.
  REQUIRE(cs::complete(s.index, "companies", out, 8, &n) == Status::ok);
  REQUIRE(n == 2);
  CHECK(std::set<std::string>{std::string(out[0].view()), std::string(out[1].view())} ==
        std::set<std::string>{"companies", "company"});
  REQUIRE(cs::complete(s.index, "Comp", out, 1, &n) == Status::ok);
  CHECK(n == 1);
  CHECK(cs::complete(s.index, "?!", out, 8, &n) == Status::bad_query);
  CHECK(cs::complete(s.index, "zz", out, 8, &n) == Status::ok);
  CHECK(n == 0);
}
