// A runtime built without the Snowball stemmers (this binary does not link
// corpus::stemmers, so CORPUS_SNOWBALL_STEMMERS is 0): a blob stemmed in German is
// refused at Index::open with Status::stemmer_unavailable, never searched with wrong
// stems; blobs in English or in languages without a stemmer open as usual. The blobs
// come from corpusc (which has every stemmer), run as a program.
#include <catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "corpus/search/search.hpp"

static_assert(!CORPUS_SNOWBALL_STEMMERS, "this test must be built without corpus::stemmers");

using namespace corpus;
namespace cs = corpus::search;
namespace fs = std::filesystem;

namespace {

struct BuiltBlob {
  std::vector<uint64_t> words;  // 8-aligned bytes
  size_t size = 0;
  Blob blob;

  // Compiles one JSONL line with corpusc and opens the blob.
  explicit BuiltBlob(const std::string& jsonl) {
    // One folder per process and blob: ctest runs the cases of this file at once.
    static int serial = 0;
    const fs::path dir =
        fs::temp_directory_path() / ("no_stemmers_" + std::to_string(getpid()) + "_" + std::to_string(++serial));
    fs::create_directories(dir);
    { std::ofstream(dir / "in.jsonl") << jsonl << "\n"; }
    const std::string cmd = std::string(CORPUSC_PATH) + " build " + (dir / "in.jsonl").string() + " -o " +
                            (dir / "out.crp").string() + " -q";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(dir / "out.crp", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove_all(dir);
    size = bytes.size();
    words.resize((size + 7) / 8);
    std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(words.data()));
    REQUIRE(Blob::open(words.data(), size, &blob) == Status::ok);
  }
};

}  // namespace

TEST_CASE("a runtime without the stemmers refuses a blob that needs one") {
  CHECK_FALSE(text::language_supported(CORPUS_LANG_german));
  CHECK(text::language_supported(CORPUS_LANG_english));  // Porter2 is header-only
  CHECK(text::language_supported(CORPUS_LANG_thai));     // no stemmer needed
  BuiltBlob german(R"({"id":"1","lang":"de","title":"Verhandlungen","text":"Die Verhandlungen dauerten die ganze Nacht."})");
  cs::Index index;
  CHECK(cs::Index::open(german.blob, &index) == Status::stemmer_unavailable);
  CHECK_FALSE(index.valid());
  CHECK(cs::Index::missing_language(german.blob) == CORPUS_LANG_german);
  CHECK(text::language_code(cs::Index::missing_language(german.blob)) == "de");
  CHECK(std::string(status_message(Status::stemmer_unavailable)).find("stemmer") != std::string::npos);
}

TEST_CASE("a runtime without the stemmers opens English and unstemmed blobs") {
  BuiltBlob english(R"({"id":"1","lang":"en","title":"Talks","text":"The negotiations lasted all night."})");
  cs::Index index;
  REQUIRE(cs::Index::open(english.blob, &index) == Status::ok);
  auto ws = std::make_unique<cs::SearchWorkspace>();
  REQUIRE(cs::search(index, "negotiation", {}, ws.get()) == Status::ok);
  CHECK(ws->results.count == 1);

  BuiltBlob thai(R"({"id":"1","lang":"th","title":"ข่าว","text":"การเจรจาดำเนินไปตลอดทั้งคืน"})");
  REQUIRE(cs::Index::open(thai.blob, &index) == Status::ok);
  CHECK(index.tokenizer().stem_by_language);
  CHECK(cs::Index::missing_language(thai.blob) == 0);
}
