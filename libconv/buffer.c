/* buffer.c — memory, growing strings, int arrays, error values and the
 * plain text helpers every module uses (buffer.h). */
#include "buffer.h"

#include <glib.h>

#include <ctype.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory is not recoverable for a converter of this size: abort
 * loudly instead of threading NULL checks through every stage. */
void *ah_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) abort();
  return p;
}
void *ah_xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) abort();
  return p;
}
void *ah_xreallocarray(void *p, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) abort();
  return ah_xrealloc(p, n * size);
}
void *ah_xcalloc(size_t n, size_t m) {
  void *p = calloc(n ? n : 1, m ? m : 1);
  if (!p) abort();
  return p;
}

char *ah_strndup(const char *s, size_t n) {
  char *d = ah_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}
char *ah_strdup(const char *s) { return s ? ah_strndup(s, strlen(s)) : NULL; }

void ah_error_set(ah_error *err, ah_status code, const char *fmt, ...) {
  if (!err) return;
  err->code = code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

const char *ah_status_string(ah_status code) {
  switch (code) {
  case AH_OK: return "ok";
  case AH_ERROR_IO: return "cannot read or write file";
  case AH_ERROR_EMPTY: return "empty input";
  case AH_ERROR_FORMAT: return "not a PDF, HTML or publisher XML document";
  case AH_ERROR_DAMAGED: return "damaged document";
  case AH_ERROR_ENCRYPTED: return "encrypted document";
  case AH_ERROR_NOT_AANHANGSEL: return "no Aanhangsel structure found";
  case AH_ERROR_USAGE: return "invalid argument";
  case AH_ERROR_NOMEM: return "out of memory";
  case AH_ERROR_RENDER: return "cannot render the output";
  case AH_ERROR_COMPRESS: return "cannot compress the output";
  case AH_ERROR_LIMIT: return "input beyond a limit";
  case AH_ERROR_BUNDLE: return "the file holds several documents";
  }
  return "unknown error";
}

static void buf_reserve(ah_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = ah_xrealloc(b->data, cap);
  b->cap = cap;
}
void ah_buf_put(ah_buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
void ah_buf_puts(ah_buf *b, const char *s) { ah_buf_put(b, s, strlen(s)); }
void ah_buf_putc(ah_buf *b, char c) { ah_buf_put(b, &c, 1); }
void ah_buf_printf(ah_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}
/* The length of the well-formed character at p (1 … 4), or 0 with *bad
 * the length of its maximal subpart (the bytes that begin a character but
 * do not finish one; at least 1).  NUL is refused: no text holds it. */
static size_t utf8_char(const unsigned char *p, size_t n, size_t *bad) {
  unsigned char c = p[0], lo = 0x80, hi = 0xBF;
  size_t need;
  *bad = 1;
  if (c >= 0x01 && c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) need = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) need = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  for (size_t k = 1; k <= need; k++) {
    if (k >= n || p[k] < lo || p[k] > hi) {
      *bad = k;
      return 0;
    }
    lo = 0x80, hi = 0xBF;
  }
  return need + 1;
}

size_t ah_buf_put_utf8_counted(ah_buf *b, const char *s, size_t n) {
  static const char replacement[] = "\xEF\xBF\xBD";
  const unsigned char *p = (const unsigned char *)s;
  size_t run = 0, i = 0, replaced = 0; /* run: start of the valid bytes not yet put */
  while (i < n) {
    size_t bad, len = utf8_char(p + i, n - i, &bad);
    if (len) {
      i += len;
      continue;
    }
    ah_buf_put(b, s + run, i - run);
    ah_buf_put(b, replacement, 3);
    replaced++;
    i += bad;
    run = i;
  }
  ah_buf_put(b, s + run, n - run);
  return replaced;
}

size_t ah_utf8_count_invalid(const char *s, size_t n) {
  size_t bad = 0, i = 0, skip;
  while (i < n) {
    size_t len = utf8_char((const unsigned char *)s + i, n - i, &skip);
    bad += !len;
    i += len ? len : skip;
  }
  return bad;
}

void ah_buf_put_utf8(ah_buf *b, const char *s, size_t n) { (void)ah_buf_put_utf8_counted(b, s, n); }

void ah_buf_put_escaped(ah_buf *b, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '&': ah_buf_puts(b, "&amp;"); break;
    case '<': ah_buf_puts(b, "&lt;"); break;
    case '>': ah_buf_puts(b, "&gt;"); break;
    case '"': ah_buf_puts(b, "&quot;"); break;
    case '\'': ah_buf_puts(b, "&#39;"); break;
    default: ah_buf_putc(b, *s);
    }
  }
}

char *ah_buf_steal(ah_buf *b) {
  char *d = b->data ? b->data : ah_strdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return d;
}
void ah_buf_free(ah_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

bool ah_starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Collapses ASCII white space and no-break spaces to single spaces. */
char *ah_normalize_space(const char *s) {
  ah_buf b = {0};
  bool pending = false;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') { pending = true; p++; continue; }
    if (p[0] == 0xC2 && p[1] == 0xA0) { pending = true; p += 2; continue; }
    if (pending && b.len) ah_buf_putc(&b, ' ');
    pending = false;
    ah_buf_putc(&b, (char)*p++);
  }
  return ah_buf_steal(&b);
}

bool ah_is_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return false;
  return true;
}

bool ah_parse_uint(const char *s, int max, int *value, const char **end) {
  *end = s;
  if (!isdigit((unsigned char)*s)) return false;
  long long v = 0;
  const char *p = s;
  for (; isdigit((unsigned char)*p); p++) {
    v = v * 10 + (*p - '0');
    if (v > max) return false;
  }
  *value = (int)v;
  *end = p;
  return true;
}

/* Valid UTF-8 of characters below U+0300 only (one byte, or a lead byte
 * C2..CB and one continuation byte), which is in NFC as it stands: no
 * character before the combining marks that start at U+0300 changes under
 * NFC.  Most of a document is such text, and normalizing it anyway costs
 * as much as laying out its pages. */
static bool is_plain_nfc(const unsigned char *p) {
  for (; *p; p++) {
    if (*p < 0x80) continue;
    if (*p < 0xC2 || *p > 0xCB || (p[1] & 0xC0) != 0x80) return false;
    p++;
  }
  return true;
}

char *ah_normalize_text(const char *s) {
  if (is_plain_nfc((const unsigned char *)s)) return ah_normalize_space(s);
  char *nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
  if (!nfc) {
    /* not UTF-8 (a reader let a stray byte through): each bad byte becomes
     * U+FFFD, so the tree holds text every writer can write */
    char *valid = g_utf8_make_valid(s, -1);
    nfc = g_utf8_normalize(valid, -1, G_NORMALIZE_NFC);
    g_free(valid);
  }
  char *out = ah_normalize_space(nfc ? nfc : "");
  g_free(nfc);
  return out;
}

void ah_ints_push(ah_ints *a, int v) {
  if (a->n == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 8;
    a->items = ah_xreallocarray(a->items, a->cap, sizeof *a->items);
  }
  a->items[a->n++] = v;
}

bool ah_ints_contains(const ah_ints *a, int v) {
  for (size_t i = 0; i < a->n; i++)
    if (a->items[i] == v) return true;
  return false;
}

void ah_ints_free(ah_ints *a) {
  free(a->items);
  a->items = NULL;
  a->n = a->cap = 0;
}
