/* qpdf_streams.c — a stream of a PDF libqpdf has read in, its bytes out,
 * decoded here rather than by qpdf so that the inflation cap holds (qpdf
 * decodes a stream whole, however large it inflates).
 *
 * Takes: a qpdf stream handle.  Gives: its bytes, unfiltered or inflated
 * from Flate (what qpdf and most PDF writers write); nothing for other
 * filters.  Used by source_embedded.c (a clean PDF's XML and XMP) and
 * pdf_glyphs.c (fonts' character maps and programs).
 */
#include "qpdf_streams.h"
#include "caps.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

char *ah_qpdf_stream_bytes(qpdf_data q, qpdf_oh stream, size_t *len) {
  if (!qpdf_oh_is_stream(q, stream)) return NULL;
  qpdf_oh dict = qpdf_oh_get_dict(q, stream), filter = qpdf_oh_get_key(q, dict, "/Filter");
  if (qpdf_oh_is_array(q, filter) && qpdf_oh_get_array_n_items(q, filter) == 1)
    filter = qpdf_oh_get_array_item(q, filter, 0);
  bool flate = qpdf_oh_is_name_and_equals(q, filter, "/FlateDecode");
  if ((!flate && !qpdf_oh_is_null(q, filter)) || !qpdf_oh_is_null(q, qpdf_oh_get_key(q, dict, "/DecodeParms")))
    return NULL;
  unsigned char *raw = NULL;
  size_t raw_len = 0;
  QPDF_BOOL filtered;
  if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, &filtered, &raw, &raw_len) & QPDF_ERRORS) return NULL;
  if (!flate) {
    *len = raw_len;
    return (char *)raw;
  }
  ah_buf out = {0};
  z_stream z = {.next_in = raw, .avail_in = (uInt)raw_len};
  int rc = raw_len <= UINT_MAX && inflateInit(&z) == Z_OK ? Z_OK : Z_DATA_ERROR;
  bool started = rc == Z_OK;
  while (rc == Z_OK && out.len <= AH_MAX_INFLATED_BYTES) {
    unsigned char chunk[16384];
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH); /* Z_BUF_ERROR: the input ended early */
    ah_buf_put(&out, (const char *)chunk, sizeof chunk - z.avail_out);
  }
  if (started) inflateEnd(&z);
  free(raw);
  if (rc != Z_STREAM_END || out.len > AH_MAX_INFLATED_BYTES) {
    ah_buf_free(&out);
    return NULL;
  }
  *len = out.len;
  return ah_buf_steal(&out);
}

