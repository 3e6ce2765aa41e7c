// corpus.h's implementation: the C++ runtime behind extern "C". Compile it and
// corpus_c_collection.cpp with the toolchain's C++ compiler (C++17, -fno-exceptions
// -fno-rtti work) next to the C code, or link the corpus_c library. No heap: every
// C++ object lives in the caller's opaque struct, constructed there with placement
// new (c_api_shared.hpp).
#include "corpus.h"

#include <cstddef>
#include <cstring>
#include <new>
#include <string_view>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/search.hpp"
#include "corpus/verify.hpp"
#include "c_api_shared.hpp"

namespace {

namespace cs = corpus::search;
using corpus::Status;
using namespace corpus::c_api;

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
  info->language = b->language(article);
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

corpus_search_options corpus_search_defaults(void) { return default_search_options(); }

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
  cs::SearchOptions so;
  if (i == nullptr || !to_search_options(options, &so)) return CORPUS_MISUSE;
  return to_c(cs::search(*i, view(query, query_size), so, ws));
}

const char* corpus_language_code(uint32_t language) {
  return language < corpus::text::kLanguageIdEnd ? corpus::text::language_code(static_cast<uint8_t>(language)).data()
                                                 : "";
}

uint32_t corpus_language_from_code(const char* code, size_t code_size) {
  const uint8_t id = corpus::text::language_from_code(view(code, code_size));
  return id == corpus::text::kUnknownLanguage ? CORPUS_NONE : id;
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
  return snippet_into(*i, *r, *ws, article, options, scratch, scratch_size, out, cap, written);
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
