// corpus.h's collections (a base and its volumes as one corpus) over
// corpus::Collection (collection.hpp) and search/collection_search.hpp. No heap: the
// collection, its copies of the parts' Blob views and every search state live in the
// caller's opaque structs (c_api_shared.hpp).
#include <cstring>

#include "c_api_shared.hpp"
#include "corpus.h"
#include "corpus/collection.hpp"
#include "corpus/search/collection_search.hpp"

namespace {

namespace cs = corpus::search;
using corpus::Status;
using namespace corpus::c_api;

/// The Collection points into `blobs`, and both live in the caller's struct: hence
/// "never copy it once opened".
struct CollectionObject {
  corpus::Blob blobs[corpus::kMaxCollectionParts];
  corpus::Collection collection;
};

struct CollectionSearch {
  cs::SearchWorkspace ws;  // reused part after part; holds the last parse (for snippets)
  cs::CollectionResults results;
};

using CollectionSlot = Slot<CollectionObject, 0x434F5250'434F4C4Cull>;           // "CORPCOLL"
using CollectionSearchSlot = Slot<CollectionSearch, 0x434F5250'43535243ull>;     // "CORPCSRC"
static_assert(fits<CollectionSlot, corpus_collection>(), "raise CORPUS_COLLECTION_BYTES");
static_assert(fits<CollectionSearchSlot, corpus_collection_search_state>(),
              "raise CORPUS_COLLECTION_SEARCH_BYTES (search limits changed?)");
static_assert(CORPUS_MAX_VOLUMES + 1 == corpus::kMaxCollectionParts, "CORPUS_MAX_VOLUMES must match the runtime's");

const corpus::Collection* collection_of(const corpus_collection* c) {
  const CollectionObject* o = object_of<CollectionSlot>(c);
  return o ? &o->collection : nullptr;
}

}  // namespace

extern "C" {

corpus_status corpus_collection_open(corpus_collection* collection, const corpus_blob* blobs, uint32_t count,
                                     uint32_t* failed_part) {
  if (failed_part != nullptr) *failed_part = CORPUS_NONE;
  if (collection == nullptr || (blobs == nullptr && count != 0)) return CORPUS_MISUSE;
  CollectionObject* o = make_in<CollectionSlot>(collection);
  if (count == 0) return CORPUS_MISUSE;
  if (count > corpus::kMaxCollectionParts) return CORPUS_LIMIT_EXCEEDED;
  for (uint32_t i = 0; i < count; ++i) {
    const corpus::Blob* b = object_of<BlobSlot>(&blobs[i]);
    if (b == nullptr) {
      if (failed_part != nullptr) *failed_part = i;
      return CORPUS_MISUSE;
    }
    o->blobs[i] = *b;
  }
  const Status s = o->collection.open(o->blobs, count, failed_part);
  if (s == Status::ok) mark_made<CollectionSlot>(collection);
  return to_c(s);
}

uint32_t corpus_collection_part_count(const corpus_collection* collection) {
  const corpus::Collection* c = collection_of(collection);
  return c ? c->part_count() : 0;
}

uint32_t corpus_collection_article_count(const corpus_collection* collection) {
  const corpus::Collection* c = collection_of(collection);
  return c ? c->live_article_count() : 0;
}

size_t corpus_collection_workspace_bytes(const corpus_collection* collection) {
  const corpus::Collection* c = collection_of(collection);
  return c ? corpus::workspace_bytes(c->max_frame_raw()) : 0;
}

corpus_status corpus_collection_reader_init(const corpus_collection* collection, uint32_t part,
                                            corpus_reader* reader, void* workspace, size_t workspace_size) {
  const corpus::Collection* c = collection_of(collection);
  if (c == nullptr || reader == nullptr) return CORPUS_MISUSE;
  corpus::Reader* r = make_in<ReaderSlot>(reader);
  if (part >= c->part_count()) return CORPUS_NOT_FOUND;
  const Status s = c->init_reader(part, r, workspace, workspace_size);
  if (s == Status::ok) mark_made<ReaderSlot>(reader);
  return to_c(s);
}

corpus_status corpus_collection_find(const corpus_collection* collection, const char* id, size_t id_size,
                                     corpus_article_ref* ref) {
  const corpus::Collection* c = collection_of(collection);
  if (c == nullptr || ref == nullptr || (id == nullptr && id_size != 0)) return CORPUS_MISUSE;
  corpus::ArticleRef r;
  const Status s = c->find(view(id, id_size), &r);
  ref->part = r.part;
  ref->article = r.index;
  return to_c(s);
}

corpus_status corpus_collection_search(corpus_collection_search_state* search, const corpus_collection* collection,
                                       const char* query, size_t query_size, const corpus_search_options* options) {
  const corpus::Collection* c = collection_of(collection);
  if (search == nullptr || (query == nullptr && query_size != 0)) return CORPUS_MISUSE;
  CollectionSearch* st = object_of<CollectionSearchSlot>(search);
  if (st == nullptr) {  // first use of this struct: construct the state once
    st = make_in<CollectionSearchSlot>(search);
    mark_made<CollectionSearchSlot>(search);
  }
  st->results.count = 0;
  cs::SearchOptions so;
  if (c == nullptr || !to_search_options(options, &so)) return CORPUS_MISUSE;
  if (!c->has_index()) return CORPUS_NOT_FOUND;
  return to_c(cs::search(*c, view(query, query_size), so, &st->ws, &st->results));
}

uint32_t corpus_collection_search_count(const corpus_collection_search_state* search) {
  const CollectionSearch* st = object_of<CollectionSearchSlot>(search);
  return st ? st->results.count : 0;
}

corpus_status corpus_collection_search_hit(const corpus_collection_search_state* search, uint32_t rank,
                                           corpus_collection_hit* hit) {
  const CollectionSearch* st = object_of<CollectionSearchSlot>(search);
  if (st == nullptr || hit == nullptr) return CORPUS_MISUSE;
  if (rank >= st->results.count) return CORPUS_NOT_FOUND;
  const cs::CollectionHit& h = st->results.hits[rank];
  hit->ref.part = h.ref.part;
  hit->ref.article = h.ref.index;
  hit->score = h.score;
  hit->date = h.date;
  hit->has_date = h.has_date ? 1 : 0;
  return CORPUS_OK;
}

corpus_status corpus_collection_snippet(const corpus_collection_search_state* search,
                                        const corpus_collection* collection, corpus_reader* reader,
                                        corpus_article_ref ref, const corpus_snippet_options* options,
                                        void* scratch, size_t scratch_size, char* out, size_t cap, size_t* written) {
  const CollectionSearch* st = object_of<CollectionSearchSlot>(search);
  const corpus::Collection* c = collection_of(collection);
  corpus::Reader* r = object_of<ReaderSlot>(reader);
  if (st == nullptr || c == nullptr || r == nullptr || written == nullptr || out == nullptr) return CORPUS_MISUSE;
  *written = 0;
  if (ref.part >= c->part_count() || c->index(ref.part) == nullptr) return CORPUS_NOT_FOUND;
  // Every part is tokenized as the base (Collection::open checks it), so the last
  // part's parse in ws.query marks the words of any part's text; typo corrections
  // are the last part's.
  return snippet_into(*c->index(ref.part), *r, st->ws, ref.article, options, scratch, scratch_size,
                      out, cap, written);
}

corpus_status corpus_collection_complete(corpus_completions* out, const corpus_collection* collection,
                                         const char* partial, size_t partial_size, uint32_t max) {
  const corpus::Collection* c = collection_of(collection);
  if (out == nullptr || (partial == nullptr && partial_size != 0)) return CORPUS_MISUSE;
  Completions* items = make_in<CompletionsSlot>(out);
  mark_made<CompletionsSlot>(out);
  if (c == nullptr) return CORPUS_MISUSE;
  if (max > CORPUS_MAX_COMPLETIONS) return CORPUS_LIMIT_EXCEEDED;
  if (!c->has_index()) return CORPUS_NOT_FOUND;
  for (cs::Completion& x : items->part_items) new (&x) cs::Completion();
  return to_c(cs::complete(*c, view(partial, partial_size), items->items, max, &items->count, items->part_items,
                           &items->truncated));
}

}  // extern "C"
