// The committed fold table (runtime/include/corpus/text/fold_table.hpp) is exactly
// what tools/gen_fold_table writes from the installed utf8proc, and the runtime's
// reading of it gives utf8proc's folding for every BMP code point.
#include <catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "corpus/text/fold.hpp"
#include "fold_table_gen.hpp"

using namespace corpus::text;
namespace gen = corpus::tools;

static std::string utf8(const std::vector<uint32_t>& cps) {
  std::string s;
  for (uint32_t cp : cps) {
    char b[4];
    s.append(b, encode_utf8(cp, b));
  }
  return s;
}

TEST_CASE("committed fold_table.hpp matches a fresh generation from utf8proc") {
  std::ifstream in(CORPUS_SOURCE_DIR "/runtime/include/corpus/text/fold_table.hpp",
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream committed;
  committed << in.rdbuf();
  // On mismatch: `ninja -C <build> regen_fold_table`, review the diff, commit.
  CHECK(committed.str() == gen::fold_table_header());
}

TEST_CASE("the table gives utf8proc's fold and class for every BMP code point") {
  size_t mismatches = 0;
  for (uint32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const gen::FoldClass want_class = gen::fold_class(cp);
    const bool class_ok = static_cast<int>(char_class(cp)) == static_cast<int>(want_class);
    std::string want;
    if (want_class == gen::kWord || want_class == gen::kIdeograph) {
      want = utf8(gen::reference_fold(cp));
    }
    char out[256];
    bool truncated = false;
    const uint16_t e = detail::fold_entry(cp);
    std::string got;
    if (want_class == gen::kWord || want_class == gen::kIdeograph) {
      got.assign(out, detail::append_fold(cp, e, out, 0, sizeof out, &truncated));
    }
    if (!class_ok || got != want || truncated) {
      if (++mismatches < 10) FAIL_CHECK("U+" << std::hex << cp);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("folding is idempotent: a folded character folds to itself") {
  for (uint32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    char once[256], twice[256];
    const std::string in = utf8({cp});
    const size_t n1 = fold_word(in, once, sizeof once);
    const size_t n2 = fold_word({once, n1}, twice, sizeof twice);
    if (std::string(once, n1) != std::string(twice, n2)) {
      FAIL("U+" << std::hex << cp << " folds to a string that folds again");
    }
  }
}

TEST_CASE("fold_word matches utf8proc on whole Latin, Greek and Cyrillic words") {
  for (const char* w : {"Crème", "BRÛLÉE", "Ærøskøbing", "Straße", "ΆΣΤΡΑ", "Ψυχή",
                        "ΐΰ", "Ёжик", "Йошкар", "Ѓорѓија", "Ľubľana", "Ǆemal"}) {
    utf8proc_uint8_t* mapped = nullptr;
    auto opts = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                               UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(w), 0, &mapped,
                          static_cast<utf8proc_option_t>(opts | UTF8PROC_NULLTERM));
    REQUIRE(n >= 0);
    std::string want(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
    free(mapped);
    char out[256];
    INFO(w);
    CHECK(std::string(out, fold_word(w, out, sizeof out)) == want);
  }
}

TEST_CASE("the table stays small enough for Cortex-M flash") {
  const size_t bytes = sizeof detail::kFoldStage0 + sizeof detail::kFoldStage1 +
                       sizeof detail::kFoldStage2 + sizeof detail::kFoldPool;
  CHECK(bytes == detail::kFoldTableBytes);
  CHECK(bytes <= 24u * 1024u);  // budget: raise only with a reason in the commit
}
