/* document.h — the document object behind the public ah_doc. */
#ifndef AHCONV_DOCUMENT_H
#define AHCONV_DOCUMENT_H

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
  char *record_path; /* the metadata file the registratie came from; NULL: none, or the rendition's own */
};

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
