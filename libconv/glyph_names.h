/* glyph_names.h — a glyph name's text (glyph_names.c). */
#ifndef AHCONV_GLYPH_NAMES_H
#define AHCONV_GLYPH_NAMES_H

#include <stddef.h>

/* The text the glyph `name` draws, in UTF-8 into out (cap bytes, NUL
 * ended); its length, or 0 when the name is not reliable (unknown,
 * ".notdef", "g123"-style) or the text does not fit. */
size_t ah_glyph_name_text(const char *name, char *out, size_t cap);

#endif
