/* source_embedded.c — a clean PDF's embedded XML, found and trusted (or
 * not): the reader of a clean PDF that document.c tries before its pages.
 *
 * Takes: PDF bytes.  Gives: the tree, metadata and dates (an ah_reading
 * with its tree set) when the file carries ahconv's XML and it matches, in
 * this sense:
 *   - the catalog's /AF has a file specification with /AFRelationship
 *     /Source whose embedded file is application/xml,
 *   - the XMP metadata names this converter (AH_CONVERTER) as
 *     xmp:CreatorTool and the SHA-256 of exactly those XML bytes as
 *     ahconv:xmlSha256,
 *   - the XML is ahconv's vocabulary, its bron's converter is this one and
 *     its bron's page count is the PDF's.
 * Anything else (another version, an edited attachment, another file) and
 * the caller reads the pages.  The writing half is libconv/pdf/.
 */
#include "reader.h"
#include "digest.h"
#include "caps.h"
#include "identity.h"
#include "init.h"
#include "pdf_xmp.h"
#include "qpdf_streams.h"
#include "source_ownxml.h"

#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

/* The associated file of relationship /Source that is application/xml. */
static qpdf_oh source_xml(qpdf_data q) {
  qpdf_oh af = qpdf_oh_get_key(q, qpdf_get_root(q), "/AF");
  int n = qpdf_oh_is_array(q, af) ? qpdf_oh_get_array_n_items(q, af) : 0;
  for (int i = 0; i < n; i++) {
    qpdf_oh spec = qpdf_oh_get_array_item(q, af, i);
    qpdf_oh file = qpdf_oh_get_key(q, qpdf_oh_get_key(q, spec, "/EF"), "/F");
    if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, spec, "/AFRelationship"), "/Source") &&
        qpdf_oh_is_stream(q, file) &&
        qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, file), "/Subtype"), "/application/xml"))
      return file;
  }
  return 0;
}

/* The embedded XML when the XMP vouches for it; NULL otherwise. */
static char *vouched_xml(qpdf_data q, size_t *len) {
  qpdf_oh file = source_xml(q);
  if (!file) return NULL;
  size_t xmp_len = 0;
  char *xmp = ah_qpdf_stream_bytes(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Metadata"), &xmp_len);
  ah_xmp_facts facts = {0};
  bool ok = xmp && ah_xmp_read(xmp, xmp_len, &facts) == 0 && facts.creator && !strcmp(facts.creator, AH_CONVERTER) &&
            facts.xml_sha256;
  free(xmp);
  char *xml = ok ? ah_qpdf_stream_bytes(q, file, len) : NULL;
  if (xml) {
    char sha[AH_SHA256_HEX_LEN + 1];
    ah_sha256_hex(xml, *len, sha);
    if (g_ascii_strcasecmp(sha, facts.xml_sha256) != 0) {
      free(xml);
      xml = NULL;
    }
  }
  ah_xmp_facts_free(&facts);
  return xml;
}

/* qpdf_cleanup, the error taken first: qpdf prints an error nobody took. */
static void qpdf_done(qpdf_data *q) {
  if (qpdf_has_error(*q)) qpdf_get_error(*q);
  qpdf_cleanup(q);
}

/* The bytes of `needle` somewhere in the n bytes at s. */
static bool contains(const unsigned char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (const unsigned char *p = s; n >= k && (p = memchr(p, needle[0], n - k + 1 - (size_t)(p - s))); p++)
    if (!memcmp(p, needle, k)) return true;
  return false;
}

/* The vouched XML and the PDF's page count, under the process's qpdf turn. */
static char *embedded_xml(const unsigned char *pdf, size_t len, size_t *xml_len, int *pages) {
  ah_qpdf_take_turn();
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  char *xml = NULL;
  if (!(qpdf_read_memory(q, "input", (const char *)pdf, len, "") & QPDF_ERRORS) && !qpdf_is_encrypted(q)) {
    xml = vouched_xml(q, xml_len);
    *pages = qpdf_get_num_pages(q);
  }
  qpdf_done(&q);
  ah_qpdf_end_turn();
  return xml;
}

int ah_read_embedded(const unsigned char *data, size_t len, ah_reading *out, ah_error *err) {
  /* ahconv's XMP namespace in the file's bytes first (the XMP stream is
   * kept unfiltered): official PDFs are not opened a second time */
  size_t xml_len = 0;
  int pages = 0;
  char *xml = contains(data, len, AH_XMP_NS) ? embedded_xml(data, len, &xml_len, &pages) : NULL;
  int rc = -1;
  if (xml) {
    ah_ownxml_source src;
    out->tree = ah_node_new(AH_NODE_DOCUMENT);
    rc = ah_source_ownxml(xml, xml_len, out->tree, &out->meta, &out->dates, &src);
    if (rc == 0 && (!src.converter || strcmp(src.converter, AH_CONVERTER) != 0 || out->meta.pages != pages)) rc = -1;
    ah_ownxml_source_free(&src);
    free(xml);
  }
  if (rc != 0) ah_error_set(err, AH_ERROR_FORMAT, "no embedded XML of this converter that matches the pages");
  return rc;
}
