/* report_pdf.c — the printed pages behind a findings report.
 *
 * Takes: a document opened with AH_OPT_POSITIONS from a PDF (it kept the
 * bytes).  Gives: the words poppler reads inside a block's box, with their
 * boxes (the report marks the differing ones), and a region of a page
 * rendered by poppler onto a cairo image surface, as a base64 PNG with the
 * marks drawn on it.  Pages are opened once and their text kept.
 */
#include "report_pdf.h"

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  PopplerPage *page;
  bool read;                /* text and rects below are filled */
  char *text;               /* poppler_page_get_text */
  PopplerRectangle *rects;  /* one per character of text */
  guint n_rects;
} page_cache;

struct report_pdf {
  PopplerDocument *doc;
  page_cache *pages;
  int n_pages;
  int offset; /* one document of a bundle: the file's pages before its first */
};

report_pdf *ah_report_pdf_open(const ah_doc *doc) {
  size_t pdf_len;
  const unsigned char *pdf = doc ? ah_doc_pdf_bytes(doc, &pdf_len) : NULL;
  if (!pdf) return NULL;
  GBytes *bytes = g_bytes_new_static(pdf, pdf_len);
  GError *gerr = NULL;
  PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &gerr);
  g_bytes_unref(bytes);
  if (!pd) {
    g_clear_error(&gerr);
    return NULL;
  }
  report_pdf *p = ah_xcalloc(1, sizeof *p);
  p->doc = pd;
  p->n_pages = poppler_document_get_n_pages(pd);
  p->offset = ah_doc_file_page_first(doc) > 0 ? ah_doc_file_page_first(doc) - 1 : 0;
  p->pages = ah_xcalloc((size_t)(p->n_pages > 0 ? p->n_pages : 1), sizeof *p->pages);
  return p;
}

void ah_report_pdf_close(report_pdf *p) {
  if (!p) return;
  for (int i = 0; i < p->n_pages; i++) {
    if (p->pages[i].page) g_object_unref(p->pages[i].page);
    g_free(p->pages[i].text);
    g_free(p->pages[i].rects);
  }
  free(p->pages);
  g_object_unref(p->doc);
  free(p);
}

/* Page `page` (1-based, of the document), its text read; NULL past the end. */
static page_cache *page_at(report_pdf *p, int page) {
  if (p) page += p->offset;
  if (!p || page < 1 + p->offset || page > p->n_pages) return NULL;
  page_cache *c = &p->pages[page - 1];
  if (!c->page) c->page = poppler_document_get_page(p->doc, page - 1);
  if (!c->page) return NULL;
  if (!c->read) {
    c->read = true;
    c->text = poppler_page_get_text(c->page);
    if (!poppler_page_get_text_layout(c->page, &c->rects, &c->n_rects)) c->n_rects = 0;
  }
  return c;
}

bool ah_report_pdf_page_size(report_pdf *p, int page, double *width, double *height) {
  page_cache *c = page_at(p, page);
  if (!c) return false;
  poppler_page_get_size(c->page, width, height);
  return true;
}

static void push_word(pdf_words *w, const char *text, size_t len, const ah_box *box) {
  if (w->n == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 64;
    w->items = ah_xreallocarray(w->items, w->cap, sizeof *w->items);
  }
  w->items[w->n++] = (pdf_word){ah_strndup(text, len), *box};
}

static bool inside(const PopplerRectangle *r, const ah_box *b) {
  double cx = (r->x1 + r->x2) / 2, cy = (r->y1 + r->y2) / 2;
  return cx >= b->x0 - 1 && cx <= b->x1 + 1 && cy >= b->y0 - 1 && cy <= b->y1 + 1;
}

static bool is_space(gunichar ch) { return g_unichar_isspace(ch) || ch == 0xA0; }

void ah_report_pdf_words(report_pdf *p, const ah_box *box, pdf_words *out) {
  page_cache *c = page_at(p, box->page);
  if (!c || !c->text) return;
  ah_buf word = {0};
  ah_box wb = {box->page, 0, 0, 0, 0};
  const char *s = c->text;
  for (guint i = 0; *s; i++, s = g_utf8_next_char(s)) {
    gunichar ch = g_utf8_get_char(s);
    bool in = i < c->n_rects && inside(&c->rects[i], box);
    if (!in || is_space(ch)) {
      if (word.len) push_word(out, word.data, word.len, &wb);
      word.len = 0;
      continue;
    }
    const PopplerRectangle *r = &c->rects[i];
    if (!word.len) wb = (ah_box){box->page, r->x1, r->y1, r->x2, r->y2};
    wb.x0 = fmin(wb.x0, r->x1), wb.y0 = fmin(wb.y0, r->y1);
    wb.x1 = fmax(wb.x1, r->x2), wb.y1 = fmax(wb.y1, r->y2);
    ah_buf_put(&word, s, (size_t)(g_utf8_next_char(s) - s));
  }
  if (word.len) push_word(out, word.data, word.len, &wb);
  ah_buf_free(&word);
}

void ah_pdf_words_free(pdf_words *w) {
  for (size_t i = 0; i < w->n; i++) free(w->items[i].text);
  free(w->items);
  memset(w, 0, sizeof *w);
}

static cairo_status_t png_out(void *closure, const unsigned char *data, unsigned int len) {
  ah_buf_put(closure, (const char *)data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* The marks: a translucent fill and a firm outline with a line under the
 * words, so they read without colour too; outlines dashed. */
static void draw_marks(cairo_t *cr, const ah_box *marks, size_t n, const ah_box *outlines, size_t n_outlines) {
  for (size_t i = 0; i < n_outlines; i++) {
    const ah_box *b = &outlines[i];
    double dash[] = {3, 2};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgb(cr, 0.1, 0.3, 0.7);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, b->x0 - 2, b->y0 - 2, b->x1 - b->x0 + 4, b->y1 - b->y0 + 4);
    cairo_stroke(cr);
  }
  cairo_set_dash(cr, NULL, 0, 0);
  for (size_t i = 0; i < n; i++) {
    const ah_box *b = &marks[i];
    cairo_set_source_rgba(cr, 1.0, 0.8, 0.0, 0.35);
    cairo_rectangle(cr, b->x0 - 1, b->y0 - 1, b->x1 - b->x0 + 2, b->y1 - b->y0 + 2);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.75, 0.0, 0.0);
    cairo_set_line_width(cr, 1.0);
    cairo_rectangle(cr, b->x0 - 1, b->y0 - 1, b->x1 - b->x0 + 2, b->y1 - b->y0 + 2);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1.4);
    cairo_move_to(cr, b->x0 - 1, b->y1 + 2);
    cairo_line_to(cr, b->x1 + 1, b->y1 + 2);
    cairo_stroke(cr);
  }
}

char *ah_report_pdf_png(report_pdf *p, const ah_box *crop, const ah_box *marks, size_t n_marks, const ah_box *outlines,
                     size_t n_outlines, double scale, int *width, int *height) {
  double pw, ph;
  page_cache *c = page_at(p, crop->page);
  if (!c) return NULL;
  poppler_page_get_size(c->page, &pw, &ph);
  ah_box b = {crop->page, fmax(0, crop->x0), fmax(0, crop->y0), fmin(pw, crop->x1), fmin(ph, crop->y1)};
  if (b.x1 - b.x0 < 1 || b.y1 - b.y0 < 1) return NULL;
  int w = (int)ceil((b.x1 - b.x0) * scale), h = (int)ceil((b.y1 - b.y0) * scale);
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  cairo_translate(cr, -b.x0, -b.y0);
  poppler_page_render(c->page, cr);
  draw_marks(cr, marks, n_marks, outlines, n_outlines);
  cairo_destroy(cr);
  ah_buf png = {0};
  cairo_status_t st = cairo_surface_write_to_png_stream(s, png_out, &png);
  cairo_surface_destroy(s);
  char *out = NULL;
  if (st == CAIRO_STATUS_SUCCESS && png.len) {
    gchar *b64 = g_base64_encode((const guchar *)png.data, png.len);
    out = ah_strdup(b64);
    g_free(b64);
    *width = w;
    *height = h;
  }
  ah_buf_free(&png);
  return out;
}
