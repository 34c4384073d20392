/* pdf_finish.h — cairo's PDF rewritten by libqpdf into the clean PDF:
 * structure tree, catalog, XMP, the embedded XML (pdf_finish.c). */
#ifndef AHCONV_PDF_FINISH_H
#define AHCONV_PDF_FINISH_H

#include "buffer.h"
#include "pdf_tags.h"
#include "pdf_xmp.h"

/* A file to embed: the document's XML. */
typedef struct {
  const char *name; /* "ah-tk-20232024-2210.xml" */
  const char *data;
  size_t len;
} ah_pdf_attachment;

/* The finished PDF (caller frees), or NULL with err set.  meta's producer
 * is filled in here; xml may be NULL (nothing embedded). */
char *ah_pdf_finish(const char *pdf, size_t len, const ah_tags *tags, const ah_pdf_meta *meta,
                    const ah_pdf_attachment *xml, size_t *out_len, ah_error *err);

#endif
