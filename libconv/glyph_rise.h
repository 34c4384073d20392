/* glyph_rise.h — a lowered and a raised run that poppler read as one word,
 * told apart by where each glyph's ink stands (glyph_rise.c). */
#ifndef AHCONV_GLYPH_RISE_H
#define AHCONV_GLYPH_RISE_H

#include "page_turn.h"

#include <poppler.h>
#include <stdbool.h>
#include <stddef.h>

/* boxes[0..n) are the glyphs of one word as the text layer gives them on
 * the page as it is displayed (each the word's full height), all of font
 * size `size`.  When the glyphs' ink stands on two levels a good part of
 * the size apart, each box becomes its own run's: the upper glyphs keep the
 * word's top, the lower ones its bottom, both as tall as one run; returns
 * whether it did.  The boxes are left alone otherwise. */
bool ah_glyph_restack(PopplerPage *page, ah_rect *boxes, size_t n, double size);

#endif
