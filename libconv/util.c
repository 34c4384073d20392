/* util.c — growing buffers, strings, spans and error values used by every stage. */
#include "internal.h"

#include <ctype.h>

#include <stdarg.h>
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
  case AH_ERROR_FORMAT: return "not a PDF or HTML document";
  case AH_ERROR_DAMAGED: return "damaged document";
  case AH_ERROR_ENCRYPTED: return "encrypted document";
  case AH_ERROR_NOT_AANHANGSEL: return "no Aanhangsel structure found";
  case AH_ERROR_USAGE: return "invalid argument";
  case AH_ERROR_NOMEM: return "out of memory";
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

/* Adjacent spans of one style merge, so consumers see maximal runs. */
void ah_spans_add(ah_spans *s, const char *text, size_t len, int style) {
  if (!len) return;
  if (s->n && s->items[s->n - 1].style == style) {
    ah_span *last = &s->items[s->n - 1];
    size_t old = strlen(last->text);
    last->text = ah_xrealloc(last->text, old + len + 1);
    memcpy(last->text + old, text, len);
    last->text[old + len] = 0;
    return;
  }
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->items = ah_xrealloc(s->items, s->cap * sizeof *s->items);
  }
  s->items[s->n].text = ah_strndup(text, len);
  s->items[s->n].style = style;
  s->n++;
}
void ah_spans_free(ah_spans *s) {
  for (size_t i = 0; i < s->n; i++) free(s->items[i].text);
  free(s->items);
  s->items = NULL;
  s->n = s->cap = 0;
}
char *ah_spans_text(const ah_spans *s) {
  ah_buf b = {0};
  for (size_t i = 0; i < s->n; i++) ah_buf_puts(&b, s->items[i].text);
  return ah_buf_steal(&b);
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

void ah_lines_free(ah_lines *l) {
  for (size_t i = 0; i < l->n; i++) ah_spans_free(&l->items[i].spans);
  free(l->items);
  memset(l, 0, sizeof *l);
}

void ah_flow_free(ah_flow *f) {
  for (size_t i = 0; i < f->n; i++) ah_spans_free(&f->items[i].spans);
  free(f->items);
  free(f->id);
  free(f->kamer);
  free(f->vergaderjaar);
  memset(f, 0, sizeof *f);
}

ah_block *ah_flow_add(ah_flow *f, ah_block_kind kind) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 32;
    f->items = ah_xrealloc(f->items, f->cap * sizeof *f->items);
  }
  ah_block *b = &f->items[f->n++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  return b;
}

/* Bullet glyphs: •, ▪, ●, and the private-use bullet of Symbol-font lists. */
size_t ah_bullet_glyph_length(const char *t) {
  static const char *const glyphs[] = {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\x8F", "\xEF\x82\xB7", NULL};
  for (int i = 0; glyphs[i]; i++)
    if (ah_starts_with(t, glyphs[i])) return strlen(glyphs[i]);
  return 0;
}

bool ah_is_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return false;
  return true;
}
