// Round trip at scale: every input file of a corpus reads back byte-exact from the
// blob corpusc built from it (cli_fixture_blobs, tests/cli/make_blobs.sh), through
// the runtime as `corpusc cat --original` reads it. In-process so all 2,225 BBC
// files take seconds; cli_roundtrip_spot checks the CLI itself on a sample.
#include <catch.hpp>
#include "support/skip.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "blob_fixture.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/verify.hpp"

namespace fs = std::filesystem;

namespace {

corpus::Workspace<corpus::kFrameBytesDefault> g_workspace;

// Input files as the compiler walks them: regular, not hidden, id = relative path.
std::vector<std::pair<std::string, std::string>> input_files(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> files;  // (id, path)
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().filename().string().rfind('.', 0) == 0) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) {
      files.emplace_back(it->path().lexically_relative(root).generic_string(), it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every file's bytes == the blob's original text of the article with its id.
void check_round_trip(const std::string& blob_path, const fs::path& input_root) {
  corpus_test::AlignedBytes bytes = corpus_test::load_blob(blob_path);
  REQUIRE(bytes.size > 0);
  REQUIRE(corpus::verify(bytes.data(), bytes.size, g_workspace.data(), g_workspace.size()).status ==
          corpus::Status::ok);
  corpus::Blob blob;
  REQUIRE(corpus::Blob::open(bytes.data(), bytes.size, &blob) == corpus::Status::ok);
  corpus::Reader reader;
  REQUIRE(reader.init(blob, g_workspace.data(), g_workspace.size()) == corpus::Status::ok);

  const auto files = input_files(input_root);
  REQUIRE(!files.empty());
  CHECK(blob.article_count() == files.size());  // every input file is addressable
  std::string want, got;
  size_t mismatches = 0;
  for (const auto& [id, path] : files) {
    REQUIRE(corpus_test::read_file(path, want));
    uint32_t index = corpus::kNone;
    if (blob.find(id, &index) != corpus::Status::ok) {
      FAIL_CHECK("no article with id " << id);
      ++mismatches;
      continue;
    }
    const corpus::ArticleInfo info = blob.article(index);
    corpus::TextSpan span;
    REQUIRE(blob.text(info.original, &span) == corpus::Status::ok);
    got.assign(static_cast<size_t>(span.length), '\0');
    size_t n = 0;
    REQUIRE(reader.read_all(info.original, got.data(), got.size(), &n) == corpus::Status::ok);
    got.resize(n);
    if (got != want) {
      FAIL_CHECK(id << ": original differs from the input (" << got.size() << " vs " << want.size() << " bytes)");
      if (++mismatches > 10) break;
    }
  }
  CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("every examples/corpus file reads back byte-exact") {
  check_round_trip(CORPUS_CLI_DATA "/example.crp", CORPUS_SOURCE_DIR "/examples/corpus");
}

TEST_CASE("every BBC file reads back byte-exact") {
  const fs::path bbc = CORPUS_SHARED_DIR "/corpora/bbc-news";
  if (!fs::exists(bbc)) {
    CORPUS_SKIP(bbc << " is absent");
  }
  check_round_trip(CORPUS_CLI_DATA "/bbc.crp", bbc);
}
