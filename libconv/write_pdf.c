/* write_pdf.c — the document tree in, a clean re-typeset PDF out.
 *
 * Takes: an ah_doc.  Gives: an A4 PDF (cairo's PDF surface, Pango for line
 * breaking and shaping, DejaVu from Debian's fonts-dejavu-core embedded by
 * cairo) that says exactly what the XML says: masthead, omschrijvingen, each
 * Vraag / Antwoord / Mededeling with its label, paragraphs, lists and tables,
 * footnotes at the foot of the page of their first marker, a running footer
 * with the publication id and the page number; an outline entry per section,
 * markers linked to their notes, and the document's metadata.
 *
 * The layout is one the reader knows (layout.c): every signal it reads is
 * put there on purpose — the masthead ends in the number in large type, the
 * footer starts "Tweede Kamer, vergaderjaar" and carries the id, paragraphs
 * are set apart by space, list items hang from a bullet, tables are small
 * type on one line per row with wide column gaps, notes are small type below
 * the body with their numbers raised beside them.  Lines break only at
 * spaces and after a "/" in an address, never after a hyphen of the text,
 * so reading the PDF back gives the same words.
 */
#include "internal.h"
#include "io.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- geometry, in points; y grows downward ------------------------------ */

#define PAGE_W 595.276
#define PAGE_H 841.890
#define LEFT 72.0
#define COLUMN (PAGE_W - 2 * LEFT)
#define TOP 72.0              /* first line's top on pages after the first */
#define BOTTOM 748.0          /* lowest line bottom, body or notes: above 0.9 of the page, where the reader looks for page numbers */
#define FOOTER_BASE 806.0
#define BODY_SIZE 10.0
#define MARK_SIZE 6.5         /* markers and sup/sub: raised or lowered, small */
#define MARK_RISE 4.0
#define SUB_DROP 1.6
#define NOTE_SIZE 8.0
#define NOTE_NUM_SIZE 5.5
#define NOTE_NUM_RISE 2.5
#define NOTE_INDENT 10.0
#define NOTE_GAP 2.0
#define NOTES_RULE 10.0       /* space taken by the rule above the notes */
#define TABLE_SIZE 8.0        /* small type: the reader takes it for a table */
#define TABLE_MIN_SIZE 7.2    /* above 0.7 body: not taken for note numbers */
#define TABLE_GAP 18.0        /* column gap, well over the reader's 1 em */
#define BULLET_INDENT 16.0
#define SERIF "DejaVu Serif"
#define SANS "DejaVu Sans"

/* ---- state -------------------------------------------------------------- */

typedef struct {
  int number;
  PangoLayout *layout; /* at note width and size */
  double height;
  bool placed;
} note_box;

typedef struct {
  const ah_doc *doc;
  cairo_surface_t *surface;
  cairo_t *cr;
  ah_buf out; /* the PDF bytes */
  double y;   /* top of the next line */
  int page;   /* 1-based */
  bool page_empty;
  note_box *notes;
  size_t n_notes;
  size_t *on_page; /* indexes into notes of this page's notes, in order */
  size_t n_on_page;
} typesetter;

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length) {
  ah_buf_put(closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoFontDescription *font(const char *family, double size, bool bold, bool italic) {
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, family);
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return fd;
}

/* ---- paragraphs as Pango text with attributes --------------------------- */

typedef struct {
  ah_buf text;
  PangoAttrList *attrs;
  size_t *url_from, *url_to; /* byte ranges of web addresses */
  size_t n_urls, cap_urls;
  int *marker_at, *marker_note; /* byte index and note of each marker */
  size_t n_markers, cap_markers;
  double size;
} rich;

static void rich_init(rich *r, double size) {
  memset(r, 0, sizeof *r);
  r->attrs = pango_attr_list_new();
  r->size = size;
}

static void rich_free(rich *r) {
  ah_buf_free(&r->text);
  pango_attr_list_unref(r->attrs);
  free(r->marker_at);
  free(r->marker_note);
  free(r->url_from);
  free(r->url_to);
}

static void add_attr(rich *r, PangoAttribute *a, size_t start) {
  a->start_index = (guint)start;
  a->end_index = (guint)r->text.len;
  pango_attr_list_insert(r->attrs, a);
}

static void put_text(rich *r, const char *s) { ah_buf_puts(&r->text, s); }

/* Replaces `removed` bytes at `at` by `s`, moving the attributes, markers
 * and addresses behind it along. */
static void splice(rich *r, size_t at, size_t removed, const char *s) {
  size_t n = strlen(s);
  if (n > removed) ah_buf_put(&r->text, s, n - removed); /* grow */
  else r->text.len -= removed - n;
  size_t tail = r->text.len - (at + n);
  memmove(r->text.data + at + n, r->text.data + at + removed, tail);
  memcpy(r->text.data + at, s, n);
  r->text.data[r->text.len] = 0;
  pango_attr_list_update(r->attrs, (int)at, (int)removed, (int)n);
  ptrdiff_t shift = (ptrdiff_t)n - (ptrdiff_t)removed;
  for (size_t i = 0; i < r->n_markers; i++)
    if ((size_t)r->marker_at[i] >= at + removed) r->marker_at[i] += (int)shift;
  for (size_t i = 0; i < r->n_urls; i++) {
    if (r->url_from[i] >= at + removed) r->url_from[i] += (size_t)shift;
    if (r->url_to[i] >= at + removed) r->url_to[i] += (size_t)shift;
  }
}

/* Any of `set` in the n bytes at s. */
static bool strpbrk_n(const char *s, size_t n, const char *set) {
  for (size_t i = 0; i < n; i++)
    if (strchr(set, s[i])) return true;
  return false;
}

/* Where a line may end: at a space, and inside a web address after one of
 * its punctuation marks (the reader glues an address broken there back
 * together).  Nowhere else.  Unicode's line breaking also allows a break
 * after a hyphen or dash ("2025–2028"), after a "/" ("familie/vrienden"),
 * and more: the reader would take such a line end for a hyphenation or a
 * space, so a word joiner goes there.  The space after a word ending in a
 * hyphen or dash ("IT- beheer") becomes a narrow no-break space, its own
 * glyph, which the reader takes for a space that binds.  Joiners and
 * zero-width spaces have no glyph: they are not in the PDF's text. */
static void limit_breaks(rich *r) {
  static const char WJ[] = "\xE2\x81\xA0", ZWSP[] = "\xE2\x80\x8B", NNBSP[] = "\xE2\x80\xAF";
  /* addresses: a break point after their punctuation */
  for (size_t u = 0; u < r->n_urls; u++)
    for (size_t k = r->url_from[u]; k + 1 < r->url_to[u]; k++) {
      const char *t = r->text.data;
      if (strchr("/-_.=?&#%~", t[k]) && t[k + 1] != '/' && t[k + 1] != ':') splice(r, k + 1, 0, ZWSP), k += 3;
    }
  /* "IT- beheer": bind the space, or the line could end in the hyphen */
  for (size_t k = 1; k + 1 < r->text.len; k++) {
    const char *t = r->text.data;
    bool dash = t[k - 1] == '-' || (k >= 3 && (!memcmp(t + k - 3, "\xE2\x80\x93", 3) ||
                                               !memcmp(t + k - 3, "\xE2\x80\x94", 3)));
    if (t[k] == ' ' && dash) splice(r, k, 1, NNBSP);
  }
  /* "…/moties/ detail?id=…": a line break after an address, before a word
   * that looks like more of it, would be read as the address going on */
  for (size_t u = 0; u < r->n_urls; u++) {
    size_t k = r->url_to[u];
    const char *t = r->text.data;
    if (k >= r->text.len || t[k] != ' ') continue;
    size_t w = strcspn(t + k + 1, " ");
    if (w && memchr(t + k + 1, '/', w) == NULL && !strpbrk_n(t + k + 1, w, "%=&_?")) continue;
    splice(r, k, 1, "\xC2\xA0");
  }
  /* every other break opportunity not after a space goes */
  glong chars = g_utf8_strlen(r->text.data ? r->text.data : "", (gssize)r->text.len);
  PangoLogAttr *la = ah_xcalloc((size_t)chars + 1, sizeof *la);
  pango_get_log_attrs(r->text.data ? r->text.data : "", (int)r->text.len, -1, pango_language_from_string("nl"), la,
                      (int)chars + 1);
  size_t *cuts = ah_xmalloc(((size_t)chars + 1) * sizeof *cuts), n_cuts = 0;
  const char *p = r->text.data ? r->text.data : "";
  const char *prev = NULL;
  for (glong i = 0; i < chars; i++, prev = p, p = g_utf8_next_char(p)) {
    if (!la[i].is_line_break || !prev) continue;
    gunichar before = g_utf8_get_char(prev);
    if (before == ' ' || before == 0x200B) continue;
    cuts[n_cuts++] = (size_t)(p - r->text.data);
  }
  for (size_t i = n_cuts; i-- > 0;) splice(r, cuts[i], 0, WJ);
  free(cuts);
  free(la);
}

static void put_small(rich *r, const char *s, int rise) {
  size_t start = r->text.len;
  ah_buf_puts(&r->text, s);
  add_attr(r, pango_attr_size_new_absolute((int)(MARK_SIZE * r->size / BODY_SIZE * PANGO_SCALE)), start);
  add_attr(r, pango_attr_rise_new(rise * PANGO_SCALE / 1000), start);
}

static void put_inlines(rich *r, const ah_node *parent) {
  for (const ah_node *c = parent->first; c; c = c->next) {
    size_t start = r->text.len;
    switch (c->type) {
    case AH_NODE_TEXT:
      put_text(r, c->literal);
      break;
    case AH_NODE_URL: {
      char *t = ah_node_text(c);
      put_text(r, t);
      free(t);
      if (r->n_urls == r->cap_urls) {
        r->cap_urls = r->cap_urls ? r->cap_urls * 2 : 4;
        r->url_from = ah_xrealloc(r->url_from, r->cap_urls * sizeof *r->url_from);
        r->url_to = ah_xrealloc(r->url_to, r->cap_urls * sizeof *r->url_to);
      }
      r->url_from[r->n_urls] = start;
      r->url_to[r->n_urls++] = r->text.len;
      break;
    }
    case AH_NODE_NOTE_REF: {
      char num[16];
      snprintf(num, sizeof num, "%d", c->note);
      if (r->n_markers == r->cap_markers) {
        r->cap_markers = r->cap_markers ? r->cap_markers * 2 : 8;
        r->marker_at = ah_xrealloc(r->marker_at, r->cap_markers * sizeof *r->marker_at);
        r->marker_note = ah_xrealloc(r->marker_note, r->cap_markers * sizeof *r->marker_note);
      }
      r->marker_at[r->n_markers] = (int)r->text.len;
      r->marker_note[r->n_markers++] = c->note;
      put_small(r, num, (int)(MARK_RISE * r->size / BODY_SIZE * 1000));
      break;
    }
    case AH_NODE_SUP:
    case AH_NODE_SUB: {
      char *t = ah_node_text(c);
      double shift = c->type == AH_NODE_SUP ? MARK_RISE : -SUB_DROP;
      put_small(r, t, (int)(shift * r->size / BODY_SIZE * 1000));
      free(t);
      break;
    }
    case AH_NODE_VRAGENSTELLER:
    case AH_NODE_BEANTWOORDER:
      put_inlines(r, c);
      add_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
      break;
    case AH_NODE_ONDERWERP:
      put_inlines(r, c);
      add_attr(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
      break;
    default:
      put_inlines(r, c);
      break;
    }
  }
}

static PangoLayout *make_layout(typesetter *ts, rich *r, const char *family, double width, bool bold) {
  PangoLayout *lay = pango_cairo_create_layout(ts->cr);
  PangoFontDescription *fd = font(family, r->size, bold, false);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
  pango_attr_list_insert(r->attrs, pango_attr_insert_hyphens_new(FALSE));
  limit_breaks(r);
  pango_layout_set_text(lay, r->text.data ? r->text.data : "", (int)r->text.len);
  pango_layout_set_attributes(lay, r->attrs);
  return lay;
}

/* ---- pages -------------------------------------------------------------- */

/* One line of plain text in one font, unbroken. */
static PangoLayout *plain_layout(typesetter *ts, const char *family, double size, bool bold, const char *text) {
  PangoLayout *lay = pango_cairo_create_layout(ts->cr);
  PangoFontDescription *fd = font(family, size, bold, false);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_text(lay, text, -1);
  return lay;
}

static void show_text(typesetter *ts, const char *family, double size, bool bold, double x, double base,
                      const char *text, bool align_right) {
  PangoLayout *lay = plain_layout(ts, family, size, bold, text);
  PangoRectangle logical;
  pango_layout_get_extents(lay, NULL, &logical);
  double w = (double)logical.width / PANGO_SCALE;
  double ascent = (double)pango_layout_get_baseline(lay) / PANGO_SCALE;
  cairo_move_to(ts->cr, align_right ? x - w : x, base - ascent);
  pango_cairo_show_layout(ts->cr, lay);
  g_object_unref(lay);
}

static const char *chamber(const ah_doc *d) {
  return d->kamer && strcmp(d->kamer, "ek") == 0 ? "Eerste Kamer" : "Tweede Kamer";
}

/* "2023-2024" as printed: "2023–2024" */
static void printed_year(const ah_doc *d, char out[16]) {
  snprintf(out, 16, "%s", d->vergaderjaar ? d->vergaderjaar : "");
  char *dash = strchr(out, '-');
  if (dash && strlen(out) == 9) {
    memmove(dash + 3, dash + 1, strlen(dash + 1) + 1);
    memcpy(dash, "\xE2\x80\x93", 3);
  }
}

static void draw_notes(typesetter *ts) {
  if (!ts->n_on_page) return;
  double total = NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) total += ts->notes[ts->on_page[i]].height + NOTE_GAP;
  double y = BOTTOM - total;
  cairo_set_line_width(ts->cr, 0.5);
  cairo_move_to(ts->cr, LEFT, y + 3);
  cairo_line_to(ts->cr, LEFT + 100, y + 3);
  cairo_stroke(ts->cr);
  y += NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) {
    note_box *nb = &ts->notes[ts->on_page[i]];
    char attrs[64], num[16];
    snprintf(attrs, sizeof attrs, "name='noot-%d'", nb->number);
    cairo_tag_begin(ts->cr, CAIRO_TAG_DEST, attrs);
    double base = y + (double)pango_layout_get_baseline(nb->layout) / PANGO_SCALE;
    snprintf(num, sizeof num, "%d", nb->number);
    show_text(ts, SERIF, NOTE_NUM_SIZE, false, LEFT, base - NOTE_NUM_RISE, num, false);
    cairo_move_to(ts->cr, LEFT + NOTE_INDENT, y);
    pango_cairo_show_layout(ts->cr, nb->layout);
    cairo_tag_end(ts->cr, CAIRO_TAG_DEST);
    y += nb->height + NOTE_GAP;
  }
  ts->n_on_page = 0;
}

static void draw_footer(typesetter *ts) {
  char year[16], left[96], right[96];
  printed_year(ts->doc, year);
  snprintf(left, sizeof left, "%s, vergaderjaar %s, Aanhangsel", chamber(ts->doc), year);
  show_text(ts, SANS, 8.0, false, LEFT, FOOTER_BASE, left, false);
  snprintf(right, sizeof right, "%s%s%d", ts->doc->id ? ts->doc->id : "", ts->doc->id ? "   " : "", ts->page);
  show_text(ts, SANS, 8.0, false, PAGE_W - LEFT, FOOTER_BASE, right, true);
}

static void end_page(typesetter *ts) {
  draw_notes(ts);
  draw_footer(ts);
  cairo_show_page(ts->cr);
}

static void new_page(typesetter *ts) {
  end_page(ts);
  ts->page++;
  ts->y = TOP;
  ts->page_empty = true;
}

static double notes_height(const typesetter *ts, const int *extra, size_t n_extra) {
  double h = 0;
  size_t count = ts->n_on_page;
  for (size_t i = 0; i < ts->n_on_page; i++) h += ts->notes[ts->on_page[i]].height + NOTE_GAP;
  for (size_t i = 0; i < n_extra; i++) h += ts->notes[extra[i]].height + NOTE_GAP, count++;
  return count ? h + NOTES_RULE : 0;
}

static ptrdiff_t find_note(const typesetter *ts, int number) {
  for (size_t i = 0; i < ts->n_notes; i++)
    if (ts->notes[i].number == number) return (ptrdiff_t)i;
  return -1;
}

/* Room for `height` more on this page, with the notes it brings along. */
static void make_room(typesetter *ts, double height, const int *notes, size_t n_notes) {
  if (!ts->page_empty && ts->y + height + notes_height(ts, notes, n_notes) > BOTTOM) new_page(ts);
}

/* Sets a laid-out paragraph line by line at x, breaking pages as needed;
 * the notes of its markers go to the page of each marker's line. */
static void place_layout(typesetter *ts, PangoLayout *lay, const rich *r, double x, double space_before,
                         const char *bullet, const char *outline, int *outline_parent) {
  if (!ts->page_empty) ts->y += space_before;
  PangoLayoutIter *it = pango_layout_get_iter(lay);
  bool first = true;
  do {
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    double top = (double)logical.y / PANGO_SCALE;
    double height = (double)logical.height / PANGO_SCALE;
    double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - top;
    int notes[64];
    size_t n = 0;
    for (size_t m = 0; m < r->n_markers && n < 64; m++) {
      int at = r->marker_at[m];
      if (at < line->start_index || at >= line->start_index + line->length) continue;
      ptrdiff_t k = find_note(ts, r->marker_note[m]);
      bool dup = false;
      for (size_t j = 0; j < n; j++) dup = dup || notes[j] == k;
      if (k >= 0 && !ts->notes[k].placed && !dup) notes[n++] = (int)k;
    }
    make_room(ts, height, notes, n);
    double base = ts->y + baseline;
    if (first && outline) {
      char attrs[64];
      snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", ts->page, x, ts->y);
      cairo_pdf_surface_add_outline(ts->surface, *outline_parent, outline, attrs, 0);
    }
    if (first && bullet) show_text(ts, SERIF, r->size, false, x - BULLET_INDENT + 4, base, bullet, false);
    cairo_move_to(ts->cr, x, base);
    pango_cairo_show_layout_line(ts->cr, line);
    for (size_t m = 0; m < r->n_markers; m++) {
      int at = r->marker_at[m];
      if (at < line->start_index || at >= line->start_index + line->length) continue;
      PangoRectangle pos;
      pango_layout_index_to_pos(lay, at, &pos);
      char attrs[160];
      snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] dest='noot-%d'", x + (double)pos.x / PANGO_SCALE,
               ts->y, (double)pos.width / PANGO_SCALE + 1, height, r->marker_note[m]);
      cairo_tag_begin(ts->cr, CAIRO_TAG_LINK, attrs);
      cairo_tag_end(ts->cr, CAIRO_TAG_LINK);
    }
    for (size_t j = 0; j < n; j++) {
      ts->notes[notes[j]].placed = true;
      ts->on_page[ts->n_on_page++] = (size_t)notes[j];
    }
    ts->y += height;
    ts->page_empty = false;
    first = false;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

static void set_paragraph(typesetter *ts, const ah_node *para, double x, double width, double space_before,
                          const char *bullet, bool bold, const char *outline, int *outline_parent) {
  rich r;
  rich_init(&r, BODY_SIZE);
  put_inlines(&r, para);
  PangoLayout *lay = make_layout(ts, &r, SERIF, width, bold);
  place_layout(ts, lay, &r, x, space_before, bullet, outline, outline_parent);
  g_object_unref(lay);
  rich_free(&r);
}

/* ---- tables ------------------------------------------------------------- */

static double text_width(typesetter *ts, const char *text, double size) {
  PangoLayout *lay = plain_layout(ts, SERIF, size, false, text);
  PangoRectangle logical;
  pango_layout_get_extents(lay, NULL, &logical);
  g_object_unref(lay);
  return (double)logical.width / PANGO_SCALE;
}

/* Rows on one baseline each, cells at column positions; the whole table on
 * one page (the reader takes a table that runs over a page for two). */
static void set_table(typesetter *ts, const ah_node *table, double space_before) {
  enum { MAX_COLS = 32 };
  size_t rows = 0;
  for (const ah_node *row = table->first; row; row = row->next) rows++;
  if (!rows) return;
  double size = TABLE_SIZE;
  double widths[MAX_COLS];
  size_t cols = 0;
  for (;;) {
    memset(widths, 0, sizeof widths);
    cols = 0;
    double caption = 0; /* a one-cell row (a caption) spans the columns */
    for (const ah_node *row = table->first; row; row = row->next) {
      bool single = row->first && !row->first->next;
      size_t c = 0;
      for (const ah_node *cell = row->first; cell && c < MAX_COLS; cell = cell->next, c++) {
        char *t = ah_node_text(cell);
        double w = text_width(ts, t, size);
        free(t);
        if (single) caption = w > caption ? w : caption;
        else if (w > widths[c]) widths[c] = w;
      }
      if (c > cols) cols = c;
    }
    double total = 0;
    for (size_t c = 0; c < cols; c++) total += widths[c] + (c ? TABLE_GAP : 0);
    if (caption > total) total = caption;
    if (total <= COLUMN || size <= TABLE_MIN_SIZE) break;
    size = size * COLUMN / total < TABLE_MIN_SIZE ? TABLE_MIN_SIZE : size * COLUMN / total;
  }
  double pitch = size * 1.3;
  if (!ts->page_empty) ts->y += space_before;
  make_room(ts, pitch * (double)rows, NULL, 0);
  for (const ah_node *row = table->first; row; row = row->next) {
    double x = LEFT;
    size_t c = 0;
    for (const ah_node *cell = row->first; cell && c < MAX_COLS; cell = cell->next, c++) {
      char *t = ah_node_text(cell);
      show_text(ts, SERIF, size, false, x, ts->y + size, t, false);
      free(t);
      x += widths[c] + TABLE_GAP;
    }
    ts->y += pitch;
  }
  ts->page_empty = false;
}

/* ---- sections ----------------------------------------------------------- */

static void set_blocks(typesetter *ts, const ah_node *section) {
  double line = BODY_SIZE * 1.2;
  const ah_node *prev = NULL;
  for (const ah_node *c = section->first; c; prev = c, c = c->next) {
    double gap = prev && prev->type == AH_NODE_LABEL ? line * 0.3 : line * 0.6;
    if (c->type == AH_NODE_PARAGRAPH) {
      set_paragraph(ts, c, LEFT, COLUMN, gap, NULL, false, NULL, NULL);
    } else if (c->type == AH_NODE_LIST) {
      bool first = true;
      for (const ah_node *li = c->first; li; li = li->next, first = false)
        set_paragraph(ts, li, LEFT + BULLET_INDENT, COLUMN - BULLET_INDENT, first ? gap : 0, "\xE2\x80\xA2",
                      false, NULL, NULL);
    } else if (c->type == AH_NODE_TABLE) {
      set_table(ts, c, gap);
    }
  }
}

static void set_section(typesetter *ts, const ah_node *s, int *outline_parent) {
  double line = BODY_SIZE * 1.2;
  const ah_node *label = s->first && s->first->type == AH_NODE_LABEL ? s->first : NULL;
  char *title = label ? ah_node_text(label) : ah_strdup(s->type == AH_NODE_MEDEDELING ? "Mededeling" : "");
  if (*title) {
    /* the label line: bold, a line's space above */
    rich r;
    rich_init(&r, BODY_SIZE);
    put_text(&r, title);
    PangoLayout *lay = make_layout(ts, &r, SERIF, COLUMN, true);
    /* keep the label with the first line after it */
    make_room(ts, line * 3.2, NULL, 0);
    place_layout(ts, lay, &r, LEFT, line * 1.1, NULL, title, outline_parent);
    g_object_unref(lay);
    rich_free(&r);
  }
  free(title);
  set_blocks(ts, s);
}

/* ---- first page --------------------------------------------------------- */

static void set_masthead(typesetter *ts) {
  const ah_doc *d = ts->doc;
  char year[16], line[64], num[16];
  printed_year(d, year);
  snprintf(line, sizeof line, "%s der Staten-Generaal", chamber(d));
  show_text(ts, SANS, 13.0, true, LEFT, 70.0, line, false);
  if (*year) {
    snprintf(line, sizeof line, "Vergaderjaar %s", year);
    show_text(ts, SANS, 9.0, false, LEFT, 86.0, line, false);
  }
  show_text(ts, SANS, 7.5, false, LEFT, 100.0,
            "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden", false);
  show_text(ts, SANS, 12.0, true, LEFT, 124.0, "Aanhangsel van de Handelingen", false);
  /* the number, large, ends the masthead: the reader takes what stands
   * above it for furniture */
  if (d->nummer) {
    snprintf(num, sizeof num, "%d", d->nummer);
    show_text(ts, SANS, 22.0, true, PAGE_W - LEFT, 124.0, num, true);
  }
  cairo_set_line_width(ts->cr, 0.8);
  cairo_move_to(ts->cr, LEFT, 134.0);
  cairo_line_to(ts->cr, PAGE_W - LEFT, 134.0);
  cairo_stroke(ts->cr);
  ts->y = 150.0;
}

/* ---- notes -------------------------------------------------------------- */

static void prepare_notes(typesetter *ts) {
  const ah_node *noten = NULL;
  for (const ah_node *c = ts->doc->root->first; c; c = c->next)
    if (c->type == AH_NODE_NOTEN) noten = c;
  size_t n = 0;
  for (const ah_node *c = noten ? noten->first : NULL; c; c = c->next) n++;
  ts->notes = ah_xcalloc(n + 1, sizeof *ts->notes);
  ts->on_page = ah_xcalloc(n + 1, sizeof *ts->on_page);
  for (const ah_node *c = noten ? noten->first : NULL; c; c = c->next) {
    note_box *nb = &ts->notes[ts->n_notes++];
    nb->number = c->note;
    rich r;
    rich_init(&r, NOTE_SIZE);
    for (const ah_node *p = c->first; p; p = p->next) {
      if (p != c->first) ah_buf_putc(&r.text, ' ');
      put_inlines(&r, p);
    }
    nb->layout = make_layout(ts, &r, SERIF, COLUMN - NOTE_INDENT, false);
    PangoRectangle logical;
    pango_layout_get_extents(nb->layout, NULL, &logical);
    nb->height = (double)logical.height / PANGO_SCALE;
    rich_free(&r);
  }
}

/* Notes no marker called onto a page: at the foot of the last page. */
static void place_unreferenced_notes(typesetter *ts) {
  for (size_t i = 0; i < ts->n_notes; i++) {
    if (ts->notes[i].placed) continue;
    int k = (int)i;
    make_room(ts, 0, &k, 1);
    ts->notes[i].placed = true;
    ts->on_page[ts->n_on_page++] = i;
  }
}

/* ---- metadata ----------------------------------------------------------- */

static void set_metadata(typesetter *ts) {
  const ah_doc *d = ts->doc;
  char year[16];
  printed_year(d, year);
  char *onderwerp = ah_omschrijving_meta(d->root, AH_NODE_ONDERWERP, " ", false);
  char *askers = ah_omschrijving_meta(d->root, AH_NODE_VRAGENSTELLER, ", ", false);
  char *to = ah_omschrijving_meta(d->root, AH_NODE_ONTVANGER, ", ", false);
  ah_buf title = {0}, keywords = {0}, subject = {0};
  ah_buf_printf(&title, "Aanhangsel van de Handelingen, %s %s, nr. %d", chamber(d), year, d->nummer);
  if (*onderwerp) ah_buf_printf(&title, ": %s", onderwerp);
  ah_buf_printf(&keywords, "Kamervragen; %s%s%s", d->id ? d->id : "", *to ? "; " : "", to);
  for (const ah_node *om = d->root->first; om; om = om->next)
    if (om->type == AH_NODE_OMSCHRIJVING) {
      char *t = ah_node_text(om);
      if (subject.len) ah_buf_putc(&subject, ' ');
      ah_buf_puts(&subject, t);
      free(t);
    }
  cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_TITLE, title.data);
  if (*askers) cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_AUTHOR, askers);
  if (subject.len) cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_SUBJECT, subject.data);
  cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_KEYWORDS, keywords.data);
  char creator[64];
  snprintf(creator, sizeof creator, "ahconv %s", ah_version());
  cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* the document's own date, not the clock: the same document always gives
   * the same file */
  const char *date = d->ontvangen ? d->ontvangen : d->ingezonden;
  char stamp[32];
  snprintf(stamp, sizeof stamp, "%sT00:00:00Z", date ? date : "2000-01-01");
  cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata(ts->surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  ah_buf_free(&title);
  ah_buf_free(&keywords);
  ah_buf_free(&subject);
  free(onderwerp);
  free(askers);
  free(to);
}

/* ---- entry -------------------------------------------------------------- */

char *ah_render_pdf(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  (void)options;
  if (!doc) {
    ah_error_set(err, AH_ERROR_USAGE, "no document");
    return NULL;
  }
  typesetter ts = {.doc = doc, .page = 1, .page_empty = true};
  ts.surface = cairo_pdf_surface_create_for_stream(collect, &ts.out, PAGE_W, PAGE_H);
  ts.cr = cairo_create(ts.surface);
  set_metadata(&ts);
  prepare_notes(&ts);
  set_masthead(&ts);
  int outline_root = CAIRO_PDF_OUTLINE_ROOT;
  bool first_om = true;
  for (const ah_node *c = doc->root->first; c; c = c->next) {
    if (c->type == AH_NODE_OMSCHRIJVING) {
      set_paragraph(&ts, c, LEFT, COLUMN, first_om ? 0 : BODY_SIZE * 0.8, NULL, false, NULL, NULL);
      first_om = false;
    } else if (c->type == AH_NODE_VRAAG || c->type == AH_NODE_ANTWOORD || c->type == AH_NODE_MEDEDELING) {
      set_section(&ts, c, &outline_root);
    }
  }
  place_unreferenced_notes(&ts);
  end_page(&ts);
  for (size_t i = 0; i < ts.n_notes; i++) g_object_unref(ts.notes[i].layout);
  free(ts.notes);
  free(ts.on_page);
  cairo_destroy(ts.cr);
  cairo_surface_finish(ts.surface);
  cairo_status_t st = cairo_surface_status(ts.surface);
  cairo_surface_destroy(ts.surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    ah_buf_free(&ts.out);
    ah_error_set(err, AH_ERROR_NOMEM, "PDF output failed: %s", cairo_status_to_string(st));
    return NULL;
  }
  if (len) *len = ts.out.len;
  return ah_buf_steal(&ts.out);
}

int ah_write_pdf_file(const ah_doc *doc, const char *path, int options, ah_error *err) {
  size_t len;
  char *pdf = ah_render_pdf(doc, options, &len, err);
  if (!pdf) return -1;
  int rc = ah_write_output(path, pdf, len, err);
  free(pdf);
  return rc;
}
