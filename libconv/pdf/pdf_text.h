/* pdf_text.h — inline nodes as Pango text with attributes (pdf_text.c). */
#ifndef AHCONV_PDF_TEXT_H
#define AHCONV_PDF_TEXT_H

#include "node.h"

#include <cairo.h>
#include <pango/pangocairo.h>

typedef struct {
  ah_buf text;
  PangoAttrList *attrs;
  size_t *url_from, *url_to; /* byte ranges of web addresses */
  size_t n_urls, cap_urls;
  int *marker_at, *marker_note; /* byte index and note of each marker */
  size_t n_markers, cap_markers;
  double size;
} rich;

void ah_rich_init(rich *r, double size);
void ah_rich_free(rich *r);
/* Appends the inlines below `parent`. */
void ah_rich_put_inlines(rich *r, const ah_node *parent);
/* A layout of the text at `width` points, its line breaks limited to the
 * places the reader reads back right.  Caller unrefs. */
PangoLayout *ah_rich_layout(cairo_t *cr, rich *r, const char *family, double width, bool bold);
/* Unicode's 66 noncharacters (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF): text
 * may hold them (the XML keeps them), cairo refuses to draw them or to
 * name an outline entry with them. */
bool ah_pdf_is_noncharacter(gunichar c);
/* s (valid UTF-8) as the clean PDF draws it: each noncharacter as U+FFFD,
 * which reads back from the pages as a character lost (verify says so);
 * the embedded XML keeps the text.  Caller frees. */
char *ah_pdf_drawable(const char *s);
/* Caller frees with pango_font_description_free. */
PangoFontDescription *ah_pdf_font(const char *family, double size, bool bold, bool italic);

#endif
