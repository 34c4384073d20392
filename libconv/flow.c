/* flow.c — the intermediates between the stages: spans, printed lines, the
 * flow of blocks, and the document facts beside them (flow.h). */
#include "flow.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Adjacent spans of one style merge, so consumers see maximal runs. */
void ah_spans_add(ah_spans *s, const char *text, size_t len, int style) { ah_spans_add_on(s, text, len, style, 0); }

void ah_spans_add_on(ah_spans *s, const char *text, size_t len, int style, int page) {
  if (!len) return;
  /* a NOTEREF span is one marker: two markers side by side stay two */
  if (s->n && s->items[s->n - 1].style == style && !(style & AH_STYLE_NOTEREF)) {
    ah_span *last = &s->items[s->n - 1];
    size_t old = strlen(last->text);
    last->text = ah_xrealloc(last->text, old + len + 1);
    memcpy(last->text + old, text, len);
    last->text[old + len] = 0;
    if (!last->page) last->page = page;
    return;
  }
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->items = ah_xrealloc(s->items, s->cap * sizeof *s->items);
  }
  s->items[s->n] = (ah_span){ah_strndup(text, len), style, page, 0};
  s->n++;
}

void ah_spans_add_marker(ah_spans *s, int note, int page) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->items = ah_xrealloc(s->items, s->cap * sizeof *s->items);
  }
  s->items[s->n++] = (ah_span){ah_strdup(""), AH_STYLE_NOTEREF, page, note};
}

void ah_spans_set_page(ah_spans *s, int page) {
  for (size_t i = 0; i < s->n; i++)
    if (!s->items[i].page) s->items[i].page = page;
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
  for (size_t i = 0; i < src->n; i++) {
    const ah_span *sp = &src->items[i];
    if (sp->style & AH_STYLE_NOTEREF) ah_spans_add_marker(dst, sp->note, sp->page);
    else ah_spans_add_on(dst, sp->text, strlen(sp->text), sp->style, sp->page);
  }
}

void ah_lines_free(ah_lines *l) {
  for (size_t i = 0; i < l->n; i++) ah_spans_free(&l->items[i].spans);
  free(l->items);
  memset(l, 0, sizeof *l);
}

void ah_pos_add(ah_pos *p, int page, double x0, double y0, double x1, double y1) {
  for (size_t i = 0; i < p->n; i++) {
    ah_box *b = &p->boxes[i];
    if (b->page != page) continue;
    if (x0 < b->x0) b->x0 = x0;
    if (y0 < b->y0) b->y0 = y0;
    if (x1 > b->x1) b->x1 = x1;
    if (y1 > b->y1) b->y1 = y1;
    return;
  }
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 2;
    p->boxes = ah_xreallocarray(p->boxes, p->cap, sizeof *p->boxes);
  }
  p->boxes[p->n++] = (ah_box){page, x0, y0, x1, y1};
}

void ah_pos_merge(ah_pos *p, const ah_pos *src) {
  for (size_t i = 0; i < src->n; i++) {
    const ah_box *b = &src->boxes[i];
    ah_pos_add(p, b->page, b->x0, b->y0, b->x1, b->y1);
  }
  if (!p->line) p->line = src->line;
  if (!p->path && src->path) p->path = ah_strdup(src->path);
}

bool ah_pos_empty(const ah_pos *p) { return !p->n && !p->line && !p->path; }

void ah_pos_free(ah_pos *p) {
  free(p->boxes);
  free(p->path);
  memset(p, 0, sizeof *p);
}

static void rows_free(ah_rows *rows) {
  for (size_t r = 0; r < rows->n; r++) {
    for (size_t c = 0; c < rows->items[r].n; c++) ah_spans_free(&rows->items[r].cells[c]);
    free(rows->items[r].cells);
  }
  free(rows->items);
  memset(rows, 0, sizeof *rows);
}

void ah_block_add_row(ah_block *b) {
  ah_rows *rows = &b->rows;
  if (rows->n == rows->cap) {
    rows->cap = rows->cap ? rows->cap * 2 : 8;
    rows->items = ah_xreallocarray(rows->items, rows->cap, sizeof *rows->items);
  }
  rows->items[rows->n++] = (ah_row){0};
}

ah_spans *ah_block_add_cell(ah_block *b) {
  if (!b->rows.n) ah_block_add_row(b);
  ah_row *row = &b->rows.items[b->rows.n - 1];
  if (row->n == row->cap) {
    row->cap = row->cap ? row->cap * 2 : 4;
    row->cells = ah_xreallocarray(row->cells, row->cap, sizeof *row->cells);
  }
  row->cells[row->n] = (ah_spans){0};
  return &row->cells[row->n++];
}

void ah_block_free(ah_block *b) {
  ah_spans_free(&b->spans);
  rows_free(&b->rows);
  ah_spans_free(&b->figure_words);
  ah_pos_free(&b->pos);
}

void ah_flow_free(ah_flow *f) {
  for (size_t i = 0; i < f->n; i++) ah_block_free(&f->items[i]);
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
