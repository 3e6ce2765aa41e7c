/* The C API's collections from a C11 program using only corpus.h: a base plus two
 * volumes (the fixture c_collection.sh builds) opened as one corpus, looked up, read,
 * searched, snippeted and completed; chains in the wrong order refused; language
 * options checked.
 *
 * usage: c_collection_test BASE VOL1 VOL2
 *   BASE holds a00001..a00003 ("harbour"); VOL1 replaces a00001 (text "okapi
 *   rewritten"), adds new1 ("okapi giraffe") and removes a00002; VOL2 adds new2
 *   ("tapir") and removes new1. Exit 0 on success, 1 on a failed check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_test.h"
#include "corpus.h"

static corpus_blob blobs[3];
static corpus_collection collection;
static corpus_collection_search_state search;
static corpus_completions completions;
static corpus_reader reader;
static uint64_t workspace[CORPUS_WORKSPACE_BYTES(CORPUS_FRAME_BYTES_DEFAULT) / 8];
static uint64_t scratch[CORPUS_SNIPPET_SCRATCH_BYTES / 8];

static int has_text(corpus_string s, const char* z) {
  size_t n = strlen(z);
  for (size_t i = 0; i + n <= s.size; ++i) {
    if (memcmp(s.data + i, z, n) == 0) return 1;
  }
  return 0;
}

/* The id of the top hit of `query`, into out ("" when nothing is found). */
static void top_id(const char* query, const corpus_search_options* o, char* out, size_t cap) {
  corpus_collection_hit hit;
  corpus_article a;
  out[0] = 0;
  CHECK(corpus_collection_search(&search, &collection, query, strlen(query), o) == CORPUS_OK);
  if (corpus_collection_search_hit(&search, 0, &hit) != CORPUS_OK || hit.ref.part >= 3) return;
  CHECK(corpus_article_info(&blobs[hit.ref.part], hit.ref.article, &a) == CORPUS_OK);
  snprintf(out, cap, "%.*s", (int)a.id.size, a.id.data);
}

static void check_lookup_and_read(void) {
  corpus_article_ref ref;
  corpus_article a;
  char text[4096];
  size_t n = 0;
  CHECK(corpus_collection_part_count(&collection) == 3);
  CHECK(corpus_collection_article_count(&collection) == 3); /* a00001 (VOL1), a00003, new2 */
  CHECK(corpus_collection_find(&collection, "a00002", 6, &ref) == CORPUS_NOT_FOUND);
  CHECK(corpus_collection_find(&collection, "new1", 4, &ref) == CORPUS_NOT_FOUND);
  CHECK(corpus_collection_find(&collection, "a00003", 6, &ref) == CORPUS_OK && ref.part == 0);
  if (corpus_collection_find(&collection, "a00001", 6, &ref) != CORPUS_OK || ref.part != 1) {
    CHECK(!"a00001 is found in VOL1");
    return;
  }
  CHECK(corpus_collection_workspace_bytes(&collection) <= sizeof workspace);
  CHECK(corpus_collection_reader_init(&collection, ref.part, &reader, workspace, sizeof workspace) == CORPUS_OK);
  CHECK(corpus_article_info(&blobs[ref.part], ref.article, &a) == CORPUS_OK);
  CHECK(corpus_read_all(&reader, a.text, text, sizeof text, &n) == CORPUS_OK);
  CHECK(n > 0 && strstr(text, "okapi rewritten") != NULL);
  CHECK(corpus_collection_reader_init(&collection, 3, &reader, workspace, sizeof workspace) == CORPUS_NOT_FOUND);
}

static void check_search(void) {
  char id[64];
  corpus_collection_hit hit;
  char out[512];
  size_t n = 0;
  top_id("tapir", NULL, id, sizeof id);
  CHECK(strcmp(id, "new2") == 0);
  top_id("giraffe", NULL, id, sizeof id); /* only new1 held it: removed by VOL2 */
  CHECK(id[0] == 0);
  top_id("okapi", NULL, id, sizeof id);
  CHECK(strcmp(id, "a00001") == 0);
  CHECK(corpus_collection_search_count(&search) == 1);
  if (corpus_collection_search_hit(&search, 0, &hit) != CORPUS_OK) {
    CHECK(!"okapi has a hit");
    return;
  }
  CHECK(corpus_collection_reader_init(&collection, hit.ref.part, &reader, workspace, sizeof workspace) == CORPUS_OK);
  CHECK(corpus_collection_snippet(&search, &collection, &reader, hit.ref, NULL, scratch, sizeof scratch, out,
                                  sizeof out, &n) == CORPUS_OK);
  CHECK(n > 0 && strstr(out, "**okapi**") != NULL);
  top_id("harbour", NULL, id, sizeof id); /* a00002 held it too, but it is removed */
  CHECK(strcmp(id, "a00003") == 0);
  CHECK(corpus_collection_search_count(&search) == 1);
}

static void check_languages(void) {
  char id[64];
  corpus_search_options o = corpus_search_defaults();
  corpus_article a;
  CHECK(corpus_language_from_code("pt-BR", 5) == CORPUS_LANG_portuguese);
  CHECK(corpus_language_from_code("xx", 2) == CORPUS_NONE);
  CHECK(strcmp(corpus_language_code(CORPUS_LANG_german), "de") == 0);
  CHECK(strcmp(corpus_language_code(CORPUS_LANG_none), "") == 0);
  CHECK(corpus_article_info(&blobs[0], 0, &a) == CORPUS_OK && a.language == CORPUS_LANG_english);
  o.language_filter = CORPUS_LANG_english;
  top_id("tapir", &o, id, sizeof id);
  CHECK(strcmp(id, "new2") == 0);
  o.language_filter = CORPUS_LANG_german; /* no German article */
  top_id("tapir", &o, id, sizeof id);
  CHECK(id[0] == 0);
  o.language_filter = CORPUS_LANG_end_;
  CHECK(corpus_collection_search(&search, &collection, "tapir", 5, &o) == CORPUS_MISUSE);
}

static void check_completion(void) {
  corpus_string word;
  uint32_t df = 0;
  CHECK(corpus_collection_complete(&completions, &collection, "tap", 3, 4) == CORPUS_OK);
  CHECK(corpus_completion_count(&completions) == 1);
  CHECK(corpus_completion(&completions, 0, &word, &df) == CORPUS_OK && has_text(word, "tapir") && df == 1);
  CHECK(corpus_collection_complete(&completions, &collection, "gira", 4, 4) == CORPUS_OK);
  CHECK(corpus_completion_count(&completions) == 0); /* only the removed new1 held it */
}

static void check_refusals(void) {
  corpus_blob wrong[2];
  uint32_t failed = 0;
  corpus_collection other;
  wrong[0] = blobs[0];
  wrong[1] = blobs[2]; /* VOL2 extends VOL1, not BASE */
  CHECK(corpus_collection_open(&other, wrong, 2, &failed) == CORPUS_VOLUME_MISMATCH && failed == 1);
  CHECK(corpus_collection_part_count(&other) == 0);
  CHECK(corpus_collection_search(&search, &other, "tapir", 5, NULL) == CORPUS_MISUSE);
  CHECK(corpus_collection_open(&other, blobs, 0, &failed) == CORPUS_MISUSE);
  CHECK(corpus_collection_open(&other, blobs, CORPUS_MAX_VOLUMES + 2, &failed) == CORPUS_LIMIT_EXCEEDED);
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: c_collection_test BASE VOL1 VOL2\n");
    return 2;
  }
  void* data[3];
  for (int i = 0; i < 3; ++i) {
    size_t size = 0;
    data[i] = load(argv[1 + i], &size);
    if (data[i] == NULL || corpus_open(&blobs[i], data[i], size) != CORPUS_OK) {
      fprintf(stderr, "cannot open %s\n", argv[1 + i]);
      return 1;
    }
  }
  uint32_t failed = 0;
  corpus_status s = corpus_collection_open(&collection, blobs, 3, &failed);
  if (s != CORPUS_OK || failed != CORPUS_NONE) {
    fprintf(stderr, "FAILED: corpus_collection_open: %s (part %u)\n", corpus_status_message(s), (unsigned)failed);
    return 1;
  }
  check_lookup_and_read();
  check_search();
  check_languages();
  check_completion();
  check_refusals();
  for (int i = 0; i < 3; ++i) free(data[i]);
  if (failures == 0) printf("c_collection_test: ok\n");
  return failures == 0 ? 0 : 1;
}
