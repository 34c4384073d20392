/* pdf_typesetter.h — the state of the clean PDF's typesetting and the
 * services on it (pdf_typesetter.c), used by write_pdf.c (paragraphs,
 * lists, sections, masthead) and pdf_table.c (tables).  The calls go one
 * way: write_pdf.c → pdf_table.c → pdf_typesetter.c.
 */
#ifndef AHCONV_PDF_TYPESETTER_H
#define AHCONV_PDF_TYPESETTER_H

#include "document.h"
#include "pdf_tags.h"
#include "pdf_text.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>

typedef struct {
  int number;
  PangoLayout *layout; /* at note width and size */
  double height;
  bool placed;
  int elem; /* its Note element, once a marker placed it; -1 before */
  int page; /* where it is printed (starts) */
  int page_last; /* where it ends: a note taller than the room goes on over pages */
} note_box;

typedef struct {
  const ah_doc *doc;
  cairo_surface_t *surface;
  cairo_t *cr;
  ah_buf out; /* the PDF bytes */
  double y;   /* top of the next line */
  double drawn_to; /* bottom of the last line drawn on the page (y may be past it by a gap) */
  int page;   /* 1-based */
  bool page_empty;
  note_box *notes;
  size_t n_notes;
  size_t *on_page; /* indexes into notes of this page's notes, in order */
  size_t n_on_page;
  int first_line; /* lines of on_page[0] drawn on earlier pages (0: none) */
  ah_tags tags;
  int section_page;     /* page of the current section's first line, 0 before it */
  ah_ints section_pages; /* first and last page of each section, in order */
  ah_error *err;         /* where a failure is said */
  bool failed;           /* the typesetting failed: stop, output nothing */
} typesetter;

/* Where and as what a laid-out paragraph goes. */
typedef struct {
  double x, space_before;
  int elem;                 /* the element its lines are the content of */
  const char *bullet;       /* a list item's bullet, NULL: none */
  int bullet_elem;          /* the bullet's Lbl */
  const char *outline;      /* an outline entry at its first line, NULL: none */
  int *outline_parent;
} placement;

/* The index of note `number` in ts->notes; -1 when there is none. */
ptrdiff_t ah_ts_find_note(const typesetter *ts, int number);
/* Room for `height` more on this page, with the notes it brings along
 * (indexes into ts->notes): a new page when there is none. */
void ah_ts_make_room(typesetter *ts, double height, const int *notes, size_t n_notes);
/* Each marker of the laid-out line: a Reference holding the Link to its
 * note, and the Note itself after the Reference of its first marker. */
void ah_ts_link_markers(typesetter *ts, PangoLayout *lay, const rich *r, const PangoLayoutLine *line,
                        const placement *pl, double height);
/* Sets a laid-out paragraph line by line, breaking pages as needed; the
 * notes of its markers go to the page of each marker's line. */
void ah_ts_place_layout(typesetter *ts, PangoLayout *lay, const rich *r, const placement *pl);
/* One line of plain text as the content of elem, its left (or, with
 * align_right, its right) end at x. */
void ah_ts_show_piece(typesetter *ts, int elem, const char *family, double size, bool bold, double x, double base,
                      const char *text, bool align_right);
/* One line of plain text, unbroken, not tagged (the caller opens its piece). */
void ah_ts_show_text(typesetter *ts, const char *family, double size, bool bold, double x, double base,
                     const char *text, bool align_right);
/* The typesetting failed (the first reason is kept). */
void ah_ts_fail(typesetter *ts, ah_status code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A rule from x0 to x1 at y, an artifact of the layout. */
void ah_ts_rule(typesetter *ts, double width, double x0, double x1, double y);
/* The page's notes and footer, and the page shown; notes that do not fit
 * stay for the next page. */
void ah_ts_end_page(typesetter *ts);
/* The last page ended, and pages of their own for the notes left over. */
void ah_ts_end_document(typesetter *ts);

/* A table of small type, one line per row (pdf_table.c). */
void ah_ts_set_table(typesetter *ts, const ah_node *table, double space_before, int parent);

#endif
