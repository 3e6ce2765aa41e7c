#include "temp_corpus.hpp"

#include <catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace corpus_test {

TempCorpus::TempCorpus() {
  std::string tmpl = (fs::temp_directory_path() / "corpus-test-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  dir_ = tmpl;
}

TempCorpus::~TempCorpus() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void TempCorpus::write(const std::string& relative, const std::string& bytes) {
  fs::path p = fs::path(dir_) / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string Compiled::text(uint32_t t) {
  std::string out;
  char buf[4096];
  size_t n = 0;
  for (uint64_t off = 0;; off += n) {
    REQUIRE(reader.read(t, off, buf, sizeof buf, &n) == corpus::Status::ok);
    if (n == 0) return out;
    out.append(buf, n);
  }
}

std::string Compiled::main_text(uint32_t t) {
  std::string out;
  char buf[333];  // odd size: pieces straddle chrome boundaries
  size_t n = 0;
  for (uint64_t off = 0;; off += n) {
    REQUIRE(reader.read_main(t, off, buf, sizeof buf, &n) == corpus::Status::ok);
    if (n == 0) return out;
    out.append(buf, n);
  }
}

uint32_t Compiled::index_of(const std::string& id) {
  uint32_t i = corpus::kNone;
  REQUIRE(blob.find(id, &i) == corpus::Status::ok);
  return i;
}

void compile(const std::vector<std::string>& inputs, const corpusc::BuildSettings& settings, Compiled& out) {
  std::vector<uint8_t> blob = corpusc::compile_corpus(inputs, settings, out.diag, out.report);
  out.bytes.assign(blob.data(), blob.size());
  REQUIRE(corpus::Blob::open(out.bytes.data(), out.bytes.size, &out.blob) == corpus::Status::ok);
  out.workspace.assign(corpus::workspace_bytes(out.blob.max_frame_raw()) / 8 + 1, 0);
  REQUIRE(out.reader.init(out.blob, out.workspace.data(), out.workspace.size() * 8) == corpus::Status::ok);
}

}  // namespace corpus_test
