/* flow.c — the intermediates between the stages: spans, printed lines, the
 * flow of blocks, and the document facts beside them (flow.h). */
#include "flow.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

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

void ah_spans_append(ah_spans *dst, const ah_spans *src) {
  for (size_t i = 0; i < src->n; i++) ah_spans_add(dst, src->items[i].text, strlen(src->items[i].text), src->items[i].style);
}

void ah_lines_free(ah_lines *l) {
  for (size_t i = 0; i < l->n; i++) ah_spans_free(&l->items[i].spans);
  free(l->items);
  memset(l, 0, sizeof *l);
}

void ah_flow_free(ah_flow *f) {
  for (size_t i = 0; i < f->n; i++) ah_spans_free(&f->items[i].spans);
  free(f->items);
  memset(f, 0, sizeof *f);
}

ah_block *ah_flow_add(ah_flow *f, ah_block_kind kind) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 32;
    f->items = ah_xreallocarray(f->items, f->cap, sizeof *f->items);
  }
  ah_block *b = &f->items[f->n++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  return b;
}

void ah_docmeta_take_id(ah_docmeta *m, const char *id, size_t len) {
  if (!m->id) m->id = ah_strndup(id, len);
}

void ah_docmeta_complete_from_id(ah_docmeta *m) {
  ah_pubid id;
  if (!m->id || !ah_is_pubid(m->id, &id)) return;
  if (m->kamer == AH_KAMER_UNKNOWN) m->kamer = id.kamer;
  if (!m->session.first) m->session = id.session;
  if (!m->nummer) m->nummer = id.number;
}

void ah_docmeta_free(ah_docmeta *m) {
  free(m->id);
  ah_registratie_free(&m->record);
  memset(m, 0, sizeof *m);
}

void ah_losses_add(ah_losses *l, ah_lost_kind kind, int page, const char *text) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 8;
    l->items = ah_xreallocarray(l->items, l->cap, sizeof *l->items);
  }
  l->items[l->n++] = (ah_lost){kind, page, ah_normalize_space(text)};
}

void ah_losses_free(ah_losses *l) {
  for (size_t i = 0; i < l->n; i++) free(l->items[i].text);
  free(l->items);
  memset(l, 0, sizeof *l);
}
