// Test support: a temporary folder of input files, removed at scope exit, and a
// helper that compiles inputs and opens the result through the runtime.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "blob_fixture.hpp"
#include "build_pipeline.hpp"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"

namespace corpus_test {

class TempCorpus {
 public:
  TempCorpus();
  ~TempCorpus();
  TempCorpus(const TempCorpus&) = delete;
  TempCorpus& operator=(const TempCorpus&) = delete;
  void write(const std::string& relative, const std::string& bytes);
  const std::string& path() const { return dir_; }

 private:
  std::string dir_;
};

/// A compiled blob, opened, with a reader bound to a heap workspace.
struct Compiled {
  AlignedBytes bytes;
  corpusc::Diagnostics diag;
  corpusc::BuildReport report;
  corpus::Blob blob;
  corpus::Reader reader;
  std::vector<uint64_t> workspace;

  std::string text(uint32_t text_index);          // whole text
  std::string main_text(uint32_t text_index);     // without chrome
  uint32_t index_of(const std::string& id);       // REQUIREs that it exists
};

/// Compiles and opens; REQUIREs success.
void compile(const std::vector<std::string>& inputs, const corpusc::BuildSettings& settings, Compiled& out);

}  // namespace corpus_test
