/* marker_seat.h — raised note markers the text layer set apart from the
 * line they were printed in, put back into it (marker_seat.c). */
#ifndef AHCONV_MARKER_SEAT_H
#define AHCONV_MARKER_SEAT_H

#include "pdf_glyph.h"

#include <stddef.h>

/* gs[0..n) is a page's glyphs in the text layer's order, its lines starting
 * at line_start.  A line of small raised digits only (a note marker, "3"),
 * standing raised within another line of larger type, right after one of
 * its glyphs and before the next, is moved into that line at its place. */
void ah_seat_markers(glyph *gs, size_t n);

#endif
