/* page_turn.c — a turned page's text brought back upright.
 *
 * Takes: the glyph boxes of one page as the text layer gives them, in the
 * frame of the page as displayed.  Gives: the direction the page's text
 * reads in, and the boxes in the frame of the page turned so that it reads
 * left to right.
 *
 * A page can be turned two ways: by its /Rotate entry (a landscape page
 * shown upright), or by a content stream that draws its text turned (a
 * landscape page set on a portrait sheet, a flattened rotation).  The text
 * layer reports both alike, in the displayed frame, so one rule serves
 * both: the direction from one glyph of a line to the next.  The layout
 * stage then sees every page upright, and one turned page disturbs neither
 * its own reading nor the others'.
 *
 * Boxes turned back are not enough: the text layer also orders a page's
 * text blocks in the frame it displays, so a turned page's blocks come
 * out of order.  ah_pdf_unturn therefore gives a copy whose turned pages
 * are displayed upright (their /Rotate set against the turn), which the
 * text layer reads as the original.
 */
#include "page_turn.h"
#include "buffer.h"
#include "init.h"

#include <math.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

/* The direction of the step from box a to box b, -1 when it is too short
 * to tell (two glyphs at one place). */
static int step_direction(const ah_rect *a, const ah_rect *b) {
  double dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2, dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
  if (fabs(dx) < 0.01 && fabs(dy) < 0.01) return -1;
  if (fabs(dx) >= fabs(dy)) return dx > 0 ? AH_TURN_NONE : AH_TURN_180;
  return dy > 0 ? AH_TURN_90 : AH_TURN_270;
}

ah_turn ah_turn_detect(const ah_rect *boxes, const bool *follows, size_t n) {
  size_t count[4] = {0};
  for (size_t i = 1; i < n; i++) {
    if (!follows[i]) continue;
    int d = step_direction(&boxes[i - 1], &boxes[i]);
    if (d >= 0) count[d]++;
  }
  /* upright wins a tie: a page with no clear majority is read as it is */
  int best = AH_TURN_NONE;
  for (int d = 1; d < 4; d++)
    if (count[d] > count[best]) best = d;
  return (ah_turn)best;
}

/* One point of the displayed page in the upright frame. */
static void turn_point(double x, double y, ah_turn turn, double w, double h, double *u, double *v) {
  switch (turn) {
  case AH_TURN_90: /* lines read downward: the upright top is the displayed right */
    *u = y;
    *v = w - x;
    break;
  case AH_TURN_180:
    *u = w - x;
    *v = h - y;
    break;
  case AH_TURN_270: /* lines read upward: the upright top is the displayed left */
    *u = h - y;
    *v = x;
    break;
  default:
    *u = x;
    *v = y;
  }
}

ah_rect ah_turn_rect(ah_rect r, ah_turn turn, double w, double h) {
  double u1, v1, u2, v2;
  turn_point(r.x1, r.y1, turn, w, h, &u1, &v1);
  turn_point(r.x2, r.y2, turn, w, h, &u2, &v2);
  ah_rect out = {fmin(u1, u2), fmin(v1, v2), fmax(u1, u2), fmax(v1, v2)};
  return out;
}

void ah_turn_size(ah_turn turn, double *w, double *h) {
  if (turn != AH_TURN_90 && turn != AH_TURN_270) return;
  double t = *w;
  *w = *h;
  *h = t;
}

/* ---- the copy shown upright ---------------------------------------------- */

/* The page's /Rotate, its own or inherited from the page tree (bounded:
 * a /Parent loop ends the walk). */
static int page_rotate(qpdf_data q, qpdf_oh page) {
  qpdf_oh node = page;
  for (int depth = 0; depth < 64 && qpdf_oh_is_dictionary(q, node); depth++) {
    if (qpdf_oh_has_key(q, node, "/Rotate")) {
      qpdf_oh r = qpdf_oh_get_key(q, node, "/Rotate");
      return qpdf_oh_is_integer(q, r) ? qpdf_oh_get_int_value_as_int(q, r) : 0;
    }
    if (!qpdf_oh_has_key(q, node, "/Parent")) break;
    node = qpdf_oh_get_key(q, node, "/Parent");
  }
  return 0;
}

static unsigned char *rewrite(qpdf_data q, const ah_turn *turns, int pages, size_t *out_len) {
  if (qpdf_get_num_pages(q) != pages) return NULL;
  for (int p = 0; p < pages; p++) {
    if (turns[p] == AH_TURN_NONE) continue;
    qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
    /* a valid /Rotate is a multiple of 90; the text layer rounds others */
    int rotate = ((page_rotate(q, page) / 90 - (int)turns[p]) % 4 + 4) % 4 * 90;
    qpdf_oh_replace_key(q, page, "/Rotate", qpdf_oh_new_integer(q, rotate));
  }
  if (qpdf_init_write_memory(q) & QPDF_ERRORS || qpdf_write(q) & QPDF_ERRORS) return NULL;
  size_t n = qpdf_get_buffer_length(q);
  unsigned char *out = ah_xmalloc(n + 1);
  memcpy(out, qpdf_get_buffer(q), n);
  *out_len = n;
  return out;
}

unsigned char *ah_pdf_unturn(const unsigned char *pdf, size_t len, const ah_turn *turns, int pages, size_t *out_len) {
  ah_qpdf_take_turn();
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  unsigned char *out = NULL;
  if (!(qpdf_read_memory(q, "input", (const char *)pdf, len, "") & QPDF_ERRORS))
    out = rewrite(q, turns, pages, out_len);
  if (qpdf_has_error(q)) qpdf_get_error(q); /* qpdf prints an error nobody took */
  qpdf_cleanup(&q);
  ah_qpdf_end_turn();
  return out;
}
