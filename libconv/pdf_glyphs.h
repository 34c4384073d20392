/* pdf_glyphs.h — fonts' character maps checked against their glyph names
 * and repaired (pdf_glyphs.c). */
#ifndef AHCONV_PDF_GLYPHS_H
#define AHCONV_PDF_GLYPHS_H

#include "flow.h"

/* A copy of the PDF whose contradicting ToUnicode maps are repaired
 * (caller frees; *out_len its length), or NULL when nothing needs it or
 * the file cannot be rewritten (then the original is read as it is). */
unsigned char *ah_pdf_glyphs_repair(const unsigned char *pdf, size_t len, size_t *out_len);

/* Each word of a page's text holding U+FFFD (a drawn glyph nobody can
 * read) as an AH_LOST_GLYPH loss of that page (1-based). */
void ah_pdf_glyphs_losses(const char *text, int page, ah_losses *losses);

#endif
