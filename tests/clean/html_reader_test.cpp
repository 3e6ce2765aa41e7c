#include <catch.hpp>

#include <string>

#include <zlib.h>

#include "ingest/html_reader.hpp"

using corpusc::read_html;

namespace {

std::string gzip(const std::string& raw) {
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(raw.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  zs.avail_in = static_cast<uInt>(raw.size());
  zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const std::string kParagraph1 =
    "The council voted on Tuesday to approve the new bridge, ending a debate that had lasted "
    "for almost a decade and divided residents on both banks of the river.";
const std::string kParagraph2 =
    "Construction is expected to begin next spring, officials said, and the first cars should "
    "cross it before the end of the following year if the weather allows.";

std::string page() {
  std::string nav;
  for (int i = 0; i < 12; ++i) nav += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a></li>";
  std::string related;
  for (int i = 0; i < 6; ++i)
    related += "<li><a href=\"/r" + std::to_string(i) + "\">Another story headline that links away number " +
               std::to_string(i) + "</a></li>";
  return "<!doctype html><html><head><title>Bridge approved - Town Paper</title>"
         "<meta property=\"og:title\" content=\"Bridge approved\">"
         "<link rel=\"canonical\" href=\"https://example.org/bridge\">"
         "<meta property=\"article:published_time\" content=\"2019-11-19T08:00:00Z\">"
         "<script type=\"application/ld+json\">{\"datePublished\":\"2001-01-01\"}</script>"
         "</head><body><div class=\"top\"><ul>" + nav + "</ul></div>"
         "<div class=\"page\"><div class=\"story\"><h1>Bridge approved</h1>"
         "<p>" + kParagraph1 + "</p><div><script>var x = 1;</script></div>"
         "<p>" + kParagraph2 + " <a href=\"/more\">More</a></p></div>"
         "<div class=\"rail\"><h3>Read next</h3><ul>" + related + "</ul></div></div>"
         "<div style=\"display: none\">Hidden text that must not appear anywhere.</div>"
         "</body></html>";
}

}  // namespace

TEST_CASE("read_html takes metadata and the main text") {
  const std::string html = page();
  const auto a = read_html(html, "bridge", "pages/bridge.html");
  CHECK(a.id == "bridge");
  CHECK(a.source == "pages/bridge.html");
  CHECK(a.original == html);
  CHECK(a.title == "Bridge approved");
  CHECK(a.url == "https://example.org/bridge");
  CHECK(a.date == 1574150400);
  CHECK(a.body == kParagraph1 + "\n\n" + kParagraph2 + " More");
}

TEST_CASE("read_html falls back: <title>, og:url, JSON-LD, <time>") {
  const std::string html =
      "<html><head><title> Plain title </title><meta property=\"og:url\" content=\"https://e.org/x\">"
      "<script type=\"application/ld+json\">[{\"@graph\":[{\"datePublished\":\"2011-07-11T00:00:00Z\"}]}]</script>"
      "</head><body><time datetime=\"2001-01-01\">then</time><p>" + kParagraph1 + "</p></body></html>";
  const auto a = read_html(html, "x", "x.html");
  CHECK(a.title == "Plain title");
  CHECK(a.url == "https://e.org/x");
  CHECK(a.date == 1310342400);
  const auto b = read_html("<html><body><time datetime=\"2011-07-11\">x</time><p>" + kParagraph1 + "</p></body></html>", "y", "y.htm");
  CHECK(b.date == 1310342400);
  CHECK(b.body == kParagraph1);
}

TEST_CASE("gzip input is inflated; original keeps the file bytes") {
  const std::string gz = gzip(page());
  const auto a = read_html(gz, "bridge", "bridge.html.gz");
  CHECK(a.original == gz);
  CHECK(a.title == "Bridge approved");
  CHECK(a.body.find(kParagraph2) != std::string::npos);
  std::string bad = gz.substr(0, gz.size() / 2);
  std::string out;
  CHECK_FALSE(corpusc::gunzip(bad, &out));
}

TEST_CASE("html paths") {
  CHECK(corpusc::is_html_path("a/b.html"));
  CHECK(corpusc::is_html_path("a/b.HTM"));
  CHECK(corpusc::is_html_path("b.html.gz"));
  CHECK_FALSE(corpusc::is_html_path("b.txt"));
  CHECK_FALSE(corpusc::is_html_path("b.gz"));
}

TEST_CASE("pages without text give an empty body, not a crash") {
  CHECK(read_html("", "e", "e.html").body.empty());
  CHECK(read_html("<html><body><nav><a href=x>Home</a></nav></body></html>", "n", "n.html").body.empty());
}
