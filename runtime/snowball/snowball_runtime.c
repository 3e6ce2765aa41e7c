/* Snowball's runtime operations for the generated UTF-8 stemmers, with no heap.
 *
 * Semantics follow Snowball 2.2.0's C runtime (the generated code depends on them:
 * cursor rules, among-table search, slice bounds), written for fixed caller buffers:
 * where upstream would realloc, these fail with -1 (or NULL) and leave the
 * environment consistent. No function here allocates, and none reads outside
 * [0, size) of a buffer or outside the limits the environment states. */
#include <stdint.h>
#include <string.h>

#include "corpus_snowball/header.h"

struct corpus_sb_buffer *corpus_sb_buffer_of(const symbol *p) {
  return (struct corpus_sb_buffer *)(void *)((uintptr_t)p - sizeof(struct corpus_sb_buffer));
}

static int buffer_size(const symbol *p) { return corpus_sb_buffer_of(p)->size; }

/* Moves the cursor n characters forward from c (not past limit); -1 if it cannot. */
int skip_utf8(const symbol *p, int c, int limit, int n) {
  if (n < 0) return -1;
  for (; n > 0; n--) {
    if (c >= limit) return -1;
    if (p[c++] >= 0xC0) {
      while (c < limit && p[c] >= 0x80 && p[c] < 0xC0) c++;  /* continuation bytes */
    }
  }
  return c;
}

/* Moves the cursor n characters backward from c (not before limit); -1 if it cannot. */
int skip_b_utf8(const symbol *p, int c, int limit, int n) {
  if (n < 0) return -1;
  for (; n > 0; n--) {
    if (c <= limit) return -1;
    if (p[--c] >= 0x80) {
      while (c > limit && p[c] < 0xC0) c--;  /* back to the lead byte */
    }
  }
  return c;
}

/* Decodes the character at c (before l) into *ch; returns its byte count, 0 at l.
 * A sequence cut by l decodes from the bytes present, as upstream does. */
static int decode_forward(const symbol *p, int c, int l, int *ch) {
  int b0, width, k;
  if (c >= l) return 0;
  b0 = p[c];
  width = b0 < 0xC0 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (width > l - c) width = l - c;
  if (width == 1) { *ch = b0; return 1; }
  *ch = b0 & (0x3F >> (width - 1));
  if (width == 4) *ch = b0 & 0x7;
  for (k = 1; k < width; k++) *ch = (*ch << 6) | (p[c + k] & 0x3F);
  return width;
}

/* Decodes the character ending just before c (not before lb); byte count, 0 at lb.
 * Walks back over at most three continuation bytes, deciding at each step as
 * upstream does, so malformed input gives the same result as libstemmer. */
static int decode_backward(const symbol *p, int c, int lb, int *ch) {
  int b, acc;
  if (c <= lb) return 0;
  b = p[--c];
  if (b < 0x80 || c == lb) { *ch = b; return 1; }
  acc = b & 0x3F;
  b = p[--c];
  if (b >= 0xC0 || c == lb) { *ch = (b & 0x1F) << 6 | acc; return 2; }
  acc |= (b & 0x3F) << 6;
  b = p[--c];
  if (b >= 0xE0 || c == lb) { *ch = (b & 0xF) << 12 | acc; return 3; }
  *ch = (p[c - 1] & 0x7) << 18 | (b & 0x3F) << 12 | acc;
  return 4;
}

static int in_set(const unsigned char *s, int min, int max, int ch) {
  if (ch > max || ch < min) return 0;
  ch -= min;
  return (s[ch >> 3] & (1 << (ch & 7))) != 0;
}

/* Groupings: advance while characters are (in_) or are not (out_) in the set.
 * Returns 0 after a full match, -1 at the limit, else the width of the character
 * that stopped it (the generated code adds it to the cursor for "gopast"). */
static int grouping_forward(struct SN_env *z, const unsigned char *s, int min, int max, int repeat, int want) {
  do {
    int ch, w = decode_forward(z->p, z->c, z->l, &ch);
    if (!w) return -1;
    if (in_set(s, min, max, ch) != want) return w;
    z->c += w;
  } while (repeat);
  return 0;
}

static int grouping_backward(struct SN_env *z, const unsigned char *s, int min, int max, int repeat, int want) {
  do {
    int ch, w = decode_backward(z->p, z->c, z->lb, &ch);
    if (!w) return -1;
    if (in_set(s, min, max, ch) != want) return w;
    z->c -= w;
  } while (repeat);
  return 0;
}

int in_grouping_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat) {
  return grouping_forward(z, s, min, max, repeat, 1);
}
int in_grouping_b_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat) {
  return grouping_backward(z, s, min, max, repeat, 1);
}
int out_grouping_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat) {
  return grouping_forward(z, s, min, max, repeat, 0);
}
int out_grouping_b_U(struct SN_env *z, const unsigned char *s, int min, int max, int repeat) {
  return grouping_backward(z, s, min, max, repeat, 0);
}

int eq_s(struct SN_env *z, int s_size, const symbol *s) {
  if (z->l - z->c < s_size || memcmp(z->p + z->c, s, (size_t)s_size) != 0) return 0;
  z->c += s_size;
  return 1;
}

int eq_s_b(struct SN_env *z, int s_size, const symbol *s) {
  if (z->c - z->lb < s_size || memcmp(z->p + z->c - s_size, s, (size_t)s_size) != 0) return 0;
  z->c -= s_size;
  return 1;
}

int eq_v(struct SN_env *z, const symbol *p) { return eq_s(z, buffer_size(p), p); }
int eq_v_b(struct SN_env *z, const symbol *p) { return eq_s_b(z, buffer_size(p), p); }

int len_utf8(const symbol *p) {
  int size = buffer_size(p), n = 0, k;
  for (k = 0; k < size; k++) n += p[k] < 0x80 || p[k] >= 0xC0;
  return n;
}

int slice_from_v(struct SN_env *z, const symbol *p) { return slice_from_s(z, buffer_size(p), p); }
int insert_v(struct SN_env *z, int bra, int ket, const symbol *p) { return insert_s(z, bra, ket, buffer_size(p), p); }

struct SN_env *SN_create_env(int S_size, int I_size) {
  (void)S_size;
  (void)I_size;
  return 0;
}

void SN_close_env(struct SN_env *z, int S_size) {
  (void)z;
  (void)S_size;
}

/* Among tables: the entries are sorted; the binary search narrows [lo, hi) while
 * remembering how many bytes of the text each bound shares with it, then the
 * substring_i chain is walked from the last entry <= the text to the longest one
 * that is a prefix of it (a suffix, backwards) and whose condition holds.
 * `step` is +1 forwards (text read from c) and -1 backwards (text read before c). */
static int among_search(struct SN_env *z, const struct among *v, int v_size, int backward) {
  const int c = z->c, limit = backward ? z->lb : z->l;
  int lo = 0, hi = v_size, common_lo = 0, common_hi = 0, first_key_inspected = 0;
  for (;;) {
    const int k = lo + ((hi - lo) >> 1);
    const struct among *w = v + k;
    int common = common_lo < common_hi ? common_lo : common_hi, diff = 0, n;
    for (n = common; n < w->s_size; n++) {
      int text_at = backward ? c - 1 - common : c + common;
      int key_at = backward ? w->s_size - 1 - n : n;
      if ((backward ? c - common : c + common) == limit) { diff = -1; break; }
      diff = z->p[text_at] - w->s[key_at];
      if (diff != 0) break;
      common++;
    }
    if (diff < 0) { hi = k; common_hi = common; } else { lo = k; common_lo = common; }
    if (hi - lo <= 1) {
      if (lo > 0 || hi == lo || first_key_inspected) break;
      first_key_inspected = 1;  /* entry 0 still needs one comparison */
    }
  }
  for (;;) {
    const struct among *w = v + lo;
    if (common_lo >= w->s_size) {
      const int after = backward ? c - w->s_size : c + w->s_size;
      z->c = after;
      if (w->function == 0) return w->result;
      if (w->function(z)) { z->c = after; return w->result; }
      z->c = after;
    }
    lo = w->substring_i;
    if (lo < 0) return 0;
  }
}

int find_among(struct SN_env *z, const struct among *v, int v_size) { return among_search(z, v, v_size, 0); }
int find_among_b(struct SN_env *z, const struct among *v, int v_size) { return among_search(z, v, v_size, 1); }

/* Replaces bytes [c_bra, c_ket) of the word by s. Fails (-1, nothing changed) if the
 * result would not fit the buffer's capacity. *adjustment gets the size change. */
static int replace_s(struct SN_env *z, int c_bra, int c_ket, int s_size, const symbol *s, int *adjustment) {
  struct corpus_sb_buffer *b = corpus_sb_buffer_of(z->p);
  const int delta = s_size - (c_ket - c_bra);
  if (delta != 0) {
    if (b->size + delta > b->capacity) return -1;
    memmove(z->p + c_ket + delta, z->p + c_ket, (size_t)(b->size - c_ket));
    b->size += delta;
    z->l += delta;
    if (z->c >= c_ket) z->c += delta;
    else if (z->c > c_bra) z->c = c_bra;
  }
  if (s_size) memmove(z->p + c_bra, s, (size_t)s_size);
  if (adjustment) *adjustment = delta;
  return 0;
}

/* The slice [bra, ket) must lie inside the word. */
static int slice_ok(const struct SN_env *z) {
  return z->p != 0 && z->bra >= 0 && z->bra <= z->ket && z->ket <= z->l &&
         z->l <= corpus_sb_buffer_of(z->p)->size;
}

int slice_from_s(struct SN_env *z, int s_size, const symbol *s) {
  if (!slice_ok(z)) return -1;
  return replace_s(z, z->bra, z->ket, s_size, s, 0);
}

int slice_del(struct SN_env *z) { return slice_from_s(z, 0, 0); }

int insert_s(struct SN_env *z, int bra, int ket, int s_size, const symbol *s) {
  int delta;
  if (bra < 0 || bra > ket || ket > z->l) return -1;
  if (replace_s(z, bra, ket, s_size, s, &delta)) return -1;
  if (bra <= z->bra) z->bra += delta;
  if (bra <= z->ket) z->ket += delta;
  return 0;
}

/* Copies the slice (slice_to) or the word up to l (assign_to) into buffer p.
 * Returns p, or 0 if it does not fit (the generated code then fails with -1). */
static symbol *copy_into(symbol *p, const symbol *from, int len) {
  struct corpus_sb_buffer *b = corpus_sb_buffer_of(p);
  if (len < 0 || len > b->capacity) return 0;
  memmove(p, from, (size_t)len);
  b->size = len;
  return p;
}

symbol *slice_to(struct SN_env *z, symbol *p) {
  if (!slice_ok(z)) return 0;
  return copy_into(p, z->p + z->bra, z->ket - z->bra);
}

symbol *assign_to(struct SN_env *z, symbol *p) { return copy_into(p, z->p, z->l); }
