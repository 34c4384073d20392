/* furniture.c — the page furniture of a printed Aanhangsel, found by where
 * it stands and how it is set, its text only confirming.
 *
 * Takes: the page model (lines with their geometry and text).  Gives: the
 * zones MASTHEAD, FOOTER, PAGE_NUMBER and COLOPHON on the lines that are
 * furniture, and what they say (number, chamber, session, id) in the
 * document facts.
 *   - the masthead: page 1 down to the Aanhangsel number, which stands alone
 *     on its line in a bold face larger than the body; a later page that
 *     opens with one (number in the top of the page, the chamber's name in
 *     large type above it) starts another document of a bundle;
 *   - the running footer: the lowest baseline of a page, below the footer
 *     zone, at the same height on every page, holding a line that starts as
 *     the footer does ("Tweede Kamer, vergaderjaar"); the page number (and
 *     in ahconv's own layout the id) stands on it;
 *   - the colophon: small type left of the body column.
 * A footnote citing "Tweede Kamer, vergaderjaar 2021–2022, 31 839, nr. 812"
 * starts like the footer but stands above it: it is text.
 */
#include "page_model.h"
#include "lexicon.h"
#include "typography.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool ah_near(double a, double b, double tol) { return fabs(a - b) <= tol; }

bool ah_is_body_sized(const page_model *m, const ah_line *ln) {
  return ah_near(ln->size, m->body_size, m->body_size * AH_BODY_SIZE_TOLERANCE);
}

bool ah_zone_is_furniture(zone z) { return z >= ZONE_MASTHEAD; }

/* ---- masthead ------------------------------------------------------------ */

/* The Aanhangsel number: digits alone, larger than the body (not as large
 * as the chamber's digit), right of the chamber's digit. */
static bool is_masthead_number(const page_model *m, size_t i) {
  const ah_line *ln = &m->lines->items[i];
  return ah_is_digits(m->texts[i]) && ln->size > m->body_size * AH_MASTHEAD_NUMBER_MIN &&
         ln->size < m->body_size * AH_MASTHEAD_NUMBER_MAX && ln->x0 > m->lines->page_width * AH_MASTHEAD_NUMBER_X;
}

bool ah_page_opens_document(const page_model *m, int page) {
  const ah_lines *l = m->lines;
  for (size_t i = m->page_start[page]; i < m->page_start[page + 1]; i++) {
    const ah_line *ln = &l->items[i];
    if (!is_masthead_number(m, i) || !ln->bold || ln->top > l->page_height * AH_MASTHEAD_ZONE) continue;
    /* the chamber's name stands above it in large type */
    for (size_t j = m->page_start[page]; j < m->page_start[page + 1]; j++)
      if (l->items[j].base < ln->top && l->items[j].size > m->body_size * AH_MASTHEAD_NUMBER_MIN &&
          !ah_is_digits(m->texts[j]))
        return true;
  }
  return false;
}

void ah_mark_masthead(page_model *m, ah_docmeta *meta) {
  const ah_lines *l = m->lines;
  size_t end = m->page_start[1];
  ptrdiff_t number_line = -1;
  for (size_t i = 0; i < end && number_line < 0; i++)
    if (is_masthead_number(m, i)) number_line = (ptrdiff_t)i;
  if (number_line < 0) return;
  double limit = l->items[number_line].base + 1;
  const char *after;
  if (!ah_parse_uint(m->texts[number_line], INT32_MAX, &meta->nummer, &after)) meta->nummer = 0;
  for (size_t i = 0; i < end; i++) {
    if (l->items[i].base > limit) continue;
    m->zones[i] = ZONE_MASTHEAD;
    const char *t = m->texts[i];
    if (meta->kamer == AH_KAMER_UNKNOWN) meta->kamer = ah_find_chamber(t);
    if (!meta->session.first && strstr(t, "ergaderjaar")) ah_find_session(t, &meta->session, NULL);
  }
}

/* ---- running footer and page numbers ------------------------------------- */

/* An id printed on line i (the colophon, or ahconv's own footer) becomes
 * the document's when it has none yet. */
static void take_id(page_model *m, size_t i, ah_docmeta *meta) {
  ah_pubid id;
  const char *start, *end = ah_find_pubid(m->texts[i], &id, &start);
  if (end) ah_docmeta_take_id(meta, start, (size_t)(end - start));
}

/* The lowest baseline among the page's lines not yet furniture; -1 if none. */
static double lowest_baseline(const page_model *m, int page) {
  double bottom = -1;
  for (size_t i = m->page_start[page]; i < m->page_start[page + 1]; i++)
    if (m->zones[i] == ZONE_BODY && m->lines->items[i].base > bottom) bottom = m->lines->items[i].base;
  return bottom;
}

/* The page's lowest baseline when it holds the running footer's start and
 * lies in the footer zone; -1 otherwise. */
static double footer_candidate(const page_model *m, int page) {
  double bottom = lowest_baseline(m, page);
  if (bottom <= m->lines->page_height * AH_FOOTER_ZONE) return -1;
  for (size_t i = m->page_start[page]; i < m->page_start[page + 1]; i++) {
    ah_kamer k;
    if (m->zones[i] == ZONE_BODY && ah_near(m->lines->items[i].base, bottom, AH_SAME_BASELINE) &&
        ah_scan_footer_start(m->texts[i], &k))
      return bottom;
  }
  return -1;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The footer stands at one height on every page: the median of the
 * candidates' baselines.  A page whose candidate lies elsewhere has no
 * footer (its lowest line is text that only starts like one). */
static double footer_baseline(const page_model *m, double *candidates) {
  int pages = m->lines->pages;
  double *sorted = ah_xreallocarray(NULL, (size_t)pages + 1, sizeof *sorted);
  size_t n = 0;
  for (int p = 0; p < pages; p++)
    if (candidates[p] >= 0) sorted[n++] = candidates[p];
  qsort(sorted, n, sizeof *sorted, cmp_double);
  double median = n ? sorted[n / 2] : -1;
  free(sorted);
  return median;
}

/* On the footer's baseline: the footer line, the page number, the id. */
static void mark_footer_line(page_model *m, size_t i, ah_docmeta *meta) {
  ah_kamer k;
  const char *t = m->texts[i];
  if (ah_scan_footer_start(t, &k)) {
    m->zones[i] = ZONE_FOOTER;
    if (!meta->session.first) ah_find_session(t, &meta->session, NULL);
  } else if (ah_is_digits(t)) {
    m->zones[i] = ZONE_PAGE_NUMBER;
  } else {
    ah_pubid id;
    const char *start;
    if (ah_find_pubid(t, &id, &start)) {
      m->zones[i] = ZONE_FOOTER; /* ahconv's own layout: "ah-tk-…   3" */
      take_id(m, i, meta);
    }
  }
}

/* A page without a footer may still carry a bare page number at its foot. */
static void mark_bare_page_number(page_model *m, int page) {
  double bottom = lowest_baseline(m, page);
  for (size_t i = m->page_start[page]; i < m->page_start[page + 1]; i++)
    if (m->zones[i] == ZONE_BODY && ah_near(m->lines->items[i].base, bottom, AH_SAME_BASELINE) &&
        bottom > m->lines->page_height * AH_PAGE_NUMBER_ZONE && ah_is_digits(m->texts[i]))
      m->zones[i] = ZONE_PAGE_NUMBER;
}

void ah_mark_footers(page_model *m, ah_docmeta *meta) {
  int pages = m->lines->pages;
  double *candidates = ah_xreallocarray(NULL, (size_t)pages + 1, sizeof *candidates);
  for (int p = 0; p < pages; p++) candidates[p] = footer_candidate(m, p);
  double baseline = footer_baseline(m, candidates);
  for (int p = 0; p < pages; p++) {
    if (candidates[p] < 0 || !ah_near(candidates[p], baseline, AH_SAME_BASELINE)) {
      mark_bare_page_number(m, p);
      continue;
    }
    for (size_t i = m->page_start[p]; i < m->page_start[p + 1]; i++)
      if (m->zones[i] == ZONE_BODY && ah_near(m->lines->items[i].base, candidates[p], AH_SAME_BASELINE))
        mark_footer_line(m, i, meta);
  }
  free(candidates);
}

/* ---- colophon ------------------------------------------------------------ */

void ah_mark_colophon(page_model *m, ah_docmeta *meta) {
  const ah_lines *l = m->lines;
  for (size_t i = 0; i < l->n; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] != ZONE_BODY) continue;
    if (ln->x1 < m->body_left - AH_MARGIN_GAP && ln->size < m->body_size * AH_SMALL_TYPE) {
      m->zones[i] = ZONE_COLOPHON;
      take_id(m, i, meta);
    }
  }
}
