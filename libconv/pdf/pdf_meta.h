/* pdf_meta.h — the clean PDF's metadata values, one for the information
 * dictionary and the XMP alike (pdf_meta.c). */
#ifndef AHCONV_PDF_META_H
#define AHCONV_PDF_META_H

#include "document.h"

/* One value each for the information dictionary and the XMP; NULL or ""
 * when absent. */
typedef struct {
  char *title;    /* "Aanhangsel van de Handelingen, Tweede Kamer 2023–2024, nr. 2210: onderwerp" */
  char *author;   /* the askers, "Jansen, De Vries" */
  char *subject;  /* the omschrijvingen */
  char *keywords; /* "Kamervragen; ah-tk-20232024-2210; Minister van …" */
  char *creator;  /* "ahconv 0.1.0" */
  char *producer; /* the libraries that wrote the file */
  char *date;     /* the document's own date, "2024-07-23T00:00:00Z" */
  char *id;       /* the publication id */
} ah_pdf_meta;

void ah_pdf_meta_free(ah_pdf_meta *m);

/* The values of a document (producer left NULL: pdf_finish.c knows it). */
void ah_pdf_meta_of(const ah_doc *d, ah_pdf_meta *m);
void ah_pdf_meta_free(ah_pdf_meta *m);

#endif
