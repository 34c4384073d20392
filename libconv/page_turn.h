/* page_turn.h — a turned page's text brought back upright (page_turn.c). */
#ifndef AHCONV_PAGE_TURN_H
#define AHCONV_PAGE_TURN_H

#include <stdbool.h>
#include <stddef.h>

/* A glyph box as the text layer gives it: points from the top left corner
 * of the page as displayed, y growing downward. */
typedef struct {
  double x1, y1, x2, y2;
} ah_rect;

/* How far a page's text is turned, clockwise, as it is displayed: the
 * direction a line reads in.  0: left to right (upright), 1: downward
 * (turned 90°), 2: right to left (upside down), 3: upward (turned 270°). */
typedef enum { AH_TURN_NONE, AH_TURN_90, AH_TURN_180, AH_TURN_270 } ah_turn;

/* The direction most of the page's text reads in, from the step between
 * the boxes of consecutive glyphs of a line: follows[i] says glyph i comes
 * right after glyph i - 1 on the same printed line.  A page without such
 * steps is upright. */
ah_turn ah_turn_detect(const ah_rect *boxes, const bool *follows, size_t n);

/* Box r on a displayed page of width w and height h, in the frame of the
 * page turned back upright (its size: ah_turn_size). */
ah_rect ah_turn_rect(ah_rect r, ah_turn turn, double w, double h);

/* The upright page's width and height from the displayed page's. */
void ah_turn_size(ah_turn turn, double *w, double *h);

#endif

/* A copy of the PDF whose turned pages are shown upright: each page's
 * /Rotate is set so that its text reads left to right (turns[p] is page
 * p's turn as displayed now, pages of them).  The text layer then reads a
 * turned page as it reads the upright original, in the same order.  NULL
 * when the PDF cannot be rewritten; the caller frees the copy. */
unsigned char *ah_pdf_unturn(const unsigned char *pdf, size_t len, const ah_turn *turns, int pages, size_t *out_len);
