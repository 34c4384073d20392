/* report_pdf.h — the printed pages behind a findings report: the words
 * poppler reads inside a box, and a region of a page as a PNG. */
#ifndef AHCONV_REPORT_PDF_H
#define AHCONV_REPORT_PDF_H

#include "document.h"

typedef struct report_pdf report_pdf;

/* The PDF a document was opened from, when it kept its bytes
 * (AH_OPT_POSITIONS); NULL otherwise or when poppler cannot read it. */
report_pdf *ah_report_pdf_open(const ah_doc *doc);
void ah_report_pdf_close(report_pdf *p);

typedef struct {
  char *text;
  ah_box box;
} pdf_word;

typedef struct {
  pdf_word *items;
  size_t n, cap;
} pdf_words;

/* Appends the words printed inside `box` (a glyph counts when its centre is
 * inside, with a point of slack), in poppler's reading order. */
void ah_report_pdf_words(report_pdf *p, const ah_box *box, pdf_words *out);
void ah_pdf_words_free(pdf_words *w);

/* The region `crop` of its page (clamped to the page), rendered at `scale`
 * pixels per point, each of `marks` filled and outlined, each of `outlines`
 * outlined with a dashed line: a base64 PNG (caller frees), its size in
 * *width and *height; NULL when the page cannot be rendered. */
char *ah_report_pdf_png(report_pdf *p, const ah_box *crop, const ah_box *marks, size_t n_marks, const ah_box *outlines,
                     size_t n_outlines, double scale, int *width, int *height);

/* The page's size in points; false when there is no such page. */
bool ah_report_pdf_page_size(report_pdf *p, int page, double *width, double *height);

#endif
