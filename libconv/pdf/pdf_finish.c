/* pdf_finish.c — cairo's PDF in, the clean PDF out: the file rewritten by
 * libqpdf, a PDF structure library, instead of patched by hand.
 *
 * Takes: the bytes cairo 1.16 wrote, the typesetter's record of the logical
 * structure, the metadata values and (optionally) the document's XML.
 * Gives: a PDF whose cross-reference data qpdf wrote (cairo 1.16 writes a
 * wrong entry for objects it reserves for annotations and never writes);
 * the structure tree (pdf_structure.c); what cairo cannot write at all: the
 * catalog's /Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle, an XMP
 * metadata stream (pdf_xmp.c) matching a new information dictionary, and
 * the XML as an associated file (/AF, /AFRelationship /Source, in the
 * EmbeddedFiles name tree).  The same input gives the same bytes: no clock
 * (the dates are the document's), a deterministic /ID computed from the
 * content, objects numbered by qpdf in a fixed order.
 */
#include "pdf_finish.h"
#include "digest.h"
#include "init.h"
#include "pdf_structure.h"

#include <cairo.h>
#include <glib.h>
#include <pthread.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2024-07-23T00:00:00Z" as a PDF date, "D:20240723000000Z" */
static void pdf_date(const char *iso, char out[32]) {
  char digits[16] = {0};
  size_t n = 0;
  for (const char *s = iso; *s && n < 14; s++)
    if (*s >= '0' && *s <= '9') digits[n++] = *s;
  while (n < 14) digits[n++] = '0';
  snprintf(out, 32, "D:%sZ", digits);
}

static void put_text(qpdf_data q, qpdf_oh dict, const char *key, const char *value) {
  if (value && *value) qpdf_oh_replace_key(q, dict, key, qpdf_oh_new_unicode_string(q, value));
}

/* A new information dictionary: exactly the values the XMP has. */
static void set_info(qpdf_data q, const ah_pdf_meta *m) {
  qpdf_oh info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
  put_text(q, info, "/Title", m->title);
  put_text(q, info, "/Author", m->author);
  put_text(q, info, "/Subject", m->subject);
  put_text(q, info, "/Keywords", m->keywords);
  put_text(q, info, "/Creator", m->creator);
  put_text(q, info, "/Producer", m->producer);
  char date[32];
  pdf_date(m->date, date);
  qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, date));
  qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, date));
  qpdf_oh_replace_key(q, qpdf_get_trailer(q), "/Info", info);
}

static qpdf_oh new_stream(qpdf_data q, const char *data, size_t len) {
  qpdf_oh s = qpdf_oh_new_stream(q);
  qpdf_oh_replace_stream_data(q, s, (const unsigned char *)data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
  return s;
}

static void set_metadata_stream(qpdf_data q, const ah_pdf_meta *m, const char *xml_sha256) {
  char *xmp = ah_xmp_packet(m, xml_sha256);
  qpdf_oh s = new_stream(q, xmp, strlen(xmp));
  free(xmp);
  qpdf_oh d = qpdf_oh_get_dict(q, s);
  qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/Metadata"));
  qpdf_oh_replace_key(q, d, "/Subtype", qpdf_oh_new_name(q, "/XML"));
  qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", s);
}

/* The XML as an embedded file stream and its file specification. */
static qpdf_oh file_spec(qpdf_data q, const ah_pdf_attachment *a, const char *date) {
  qpdf_oh s = new_stream(q, a->data, a->len);
  qpdf_oh d = qpdf_oh_get_dict(q, s);
  qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/EmbeddedFile"));
  qpdf_oh_replace_key(q, d, "/Subtype", qpdf_oh_new_name(q, "/application/xml"));
  qpdf_oh params = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, params, "/Size", qpdf_oh_new_integer(q, (long long)a->len));
  qpdf_oh_replace_key(q, params, "/ModDate", qpdf_oh_new_string(q, date));
  guint8 md5[16];
  gsize md5_len = sizeof md5;
  GChecksum *sum = g_checksum_new(G_CHECKSUM_MD5);
  g_checksum_update(sum, (const guchar *)a->data, (gssize)a->len);
  g_checksum_get_digest(sum, md5, &md5_len);
  g_checksum_free(sum);
  qpdf_oh_replace_key(q, params, "/CheckSum", qpdf_oh_new_binary_string(q, (const char *)md5, md5_len));
  qpdf_oh_replace_key(q, d, "/Params", params);
  qpdf_oh spec = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
  qpdf_oh_replace_key(q, spec, "/Type", qpdf_oh_new_name(q, "/Filespec"));
  put_text(q, spec, "/F", a->name);
  put_text(q, spec, "/UF", a->name);
  put_text(q, spec, "/Desc", "Normalized XML of this document (urn:ahconv:aanhangsel:1)");
  qpdf_oh_replace_key(q, spec, "/AFRelationship", qpdf_oh_new_name(q, "/Source"));
  qpdf_oh ef = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, ef, "/F", s);
  qpdf_oh_replace_key(q, spec, "/EF", ef);
  return spec;
}

/* The associated file in the catalog's /AF and the EmbeddedFiles name tree. */
static void embed(qpdf_data q, const ah_pdf_attachment *a, const char *date) {
  qpdf_oh root = qpdf_get_root(q);
  qpdf_oh spec = file_spec(q, a, date);
  qpdf_oh_replace_key(q, root, "/AF", qpdf_oh_wrap_in_array(q, spec));
  qpdf_oh names = qpdf_oh_get_key(q, root, "/Names");
  if (!qpdf_oh_is_dictionary(q, names)) {
    names = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
    qpdf_oh_replace_key(q, root, "/Names", names);
  }
  qpdf_oh list = qpdf_oh_new_array(q);
  qpdf_oh_append_item(q, list, qpdf_oh_new_unicode_string(q, a->name));
  qpdf_oh_append_item(q, list, spec);
  qpdf_oh tree = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, tree, "/Names", list);
  qpdf_oh_replace_key(q, names, "/EmbeddedFiles", tree);
}

static void set_catalog(qpdf_data q) {
  qpdf_oh root = qpdf_get_root(q);
  qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, AH_PDF_LANG));
  qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
  qpdf_oh_replace_key(q, root, "/ViewerPreferences", qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
}

static char *write_out(qpdf_data q, size_t *out_len, ah_error *err) {
  qpdf_init_write_memory(q);
  qpdf_set_object_stream_mode(q, qpdf_o_generate);
  qpdf_set_compress_streams(q, QPDF_TRUE);
  qpdf_set_deterministic_ID(q, QPDF_TRUE);
  qpdf_set_minimum_pdf_version(q, "1.7");
  if (qpdf_write(q) & QPDF_ERRORS) {
    ah_error_set(err, AH_ERROR_RENDER, "PDF output failed (qpdf): %s", qpdf_get_error_full_text(q, qpdf_get_error(q)));
    return NULL;
  }
  size_t n = qpdf_get_buffer_length(q);
  char *out = ah_xmalloc(n + 1);
  memcpy(out, qpdf_get_buffer(q), n);
  out[n] = 0;
  *out_len = n;
  return out;
}

static char *finish(qpdf_data q, const ah_tags *tags, const ah_pdf_meta *meta, const ah_pdf_attachment *xml,
                    size_t *out_len, ah_error *err) {
  if (ah_pdf_structure(q, tags, err) != 0) return NULL;
  char producer[128];
  snprintf(producer, sizeof producer, "cairo %s, qpdf %s", cairo_version_string(), qpdf_get_qpdf_version());
  ah_pdf_meta m = *meta;
  m.producer = producer;
  char date[32];
  pdf_date(m.date, date);
  char *sha = xml ? ah_sha256_hex_dup(xml->data, xml->len) : NULL;
  set_catalog(q);
  set_info(q, &m);
  set_metadata_stream(q, &m, sha);
  if (xml) embed(q, xml, date);
  free(sha);
  if (qpdf_has_error(q)) {
    ah_error_set(err, AH_ERROR_RENDER, "PDF output failed (qpdf): %s", qpdf_get_error_full_text(q, qpdf_get_error(q)));
    return NULL;
  }
  return write_out(q, out_len, err);
}

/* qpdf_cleanup, the error taken first: qpdf prints an error nobody took. */
static void qpdf_done(qpdf_data *q) {
  if (qpdf_has_error(*q)) qpdf_get_error(*q);
  qpdf_cleanup(q);
}


char *ah_pdf_finish(const char *pdf, size_t len, const ah_tags *tags, const ah_pdf_meta *meta,
                    const ah_pdf_attachment *xml, size_t *out_len, ah_error *err) {
  ah_qpdf_take_turn();
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  qpdf_set_suppress_warnings(q, QPDF_TRUE);
  char *out = NULL;
  if (qpdf_read_memory(q, "cairo output", pdf, len, NULL) & QPDF_ERRORS)
    ah_error_set(err, AH_ERROR_RENDER, "cannot read cairo's PDF (qpdf): %s",
                 qpdf_get_error_full_text(q, qpdf_get_error(q)));
  else out = finish(q, tags, meta, xml, out_len, err);
  qpdf_done(&q);
  ah_qpdf_end_turn();
  return out;
}
