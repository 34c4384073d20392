/* test_page_turn.c — page_turn.c: the direction a page's text reads in,
 * and its boxes brought back into the upright page's frame. */
#include "harness.h"
#include "page_turn.h"

#include <stdbool.h>

/* Four glyphs of one line stepping by (dx, dy) from (x, y). */
static void line_of(ah_rect *r, bool *follows, double x, double y, double dx, double dy) {
  for (int i = 0; i < 4; i++) {
    double cx = x + i * dx, cy = y + i * dy;
    r[i] = (ah_rect){cx - 2, cy - 3, cx + 2, cy + 3};
    follows[i] = i > 0;
  }
}

static void test_detect(void) {
  ah_rect r[8];
  bool f[8];
  line_of(r, f, 100, 100, 5, 0);
  CHECK_INT(ah_turn_detect(r, f, 4), AH_TURN_NONE);
  line_of(r, f, 100, 100, 0, 5); /* reads downward: turned 90° clockwise */
  CHECK_INT(ah_turn_detect(r, f, 4), AH_TURN_90);
  line_of(r, f, 100, 100, -5, 0);
  CHECK_INT(ah_turn_detect(r, f, 4), AH_TURN_180);
  line_of(r, f, 100, 100, 0, -5);
  CHECK_INT(ah_turn_detect(r, f, 4), AH_TURN_270);
  /* two lines upright, one turned: the page reads upright; steps across
   * a line break do not count */
  line_of(r, f, 100, 100, 5, 0);
  line_of(r + 4, f + 4, 300, 100, 0, 5);
  f[4] = false;
  CHECK_INT(ah_turn_detect(r, f, 8), AH_TURN_NONE); /* 3 against 3: a tie stays upright */
  r[3] = (ah_rect){98, 112, 102, 118}; /* the upright line's last glyph turned: the turned ones win */
  CHECK_INT(ah_turn_detect(r, f, 8), AH_TURN_90);
  CHECK_INT(ah_turn_detect(r, f, 0), AH_TURN_NONE);
  CHECK_INT(ah_turn_detect(r, f, 1), AH_TURN_NONE);
  /* glyphs at one place (an accent drawn over its letter) tell nothing */
  r[1] = r[0];
  r[2] = r[0];
  r[3] = r[0];
  CHECK_INT(ah_turn_detect(r, f, 4), AH_TURN_NONE);
}

static void check_rect(ah_rect got, double x1, double y1, double x2, double y2) {
  CHECK(got.x1 > x1 - 1e-9 && got.x1 < x1 + 1e-9);
  CHECK(got.y1 > y1 - 1e-9 && got.y1 < y1 + 1e-9);
  CHECK(got.x2 > x2 - 1e-9 && got.x2 < x2 + 1e-9);
  CHECK(got.y2 > y2 - 1e-9 && got.y2 < y2 + 1e-9);
}

/* An upright box u 10..20, v 100..108 on a 500 × 800 page, displayed
 * turned each way, comes back where it was. */
static void test_rect(void) {
  check_rect(ah_turn_rect((ah_rect){10, 100, 20, 108}, AH_TURN_NONE, 500, 800), 10, 100, 20, 108);
  /* turned 90°: displayed 800 wide, 500 high; x = 800 - v, y = u */
  check_rect(ah_turn_rect((ah_rect){692, 10, 700, 20}, AH_TURN_90, 800, 500), 10, 100, 20, 108);
  /* the text layer may give the corners swapped: the box is the same */
  check_rect(ah_turn_rect((ah_rect){700, 20, 692, 10}, AH_TURN_90, 800, 500), 10, 100, 20, 108);
  /* upside down: x = 500 - u, y = 800 - v */
  check_rect(ah_turn_rect((ah_rect){480, 692, 490, 700}, AH_TURN_180, 500, 800), 10, 100, 20, 108);
  /* turned 270°: x = v, y = 500 - u */
  check_rect(ah_turn_rect((ah_rect){100, 480, 108, 490}, AH_TURN_270, 800, 500), 10, 100, 20, 108);
}

static void test_size(void) {
  double w = 800, h = 500;
  ah_turn_size(AH_TURN_90, &w, &h);
  CHECK(w == 500 && h == 800);
  ah_turn_size(AH_TURN_270, &w, &h);
  CHECK(w == 800 && h == 500);
  ah_turn_size(AH_TURN_180, &w, &h);
  CHECK(w == 800 && h == 500);
  ah_turn_size(AH_TURN_NONE, &w, &h);
  CHECK(w == 800 && h == 500);
}

static void test_unturn_refuses(void) {
  ah_turn turns[1] = {AH_TURN_90};
  size_t n = 7;
  CHECK(ah_pdf_unturn((const unsigned char *)"not a pdf", 9, turns, 1, &n) == NULL);
  CHECK_INT(n, 7);
}

int main(void) {
  test_detect();
  test_rect();
  test_size();
  test_unturn_refuses();
  return harness_report();
}
