/* document.h — the document object behind the public ah_doc.  Only
 * document.c knows its fields; the rest of the library reads a document
 * through the public getters and these. */
#ifndef AHCONV_DOCUMENT_H
#define AHCONV_DOCUMENT_H

#include "docinfo.h"
#include "flow.h"
#include "node.h"
#include "reader.h"

/* What the rendition printed about the publication, with the metadata
 * record attached to the document (from the rendition or a file). */
const ah_docmeta *ah_doc_meta(const ah_doc *doc);
/* The omschrijvingen's metadata gathered at open (docinfo.c). */
const ah_docinfo *ah_doc_info(const ah_doc *doc);
/* AH_OPT_POSITIONS: the PDF rendition's bytes, kept for the report's page
 * images; NULL otherwise. */
const unsigned char *ah_doc_pdf_bytes(const ah_doc *doc, size_t *len);

/* A clean PDF read from its embedded XML: the PDF's bytes, so verify can
 * read its pages too; NULL for every other document. */
const unsigned char *ah_doc_embedded_pdf(const ah_doc *doc, size_t *len);

/* The same document as another rendition would give it: the tree `root`
 * (not owned), bron's formaat `format` with `pages` pages and no file name
 * or checksum; everything else shared with doc.  For the XML a clean PDF
 * carries of itself.  Freed with ah_doc_view_free, which frees nothing
 * shared. */
ah_doc *ah_doc_view(const ah_doc *doc, ah_node *root, const char *format, int pages);
void ah_doc_view_free(ah_doc *view);

/* The document a reading gives, as document.c assembles every rendition's
 * (the reading's parts are taken; the caller still frees r): NULL with err
 * set when its flow holds no Aanhangsel. */
ah_doc *ah_doc_from_reading(ah_reading *r, const char *format, ah_error *err);

/* Checks the option bits of a public call against its mask: 0, or
 * AH_ERROR_USAGE with err set (naming the function). */
int ah_check_options(int options, int allowed, const char *function, ah_error *err);
/* Clears *err (may be NULL) to AH_OK and an empty message. */
void ah_error_clear(ah_error *err);
/* The checks every renderer makes before it starts: a document, known
 * option bits; 0 or AH_ERROR_USAGE with err set.  *effective gets the
 * options with those given at open added. */
int ah_render_begin(const ah_doc *doc, int options, const char *function, int *effective, ah_error *err);
/* The checks of every ah_write_*_file, then the render function's bytes
 * written atomically (gzip for ".gz"); the ah_status result. */
typedef char *(*ah_render_fn)(const ah_doc *doc, int options, size_t *len, ah_error *err);
int ah_write_rendered(const ah_doc *doc, const char *path, int options, ah_render_fn render, ah_error *err);

#endif
