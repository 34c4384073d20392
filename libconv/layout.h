/* layout.h — printed lines to the flow (layout.c). */
#ifndef AHCONV_LAYOUT_H
#define AHCONV_LAYOUT_H

#include "flow.h"

/* The body's paragraphs, tables and footnotes in reading order, the page
 * furniture read into *meta and left out, every line that went nowhere into
 * *losses.  Fails (AH_ERROR_NOT_AANHANGSEL) only when there is no text at
 * all.  The caller frees *flow either way. */
int ah_layout(const ah_lines *lines, ah_flow *flow, ah_docmeta *meta, ah_losses *losses, ah_error *err);

/* The pages (0-based, ascending) where a document starts: page 0, and
 * every later page that opens with a masthead of its own (a file that
 * holds several documents, a bundle).  Returns their number; the caller
 * frees *starts. */
size_t ah_layout_document_starts(const ah_lines *lines, int **starts);

#endif
