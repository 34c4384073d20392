/* pdf_embed.h — the normalized XML inside a clean PDF, found and checked
 * for reading (pdf_embed.c); pdf/pdf_embed_write.h makes it. */
#ifndef AHCONV_PDF_EMBED_H
#define AHCONV_PDF_EMBED_H

#include "document.h"

/* Reads the tree, metadata and dates of a clean PDF from its embedded XML
 * when that matches (pdf_embed.c says when): 0; else -1, and the caller
 * frees what was built below root and reads the pages instead. */
int ah_pdf_read_embedded(const unsigned char *pdf, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates);

#endif
