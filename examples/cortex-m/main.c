/* Cortex-M firmware example in C: the same blob as main.cpp, through corpus.h only.
 * The blob linked into flash is opened in place, fully verified, an article is found
 * by id and read into a static buffer (compared byte for byte with its input file), a
 * query is run (its top result checked), a snippet and completions are made, and,
 * when a volume is linked (CORPUS_FIRMWARE_VOLUME), both are searched as one. All
 * state is in .rodata/.bss: no heap (the link has no malloc or _sbrk) and no printf
 * (newlib-nano's mallocs): output goes through semihosting, formatted here.
 *
 * The program is a list of steps (steps[] below), each returning an exit status,
 * 0 meaning success; the first failure's status is qemu's exit status (tests/arm). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "corpus.h"
#include "semihosting.h"

/* Linked by corpus_blob.S: the blob, and the exact bytes of the article's input file. */
extern const unsigned char blob_data[], blob_data_end[];
extern const unsigned char expected_article[], expected_article_end[];

#ifndef CORPUS_FIRMWARE_ARTICLE_ID
#error "CORPUS_FIRMWARE_ARTICLE_ID (the id of an article in the blob) must be defined"
#endif
#ifndef CORPUS_FIRMWARE_QUERY
#define CORPUS_FIRMWARE_QUERY "Lachin corridor"
#endif
#ifndef CORPUS_FIRMWARE_QUERY_TOP
#define CORPUS_FIRMWARE_QUERY_TOP "004_d5e6e064cd57f212.txt"
#endif
#ifndef CORPUS_FIRMWARE_TEXT_BYTES
#define CORPUS_FIRMWARE_TEXT_BYTES (16u * 1024u) /* largest article read whole */
#endif

enum {
  EXIT_OK = 0,
  EXIT_OPEN = 1,
  EXIT_VERIFY = 2,
  EXIT_READER = 3,
  EXIT_LOOKUP = 4,
  EXIT_READ = 5,
  EXIT_CONTENT = 6,
  EXIT_SEARCH = 8,
  EXIT_TOP = 9,
  EXIT_SNIPPET = 10,
  EXIT_COMPLETE = 11,
  EXIT_VOLUME = 12,
};

/* The blob is built with --profile small: frames of at most 16 KiB. */
static uint64_t workspace[CORPUS_WORKSPACE_BYTES(CORPUS_FRAME_BYTES_SMALL) / 8];
static uint64_t snippet_scratch[CORPUS_SNIPPET_SCRATCH_BYTES / 8];
static corpus_blob blob;
static corpus_reader reader;
static corpus_index search_index;
static corpus_search_state search;
static corpus_completions completions;
static char text[CORPUS_FIRMWARE_TEXT_BYTES];
static uint32_t article = CORPUS_NONE;

/* ---- output: a line buffer over SYS_WRITE0 ---------------------------------- */
static char line[160];
static size_t line_len = 0;

static void flush(void) {
  if (line_len == 0) return;
  line[line_len] = '\0';
  semihosting_write0(line);
  line_len = 0;
}

static void put(char c) {
  line[line_len++] = c;
  if (c == '\n' || line_len == sizeof line - 1) flush();
}

/* Bytes from the blob: printable ASCII as is, any other byte as '.'. */
static void puts_n(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)s[i];
    put(c >= 0x20 && c < 0x7F ? (char)c : '.');
  }
}

/* The program's own text, newlines included. */
static void puts_z(const char* s) {
  while (*s) put(*s++);
}

static void put_u(uint64_t v) {
  char digits[20];
  size_t n = 0;
  do {
    digits[n++] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v != 0);
  while (n > 0) put(digits[--n]);
}

static int fail(int code, const char* what, corpus_status s) {
  puts_z("FAIL: ");
  puts_z(what);
  puts_z(": ");
  puts_z(corpus_status_message(s));
  put('\n');
  return code;
}

/* ---- steps ------------------------------------------------------------------- */
static size_t blob_size(void) { return (size_t)(blob_data_end - blob_data); }

static int step_open(void) {
  corpus_status s = corpus_open(&blob, blob_data, blob_size());
  if (s != CORPUS_OK) return fail(EXIT_OPEN, "open", s);
  puts_z("open: ");
  put_u(blob_size());
  puts_z(" bytes, ");
  put_u(corpus_article_count(&blob));
  puts_z(" articles, workspace ");
  put_u(sizeof workspace);
  puts_z(" B (needs ");
  put_u(corpus_workspace_bytes(&blob));
  puts_z(")\n");
  return EXIT_OK;
}

static int step_verify(void) {
  const char* section = "";
  corpus_status s = corpus_verify(blob_data, blob_size(), workspace, sizeof workspace, &section);
  if (s != CORPUS_OK) return fail(EXIT_VERIFY, section, s);
  puts_z("verify: ok\n");
  return EXIT_OK;
}

static int step_read(void) {
  static const char id[] = CORPUS_FIRMWARE_ARTICLE_ID;
  corpus_article a;
  size_t n = 0;
  corpus_status s = corpus_reader_init(&reader, &blob, workspace, sizeof workspace);
  if (s != CORPUS_OK) return fail(EXIT_READER, "reader init", s);
  s = corpus_find(&blob, id, sizeof id - 1, &article);
  if (s == CORPUS_OK) s = corpus_article_info(&blob, article, &a);
  if (s != CORPUS_OK) return fail(EXIT_LOOKUP, "find", s);
  s = corpus_read_all(&reader, a.original, text, sizeof text, &n);
  if (s != CORPUS_OK) return fail(EXIT_READ, "read original", s);
  const size_t want = (size_t)(expected_article_end - expected_article);
  if (n != want || memcmp(text, expected_article, n) != 0) return fail(EXIT_CONTENT, "read original", CORPUS_OK);
  puts_z("read \"");
  puts_n(a.title.data, a.title.size < 60 ? a.title.size : 60);
  puts_z("\": ");
  put_u(n);
  puts_z(" bytes, identical to the input file\n");
  return EXIT_OK;
}

static int step_search(void) {
  static const char query[] = CORPUS_FIRMWARE_QUERY;
  static const char top_id[] = CORPUS_FIRMWARE_QUERY_TOP;
  corpus_hit hit;
  corpus_article top;
  corpus_status s = corpus_index_open(&search_index, &blob);
  if (s == CORPUS_OK) s = corpus_search(&search, &search_index, query, sizeof query - 1, NULL);
  if (s == CORPUS_OK) s = corpus_search_hit(&search, 0, &hit);
  if (s == CORPUS_OK) s = corpus_article_info(&blob, hit.article, &top);
  if (s != CORPUS_OK) return fail(EXIT_SEARCH, "search", s);
  puts_z("search \"" CORPUS_FIRMWARE_QUERY "\": ");
  put_u(corpus_search_count(&search));
  puts_z(" results, top ");
  puts_n(top.id.data, top.id.size);
  put('\n');
  if (sizeof top_id > 1 && (top.id.size != sizeof top_id - 1 || memcmp(top.id.data, top_id, top.id.size) != 0)) {
    return fail(EXIT_TOP, "top result is not " CORPUS_FIRMWARE_QUERY_TOP, CORPUS_OK);
  }
  char out[320];
  size_t n = 0;
  s = corpus_snippet(&search, &search_index, &reader, hit.article, NULL, snippet_scratch, sizeof snippet_scratch,
                     out, sizeof out, &n);
  if (s != CORPUS_OK || n == 0) return fail(EXIT_SNIPPET, "snippet", s);
  puts_z("snippet: ");
  puts_n(out, n);
  put('\n');
  return EXIT_OK;
}

static int step_complete(void) {
  corpus_string word;
  uint32_t df = 0;
  corpus_status s = corpus_complete(&completions, &search_index, "kar", 3, 4);
  if (s == CORPUS_OK) s = corpus_completion(&completions, 0, &word, &df);
  if (s != CORPUS_OK) return fail(EXIT_COMPLETE, "complete", s);
  puts_z("complete \"kar\": ");
  put_u(corpus_completion_count(&completions));
  puts_z(", first \"");
  puts_n(word.data, word.size);
  puts_z("\"\n");
  return EXIT_OK;
}

#ifdef CORPUS_FIRMWARE_VOLUME
/* Linked by corpus_volume.S: a volume over the blob (examples/cortex-m/volume/) that
 * adds zz_volume_news.txt and removes CORPUS_FIRMWARE_REMOVED_ID. */
extern const unsigned char corpus_volume[], corpus_volume_end[];
static corpus_blob parts[2];
static corpus_collection collection;
static corpus_collection_search_state collection_search;

/* The volume's article through the collection: found in part 1, read whole with the
 * base's dictionary, and ranked first for words only it holds. */
static int check_volume_article(void) {
  corpus_article_ref ref;
  corpus_article info;
  corpus_collection_hit hit;
  size_t n = 0;
  corpus_status s = corpus_collection_find(&collection, "zz_volume_news.txt", 18, &ref);
  if (s != CORPUS_OK || ref.part != 1) return fail(EXIT_VOLUME, "find the volume's article", s);
  s = corpus_collection_reader_init(&collection, ref.part, &reader, workspace, sizeof workspace);
  if (s == CORPUS_OK) s = corpus_article_info(&parts[ref.part], ref.article, &info);
  if (s == CORPUS_OK) s = corpus_read_all(&reader, info.text, text, sizeof text, &n);
  if (s != CORPUS_OK || n == 0) return fail(EXIT_VOLUME, "read the volume's article", s);
  s = corpus_collection_search(&collection_search, &collection, "quokka harbour", 14, NULL);
  if (s == CORPUS_OK) s = corpus_collection_search_hit(&collection_search, 0, &hit);
  if (s != CORPUS_OK || hit.ref.part != ref.part || hit.ref.article != ref.article) {
    return fail(EXIT_VOLUME, "\"quokka harbour\" does not rank the volume's article first", s);
  }
  return EXIT_OK;
}

static int step_volume(void) {
  uint32_t bad = CORPUS_NONE;
  corpus_article_ref ref;
  parts[0] = blob;
  corpus_status s = corpus_open(&parts[1], corpus_volume, (size_t)(corpus_volume_end - corpus_volume));
  if (s == CORPUS_OK) s = corpus_collection_open(&collection, parts, 2, &bad);
  if (s != CORPUS_OK) return fail(EXIT_VOLUME, "open the blob and its volume", s);
  int code = check_volume_article();
  if (code != EXIT_OK) return code;
  s = corpus_collection_find(&collection, CORPUS_FIRMWARE_REMOVED_ID, sizeof CORPUS_FIRMWARE_REMOVED_ID - 1, &ref);
  if (s != CORPUS_NOT_FOUND) return fail(EXIT_VOLUME, "the removed id is still found", s);
  puts_z("blob + volume: ");
  put_u(corpus_collection_article_count(&collection));
  puts_z(" articles, \"quokka harbour\" first: zz_volume_news.txt; RAM: corpus_collection ");
  put_u(sizeof collection);
  puts_z(" B, its search state ");
  put_u(sizeof collection_search);
  puts_z(" B\n");
  return EXIT_OK;
}
#endif

typedef int (*step_fn)(void);
static const step_fn steps[] = {step_open, step_verify, step_read, step_search, step_complete,
#ifdef CORPUS_FIRMWARE_VOLUME
                                step_volume
#endif
};

int main(void) {
  puts_z("corpus C firmware example\n");
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; ++i) {
    int code = steps[i]();
    if (code != EXIT_OK) {
      flush();
      return code;
    }
  }
  puts_z("PASS\n");
  flush();
  return EXIT_OK;
}
