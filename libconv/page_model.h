/* page_model.h — what the layout stage knows about the printed pages while
 * it sorts their lines (layout.c, furniture.c). */
#ifndef AHCONV_PAGE_MODEL_H
#define AHCONV_PAGE_MODEL_H

#include "flow.h"
#include "wordlist.h"

/* What a printed line is.  Every line gets one, and every line but the
 * furniture ends up in a block; what does not is reported as lost. */
typedef enum {
  ZONE_BODY,
  ZONE_NOTE,
  ZONE_TABLE,
  ZONE_MASTHEAD,    /* page 1, down to the Aanhangsel number */
  ZONE_FOOTER,      /* the running footer (and in ahconv's layout the id beside it) */
  ZONE_PAGE_NUMBER,
  ZONE_COLOPHON     /* small type in the left margin: id, ISSN, place and year */
} zone;

typedef struct {
  const ah_lines *lines;
  zone *zones;
  bool *placed;       /* the line went into a block (or served as a note's number) */
  char **texts;       /* plain text per line */
  size_t *page_start; /* the lines of page p are [page_start[p], page_start[p + 1]) */
  double body_size;   /* the document's running-text size */
  double body_left;   /* left edge of the body column */
  double body_right;  /* right edge reached by full lines */
  double pitch;       /* baseline distance of consecutive body lines */
  ah_wordlist *words;    /* the Dutch word list, for line-end hyphens */
} page_model;

bool ah_near(double a, double b, double tol);
bool ah_is_body_sized(const page_model *m, const ah_line *ln);
bool ah_zone_is_furniture(zone z);

/* furniture.c: the masthead, running footers, page numbers and colophon,
 * found by position and type and confirmed by their text; what they say
 * goes into *meta. */
void ah_mark_masthead(page_model *m, ah_docmeta *meta);
void ah_mark_footers(page_model *m, ah_docmeta *meta);
void ah_mark_colophon(page_model *m, ah_docmeta *meta);
/* The page opens with a masthead: a bold Aanhangsel number in the top of
 * the page with the chamber's name in large type above it. */
bool ah_page_opens_document(const page_model *m, int page);

/* layout_tables.c */
int ah_cmp_line_base(const void *a, const void *b);
/* The line's box joins its block's. */
void ah_pos_line(ah_block *b, const ah_line *ln);
/* The n table lines at rows (sorted by baseline) become a TABLE block, or
 * more rows of the flow's last block when `continued`. */
void ah_add_table(page_model *m, ah_flow *flow, const ah_line **rows, size_t n, bool continued);
/* The small-type lines at rows (sorted by baseline) are a chart's words;
 * line `caption` its caption: a FIGURE block. */
void ah_add_figure(page_model *m, ah_flow *flow, const ah_line **rows, size_t n, size_t caption);
/* Per line, the body line its table hangs below (SIZE_MAX: none). */
size_t *ah_table_anchors(const page_model *m);

#endif
