/* report_units.h — what a findings report shows of a node: its blocks
 * with their word ranges, and where the differing words were printed. */
#ifndef AHCONV_REPORT_UNITS_H
#define AHCONV_REPORT_UNITS_H

#include "findings.h"
#include "report_pdf.h"

/* A block of a node's compared text (a paragraph, list item, table, or the
 * node itself), and where its words start in that text. */
typedef struct {
  const ah_node *node;
  size_t first, n; /* words [first, first + n) of the compared text */
} report_unit;

typedef struct {
  report_unit *items;
  size_t n, cap;
  size_t words; /* all words of the compared text */
} report_units;

/* The blocks of `node`'s compared text in order (a section's label left
 * out, as compare.c reads it). */
void ah_report_units_of(const ah_node *node, report_units *out);
void ah_report_units_free(report_units *u);

/* The boxes where words [first, first + count) of `unit` were printed,
 * found by aligning its words with the words poppler reads inside its
 * boxes; appended to *marks. */
void ah_report_word_boxes(report_pdf *pdf, const report_unit *unit, size_t first, size_t count, ah_box **marks,
                       size_t *n_marks);

#endif
