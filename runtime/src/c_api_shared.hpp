// The C API's opaque structs (corpus.h), shared by its translation units: each
// holds a Slot, a magic word naming the type and then the object. The magic is
// written last when an object is made and checked by every call, so a struct never
// opened (zeroed .bss or stack garbage) gives CORPUS_MISUSE. Internal: not installed
// as a public header, compiled into corpus_c.cpp and corpus_c_collection.cpp only.
#pragma once

#include <cstdint>
#include <new>
#include <string_view>
#include <type_traits>

#include "corpus.h"
#include "corpus/blob.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/search.hpp"
#include "corpus/text/language_codes.hpp"

namespace corpus::c_api {

namespace cs = corpus::search;

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
  // Scratch of one call, never both: a blob's forgiving completion (complete.hpp),
  // or one part's completions for a collection (collection_search.hpp).
  union {
    cs::EditRows typo_rows;
    cs::Completion part_items[CORPUS_MAX_COMPLETIONS];
  };
  Completions() : typo_rows() {}
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

inline corpus_status to_c(Status s) { return static_cast<corpus_status>(s); }

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

inline std::string_view view(const char* data, size_t size) {
  return data == nullptr ? std::string_view() : std::string_view(data, size);
}

inline corpus_string to_c(std::string_view s) { return corpus_string{s.data(), s.size()}; }

inline corpus_search_options default_search_options() {
  const cs::SearchOptions d;
  corpus_search_options o;
  o.k = d.k;
  o.sort = CORPUS_SORT_RELEVANCE;
  o.date_filter = 0;
  o.date_from = d.date_from;
  o.date_to = d.date_to;
  o.plain_text = 0;
  o.no_typos = 0;
  o.language = CORPUS_LANG_none;
  o.language_filter = CORPUS_LANG_none;
  return o;
}

/// The C options (NULL: the defaults) as SearchOptions; false when a field is out
/// of its range (an unknown sort or language id).
inline bool to_search_options(const corpus_search_options* options, cs::SearchOptions* so) {
  const corpus_search_options o = options ? *options : default_search_options();
  if (o.sort != CORPUS_SORT_RELEVANCE && o.sort != CORPUS_SORT_NEWEST_FIRST && o.sort != CORPUS_SORT_OLDEST_FIRST) {
    return false;
  }
  if (o.language >= text::kLanguageIdEnd || o.language_filter >= text::kLanguageIdEnd) return false;
  so->k = o.k;
  so->sort = static_cast<cs::SortOrder>(o.sort);
  so->date_filter = o.date_filter != 0;
  so->date_from = o.date_from;
  so->date_to = o.date_to;
  so->parse.operators = o.plain_text == 0;
  so->typos = o.no_typos == 0;
  so->language = static_cast<uint8_t>(o.language);
  so->language_filter = static_cast<uint8_t>(o.language_filter);
  return true;
}

/// corpus_snippet's work for one index: `ws` holds the last search (its parse and
/// typo corrections).
inline corpus_status snippet_into(const cs::Index& index, Reader& reader, const cs::SearchWorkspace& ws, uint32_t article,
                                  const corpus_snippet_options* options, void* scratch, size_t scratch_size,
                                  char* out, size_t cap, size_t* written) {
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
  const corpus_status st = to_c(cs::snippet(index, reader, cs::SnippetRequest{&ws.query, article, so, &ws.results.corrections}, sc, &o));
  *written = o.written;
  return st;
}

}  // namespace corpus::c_api
