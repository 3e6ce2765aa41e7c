// Fuzz target (d): corpusc's input readers (compiler/ingest/) on arbitrary bytes.
// The first input byte picks the reader; the rest is the file's content:
//   0: .txt (read_articles on a temp file)   1: .jsonl (temp file)
//   2: HTML in memory (read_html)            3: .html.gz path (temp file; gunzip)
// Each article's body then goes through normalize_text(), as the pipeline does.
// Checked beyond "no crash": the original bytes are kept exactly (a text or HTML
// article's original is the whole input; a JSONL article's original is one line).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "clean/normalizer.hpp"
#include "diagnostics.hpp"
#include "fuzz_support.hpp"
#include "ingest/article_reader.hpp"
#include "ingest/html_reader.hpp"

namespace {

const std::string& temp_dir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/corpus-fuzz-ingest-XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (d == nullptr) std::abort();
    return std::string(d);
  }();
  return dir;
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}

corpusc::ReadResult read_as(const std::string& name, corpusc::InputFormat format, const std::string& bytes) {
  corpusc::InputFile file{temp_dir() + "/" + name, name, format};
  corpusc::Diagnostics diag;
  if (!write_file(file.path, bytes)) std::abort();
  corpusc::ReadResult r = corpusc::read_articles(file, diag);
  unlink(file.path.c_str());
  FUZZ_CHECK(r.bytes == bytes.size());
  // Every input is accounted for: an article, or a skip with a diagnostic.
  FUZZ_CHECK(r.skipped == 0 || !diag.all().empty());
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  corpusc::ReadResult r;
  switch (data[0] % 4) {
    case 0:
      r = read_as("a.txt", corpusc::InputFormat::text, bytes);
      FUZZ_CHECK(r.articles.size() <= 1);
      for (const auto& a : r.articles) FUZZ_CHECK(a.original == bytes && a.id == "a.txt");
      break;
    case 1:
      r = read_as("a.jsonl", corpusc::InputFormat::jsonl, bytes);
      for (const auto& a : r.articles) {
        FUZZ_CHECK(a.line >= 1 && !a.id.empty());
        FUZZ_CHECK(bytes.find(a.original) != std::string::npos);
        FUZZ_CHECK(a.original.find('\n') == std::string::npos);
      }
      break;
    case 2: {
      corpusc::InputArticle a = corpusc::read_html(bytes, "a.html", "a.html");
      FUZZ_CHECK(a.original == bytes);
      r.articles.push_back(std::move(a));
      break;
    }
    default:
      r = read_as("a.html.gz", corpusc::InputFormat::html, bytes);
      for (const auto& a : r.articles) FUZZ_CHECK(a.original == bytes);
      break;
  }
  for (const auto& a : r.articles) {
    bool repaired = false;
    std::string text = corpusc::normalize_text(a.body, &repaired);
    FUZZ_CHECK(corpusc::is_valid_utf8(text));
    FUZZ_CHECK(repaired == !corpusc::is_valid_utf8(a.body));
  }
  return 0;
}
