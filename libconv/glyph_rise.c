/* glyph_rise.c — a poppler page and the glyph boxes of one word in, each
 * glyph's own box out, when the word is a lowered and a raised run.
 *
 * poppler joins glyphs of one font and size that touch into one word and
 * gives every glyph the word's box: a subscript and a note marker right
 * after it ("CO₂³˒ ⁴") become one word as tall as both runs together, and
 * the text layer no longer says which glyph stands low and which high.
 * The page itself does: the word's box is drawn alone (a small image, a few
 * points wide) and the bottom of each glyph's ink measured.  Glyphs of one
 * font and size share their baseline's ink bottom (a descender, the comma
 * between two markers, reaches a little lower), so the ink bottoms fall in
 * two groups a good part of the size apart, or the word is one run.
 */
#include "glyph_rise.h"
#include "buffer.h"

#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Pixels per point of the image the word is drawn in. */
#define SCALE 8.0
/* A pixel this opaque (of 255) is ink. */
#define INK_ALPHA 128
/* The two levels are this far apart (fraction of the size) at the least:
 * a subscript and a superscript stand about 0.9 of it apart, a descender
 * reaches 0.2 below its baseline. */
#define LEVEL_GAP 0.4
/* Each glyph's ink is looked for in the middle of its box only, so that a
 * neighbour's overhang does not count. */
#define MIDDLE 0.2

/* The bottom (page points) of the ink in columns [c1, c2) of the image:
 * of the stretch of inked rows with the most ink, leaving out a stretch
 * that reaches the image's top or bottom edge (a descender of the line
 * above, a bit of the line below: the word's own glyphs stand inside its
 * box); NAN when there is no such ink. */
static double ink_bottom(const unsigned char *data, int stride, int h, int c1, int c2, double top) {
  int best = 0, best_bottom = -1, count = 0, start = 0;
  for (int row = 0; row <= h; row++) {
    int ink = 0;
    for (int c = c1; row < h && c < c2; c++) {
      uint32_t px;
      memcpy(&px, data + (size_t)row * (size_t)stride + (size_t)c * 4, sizeof px);
      ink += (px >> 24) >= INK_ALPHA;
    }
    if (ink) {
      if (!count) start = row;
      count += ink;
      continue;
    }
    if (count > best && start > 0 && row < h) best = count, best_bottom = row;
    count = 0;
  }
  return best ? top + best_bottom / SCALE : NAN;
}

/* Each glyph's ink bottom into bottoms[] (NAN: no ink); false when the word
 * cannot be drawn. */
static bool measure(PopplerPage *page, const ah_rect *boxes, size_t n, double *bottoms) {
  double x1 = boxes[0].x1, x2 = boxes[n - 1].x2, y1 = boxes[0].y1, y2 = boxes[0].y2;
  int w = (int)ceil((x2 - x1) * SCALE), h = (int)ceil((y2 - y1) * SCALE);
  if (w <= 0 || h <= 0 || w > 4096 || h > 4096) return false;
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return false;
  }
  cairo_t *cr = cairo_create(s);
  cairo_scale(cr, SCALE, SCALE);
  cairo_translate(cr, -x1, -y1);
  poppler_page_render(page, cr); /* on transparency: what is drawn is ink */
  cairo_destroy(cr);
  cairo_surface_flush(s);
  const unsigned char *data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (size_t i = 0; i < n; i++) {
    double margin = MIDDLE * (boxes[i].x2 - boxes[i].x1);
    int c1 = (int)floor((boxes[i].x1 + margin - x1) * SCALE), c2 = (int)ceil((boxes[i].x2 - margin - x1) * SCALE);
    if (c1 < 0) c1 = 0;
    if (c2 > w) c2 = w;
    if (c2 <= c1) c2 = c1 + 1 <= w ? c1 + 1 : c1;
    bottoms[i] = data ? ink_bottom(data, stride, h, c1, c2, y1) : NAN;
  }
  cairo_surface_destroy(s);
  return true;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The ink bottom that parts the two levels (the middle of the widest gap
 * between ink bottoms); NAN when no gap is wide enough. */
static double level_split(const double *bottoms, size_t n, double size) {
  double *v = ah_xreallocarray(NULL, n + 1, sizeof *v);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!isnan(bottoms[i])) v[k++] = bottoms[i];
  qsort(v, k, sizeof *v, by_value);
  double gap = 0, split = NAN;
  for (size_t i = 1; i < k; i++)
    if (v[i] - v[i - 1] > gap) gap = v[i] - v[i - 1], split = (v[i] + v[i - 1]) / 2;
  free(v);
  return gap >= LEVEL_GAP * size ? split : NAN;
}

bool ah_glyph_restack(PopplerPage *page, ah_rect *boxes, size_t n, double size) {
  if (n < 2 || size <= 0) return false;
  double *bottoms = ah_xreallocarray(NULL, n, sizeof *bottoms);
  double split = measure(page, boxes, n, bottoms) ? level_split(bottoms, n, size) : NAN;
  /* each level's baseline: its highest ink bottom (a descender reaches lower) */
  double high = INFINITY, low = INFINITY;
  for (size_t i = 0; i < n && !isnan(split); i++) {
    if (isnan(bottoms[i])) continue;
    if (bottoms[i] < split) high = bottoms[i] < high ? bottoms[i] : high;
    else low = bottoms[i] < low ? bottoms[i] : low;
  }
  double shift = low - high, tall = boxes[0].y2 - boxes[0].y1;
  bool restack = !isnan(split) && isfinite(shift) && shift > 0 && shift < tall;
  bool upper = false; /* a glyph without ink stands with the one before */
  for (size_t i = 0; i < n && restack; i++) {
    if (!isnan(bottoms[i])) upper = bottoms[i] < split;
    if (upper) boxes[i].y2 -= shift;
    else boxes[i].y1 += shift;
  }
  free(bottoms);
  return restack;
}
