// corpus.h's implementation: the C++ runtime behind extern "C", one translation unit.
// Compile it with the toolchain's C++ compiler (C++17, -fno-exceptions -fno-rtti
// work) next to the C code, or link the corpus_c library. No heap: every C++ object
// lives in the caller's opaque struct, constructed there with placement new.
//
// Each opaque struct holds a Slot: a magic word naming the type, then the object.
// The magic is written last when an object is made and checked by every call, so a
// struct never opened (zeroed .bss or stack garbage) gives CORPUS_MISUSE.
#include "corpus.h"

#include <cstddef>
#include <cstring>
#include <new>
#include <string_view>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"

namespace {

namespace cs = corpus::search;
using corpus::Status;

template <typename T, uint64_t Magic>
struct Slot {
  static constexpr uint64_t kMagic = Magic;
  uint64_t magic;
  T object;
};

struct Completions {
  cs::Completion items[CORPUS_MAX_COMPLETIONS];
  uint32_t count = 0;
  bool truncated = false;
  cs::EditRows typo_rows;  // forgiving completion (complete.hpp)
};

using BlobSlot = Slot<corpus::Blob, 0x434F5250'424C4F42ull>;           // "CORPBLOB"
using ReaderSlot = Slot<corpus::Reader, 0x434F5250'52454144ull>;       // "CORPREAD"
using IndexSlot = Slot<cs::Index, 0x434F5250'494E4458ull>;             // "CORPINDX"
using SearchSlot = Slot<cs::SearchWorkspace, 0x434F5250'53524348ull>;  // "CORPSRCH"
using CompletionsSlot = Slot<Completions, 0x434F5250'434D504Cull>;     // "CORPCMPL"

template <typename Slot, typename C>
constexpr bool fits() {
  return sizeof(Slot) <= sizeof(C) && alignof(Slot) <= alignof(C);
}
static_assert(fits<BlobSlot, corpus_blob>(), "raise CORPUS_BLOB_BYTES");
static_assert(fits<ReaderSlot, corpus_reader>(), "raise CORPUS_READER_BYTES");
static_assert(fits<IndexSlot, corpus_index>(), "raise CORPUS_INDEX_BYTES");
static_assert(fits<SearchSlot, corpus_search_state>(), "raise CORPUS_SEARCH_BYTES (search limits changed?)");
static_assert(fits<CompletionsSlot, corpus_completions>(), "raise CORPUS_COMPLETIONS_BYTES");
static_assert(CORPUS_MAX_RESULTS == cs::kMaxResults, "CORPUS_MAX_RESULTS must match CORPUS_SEARCH_MAX_RESULTS");
static_assert(CORPUS_SNIPPET_SCRATCH_BYTES == sizeof(cs::SnippetScratch), "snippet scratch size");
static_assert(CORPUS_NONE == corpus::kNone, "CORPUS_NONE");
static_assert(CORPUS_ARTICLE_HAS_DATE == corpus::kArticleHasDate &&
                  CORPUS_ARTICLE_EXACT_DUPLICATE == corpus::kArticleExactDuplicate &&
                  CORPUS_ARTICLE_NORMALIZED_DUPLICATE == corpus::kArticleNormalizedDuplicate &&
                  CORPUS_ARTICLE_NEAR_DUPLICATE == corpus::kArticleNearDuplicate &&
                  CORPUS_ARTICLE_UTF8_REPAIRED == corpus::kArticleUtf8Repaired &&
                  CORPUS_ARTICLE_HAS_EXTRA == corpus::kArticleHasExtra,
              "CORPUS_ARTICLE_* flags");
static_assert(CORPUS_OK == static_cast<int>(Status::ok) && CORPUS_TRUNCATED == static_cast<int>(Status::truncated) &&
                  CORPUS_BAD_IDENTIFIER == static_cast<int>(Status::bad_identifier) &&
                  CORPUS_BAD_VERSION == static_cast<int>(Status::bad_version) &&
                  CORPUS_MALFORMED == static_cast<int>(Status::malformed) &&
                  CORPUS_CHECKSUM_MISMATCH == static_cast<int>(Status::checksum_mismatch) &&
                  CORPUS_DECOMPRESS_FAILED == static_cast<int>(Status::decompress_failed) &&
                  CORPUS_NOT_FOUND == static_cast<int>(Status::not_found) &&
                  CORPUS_BUFFER_TOO_SMALL == static_cast<int>(Status::buffer_too_small) &&
                  CORPUS_WORKSPACE_TOO_SMALL == static_cast<int>(Status::workspace_too_small) &&
                  CORPUS_MISALIGNED == static_cast<int>(Status::misaligned) &&
                  CORPUS_BAD_QUERY == static_cast<int>(Status::bad_query) &&
                  CORPUS_LIMIT_EXCEEDED == static_cast<int>(Status::limit_exceeded) &&
                  CORPUS_MISUSE == static_cast<int>(Status::misuse) &&
                  CORPUS_STEMMER_UNAVAILABLE == static_cast<int>(Status::stemmer_unavailable) &&
                  CORPUS_VOLUME_MISMATCH == static_cast<int>(Status::volume_mismatch) &&
                  CORPUS_VOLUME_INCOMPATIBLE == static_cast<int>(Status::volume_incompatible),
              "corpus_status must mirror corpus::Status");

corpus_status to_c(Status s) { return static_cast<corpus_status>(s); }

/// The object in an opaque struct, or null if it was never made (or c is null).
template <typename S, typename C>
auto* object_of(C* c) {
  using T = decltype(S::object);
  using Result = std::conditional_t<std::is_const_v<C>, const T*, T*>;
  if (c == nullptr) return static_cast<Result>(nullptr);
  auto* slot = reinterpret_cast<std::conditional_t<std::is_const_v<C>, const S*, S*>>(c->opaque);
  return slot->magic == S::kMagic ? &slot->object : static_cast<Result>(nullptr);
}

/// Constructs a fresh object in an opaque struct (not yet marked as made).
template <typename S, typename C>
decltype(S::object)* make_in(C* c) {
  auto* slot = reinterpret_cast<S*>(c->opaque);
  slot->magic = 0;
  return new (&slot->object) decltype(S::object)();
}

template <typename S, typename C>
void mark_made(C* c) {
  reinterpret_cast<S*>(c->opaque)->magic = S::kMagic;
}

std::string_view view(const char* data, size_t size) {
  return data == nullptr ? std::string_view() : std::string_view(data, size);
}

corpus_string to_c(std::string_view s) { return corpus_string{s.data(), s.size()}; }

}  // namespace

extern "C" {

const char* corpus_status_message(corpus_status status) {
  return corpus::status_message(static_cast<Status>(status));
}

corpus_status corpus_open(corpus_blob* blob, const void* data, size_t size) {
  if (blob == nullptr) return CORPUS_MISUSE;
  corpus::Blob* b = make_in<BlobSlot>(blob);
  const Status s = corpus::Blob::open(data, size, b);
  if (s == Status::ok) mark_made<BlobSlot>(blob);
  return to_c(s);
}

corpus_status corpus_verify(const void* data, size_t size, void* workspace, size_t workspace_size,
                            const char** report_section) {
  const corpus::VerifyReport rep = corpus::verify(data, size, workspace, workspace_size);
  if (report_section != nullptr) *report_section = rep.section;
  return to_c(rep.status);
}

uint32_t corpus_article_count(const corpus_blob* blob) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  return b ? b->article_count() : 0;
}

uint32_t corpus_max_frame_raw(const corpus_blob* blob) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  return b ? b->max_frame_raw() : 0;
}

size_t corpus_workspace_bytes(const corpus_blob* blob) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  return b ? corpus::workspace_bytes(b->max_frame_raw()) : 0;
}

corpus_status corpus_find(const corpus_blob* blob, const char* id, size_t id_size, uint32_t* article) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  if (b == nullptr || article == nullptr || (id == nullptr && id_size != 0)) return CORPUS_MISUSE;
  return to_c(b->find(view(id, id_size), article));
}

corpus_status corpus_article_info(const corpus_blob* blob, uint32_t article, corpus_article* info) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  if (b == nullptr || info == nullptr) return CORPUS_MISUSE;
  std::memset(info, 0, sizeof *info);
  if (article >= b->article_count()) return CORPUS_NOT_FOUND;
  const corpus::ArticleInfo a = b->article(article);
  info->index = a.index;
  info->id = to_c(a.id);
  info->title = to_c(a.title);
  info->url = to_c(a.url);
  info->tags = to_c(a.tags);
  info->date = a.date;
  info->has_date = a.has_date ? 1 : 0;
  info->text = a.text;
  info->original = a.original;
  info->canonical = a.canonical;
  info->variant_count = a.variants_count;
  info->flags = a.flags;
  return CORPUS_OK;
}

uint32_t corpus_article_variant(const corpus_blob* blob, uint32_t article, uint32_t i) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  return b ? b->variant(b->article(article), i) : CORPUS_NONE;
}

corpus_status corpus_text_size(const corpus_blob* blob, uint32_t text, uint64_t* size) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  if (b == nullptr || size == nullptr) return CORPUS_MISUSE;
  corpus::TextSpan span;
  const Status s = b->text(text, &span);
  *size = s == Status::ok ? span.length : 0;
  return to_c(s);
}

corpus_status corpus_reader_init(corpus_reader* reader, const corpus_blob* blob, void* workspace,
                                 size_t workspace_size) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  if (reader == nullptr || b == nullptr) return CORPUS_MISUSE;
  corpus::Reader* r = make_in<ReaderSlot>(reader);
  const Status s = r->init(*b, workspace, workspace_size);
  if (s == Status::ok) mark_made<ReaderSlot>(reader);
  return to_c(s);
}

corpus_status corpus_read(corpus_reader* reader, uint32_t text, uint64_t offset, char* out, size_t cap,
                          size_t* written) {
  corpus::Reader* r = object_of<ReaderSlot>(reader);
  if (r == nullptr || written == nullptr || (out == nullptr && cap != 0)) return CORPUS_MISUSE;
  return to_c(r->read(text, offset, out, cap, written));
}

corpus_status corpus_read_main(corpus_reader* reader, uint32_t text, uint64_t offset, char* out,
                               size_t cap, size_t* written) {
  corpus::Reader* r = object_of<ReaderSlot>(reader);
  if (r == nullptr || written == nullptr || (out == nullptr && cap != 0)) return CORPUS_MISUSE;
  return to_c(r->read_main(text, offset, out, cap, written));
}

corpus_status corpus_read_all(corpus_reader* reader, uint32_t text, char* out, size_t cap, size_t* written) {
  corpus::Reader* r = object_of<ReaderSlot>(reader);
  if (r == nullptr || written == nullptr || (out == nullptr && cap != 0)) return CORPUS_MISUSE;
  return to_c(r->read_all(text, out, cap, written));
}

corpus_status corpus_index_open(corpus_index* index, const corpus_blob* blob) {
  const corpus::Blob* b = object_of<BlobSlot>(blob);
  if (index == nullptr || b == nullptr) return CORPUS_MISUSE;
  cs::Index* i = make_in<IndexSlot>(index);
  const Status s = cs::Index::open(*b, i);
  if (s == Status::ok) mark_made<IndexSlot>(index);
  return to_c(s);
}

corpus_search_options corpus_search_defaults(void) {
  const cs::SearchOptions d;
  corpus_search_options o;
  o.k = d.k;
  o.sort = CORPUS_SORT_RELEVANCE;
  o.date_filter = 0;
  o.date_from = d.date_from;
  o.date_to = d.date_to;
  o.plain_text = 0;
  o.no_typos = 0;
  return o;
}

corpus_status corpus_search(corpus_search_state* search, const corpus_index* index, const char* query,
                            size_t query_size, const corpus_search_options* options) {
  const cs::Index* i = object_of<IndexSlot>(index);
  if (search == nullptr || (query == nullptr && query_size != 0)) return CORPUS_MISUSE;
  cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  if (ws == nullptr) {  // first use of this struct: construct the workspace once
    ws = make_in<SearchSlot>(search);
    mark_made<SearchSlot>(search);
  }
  ws->results.count = 0;
  if (i == nullptr) return CORPUS_MISUSE;
  const corpus_search_options o = options ? *options : corpus_search_defaults();
  if (o.sort != CORPUS_SORT_RELEVANCE && o.sort != CORPUS_SORT_NEWEST_FIRST && o.sort != CORPUS_SORT_OLDEST_FIRST) {
    return CORPUS_MISUSE;
  }
  cs::SearchOptions so;
  so.k = o.k;
  so.sort = static_cast<cs::SortOrder>(o.sort);
  so.date_filter = o.date_filter != 0;
  so.date_from = o.date_from;
  so.date_to = o.date_to;
  so.parse.operators = o.plain_text == 0;
  so.typos = o.no_typos == 0;
  return to_c(cs::search(*i, view(query, query_size), so, ws));
}

uint32_t corpus_search_count(const corpus_search_state* search) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  return ws ? ws->results.count : 0;
}

uint32_t corpus_search_matched(const corpus_search_state* search) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  return ws ? ws->results.matched : 0;
}

int corpus_search_prefix_truncated(const corpus_search_state* search) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  return ws && (ws->results.flags & cs::kPrefixTruncated) ? 1 : 0;
}

uint32_t corpus_search_corrections(const corpus_search_state* search) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  return ws ? ws->results.corrections.count : 0;
}

corpus_status corpus_search_corrected_query(const corpus_search_state* search, const char* query, size_t query_size,
                                            char* out, size_t cap, size_t* written) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  if (ws == nullptr || written == nullptr || (query == nullptr && query_size != 0) || (out == nullptr && cap != 0)) {
    return CORPUS_MISUSE;
  }
  *written = cs::corrected_query(view(query, query_size), ws->results.corrections, out, cap);
  return *written == 0 && query_size != 0 ? CORPUS_LIMIT_EXCEEDED : CORPUS_OK;
}

corpus_status corpus_search_hit(const corpus_search_state* search, uint32_t rank, corpus_hit* hit) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  if (ws == nullptr || hit == nullptr) return CORPUS_MISUSE;
  if (rank >= ws->results.count) return CORPUS_NOT_FOUND;
  const cs::SearchHit& h = ws->results.hits[rank];
  hit->article = h.article;
  hit->score = h.score;
  hit->date = h.date;
  hit->has_date = h.has_date ? 1 : 0;
  return CORPUS_OK;
}

corpus_status corpus_snippet(const corpus_search_state* search, const corpus_index* index, corpus_reader* reader,
                             uint32_t article, const corpus_snippet_options* options, void* scratch,
                             size_t scratch_size, char* out, size_t cap, size_t* written) {
  const cs::SearchWorkspace* ws = object_of<SearchSlot>(search);
  const cs::Index* i = object_of<IndexSlot>(index);
  corpus::Reader* r = object_of<ReaderSlot>(reader);
  if (ws == nullptr || i == nullptr || r == nullptr || written == nullptr || out == nullptr) {
    return CORPUS_MISUSE;
  }
  *written = 0;
  if (scratch == nullptr || scratch_size < sizeof(cs::SnippetScratch)) return CORPUS_BUFFER_TOO_SMALL;
  if (reinterpret_cast<uintptr_t>(scratch) % alignof(cs::SnippetScratch) != 0) return CORPUS_MISALIGNED;
  cs::SnippetOptions so;
  if (options != nullptr) {
    so.max_bytes = options->max_bytes;
    if (options->open) so.open = options->open;
    if (options->close) so.close = options->close;
    if (options->ellipsis) so.ellipsis = options->ellipsis;
  }
  auto* sc = new (scratch) cs::SnippetScratch;
  cs::SnippetOutput o{out, cap, 0};
  const corpus_status st = to_c(cs::snippet(*i, *r, cs::SnippetRequest{&ws->query, article, so}, sc, &o));
  *written = o.written;
  return st;
}

corpus_status corpus_complete(corpus_completions* out, const corpus_index* index, const char* partial,
                              size_t partial_size, uint32_t max) {
  const cs::Index* i = object_of<IndexSlot>(index);
  if (out == nullptr || (partial == nullptr && partial_size != 0)) return CORPUS_MISUSE;
  Completions* c = make_in<CompletionsSlot>(out);
  mark_made<CompletionsSlot>(out);
  if (i == nullptr) return CORPUS_MISUSE;
  if (max > CORPUS_MAX_COMPLETIONS) return CORPUS_LIMIT_EXCEEDED;
  return to_c(cs::complete(*i, view(partial, partial_size), c->items, max, &c->count, &c->truncated, &c->typo_rows));
}

uint32_t corpus_completion_count(const corpus_completions* completions) {
  const Completions* c = object_of<CompletionsSlot>(completions);
  return c ? c->count : 0;
}

int corpus_completions_truncated(const corpus_completions* completions) {
  const Completions* c = object_of<CompletionsSlot>(completions);
  return c && c->truncated ? 1 : 0;
}

corpus_status corpus_completion(const corpus_completions* completions, uint32_t i, corpus_string* text,
                                uint32_t* df) {
  const Completions* c = object_of<CompletionsSlot>(completions);
  if (c == nullptr || text == nullptr) return CORPUS_MISUSE;
  if (i >= c->count) return CORPUS_NOT_FOUND;
  *text = to_c(c->items[i].view());
  if (df != nullptr) *df = c->items[i].df;
  return CORPUS_OK;
}

}  // extern "C"
