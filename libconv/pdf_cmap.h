/* pdf_cmap.h — ToUnicode CMaps read into a table and written back
 * (pdf_cmap.c). */
#ifndef AHCONV_PDF_CMAP_H
#define AHCONV_PDF_CMAP_H

#include "buffer.h"

/* text[code]: the UTF-8 the code stands for, NULL when the map has none. */
typedef struct {
  char **text;
  size_t n; /* 256 for 1-byte codes, 65536 for 2-byte codes */
} ah_cmap;

/* Reads a CMap whose codes are `width` bytes (1 or 2), keeping the codes
 * below `codes` (0: all the width allows; a font's codes past its last
 * glyph draw nothing).  0, or -1 (nothing to free) when the map uses what
 * this reader does not follow. */
int ah_cmap_read(const unsigned char *data, size_t len, int width, size_t codes, ah_cmap *m);
void ah_cmap_free(ah_cmap *m);
/* Appends a ToUnicode CMap holding every entry of m to out. */
void ah_cmap_write(const ah_cmap *m, int width, ah_buf *out);

#endif
