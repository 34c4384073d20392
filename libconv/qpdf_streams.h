/* qpdf_streams.h — a PDF stream's bytes under the inflation cap
 * (qpdf_streams.c). */
#ifndef AHCONV_QPDF_STREAMS_H
#define AHCONV_QPDF_STREAMS_H

#include "buffer.h"

#include <qpdf/qpdf-c.h>

/* The stream's bytes (caller frees; *len their count): unfiltered or Flate,
 * inflated under AH_MAX_INFLATED_BYTES.  NULL for anything else: not a
 * stream, another filter, decode parameters, broken data, past the cap.
 * The caller holds the qpdf turn (init.h). */
char *ah_qpdf_stream_bytes(qpdf_data q, qpdf_oh stream, size_t *len);

#endif
