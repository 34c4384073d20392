/* pdf_table.c — a table of the tree in, its rows on the clean PDF's page.
 *
 * Takes: an AH_NODE_TABLE and the typesetter (pdf_typesetter.h).  Gives:
 * the table in small type on one page, one line per row with wide column
 * gaps (what layout.c reads back as a table), its cells' inlines as in a
 * paragraph — markers raised and linked, their notes on the table's page —
 * each cell the content of its TD.
 */
#include "pdf_geometry.h"
#include "pdf_typesetter.h"

#include <stdlib.h>
#include <string.h>

/* A cell's inlines on one line at the table's size: markers and sup/sub
 * raised and lowered as in a paragraph.  Caller unrefs and frees r. */
static PangoLayout *cell_layout(typesetter *ts, const ah_node *cell, double size, rich *r) {
  ah_rich_init(r, size);
  ah_rich_put_inlines(r, cell);
  PangoLayout *lay = ah_rich_layout(ts->cr, r, SERIF, COLUMN, false);
  pango_layout_set_width(lay, -1); /* a cell is one line: the reader takes a line per row */
  return lay;
}

static double cell_width(typesetter *ts, const ah_node *cell, double size) {
  rich r;
  PangoLayout *lay = cell_layout(ts, cell, size, &r);
  PangoRectangle logical;
  pango_layout_get_extents(lay, NULL, &logical);
  g_object_unref(lay);
  ah_rich_free(&r);
  return (double)logical.width / PANGO_SCALE;
}

enum { MAX_COLS = 32 };

/* The type size that fits the table in the column, and its column widths. */
static double table_size(typesetter *ts, const ah_node *table, double widths[MAX_COLS]) {
  double size = TABLE_SIZE;
  for (;;) {
    memset(widths, 0, MAX_COLS * sizeof *widths);
    size_t cols = 0;
    double caption = 0; /* a one-cell row (a caption) spans the columns */
    for (const ah_node *row = table->first; row; row = row->next) {
      bool single = row->first && !row->first->next;
      size_t c = 0;
      for (const ah_node *cell = row->first; cell && c < MAX_COLS; cell = cell->next, c++) {
        double w = cell_width(ts, cell, size);
        if (single) caption = w > caption ? w : caption;
        else if (w > widths[c]) widths[c] = w;
      }
      if (c > cols) cols = c;
    }
    double total = 0;
    for (size_t c = 0; c < cols; c++) total += widths[c] + (c ? TABLE_GAP : 0);
    if (caption > total) total = caption;
    if (total <= COLUMN || size <= TABLE_MIN_SIZE) return size;
    size = size * COLUMN / total < TABLE_MIN_SIZE ? TABLE_MIN_SIZE : size * COLUMN / total;
  }
}

/* The notes the table's markers call onto its page, each once (not yet
 * placed); caller frees. */
static int *table_notes(const typesetter *ts, const ah_node *table, size_t *n) {
  ah_ints found = {0};
  ah_iter *it = ah_iter_new((ah_node *)table);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    const ah_node *m = ah_iter_get_node(it);
    if (ev != AH_EVENT_ENTER || m->type != AH_NODE_NOTE_REF) continue;
    ptrdiff_t k = ah_ts_find_note(ts, m->as.note.number);
    if (k >= 0 && !ts->notes[k].placed && !ah_ints_contains(&found, (int)k)) ah_ints_push(&found, (int)k);
  }
  ah_iter_free(it);
  *n = found.n;
  return found.items;
}

/* One cell on the row's baseline, as the content of its TD, with the links
 * of its markers. */
static void set_cell(typesetter *ts, const ah_node *cell, double size, double x, double pitch, int td) {
  rich r;
  PangoLayout *lay = cell_layout(ts, cell, size, &r);
  PangoLayoutLine *line = pango_layout_get_line_readonly(lay, 0);
  ah_tags_begin(&ts->tags, td);
  cairo_move_to(ts->cr, x, ts->y + size);
  if (line) pango_cairo_show_layout_line(ts->cr, line);
  ah_tags_end(&ts->tags);
  placement pl = {.x = x, .elem = td};
  if (line) ah_ts_link_markers(ts, lay, &r, line, &pl, pitch);
  g_object_unref(lay);
  ah_rich_free(&r);
}

/* Rows on one baseline each, cells at column positions; the whole table on
 * one page with the notes its markers call (the reader takes a table that
 * runs over a page for two). */
void ah_ts_set_table(typesetter *ts, const ah_node *table, double space_before, int parent) {
  size_t rows = 0;
  for (const ah_node *row = table->first; row; row = row->next) rows++;
  if (!rows) return;
  double widths[MAX_COLS];
  double size = table_size(ts, table, widths);
  double pitch = size * 1.3;
  if (!ts->page_empty) ts->y += space_before;
  size_t n_notes;
  int *notes = table_notes(ts, table, &n_notes);
  ah_ts_make_room(ts, pitch * (double)rows, notes, n_notes);
  for (size_t j = 0; j < n_notes; j++) {
    ts->notes[notes[j]].placed = true;
    ts->on_page[ts->n_on_page++] = (size_t)notes[j];
  }
  free(notes);
  if (!ts->section_page) ts->section_page = ts->page;
  int tab = ah_tags_elem(&ts->tags, parent, "Table");
  for (const ah_node *row = table->first; row; row = row->next) {
    int tr = ah_tags_elem(&ts->tags, tab, "TR");
    double x = LEFT;
    size_t c = 0;
    for (const ah_node *cell = row->first; cell && c < MAX_COLS; cell = cell->next, c++) {
      set_cell(ts, cell, size, x, pitch, ah_tags_elem(&ts->tags, tr, "TD"));
      x += widths[c] + TABLE_GAP;
    }
    ts->y += pitch;
  }
  ts->page_empty = false;
}
