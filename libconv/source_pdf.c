/* source_pdf.c — PDF bytes in, printed text lines out.
 *
 * Takes: the bytes of a PDF.  Gives: ah_lines, one entry per printed line in
 * poppler's reading order, each with its page, box, baseline, dominant font
 * size and styled spans (bold, italic, raised, lowered).
 *
 * Word gaps come from glyph positions, not only from poppler's own spacing:
 * tight kerning can close a real space ("Inge vanDijk"), so a horizontal gap
 * between two glyph boxes wider than a fraction of the font size is a space.
 */
#include "source_pdf.h"
#include "typography.h"
#include "paragraphs.h"
#include "page_turn.h"
#include "pdf_glyphs.h"
#include "glyph_rise.h"
#include "pdf_glyph.h"
#include "marker_seat.h"

#include <poppler.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


static int font_style(const char *font) {
  int s = 0;
  if (!font) return 0;
  if (strstr(font, "Bold") || strstr(font, "Black") || strstr(font, "Heavy") ||
      strstr(font, "Semibold") || strstr(font, "Demi"))
    s |= AH_STYLE_BOLD;
  if (strstr(font, "Italic") || strstr(font, "Oblique")) s |= AH_STYLE_ITALIC;
  return s;
}

/* The line's own size: the size most of its letters have (raised note
 * markers and subscripts are the minority); a line without letters (a
 * table row of figures) its largest glyphs'.  Letters, because a short line
 * can hold more marker digits than letters ("ren?¹⁰˒ ¹¹" opening a page),
 * and the markers' size would make it a line of small type, a table's;
 * the largest without letters for the same reason ("15)¹¹˒ ¹²."): markers
 * are always smaller than the text they stand in. */
static double dominant_size(const glyph *g, size_t n) {
  bool letters = false;
  double largest = 0;
  for (size_t i = 0; i < n; i++) {
    letters = letters || g_unichar_isalpha(g[i].ch);
    if (!ah_glyph_is_space(g[i].ch) && g[i].size > largest) largest = g[i].size;
  }
  if (!letters) return largest;
  /* a line has few distinct sizes: count glyphs per size */
  double *sizes = ah_xreallocarray(NULL, n + 1, sizeof *sizes);
  size_t *counts = ah_xreallocarray(NULL, n + 1, sizeof *counts), k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!g_unichar_isalpha(g[i].ch)) continue;
    size_t j = 0;
    while (j < k && fabs(sizes[j] - g[i].size) >= AH_SAME_SIZE) j++;
    if (j == k) {
      sizes[k] = g[i].size;
      counts[k++] = 0;
    }
    counts[j]++;
  }
  double best = 0;
  size_t best_count = 0;
  for (size_t j = 0; j < k; j++)
    if (counts[j] > best_count || (counts[j] == best_count && sizes[j] > best)) {
      best_count = counts[j];
      best = sizes[j];
    }
  free(sizes);
  free(counts);
  return best;
}

static void emit_line(const glyph *g, size_t n, int page, ah_lines *out);

/* poppler can hand over glyphs of two table rows as one line (a number of
 * one row beside a number of the next).  Glyphs of comparable size whose
 * baselines differ by half their size are on different printed lines. */
static void emit_lines(const glyph *g, size_t n, int page, ah_lines *out) {
  size_t start = 0;
  const glyph *last = NULL;
  for (size_t i = 0; i < n; i++) {
    if (ah_glyph_is_space(g[i].ch)) continue;
    /* the two runs of one stacked word are one printed line */
    bool one_word = i > 0 && last == &g[i - 1] && last->stacked && g[i].stacked;
    if (last && !one_word && g[i].size > 0 && last->size > 0) {
      double ratio = g[i].size / last->size;
      if (ratio > 1 - AH_COMPARABLE_SIZE && ratio < 1 + AH_COMPARABLE_SIZE && fabs(ah_glyph_baseline(&g[i]) - ah_glyph_baseline(last)) > AH_OTHER_LINE_SHIFT * g[i].size) {
        emit_line(g + start, i - start, page, out);
        start = i;
      }
    }
    last = &g[i];
  }
  emit_line(g + start, n - start, page, out);
}

/* Box, baseline and boldness of the line's body-sized glyphs. */
static void measure_line(ah_line *line, const glyph *g, size_t n) {
  line->size = dominant_size(g, n);
  line->x0 = g[0].box.x1;
  line->x1 = g[n - 1].box.x2;
  line->top = 1e9;
  double base_sum = 0;
  int base_count = 0;
  bool all_bold = true;
  for (size_t i = 0; i < n; i++) {
    if (ah_glyph_is_space(g[i].ch) || fabs(g[i].size - line->size) >= AH_SAME_SIZE) continue;
    if (g[i].box.y1 < line->top) line->top = g[i].box.y1;
    base_sum += ah_glyph_baseline(&g[i]);
    base_count++;
    if (g_unichar_isalpha(g[i].ch) && !(g[i].style & AH_STYLE_BOLD)) all_bold = false;
  }
  line->base = base_count ? base_sum / base_count : g[0].box.y2;
  line->bold = all_bold;
}

/* The first word, the unit that could have moved up to the line before.
 * A word ending in a hyphen or dash before a space ("IT- beheer",
 * "simulatie- en"), or a dash standing alone ("– Physical"), goes with
 * the next: a line ending in that hyphen would read as a hyphenation, and
 * line breaking rules keep a dash off the end of a line, so typesetters
 * (ahconv's own among them) keep the two together.  So does a space
 * inside a run of raised note markers ("instellingen.⁹˒ ¹⁰"): the markers
 * of one place are never split over two lines. */
static double first_word_width(const glyph *g, size_t n, double line_size) {
  size_t word_end = n;
  bool bound = false;
  for (size_t i = 1; i < n; i++) {
    if (!ah_glyph_is_space(g[i].ch)) continue;
    if (i + 1 < n && g[i - 1].size < AH_SMALL_GLYPH * line_size && g[i + 1].size < AH_SMALL_GLYPH * line_size &&
        !ah_glyph_is_space(g[i - 1].ch) && !ah_glyph_is_space(g[i + 1].ch))
      continue;
    bool dash = g[i - 1].ch == '-' || g[i - 1].ch == 0x2013 || g[i - 1].ch == 0x2014;
    /* i > 1: "IT- beheer"; i == 1: a dash standing alone ("– Physical") */
    if (dash && !bound) {
      bound = true;
      continue;
    }
    word_end = i;
    break;
  }
  return g[word_end - 1].box.x2 - g[0].box.x1;
}

/* poppler's word break at a size change, where the glyphs touch ("bouw²") */
static bool is_false_space(const glyph *g, size_t n, size_t i, double line_size) {
  return ah_glyph_is_space(g[i].ch) && i > 0 && i + 1 < n && !ah_glyph_is_space(g[i - 1].ch) && !ah_glyph_is_space(g[i + 1].ch) &&
         (g[i + 1].size < AH_SMALL_GLYPH * line_size || g[i - 1].size < AH_SMALL_GLYPH * line_size) &&
         g[i + 1].box.x1 - g[i - 1].box.x2 < AH_WORD_GAP_EM * line_size;
}

/* A line's text gathered into runs of one style before each becomes a
 * span: added glyph by glyph, a span's text would be copied again for
 * every glyph (a fifth of the time spent reading a page's text). */
typedef struct {
  ah_spans *spans;
  ah_buf text;
  int style;
} style_run;

static void run_flush(style_run *r) {
  if (r->text.len) ah_spans_add(r->spans, r->text.data, r->text.len, r->style);
  r->text.len = 0;
}

static void run_end(style_run *r) {
  run_flush(r);
  ah_buf_free(&r->text);
}

static void run_add(style_run *r, const char *s, size_t len, int style) {
  if (r->text.len && r->style != style) run_flush(r);
  r->style = style;
  ah_buf_put(&r->text, s, len);
}

/* The glyphs as styled spans: raised and lowered small glyphs marked, word
 * gaps and column gaps from the glyph positions. */
static void line_spans(ah_line *line, const glyph *g, size_t n) {
  style_run run = {.spans = &line->spans};
  for (size_t i = 0; i < n; i++) {
    int style = g[i].style;
    if (!ah_glyph_is_space(g[i].ch) && g[i].size < AH_SMALL_GLYPH * line->size) {
      double delta = ah_glyph_baseline(&g[i]) - line->base;
      if (g[i].box.y2 - g[i].box.y1 > AH_MIXED_RISE * g[i].size) style |= AH_STYLE_SUP | AH_STYLE_SUB;
      else if (delta < -AH_RAISED * line->size) style |= AH_STYLE_SUP;
      else if (delta > AH_LOWERED * line->size) style |= AH_STYLE_SUB;
    }
    if (is_false_space(g, n, i, line->size)) continue;
    if (ah_glyph_is_space(g[i].ch)) {
      /* a space takes the style of the text around it so runs stay whole */
      style = (i > 0 ? g[i - 1].style : 0) & ~(AH_STYLE_SUP | AH_STYLE_SUB);
      bool column = g[i].box.x2 - g[i].box.x1 > AH_COLUMN_GAP_EM * line->size;
      run_add(&run, column ? "\t" : " ", 1, style);
      continue;
    }
    if (i > 0 && !ah_glyph_is_space(g[i - 1].ch)) {
      double gap = g[i].box.x1 - g[i - 1].box.x2;
      double size = g[i].size > g[i - 1].size ? g[i].size : g[i - 1].size;
      int st = g[i - 1].style & ~(AH_STYLE_SUP | AH_STYLE_SUB);
      if (gap > AH_COLUMN_GAP_EM * size) run_add(&run, "\t", 1, st);
      else if (gap > AH_WORD_GAP_EM * size) run_add(&run, " ", 1, st);
    }
    if (g[i].ch == 0xA0 || g[i].ch == 0x202F) run_add(&run, " ", 1, style);
    else run_add(&run, g[i].utf8, (size_t)g[i].utf8_len, style);
  }
  run_end(&run);
}

static void emit_line(const glyph *g, size_t n, int page, ah_lines *out) {
  size_t a = 0, b = n;
  while (a < b && ah_glyph_is_space(g[a].ch)) a++;
  while (b > a && ah_glyph_is_space(g[b - 1].ch)) b--;
  if (a == b) return;
  g += a;
  n = b - a;
  ah_line line;
  memset(&line, 0, sizeof line);
  line.page = page;
  measure_line(&line, g, n);
  line.first_word_width = first_word_width(g, n, line.size);
  line_spans(&line, g, n);
  ah_spans_set_page(&line.spans, page + 1);
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 256;
    out->items = ah_xreallocarray(out->items, out->cap, sizeof *out->items);
  }
  out->items[out->n++] = line;
}

/* A line holding only a bullet glyph, or only a numbered or lettered
 * item's label ("b.", "12."). */
static bool is_lone_bullet(const ah_line *ln, bool *label) {
  char *t = ah_spans_text(&ln->spans);
  size_t n = ah_bullet_glyph_length(t);
  *label = !n;
  if (!n) n = ah_item_label_length(t);
  bool lone = n && !t[n];
  free(t);
  return lone;
}

/* The line on the bullet's baseline that starts right of it, nearest.  An
 * item's label goes only with a line at the gap of a hanging indent (under
 * AH_LABEL_GAP_EM): a lone "3." further off is a table's cell or a column
 * of its own, not a label that came loose from its item. */
static ptrdiff_t item_beside(const ah_lines *l, size_t from, size_t bullet, bool label) {
  const ah_line *b = &l->items[bullet];
  ptrdiff_t best = -1;
  for (size_t j = from; j < l->n; j++) {
    const ah_line *c = &l->items[j];
    if (j == bullet || fabs(c->base - b->base) > AH_SAME_ROW || c->x0 <= b->x1) continue;
    if (best < 0 || c->x0 < l->items[best].x0) best = (ptrdiff_t)j;
  }
  if (best >= 0 && label && l->items[best].x0 - b->x1 > AH_LABEL_GAP_EM * b->size) return -1;
  return best;
}

/* poppler can read a list's bullets, or the letters or numbers of a
 * lettered or numbered list, as a column of their own when the items are
 * short (or the page opens with the end of an item): each lone bullet or
 * label goes back to the front of the item on
 * its baseline, with the tab of the hanging indent between. */
static void rejoin_bullets(ah_lines *l, size_t from) {
  for (size_t i = from; i < l->n;) {
    bool label = false;
    ptrdiff_t item = is_lone_bullet(&l->items[i], &label) ? item_beside(l, from, i, label) : -1;
    if (item < 0) {
      i++;
      continue;
    }
    ah_line *b = &l->items[i], *t = &l->items[item];
    ah_spans joined = {0};
    ah_spans_append(&joined, &b->spans);
    ah_spans_add(&joined, "\t", 1, 0);
    ah_spans_append(&joined, &t->spans);
    ah_spans_free(&t->spans);
    t->spans = joined;
    t->first_word_width = b->x1 - b->x0;
    t->x0 = b->x0;
    if (b->top < t->top) t->top = b->top;
    ah_spans_free(&b->spans);
    memmove(b, b + 1, (l->n - i - 1) * sizeof *b);
    l->n--;
  }
}

/* The page's glyphs in the text layer's order, each with its box and
 * style; *n gets their number.  NULL when the page has no text. */
static glyph *page_glyphs(PopplerPage *page, char *text, size_t *n) {
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  *n = 0;
  if (!poppler_page_get_text_layout(page, &rects, &n_rects)) {
    g_free(rects);
    return NULL;
  }
  GList *attrs = poppler_page_get_text_attributes(page), *attr = attrs;
  glyph *gs = ah_xmalloc(((size_t)g_utf8_strlen(text, -1) + 1) * sizeof *gs);
  const PopplerTextAttributes *style_of = NULL;
  int style = 0;
  bool line_start = true;
  const char *p = text;
  for (guint i = 0; *p; i++) {
    gunichar ch = g_utf8_get_char(p);
    const char *next = g_utf8_next_char(p);
    while (attr && ((PopplerTextAttributes *)attr->data)->end_index < (int)i) attr = attr->next;
    if (ch == '\n' || ch == '\r' || i >= n_rects) {
      line_start = true;
    } else {
      PopplerTextAttributes *a = attr ? attr->data : NULL;
      if (a != style_of) { /* one font name per run of attributes */
        style_of = a;
        style = a ? font_style(a->font_name) : 0;
      }
      glyph *g = &gs[(*n)++];
      *g = (glyph){.ch = ch, .utf8 = p, .utf8_len = (int)(next - p), .size = a ? a->font_size : 0,
                   .style = style, .line_start = line_start,
                   .box = {rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2}};
      line_start = false;
    }
    p = next;
  }
  poppler_page_free_text_attributes(attrs);
  g_free(rects);
  return gs;
}

/* Glyphs i and j of the text layer are of one word: side by side, touching,
 * of one size and one box height, as poppler gives a word's glyphs. */
static bool same_word(const glyph *a, const glyph *b) {
  return !b->line_start && !ah_glyph_is_space(a->ch) && !ah_glyph_is_space(b->ch) && a->size == b->size &&
         a->box.y1 == b->box.y1 && a->box.y2 == b->box.y2 && fabs(b->box.x1 - a->box.x2) < AH_SAME_SIZE;
}

/* A word of small glyphs as tall as a lowered and a raised run together
 * ("CO₂³˒" read as one word "23,"): each glyph gets the box of its own run
 * from where its ink stands on the page (glyph_rise.c), so that the spans
 * tell the subscript from the markers by baseline. */
static void restack_words(PopplerPage *page, glyph *gs, size_t n) {
  ah_rect *boxes = NULL;
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i + 1; j < n && same_word(&gs[j - 1], &gs[j]);) j++;
    if (j - i < 2 || ah_glyph_is_space(gs[i].ch) || gs[i].box.y2 - gs[i].box.y1 <= AH_MIXED_RISE * gs[i].size) continue;
    boxes = ah_xreallocarray(boxes, j - i, sizeof *boxes);
    for (size_t k = i; k < j; k++) boxes[k - i] = gs[k].box;
    if (!ah_glyph_restack(page, boxes, j - i, gs[i].size)) continue;
    for (size_t k = i; k < j; k++) gs[k].box = boxes[k - i], gs[k].stacked = true;
  }
  free(boxes);
}

/* The text layer gives a space on a turned page a box over the word
 * before it, not over the gap: the gap between its neighbours is its box,
 * as the text layer gives it on an upright page. */
static void space_boxes(glyph *gs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!ah_glyph_is_space(gs[i].ch)) continue;
    const glyph *prev = i > 0 && !gs[i].line_start ? &gs[i - 1] : NULL;
    const glyph *next = i + 1 < n && !gs[i + 1].line_start ? &gs[i + 1] : NULL;
    if (!prev && !next) continue;
    const ah_rect *row = prev ? &prev->box : &next->box;
    double x1 = prev ? prev->box.x2 : next->box.x1, x2 = next ? next->box.x1 : x1;
    gs[i].box = (ah_rect){x1, row->y1, x2 > x1 ? x2 : x1, row->y2};
  }
}

/* A turned page (its /Rotate, or text drawn turned) is read upright: the
 * direction its lines read in says how far, and every box is turned back.
 * *w and *h get the upright page's size. */
static ah_turn turn_upright(glyph *gs, size_t n, double *w, double *h) {
  ah_rect *boxes = ah_xreallocarray(NULL, n + 1, sizeof *boxes);
  bool *follows = ah_xreallocarray(NULL, n + 1, sizeof *follows);
  for (size_t i = 0; i < n; i++) {
    boxes[i] = gs[i].box;
    follows[i] = i > 0 && !gs[i].line_start && !ah_glyph_is_space(gs[i].ch) && !ah_glyph_is_space(gs[i - 1].ch);
  }
  ah_turn turn = ah_turn_detect(boxes, follows, n);
  for (size_t i = 0; i < n && turn != AH_TURN_NONE; i++) gs[i].box = ah_turn_rect(gs[i].box, turn, *w, *h);
  if (turn != AH_TURN_NONE) space_boxes(gs, n);
  ah_turn_size(turn, w, h);
  free(boxes);
  free(follows);
  return turn;
}

/* The page's lines; *w and *h get its upright size.  Returns how far the
 * page's text was turned. */
static ah_turn read_page(PopplerPage *page, int page_no, ah_lines *out, ah_losses *losses, double *w, double *h) {
  size_t page_from = out->n, n;
  ah_turn turn = AH_TURN_NONE;
  poppler_page_get_size(page, w, h);
  char *text = poppler_page_get_text(page);
  if (text && losses) ah_pdf_glyphs_losses(text, page_no + 1, losses);
  glyph *gs = text ? page_glyphs(page, text, &n) : NULL;
  if (gs) {
    restack_words(page, gs, n);
    turn = turn_upright(gs, n, w, h);
    ah_seat_markers(gs, n);
    size_t start = 0;
    for (size_t i = 1; i <= n; i++)
      if (i == n || gs[i].line_start) {
        emit_lines(gs + start, i - start, page_no, out);
        start = i;
      }
    rejoin_bullets(out, page_from);
  }
  free(gs);
  g_free(text);
  return turn;
}

/* A complete PDF ends with "%%EOF" (a writer may add a little after it).
 * poppler would reconstruct a cut-off file and hand back part of the text:
 * for an archive, half a document is worse than a clear error. */
static bool has_eof_marker(const unsigned char *d, size_t len) {
  size_t from = len > 2048 ? len - 2048 : 0;
  for (size_t i = len >= 5 ? len - 5 + 1 : 0; i-- > from;)
    if (memcmp(d + i, "%%EOF", 5) == 0) return true;
  return false;
}

/* Colour does not matter to text, but poppler-glib reads each page with a
 * text device of its own, so an ICC colour space is turned into a colour
 * transform again on every page: a third of all the time spent on a typical
 * Aanhangsel.  In a private copy, "[/ICCBased 8 0 R]" becomes "/DeviceRGB"
 * padded with spaces to the same length, so every byte offset (xref, stream
 * lengths) stays true; what is compressed is not touched.  NULL when there
 * is nothing to replace. */
static unsigned char *without_icc_profiles(const unsigned char *d, size_t len) {
  static const char key[] = "/ICCBased";
  unsigned char *copy = NULL;
  for (size_t i = 1; i + sizeof key < len; i++) {
    if (d[i] != '/' || memcmp(d + i, key, sizeof key - 1) != 0) continue;
    size_t open = i;
    while (open > 0 && (d[open - 1] == ' ' || d[open - 1] == '\n' || d[open - 1] == '\r')) open--;
    if (open == 0 || d[open - 1] != '[') continue;
    open--;
    size_t j = i + sizeof key - 1;
    int numbers = 0;
    for (;;) { /* " 8 0 R" */
      while (j < len && (d[j] == ' ' || d[j] == '\n' || d[j] == '\r')) j++;
      if (j < len && isdigit(d[j]) && numbers < 2) {
        while (j < len && isdigit(d[j])) j++;
        numbers++;
        continue;
      }
      break;
    }
    if (numbers != 2 || j >= len || d[j] != 'R') continue;
    j++;
    while (j < len && (d[j] == ' ' || d[j] == '\n' || d[j] == '\r')) j++;
    if (j >= len || d[j] != ']') continue;
    size_t end = j + 1;
    static const char rgb[] = "/DeviceRGB";
    if (end - open < sizeof rgb - 1) continue;
    if (!copy) {
      copy = ah_xmalloc(len);
      memcpy(copy, d, len);
    }
    memset(copy + open, ' ', end - open);
    memcpy(copy + open, rgb, sizeof rgb - 1);
    i = end - 1;
  }
  return copy;
}

/* poppler's document of the bytes (which it holds, taking them when
 * `take`), or NULL with err set. */
static PopplerDocument *open_doc(const unsigned char *data, size_t len, bool take, ah_error *err) {
  unsigned char *plain = without_icc_profiles(data, len);
  if (plain && take) free((void *)data);
  /* the bytes live as long as the GBytes: poppler holds it until the end */
  GBytes *bytes = plain  ? g_bytes_new_take(plain, len)
                  : take ? g_bytes_new_take((void *)data, len)
                         : g_bytes_new_static(data, len);
  GError *gerr = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
  g_bytes_unref(bytes);
  if (!doc) {
    if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED)
      ah_error_set(err, AH_ERROR_ENCRYPTED, "PDF is encrypted and needs a password");
    else
      ah_error_set(err, AH_ERROR_DAMAGED, "damaged PDF: %s",
                   gerr && gerr->message ? gerr->message : "cannot be opened");
  }
  if (gerr) g_error_free(gerr);
  return doc;
}

/* Every page's lines into *out, characters no font can name into *losses
 * (when not NULL); turns[p] (when not NULL) gets how far page p's text was
 * turned.  Returns whether any was. */
static bool read_pages(PopplerDocument *doc, int pages, ah_lines *out, ah_losses *losses, ah_turn *turns) {
  bool turned = false;
  memset(out, 0, sizeof *out);
  out->pages = pages;
  for (int i = 0; i < pages; i++) {
    PopplerPage *page = poppler_document_get_page(doc, i);
    ah_turn turn = AH_TURN_NONE;
    if (page) {
      double w, h;
      turn = read_page(page, i, out, losses, &w, &h);
      if (i == 0) out->page_width = w, out->page_height = h;
      g_object_unref(page);
    }
    if (turns) turns[i] = turn;
    turned |= turn != AH_TURN_NONE;
  }
  return turned;
}

/* A PDF with turned pages is read again from a copy that shows them
 * upright, so that their text comes in the upright reading order.  When
 * no such copy can be made, the lines read with the boxes turned back
 * stay. */
static void read_unturned(const unsigned char *data, size_t len, const ah_turn *turns, ah_lines *out) {
  size_t n;
  unsigned char *copy = ah_pdf_unturn(data, len, turns, out->pages, &n);
  ah_error ignored;
  PopplerDocument *doc = copy ? open_doc(copy, n, true, &ignored) : NULL;
  if (!doc) return;
  if (poppler_document_get_n_pages(doc) == out->pages) {
    ah_lines again;
    read_pages(doc, out->pages, &again, NULL, NULL); /* the losses were counted at the first reading */
    ah_lines_free(out);
    *out = again;
  }
  g_object_unref(doc);
}

int ah_source_pdf(const void *data, size_t len, ah_lines *out, ah_losses *losses, ah_error *err) {
  memset(out, 0, sizeof *out);
  if (!has_eof_marker(data, len)) {
    ah_error_set(err, AH_ERROR_DAMAGED, "truncated PDF (no %%%%EOF at the end)");
    return -1;
  }
  /* fonts whose character maps contradict their glyph names, repaired;
   * the repaired bytes serve every reading of this file */
  size_t repaired_len = 0;
  unsigned char *repaired = ah_pdf_glyphs_repair(data, len, &repaired_len);
  if (repaired) data = repaired, len = repaired_len;
  PopplerDocument *doc = open_doc(data, len, false, err);
  int pages = doc ? poppler_document_get_n_pages(doc) : 0;
  if (doc && pages <= 0) {
    g_object_unref(doc);
    doc = NULL;
    ah_error_set(err, AH_ERROR_DAMAGED, "damaged PDF: no pages");
  }
  if (!doc) {
    free(repaired);
    return -1;
  }
  ah_turn *turns = ah_xreallocarray(NULL, (size_t)pages, sizeof *turns);
  bool turned = read_pages(doc, pages, out, losses, turns);
  g_object_unref(doc);
  if (turned) read_unturned(data, len, turns, out);
  free(turns);
  free(repaired);
  return 0;
}

unsigned char *ah_pdf_upright_bytes(const void *data, size_t len, size_t *out_len) {
  ah_error ignored;
  PopplerDocument *doc = open_doc(data, len, false, &ignored);
  int pages = doc ? poppler_document_get_n_pages(doc) : 0;
  ah_turn *turns = ah_xcalloc((size_t)pages + 1, sizeof *turns);
  bool turned = false;
  for (int i = 0; i < pages; i++) {
    PopplerPage *page = poppler_document_get_page(doc, i);
    char *text = page ? poppler_page_get_text(page) : NULL;
    size_t n;
    glyph *gs = text ? page_glyphs(page, text, &n) : NULL;
    if (gs) {
      double w, h;
      poppler_page_get_size(page, &w, &h);
      turns[i] = turn_upright(gs, n, &w, &h);
      turned |= turns[i] != AH_TURN_NONE;
    }
    free(gs);
    g_free(text);
    if (page) g_object_unref(page);
  }
  if (doc) g_object_unref(doc);
  unsigned char *copy = turned ? ah_pdf_unturn(data, len, turns, pages, out_len) : NULL;
  free(turns);
  if (!copy) { /* upright already, or it cannot be turned: the bytes as they are */
    copy = ah_xmalloc(len + 1);
    memcpy(copy, data, len);
    *out_len = len;
  }
  return copy;
}
