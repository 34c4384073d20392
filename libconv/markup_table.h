/* markup_table.h — one table builder for the markup readers (markup_table.c):
 * an HTML table and the publisher's CALS tabel become a TABLE block alike. */
#ifndef AHCONV_MARKUP_TABLE_H
#define AHCONV_MARKUP_TABLE_H

#include "buffer.h"
#include "flow.h"

#include <libxml/tree.h>
#include <stdbool.h>

/* The cell being read: its spans, and text of one style gathered before it
 * is handed over (a cell of many tiny elements stays linear). */
typedef struct {
  ah_spans *spans;
  ah_buf pending;
  int style;
} ah_table_cell;

/* What a reader's markup says, for its tables. */
typedef struct {
  bool (*is_row)(const xmlNode *n);   /* tr; row */
  bool (*is_cell)(const xmlNode *n);  /* td, th; entry (children of a row) */
  bool (*is_table)(const xmlNode *n); /* a table below the grid but in no cell: not its rows */
  bool (*is_skipped)(const xmlNode *n);
  bool (*is_break)(const xmlNode *n); /* a space in the cell: br; al, br */
  int (*style)(const xmlNode *n, int style); /* the inline style an element adds */
  /* The reader's own nodes in a cell (a note marker, a noot, an entity
   * reference): true when it took the node (with ah_table_marker or a
   * loss), false to read it as any element. */
  bool (*take)(void *reader, const xmlNode *n, ah_table_cell *cell);
  void (*clean)(const char *text, ah_buf *out); /* text made printable */
  int max_depth;
  void *reader;
} ah_table_markup;

/* A note marker where it stands in the cell. */
void ah_table_marker(ah_table_cell *cell, int note);

/* The rows below `table` (through thead, tbody, tgroup …) into grid, built
 * aside (a note in a cell may add blocks while it is read): each row's
 * cells, each cell's text in maximal runs of one style (sup, sub …), the
 * file's line breaks and tabs as spaces.  True when there is a row. */
bool ah_table_read(const ah_table_markup *m, const xmlNode *table, ah_block *grid);

#endif
