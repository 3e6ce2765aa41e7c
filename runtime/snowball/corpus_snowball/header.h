/* The interface Snowball's generated C stemmers compile against (snowball -r
 * corpus_snowball makes them include this file), implemented without a heap by
 * snowball_runtime.c.
 *
 * Contract: the generated code reads and writes `struct SN_env` fields directly, so its
 * layout and the function signatures below are fixed by Snowball 2.2.0's generator
 * (Debian bookworm). Everything else is ours: buffers live in caller memory
 * (stemmer_workspace.c carves them), never grow, and an operation that would grow a
 * buffer past its capacity fails with -1, which the generated code passes up as the
 * stemmer's result (the caller then keeps the word unstemmed).
 *
 * Buffers: a `symbol *` handed to the generated code points just past a
 * `struct corpus_sb_buffer` holding its size and capacity. */
#ifndef CORPUS_SNOWBALL_HEADER_H
#define CORPUS_SNOWBALL_HEADER_H

#include <limits.h>
#include <stddef.h>

typedef unsigned char symbol;

struct SN_env {
  symbol *p;  /* the word being stemmed (a corpus_sb_buffer's bytes) */
  int c;      /* cursor */
  int l;      /* forward limit */
  int lb;     /* backward limit */
  int bra;    /* slice start */
  int ket;    /* slice end */
  symbol **S; /* string variables of the algorithm */
  int *I;     /* integer and boolean variables */
};

/* One entry of a generated `among` table (sorted by the generator). */
struct among {
  int s_size;               /* bytes in s */
  const symbol *s;          /* the string to match */
  int substring_i;          /* index of the longest entry that is a prefix (suffix) of s, or -1 */
  int result;               /* returned on a match */
  int (*function)(struct SN_env *); /* optional condition; 0 means none */
};

/* The header of a fixed-capacity byte buffer: its bytes follow it directly, so the
 * generated code's `symbol *` maps back to its header (corpus_sb_buffer_of). */
struct corpus_sb_buffer {
  int capacity; /* bytes available after the header */
  int size;     /* bytes in use */
};

#define MAXINT INT_MAX
#define MININT INT_MIN

#ifdef __cplusplus
extern "C" {
#endif

int skip_utf8(const symbol *p, int c, int limit, int n);
int skip_b_utf8(const symbol *p, int c, int limit, int n);

int in_grouping_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat);
int in_grouping_b_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat);
int out_grouping_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat);
int out_grouping_b_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat);

int eq_s(struct SN_env *z, int s_size, const symbol *s);
int eq_s_b(struct SN_env *z, int s_size, const symbol *s);
int eq_v(struct SN_env *z, const symbol *p);
int eq_v_b(struct SN_env *z, const symbol *p);

int find_among(struct SN_env *z, const struct among *v, int v_size);
int find_among_b(struct SN_env *z, const struct among *v, int v_size);

int slice_from_s(struct SN_env *z, int s_size, const symbol *s);
int slice_from_v(struct SN_env *z, const symbol *p);
int slice_del(struct SN_env *z);
int insert_s(struct SN_env *z, int bra, int ket, int s_size, const symbol *s);
int insert_v(struct SN_env *z, int bra, int ket, const symbol *p);
symbol *slice_to(struct SN_env *z, symbol *p);
symbol *assign_to(struct SN_env *z, symbol *p);

int len_utf8(const symbol *p);

/* Generated create/close functions call these; stemmer_workspace.c never calls the
 * generated create/close, so they exist only to satisfy the linker and return
 * failure (there is no heap to create an environment on). */
struct SN_env *SN_create_env(int S_size, int I_size);
void SN_close_env(struct SN_env *z, int S_size);

/* The runtime's own: the buffer behind a generated-code `symbol *`. */
struct corpus_sb_buffer *corpus_sb_buffer_of(const symbol *p);

#ifdef __cplusplus
}
#endif

#endif
