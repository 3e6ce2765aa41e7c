// compile_corpus's fatal problems are typed (errors.hpp) and mapped to the README's
// exit codes in one place (cli/exit_codes.hpp); several inputs keep distinct ids;
// the fingerprint covers every setting that changes the output.
#include <catch.hpp>

#include <functional>

#include "cli/exit_codes.hpp"
#include "errors.hpp"
#include "fingerprint.hpp"
#include "temp_corpus.hpp"

using corpusc::BuildSettings;
using corpusc::CompileError;
using corpusc::ErrorKind;

namespace {

const std::string kArticle = "A title\n\nA body with a few words in it, enough to index.\n";

// The kind of CompileError compile_corpus throws; fails the test if it succeeds.
ErrorKind failure_kind(const std::vector<std::string>& inputs, const BuildSettings& settings) {
  corpusc::Diagnostics diag;
  corpusc::BuildReport report;
  try {
    corpusc::compile_corpus(inputs, settings, diag, report);
  } catch (const CompileError& e) {
    return e.kind();
  }
  FAIL("compile_corpus succeeded");
  return ErrorKind::internal;
}

}  // namespace

TEST_CASE("every error kind maps to the README's exit code") {
  CHECK(corpusc::exit_code_for(ErrorKind::io) == 1);
  CHECK(corpusc::exit_code_for(ErrorKind::internal) == 1);
  CHECK(corpusc::exit_code_for(ErrorKind::usage) == 2);
  CHECK(corpusc::exit_code_for(ErrorKind::bad_input) == 3);
  CHECK(corpusc::exit_code_for(ErrorKind::limit) == 6);
}

TEST_CASE("fatal build problems throw typed errors") {
  corpus_test::TempCorpus dir;
  dir.write("empty/nothing.txt", "");
  dir.write("one/a.txt", kArticle);
  dir.write("feed.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n");
  BuildSettings s;
  CHECK(failure_kind({dir.path() + "/empty"}, s) == ErrorKind::bad_input);
  CHECK(failure_kind({dir.path() + "/one", dir.path() + "/missing"}, s) == ErrorKind::bad_input);
  CHECK(failure_kind({dir.path() + "/feed.jsonl"}, s) == ErrorKind::bad_input);
  s.output_path = dir.path() + "/one/../one/a.txt";
  CHECK(failure_kind({dir.path() + "/one"}, s) == ErrorKind::usage);
  CHECK(failure_kind({dir.path() + "/one/a.txt"}, s) == ErrorKind::usage);
}

TEST_CASE("a repeated id with --allow-duplicate-ids keeps the first article, with a warning") {
  corpus_test::TempCorpus dir;
  dir.write("feed.jsonl", "{\"id\":\"x\",\"text\":\"the first one\"}\n{\"id\":\"x\",\"text\":\"the second\"}\n");
  BuildSettings s;
  s.allow_duplicate_ids = true;
  corpus_test::Compiled c;
  corpus_test::compile({dir.path() + "/feed.jsonl"}, s, c);
  CHECK(c.report.articles == 1);
  CHECK(c.report.skipped == 1);
  CHECK(c.diag.warnings() == 1);
  CHECK(c.text(c.blob.article(c.index_of("x")).text).find("the first one") != std::string::npos);
}

TEST_CASE("several input folders: ids are paths relative to their common parent") {
  corpus_test::TempCorpus dir;
  dir.write("news/business/001.txt", kArticle);
  dir.write("news/sport/001.txt", "Another title\n\nAnother body, about a match.\n");
  corpus_test::Compiled c;
  corpus_test::compile({dir.path() + "/news/business", dir.path() + "/news/sport/"}, BuildSettings(), c);
  CHECK(c.report.articles == 2);
  c.index_of("business/001.txt");
  c.index_of("sport/001.txt");
  corpus_test::Compiled one;
  corpus_test::compile({dir.path() + "/news/business"}, BuildSettings(), one);
  one.index_of("001.txt");  // one input folder: ids as before
}

TEST_CASE("the fingerprint changes with every output setting, not with threads or strict") {
  const corpusc::CorpusPlan plan;
  const BuildSettings base;
  const uint64_t fp = corpusc::corpus_fingerprint(plan, base);
  const std::vector<std::pair<const char*, std::function<void(BuildSettings&)>>> changes = {
      {"profile", [](BuildSettings& s) { s.profile = "small"; }},
      {"block_size", [](BuildSettings& s) { s.block_size /= 2; }},
      {"level", [](BuildSettings& s) { s.level = 3; }},
      {"dict_size", [](BuildSettings& s) { s.dict_size = 0; }},
      {"stem_english", [](BuildSettings& s) { s.stem_english = false; }},
      {"drop_stopwords", [](BuildSettings& s) { s.drop_stopwords = true; }},
      {"detect_boilerplate", [](BuildSettings& s) { s.cleaning.detect_boilerplate = false; }},
      {"extract_metadata", [](BuildSettings& s) { s.cleaning.extract_metadata = false; }},
      {"near_duplicates", [](BuildSettings& s) { s.cleaning.near_duplicates = false; }},
      {"min_jaccard", [](BuildSettings& s) { s.cleaning.near.min_jaccard = 0.8000001; }},
      {"shingle_words", [](BuildSettings& s) { s.cleaning.near.shingle_words = 4; }},
      {"bands", [](BuildSettings& s) { s.cleaning.near.bands = 10; }},
      {"rows", [](BuildSettings& s) { s.cleaning.near.rows = 4; }},
      {"max_bucket", [](BuildSettings& s) { s.cleaning.near.max_bucket = 10; }},
  };
  for (const auto& [name, change] : changes) {
    BuildSettings s = base;
    change(s);
    INFO(name);
    CHECK(corpusc::corpus_fingerprint(plan, s) != fp);
  }
  BuildSettings same = base;
  same.threads = 7;
  same.strict = true;
  same.output_path = "elsewhere.crp";
  CHECK(corpusc::corpus_fingerprint(plan, same) == fp);
}
