/* marker_seat.c — raised note markers put back into their line.
 *
 * Takes: a page's glyphs in the text layer's order (source_pdf.c).  Gives:
 * the same glyphs, a note marker the text layer read as a line of its own
 * moved into the line it was printed in.  poppler groups glyphs into lines
 * by block; a marker raised towards the line above (a table's last row
 * close above, "nr. 226).³") can fall into another block and come out as a
 * line "3" before its own, which then reads as a table row of small type
 * and leaves its note without a marker.
 */
#include "marker_seat.h"
#include "buffer.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The most glyphs a marker line holds: "12˒ 13" and the like. */
#define MARKER_GLYPHS 8

typedef struct {
  size_t from, to;        /* [from, to) in the page's glyphs */
  double x0, x1, size;    /* over its non-space glyphs; size: the largest */
  double base, top;       /* of its largest glyphs */
} line_box;

static bool marker_glyph(gunichar c) { return g_unichar_isdigit(c) || c == ',' || c == 0x02D2; }

static line_box measure(const glyph *gs, size_t from, size_t to) {
  line_box b = {from, to, HUGE_VAL, -HUGE_VAL, 0, 0, HUGE_VAL};
  for (size_t i = from; i < to; i++) {
    if (ah_glyph_is_space(gs[i].ch)) continue;
    if (gs[i].box.x1 < b.x0) b.x0 = gs[i].box.x1;
    if (gs[i].box.x2 > b.x1) b.x1 = gs[i].box.x2;
    if (gs[i].size > b.size) b.size = gs[i].size;
  }
  for (size_t i = from; i < to; i++)
    if (!ah_glyph_is_space(gs[i].ch) && fabs(gs[i].size - b.size) < AH_SAME_SIZE) {
      b.base = ah_glyph_baseline(&gs[i]);
      if (gs[i].box.y1 < b.top) b.top = gs[i].box.y1;
    }
  return b;
}

/* A line of a few small digits (and the commas between markers). */
static bool marker_line(const glyph *gs, const line_box *b) {
  size_t count = 0;
  for (size_t i = b->from; i < b->to; i++) {
    if (ah_glyph_is_space(gs[i].ch)) continue;
    if (!marker_glyph(gs[i].ch) || fabs(gs[i].size - b->size) >= AH_SAME_SIZE) return false;
    count++;
  }
  return count > 0 && count <= MARKER_GLYPHS && g_unichar_isdigit(gs[b->from].ch);
}

/* Where the marker goes in line t: after t's last glyph left of it, when
 * it stands raised within t's height, after t's start, and no glyph of t
 * overlaps it; SIZE_MAX when it does not stand in t. */
static size_t seat_in(const glyph *gs, const line_box *mk, const line_box *t) {
  if (mk->size >= AH_SMALL_GLYPH * t->size || mk->base >= t->base || mk->base <= t->top) return SIZE_MAX;
  if (mk->x0 > t->x1 + AH_WORD_GAP_EM * t->size) return SIZE_MAX;
  size_t at = SIZE_MAX;
  for (size_t i = t->from; i < t->to; i++) {
    if (ah_glyph_is_space(gs[i].ch)) continue;
    if (gs[i].box.x2 <= mk->x0 + AH_SAME_SIZE) at = i + 1;
    else if (gs[i].box.x1 < mk->x1 - AH_SAME_SIZE) return SIZE_MAX;
  }
  return at;
}

/* Moves gs[from, to) to stand before gs[at] (at outside the range). */
static void move_run(glyph *gs, size_t from, size_t to, size_t at) {
  size_t len = to - from;
  glyph *tmp = ah_xreallocarray(NULL, len, sizeof *tmp);
  memcpy(tmp, gs + from, len * sizeof *tmp);
  if (at > to) {
    memmove(gs + from, gs + to, (at - to) * sizeof *gs);
    memcpy(gs + at - len, tmp, len * sizeof *tmp);
  } else {
    memmove(gs + at + len, gs + at, (from - at) * sizeof *gs);
    memcpy(gs + at, tmp, len * sizeof *tmp);
  }
  free(tmp);
}

static size_t line_end(const glyph *gs, size_t n, size_t from) {
  size_t to = from + 1;
  while (to < n && !gs[to].line_start) to++;
  return to;
}

/* The line starting at gs[from] moved into another line when it is a
 * marker standing there; returns whether it was. */
static bool seat_line(glyph *gs, size_t n, size_t from) {
  line_box mk = measure(gs, from, line_end(gs, n, from));
  if (!marker_line(gs, &mk)) return false;
  for (size_t s = 0; s < n; s = line_end(gs, n, s)) {
    if (s == from) continue;
    line_box t = measure(gs, s, line_end(gs, n, s));
    size_t at = t.size > 0 ? seat_in(gs, &mk, &t) : SIZE_MAX;
    if (at == SIZE_MAX) continue;
    bool next_starts = mk.to < n; /* the line after the marker keeps its start */
    for (size_t i = mk.from; i < mk.to; i++) gs[i].line_start = false;
    move_run(gs, mk.from, mk.to, at);
    if (next_starts) gs[at > mk.to ? mk.from : mk.to].line_start = true;
    return true;
  }
  return false;
}

void ah_seat_markers(glyph *gs, size_t n) {
  for (size_t i = 0; i < n; i = line_end(gs, n, i))
    while (i < n && gs[i].line_start && seat_line(gs, n, i)) {
    }
}
