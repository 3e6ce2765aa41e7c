/* Checks and file loading for the C API's tests (C11; one test program includes it
 * once): CHECK / CHECK_OK count failures in `failures` and print each. */
#ifndef CORPUS_TESTS_C_TEST_H
#define CORPUS_TESTS_C_TEST_H

#include <stdio.h>
#include <stdlib.h>

#include "corpus.h"

static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

#define CHECK_OK(call)                                                                     \
  do {                                                                                     \
    corpus_status s_ = (call);                                                             \
    if (s_ != CORPUS_OK) {                                                                 \
      fprintf(stderr, "%s:%d: FAILED: %s: %s\n", __FILE__, __LINE__, #call, corpus_status_message(s_)); \
      ++failures;                                                                          \
    }                                                                                      \
  } while (0)

/* 8-byte aligned heap copies: the test's own setup (the runtime allocates nothing). */
static void* load(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  void* p = malloc(((size_t)n + 8) & ~(size_t)7);
  if (p != NULL && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return p;
}

#endif /* CORPUS_TESTS_C_TEST_H */
