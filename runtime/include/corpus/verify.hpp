// verify(): the full integrity check, on top of Blob::open()'s cheap one.
//
// Order: cheap open; the whole-blob seal (every byte, padding included); each
// section's checksum (to name the damaged section); every cross-reference; every
// term block and postings and positions stream of the search index; every
// frame decompresses to its recorded size (zstd's own frame checksum included).
// Cost: one pass over the blob plus one decode of every frame. No allocation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "corpus/blob.hpp"
#include "corpus/checksum.hpp"
#include "corpus/reader.hpp"
#include "corpus/search/index_verify.hpp"
#include "corpus/section_checksums.hpp"

namespace corpus {

struct VerifyReport {
  Status status = Status::ok;
  const char* section = "";  // static string naming what failed ("seal", "articles", ...)
  uint32_t item = kNone;     // the failing element of that section, if any
};

namespace detail {

template <typename T>
uint64_t vector_hash(const flatbuffers::Vector<T>* v) {
  return xxh64(v ? v->Data() : nullptr, vector_bytes(v));
}

inline VerifyReport fail(Status s, const char* section, uint32_t item = kNone) {
  return VerifyReport{s, section, item};
}

inline VerifyReport verify_checksums(const Blob& blob) {
  const fb::Corpus& r = corpus::detail::root(blob);
  const uint8_t* seal = reinterpret_cast<const uint8_t*>(r.seal());
  size_t hole = static_cast<size_t>(seal - blob.data());
  if (hole + 8 > blob.size()) return fail(Status::malformed, "seal");
  if (seal_hash(blob.data(), blob.size(), hole) != r.seal()->xxh64()) {
    // Name the damaged section where a section checksum pinpoints it.
    for (const SectionChecksum& section : kSectionChecksums) {
      if (section.compute(r) != section.stored(*r.checksums())) {
        return fail(Status::checksum_mismatch, section.name);
      }
    }
    return fail(Status::checksum_mismatch, "seal");
  }
  return {};
}

inline bool range_ok(const fb::Range& r, uint32_t size) { return Blob::in_bounds(r.offset(), r.length(), size); }

// Ids strictly ascending in `articles` order (no or an empty `id_order`), or in
// `id_order`'s, which then lists every article: n entries, strictly ascending ids,
// so no index twice.
inline VerifyReport verify_id_order(const Blob& blob) {
  const fb::Corpus& r = corpus::detail::root(blob);
  const uint32_t n = blob.article_count();
  auto order = r.id_order() && r.id_order()->size() > 0 ? r.id_order() : nullptr;  // empty: articles in id order
  if (order && order->size() != n) return fail(Status::malformed, "id_order: size");
  std::string_view prev;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t at = order ? order->Get(i) : i;
    if (at >= n) return fail(Status::malformed, "id_order: reference", i);
    const fb::Range& range = r.articles()->Get(at)->id();
    std::string_view id = blob.string_at(range.offset(), range.length());
    if (i > 0 && !(prev < id)) return fail(Status::malformed, "articles: ids not sorted", i);
    prev = id;
  }
  return {};
}

inline VerifyReport verify_articles(const Blob& blob) {
  const fb::Corpus& r = corpus::detail::root(blob);
  const uint32_t n = blob.article_count();
  const uint32_t pool = r.strings()->size();
  for (uint32_t i = 0; i < n; ++i) {
    const fb::Article* a = r.articles()->Get(i);
    if (!range_ok(a->id(), pool) || !range_ok(a->title(), pool)) {
      return fail(Status::malformed, "articles: string range", i);
    }
    if (a->text() >= blob.text_count() || a->original() >= blob.text_count() || a->canonical() >= n) {
      return fail(Status::malformed, "articles: reference", i);
    }
    bool has_extra = (a->flags() & kArticleHasExtra) != 0;
    ArticleExtra extra;
    if (has_extra != (blob.extra(i, &extra) == Status::ok)) return fail(Status::malformed, "articles: extra flag", i);
  }
  if (r.dates() && r.dates()->size() != n) return fail(Status::malformed, "dates");
  return {};
}

inline VerifyReport verify_extras(const Blob& blob) {
  const fb::Corpus& r = corpus::detail::root(blob);
  if (!r.extras()) return {};
  const uint32_t pool = r.strings()->size();
  const uint32_t nvar = r.variant_list() ? r.variant_list()->size() : 0;
  for (uint32_t i = 0; i < r.extras()->size(); ++i) {
    const fb::ArticleExtra* x = r.extras()->Get(i);
    if (x->article() >= blob.article_count() || (i > 0 && r.extras()->Get(i - 1)->article() >= x->article())) {
      return fail(Status::malformed, "extras: order", i);
    }
    if (!range_ok(x->url(), pool) || !range_ok(x->tags(), pool) || !range_ok(x->variants(), nvar)) {
      return fail(Status::malformed, "extras: range", i);
    }
  }
  for (uint32_t i = 0; i < nvar; ++i) {
    if (r.variant_list()->Get(i) >= blob.article_count()) return fail(Status::malformed, "variant_list", i);
  }
  for (uint32_t i = 0; i < blob.text_count(); ++i) {
    TextSpan span;
    if (blob.text(i, &span) != Status::ok) return fail(Status::malformed, "text_offsets", i);
    uint64_t prev_end = 0;
    for (uint32_t k = 0; k < blob.chrome_count(i); ++k) {
      Range c = blob.chrome(i, k);
      if (c.offset() < prev_end || !Blob::in_bounds(c.offset(), c.length(), span.length)) {
        return fail(Status::malformed, "chrome", i);
      }
      prev_end = uint64_t{c.offset()} + c.length();
    }
  }
  if (r.chrome_start() && r.chrome_start()->size() != blob.text_count() + 1) {
    return fail(Status::malformed, "chrome_start");
  }
  return {};
}

inline VerifyReport verify_frames(const Blob& blob, void* workspace, size_t workspace_size,
                                  const Blob* dictionary_blob = nullptr) {
  uint32_t max_raw = 0;
  for (uint32_t i = 0; i < blob.frame_count(); ++i) {
    uint32_t raw = corpus::detail::root(blob).frames()->Get(i)->raw_size();
    if (raw > max_raw) max_raw = raw;
  }
  if (max_raw != blob.max_frame_raw()) return fail(Status::malformed, "max_frame_raw");
  // Decoded through a Reader, so verify() stamps the workspace header like any
  // Reader: a Reader sharing the workspace sees that its cached frame is gone.
  // A volume's frames need its base's dictionary: without it they cannot be checked.
  if (corpus::detail::root(blob).volume() != nullptr && dictionary_blob == nullptr && blob.frame_count() > 0) {
    return fail(Status::volume_mismatch, "dictionary");
  }
  Reader reader;
  Status s = reader.init(blob, workspace, workspace_size, dictionary_blob);
  if (s != Status::ok) return fail(s, "dictionary");
  for (uint32_t i = 0; i < blob.frame_count(); ++i) {
    const uint8_t* raw;
    size_t raw_size;
    s = reader.frame(i, &raw, &raw_size);
    if (s != Status::ok) return fail(s, "frame", i);
  }
  return {};
}

// The search index, decoded in full (search/index_verify.hpp); a blob without one passes.
inline VerifyReport verify_search_index(const Blob& blob) {
  search::Index index;
  Status s = search::Index::open(blob, &index);
  if (s == Status::not_found) return {};
  if (s != Status::ok) return fail(s, "index");
  search::IndexVerifyReport rep = search::verify_index(index);
  return rep.status == Status::ok ? VerifyReport{} : fail(rep.status, rep.what, rep.term);
}

}  // namespace detail

/// Full check of the blob at [data, data+size) using the caller's workspace
/// (workspace_bytes(max_frame_raw) bytes; see reader.hpp). It may be the workspace a
/// Reader uses: verify() leaves it stamped, so the Reader decodes again (reader.hpp,
/// "Sharing a workspace"). A volume is verified with its chain's base as
/// `dictionary_blob` (collection.hpp); without it, Status::volume_mismatch.
inline VerifyReport verify(const void* data, size_t size, void* workspace, size_t workspace_size,
                           const Blob* dictionary_blob = nullptr) {
  Blob blob;
  Status s = Blob::open(data, size, &blob);
  if (s != Status::ok) return detail::fail(s, "open");
  VerifyReport rep = detail::verify_checksums(blob);
  if (rep.status != Status::ok) return rep;
  rep = detail::verify_articles(blob);
  if (rep.status != Status::ok) return rep;
  rep = detail::verify_id_order(blob);  // after verify_articles checked the id ranges
  if (rep.status != Status::ok) return rep;
  rep = detail::verify_extras(blob);
  if (rep.status != Status::ok) return rep;
  rep = detail::verify_search_index(blob);
  if (rep.status != Status::ok) return rep;
  return detail::verify_frames(blob, workspace, workspace_size, dictionary_blob);
}

}  // namespace corpus
