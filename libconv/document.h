/* document.h — the document object behind the public ah_doc. */
#ifndef AHCONV_DOCUMENT_H
#define AHCONV_DOCUMENT_H

#include "docinfo.h"
#include "flow.h"
#include "node.h"

/* The dates the omschrijving sentences carry, as ISO strings ("" if none). */
typedef struct {
  char sent[11];     /* ingezonden: the question's first date */
  char received[11]; /* ontvangen: the first date of an answer or notice */
} ah_dates;

struct ah_doc {
  ah_node *root;
  ah_docmeta meta;
  char *kamer_code, *vergaderjaar; /* meta's kamer and session as the API spells them */
  ah_dates dates;
  ah_losses losses; /* what the rendition printed that the tree does not hold */
  char *format, *source_name, *sha256;
  unsigned char *pdf; /* AH_OPT_POSITIONS: the PDF rendition's bytes, for the report's page images */
  size_t pdf_len;
  ah_docinfo info; /* the omschrijvingen's metadata for the typed getters */
  int options;     /* the AH_OPT_ALL_OPEN bits given at open */
  char *record_path; /* the metadata file the registratie came from; NULL: none, or the rendition's own */
  int file_page_first, file_page_last; /* one document of a bundle: its pages in the file; 0: the whole file */
};

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

/* meta's id, kamer, session or number changed: what the id says fills the
 * rest, and the API's spellings are made anew. */
void ah_doc_meta_changed(ah_doc *doc);
/* Looks for the publisher's metadata record beside the rendition at path
 * (registratie.c): X.metadata.xml or X.metadata_owms.xml next to X.pdf,
 * X.html, X.xml (also .gz), or metadata/metadata.xml in the publisher's
 * folder layout (…/<id>/<n>/{pdf,html,xml}/).  The first readable record
 * for this publication is attached; none found leaves doc as it is. */
void ah_doc_find_metadata_file(ah_doc *doc, const char *path);

#endif
