/* pdf_table.c — a table of the tree in, its rows on the clean PDF's page.
 *
 * Takes: an AH_NODE_TABLE and the typesetter (pdf_typesetter.h).  Gives:
 * the table in small type on one page, one line per row with wide column
 * gaps (what layout.c reads back as a table), its cells' inlines as in a
 * paragraph — markers raised and linked, their notes on the table's page —
 * each cell the content of its TD.  A table too wide for the column at the
 * smallest table type is wrapped: each row runs on over further lines,
 * each of them opened by the continuation mark (lexicon.c), which the
 * reader takes for "this row goes on" — so no column is ever cut.  A table
 * that cannot be set even so (one cell, or one caption, wider than the
 * column; more lines than a page holds) is refused with AH_ERROR_LIMIT.
 */
#include "pdf_geometry.h"
#include "pdf_typesetter.h"
#include "lexicon.h"

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

/* How the table is set: its type size, its columns' widths, and for each
 * column the line of the row it stands on (0 unless the table wraps) and
 * its left edge there. */
typedef struct {
  double size;
  size_t cols;
  double *width, *x;
  int *line;
  int lines;      /* lines per row */
  double caption; /* the widest one-cell row (a caption, spanning) */
} table_plan;

static void plan_free(table_plan *p) {
  free(p->width);
  free(p->x);
  free(p->line);
}

static size_t count_cols(const ah_node *table) {
  size_t cols = 0;
  for (const ah_node *row = table->first; row; row = row->next) {
    size_t c = 0;
    for (const ah_node *cell = row->first; cell; cell = cell->next) c++;
    if (c > cols) cols = c;
  }
  return cols;
}

/* The column widths at p->size; the total width on one line. */
static double measure(typesetter *ts, const ah_node *table, table_plan *p) {
  memset(p->width, 0, p->cols * sizeof *p->width);
  p->caption = 0;
  for (const ah_node *row = table->first; row; row = row->next) {
    bool single = row->first && !row->first->next;
    size_t c = 0;
    for (const ah_node *cell = row->first; cell; cell = cell->next, c++) {
      double w = cell_width(ts, cell, p->size);
      if (single) p->caption = w > p->caption ? w : p->caption;
      else if (w > p->width[c]) p->width[c] = w;
    }
  }
  double total = 0;
  for (size_t c = 0; c < p->cols; c++) total += p->width[c] + (c ? TABLE_GAP : 0);
  return p->caption > total ? p->caption : total;
}

/* The columns on lines: as many as fit the column on each, the lines after
 * the first indented past the continuation mark.  0, or -1 when a column
 * alone is wider than a line. */
static int wrap(typesetter *ts, table_plan *p) {
  rich r;
  ah_rich_init(&r, p->size);
  ah_buf_puts(&r.text, ah_row_continues);
  PangoLayout *lay = ah_rich_layout(ts->cr, &r, SERIF, COLUMN, false);
  PangoRectangle logical;
  pango_layout_get_extents(lay, NULL, &logical);
  g_object_unref(lay);
  ah_rich_free(&r);
  double indent = LEFT + (double)logical.width / PANGO_SCALE + TABLE_GAP;
  double x = LEFT;
  p->lines = 1;
  for (size_t c = 0; c < p->cols; c++) {
    if (x > LEFT && x + p->width[c] > LEFT + COLUMN) {
      p->lines++;
      x = indent;
    }
    if (x + p->width[c] > LEFT + COLUMN) return -1;
    p->line[c] = p->lines - 1;
    p->x[c] = x;
    x += p->width[c] + TABLE_GAP;
  }
  return 0;
}

/* The type size that fits the table in the column, shrunk down to the
 * smallest table type, and wrapped past that.  0, or -1 with the reason in
 * ts->err. */
static int plan_table(typesetter *ts, const ah_node *table, table_plan *p) {
  p->cols = count_cols(table);
  p->width = ah_xcalloc(p->cols + 1, sizeof *p->width);
  p->x = ah_xcalloc(p->cols + 1, sizeof *p->x);
  p->line = ah_xcalloc(p->cols + 1, sizeof *p->line);
  p->size = TABLE_SIZE;
  for (;;) {
    double total = measure(ts, table, p);
    if (total <= COLUMN || p->size <= TABLE_MIN_SIZE) break;
    p->size = p->size * COLUMN / total < TABLE_MIN_SIZE ? TABLE_MIN_SIZE : p->size * COLUMN / total;
  }
  if (p->caption <= COLUMN && wrap(ts, p) == 0) return 0;
  ah_ts_fail(ts, AH_ERROR_LIMIT, "a table of %zu columns cannot be set: %s wider than the page at the smallest type",
             p->cols, p->caption > COLUMN ? "a one-cell row is" : "a column is");
  return -1;
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

/* One cell on the line's baseline, as the content of its TD, with the
 * links of its markers.  Whether it drew anything. */
static bool set_cell(typesetter *ts, const ah_node *cell, double size, double x, double pitch, int td) {
  rich r;
  PangoLayout *lay = cell_layout(ts, cell, size, &r);
  PangoLayoutLine *line = pango_layout_get_line_readonly(lay, 0);
  ah_tags_begin(&ts->tags, td);
  cairo_move_to(ts->cr, x, ts->y + size);
  if (line) pango_cairo_show_layout_line(ts->cr, line);
  ah_tags_end(&ts->tags);
  placement pl = {.x = x, .elem = td};
  if (line) ah_ts_link_markers(ts, lay, &r, line, &pl, pitch);
  bool drawn = r.text.len > 0;
  g_object_unref(lay);
  ah_rich_free(&r);
  return drawn;
}

/* One row: its cells line by line; a line after one that drew something
 * opens with the continuation mark (an artifact: it is no cell). */
static void set_row(typesetter *ts, const ah_node *row, const table_plan *p, int tr) {
  double pitch = p->size * 1.3;
  bool drawn = false;
  const ah_node *cell = row->first;
  size_t c = 0;
  for (int line = 0; line < p->lines; line++) {
    bool any = false;
    for (; cell && p->line[c] == line; cell = cell->next, c++)
      any = set_cell(ts, cell, p->size, p->x[c], pitch, ah_tags_elem(&ts->tags, tr, "TD")) || any;
    if (drawn && any) {
      ah_tags_begin_artifact(&ts->tags, AH_ARTIFACT_LAYOUT);
      ah_ts_show_text(ts, SERIF, p->size, false, LEFT, ts->y + p->size, ah_row_continues, false);
      ah_tags_end(&ts->tags);
    }
    if (any || line == 0) ts->y += pitch;
    ts->drawn_to = ts->y;
    drawn = drawn || any;
  }
}

/* Rows on one baseline each (or, wrapped, on as many as they need), cells
 * at column positions; the whole table on one page with the notes its
 * markers call (the reader takes a table that runs over a page for two). */
void ah_ts_set_table(typesetter *ts, const ah_node *table, double space_before, int parent) {
  size_t rows = 0;
  for (const ah_node *row = table->first; row; row = row->next) rows++;
  if (!rows) return;
  table_plan p = {0};
  double pitch = 0, height = 0;
  if (plan_table(ts, table, &p) == 0) {
    pitch = p.size * 1.3;
    height = pitch * (double)rows * p.lines;
    if (height > BOTTOM - TOP)
      ah_ts_fail(ts, AH_ERROR_LIMIT, "a table of %zu rows cannot be set: %.0f pt high, a page holds %.0f pt", rows,
                 height, BOTTOM - TOP);
  }
  if (ts->failed) {
    plan_free(&p);
    return;
  }
  if (!ts->page_empty) ts->y += space_before;
  size_t n_notes;
  int *notes = table_notes(ts, table, &n_notes);
  ah_ts_make_room(ts, height, notes, n_notes);
  for (size_t j = 0; j < n_notes; j++) {
    ts->notes[notes[j]].placed = true;
    ts->on_page[ts->n_on_page++] = (size_t)notes[j];
  }
  free(notes);
  if (!ts->section_page) ts->section_page = ts->page;
  int tab = ah_tags_elem(&ts->tags, parent, "Table");
  for (const ah_node *row = table->first; row; row = row->next) set_row(ts, row, &p, ah_tags_elem(&ts->tags, tab, "TR"));
  ts->page_empty = false;
  plan_free(&p);
}
