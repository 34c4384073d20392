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
#include "page_model.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "typography.h"
#include "caps.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>



/* The size carrying the most weight: characters per size, over all lines
 * or over the label lines only. */
static double heaviest_size(const ah_lines *l, char **texts, bool labels_only) {
  double *sizes = ah_xreallocarray(NULL, l->n + 1, sizeof *sizes);
  size_t *weights = ah_xreallocarray(NULL, l->n + 1, sizeof *weights), n = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (labels_only && !ah_is_label(texts[i])) continue;
    double s = l->items[i].size;
    size_t k;
    for (k = 0; k < n; k++)
      if (ah_near(sizes[k], s, AH_SAME_SIZE)) break;
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

/* The running text's size.  Labels ("Vraag 1") are set in it, so their
 * size decides when there are any; by characters alone, a short document
 * with long notes and a table would take the small type for the body. */
static double find_body_size(const ah_lines *l, char **texts) {
  double size = heaviest_size(l, texts, true);
  return size > 0 ? size : heaviest_size(l, texts, false);
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
    if (m->zones[i] == ZONE_BODY && ah_is_body_sized(m, &l->items[i])) xs[n++] = l->items[i].x0;
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
    if (m->zones[i] == ZONE_BODY && ah_is_body_sized(m, &l->items[i])) xs[n++] = l->items[i].x1;
  qsort(xs, n, sizeof *xs, cmp_double);
  m->body_right = xs[(size_t)((n - 1) * AH_RIGHT_EDGE_PERCENTILE)];
  if (n >= 2 && xs[n - 2] - m->body_right > AH_SHORT_DOCUMENT_EDGE) m->body_right = xs[n - 2] - AH_RIGHT_EDGE_TOLERANCE;
  free(xs);
}

static void find_pitch(page_model *m) {
  const ah_lines *l = m->lines;
  double *ds = ah_xmalloc((l->n + 1) * sizeof *ds);
  size_t n = 0;
  const ah_line *prev = NULL;
  for (size_t i = 0; i < l->n; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] != ZONE_BODY || !ah_is_body_sized(m, ln)) continue;
    if (prev && prev->page == ln->page && ln->base > prev->base) ds[n++] = ln->base - prev->base;
    prev = ln;
  }
  if (n) {
    qsort(ds, n, sizeof *ds, cmp_double);
    m->pitch = ds[n / 4]; /* lower quartile: most steps are plain line feeds */
    /* ... unless most are not (a short document of labels, one-line
     * paragraphs and gaps): a line feed is the smallest step a body line
     * takes, and never less than the type's size */
    for (size_t i = 0; i < n / 4; i++)
      if (ds[i] >= m->body_size) {
        m->pitch = ds[i];
        break;
      }
  } else {
    m->pitch = m->body_size * AH_DEFAULT_PITCH;
  }
  free(ds);
}

/* Line i (small raised digits) stands right after the end of another line's
 * text, raised above its baseline: a note marker there (in a table cell),
 * not a note's number, which stands left of its note. */
static bool stands_after_text(const page_model *m, size_t i) {
  const ah_line *mk = &m->lines->items[i];
  int p = mk->page;
  for (size_t j = m->page_start[p]; j < m->page_start[p + 1]; j++) {
    const ah_line *c = &m->lines->items[j];
    if (j != i && c->size > mk->size && ah_near(mk->x0, c->x1, AH_SAME_EDGE) && c->base > mk->base &&
        c->base - mk->base < c->size)
      return true;
  }
  return false;
}

/* A note's number set as its own object: digits, smaller than note text
 * (a note line of digits only, "27" ending "p." before it, is text). */
static bool is_number_object(const page_model *m, size_t i) {
  return m->lines->items[i].size < m->body_size * AH_NOTE_NUMBER_TYPE && ah_is_digits(m->texts[i]) &&
         !stands_after_text(m, i);
}

/* A note's number as its own object, or as the raised start of a note line. */
static bool is_note_number_line(const page_model *m, size_t i) {
  const ah_line *ln = &m->lines->items[i];
  return is_number_object(m, i) ||
         (ln->size < m->body_size * AH_SMALL_TYPE && ln->spans.n > 1 && (ln->spans.items[0].style & AH_STYLE_SUP) &&
          ah_is_digits(ln->spans.items[0].text));
}

/* A plain small-type line of the body: no column gap, nothing else small
 * on its baseline (else it is a table's row). */
static bool plain_small_line(const page_model *m, size_t i, size_t from, size_t to) {
  const ah_line *ln = &m->lines->items[i];
  if (strchr(m->texts[i], '\t')) return false;
  for (size_t j = from; j < to; j++)
    if (j != i && m->zones[j] == ZONE_BODY && ah_near(m->lines->items[j].base, ln->base, AH_SAME_ROW) &&
        m->lines->items[j].size < m->body_size * AH_SMALL_TYPE)
      return false;
  return true;
}

/* The rest of the previous page's last note, printed above the first note
 * number of this page (or at the foot of a page without one): the plain
 * small-type lines right above the zone, taken bottom up while each stands
 * one note line feed above the next.  A table on the page (rows with
 * columns, or set apart by a gap) is not taken with it.  Returns the top of
 * the topmost such line, HUGE_VAL when there is none. */
static double note_rest_top(const page_model *m, size_t from, size_t to, double last_body, double zone_top) {
  const ah_lines *l = m->lines;
  double below = zone_top, rest = HUGE_VAL; /* the line taken last, from the bottom */
  for (;;) {
    size_t best = SIZE_MAX; /* the lowest small line above `below` */
    for (size_t i = from; i < to; i++) {
      const ah_line *ln = &l->items[i];
      if (m->zones[i] != ZONE_BODY || ln->size >= m->body_size * AH_SMALL_TYPE || ln->top <= last_body ||
          ln->base >= below)
        continue;
      if (best == SIZE_MAX || ln->base > l->items[best].base) best = i;
    }
    if (best == SIZE_MAX) return rest;
    const ah_line *ln = &l->items[best];
    bool near = below == HUGE_VAL || below - ln->base < 2 * ln->size;
    if (!near || !plain_small_line(m, best, from, to)) return rest;
    rest = ln->top;
    below = ln->base;
  }
}

/* Footnotes: small type below the last body-sized line of the page.
 * Returns whether the page has notes. */
static bool mark_page_notes(page_model *m, int page, bool notes_before) {
  const ah_lines *l = m->lines;
  size_t from = m->page_start[page], to = m->page_start[page + 1];
  double last_body = -1;
  for (size_t i = from; i < to; i++)
    if (m->zones[i] == ZONE_BODY && ah_is_body_sized(m, &l->items[i]) && l->items[i].base > last_body)
      last_body = l->items[i].base;
  /* The note zone starts at the first note number below the body: small
   * type above it is the body's (a table, a caption), and a page with no
   * note number has no notes (a table may end the page). */
  double zone_top = HUGE_VAL;
  for (size_t i = from; i < to; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] == ZONE_BODY && ln->top > last_body && is_note_number_line(m, i) && ln->top - 1 < zone_top)
      zone_top = ln->top - 1;
  }
  double rest_top = notes_before ? note_rest_top(m, from, to, last_body, zone_top) : HUGE_VAL;
  bool notes = false;
  for (size_t i = from; i < to; i++) {
    const ah_line *ln = &l->items[i];
    if (m->zones[i] != ZONE_BODY || ln->size >= m->body_size * AH_SMALL_TYPE) continue;
    if (ln->top > zone_top || ln->top >= rest_top - AH_SAME_ROW) {
      m->zones[i] = ZONE_NOTE;
      notes = true;
    }
  }
  return notes;
}

static void mark_notes(page_model *m) {
  bool notes_before = false; /* the previous page had notes */
  for (int page = 0; page < m->lines->pages; page++) notes_before = mark_page_notes(m, page, notes_before);
}

/* Small type left in the body after the notes are out: tables and their
 * captions, printed in the note size inside an answer. */
static void mark_tables(page_model *m) {
  for (size_t i = 0; i < m->lines->n; i++)
    if (m->zones[i] == ZONE_BODY && m->lines->items[i].size < m->body_size * AH_SMALL_TYPE) m->zones[i] = ZONE_TABLE;
}

typedef struct {
  ah_block *cur; /* the paragraph being filled */
  ah_buf text;   /* its plain text */
  const ah_line *prev;
  size_t prev_index;
  double cur_right; /* right edge of the widest line of the paragraph */
} body_state;

/* The table hanging below `anchor` on page p, if any, goes into the flow
 * there; it ends the paragraph before it. */
/* The caption of a figure whose drawn words are the small-type lines at
 * rows: the body line right below them (within two line feeds) that starts
 * "Figuur N:" or "Figuur N."; SIZE_MAX when none (then they are a table). */
static size_t figure_caption(const page_model *m, int p, const ah_line **rows, size_t n) {
  const ah_line *last = rows[n - 1];
  size_t best = SIZE_MAX;
  for (size_t i = m->page_start[p]; i < m->page_start[p + 1]; i++) {
    const ah_line *ln = &m->lines->items[i];
    if (m->zones[i] != ZONE_BODY || m->placed[i] || ln->base <= last->base ||
        ln->base - last->base > 2 * m->pitch + last->size)
      continue;
    if (best == SIZE_MAX || ln->base < m->lines->items[best].base) best = i;
  }
  if (best == SIZE_MAX) return SIZE_MAX;
  /* a caption, not a sentence "Figuur 2 laat … zien." after a table */
  return ah_is_figure_caption(m->texts[best]) ? best : SIZE_MAX;
}

static void place_table(page_model *m, ah_flow *flow, body_state *st, const size_t *anchors, int p, size_t anchor) {
  size_t from = m->page_start[p], to = m->page_start[p + 1], n = 0;
  const ah_line **rows = ah_xreallocarray(NULL, to - from + 1, sizeof *rows);
  for (size_t i = from; i < to; i++)
    if (m->zones[i] == ZONE_TABLE && anchors[i] == anchor) rows[n++] = &m->lines->items[i];
  if (n) {
    qsort(rows, n, sizeof *rows, ah_cmp_line_base);
    /* A table that opens the page right after a table that ended the page
     * before, nothing between them, is that table continued: one table,
     * its rows in order. */
    bool continued = anchor == SIZE_MAX && flow->n && flow->items[flow->n - 1].kind == AH_BLOCK_TABLE &&
                     flow->items[flow->n - 1].page_last == p;
    size_t caption = figure_caption(m, p, rows, n);
    if (caption != SIZE_MAX) ah_add_figure(m, flow, rows, n, caption);
    else ah_add_table(m, flow, rows, n, continued);
    st->cur = NULL;
    st->prev = NULL;
  }
  free(rows);
}

/* A raised marker: digits, or digits and the raised comma (or "˒") and
 * spaces that part it from the next marker of a run ("¹²˒ ¹³"). */
static bool is_marker_span(const ah_span *sp) {
  if (!(sp->style & AH_STYLE_SUP)) return false;
  size_t d = strspn(sp->text, "0123456789");
  const char *rest = sp->text + d;
  if (*rest == ',') rest++;
  else if (!strncmp(rest, "\xCB\x92", 2)) rest += 2; /* U+02D2 */
  return d && !rest[strspn(rest, " ")];
}

/* The line ends a sentence, note markers after its last word aside: "…
 * gesloten?³" (or a run, "… gesloten?¹²˒ ¹³") ends a question as "…
 * gesloten?" does, so a label on the next line (the next page's first) is
 * a heading. */
static bool ends_sentence_before_markers(const ah_line *ln, const char *text) {
  size_t len = strlen(text), n = ln->spans.n;
  const ah_span *sp = ln->spans.items;
  while (n && (is_marker_span(&sp[n - 1]) || (n >= 2 && !sp[n - 1].text[strspn(sp[n - 1].text, " ")] &&
                                               is_marker_span(&sp[n - 2])))) {
    len -= strlen(sp[n - 1].text);
    n--;
  }
  char *head = ah_strndup(text, len);
  bool ends = ah_ends_sentence(head);
  free(head);
  return ends;
}

/* The body line after line i, on its page or the next, NULL when none. */
static const ah_line *next_body_line(const page_model *m, size_t i) {
  int p = m->lines->items[i].page;
  size_t end = m->page_start[p + 1 < m->lines->pages ? p + 2 : p + 1];
  for (size_t j = i + 1; j < end; j++)
    if (m->zones[j] == ZONE_BODY) return &m->lines->items[j];
  return NULL;
}

/* The number of an item's marker at t ("1." … "99.": 1 … 99; "a." … "z.":
 * 1 … 26, negative for letters), 0 when t starts with none. */
static int item_marker(const char *t) {
  size_t n = 0;
  while (n < 2 && isdigit((unsigned char)t[n])) n++;
  int v = n ? atoi(t) : t[0] >= 'a' && t[0] <= 'z' ? -(t[0] - 'a' + 1) : 0;
  if (!n && v) n = 1;
  if (!v || t[n] != '.' || (t[n + 1] != ' ' && t[n + 1] != '\t')) return 0;
  return v;
}

/* A numbered or lettered list item's first line: "1." … "99." or "a." …
 * "z.", then the text, and its next line hanging at an indent (the item runs
 * on under its text), or a neighbouring item numbered one less or one more
 * ("b." after "a.", "a." before "b."): a sentence that merely starts with
 * "3." has none of these.  The number stays in the item's text (it is
 * printed content, not a bullet). */
static bool numbered_item(const page_model *m, const body_state *st, size_t i) {
  int v = item_marker(m->texts[i]);
  if (!v) return false;
  const ah_line *ln = &m->lines->items[i], *next = next_body_line(m, i);
  if (next && next->x0 > ln->x0 + AH_EDGE_SLACK && next->x0 < ln->x0 + 3 * m->body_size) return true;
  int step = v > 0 ? 1 : -1;
  if (next && ah_near(next->x0, ln->x0, AH_EDGE_SLACK) && item_marker(m->texts[next - m->lines->items]) == v + step)
    return true;
  return st->cur && st->cur->list_item && st->cur->spans.n && item_marker(st->cur->spans.items[0].text) == v - step;
}

/* The right edge the current block's full lines reach: an indented block
 * (a quotation, set in on both sides) stops short of the column's edge by
 * about its indent, so a line there is full, not a paragraph's end; the
 * widest line of the block so far says how far its lines can go. */
static double block_right(const page_model *m, const body_state *st) {
  double indent = st->prev->x0 - m->body_left;
  if (indent <= AH_EDGE_SLACK || !st->cur || st->cur->list_item) return m->body_right;
  return fmax(m->body_right - indent, st->cur_right);
}

/* One body line: a new paragraph, or the current one running on. */
static void take_body_line(page_model *m, ah_flow *flow, body_state *st, size_t i) {
  const ah_line *ln = &m->lines->items[i];
  const char *t = m->texts[i];
  bool gap = false, new_block = !st->cur, numbered = numbered_item(m, st, i);
  if (st->prev) {
    const ah_line *prev = st->prev;
    gap = prev->page == ln->page && ln->base - prev->base > m->pitch * AH_PARAGRAPH_GAP;
    /* the previous line stopped although the next word would have fit:
     * the writer ended the paragraph there */
    bool short_line =
        prev->x1 + m->body_size * AH_WORD_SPACE + ln->first_word_width < block_right(m, st) - AH_EDGE_SLACK;
    bool bullet = ah_starts_with_bullet(t);
    bool list_ends = st->cur && st->cur->list_item && ln->x0 <= m->body_left + AH_EDGE_SLACK;
    /* an indented quotation starts or ends: the left edge moves (a list
     * item's lines after its first hang at the item's indent: no change) */
    bool indent_moves = st->cur && !st->cur->list_item && fabs(ln->x0 - prev->x0) > AH_EDGE_SLACK;
    /* A heading on its own line after a finished sentence: the blank line
     * before it may have fallen at the foot of the previous page. */
    bool heading = ends_sentence_before_markers(prev, m->texts[st->prev_index]) && ah_is_label(t);
    if (gap || short_line || bullet || numbered || list_ends || indent_moves || heading) new_block = true;
  }
  if (new_block) {
    st->cur = ah_flow_add(flow, AH_BLOCK_PARA);
    st->cur->page_first = st->cur->page_last = ln->page + 1;
    st->cur->after_gap = gap || !st->prev;
    st->cur->list_item = ah_starts_with_bullet(t) || numbered;
    ah_spans_append(&st->cur->spans, &ln->spans);
    st->text.len = 0;
    ah_buf_puts(&st->text, t);
    st->cur_right = ln->x1;
  } else {
    st->cur_right = fmax(st->cur_right, ln->x1);
    ah_join_line(&st->cur->spans, &st->text, &ln->spans, t, m->words);
    st->cur->page_last = ln->page + 1;
  }
  ah_pos_line(st->cur, ln);
  m->placed[i] = true;
  st->prev = ln;
  st->prev_index = i;
}

/* The body in reading order, each table after the body line above it. */
static void build_body(page_model *m, ah_flow *flow) {
  size_t *anchors = ah_table_anchors(m);
  body_state st = {0};
  for (int p = 0; p < m->lines->pages; p++) {
    place_table(m, flow, &st, anchors, p, SIZE_MAX);
    for (size_t i = m->page_start[p]; i < m->page_start[p + 1]; i++) {
      if (m->zones[i] != ZONE_BODY || m->placed[i]) continue; /* (a figure's caption is placed) */
      take_body_line(m, flow, &st, i);
      place_table(m, flow, &st, anchors, p, i);
    }
  }
  ah_buf_free(&st.text);
  free(anchors);
}

/* ---- footnotes ---------------------------------------------------------- */

/* The note number in digits; 0 (no number) past the cap. */
static int note_number_of(const char *digits) {
  int v;
  const char *end;
  return ah_parse_uint(digits, AH_MAX_NOTE_NUMBER, &v, &end) ? v : 0;
}

/* The number printed as its own small object beside note line i: a line of
 * digits in the note zone, left of it and overlapping it vertically. */
static int number_beside(page_model *m, size_t i, size_t from, size_t to) {
  const ah_line *ln = &m->lines->items[i];
  for (size_t j = from; j < to; j++) {
    const ah_line *nl = &m->lines->items[j];
    if (m->zones[j] != ZONE_NOTE || !is_number_object(m, j)) continue;
    if (nl->x1 <= ln->x0 + 1 && nl->top < ln->base && nl->base > ln->top - 1 && nl->size < ln->size) {
      int number = note_number_of(m->texts[j]);
      m->placed[j] = number > 0; /* past the cap it is no note number: reported as lost */
      return number;
    }
  }
  return 0;
}

/* One note line: a new note when it carries a number (beside it, or as its
 * own raised first span), else the current note running on. */
static ah_block *take_note_line(page_model *m, ah_flow *flow, ah_block *cur, ah_buf *text, size_t i, int page) {
  const ah_line *ln = &m->lines->items[i];
  int number = number_beside(m, i, m->page_start[page], m->page_start[page + 1]);
  size_t start = 0;
  if (!number && ln->spans.n && (ln->spans.items[0].style & AH_STYLE_SUP) && ah_is_digits(ln->spans.items[0].text)) {
    number = note_number_of(ln->spans.items[0].text);
    start = 1;
  }
  ah_spans body = {0};
  for (size_t k = start; k < ln->spans.n; k++) {
    const char *s = ln->spans.items[k].text;
    if (k == start)
      while (*s == ' ') s++;
    ah_spans_add_on(&body, s, strlen(s), ln->spans.items[k].style & ~AH_STYLE_SUP, ln->spans.items[k].page);
  }
  char *bt = ah_spans_text(&body);
  if (number || !cur) {
    cur = ah_flow_add(flow, AH_BLOCK_NOTE);
    cur->note_number = number;
    cur->page_first = cur->page_last = page + 1;
    ah_spans_append(&cur->spans, &body);
    text->len = 0;
    ah_buf_puts(text, bt);
  } else {
    ah_join_line(&cur->spans, text, &body, bt, m->words);
    cur->page_last = page + 1;
  }
  ah_pos_line(cur, ln);
  m->placed[i] = true;
  free(bt);
  ah_spans_free(&body);
  return cur;
}

/* A note's number is printed as its own small raised text object beside the
 * note text; pair number and text by vertical position. */
static void build_notes(page_model *m, ah_flow *flow) {
  ah_block *cur = NULL;
  ah_buf text = {0};
  for (int page = 0; page < m->lines->pages; page++)
    for (size_t i = m->page_start[page]; i < m->page_start[page + 1]; i++)
      /* a number object is taken by the text line beside it */
      if (m->zones[i] == ZONE_NOTE && !is_number_object(m, i)) cur = take_note_line(m, flow, cur, &text, i, page);
  ah_buf_free(&text);
}

/* Lines of page p are [page_start[p], page_start[p + 1]); the source gives
 * them page by page. */
static size_t *page_ranges(const ah_lines *l) {
  size_t *start = ah_xreallocarray(NULL, (size_t)l->pages + 2, sizeof *start);
  size_t i = 0;
  for (int p = 0; p <= l->pages; p++) {
    while (i < l->n && l->items[i].page < p) i++;
    start[p] = i;
  }
  start[l->pages + 1] = l->n;
  return start;
}

/* Every line is furniture or placed in a block; any other is lost, and
 * said so (a note number with nothing beside it among them). */
static void account_lines(const page_model *m, ah_losses *losses) {
  for (size_t i = 0; i < m->lines->n; i++) {
    if (ah_zone_is_furniture(m->zones[i]) || m->placed[i]) continue;
    bool number = m->zones[i] == ZONE_NOTE && is_number_object(m, i);
    ah_losses_add(losses, number ? AH_LOST_NOTE_NUMBER : AH_LOST_LINE, m->lines->items[i].page + 1, m->texts[i]);
  }
}

size_t ah_layout_document_starts(const ah_lines *lines, int **starts) {
  *starts = ah_xreallocarray(NULL, (size_t)lines->pages + 1, sizeof **starts);
  size_t n = 0;
  (*starts)[n++] = 0;
  if (lines->pages < 2 || !lines->n) return n;
  page_model m = {0};
  m.lines = lines;
  m.texts = ah_xcalloc(lines->n, sizeof *m.texts);
  m.page_start = page_ranges(lines);
  for (size_t i = 0; i < lines->n; i++) m.texts[i] = ah_spans_text(&lines->items[i].spans);
  m.body_size = find_body_size(lines, m.texts);
  for (int p = 1; p < lines->pages; p++)
    if (ah_page_opens_document(&m, p)) (*starts)[n++] = p;
  for (size_t i = 0; i < lines->n; i++) free(m.texts[i]);
  free(m.texts);
  free(m.page_start);
  return n;
}

int ah_layout(const ah_lines *lines, ah_flow *flow, ah_docmeta *meta, ah_losses *losses, ah_error *err) {
  memset(flow, 0, sizeof *flow);
  meta->pages = lines->pages;
  if (!lines->n) {
    ah_error_set(err, AH_ERROR_NOT_AANHANGSEL, "no text found (a scanned PDF without a text layer?)");
    return -1;
  }
  page_model m = {0};
  m.lines = lines;
  m.zones = ah_xcalloc(lines->n, sizeof *m.zones);
  m.placed = ah_xcalloc(lines->n, sizeof *m.placed);
  m.texts = ah_xcalloc(lines->n, sizeof *m.texts);
  m.page_start = page_ranges(lines);
  m.words = ah_wordlist_new();
  for (size_t i = 0; i < lines->n; i++) m.texts[i] = ah_spans_text(&lines->items[i].spans);
  m.body_size = find_body_size(lines, m.texts);
  ah_mark_masthead(&m, meta);
  find_column(&m);
  ah_mark_footers(&m, meta);
  ah_mark_colophon(&m, meta);
  mark_notes(&m);
  mark_tables(&m);
  /* again, now that margin, notes and tables are out: the first pass only
   * had to be good enough to find the colophon left of the column */
  find_column(&m);
  find_pitch(&m);
  build_body(&m, flow);
  build_notes(&m, flow);
  account_lines(&m, losses);
  for (size_t i = 0; i < lines->n; i++) free(m.texts[i]);
  free(m.texts);
  free(m.zones);
  free(m.placed);
  free(m.page_start);
  ah_wordlist_free(m.words);
  return 0;
}
