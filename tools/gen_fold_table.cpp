// Writes the committed case/diacritic folding table: gen_fold_table <output.hpp>.
#include <cstdio>
#include <string>

#include "fold_table_gen.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gen_fold_table <fold_table.hpp>\n");
    return 2;
  }
  std::string text = corpus::tools::fold_table_header();
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size() ||
      std::fclose(f) != 0) {
    std::fprintf(stderr, "gen_fold_table: cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("gen_fold_table: wrote %s\n", argv[1]);
  return 0;
}
