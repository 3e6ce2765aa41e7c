// bench_shared_blocks: does storing repeated paragraphs once pay beyond what zstd's
// dictionary and in-frame matches already remove?
//
// For each corpus (default: ../shared/corpora/bbc-news and ../shared/seeds) and each
// profile (default, small):
//  (a) compile_corpus() as the CLI does: frame_data + dictionary bytes, and the blob;
//  (b) the same stored texts (pipeline stages up to layout_texts, same stream order)
//      with every repeat occurrence of a shared block (clean/shared_blocks.hpp)
//      replaced by a 4-byte reference, then pack_frames, train_dictionary and
//      compress_frames as in (a); plus a block table of 8 bytes per shared block
//      (u32 stream offset + u32 length of its stored first occurrence), uncompressed;
//  (c) as (b), but only repeats in another frame than their block's first occurrence
//      become references (the rest are left to zstd's window), table only for those.
// It also counts repeats whose first occurrence lies in another frame: only those are
// out of reach of zstd's window (the dictionary may still hold them).
//
//   bench_shared_blocks [--threads N] [--min-bytes N] [--list N] [INPUT...]
//
// Each INPUT (file or folder) is one corpus. Prints a Markdown table on stdout.
#include <algorithm>
#include <cstdio>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "build_pipeline.hpp"
#include "clean/cleaning_stage.hpp"
#include "clean/deduplicator.hpp"
#include "clean/shared_blocks.hpp"
#include "compress/frame_packer.hpp"
#include "compress/text_layout.hpp"
#include "compress/zstd_compressor.hpp"
#include "ingest/article_reader.hpp"
#include "ingest/input_walker.hpp"

namespace {

using namespace corpusc;

constexpr uint32_t kReferenceBytes = 4;
constexpr uint32_t kTableBytesPerBlock = 8;

// The stored texts exactly as compile_corpus() lays them out (same stages, same order).
CorpusPlan plan_texts(const std::string& input, const BuildSettings& settings) {
  Diagnostics diag;
  std::vector<InputArticle> articles;
  for (const InputFile& f : walk_inputs({input}, diag)) {
    ReadResult r = read_articles(f, diag);
    for (auto& a : r.articles) articles.push_back(std::move(a));
  }
  CorpusPlan plan = group_duplicates(std::move(articles), diag);
  clean_corpus(plan, settings.cleaning);
  layout_texts(plan);
  return plan;
}

// `texts` with the occurrences k where replace[k] is set (never a first one) replaced
// by a 4-byte reference: a 0x00 marker and the 24-bit block number, so references to
// different blocks differ.
std::vector<StoredText> with_references(const std::vector<StoredText>& texts, const SharedBlocks& shared,
                                        const std::vector<bool>& replace) {
  std::vector<StoredText> out(texts.size());
  size_t k = 0;
  for (uint32_t t = 0; t < texts.size(); ++t) {
    const std::string& in = texts[t].bytes;
    std::string& s = out[t].bytes;
    uint32_t pos = 0;
    for (; k < shared.occurrences.size() && shared.occurrences[k].text == t; ++k) {
      const BlockOccurrence& o = shared.occurrences[k];
      if (!replace[k]) continue;
      s.append(in, pos, o.range.begin - pos);
      const uint32_t id = o.block;
      const char ref[kReferenceBytes] = {'\0', static_cast<char>(id >> 16), static_cast<char>(id >> 8),
                                         static_cast<char>(id)};
      s.append(ref, kReferenceBytes);
      pos = o.range.end;
    }
    s.append(in, pos, std::string::npos);
  }
  return out;
}

// Per occurrence: a repeat whose block's first occurrence is in a different frame.
std::vector<bool> cross_frame_repeats(const std::vector<StoredText>& texts, const SharedBlocks& shared,
                                      uint32_t block_size) {
  PackedStream stream = pack_frames(texts, block_size);
  std::vector<uint64_t> starts;  // stream offset of each frame
  uint64_t off = 0;
  for (const auto& f : stream.frames) {
    starts.push_back(off);
    off += f.size();
  }
  auto frame_of = [&](const BlockOccurrence& o) {
    uint64_t at = stream.text_offsets[o.text] + o.range.begin;
    return std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
  };
  std::vector<std::ptrdiff_t> first_frame(shared.stats.blocks, -1);
  std::vector<bool> out(shared.occurrences.size());
  for (size_t k = 0; k < out.size(); ++k) {  // a first occurrence precedes its repeats
    const BlockOccurrence& o = shared.occurrences[k];
    if (o.first) first_frame[o.block] = frame_of(o);
    else out[k] = frame_of(o) != first_frame[o.block];
  }
  return out;
}

uint64_t frames_plus_dictionary(const std::vector<StoredText>& texts, const BuildSettings& s, uint64_t* raw) {
  Diagnostics diag;
  PackedStream stream = pack_frames(texts, s.block_size);
  *raw = 0;
  for (const auto& f : stream.frames) *raw += f.size();
  std::string dict = train_dictionary(stream.frames, s.dict_size, diag);
  uint64_t n = dict.size();
  for (const auto& c : compress_frames(stream.frames, dict, s.level, s.threads, nullptr)) n += c.size();
  return n;
}

std::string thousands(uint64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}
std::string signed_thousands(int64_t v) {
  return (v < 0 ? "-" : "+") + thousands(static_cast<uint64_t>(v < 0 ? -v : v));
}

// Frame data + dictionary + block table when the occurrences marked in `replace` become
// references; `replace` all false gives the stored texts as they are.
uint64_t variant_bytes(const std::vector<StoredText>& texts, const SharedBlocks& shared,
                       const std::vector<bool>& replace, const BuildSettings& s) {
  std::vector<bool> referenced(shared.stats.blocks);
  for (size_t k = 0; k < replace.size(); ++k) {
    if (replace[k]) referenced[shared.occurrences[k].block] = true;
  }
  const auto table = static_cast<uint64_t>(std::count(referenced.begin(), referenced.end(), true));
  uint64_t raw = 0;
  return frames_plus_dictionary(with_references(texts, shared, replace), s, &raw) + table * kTableBytesPerBlock;
}

// Prints (stderr) the `n` shared blocks with the most repeated bytes, for a look at them.
void list_blocks(const std::vector<StoredText>& texts, const SharedBlocks& shared, size_t n) {
  std::vector<uint64_t> bytes(shared.stats.blocks);
  std::vector<uint32_t> repeats(shared.stats.blocks);
  std::vector<size_t> first(shared.stats.blocks);
  for (size_t k = 0; k < shared.occurrences.size(); ++k) {
    const BlockOccurrence& o = shared.occurrences[k];
    if (o.first) first[o.block] = k;
    if (o.first) continue;
    bytes[o.block] += o.range.end - o.range.begin;
    ++repeats[o.block];
  }
  std::vector<uint32_t> order(shared.stats.blocks);
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return bytes[x] > bytes[y]; });
  for (size_t i = 0; i < std::min(n, order.size()); ++i) {
    const BlockOccurrence& o = shared.occurrences[first[order[i]]];
    std::string text = texts[o.text].bytes.substr(o.range.begin, std::min<uint32_t>(o.range.end - o.range.begin, 90));
    std::fprintf(stderr, "  %7llu B  x%-3u  %s\n", (unsigned long long)bytes[order[i]], repeats[order[i]], text.c_str());
  }
}

void run_corpus(const std::string& input, unsigned threads, uint32_t min_bytes, size_t list) {
  std::string name = input;
  while (name.size() > 1 && name.back() == '/') name.pop_back();
  name = name.substr(name.find_last_of('/') + 1);
  BuildSettings base;
  base.threads = threads;
  CorpusPlan plan = plan_texts(input, base);
  const SharedBlocks shared = find_shared_blocks(plan.texts, min_bytes);
  if (list) list_blocks(plan.texts, shared, list);
  std::vector<bool> all_repeats(shared.occurrences.size());
  for (size_t k = 0; k < all_repeats.size(); ++k) all_repeats[k] = !shared.occurrences[k].first;
  for (const char* profile : {"default", "small"}) {
    BuildSettings s = base;
    apply_profile(s, profile);
    Diagnostics diag;
    BuildReport report;
    compile_corpus({input}, s, diag, report);
    uint64_t raw_a = 0;
    for (const auto& f : pack_frames(plan.texts, s.block_size).frames) raw_a += f.size();
    if (raw_a != report.stream_bytes) {
      throw std::runtime_error("texts differ from compile_corpus's: " + std::to_string(raw_a) + " vs " +
                               std::to_string(report.stream_bytes) + " stream bytes");
    }
    const uint64_t a = report.compressed_bytes + report.dictionary_bytes;
    const std::vector<bool> cross = cross_frame_repeats(plan.texts, shared, s.block_size);
    uint64_t cross_bytes = 0;
    for (size_t k = 0; k < cross.size(); ++k) {
      if (cross[k]) cross_bytes += shared.occurrences[k].range.end - shared.occurrences[k].range.begin;
    }
    const uint64_t b = variant_bytes(plan.texts, shared, all_repeats, s);
    const uint64_t c = variant_bytes(plan.texts, shared, cross, s);
    auto saving = [&](uint64_t v) {
      const int64_t d = static_cast<int64_t>(a) - static_cast<int64_t>(v);
      char pct[32];
      std::snprintf(pct, sizeof pct, " (%+.3f%%)", 100.0 * static_cast<double>(d) / static_cast<double>(report.blob_bytes));
      return signed_thousands(d) + pct;
    };
    std::printf("| %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s | %s |\n", name.c_str(), profile,
                thousands(report.stream_bytes).c_str(), thousands(shared.stats.blocks).c_str(),
                thousands(shared.stats.occurrences).c_str(), thousands(shared.stats.repeated_bytes).c_str(),
                thousands(static_cast<uint64_t>(std::count(cross.begin(), cross.end(), true))).c_str(),
                thousands(cross_bytes).c_str(), thousands(report.blob_bytes).c_str(), thousands(a).c_str(),
                thousands(b).c_str(), thousands(c).c_str(), (saving(b) + " / " + saving(c)).c_str());
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 1;  // the output does not depend on it
  uint32_t min_bytes = kMinSharedBlockBytes;
  size_t list = 0;  // shared blocks to show on stderr, per corpus
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--list") && i + 1 < argc) {
      list = static_cast<size_t>(std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--min-bytes") && i + 1 < argc) {
      min_bytes = static_cast<uint32_t>(std::atoi(argv[++i]));
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    inputs.push_back(std::string(CORPUS_SHARED_DIR) + "/corpora/bbc-news");
    inputs.push_back(std::string(CORPUS_SHARED_DIR) + "/seeds");
  }
  std::printf("min block %u bytes, reference %u bytes, table %u bytes/block. Sizes in bytes; (a) = frame data +\n"
              "dictionary as built; (b) every repeat a reference, (c) only repeats in another frame than the\n"
              "first occurrence; (b), (c) include the table. saving = (a) - (x), in %% of the blob (a).\n\n",
              min_bytes, kReferenceBytes, kTableBytesPerBlock);
  std::printf("| corpus | profile | stream | shared blocks | repeats | repeated bytes | repeats in another frame "
              "(n / bytes) | blob (a) | (a) | (b) | (c) | saving (b) / (c) |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const std::string& in : inputs) {
    try {
      run_corpus(in, threads, min_bytes, list);
    } catch (const std::exception& e) {
      std::printf("| %s | SKIP: %s |\n", in.c_str(), e.what());
    }
  }
  return 0;
}
