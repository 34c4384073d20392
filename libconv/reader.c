/* reader.c — the readers that are a composition of stages, and the
 * reading's release (reader.h).
 *
 * Takes: a rendition's bytes.  Gives: an ah_reading.  The PDF reader is two
 * stages (printed lines, then layout, per document: bundle.c), and refuses
 * a file of several documents (AH_ERROR_BUNDLE); the markup readers are one each and
 * are named here so that document.c sees a single contract.
 */
#include "reader.h"
#include "bundle.h"
#include "source_html.h"
#include "source_xml.h"

#include <string.h>

void ah_reading_free(ah_reading *r) {
  ah_flow_free(&r->flow);
  if (r->tree) ah_node_free_tree(r->tree);
  ah_docmeta_free(&r->meta);
  ah_losses_free(&r->losses);
  memset(r, 0, sizeof *r);
}

int ah_read_pdf(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  ah_pdf_part *parts;
  size_t n;
  if (ah_pdf_read_parts(data, len, &parts, &n, err) != 0) return -1;
  int rc = 0;
  if (n > 1) { /* a bundle is never read as one document */
    ah_pdf_parts_refuse(parts, n, err);
    rc = -1;
  } else {
    *out = parts[0].reading;
    memset(&parts[0].reading, 0, sizeof parts[0].reading);
  }
  ah_pdf_parts_free(parts, n);
  return rc;
}

int ah_read_html(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  return ah_source_html(data, len, &out->flow, &out->meta, &out->losses, err);
}

int ah_read_pubxml(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  return ah_source_xml(data, len, &out->flow, &out->meta, &out->losses, err);
}
