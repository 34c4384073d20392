/* reader.c — the readers that are a composition of stages, and the
 * reading's release (reader.h).
 *
 * Takes: a rendition's bytes.  Gives: an ah_reading.  The PDF reader is two
 * stages (printed lines, then layout); the markup readers are one each and
 * are named here so that document.c sees a single contract.
 */
#include "reader.h"
#include "layout.h"
#include "source_html.h"
#include "source_pdf.h"
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
  ah_lines lines;
  int rc = ah_source_pdf(data, len, &lines, err);
  if (rc != 0) return rc;
  rc = ah_layout(&lines, &out->flow, &out->meta, &out->losses, err);
  ah_lines_free(&lines);
  return rc;
}

int ah_read_html(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  return ah_source_html(data, len, &out->flow, &out->meta, &out->losses, err);
}

int ah_read_pubxml(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  return ah_source_xml(data, len, &out->flow, &out->meta, &out->losses, err);
}
