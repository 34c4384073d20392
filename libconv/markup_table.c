/* markup_table.c — a table of markup to a table block of the flow: the one
 * builder the HTML and publisher-XML readers share (markup_table.h).
 *
 * Takes: the table element and the reader's rules for its markup (which
 * elements are rows, cells, breaks, skipped; the style an element adds;
 * the reader's own nodes such as note markers).  Gives: the block's rows
 * of cells, each cell spans as a paragraph's, so a marker, a superscript
 * or a subscript in a cell stays one (structure.c reads them alike).
 */
#include "markup_table.h"

static void cell_flush(ah_table_cell *c) {
  if (c->pending.len) ah_spans_add(c->spans, c->pending.data, c->pending.len, c->style);
  c->pending.len = 0;
}

static void cell_put(ah_table_cell *c, const char *s, size_t len, int style) {
  if (!len) return;
  if (c->style != style) cell_flush(c);
  ah_buf_put(&c->pending, s, len);
  c->style = style;
}

void ah_table_marker(ah_table_cell *cell, int note) {
  cell_flush(cell);
  ah_spans_add_marker(cell->spans, note, 0);
}

static void read_cell(const ah_table_markup *m, const xmlNode *n, ah_table_cell *cell, int style, int depth) {
  if (depth > m->max_depth) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      ah_buf clean = {0};
      m->clean(c->content ? (const char *)c->content : "", &clean);
      cell_put(cell, clean.data, clean.len, style);
      ah_buf_free(&clean);
    } else if (m->take(m->reader, c, cell)) {
      continue;
    } else if (c->type == XML_ELEMENT_NODE && !m->is_skipped(c)) {
      if (m->is_break(c)) cell_put(cell, " ", 1, style);
      read_cell(m, c, cell, m->style(c, style), depth + 1);
    }
  }
}

static void read_rows(const ah_table_markup *m, const xmlNode *n, ah_block *grid, ah_table_cell *cell, int depth) {
  if (depth > m->max_depth) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || m->is_skipped(c)) continue;
    if (!m->is_row(c)) {
      if (!m->is_table(c)) read_rows(m, c, grid, cell, depth + 1); /* thead, tbody, tgroup … */
      continue;
    }
    ah_block_add_row(grid);
    for (const xmlNode *e = c->children; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE || !m->is_cell(e)) continue;
      cell->spans = ah_block_add_cell(grid);
      cell->style = 0;
      read_cell(m, e, cell, 0, depth + 1);
      cell_flush(cell);
    }
  }
}

bool ah_table_read(const ah_table_markup *m, const xmlNode *table, ah_block *grid) {
  ah_table_cell cell = {0};
  read_rows(m, table, grid, &cell, 0);
  ah_buf_free(&cell.pending);
  return grid->rows.n > 0;
}
