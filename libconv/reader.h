/* reader.h — the reader contract.
 *
 * Every rendition has one reader: a function from the file's bytes to an
 * ah_reading — the flow of blocks the structure stage turns into the tree,
 * the facts the rendition prints about the publication (ah_docmeta, with
 * the metadata record where the rendition carries one), and what it
 * printed that no block holds (ah_losses, which verify reports).  Readers
 * know nothing of ah_doc; document.c picks the reader by the content and
 * assembles the document from the reading.
 *
 * ahconv's own XML (a stored XML, or the XML a clean PDF carries) already
 * is the tree: its readers give the tree and its dates instead of a flow.
 */
#ifndef AHCONV_READER_H
#define AHCONV_READER_H

#include "flow.h"
#include "node.h"

typedef struct {
  ah_flow flow;     /* for the structure stage */
  ah_node *tree;    /* ahconv's own XML: the document root, else NULL */
  ah_dates dates;   /* with tree: the dates its omschrijvingen carry */
  ah_docmeta meta;
  ah_losses losses;
} ah_reading;

void ah_reading_free(ah_reading *r);

/* Each reader: 0 with *out filled, or nonzero with err set (its code an
 * ah_status).  *out starts zeroed; the caller frees it with
 * ah_reading_free either way. */
typedef int (*ah_reader)(const unsigned char *data, size_t len, ah_reading *out, ah_error *err);

/* PDF: the printed lines (source_pdf.c) laid out (layout.c); a file of
 * several documents is refused with AH_ERROR_BUNDLE listing them
 * (bundle.c gives each). */
int ah_read_pdf(const unsigned char *data, size_t len, ah_reading *out, ah_error *err);
/* HTML: the official page, other markup, or a pdftohtml preview (source_html.c). */
int ah_read_html(const unsigned char *data, size_t len, ah_reading *out, ah_error *err);
/* The publisher's XML (source_xml.c). */
int ah_read_pubxml(const unsigned char *data, size_t len, ah_reading *out, ah_error *err);
/* A clean PDF's embedded XML when the PDF vouches for it (source_embedded.c);
 * nonzero when it carries none that matches: then its pages are read. */
int ah_read_embedded(const unsigned char *data, size_t len, ah_reading *out, ah_error *err);

#endif
