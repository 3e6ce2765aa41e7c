#include <catch.hpp>
#include "support/skip.hpp"

#include "clean/metadata_extractor.hpp"
#include "dates.hpp"
#include "seed_corpus.hpp"

using corpusc::extract_metadata;
using corpusc::parse_date;
using corpusc::parse_iso_datetime;

TEST_CASE("date forms") {
  const int64_t jul11 = 1310342400;  // 2011-07-11T00:00:00Z
  CHECK(parse_date("11 July 2011") == jul11);
  CHECK(parse_date("July 11, 2011") == jul11);
  CHECK(parse_date("Jul 11th 2011") == jul11);
  CHECK(parse_date("Monday, 11 July 2011 18:00 BST") == jul11 + 18 * 3600);
  CHECK(parse_date("July 11, 2011 6:30 pm") == jul11 + 18 * 3600 + 1800);
  CHECK(parse_iso_datetime("2011-07-11") == jul11);
  CHECK(parse_iso_datetime("2011-07-11T10:20:30Z") == jul11 + 37230);
  CHECK(parse_iso_datetime("2011-07-11T10:20:30.123+02:00") == jul11 + 37230 - 7200);
  CHECK(parse_iso_datetime(" 2011-07-11 10:20 ") == jul11 + 37200);
  CHECK_FALSE(parse_date("11 Julyish 2011"));
  CHECK_FALSE(parse_date("fought in July 2011 near the border"));
  CHECK_FALSE(parse_iso_datetime("2011-13-01"));
}

TEST_CASE("date lines are taken; dates in prose are not") {
  CHECK(extract_metadata("Title\n\nUpdated 11 July 2011\n\nBody.").date == 1310342400);
  CHECK(extract_metadata("Title\nPublished: July 11, 2011\nBody.").date == 1310342400);
  CHECK_FALSE(extract_metadata("The war ended on 11 July 2011, he said.").date);
  CHECK(extract_metadata("Body text. Posted at 2011-07-11T00:00:05Z by staff.").date == 1310342405);
  CHECK_FALSE(extract_metadata("Call 2011-07-11 a day.").date);  // ISO in prose needs a time
}

TEST_CASE("source lines and hashtags") {
  const auto m = extract_metadata("Text.\nSource: Example News.\n#One #two #One and#not #3x\n");
  CHECK(m.source == "Example News");
  CHECK(m.tags == std::vector<std::string>{"One", "two"});
}

TEST_CASE("seeds: dates, sources and tags they carry") {
  const auto seeds = corpusc_test::load_seeds();
  if (seeds.empty()) {
    CORPUS_SKIP("../shared/seeds not found");
  }
  REQUIRE(seeds.size() == 5);
  const auto m0 = extract_metadata(seeds[0].text);
  CHECK(m0.source == "commonspace.eu");
  CHECK_FALSE(m0.date);  // only a photo caption's "17 October 2012": not the article date
  CHECK(m0.tags.empty());

  const auto m2 = extract_metadata(seeds[2].text);
  CHECK(m2.date == 1310342400);  // "Updated 11 July 2011"
  CHECK(m2.source == "commonspace.eu newsroom; additional sources: Mediamax.am");

  CHECK(extract_metadata(seeds[3].text).source == "commonspace.eu");

  const auto m4 = extract_metadata(seeds[4].text);
  CHECK(m4.date == 1682964014);  // "2023-05-01 18:00:14", read as UTC
  CHECK(m4.source.empty());
  CHECK(m4.tags == std::vector<std::string>{"Washington", "hosts", "peace", "negotiations", "Armenia", "Azerbaijan"});
}
