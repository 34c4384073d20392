/* pdf_content.h — page furniture marked as artifacts in a content stream
 * (pdf_content.c). */
#ifndef AHCONV_PDF_CONTENT_H
#define AHCONV_PDF_CONTENT_H

#include <stddef.h>

typedef struct {
  long mcid;              /* a marked-content id on the page */
  const char *tag;        /* the structure type of its element ("P"), or NULL: */
  const char *properties; /* an artifact's properties: "/Type /Pagination /Subtype /Footer" */
} ah_content_mark;

/* The content with the BDC operator of each listed MCID rewritten: an
 * element's content tagged with the element's type ("/P << /MCID 3 >>
 * BDC"), an artifact's as "/Artifact << properties >> BDC"; *untagged counts
 * painting operators outside any marked content (ahconv's own pages have
 * none).  Caller frees. */
char *ah_pdf_mark_content(const char *content, size_t len, const ah_content_mark *marks, size_t n_marks,
                          size_t *out_len, size_t *untagged);

#endif
