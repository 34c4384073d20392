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
  unsigned char *pdf; /* AH_OPT_POSITIONS: the PDF rendition's bytes, for the report's page images */
  size_t pdf_len;
};

#endif
