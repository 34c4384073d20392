/* pdf_embed.h — the normalized XML inside a clean PDF, made for writing
 * (pdf_embed.c). */
#ifndef AHCONV_PDF_EMBED_H
#define AHCONV_PDF_EMBED_H

#include "document.h"

/* The XML the clean PDF carries: the document's, with bron naming a PDF of
 * `pages` pages and the pagina attributes set to the clean PDF's pages
 * (section_pages: first and last page of each vraag, antwoord and mededeling
 * in order; note_pages: the first and last page of each note in order, 2 × n_notes).  Caller frees;
 * NULL with err set on failure. */
char *ah_pdf_embedded_xml(const ah_doc *doc, const ah_ints *section_pages, const int *note_pages, size_t n_notes,
                          int pages, size_t *len, ah_error *err);

#endif
