// Cortex-M firmware example: a corpus blob linked into flash as read-only data is
// opened in place, fully verified, and an article is looked up by id and read into
// a static buffer. Everything lives in .rodata/.bss: no heap (the link has no
// malloc or _sbrk to call) and no exceptions.
//
// The program is a list of steps (kSteps below); each prints what it did and
// returns an exit status, 0 meaning success. The first failing step's status ends
// the run and reaches the host through semihosting (qemu's exit status), so the
// ctest in tests/arm checks it. To add a step (a search query, say), write one
// function and append it to kSteps.
//
// Measurements: each timed step prints a `measure <name>: <ticks> ticks, <n> insns`
// line. SysTick ticks become instruction counts only under qemu's -icount shift=0
// (board_metrics.h); bench/footprint/ runs it that way. The stack is painted at
// start and its peak use printed at the end.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "board_metrics.h"
#include "console.hpp"
#include "corpus/blob.hpp"
#include "corpus/checksum.hpp"
#include "corpus/collection.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/index.hpp"
#include "corpus/search/collection_search.hpp"
#include "corpus/search/searcher.hpp"
#include "corpus/verify.hpp"

// Linked by corpus_blob.S from the build: the blob, and the exact bytes of the input
// file of CORPUS_FIRMWARE_ARTICLE_ID (what the article's `original` text must be).
extern "C" const unsigned char corpus_blob[], corpus_blob_end[];
extern "C" const unsigned char expected_article[], expected_article_end[];
// Linked by corpus_volume.S: a volume over the blob (examples/cortex-m/volume/).
extern "C" const unsigned char corpus_volume[], corpus_volume_end[];

#ifndef CORPUS_FIRMWARE_ARTICLE_ID
#error "CORPUS_FIRMWARE_ARTICLE_ID (the id of an article in the blob) must be defined"
#endif
#ifndef CORPUS_FIRMWARE_FRAME_BYTES
// The blob is built with `corpusc --profile small` (frames of at most 16 KiB); a
// blob with larger frames fails Reader::init with workspace_too_small.
#define CORPUS_FIRMWARE_FRAME_BYTES corpus::kFrameBytesSmall
#endif
// The checked query and the id its top result must have (empty: only print it).
#ifndef CORPUS_FIRMWARE_QUERY
#define CORPUS_FIRMWARE_QUERY "Lachin corridor"
#endif
#ifndef CORPUS_FIRMWARE_QUERY_TOP
#define CORPUS_FIRMWARE_QUERY_TOP "004_d5e6e064cd57f212.txt"
#endif
#ifndef CORPUS_FIRMWARE_REMOVED_ID
#define CORPUS_FIRMWARE_REMOVED_ID "001_f8a4880ce6ef9fa1.txt"
#endif
#ifndef CORPUS_FIRMWARE_TEXT_BYTES
#define CORPUS_FIRMWARE_TEXT_BYTES (16u * 1024u)   // largest article read whole
#endif

namespace {

// Exit statuses (the ctest expects 0; 99 is a fault, see startup.c).
enum Exit : int {
  kOk = 0,
  kOpenFailed = 1,
  kVerifyFailed = 2,
  kReaderFailed = 3,
  kLookupFailed = 4,
  kReadFailed = 5,
  kContentMismatch = 6,
  kMissingIdFound = 7,
  kSearchFailed = 8,
  kWrongTopResult = 9,
  kVolumeFailed = 10,
};

// Timed queries of one, two and three terms (top 10), for the footprint report.
constexpr const char* kTimedQueries[] = {"government", "oil prices", "mobile phone market"};

Console out;
corpus::Blob g_blob;
corpus::Reader g_reader;
// The Reader's zstd contexts and frame buffer: the firmware's one big RAM user.
corpus::Workspace<CORPUS_FIRMWARE_FRAME_BYTES> g_workspace;
char g_text[CORPUS_FIRMWARE_TEXT_BYTES];
corpus::search::Index g_index;
corpus::search::SearchWorkspace g_search;  // query, cursors and results (no heap)
corpus::Blob g_parts[2];                     // the blob and its volume, searched as one
corpus::Collection g_collection;
corpus::search::CollectionResults g_merged;  // the collection's top-k

// Prints `measure <name>: <ticks> ticks, <instructions> insns` for [start, now).
void measure(const char* name, uint64_t start) {
  const uint64_t ticks = board_ticks() - start;
  out << "measure " << name << ": " << ticks << " ticks, " << ticks * BOARD_INSNS_PER_TICK
      << " insns (qemu -icount shift=0)\n";
}

size_t blob_size() { return static_cast<size_t>(corpus_blob_end - corpus_blob); }

int fail(Exit code, const char* what, corpus::Status s) {
  out << "FAIL: " << what << ": " << corpus::status_message(s) << " (exit " << static_cast<int>(code)
      << ")\n";
  return code;
}

int step_open() {
  const uint64_t t0 = board_ticks();
  corpus::Status s = corpus::Blob::open(corpus_blob, blob_size(), &g_blob);
  measure("open", t0);
  if (s != corpus::Status::ok) return fail(kOpenFailed, "open", s);
  out << "open: " << blob_size() << " bytes, " << g_blob.article_count() << " articles, "
      << g_blob.frame_count() << " frames, max frame " << g_blob.max_frame_raw() << " B\n";
  return kOk;
}

int step_verify() {
  const uint64_t t0 = board_ticks();
  corpus::VerifyReport rep = corpus::verify(corpus_blob, blob_size(), g_workspace.data(), g_workspace.size());
  measure("verify", t0);
  if (rep.status != corpus::Status::ok) {
    out << "verify: section " << rep.section << " item " << rep.item << '\n';
    return fail(kVerifyFailed, "verify", rep.status);
  }
  out << "verify: ok (seal, sections, references, every frame decoded)\n";
  return kOk;
}

int step_reader() {
  const uint64_t t0 = board_ticks();
  corpus::Status s = g_reader.init(g_blob, g_workspace.data(), g_workspace.size());
  measure("reader_init", t0);
  if (s != corpus::Status::ok) return fail(kReaderFailed, "reader init", s);
  out << "reader: workspace " << g_workspace.size() << " B (DCtx estimate "
      << ZSTD_estimateDCtxSize() << " B of " << corpus::kDCtxBytes << ", DDict estimate "
      << ZSTD_estimateDDictSize(g_blob.dictionary_bytes(), ZSTD_dlm_byRef) << " B of "
      << corpus::kDDictBytes << ")\n";
  return kOk;
}

int step_lookup() {
  constexpr std::string_view id = CORPUS_FIRMWARE_ARTICLE_ID;
  uint32_t index = corpus::kNone;
  // Timed: find by id, then decode the article's frame (not cached yet) and copy it.
  const uint64_t t0 = board_ticks();
  corpus::Status s = g_blob.find(id, &index);
  if (s != corpus::Status::ok) return fail(kLookupFailed, "find", s);
  corpus::ArticleInfo info = g_blob.article(index);
  out << "find \"" << id << "\": article " << index << ", title \"";
  out.excerpt(info.title, 60) << "\"\n";

  size_t n = 0;
  s = g_reader.read_all(info.original, g_text, sizeof g_text, &n);
  measure("article_read", t0);
  if (s != corpus::Status::ok) return fail(kReadFailed, "read original", s);
  const size_t want = static_cast<size_t>(expected_article_end - expected_article);
  out << "read original: " << n << " bytes, xxh64 " ;
  out.hex(corpus::xxh64(g_text, n)) << "\n  \"";
  out.excerpt(std::string_view(g_text, n), 72) << "\"\n";
  if (n != want || std::memcmp(g_text, expected_article, n) != 0) {
    out << "expected " << want << " bytes identical to the input file\n";
    return fail(kContentMismatch, "read original", corpus::Status::ok);
  }

  s = g_reader.read_all(info.text, g_text, sizeof g_text, &n);
  if (s != corpus::Status::ok) return fail(kReadFailed, "read text", s);
  out << "read normalized text: " << n << " bytes\n";
  return kOk;
}

int step_missing_id() {
  uint32_t index = corpus::kNone;
  corpus::Status s = g_blob.find("no/such/article.txt", &index);
  if (s != corpus::Status::not_found) return fail(kMissingIdFound, "find missing id", s);
  out << "find missing id: not_found, as expected\n";
  return kOk;
}

// Prints the top results of the last search: rank, score, id.
void print_hits(size_t max) {
  const corpus::search::SearchResults& r = g_search.results;
  for (uint32_t i = 0; i < r.count && i < max; ++i) {
    out << "  " << (i + 1) << ". " << r.hits[i].score << ' ';
    out.excerpt(g_blob.article(r.hits[i].article).id, 60) << '\n';
  }
}

int step_search() {
  corpus::Status s = corpus::search::Index::open(g_blob, &g_index);
  if (s != corpus::Status::ok) return fail(kSearchFailed, "open index", s);
  corpus::search::SearchOptions options;  // top 10 by relevance
  const uint64_t t0 = board_ticks();
  s = corpus::search::search(g_index, CORPUS_FIRMWARE_QUERY, options, &g_search);
  measure("query_checked", t0);
  if (s != corpus::Status::ok) return fail(kSearchFailed, "search", s);
  out << "search \"" << CORPUS_FIRMWARE_QUERY << "\": " << g_search.results.count << " results\n";
  print_hits(3);
  constexpr std::string_view want = CORPUS_FIRMWARE_QUERY_TOP;
  if (!want.empty() &&
      (g_search.results.count == 0 || g_blob.article(g_search.results.hits[0].article).id != want)) {
    out << "expected top result " << want << '\n';
    return fail(kWrongTopResult, "search", corpus::Status::ok);
  }
  for (const char* q : kTimedQueries) {
    char name[16] = "query_";  // query_<N>_terms
    size_t terms = 1;
    for (const char* c = q; *c; ++c) terms += *c == ' ';
    name[6] = static_cast<char>('0' + terms);
    std::memcpy(name + 7, "_terms", 7);
    const uint64_t t1 = board_ticks();
    s = corpus::search::search(g_index, q, options, &g_search);
    measure(name, t1);
    if (s != corpus::Status::ok) return fail(kSearchFailed, q, s);
    out << "search \"" << q << "\": " << g_search.results.count << " results, "
        << g_search.results.matched << " scored\n";
    print_hits(1);
  }
  return kOk;
}

// The blob and its volume as one corpus: the volume's new article is found, read
// (with the blob's dictionary) and ranked first for its words; the removed id is gone.
int step_volume() {
  corpus::Status s = corpus::Blob::open(corpus_volume, static_cast<size_t>(corpus_volume_end - corpus_volume),
                                        &g_parts[1]);
  if (s != corpus::Status::ok) return fail(kVolumeFailed, "open volume", s);
  g_parts[0] = g_blob;
  uint64_t t0 = board_ticks();
  s = g_collection.open(g_parts, 2);
  measure("collection_open", t0);
  if (s != corpus::Status::ok) return fail(kVolumeFailed, "open collection", s);
  corpus::ArticleRef ref;
  if (g_collection.find(CORPUS_FIRMWARE_REMOVED_ID, &ref) != corpus::Status::not_found) {
    return fail(kVolumeFailed, "a removed id is still found", corpus::Status::ok);
  }
  s = g_collection.find("zz_volume_news.txt", &ref);
  if (s != corpus::Status::ok || ref.part != 1) return fail(kVolumeFailed, "find the volume's article", s);
  corpus::Reader reader;
  s = g_collection.init_reader(ref.part, &reader, g_workspace.data(), g_workspace.size());
  size_t n = 0;
  if (s == corpus::Status::ok) s = reader.read_all(g_parts[1].article(ref.index).text, g_text, sizeof g_text, &n);
  if (s != corpus::Status::ok || std::string_view(g_text, n).find("Quokka") == std::string_view::npos) {
    return fail(kVolumeFailed, "read the volume's article", s);
  }
  corpus::search::SearchOptions options;
  const char* const queries[][2] = {{"quokka harbour", "volume_query_new"},
                                     {CORPUS_FIRMWARE_QUERY, "volume_query_checked"},
                                     {kTimedQueries[0], "volume_query_1_terms"}};
  for (const auto& [q, name] : queries) {
    t0 = board_ticks();
    s = corpus::search::search(g_collection, q, options, &g_search, &g_merged);
    measure(name, t0);
    if (s != corpus::Status::ok) return fail(kVolumeFailed, q, s);
    out << "search base+volume \"" << q << "\": " << g_merged.count << " results";
    if (g_merged.count > 0) {
      out << ", top ";
      out.excerpt(g_parts[g_merged.hits[0].ref.part].article(g_merged.hits[0].ref.index).id, 60);
    }
    out << '\n';
  }
  // "quokka" is only in the volume's article (the firmware may be built over any
  // corpus: bench/footprint links BBC News, where "harbour" is common).
  s = corpus::search::search(g_collection, "quokka", options, &g_search, &g_merged);
  if (s != corpus::Status::ok || g_merged.count != 1 || g_merged.hits[0].ref.part != 1) {
    return fail(kWrongTopResult, "volume search", s);
  }
  out << "memory: collection " << sizeof g_collection << " B, merged results " << sizeof g_merged << " B\n";
  return kOk;
}

int step_memory() {
  out << "memory: workspace " << g_workspace.size() << " B, search workspace " << sizeof g_search
      << " B, stack peak " << board_stack_peak_bytes() << " of " << board_stack_size() << " B\n";
  out << "measure stack_peak_bytes: " << board_stack_peak_bytes() << "\n";
  return kOk;
}

using Step = int (*)();
constexpr Step kSteps[] = {step_open, step_verify, step_reader, step_lookup, step_missing_id, step_search,
                           step_volume, step_memory};

}  // namespace

int main() {
  board_stack_paint();
  board_ticks_start();
  out << "corpus firmware example (" << __VERSION__ << ")\n";
  for (Step step : kSteps) {
    int code = step();
    if (code != kOk) {
      out.flush();
      return code;
    }
  }
  out << "PASS\n";
  out.flush();
  return kOk;
}
