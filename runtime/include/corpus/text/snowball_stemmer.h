/* Snowball stemmers for the languages of languages.h, with no heap (C API).
 *
 * The stemmers are Snowball's generated C (Debian's snowball source package, compiled
 * at build time by cmake/SnowballStemmers.cmake, nothing generated is committed)
 * linked with the project's allocation-free runtime (runtime/snowball/). A build
 * compiles the languages listed in CORPUS_STEMMERS only; corpus_stemmer_available()
 * tells which ones a binary has.
 *
 * Memory: the caller passes CORPUS_STEM_WORKSPACE_BYTES of 8-aligned memory per call
 * (reusable; one workspace per thread). The stem is written inside it and stays valid
 * until the workspace is used again. */
#ifndef CORPUS_TEXT_SNOWBALL_STEMMER_H
#define CORPUS_TEXT_SNOWBALL_STEMMER_H

#include <stddef.h>

#include "corpus/text/languages.h"

/* Longest input word in bytes (the tokenizer's kMaxTermBytes); longer words are not
 * stemmed. A stem may grow past its input by up to CORPUS_STEM_GROWTH bytes; a
 * stemmer that would grow it further fails (CORPUS_STEM_TOO_LONG). */
#define CORPUS_STEM_MAX_INPUT 64
#define CORPUS_STEM_GROWTH 64
#define CORPUS_STEM_WORKSPACE_BYTES 512

enum corpus_stem_result {
  CORPUS_STEM_OK = 0,
  CORPUS_STEM_NO_LANGUAGE = -1, /* unknown id, or not compiled into this binary */
  CORPUS_STEM_TOO_LONG = -2,    /* input over CORPUS_STEM_MAX_INPUT, or the stem outgrew its buffer */
  CORPUS_STEM_BAD_WORKSPACE = -3 /* null, misaligned or smaller than CORPUS_STEM_WORKSPACE_BYTES */
};

#ifdef __cplusplus
extern "C" {
#endif

/* 1 if this binary has the stemmer of `language` (an enum corpus_language_id). */
int corpus_stemmer_available(int language);

/* Stems `word` (lowercase UTF-8, `length` bytes). On CORPUS_STEM_OK, *stem points at
 * *stem_length bytes inside `workspace`. On any other result *stem is `word` and
 * *stem_length is `length` (the word unstemmed), so callers can always use them. */
int corpus_stem(int language, const unsigned char *word, int length, void *workspace,
                size_t workspace_size, const unsigned char **stem, int *stem_length);

#ifdef __cplusplus
}
#endif

#endif
