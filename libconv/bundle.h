/* bundle.h — a PDF file's documents, one or several (bundle.c). */
#ifndef AHCONV_BUNDLE_H
#define AHCONV_BUNDLE_H

#include "reader.h"

/* One document of the file: its reading (flow, facts, losses), and where
 * it stands in the file.  Its own pages count from 1 in the reading. */
typedef struct {
  ah_reading reading;
  int page_first, page_last; /* 1-based, in the file */
} ah_pdf_part;

/* Every document the PDF holds, in file order: one for an ordinary file,
 * one per masthead for a bundle.  0, or -1 with err set (the PDF reader's
 * errors, AH_ERROR_NOT_AANHANGSEL when a document has no text).  On
 * success the caller frees *parts with ah_pdf_parts_free. */
int ah_pdf_read_parts(const void *data, size_t len, ah_pdf_part **parts, size_t *n, ah_error *err);
void ah_pdf_parts_free(ah_pdf_part *parts, size_t n);

/* Sets err to AH_ERROR_BUNDLE naming the documents and their pages:
 * "holds 2 documents: ah-tk-20232024-1 (pages 1-3), ah-tk-20232024-2
 * (pages 4-6)"; past the message's room, "and N more". */
void ah_pdf_parts_refuse(const ah_pdf_part *parts, size_t n, ah_error *err);

#endif
