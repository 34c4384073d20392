/* pdf_structure.h — the clean PDF's structure tree from the typesetter's
 * record, written into cairo's file with libqpdf (pdf_structure.c). */
#ifndef AHCONV_PDF_STRUCTURE_H
#define AHCONV_PDF_STRUCTURE_H

#include "buffer.h"
#include "pdf_tags.h"

#include <qpdf/qpdf-c.h>

/* Replaces cairo's flat structure tree of the open file by the logical one;
 * page furniture becomes artifacts.  0, or -1 with err set. */
int ah_pdf_structure(qpdf_data q, const ah_tags *tags, ah_error *err);

#endif
