/* inlines.h — text into inline nodes (inlines.c). */
#ifndef AHCONV_INLINES_H
#define AHCONV_INLINES_H

#include "flow.h"
#include "node.h"

/* Appends text to a paragraph-like node, web addresses as URL nodes. */
void ah_append_inline_text(ah_node *parent, const char *text);
/* Spans of one block become inline nodes under `para`: a raised number that
 * names one of `notes` (or is a known marker) becomes a NOTE_REF, other
 * raised or lowered text SUP / SUB; white space is collapsed across spans. */
void ah_add_inlines(ah_node *para, const ah_spans *spans, const ah_ints *notes);

#endif
