/* pdf_text.c — a paragraph's inline nodes in, a Pango layout out, for the
 * clean PDF (write_pdf.c places the layouts on pages).
 *
 * Takes: a node whose children are inlines (al, li, cel, label, an
 * omschrijving).  Gives: its text with Pango attributes — markers and
 * sup/sub small and raised or lowered, askers and answerer bold, the
 * subject italic — and the places of its markers and web addresses; and
 * lines that may break only where the reader will read the break back
 * correctly (limit_breaks says where).
 */
#include "pdf_text.h"
#include "pdf_geometry.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

PangoFontDescription *ah_pdf_font(const char *family, double size, bool bold, bool italic) {
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, family);
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return fd;
}

void ah_rich_init(rich *r, double size) {
  memset(r, 0, sizeof *r);
  r->attrs = pango_attr_list_new();
  r->size = size;
}

void ah_rich_free(rich *r) {
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

bool ah_pdf_is_noncharacter(gunichar c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

char *ah_pdf_drawable(const char *s) {
  assert(g_utf8_validate(s, -1, NULL)); /* Pango loops on invalid UTF-8; readers repair it at the source */
  ah_buf b = {0};
  ah_buf_puts(&b, "");
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    const char *next = g_utf8_next_char(p);
    if (ah_pdf_is_noncharacter(g_utf8_get_char(p))) ah_buf_puts(&b, "\xEF\xBF\xBD");
    else ah_buf_put(&b, p, (size_t)(next - p));
  }
  return ah_buf_steal(&b);
}

/* The text as drawn: noncharacters (cairo refuses them) as U+FFFD. */
static void put_text(rich *r, const char *s) {
  char *drawable = ah_pdf_drawable(s);
  ah_buf_puts(&r->text, drawable);
  free(drawable);
}

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

/* Where breaks inside address u may start: its start, or for a bare host
 * (no scheme, no "www.") its first "/". */
static size_t bare_host_end(const rich *r, size_t u) {
  const char *t = r->text.data + r->url_from[u];
  size_t n = r->url_to[u] - r->url_from[u];
  for (size_t i = 0; i + 3 <= n; i++)
    if (!memcmp(t + i, "://", 3)) return r->url_from[u];
  if (n >= 4 && !memcmp(t, "www.", 4)) return r->url_from[u];
  const char *slash = memchr(t, '/', n);
  return slash ? r->url_from[u] + (size_t)(slash - t) : r->url_to[u];
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
  /* addresses: a break point after their punctuation — in a bare host
   * ("data.example.nl/…") only after its first "/": the reader takes a line
   * that ends in "data.example." for an address only once it has a path */
  for (size_t u = 0; u < r->n_urls; u++)
    for (size_t k = bare_host_end(r, u); k + 1 < r->url_to[u]; k++) {
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

void ah_rich_put_inlines(rich *r, const ah_node *parent) {
  for (const ah_node *c = parent->first; c; c = c->next) {
    size_t start = r->text.len;
    switch (c->type) {
    case AH_NODE_TEXT:
      put_text(r, c->as.literal);
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
      snprintf(num, sizeof num, "%d", c->as.note.number);
      if (r->n_markers == r->cap_markers) {
        r->cap_markers = r->cap_markers ? r->cap_markers * 2 : 8;
        r->marker_at = ah_xrealloc(r->marker_at, r->cap_markers * sizeof *r->marker_at);
        r->marker_note = ah_xrealloc(r->marker_note, r->cap_markers * sizeof *r->marker_note);
      }
      r->marker_at[r->n_markers] = (int)r->text.len;
      r->marker_note[r->n_markers++] = c->as.note.number;
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
      ah_rich_put_inlines(r, c);
      add_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
      break;
    case AH_NODE_ONDERWERP:
      ah_rich_put_inlines(r, c);
      add_attr(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
      break;
    default:
      ah_rich_put_inlines(r, c);
      break;
    }
  }
}

/* ---- over-long words ------------------------------------------------------ */

enum {
  LONG_WORD = 44, /* characters: at DejaVu's widest Latin glyph (about 1 em) no
                     longer run fits the column, so a longer one must break */
  CHUNK = 8       /* characters between the break points put into it */
};

/* A character a run of a word is made of: not a space or a place where
 * the line may already break or must not (joiners, hyphens, dashes, "/"). */
static bool in_run(gunichar c) {
  return c != ' ' && c != 0xA0 && c != 0x202F && c != 0x200B && c != 0x2060 && c != 0xAD && c != '-' && c != '/' &&
         c != 0x2013 && c != 0x2014 && !g_unichar_ismark(c);
}

/* Bytes no break point goes before: the digits of markers, addresses (the
 * reader glues an address by its own rules). */
static bool *protected_bytes(const rich *r) {
  bool *keep = ah_xcalloc(r->text.len + 1, sizeof *keep);
  for (size_t m = 0; m < r->n_markers; m++)
    for (size_t i = (size_t)r->marker_at[m]; i < r->text.len && r->text.data[i] >= '0' && r->text.data[i] <= '9'; i++)
      keep[i] = true;
  for (size_t u = 0; u < r->n_urls; u++)
    for (size_t i = r->url_from[u]; i < r->url_to[u] && i < r->text.len; i++) keep[i] = true;
  return keep;
}

/* Where the break points go: every CHUNK characters inside a run longer
 * than LONG_WORD, in byte offsets of the text as it is; and each such run
 * as a pair of offsets, start and end. */
static void chunk_points(const rich *r, ah_ints *at, ah_ints *runs) {
  bool *keep = protected_bytes(r);
  const char *t = r->text.data;
  size_t i = 0;
  while (i < r->text.len) {
    size_t start = i, chars = 0;
    while (i < r->text.len && !keep[i] && in_run(g_utf8_get_char(t + i))) i = (size_t)(g_utf8_next_char(t + i) - t), chars++;
    if (chars > LONG_WORD) {
      ah_ints_push(runs, (int)start);
      ah_ints_push(runs, (int)i);
      for (size_t k = start, n = 0; k < i; k = (size_t)(g_utf8_next_char(t + k) - t), n++)
        if (n && n % CHUNK == 0) ah_ints_push(at, (int)k);
    }
    if (i == start) i = (size_t)(g_utf8_next_char(t + i) - t);
  }
  free(keep);
}

/* How many of the n sorted points lie before offset (or at it, with `at`). */
static size_t points_before(const ah_ints *pts, size_t offset, bool at) {
  size_t lo = 0, hi = pts->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if ((size_t)pts->items[mid] < offset || (at && (size_t)pts->items[mid] == offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A word too long for a line breaks only where a soft hyphen was put, in
 * one pass: there Pango draws a hyphen that the PDF's text gives as U+00AD,
 * which the reader removes, joining the lines into the one word (a break
 * anywhere else would read back as a space).  Pango then shapes the word a
 * line at a time instead of re-shaping the rest of it after every line,
 * which took time growing with the square of its length. */
static void break_long_words(rich *r) {
  static const char SHY[] = "\xC2\xAD";
  ah_ints at = {0}, runs = {0};
  chunk_points(r, &at, &runs);
  ah_buf out = {0};
  size_t from = 0;
  for (size_t i = 0; i < at.n; i++) {
    ah_buf_put(&out, r->text.data + from, (size_t)at.items[i] - from);
    ah_buf_put(&out, SHY, 2);
    from = (size_t)at.items[i];
  }
  if (at.n) {
    ah_buf_put(&out, r->text.data + from, r->text.len - from);
    ah_buf_free(&r->text);
    r->text = out;
  }
  for (size_t i = at.n; i-- > 0;) pango_attr_list_update(r->attrs, at.items[i], 0, 2);
  /* each offset moves by two bytes per point before it */
  for (size_t m = 0; m < r->n_markers; m++) r->marker_at[m] += (int)(2 * points_before(&at, (size_t)r->marker_at[m], true));
  for (size_t u = 0; u < r->n_urls; u++) {
    r->url_from[u] += 2 * points_before(&at, r->url_from[u], false);
    r->url_to[u] += 2 * points_before(&at, r->url_to[u], false);
  }
  /* the hyphen at these breaks is drawn: Pango draws it only where hyphens are on */
  for (size_t i = 0; i + 1 < runs.n; i += 2) {
    PangoAttribute *a = pango_attr_insert_hyphens_new(TRUE);
    a->start_index = (guint)(runs.items[i] + 2 * (int)points_before(&at, (size_t)runs.items[i], false));
    a->end_index = (guint)(runs.items[i + 1] + 2 * (int)points_before(&at, (size_t)runs.items[i + 1], false));
    pango_attr_list_insert(r->attrs, a);
  }
  ah_ints_free(&at);
  ah_ints_free(&runs);
}

PangoLayout *ah_rich_layout(cairo_t *cr, rich *r, const char *family, double width, bool bold) {
  PangoLayout *lay = pango_cairo_create_layout(cr);
  PangoFontDescription *fd = ah_pdf_font(family, r->size, bold, false);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
  pango_attr_list_insert(r->attrs, pango_attr_insert_hyphens_new(FALSE));
  limit_breaks(r);
  break_long_words(r);
  pango_layout_set_text(lay, r->text.data ? r->text.data : "", (int)r->text.len);
  pango_layout_set_attributes(lay, r->attrs);
  return lay;
}

