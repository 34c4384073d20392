/* pdf_glyph.h — one glyph of a page's text layer as source_pdf.c reads it
 * (shared with marker_seat.c). */
#ifndef AHCONV_PDF_GLYPH_H
#define AHCONV_PDF_GLYPH_H

#include "page_turn.h"
#include "typography.h"

#include <glib.h>
#include <stdbool.h>

typedef struct {
  gunichar ch;
  const char *utf8; /* points into the page text */
  int utf8_len;
  ah_rect box; /* in the upright page's frame (page_turn.c) */
  double size;
  int style;       /* bold / italic from the font name */
  bool line_start; /* the text layer starts a line here */
  bool stacked;    /* one of a lowered and a raised run poppler gave as one word (glyph_rise.c) */
} glyph;

static inline double ah_glyph_baseline(const glyph *g) {
  return g->box.y2 - AH_DESCENT_SHARE * (g->box.y2 - g->box.y1);
}

static inline bool ah_glyph_is_space(gunichar c) { return c == ' ' || c == 0xA0 || c == '\t'; }

#endif
