/* layout.c — printed lines in, paragraphs and footnotes out.
 *
 * Takes: ah_lines from a PDF source.  Gives: ah_flow, the body as paragraph
 * blocks in reading order plus one block per footnote, with the page
 * furniture read and removed:
 *   - page 1 masthead (chamber, vergaderjaar, the Aanhangsel number),
 *   - the colophon in the left margin (publication id, ISSN, place and year),
 *   - the running footer with the page number on every page,
 *   - the footnote zone at the bottom of a page (small type below the body).
 * Every rule here is geometric or typographic (sizes relative to the body
 * size, positions relative to the body column), so it holds for documents of
 * the same layout that this code has never seen.
 *
 * Two layouts are known: the official one (a wide left margin with the
 * colophon, 8.5 pt type) and ahconv's own clean PDF (write_pdf.c: A4, a
 * normal margin, 10 pt type, the publication id on the footer line, space
 * between paragraphs).  Nothing here asks which one it reads: the rules are
 * stated so that both satisfy them (the id is taken from the colophon or
 * from the footer line, the note zone starts at the first note number, the
 * masthead ends at the number in large type).
 */
#include "layout.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "typography.h"
#include "caps.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

typedef enum { ZONE_BODY, ZONE_FURNITURE, ZONE_NOTE, ZONE_TABLE } zone;

typedef struct {
  const ah_lines *lines;
  zone *zones;
  char **texts;       /* plain text per line */
  double body_size;   /* the document's running-text size */
  double body_left;   /* left edge of the body column */
  double body_right;  /* right edge reached by full lines */
  double pitch;       /* baseline distance of consecutive body lines */
} page_model;

static bool near(double a, double b, double tol) { return fabs(a - b) <= tol; }


/* Font size carrying the most characters: the running text. */
static double find_body_size(const ah_lines *l, char **texts) {
  double *sizes = ah_xreallocarray(NULL, l->n + 1, sizeof *sizes);
  size_t *weights = ah_xreallocarray(NULL, l->n + 1, sizeof *weights), n = 0;
  for (size_t i = 0; i < l->n; i++) {
    double s = l->items[i].size;
    size_t k;
    for (k = 0; k < n; k++)
      if (near(sizes[k], s, AH_SAME_SIZE)) break;
    if (k == n) {
      sizes[n] = s;
      weights[n++] = 0;
    }
    weights[k] += strlen(texts[i]);
  }
  double best = 0;
  size_t bw = 0;
  for (size_t k = 0; k < n; k++)
    if (weights[k] > bw) bw = weights[k], best = sizes[k];
  free(sizes);
  free(weights);
  return best;
}

static bool is_body_sized(const page_model *m, const ah_line *ln) {
  return near(ln->size, m->body_size, m->body_size * AH_BODY_SIZE_TOLERANCE);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Left edge shared by most body lines; right edge reached by the longest
 * ordinary lines (a high percentile, so a stray wide line does not count). */
static void find_column(page_model *m) {
  const ah_lines *l = m->lines;
  double *xs = ah_xmalloc((l->n + 1) * sizeof *xs);
  size_t n = 0;
  for (size_t i = 0; i < l->n; i++)
    if (m->zones[i] == ZONE_BODY && is_body_sized(m, &l->items[i])) xs[n++] = l->items[i].x0;
  if (!n) {
    free(xs);
    m->body_left = 0;
    m->body_right = l->page_width;
    return;
  }
  qsort(xs, n, sizeof *xs, cmp_double);
  /* mode of the left edges, to 1pt */
  double best = xs[0];
  size_t best_run = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && xs[j] - xs[i] < AH_SAME_EDGE) j++;
    if (j - i > best_run) best_run = j - i, best = xs[i];
    i = j;
  }
  m->body_left = best;
  n = 0;
  for (size_t i = 0; i < l->n; i++)
    if (m->zones[i] == ZONE_BODY && is_body_sized(m, &l->items[i])) xs[n++] = l->items[i].x1;
  qsort(xs, n, sizeof *xs, cmp_double);
  m->body_right = xs[(size_t)((n - 1) * AH_RIGHT_EDGE_PERCENTILE)];
  free(xs);
}

static void find_pitch(page_model *m) {
  const ah_lines *l = m->lines;
  double *ds = ah_xmalloc((l->n + 1) * sizeof *ds);
  size_t n = 0;
  const ah_line *prev = NULL;
  for (size_t i = 0; i < l->n; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] != ZONE_BODY || !is_body_sized(m, ln)) continue;
    if (prev && prev->page == ln->page && ln->base > prev->base) ds[n++] = ln->base - prev->base;
    prev = ln;
  }
  if (n) {
    qsort(ds, n, sizeof *ds, cmp_double);
    m->pitch = ds[n / 4]; /* lower quartile: most steps are plain line feeds */
  } else {
    m->pitch = m->body_size * AH_DEFAULT_PITCH;
  }
  free(ds);
}

/* ---- furniture ---------------------------------------------------------- */

/* Page 1 opens with the masthead; it ends with the Aanhangsel number, printed
 * alone on its line in a bold face larger than the body. */
static void mark_masthead(page_model *m, ah_docmeta *meta) {
  const ah_lines *l = m->lines;
  ptrdiff_t number_line = -1;
  for (size_t i = 0; i < l->n && l->items[i].page == 0; i++) {
    const ah_line *ln = &l->items[i];
    if (ah_is_digits(m->texts[i]) && ln->size > m->body_size * AH_MASTHEAD_NUMBER_MIN &&
        ln->size < m->body_size * AH_MASTHEAD_NUMBER_MAX && ln->x0 > l->page_width * AH_MASTHEAD_NUMBER_X) {
      number_line = (ptrdiff_t)i;
      break;
    }
  }
  if (number_line < 0) return;
  double limit = l->items[number_line].base + 1;
  const char *end;
  if (!ah_parse_uint(m->texts[number_line], INT32_MAX, &meta->nummer, &end)) meta->nummer = 0;
  for (size_t i = 0; i < l->n && l->items[i].page == 0; i++) {
    const ah_line *ln = &l->items[i];
    if (ln->base > limit) continue;
    m->zones[i] = ZONE_FURNITURE;
    const char *t = m->texts[i];
    if (meta->kamer == AH_KAMER_UNKNOWN) meta->kamer = ah_find_chamber(t);
    if (!meta->session.first && strstr(t, "ergaderjaar")) ah_find_session(t, &meta->session, NULL);
  }
}

/* Footer: the running line "Tweede Kamer, vergaderjaar …, Aanhangsel" and
 * whatever stands on its baseline (the page number).  Colophon: small type in
 * the left margin, outside the body column. */
/* An id printed on line i (the colophon, or ahconv's own footer) becomes
 * the document's when it has none yet. */
static void take_id(page_model *m, size_t i, ah_docmeta *meta) {
  ah_pubid id;
  const char *start, *end = ah_find_pubid(m->texts[i], &id, &start);
  if (end) ah_docmeta_take_id(meta, start, (size_t)(end - start));
}

static void mark_footer_and_colophon(page_model *m, ah_docmeta *meta) {
  const ah_lines *l = m->lines;
  for (size_t i = 0; i < l->n; i++) {
    const ah_line *ln = &l->items[i];
    const char *t = m->texts[i];
    ah_kamer k;
    bool running = ah_scan_footer_start(t, &k) && ln->base > l->page_height * AH_FOOTER_ZONE;
    if (running) {
      m->zones[i] = ZONE_FURNITURE;
      if (!meta->session.first) ah_find_session(t, &meta->session, NULL);
      /* the page number on its baseline; in ahconv's own clean layout the
       * publication id stands there too (it has no colophon) */
      for (size_t j = 0; j < l->n; j++)
        if (l->items[j].page == ln->page && near(l->items[j].base, ln->base, AH_SAME_BASELINE)) {
          m->zones[j] = ZONE_FURNITURE;
          take_id(m, j, meta);
        }
    }
    /* a bare page number at the foot of the page */
    if (ln->base > l->page_height * AH_PAGE_NUMBER_ZONE && ah_is_digits(t)) m->zones[i] = ZONE_FURNITURE;
  }
  for (size_t i = 0; i < l->n; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] != ZONE_BODY) continue;
    if (ln->x1 < m->body_left - AH_MARGIN_GAP && ln->size < m->body_size * AH_SMALL_TYPE) {
      m->zones[i] = ZONE_FURNITURE;
      take_id(m, i, meta);
    }
  }
}

/* Footnotes: small type below the last body-sized line of the page. */
static void mark_notes(page_model *m) {
  const ah_lines *l = m->lines;
  bool notes_before = false; /* the previous page had notes */
  for (int page = 0; page < l->pages; page++) {
    double last_body = -1;
    for (size_t i = 0; i < l->n; i++) {
      const ah_line *ln = &l->items[i];
      if (ln->page == page && m->zones[i] == ZONE_BODY && is_body_sized(m, ln) && ln->base > last_body)
        last_body = ln->base;
    }
    /* The note zone starts at the first note number below the body: small
     * type above it is the body's (a table, a caption), and a page with no
     * note number has no notes (a table may end the page). */
    double zone_top = HUGE_VAL;
    for (size_t i = 0; i < l->n; i++) {
      const ah_line *ln = &l->items[i];
      bool number = (ln->size < m->body_size * AH_NOTE_NUMBER_TYPE && ah_is_digits(m->texts[i])) ||
                    (ln->size < m->body_size * AH_SMALL_TYPE && ln->spans.n > 1 && (ln->spans.items[0].style & AH_STYLE_SUP) &&
                     ah_is_digits(ln->spans.items[0].text));
      if (ln->page == page && m->zones[i] == ZONE_BODY && ln->top > last_body && number && ln->top - 1 < zone_top)
        zone_top = ln->top - 1;
    }
    /* Small type above the first number (or on a page without one) is the
     * rest of the previous page's last note when that page had notes and
     * the lines are plain text; with columns (column gaps, or two pieces of
     * text on one baseline) it is a table. */
    bool continues = notes_before;
    for (size_t i = 0; i < l->n && continues; i++) {
      const ah_line *ln = &l->items[i];
      if (ln->page != page || m->zones[i] != ZONE_BODY || ln->size >= m->body_size * AH_SMALL_TYPE || ln->top <= last_body ||
          ln->top > zone_top)
        continue;
      if (strchr(m->texts[i], '\t')) continues = false;
      for (size_t j = i + 1; j < l->n && continues; j++)
        if (l->items[j].page == page && m->zones[j] == ZONE_BODY && near(l->items[j].base, ln->base, AH_SAME_ROW) &&
            l->items[j].size < m->body_size * AH_SMALL_TYPE)
          continues = false;
    }
    notes_before = false;
    for (size_t i = 0; i < l->n; i++) {
      const ah_line *ln = &l->items[i];
      if (ln->page != page || m->zones[i] != ZONE_BODY || ln->size >= m->body_size * AH_SMALL_TYPE) continue;
      if (ln->top > zone_top || (continues && ln->top > last_body)) {
        m->zones[i] = ZONE_NOTE;
        notes_before = true;
      }
    }
  }
}

/* Small type left in the body after the notes are out: tables and their
 * captions, printed in the note size inside an answer. */
static void mark_tables(page_model *m) {
  for (size_t i = 0; i < m->lines->n; i++)
    if (m->zones[i] == ZONE_BODY && m->lines->items[i].size < m->body_size * AH_SMALL_TYPE) m->zones[i] = ZONE_TABLE;
}

static int cmp_line_x(const void *a, const void *b) {
  const ah_line *x = *(const ah_line *const *)a, *y = *(const ah_line *const *)b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Lines [from, to) of table type become one block: rows are the text
 * fragments on one baseline, ordered left to right; cells are split at
 * column gaps (tabs from the source stage). */
static void add_table(page_model *m, ah_flow *flow, size_t from, size_t to) {
  const ah_lines *l = m->lines;
  ah_block *b = ah_flow_add(flow, AH_BLOCK_TABLE);
  b->page_first = l->items[from].page + 1;
  b->page_last = l->items[to - 1].page + 1;
  const ah_line **row = ah_xmalloc((to - from) * sizeof *row);
  bool *used = ah_xcalloc(to - from, sizeof *used);
  bool first_row = true;
  for (size_t i = from; i < to; i++) {
    if (used[i - from] || m->zones[i] != ZONE_TABLE) continue;
    size_t n = 0;
    for (size_t j = i; j < to; j++)
      if (!used[j - from] && m->zones[j] == ZONE_TABLE && l->items[j].page == l->items[i].page &&
          near(l->items[j].base, l->items[i].base, AH_SAME_ROW)) {
        row[n++] = &l->items[j];
        used[j - from] = true;
      }
    qsort(row, n, sizeof *row, cmp_line_x);
    if (!first_row) ah_spans_add(&b->spans, "\n", 1, 0);
    first_row = false;
    for (size_t k = 0; k < n; k++) {
      if (k) ah_spans_add(&b->spans, "\t", 1, 0);
      ah_spans_append(&b->spans, &row[k]->spans);
    }
  }
  free(used);
  free(row);
}

/* ---- body paragraphs ---------------------------------------------------- */


static void build_body(page_model *m, ah_flow *flow) {
  const ah_lines *l = m->lines;
  ah_block *cur = NULL;
  ah_buf text = {0};
  const ah_line *prev = NULL;
  size_t prev_index = 0;
  double space = m->body_size * AH_WORD_SPACE;
  for (size_t i = 0; i < l->n; i++) {
    if (m->zones[i] == ZONE_TABLE) {
      size_t j = i;
      while (j < l->n && (m->zones[j] == ZONE_TABLE || m->zones[j] == ZONE_NOTE || m->zones[j] == ZONE_FURNITURE) &&
             l->items[j].page == l->items[i].page)
        j++;
      add_table(m, flow, i, j);
      cur = NULL;
      prev = NULL;
      i = j - 1;
      continue;
    }
    if (m->zones[i] != ZONE_BODY) continue;
    const ah_line *ln = &l->items[i];
    const char *t = m->texts[i];
    bool gap = false, new_block = !cur;
    if (prev) {
      gap = prev->page == ln->page && ln->base - prev->base > m->pitch * AH_PARAGRAPH_GAP;
      /* the previous line stopped although the next word would have fit:
       * the writer ended the paragraph there */
      bool short_line = prev->x1 + space + ln->first_word_width < m->body_right - AH_EDGE_SLACK;
      bool bullet = ah_starts_with_bullet(t);
      bool list_ends = cur && cur->list_item && ln->x0 <= m->body_left + AH_EDGE_SLACK;
      /* A heading on its own line after a finished sentence: the blank line
       * before it may have fallen at the foot of the previous page. */
      bool heading = ah_ends_sentence(m->texts[prev_index]) && ah_is_label(t);
      if (gap || short_line || bullet || list_ends || heading) new_block = true;
    }
    if (new_block) {
      cur = ah_flow_add(flow, AH_BLOCK_PARA);
      cur->page_first = cur->page_last = ln->page + 1;
      cur->after_gap = gap || !prev;
      cur->list_item = ah_starts_with_bullet(t);
      ah_spans_append(&cur->spans, &ln->spans);
      text.len = 0;
      ah_buf_puts(&text, t);
    } else {
      ah_join_line(&cur->spans, &text, &ln->spans, t);
      cur->page_last = ln->page + 1;
    }
    prev = ln;
    prev_index = i;
  }
  ah_buf_free(&text);
}

/* ---- footnotes ---------------------------------------------------------- */

/* The note number in digits; 0 (no number) past the cap. */
static int note_number_of(const char *digits) {
  int v;
  const char *end;
  return ah_parse_uint(digits, AH_MAX_NOTE_NUMBER, &v, &end) ? v : 0;
}

/* A note's number is printed as its own small raised text object beside the
 * note text; pair number and text by vertical position. */
static void build_notes(page_model *m, ah_flow *flow) {
  const ah_lines *l = m->lines;
  ah_block *cur = NULL;
  ah_buf text = {0};
  for (int page = 0; page < l->pages; page++) {
    /* numbers first: lines that are only digits and smaller than their neighbours */
    for (size_t i = 0; i < l->n; i++) {
      const ah_line *ln = &l->items[i];
      if (ln->page != page || m->zones[i] != ZONE_NOTE) continue;
      const char *t = m->texts[i];
      if (ah_is_digits(t)) continue; /* consumed by the text line it stands beside */
      int number = 0;
      /* a number object that overlaps this line vertically, left of it */
      for (size_t j = 0; j < l->n; j++) {
        const ah_line *nl = &l->items[j];
        if (nl->page != page || m->zones[j] != ZONE_NOTE || !ah_is_digits(m->texts[j])) continue;
        if (nl->x1 <= ln->x0 + 1 && nl->top < ln->base && nl->base > ln->top - 1 && nl->size < ln->size) {
          number = note_number_of(m->texts[j]);
          break;
        }
      }
      ah_spans body = {0};
      size_t start = 0;
      /* or the number is the raised first span of the line itself */
      if (!number && ln->spans.n && (ln->spans.items[0].style & AH_STYLE_SUP) &&
          ah_is_digits(ln->spans.items[0].text)) {
        number = note_number_of(ln->spans.items[0].text);
        start = 1;
      }
      for (size_t k = start; k < ln->spans.n; k++) {
        const char *s = ln->spans.items[k].text;
        if (k == start)
          while (*s == ' ') s++;
        ah_spans_add(&body, s, strlen(s), ln->spans.items[k].style & ~AH_STYLE_SUP);
      }
      char *bt = ah_spans_text(&body);
      if (number || !cur) {
        cur = ah_flow_add(flow, AH_BLOCK_NOTE);
        cur->note_number = number;
        cur->page_first = cur->page_last = page + 1;
        ah_spans_append(&cur->spans, &body);
        text.len = 0;
        ah_buf_puts(&text, bt);
      } else {
        ah_join_line(&cur->spans, &text, &body, bt);
        cur->page_last = page + 1;
      }
      free(bt);
      ah_spans_free(&body);
    }
  }
  ah_buf_free(&text);
}

int ah_layout(const ah_lines *lines, ah_flow *flow, ah_docmeta *meta, ah_error *err) {
  memset(flow, 0, sizeof *flow);
  meta->pages = lines->pages;
  if (!lines->n) {
    ah_error_set(err, AH_ERROR_NOT_AANHANGSEL, "no text found (a scanned PDF without a text layer?)");
    return -1;
  }
  page_model m = {0};
  m.lines = lines;
  m.zones = ah_xcalloc(lines->n, sizeof *m.zones);
  m.texts = ah_xcalloc(lines->n, sizeof *m.texts);
  for (size_t i = 0; i < lines->n; i++) m.texts[i] = ah_spans_text(&lines->items[i].spans);
  m.body_size = find_body_size(lines, m.texts);
  mark_masthead(&m, meta);
  find_column(&m);
  mark_footer_and_colophon(&m, meta);
  mark_notes(&m);
  mark_tables(&m);
  /* again, now that margin, notes and tables are out: the first pass only
   * had to be good enough to find the colophon left of the column */
  find_column(&m);
  find_pitch(&m);
  build_body(&m, flow);
  build_notes(&m, flow);
  for (size_t i = 0; i < lines->n; i++) free(m.texts[i]);
  free(m.texts);
  free(m.zones);
  return 0;
}
