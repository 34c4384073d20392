/* source_html.h — HTML bytes to the flow (source_html.c). */
#ifndef AHCONV_SOURCE_HTML_H
#define AHCONV_SOURCE_HTML_H

#include "flow.h"

/* The page's blocks, its head meta and furniture into *meta, and text it
 * could not place (inside elements it does not take) into *losses.  A page
 * of printed lines (a pdftohtml preview) is rebuilt by textlines.c.  The
 * caller frees *out, *meta and *losses either way. */
int ah_source_html(const void *data, size_t len, ah_flow *out, ah_docmeta *meta, ah_losses *losses, ah_error *err);

#endif
