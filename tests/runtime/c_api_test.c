/* The C API from a C11 program using only corpus.h: open, verify, find, metadata,
 * read (compared byte for byte with the input file), search, snippet, complete, and
 * CORPUS_MISUSE on objects never opened.
 *
 * usage: c_api_test BLOB INPUT_DIR ARTICLE_ID [QUERY TOP_ID]
 *   ARTICLE_ID's input file is INPUT_DIR/ARTICLE_ID. With QUERY, its top result must
 *   be TOP_ID; always, the article's own title as a plain-text query must find it in
 *   the top 10. Exit 0 on success, 1 on a failed check (each printed), 2 on usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_test.h"
#include "corpus.h"

static int same(corpus_string s, const char* z) { return s.size == strlen(z) && memcmp(s.data, z, s.size) == 0; }

static corpus_blob blob;
static corpus_reader reader;
static corpus_index index_;
static corpus_search_state search;
static corpus_completions completions;
static uint64_t scratch[CORPUS_SNIPPET_SCRATCH_BYTES / 8];
static char text[1 << 20];

static void check_misuse(void) {
  corpus_blob never_opened;
  corpus_reader never_initialized;
  uint32_t i = 0;
  size_t n = 0;
  memset(&never_opened, 0, sizeof never_opened);
  memset(&never_initialized, 0xA5, sizeof never_initialized);
  CHECK(corpus_find(&never_opened, "x", 1, &i) == CORPUS_MISUSE);
  CHECK(corpus_article_count(&never_opened) == 0);
  CHECK(corpus_read_all(&never_initialized, 0, text, sizeof text, &n) == CORPUS_MISUSE);
  CHECK(corpus_index_open(&index_, &never_opened) == CORPUS_MISUSE);
  CHECK(corpus_find(NULL, "x", 1, &i) == CORPUS_MISUSE);
  CHECK(strstr(corpus_status_message(CORPUS_MISUSE), "misuse") != NULL);
}

/* Reads the article and compares it with its input file. Returns its info. */
static corpus_article check_read(const char* input_dir, const char* id) {
  corpus_article a;
  uint32_t i = CORPUS_NONE;
  char path[4096];
  size_t want_size = 0, n = 0;
  memset(&a, 0, sizeof a);
  CHECK_OK(corpus_find(&blob, id, strlen(id), &i));
  CHECK(corpus_find(&blob, "no/such/id", 10, &i) == CORPUS_NOT_FOUND);
  CHECK_OK(corpus_find(&blob, id, strlen(id), &i));
  CHECK_OK(corpus_article_info(&blob, i, &a));
  CHECK(same(a.id, id));
  CHECK(a.title.size > 0);
  snprintf(path, sizeof path, "%s/%s", input_dir, id);
  void* want = load(path, &want_size);
  CHECK(want != NULL);
  CHECK_OK(corpus_read_all(&reader, a.original, text, sizeof text, &n));
  CHECK(want != NULL && n == want_size && memcmp(text, want, n) == 0);
  uint64_t size = 0;
  CHECK_OK(corpus_text_size(&blob, a.original, &size));
  CHECK(size == want_size);
  CHECK(corpus_read_all(&reader, a.original, text, 3, &n) == CORPUS_BUFFER_TOO_SMALL);
  CHECK_OK(corpus_read_main(&reader, a.text, 0, text, 64, &n));
  CHECK(n > 0);
  free(want);
  printf("read %s: %zu bytes, \"%.*s\"\n", id, want_size, (int)a.title.size, a.title.data);
  return a;
}

/* Runs a query; returns the rank of `article` in the results, or -1. */
static int rank_of(const char* query, size_t size, int plain, uint32_t article) {
  corpus_search_options o = corpus_search_defaults();
  o.plain_text = plain;
  corpus_hit hit;
  CHECK_OK(corpus_search(&search, &index_, query, size, &o));
  for (uint32_t r = 0; r < corpus_search_count(&search); ++r) {
    CHECK_OK(corpus_search_hit(&search, r, &hit));
    if (hit.article == article) return (int)r;
  }
  return -1;
}

/* The query with its 2nd and 3rd letters swapped (a first word of 5+ letters) is
 * corrected, says so, and is not corrected with no_typos. */
static void check_typo(const char* query) {
  char typo[256], fixed[512];
  size_t n = strlen(query), written = 0, word = strcspn(query, " ");
  if (word < 5 || n >= sizeof typo || query[1] == query[2]) return;
  memcpy(typo, query, n);
  typo[1] = query[2];
  typo[2] = query[1];
  corpus_search_options o = corpus_search_defaults();
  CHECK_OK(corpus_search(&search, &index_, typo, n, &o));
  CHECK(corpus_search_corrections(&search) >= 1 && corpus_search_count(&search) > 0);
  CHECK_OK(corpus_search_corrected_query(&search, typo, n, fixed, sizeof fixed, &written));
  CHECK(written > 0 && memcmp(fixed, typo, written < n ? written : n) != 0);
  printf("typo \"%.*s\": showing results for \"%.*s\"\n", (int)n, typo, (int)written, fixed);
  o.no_typos = 1;
  CHECK_OK(corpus_search(&search, &index_, typo, n, &o));
  CHECK(corpus_search_corrections(&search) == 0);
}

static void check_search(const corpus_article* a, const char* query, const char* top_id) {
  CHECK_OK(corpus_index_open(&index_, &blob));
  /* The title's first 8 words (a query within every limit). */
  size_t words = 0, cut = 0;
  while (cut < a->title.size && words < 8) {
    if (a->title.data[cut++] == ' ') ++words;
  }
  CHECK(rank_of(a->title.data, cut, 1, a->index) >= 0);
  if (query != NULL) {
    uint32_t top = CORPUS_NONE;
    CHECK_OK(corpus_find(&blob, top_id, strlen(top_id), &top));
    CHECK(rank_of(query, strlen(query), 0, top) == 0);
    printf("search \"%s\": %u results, top %s\n", query, corpus_search_count(&search), top_id);
    check_typo(query);
  }
  corpus_hit hit;
  CHECK_OK(corpus_search_hit(&search, 0, &hit));
  CHECK(corpus_search_hit(&search, CORPUS_MAX_RESULTS, &hit) == CORPUS_NOT_FOUND);
  char out[512];
  size_t n = 0;
  CHECK_OK(corpus_snippet(&search, &index_, &reader, hit.article, NULL, scratch, sizeof scratch, out,
                          sizeof out, &n));
  CHECK(n > 0 && memchr(out, '*', n) != NULL);
  printf("snippet: %.*s\n", (int)n, out);
}

static void check_complete(const corpus_article* a) {
  /* The first 3 bytes of the title's first word of 4+ ASCII letters. */
  const char* t = a->title.data;
  size_t at = 0, run = 0;
  for (size_t i = 0; i < a->title.size; ++i) {
    char c = t[i];
    int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    run = letter ? run + 1 : 0;
    if (run == 1) at = i;
    if (run == 4) break;
  }
  CHECK(run == 4);
  CHECK_OK(corpus_complete(&completions, &index_, t + at, 3, 8));
  CHECK(corpus_completion_count(&completions) > 0);
  corpus_string word;
  uint32_t df = 0;
  CHECK_OK(corpus_completion(&completions, 0, &word, &df));
  CHECK(word.size >= 3 && df > 0);
  printf("complete \"%.3s\": %u, first \"%.*s\" (df %u)\n", t + at, corpus_completion_count(&completions),
         (int)word.size, word.data, df);
  CHECK(corpus_complete(&completions, &index_, "ab", 2, CORPUS_MAX_COMPLETIONS + 1) == CORPUS_LIMIT_EXCEEDED);
  CHECK(corpus_completion_count(&completions) == 0);
}

int main(int argc, char** argv) {
  if (argc != 4 && argc != 6) {
    fprintf(stderr, "usage: %s BLOB INPUT_DIR ARTICLE_ID [QUERY TOP_ID]\n", argv[0]);
    return 2;
  }
  check_misuse();
  size_t size = 0;
  void* data = load(argv[1], &size);
  if (data == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  CHECK_OK(corpus_open(&blob, data, size));
  printf("open: %zu bytes, %u articles\n", size, corpus_article_count(&blob));
  size_t ws_size = corpus_workspace_bytes(&blob);
  void* workspace = malloc(ws_size);
  const char* section = "";
  CHECK_OK(corpus_verify(data, size, workspace, ws_size, &section));
  CHECK_OK(corpus_reader_init(&reader, &blob, workspace, ws_size));
  CHECK(corpus_reader_init(&reader, &blob, workspace, 1024) == CORPUS_WORKSPACE_TOO_SMALL);
  CHECK_OK(corpus_reader_init(&reader, &blob, workspace, ws_size));
  corpus_article a = check_read(argv[2], argv[3]);
  /* verify between reads on the reader's own workspace: the next read is still right */
  CHECK_OK(corpus_verify(data, size, workspace, ws_size, &section));
  check_read(argv[2], argv[3]);
  check_search(&a, argc == 6 ? argv[4] : NULL, argc == 6 ? argv[5] : NULL);
  check_complete(&a);
  free(workspace);
  free(data);
  printf("%s\n", failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
