/* source_pdf.h — PDF bytes to printed lines (source_pdf.c). */
#ifndef AHCONV_SOURCE_PDF_H
#define AHCONV_SOURCE_PDF_H

#include "flow.h"

/* Every printed line with its page, box, baseline, size and styled spans;
 * characters no font can name are U+FFFD, each word holding one added to
 * *losses.  Errors: AH_ERROR_DAMAGED, AH_ERROR_ENCRYPTED.  On success the
 * caller frees *out with ah_lines_free. */
int ah_source_pdf(const void *data, size_t len, ah_lines *out, ah_losses *losses, ah_error *err);

/* A copy of the PDF in which every page is displayed upright (a turned
 * page's /Rotate set against its turn, page_turn.c), so that its page
 * images match the boxes ah_source_pdf gives; the bytes as they are when
 * every page is upright.  The caller frees it. */
unsigned char *ah_pdf_upright_bytes(const void *data, size_t len, size_t *out_len);

#endif
