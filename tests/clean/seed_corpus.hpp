// The five real news pages in ../shared/seeds (absent in a fresh clone: tests skip).
#pragma once

#include <string>
#include <vector>

namespace corpusc_test {

struct Seed {
  std::string name;  // file name, e.g. "000_487d5624f965fa68.txt"
  std::string text;
};

// Seeds sorted by file name; empty when the folder is missing.
std::vector<Seed> load_seeds();

std::string read_file(const std::string& path);

}  // namespace corpusc_test
