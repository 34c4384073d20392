/* layout_tables.c — a page's table lines in, TABLE and FIGURE blocks out
 * (the part of the layout stage, layout.c, that builds them): rows by
 * baseline, cells by column gaps, a note marker into the cell it stands
 * after, a table continued from the page before into that table, a chart's
 * words apart from its caption, and the body line each table hangs below.
 */
#include "page_model.h"
#include "typography.h"
#include "caps.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ah_cmp_line_base(const void *a, const void *b) {
  const ah_line *x = *(const ah_line *const *)a, *y = *(const ah_line *const *)b;
  return (x->base > y->base) - (x->base < y->base);
}

static int cmp_line_x(const void *a, const void *b) {
  const ah_line *x = *(const ah_line *const *)a, *y = *(const ah_line *const *)b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* The line's box joins its block's: from the top of the line box to below
 * the baseline by a descender (a quarter of the size). */
void ah_pos_line(ah_block *b, const ah_line *ln) {
  ah_pos_add(&b->pos, ln->page + 1, ln->x0, ln->top, ln->x1, ln->base + ln->size * 0.25);
}

/* The bytes a table line's first piece opens with when it goes on with the
 * row above: the continuation mark (lexicon.c) and the column gap after
 * it; 0 when it does not. */
static size_t continuation(const ah_spans *piece) {
  size_t n = strlen(ah_row_continues);
  if (!piece->n || strncmp(piece->items[0].text, ah_row_continues, n) != 0) return 0;
  return piece->items[0].text[n] == '\t' ? n + 1 : n;
}

/* A printed piece of a table row into cells: the source stage put a tab
 * at each column gap inside a line.  The first `skip` bytes are not the
 * table's (a continuation mark). */
static void add_row_piece(ah_block *b, const ah_spans *piece, size_t skip) {
  ah_spans *cell = skip ? NULL : ah_block_add_cell(b);
  for (size_t i = 0; i < piece->n; i++) {
    const ah_span *sp = &piece->items[i];
    for (const char *p = sp->text + (i ? 0 : skip); *p;) {
      size_t len = strcspn(p, "\t");
      if (!cell) cell = ah_block_add_cell(b);
      ah_spans_add_on(cell, p, len, sp->style, sp->page);
      if (!p[len]) break;
      cell = ah_block_add_cell(b);
      p += len + 1;
    }
  }
}

/* A note marker in a table cell: digits in smaller type, raised, standing
 * right after the end of a cell's text (poppler gives it as a line of its
 * own, between two rows).  Returns that cell's line, NULL when rows[q] is
 * no such marker. */
static const ah_line *marker_host(const page_model *m, const ah_line **rows, size_t n, size_t q) {
  const ah_line *mk = rows[q];
  const char *t = m->texts[mk - m->lines->items];
  if (!isdigit((unsigned char)*t) || t[strspn(t, "0123456789, ")]) return NULL; /* "4", "4, 5" */
  for (size_t h = 0; h < n; h++) {
    const ah_line *c = rows[h];
    if (h != q && mk->size < c->size * AH_SMALL_TYPE && ah_near(mk->x0, c->x1, AH_SAME_EDGE) &&
        c->base > mk->base && c->base - mk->base < c->size)
      return c;
  }
  return NULL;
}

/* The markers whose cell is line h go raised at the end of its last cell,
 * where structure.c reads them as the note markers they are. */
static void add_cell_markers(page_model *m, ah_block *b, const ah_line **marks, const ah_line **host, size_t n,
                             const ah_line *h) {
  ah_row *row = &b->rows.items[b->rows.n - 1];
  ah_spans *cell = &row->cells[row->n - 1];
  for (size_t q = 0; q < n; q++) {
    if (host[q] != h) continue;
    const char *t = m->texts[marks[q] - m->lines->items];
    const ah_span *sp = &marks[q]->spans.items[0];
    if (!strchr(t, ',')) {
      ah_spans_add_on(cell, t, strlen(t), (sp->style | AH_STYLE_SUP) & ~AH_STYLE_BOLD, sp->page);
    } else { /* "4, 5": markers side by side, the raised comma between them no text */
      for (const char *d = t; *d; d += strspn(d, ", ")) {
        char *end;
        long v = strtol(d, &end, 10);
        if (v > 0 && v <= AH_MAX_NOTE_NUMBER) ah_spans_add_marker(cell, (int)v, sp->page);
        else ah_spans_add_on(cell, d, (size_t)(end - d), AH_STYLE_SUP, sp->page); /* no note: kept as printed */
        d = end;
      }
    }
    ah_pos_line(b, marks[q]);
    m->placed[marks[q] - m->lines->items] = true;
  }
}

/* The n lines at `rows` (one table, sorted by baseline) become one block:
 * rows are the pieces of text on one baseline, left to right; cells are
 * split at column gaps; a note marker joins the cell it stands after. */
void ah_add_table(page_model *m, ah_flow *flow, const ah_line **rows, size_t n, bool continued) {
  ah_block *b = continued ? &flow->items[flow->n - 1] : ah_flow_add(flow, AH_BLOCK_TABLE);
  if (!continued) b->page_first = rows[0]->page + 1;
  b->page_last = rows[0]->page + 1;
  const ah_line **marks = ah_xreallocarray(NULL, n + 1, sizeof *marks);
  const ah_line **host = ah_xreallocarray(NULL, n + 1, sizeof *host);
  size_t nm = 0, nr = 0;
  for (size_t q = 0; q < n; q++) {
    host[nm] = marker_host(m, rows, n, q);
    marks[nm] = rows[q];
    nm += host[nm] != NULL;
  }
  for (size_t q = 0, k = 0; q < n; q++) { /* the markers out, the cells' lines kept in order */
    if (k < nm && marks[k] == rows[q]) k++;
    else rows[nr++] = rows[q];
  }
  for (size_t i = 0; i < nr;) {
    size_t j = i;
    while (j < nr && ah_near(rows[j]->base, rows[i]->base, AH_SAME_ROW)) j++;
    qsort(rows + i, j - i, sizeof *rows, cmp_line_x);
    /* a line opened by the continuation mark goes on with the row above
     * (ahconv's clean PDF wraps a wide table so) */
    size_t skip = b->rows.n ? continuation(&rows[i]->spans) : 0;
    if (!skip) ah_block_add_row(b);
    for (size_t k = i; k < j; k++) {
      add_row_piece(b, &rows[k]->spans, k == i ? skip : 0);
      add_cell_markers(m, b, marks, host, nm, rows[k]);
      ah_pos_line(b, rows[k]);
      m->placed[rows[k] - m->lines->items] = true;
    }
    i = j;
  }
  free(marks);
  free(host);
}

/* The body line each table line hangs below: the lowest body line of its
 * page above it, SIZE_MAX when none (the table opens the page).  Tables
 * are placed by where they stand, not by poppler's reading order, which
 * can take the number columns of two tables together. */
size_t *ah_table_anchors(const page_model *m) {
  const ah_lines *l = m->lines;
  size_t *anchor = ah_xreallocarray(NULL, l->n + 1, sizeof *anchor);
  for (int p = 0; p < l->pages; p++)
    for (size_t i = m->page_start[p]; i < m->page_start[p + 1]; i++) {
      anchor[i] = SIZE_MAX;
      if (m->zones[i] != ZONE_TABLE) continue;
      for (size_t j = m->page_start[p]; j < m->page_start[p + 1]; j++)
        if (m->zones[j] == ZONE_BODY && l->items[j].base < l->items[i].base &&
            (anchor[i] == SIZE_MAX || l->items[j].base > l->items[anchor[i]].base))
          anchor[i] = j;
    }
  return anchor;
}


/* A chart: the small-type words drawn inside it (axis labels, legend) in
 * reading order, top to bottom and left to right, apart from the prose; its
 * caption line (body type, "Figuur N: …") as the block's text. */
void ah_add_figure(page_model *m, ah_flow *flow, const ah_line **rows, size_t n, size_t caption) {
  ah_block *b = ah_flow_add(flow, AH_BLOCK_FIGURE);
  const ah_line *cap = &m->lines->items[caption];
  b->page_first = b->page_last = cap->page + 1;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && ah_near(rows[j]->base, rows[i]->base, AH_SAME_ROW)) j++;
    qsort(rows + i, j - i, sizeof *rows, cmp_line_x);
    for (size_t k = i; k < j; k++) {
      const char *t = m->texts[rows[k] - m->lines->items];
      if (b->figure_words.n) ah_spans_add(&b->figure_words, " ", 1, 0);
      ah_spans_add_on(&b->figure_words, t, strlen(t), 0, rows[k]->page + 1);
      ah_pos_line(b, rows[k]);
      m->placed[rows[k] - m->lines->items] = true;
    }
    i = j;
  }
  ah_spans_append(&b->spans, &cap->spans);
  ah_pos_line(b, cap);
  m->placed[caption] = true;
}
