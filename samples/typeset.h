/* typeset.h — the typesetting core shared by samples/mksample.c (the one
 * bundled sample) and tests/gen/ahgen.c (seeded test documents): the official
 * page geometry, run measuring and drawing with Pango on a cairo PDF surface,
 * and greedy line breaking with explicit hyphenation points.
 *
 * Header-only (static functions), so that mksample.c still builds with the
 * one-line cc command in samples/README.md.
 *
 * Markup in the content strings (none of these characters occurs in the text):
 *   *bold*  _italic_  ^1 note marker  ~2 subscript digit
 *   ^,  a raised comma and space between two markers ("¹˒ ²", older renditions)
 *   =  hyphenation point: invisible unless the word breaks there, then "-"
 *   |  break point that adds nothing (URLs, and after a real hyphen)
 *   {  }  around a web address: invisible (the generator writes <url> there)
 */
#ifndef AH_TYPESET_H
#define AH_TYPESET_H

#include <cairo-pdf.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Page geometry in points, y from the top of the (crop) page; all values are
 * baselines, converted from the official PDFs' text matrices. */
#define PAGE_W 558.425
#define PAGE_H 771.024
#define LEFT 36.85        /* masthead and colophon */
#define COL 202.68        /* body, labels, note numbers, footer */
#define COL_R 521.56      /* right edge of the longest official lines */
#define BULLET_IN 216.85  /* text of a bulleted item (5 mm hanging indent) */
#define NOTE_X 208.91
#define BODY 8.5266
#define PITCH 9.5813      /* 1.1237 × body size, the official leading */
#define MARK 5.49         /* note markers and sub/superscripts */
#define MARK_UP 3.49
#define SUB_DOWN 1.4
#define NOTE 6.9279
#define NOTE_PITCH 9.0425
#define NOTE_NUM 4.49
#define NOTE_NUM_UP 2.74
#define FIRST_P1 297.33   /* first body baseline, page 1 */
#define FIRST_PN 35.43    /* first body baseline, later pages */
#define LAST_NOTE 658.2   /* notes are anchored to the bottom: last note line */
#define BODY_MAX 658.3    /* lowest body baseline on a page without notes */
#define NOTE_CLEAR 21.27  /* body baseline to first note baseline, minimum */
#define OMS_GAP 5.67      /* extra space between the two omschrijvingen */
#define FOOT_Y 737.0

enum { ST_BOLD = 1, ST_ITAL = 2 };

static cairo_t *cr;            /* the one page surface being drawn */
static PangoLayout *lay;       /* reused for every run */

/* Where runs go.  cairo writes each glyph width into the PDF truncated to
 * 1/1000 em, and PDF readers (poppler included) advance by those widths; but
 * cairo itself tracks exact advances and positions a run that keeps the text
 * matrix relative to that.  So two pens: xp, where readers see the text, and
 * xc, cairo's idea of it; they meet again whenever a size change makes cairo
 * emit an absolute Tm.  Drawing same-size runs at xc and measuring with xp
 * puts a note marker exactly after its word as poppler sees it. */
typedef struct { double xp, xc, last, base; int draw; } Pen;

static inline void emit(Pen *p, const char *t, size_t n, double size, double shift, int style)
{
  if (!n) return;
  int psz = (int)(size * PANGO_SCALE);
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, "DejaVu Sans");
  pango_font_description_set_weight(fd, style & ST_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(fd, style & ST_ITAL ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(fd, psz);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_text(lay, t, (int)n);
  PangoLayoutLine *line = pango_layout_get_line_readonly(lay, 0);
  double w = 0;
  for (GSList *r = line->runs; r; r = r->next) {
    PangoGlyphItem *gi = r->data;
    hb_face_t *face = hb_font_get_face(pango_font_get_hb_font(gi->item->analysis.font));
    hb_font_t *raw = hb_font_create(face);      /* scale = font units */
    long upem = (long)hb_face_get_upem(face);
    for (int i = 0; i < gi->glyphs->num_glyphs; i++)
      w += (double)(hb_font_get_glyph_h_advance(raw, gi->glyphs->glyphs[i].glyph) * 1000L / upem)
           / 1000 * psz / PANGO_SCALE;
    hb_font_destroy(raw);
  }
  PangoRectangle lr;
  pango_layout_line_get_extents(line, NULL, &lr);
  if (size != p->last) p->xc = p->xp, p->last = size;
  if (p->draw) {
    cairo_move_to(cr, p->xc, p->base - shift);
    pango_cairo_show_layout_line(cr, line);
  }
  p->xp += w;
  p->xc += (double)lr.width / PANGO_SCALE;
}

/* Measures (and with draw set, paints) a markup string starting at x and
 * returns its width; *style carries bold/italic across lines.  Each run is
 * shaped on its own so a marker can sit inside a word at its own size and
 * height without Pango's line layout moving anything. */
static inline double walk(const char *s, size_t n, double x, double base, double size,
                   int *style, int draw)
{
  Pen p = {x, x, size, base, draw};
  char run[1024];
  size_t rl = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '*' || c == '_' || c == '^' || c == '~') {
      emit(&p, run, rl, size, 0, *style);
      rl = 0;
    }
    if (c == '*') *style ^= ST_BOLD;
    else if (c == '_') *style ^= ST_ITAL;
    else if (c == '^' || c == '~') {
      size_t j = i + 1;
      while (j < n && s[j] >= '0' && s[j] <= '9') j++;
      if (c == '^' && j == i + 1 && j < n && s[j] == ',') {
        emit(&p, ", ", 2, MARK, MARK_UP, *style & ~ST_BOLD);
        i = j;
        continue;
      }
      emit(&p, s + i + 1, j - i - 1, MARK, c == '^' ? MARK_UP : -SUB_DOWN, *style & ~ST_BOLD);
      i = j - 1;
    } else if (c != '=' && c != '|' && c != '{' && c != '}' && rl < sizeof run) run[rl++] = c;
  }
  emit(&p, run, rl, size, 0, *style);
  return p.xp - x;
}

typedef struct { char text[600]; int style; } Line;

/* Greedy line breaking as the official typesetter does it: fill the line,
 * and break the first word that does not fit at its last hyphenation point
 * that still fits.  Returns the number of lines written to out. */
/* A line into its slot, cut at the slot's size (a line never comes near it). */
static inline void copy_line(char *dst, size_t size, const char *src)
{
  size_t n = strlen(src);
  if (n >= size) n = size - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

static inline int break_text(const char *src, double width, double size, Line *out, int max)
{
  int nl = 0, style = 0;
  char cur[600] = "";
  const char *p = src;
  char word[600];
  size_t wl = 0;
  for (;;) {
    if (!wl) {                          /* next word from the source */
      while (*p == ' ') p++;
      if (!*p) break;
      const char *e = strchr(p, ' ');
      if (!e) e = p + strlen(p);
      wl = (size_t)(e - p);
      memcpy(word, p, wl), word[wl] = 0, p = e;
    }
    char cand[1300];
    int st = style;
    snprintf(cand, sizeof cand, "%s%s%s", cur, *cur ? " " : "", word);
    if (walk(cand, strlen(cand), 0, 0, size, &st, 0) <= width) {
      strcpy(cur, cand), wl = 0;
      continue;
    }
    size_t k;                           /* try break points, last first */
    for (k = wl; k-- > 0;) {
      if (word[k] != '=' && word[k] != '|') continue;
      st = style;
      snprintf(cand, sizeof cand, "%s%s%.*s%s", cur, *cur ? " " : "", (int)k, word,
               word[k] == '=' ? "-" : "");
      if (walk(cand, strlen(cand), 0, 0, size, &st, 0) <= width) break;
    }
    if (k == (size_t)-1 && !*cur) {     /* unbreakable and alone: overflow */
      snprintf(cand, sizeof cand, "%s", word);
      wl = 0;
    } else if (k != (size_t)-1) {
      memmove(word, word + k + 1, wl - k), wl -= k + 1;
    } else {
      snprintf(cand, sizeof cand, "%s", cur);
    }
    if (nl < max) {
      copy_line(out[nl].text, sizeof out[nl].text, cand);
      out[nl++].style = style;
    }
    walk(cand, strlen(cand), 0, 0, size, &style, 0);
    cur[0] = 0;
  }
  if (*cur && nl < max) {
    copy_line(out[nl].text, sizeof out[nl].text, cur);
    out[nl++].style = style;
  }
  return nl;
}

static inline void text_at(const char *markup, double x, double base, double size)
{
  int st = 0;
  walk(markup, strlen(markup), x, base, size, &st, 1);
}

/* DejaVu is wider than the official Univers; lines whose official breaks
 * must be kept are narrowed horizontally (the official PDFs scale glyphs the
 * same way), which leaves the font size poppler reports unchanged. */
static inline void text_fit(const char *markup, double x, double base, double size, double maxw)
{
  int st = 0;
  double w = walk(markup, strlen(markup), 0, 0, size, &st, 0);
  cairo_save(cr);
  cairo_translate(cr, x, base);
  if (w > maxw) cairo_scale(cr, maxw / w, 1);
  text_at(markup, 0, 0, size);
  cairo_restore(cr);
}

static inline void hrule(double x0, double x1, double y)
{
  cairo_set_line_width(cr, 0.283);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}


/* Unhinted, unrounded metrics: widths must not depend on a pixel grid.
 * Ligatures off so that every glyph maps back to one character; kerning
 * off so that cairo writes no TJ corrections and the pens above hold. */
typedef struct { PangoContext *ctx; cairo_font_options_t *fo; PangoAttrList *al; } ts_fonts;

static inline void ts_fonts_init(ts_fonts *f)
{
  f->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
  f->fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(f->fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(f->fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(f->ctx, f->fo);
  pango_context_set_round_glyph_positions(f->ctx, FALSE);
  lay = pango_layout_new(f->ctx);
  f->al = pango_attr_list_new();
  pango_attr_list_insert(f->al, pango_attr_font_features_new("liga=0, clig=0, kern=0"));
  pango_layout_set_attributes(lay, f->al);
}

static inline void ts_fonts_done(ts_fonts *f)
{
  pango_attr_list_unref(f->al);
  g_object_unref(lay), g_object_unref(f->ctx);
  cairo_font_options_destroy(f->fo);
}

#endif
