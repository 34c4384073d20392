/* pdf_embed.h — the normalized XML inside a clean PDF: made for writing,
 * found and checked for reading (pdf_embed.c). */
#ifndef AHCONV_PDF_EMBED_H
#define AHCONV_PDF_EMBED_H

#include "document.h"

#include <qpdf/qpdf-c.h>

/* The XML the clean PDF carries: the document's, with bron naming a PDF of
 * `pages` pages and the pagina attributes set to the clean PDF's pages
 * (section_pages: first and last page of each vraag, antwoord and mededeling
 * in order; note_pages: the page of each note in order).  Caller frees;
 * NULL with err set on failure. */
char *ah_pdf_embedded_xml(const ah_doc *doc, const ah_ints *section_pages, const int *note_pages, size_t n_notes,
                          int pages, size_t *len, ah_error *err);

/* Reads the tree, metadata and dates of a clean PDF from its embedded XML
 * when that matches (pdf_embed.c says when): 0; else -1, and the caller
 * frees what was built below root and reads the pages instead. */
int ah_pdf_read_embedded(const unsigned char *pdf, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates);

/* A stream's bytes (caller frees): unfiltered or Flate (what qpdf and most
 * writers write), inflated here under the inflation cap; NULL for other
 * filters, decode parameters, a broken stream or one past the cap. */
char *ah_qpdf_stream_bytes(qpdf_data q, qpdf_oh stream, size_t *len);

#endif
