/* corpus.h: the C API of the corpus runtime (C11; also valid C++).
 *
 * For C firmware (Zephyr, FreeRTOS, vendor SDKs): open a corpus blob in place, verify
 * it, look articles up, read their text, search, make snippets and completions, with
 * no heap allocation at all. The implementation is the C++ runtime behind
 * extern "C": compile runtime/src/corpus_c.cpp and corpus_c_collection.cpp with the
 * toolchain's C++ compiler, or link the corpus_c library the CMake build makes.
 *
 * Memory and ownership, everywhere:
 *   - Nothing is allocated. Every object is a caller-owned, fixed-size struct (sizes
 *     below, all multiples of 8 and 8-byte aligned); put them in .bss, a static or
 *     the stack. Their contents are private: use the functions.
 *   - The blob bytes (flash, mmap, an array) are never copied and must stay valid,
 *     unchanged and 8-byte aligned while any object made from them is used.
 *   - Strings returned (corpus_string) point into the blob: not NUL-terminated,
 *     valid as long as the blob bytes are.
 *   - Strings passed in are pointer + length (no NUL needed); a NULL pointer with
 *     length 0 is the empty string.
 *   - Objects can be copied with memcpy/assignment; a copy is independent. The one
 *     exception is corpus_collection, which refers to itself once opened.
 *   - A function called on an object never opened/initialized (or with a NULL where
 *     an object is required) returns CORPUS_MISUSE.
 *   - One thread at a time per object, and per workspace.
 *
 * Sizes: the *_BYTES macros are upper bounds checked at compile time by
 * corpus_c.cpp (a static_assert names the macro to raise). If the runtime is built
 * with other limits (-DCORPUS_SEARCH_MAX_RESULTS=...), define the same macros for
 * both corpus_c.cpp and the C code.
 */
#ifndef CORPUS_H
#define CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/sizes.h"          /* CORPUS_WORKSPACE_BYTES(frame_bytes), CORPUS_FRAME_BYTES_* */
#include "corpus/text/languages.h" /* corpus_language_id: CORPUS_LANG_german, ... */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status ------------------------------------------------------------------ */

/* Stable numeric values (the same as corpus::Status in C++); later additions go at the end. */
typedef enum corpus_status {
  CORPUS_OK = 0,
  CORPUS_TRUNCATED = 1,           /* buffer shorter than the structure it claims to hold */
  CORPUS_BAD_IDENTIFIER = 2,      /* not a corpus blob */
  CORPUS_BAD_VERSION = 3,         /* a format major version this runtime does not read */
  CORPUS_MALFORMED = 4,           /* structure or reference out of bounds */
  CORPUS_CHECKSUM_MISMATCH = 5,   /* a section or the seal does not match: corrupted */
  CORPUS_DECOMPRESS_FAILED = 6,   /* a compressed frame did not decode */
  CORPUS_NOT_FOUND = 7,           /* no such id / index out of range / no search index */
  CORPUS_BUFFER_TOO_SMALL = 8,    /* the caller's output buffer cannot hold the result */
  CORPUS_WORKSPACE_TOO_SMALL = 9, /* the workspace is smaller than the blob needs */
  CORPUS_MISALIGNED = 10,         /* blob or workspace not 8-byte aligned */
  CORPUS_BAD_QUERY = 11,          /* the query could not be parsed */
  CORPUS_LIMIT_EXCEEDED = 12,     /* a documented limit was hit */
  CORPUS_MISUSE = 13,             /* object not opened/initialized, or a NULL argument */
  CORPUS_STEMMER_UNAVAILABLE = 14, /* the blob needs a stemmer this runtime was built without */
  CORPUS_VOLUME_MISMATCH = 15,    /* a volume does not extend the blob before it (seal, depth, dictionary) */
  CORPUS_VOLUME_INCOMPATIBLE = 16 /* a volume's tokenizer, scoring or format differs from its base */
} corpus_status;

/* A short, static, human-readable description; never NULL. */
const char* corpus_status_message(corpus_status status);

/* "No index" in uint32_t fields. */
#define CORPUS_NONE 0xFFFFFFFFu

/* A view into the blob: `size` bytes at `data`, not NUL-terminated. */
typedef struct corpus_string {
  const char* data;
  size_t size;
} corpus_string;

/* ---- Blob: open, verify, find, metadata --------------------------------------- */

#ifndef CORPUS_BLOB_BYTES
#define CORPUS_BLOB_BYTES 32
#endif
typedef struct corpus_blob {
  uint64_t opaque[CORPUS_BLOB_BYTES / 8];
} corpus_blob;

/* The cheap check (identifier, version, structure, frame table) and bind: O(number
 * of sections), reads no text. `data` must be 8-byte aligned. On failure *blob is
 * left unusable (later calls return CORPUS_MISUSE). */
corpus_status corpus_open(corpus_blob* blob, const void* data, size_t size);

/* The full check: the seal over every byte, section checksums, every reference, and
 * every frame decodes. `workspace` as for corpus_reader_init (it may be the one a
 * reader uses: that reader then decodes its frame again, never returns stale text).
 * `report_section` (may be NULL) receives a static string naming what failed. */
corpus_status corpus_verify(const void* data, size_t size, void* workspace, size_t workspace_size,
                            const char** report_section);

uint32_t corpus_article_count(const corpus_blob* blob); /* 0 for a blob not opened */
/* Largest decompressed frame: corpus_workspace_bytes() depends on it. */
uint32_t corpus_max_frame_raw(const corpus_blob* blob);
/* Workspace bytes a reader of this blob needs (CORPUS_WORKSPACE_BYTES(max frame)). */
size_t corpus_workspace_bytes(const corpus_blob* blob);

/* Binary search by exact id; *article is set on CORPUS_OK, else CORPUS_NOT_FOUND. */
corpus_status corpus_find(const corpus_blob* blob, const char* id, size_t id_size, uint32_t* article);

/* ArticleInfo flags. */
#define CORPUS_ARTICLE_HAS_DATE (1u << 0)
#define CORPUS_ARTICLE_EXACT_DUPLICATE (1u << 1)
#define CORPUS_ARTICLE_NORMALIZED_DUPLICATE (1u << 2)
#define CORPUS_ARTICLE_NEAR_DUPLICATE (1u << 3)
#define CORPUS_ARTICLE_UTF8_REPAIRED (1u << 4)
#define CORPUS_ARTICLE_HAS_EXTRA (1u << 5)

/* Metadata of one article; strings point into the blob (empty when absent). */
typedef struct corpus_article {
  uint32_t index;        /* position in the blob (id order) */
  corpus_string id, title, url;
  corpus_string tags;    /* '\n'-separated */
  int64_t date;          /* seconds since the epoch, UTC; valid if has_date */
  int has_date;
  uint32_t text;         /* the normalized text: pass to corpus_read*() */
  uint32_t original;     /* the exact input bytes: pass to corpus_read*() */
  uint32_t canonical;    /* representative article of its duplicate group */
  uint32_t variant_count;
  uint32_t flags;        /* CORPUS_ARTICLE_* bits */
  uint32_t language;     /* corpus_language_id; CORPUS_LANG_none when undetermined */
} corpus_article;

/* The ISO 639-1 code of a corpus_language_id ("de"; "" for none or an unknown id);
 * static, NUL-terminated. */
const char* corpus_language_code(uint32_t language);
/* The id of a code as HTML's lang carries it ("de", "pt-BR": case-insensitive,
 * region dropped), or CORPUS_NONE. */
uint32_t corpus_language_from_code(const char* code, size_t code_size);

/* CORPUS_NOT_FOUND when article >= corpus_article_count(). */
corpus_status corpus_article_info(const corpus_blob* blob, uint32_t article, corpus_article* info);
/* The i-th variant (another article index) of an article's group, or CORPUS_NONE. */
uint32_t corpus_article_variant(const corpus_blob* blob, uint32_t article, uint32_t i);
/* Length in bytes of a stored text (corpus_article.text or .original). */
corpus_status corpus_text_size(const corpus_blob* blob, uint32_t text, uint64_t* size);

/* ---- Reader: decompress text into the caller's buffer ------------------------- */

#ifndef CORPUS_READER_BYTES
#define CORPUS_READER_BYTES 64
#endif
typedef struct corpus_reader {
  uint64_t opaque[CORPUS_READER_BYTES / 8];
} corpus_reader;

/* Binds a reader to an opened blob (copied into the reader) and sets up zstd in the
 * workspace: at least corpus_workspace_bytes(blob) bytes, 8-byte aligned, e.g.
 *   static uint64_t ws[CORPUS_WORKSPACE_BYTES(CORPUS_FRAME_BYTES_SMALL) / 8];
 * The workspace must outlive the reader. Several readers (same or other blobs) and
 * corpus_verify() may share one workspace, one at a time: each re-checks the
 * workspace's stamp, so sharing costs decodes, never wrong text. */
corpus_status corpus_reader_init(corpus_reader* reader, const corpus_blob* blob, void* workspace,
                                 size_t workspace_size);

/* Copies bytes [offset, offset + cap) of a stored text (clamped to its end) to out;
 * *written is the count copied (0 at or past the end). Read in pieces to stream. */
corpus_status corpus_read(corpus_reader* reader, uint32_t text, uint64_t offset, char* out, size_t cap,
                          size_t* written);
/* Like corpus_read in main-text coordinates: boilerplate ranges left out, as indexed. */
corpus_status corpus_read_main(corpus_reader* reader, uint32_t text, uint64_t offset, char* out,
                               size_t cap, size_t* written);
/* A whole text; CORPUS_BUFFER_TOO_SMALL (nothing written) if it does not fit. */
corpus_status corpus_read_all(corpus_reader* reader, uint32_t text, char* out, size_t cap,
                              size_t* written);

/* ---- Search ------------------------------------------------------------------- */

#ifndef CORPUS_INDEX_BYTES
#define CORPUS_INDEX_BYTES 48
#endif
typedef struct corpus_index {
  uint64_t opaque[CORPUS_INDEX_BYTES / 8];
} corpus_index;

/* Binds to the blob's search index (the blob is copied); CORPUS_NOT_FOUND if none. */
corpus_status corpus_index_open(corpus_index* index, const corpus_blob* blob);

/* The parsed query, cursors and results of one search (about 23 KB with the default
 * limits: 100 results, 32 terms, 32 clauses). Reused by every corpus_search(). */
#ifndef CORPUS_SEARCH_BYTES
#define CORPUS_SEARCH_BYTES 24576
#endif
typedef struct corpus_search_state {
  uint64_t opaque[CORPUS_SEARCH_BYTES / 8];
} corpus_search_state;

#define CORPUS_MAX_RESULTS 100 /* corpus_search_options.k at most */

typedef enum corpus_sort {
  CORPUS_SORT_RELEVANCE = 0,
  CORPUS_SORT_NEWEST_FIRST = 1,
  CORPUS_SORT_OLDEST_FIRST = 2
} corpus_sort;

typedef struct corpus_search_options {
  uint32_t k;            /* results wanted, 1..CORPUS_MAX_RESULTS */
  corpus_sort sort;
  int date_filter;       /* nonzero: keep articles dated within [date_from, date_to] */
  int64_t date_from, date_to;
  int plain_text;        /* nonzero: no operators, every word is an optional term */
  int no_typos;          /* nonzero: a word matching no indexed word is not corrected */
  uint32_t language;     /* corpus_language_id the query is stemmed in (the UI language);
                            CORPUS_LANG_none: in every language the blob holds */
  uint32_t language_filter; /* only articles in this corpus_language_id; CORPUS_LANG_none: all */
} corpus_search_options;

/* k = 10, by relevance, no date filter, operators on, typo tolerance on, every
 * language. An out-of-range sort or language id makes a search return CORPUS_MISUSE. */
corpus_search_options corpus_search_defaults(void);

/* Runs `query` (the query language of corpusc query: words, "phrases", prefix*,
 * +required, -excluded, title:word). `options` may be NULL (defaults). On CORPUS_OK
 * corpus_search_count() hits are ready, best first. */
corpus_status corpus_search(corpus_search_state* search, const corpus_index* index, const char* query,
                            size_t query_size, const corpus_search_options* options);

typedef struct corpus_hit {
  uint32_t article;  /* pass to corpus_article_info() */
  uint32_t score;    /* comparable within one query only */
  int64_t date;      /* valid if has_date */
  int has_date;
} corpus_hit;

uint32_t corpus_search_count(const corpus_search_state* search);  /* 0 before a search */
/* Documents that matched and were scored (a lower bound when pruning skipped some). */
uint32_t corpus_search_matched(const corpus_search_state* search);
/* Nonzero if a prefix* matched more words than were searched (results flagged). */
int corpus_search_prefix_truncated(const corpus_search_state* search);
/* Words of the last query searched as a correction (0: none; "did you mean"). */
uint32_t corpus_search_corrections(const corpus_search_state* search);
/* The last query (pass the same bytes) with its corrected words replaced, into out
 * (no terminator, *written bytes); CORPUS_LIMIT_EXCEEDED if cap is too small. */
corpus_status corpus_search_corrected_query(const corpus_search_state* search, const char* query, size_t query_size,
                                            char* out, size_t cap, size_t* written);
/* Hit `rank` (0 = best); CORPUS_NOT_FOUND past corpus_search_count(). */
corpus_status corpus_search_hit(const corpus_search_state* search, uint32_t rank, corpus_hit* hit);

/* ---- Snippets and completions ------------------------------------------------- */

/* Scratch a snippet reads the text through (caller memory, 8-byte aligned). */
#define CORPUS_SNIPPET_SCRATCH_BYTES 4096

typedef struct corpus_snippet_options {
  uint32_t max_bytes;    /* text bytes in the window (markers not counted), 1..3584 */
  const char* open;      /* NUL-terminated marker before each match; NULL: "**" */
  const char* close;     /* after each match; NULL: "**" */
  const char* ellipsis;  /* marks cut ends; NULL: "..." */
} corpus_snippet_options;

/* A marked extract of `article`'s main text around the terms of the last query run
 * on `search`. The reader must be bound to the index's blob. `options` may be NULL
 * (200 bytes, ** markers). out needs max_bytes plus the markers and two ellipses;
 * CORPUS_BUFFER_TOO_SMALL when cap is below max_bytes + 2 * strlen(ellipsis). */
corpus_status corpus_snippet(const corpus_search_state* search, const corpus_index* index, corpus_reader* reader,
                             uint32_t article, const corpus_snippet_options* options, void* scratch,
                             size_t scratch_size, char* out, size_t cap, size_t* written);

/* Completions of a partial word, most frequent first (search-as-you-type). */
#define CORPUS_MAX_COMPLETIONS 16
#ifndef CORPUS_COMPLETIONS_BYTES
#define CORPUS_COMPLETIONS_BYTES 3328
#endif
typedef struct corpus_completions {
  uint64_t opaque[CORPUS_COMPLETIONS_BYTES / 8];
} corpus_completions;

/* Fills `out` with at most `max` (<= CORPUS_MAX_COMPLETIONS) completions of the last
 * word of `partial`, then, if fewer words start with it, words it begins with one
 * typo (4+ letters). CORPUS_BAD_QUERY if it folds to nothing. */
corpus_status corpus_complete(corpus_completions* out, const corpus_index* index, const char* partial,
                              size_t partial_size, uint32_t max);
uint32_t corpus_completion_count(const corpus_completions* completions);
/* Nonzero if the dictionary scan stopped at its bound (a very short prefix). */
int corpus_completions_truncated(const corpus_completions* completions);
/* Completion i: its text (a view into `completions`, valid until the next
 * corpus_complete on it) and its document frequency. CORPUS_NOT_FOUND past the count. */
corpus_status corpus_completion(const corpus_completions* completions, uint32_t i, corpus_string* text,
                                uint32_t* df);

/* ---- Collections: a base blob and its volumes as one corpus --------------------- */

/* A base (corpusc build) and its volumes (corpusc build --extends), looked up and
 * searched as one: a newer volume's article replaces the same id, a removal hides
 * it, and BM25 uses the statistics combined across the parts. */
#ifndef CORPUS_MAX_VOLUMES
#define CORPUS_MAX_VOLUMES 15 /* volumes per collection, after the base */
#endif
#ifndef CORPUS_COLLECTION_BYTES
#define CORPUS_COLLECTION_BYTES 2560
#endif
typedef struct corpus_collection {
  uint64_t opaque[CORPUS_COLLECTION_BYTES / 8];
} corpus_collection;

/* An article of a collection: blobs[part] (as given to corpus_collection_open) and
 * its index there: corpus_article_info(&blobs[part], article, ...) gives its
 * metadata, a reader from corpus_collection_reader_init(..., part, ...) its text. */
typedef struct corpus_article_ref {
  uint32_t part;
  uint32_t article;
} corpus_article_ref;

/* blobs[0] is the base, blobs[1..count) its volumes in chain order, each opened by
 * corpus_open; count is 1 .. CORPUS_MAX_VOLUMES + 1. The corpus_blob objects are
 * copied (their bytes must stay valid). CORPUS_VOLUME_MISMATCH / _INCOMPATIBLE (or
 * another status of a part) refuse the chain, and *failed_part (may be NULL) names
 * the refused blob; CORPUS_LIMIT_EXCEEDED when count is too large. Once opened the
 * collection refers to itself: use it where it was opened, never copy it. */
corpus_status corpus_collection_open(corpus_collection* collection, const corpus_blob* blobs, uint32_t count,
                                     uint32_t* failed_part);
uint32_t corpus_collection_part_count(const corpus_collection* collection); /* 0 if not opened */
/* Articles visible through the collection (replaced and removed ones not counted). */
uint32_t corpus_collection_article_count(const corpus_collection* collection);
/* Reader workspace bytes that serve every part (their largest frame). */
size_t corpus_collection_workspace_bytes(const corpus_collection* collection);
/* A reader of part `part`'s texts (a volume's frames decode with its base's
 * dictionary, so use this rather than corpus_reader_init for a volume). workspace:
 * corpus_collection_workspace_bytes() bytes, 8-byte aligned; the collection must
 * outlive the reader. */
corpus_status corpus_collection_reader_init(const corpus_collection* collection, uint32_t part,
                                            corpus_reader* reader, void* workspace, size_t workspace_size);
/* The newest part holding `id`; CORPUS_NOT_FOUND if none does or a volume removed it. */
corpus_status corpus_collection_find(const corpus_collection* collection, const char* id, size_t id_size,
                                     corpus_article_ref* ref);

/* One search over every part: a corpus_search_state plus the merged hits. */
#ifndef CORPUS_COLLECTION_SEARCH_BYTES
#define CORPUS_COLLECTION_SEARCH_BYTES 28672
#endif
typedef struct corpus_collection_search_state {
  uint64_t opaque[CORPUS_COLLECTION_SEARCH_BYTES / 8];
} corpus_collection_search_state;

typedef struct corpus_collection_hit {
  corpus_article_ref ref;
  uint32_t score;    /* comparable across parts within one query */
  int64_t date;      /* valid if has_date */
  int has_date;
} corpus_collection_hit;

/* As corpus_search, over the collection (options as there; NULL: the defaults). */
corpus_status corpus_collection_search(corpus_collection_search_state* search, const corpus_collection* collection,
                                       const char* query, size_t query_size, const corpus_search_options* options);
uint32_t corpus_collection_search_count(const corpus_collection_search_state* search); /* 0 before a search */
corpus_status corpus_collection_search_hit(const corpus_collection_search_state* search, uint32_t rank,
                                           corpus_collection_hit* hit);
/* As corpus_snippet, for a hit of the last collection search; `reader` must come from
 * corpus_collection_reader_init for ref.part. */
corpus_status corpus_collection_snippet(const corpus_collection_search_state* search,
                                        const corpus_collection* collection, corpus_reader* reader,
                                        corpus_article_ref ref, const corpus_snippet_options* options,
                                        void* scratch, size_t scratch_size, char* out, size_t cap, size_t* written);
/* As corpus_complete over every part, document frequencies summed; a word only
 * replaced or removed articles hold is not offered (no typo completions). Read the
 * result with corpus_completion_count() / corpus_completion(). */
corpus_status corpus_collection_complete(corpus_completions* out, const corpus_collection* collection,
                                         const char* partial, size_t partial_size, uint32_t max);

#ifdef __cplusplus
}
#endif

#endif /* CORPUS_H */
