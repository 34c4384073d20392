/* textlines.h — printed lines of an HTML preview back into a flow (textlines.c). */
#ifndef AHCONV_TEXTLINES_H
#define AHCONV_TEXTLINES_H

#include "flow.h"

/* Blocks holding "\n" line ends (a page of printed lines) are rebuilt into
 * paragraphs, labels and notes, the furniture dropped and read into *meta.
 * A flow without line ends is left as it is. */
void ah_text_lines(ah_flow *flow, ah_docmeta *meta);

#endif
