// Builds the text of runtime/include/corpus/text/fold_table.hpp from utf8proc.
//
// Shared by the generator program (gen_fold_table.cpp, which writes the file) and by
// the test that checks the committed file is exactly what utf8proc produces today.
// Host only: uses std::string/std::vector and links utf8proc.
//
// What one code point folds to (the contract the runtime table encodes):
//  * class: Letter/Number -> word; Mark (Mn, Mc, Me) and a few invisible joiners
//    (soft hyphen, ZWNJ, ZWJ, word joiner) -> mark (part of a word, emits nothing);
//    CJK unified/compatibility ideographs -> ideograph (one token each);
//    U+02BC (an apostrophe, see corpus/text/fold.hpp is_apostrophe) -> separator;
//    everything else (spaces, punctuation, symbols, controls) -> separator.
//  * text of a word/ideograph: utf8proc_map(COMPAT|DECOMPOSE|CASEFOLD|STRIPMARK),
//    repeated until it stops changing, keeping only the word code points of the
//    result (so U+00BD "1/2" folds to "12", U+FB01 "fi" ligature to "fi").
//  * Hangul syllables are kept as they are: decomposing them into jamo helps no
//    search and would cost about 100 KB of table.
#pragma once

#include <utf8proc.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace corpus::tools {

enum FoldClass : uint16_t { kSeparator = 0, kWord = 1, kMark = 2, kIdeograph = 3 };

inline bool is_ideograph(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

inline FoldClass fold_class(uint32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF) return kSeparator;
  // U+02BC (modifier letter apostrophe) is an apostrophe to the tokenizer, which
  // handles apostrophes itself; as a letter it would make U+0149 fold to "\u02BCn".
  if (cp == 0x02BC) return kSeparator;
  if (cp == 0x00AD || cp == 0x200C || cp == 0x200D || cp == 0x2060) return kMark;
  if (is_ideograph(cp)) return kIdeograph;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return kWord;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return kMark;
    default:
      return kSeparator;
  }
}

inline std::vector<uint32_t> utf8proc_fold_once(const std::vector<uint32_t>& in) {
  std::string s;
  for (uint32_t cp : in) {
    uint8_t b[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), b);
    s.append(reinterpret_cast<char*>(b), static_cast<size_t>(n));
  }
  utf8proc_uint8_t* mapped = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                             UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &mapped, opts);
  std::vector<uint32_t> out;
  if (len < 0) return in;
  for (utf8proc_ssize_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(mapped + i, len - i, &cp);
    if (n <= 0) break;
    out.push_back(static_cast<uint32_t>(cp));
    i += n;
  }
  free(mapped);
  return out;
}

/// The folded code points of `cp` per the contract above (empty for separators and marks).
inline std::vector<uint32_t> reference_fold(uint32_t cp) {
  FoldClass c = fold_class(cp);
  if (c == kSeparator || c == kMark) return {};
  if (cp >= 0xAC00 && cp <= 0xD7A3) return {cp};
  std::vector<uint32_t> cur{cp};
  for (int round = 0; round < 8; ++round) {
    std::vector<uint32_t> next = utf8proc_fold_once(cur);
    if (next == cur) break;
    cur = next;
  }
  std::vector<uint32_t> kept;
  for (uint32_t x : cur) {
    FoldClass k = fold_class(x);
    if (k == kWord || k == kIdeograph) kept.push_back(x);
  }
  return kept;
}

// Three levels, all indexed directly (no search): stage0[cp >> 8] picks a chunk of
// 16 block numbers in stage1, stage1[chunk * 16 + ((cp >> 4) & 15)] picks a block of
// 16 entries in stage2. Identical chunks and blocks are stored once.
constexpr unsigned kBlockShift = 4;
constexpr unsigned kChunkShift = 8;

struct FoldTable {
  std::vector<uint8_t> stage0;   // chunk number per (cp >> 8), BMP only
  std::vector<uint16_t> stage1;  // block numbers, chunks of 16
  std::vector<uint16_t> stage2;  // entries, blocks of 16
  std::vector<uint8_t> pool;     // [length byte][UTF-8 bytes] per fold that is no delta
  size_t bytes() const {
    return stage0.size() + stage1.size() * 2 + stage2.size() * 2 + pool.size();
  }
};

// Entry layout (uint16): bits 15..14 class; bit 13 set: bits 12..0 are a byte offset
// into the pool; bit 13 clear: bits 12..0 are a signed delta, the fold is cp + delta.
inline uint16_t encode_entry(uint32_t cp, std::vector<uint8_t>& pool,
                             std::map<std::vector<uint32_t>, uint16_t>& pooled) {
  FoldClass c = fold_class(cp);
  uint16_t entry = static_cast<uint16_t>(c << 14);
  if (c == kSeparator || c == kMark) return entry;
  std::vector<uint32_t> f = reference_fold(cp);
  if (f.size() == 1) {
    long delta = static_cast<long>(f[0]) - static_cast<long>(cp);
    if (delta >= -4096 && delta <= 4095) {
      return static_cast<uint16_t>(entry | (static_cast<uint16_t>(delta) & 0x1FFF));
    }
  }
  auto it = pooled.find(f);
  if (it == pooled.end()) {
    std::string utf8;
    for (uint32_t x : f) {
      uint8_t b[4];
      auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(x), b);
      utf8.append(reinterpret_cast<char*>(b), static_cast<size_t>(n));
    }
    if (pool.size() > 0x1FFF || utf8.size() > 255) {
      std::fprintf(stderr, "fold table: pool overflow at U+%04X\n", cp);
      std::exit(1);
    }
    it = pooled.emplace(f, static_cast<uint16_t>(pool.size())).first;
    pool.push_back(static_cast<uint8_t>(utf8.size()));
    pool.insert(pool.end(), utf8.begin(), utf8.end());
  }
  return static_cast<uint16_t>(entry | 0x2000 | it->second);
}

inline FoldTable build_fold_table() {
  FoldTable t;
  std::map<std::vector<uint32_t>, uint16_t> pooled;
  std::map<std::vector<uint16_t>, uint16_t> blocks, chunks;
  const uint32_t block = 1u << kBlockShift, chunk = 1u << (kChunkShift - kBlockShift);
  std::vector<uint16_t> block_of;  // per (cp >> kBlockShift)
  for (uint32_t base = 0; base < 0x10000; base += block) {
    std::vector<uint16_t> b(block);
    for (uint32_t i = 0; i < block; ++i) b[i] = encode_entry(base + i, t.pool, pooled);
    auto it = blocks.find(b);
    if (it == blocks.end()) {
      it = blocks.emplace(b, static_cast<uint16_t>(t.stage2.size() / block)).first;
      t.stage2.insert(t.stage2.end(), b.begin(), b.end());
    }
    block_of.push_back(it->second);
  }
  for (size_t i = 0; i < block_of.size(); i += chunk) {
    std::vector<uint16_t> c(block_of.begin() + static_cast<long>(i),
                            block_of.begin() + static_cast<long>(i + chunk));
    auto it = chunks.find(c);
    if (it == chunks.end()) {
      it = chunks.emplace(c, static_cast<uint16_t>(t.stage1.size() / chunk)).first;
      t.stage1.insert(t.stage1.end(), c.begin(), c.end());
    }
    if (it->second > 255) {
      std::fprintf(stderr, "fold table: more than 256 distinct chunks\n");
      std::exit(1);
    }
    t.stage0.push_back(static_cast<uint8_t>(it->second));
  }
  return t;
}

template <typename T>
void append_array(std::string& out, const char* type, const char* name, const std::vector<T>& v) {
  out += "inline constexpr ";
  out += type;
  out += " ";
  out += name;
  out += "[" + std::to_string(v.size()) + "] = {";
  for (size_t i = 0; i < v.size(); ++i) {
    out += i % 16 == 0 ? "\n    " : " ";
    out += std::to_string(v[i]) + ",";
  }
  out += "\n};\n";
}

/// The complete text of fold_table.hpp.
inline std::string fold_table_header() {
  FoldTable t = build_fold_table();
  std::string out;
  out += "// GENERATED by tools/gen_fold_table.cpp from utf8proc ";
  out += utf8proc_version();
  out += " (Unicode ";
  out += utf8proc_unicode_version();
  out += "). Do not edit: run\n// `ninja regen_fold_table` instead; test_fold_table checks it.\n";
  out += "// Contract and entry layout: tools/fold_table_gen.hpp and corpus/text/fold.hpp.\n";
  out += "// Size: " + std::to_string(t.bytes()) + " bytes.\n";
  out += "#pragma once\n\n#include <cstdint>\n\nnamespace corpus::text::detail {\n\n";
  out += "inline constexpr uint32_t kFoldTableBytes = " + std::to_string(t.bytes()) + ";\n";
  append_array(out, "uint8_t", "kFoldStage0", t.stage0);
  append_array(out, "uint16_t", "kFoldStage1", t.stage1);
  append_array(out, "uint16_t", "kFoldStage2", t.stage2);
  append_array(out, "uint8_t", "kFoldPool", t.pool);
  out += "\n}  // namespace corpus::text::detail\n";
  return out;
}

}  // namespace corpus::tools
