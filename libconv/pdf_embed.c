/* pdf_embed.c — the normalized XML a clean PDF carries: made when the PDF
 * is written, found and trusted (or not) when a PDF is read.
 *
 * Writing takes the document and where the typesetter put each section and
 * note; gives the XML of the clean PDF itself: its bron says formaat "pdf",
 * the clean PDF's page count and this converter (no file name and no
 * checksum: a file cannot hold its own), its pagina attributes are pages of
 * the clean PDF.  So reading the PDF by its embedded XML gives what reading
 * its pages gives.  The tree is copied by reading the document's own XML
 * back (source_ownxml.c), which also proves every PDF's XML can be read.
 *
 * Reading takes PDF bytes; gives the tree when the file carries ahconv's
 * XML and it matches, in this sense:
 *   - the catalog's /AF has a file specification with /AFRelationship
 *     /Source whose embedded file is application/xml,
 *   - the XMP metadata names this converter ("ahconv X.Y.Z") as
 *     xmp:CreatorTool and the SHA-256 of exactly those XML bytes as
 *     ahconv:xmlSha256,
 *   - the XML is ahconv's vocabulary, its bron's converter is this one and
 *     its bron's page count is the PDF's.
 * Anything else (another version, an edited attachment, another file) and
 * the caller reads the pages.
 */
#include "pdf_embed.h"
#include "pdf_finish.h"
#include "caps.h"
#include "pdf_xmp.h"
#include "source_ownxml.h"

#include <glib.h>
#include <limits.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char CONVERTER[] = "ahconv " AHCONV_VERSION_STRING;

/* ---- writing -------------------------------------------------------------- */

static bool is_section(const ah_node *n) {
  return n->type == AH_NODE_VRAAG || n->type == AH_NODE_ANTWOORD || n->type == AH_NODE_MEDEDELING;
}

/* The pages of the clean PDF on each section and note, in document order. */
static bool set_pages(ah_node *root, const ah_ints *section_pages, const int *note_pages, size_t n_notes) {
  size_t s = 0, k = 0;
  for (ah_node *c = root->first; c; c = c->next) {
    if (is_section(c)) {
      if (s + 1 >= section_pages->n) return false;
      c->page_first = section_pages->items[s++];
      c->page_last = section_pages->items[s++];
    }
    for (ah_node *note = c->type == AH_NODE_NOTEN ? c->first : NULL; note; note = note->next) {
      if (k >= n_notes) return false;
      note->page_first = note->page_last = note_pages[k++];
    }
  }
  return s == section_pages->n && k == n_notes;
}

char *ah_pdf_embedded_xml(const ah_doc *doc, const ah_ints *section_pages, const int *note_pages, size_t n_notes,
                          int pages, size_t *len, ah_error *err) {
  size_t n;
  char *own = ah_render_xml(doc, AH_OPT_DEFAULT, &n, err);
  if (!own) return NULL;
  ah_doc copy = *doc; /* shares the metadata; only the tree is its own */
  copy.root = ah_node_new(AH_NODE_DOCUMENT);
  ah_docmeta meta = {0};
  ah_dates dates;
  memset(&dates, 0, sizeof dates);
  ah_ownxml_source src;
  bool ok = ah_source_ownxml(own, n, copy.root, &meta, &dates, &src) == 0 &&
            set_pages(copy.root, section_pages, note_pages, n_notes);
  free(own);
  ah_docmeta_free(&meta);
  ah_ownxml_source_free(&src);
  char *xml = NULL;
  if (ok) {
    copy.format = "pdf";
    copy.source_name = copy.sha256 = NULL;
    copy.meta.pages = pages;
    xml = ah_render_xml(&copy, AH_OPT_DEFAULT, len, err);
  } else {
    ah_error_set(err, AH_ERROR_RENDER, "the document's XML does not read back for embedding");
  }
  ah_node_free_tree(copy.root);
  return xml;
}

/* ---- reading -------------------------------------------------------------- */

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
  bool ok = xmp && ah_xmp_read(xmp, xmp_len, &facts) == 0 && facts.creator && !strcmp(facts.creator, CONVERTER) &&
            facts.xml_sha256;
  free(xmp);
  char *xml = ok ? ah_qpdf_stream_bytes(q, file, len) : NULL;
  if (xml) {
    gchar *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)xml, *len);
    if (g_ascii_strcasecmp(sha, facts.xml_sha256) != 0) {
      free(xml);
      xml = NULL;
    }
    g_free(sha);
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

int ah_pdf_read_embedded(const unsigned char *pdf, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates) {
  /* ahconv's XMP namespace in the file's bytes first (the XMP stream is
   * kept unfiltered): official PDFs are not opened a second time */
  if (!contains(pdf, len, AH_XMP_NS)) return -1;
  ah_qpdf_take_turn();
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  char *xml = NULL;
  size_t xml_len = 0;
  int pages = 0;
  if (!(qpdf_read_memory(q, "input", (const char *)pdf, len, "") & QPDF_ERRORS) && !qpdf_is_encrypted(q)) {
    xml = vouched_xml(q, &xml_len);
    pages = qpdf_get_num_pages(q);
  }
  qpdf_done(&q);
  ah_qpdf_end_turn();
  if (!xml) return -1;
  ah_ownxml_source src;
  int rc = ah_source_ownxml(xml, xml_len, root, meta, dates, &src);
  if (rc == 0 && (!src.converter || strcmp(src.converter, CONVERTER) != 0 || meta->pages != pages)) rc = -1;
  ah_ownxml_source_free(&src);
  free(xml);
  return rc;
}
