#include "seed_corpus.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace corpusc_test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Seed> load_seeds() {
  std::vector<Seed> seeds;
  const std::filesystem::path dir = std::filesystem::path(CORPUS_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return seeds;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) seeds.push_back({entry.path().filename().string(), read_file(entry.path().string())});
  std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) { return a.name < b.name; });
  return seeds;
}

}  // namespace corpusc_test
