/* document.c — the public entry points: open a rendition, run the pipeline,
 * answer metadata questions, free.
 *
 * Takes: a path or bytes.  Gives: an ah_doc with its tree.  The input type
 * comes from the content (PDF magic, the XML's root element — the
 * publisher's, or ahconv's own `aanhangsel` — or markup that looks like
 * HTML), never from the file name.  A clean PDF that carries ahconv's XML is read from
 * that XML when it matches (pdf_embed.c), unless AH_OPT_NO_EMBED.
 */
#include "document.h"
#include "gzip.h"
#include "init.h"
#include "io.h"
#include "layout.h"
#include "pdf_embed.h"
#include "source_html.h"
#include "source_ownxml.h"
#include "source_pdf.h"
#include "source_xml.h"
#include "structure.h"
#include "xml_input.h"

#include <assert.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { INPUT_UNKNOWN, INPUT_PDF, INPUT_HTML, INPUT_XML, INPUT_RECORD, INPUT_OWNXML } input_kind;

static input_kind detect(const unsigned char *d, size_t len) {
  /* PDF: "%PDF-" within the first KiB (some writers put junk before it) */
  size_t scan = len < 1024 ? len : 1024;
  for (size_t i = 0; i + 5 <= scan; i++)
    if (memcmp(d + i, "%PDF-", 5) == 0) return INPUT_PDF;
  /* the publisher's XML, or its metadata record, by the root element */
  char root[64];
  if (ah_xml_root_name(d, len, root, sizeof root)) {
    if (ah_is_publisher_xml_root(root)) return INPUT_XML;
    if (ah_is_record_root(root)) return INPUT_RECORD;
    if (!strcmp(root, "aanhangsel")) return INPUT_OWNXML; /* its namespace: source_ownxml.c */
  }
  size_t i = 0;
  if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) i = 3;
  while (i < len && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')) i++;
  if (i < len && d[i] == '<') {
    size_t n = len - i < 4096 ? len - i : 4096;
    char *head = g_ascii_strdown((const char *)d + i, (gssize)n);
    bool html = strstr(head, "<html") || strstr(head, "<!doctype html") || strstr(head, "<body") ||
                strstr(head, "<div") || strstr(head, "<p");
    g_free(head);
    if (html) return INPUT_HTML;
  }
  return INPUT_UNKNOWN;
}

static char *base_name(const char *path) {
  if (!path) return NULL;
  const char *slash = strrchr(path, '/');
  return ah_strdup(slash ? slash + 1 : path);
}

/* The facts the rendition printed become the document's; the id fills in
 * what the masthead or the head meta left out. */
static void take_meta(ah_doc *doc, ah_docmeta *meta) {
  doc->meta = *meta;
  memset(meta, 0, sizeof *meta);
  ah_doc_meta_changed(doc);
}

void ah_doc_meta_changed(ah_doc *doc) {
  ah_docmeta_complete_from_id(&doc->meta);
  free(doc->kamer_code);
  free(doc->vergaderjaar);
  const char *kamer = ah_kamer_code(doc->meta.kamer);
  doc->kamer_code = kamer ? ah_strdup(kamer) : NULL;
  doc->vergaderjaar = doc->meta.session.first ? ah_session_string(&doc->meta.session) : NULL;
}

static ah_doc *build(ah_doc *doc, ah_flow *flow, ah_docmeta *meta, ah_error *err) {
  take_meta(doc, meta);
  int rc = ah_structure(doc->root, flow, &doc->dates, err);
  ah_flow_free(flow);
  if (rc == 0) {
    ah_docinfo_build(&doc->info, doc->root);
    if (doc->meta.pages > 0) {
      doc->root->page_first = 1;
      doc->root->page_last = doc->meta.pages;
    }
  }
#ifndef NDEBUG
  if (rc == 0) {
    ah_buf why = {0};
    if (ah_node_check(doc->root, &why)) {
      fprintf(stderr, "ahconv: tree check failed: %s\n", why.data);
      assert(!"the tree breaks its invariants");
    }
    ah_buf_free(&why);
  }
#endif
  return rc == 0 ? doc : NULL;
}

static ah_doc *open_pdf(ah_doc *doc, const unsigned char *data, size_t len, ah_error *err) {
  ah_lines lines;
  if (ah_source_pdf(data, len, &lines, err) != 0) return NULL;
  ah_flow flow;
  ah_docmeta meta = {0};
  int rc = ah_layout(&lines, &flow, &meta, &doc->losses, err);
  ah_lines_free(&lines);
  if (rc != 0) {
    ah_flow_free(&flow);
    ah_docmeta_free(&meta);
    return NULL;
  }
  return build(doc, &flow, &meta, err);
}

/* The tree of a clean PDF from the XML it carries; NULL (nothing kept)
 * when it carries none that matches. */
static ah_doc *open_embedded(ah_doc *doc, const unsigned char *data, size_t len) {
  ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
  ah_docmeta meta = {0};
  ah_dates dates;
  memset(&dates, 0, sizeof dates);
  if (ah_pdf_read_embedded(data, len, root, &meta, &dates) != 0) {
    ah_node_free_tree(root);
    ah_docmeta_free(&meta);
    return NULL;
  }
  ah_node_free_tree(doc->root);
  doc->root = root;
  doc->dates = dates;
  take_meta(doc, &meta);
  return doc;
}

static ah_doc *open_html(ah_doc *doc, const unsigned char *data, size_t len, ah_error *err) {
  ah_flow flow;
  ah_docmeta meta = {0};
  if (ah_source_html(data, len, &flow, &meta, &doc->losses, err) != 0) {
    ah_flow_free(&flow);
    ah_docmeta_free(&meta);
    return NULL;
  }
  return build(doc, &flow, &meta, err);
}

static ah_doc *open_xml(ah_doc *doc, const unsigned char *data, size_t len, ah_error *err) {
  ah_flow flow;
  ah_docmeta meta = {0};
  if (ah_source_xml(data, len, &flow, &meta, &doc->losses, err) != 0) {
    ah_flow_free(&flow);
    ah_docmeta_free(&meta);
    return NULL;
  }
  return build(doc, &flow, &meta, err);
}

/* ahconv's own XML: the tree as written, and bron's original rendition as
 * the document's source (the XML carries the document, as a clean PDF
 * does), so what is made from it equals what the original gives. */
static ah_doc *open_ownxml(ah_doc *doc, const unsigned char *data, size_t len, ah_error *err) {
  ah_docmeta meta = {0};
  ah_ownxml_source src;
  if (ah_source_ownxml_input(data, len, doc->root, &meta, &doc->dates, &src, err) != 0) {
    ah_ownxml_source_free(&src);
    ah_docmeta_free(&meta);
    return NULL;
  }
  if (src.format) free(doc->format), doc->format = ah_strdup(src.format);
  if (src.name) free(doc->source_name), doc->source_name = ah_strdup(src.name);
  if (src.sha256) g_free(doc->sha256), doc->sha256 = g_strdup(src.sha256);
  ah_ownxml_source_free(&src);
  take_meta(doc, &meta);
  ah_docinfo_build(&doc->info, doc->root);
  return doc;
}

/* A PDF: a clean PDF's embedded XML when it matches, else the pages (the
 * embedded XML carries no positions: with AH_OPT_POSITIONS the pages are
 * read, and the bytes kept for the report's page images). */
static ah_doc *open_any_pdf(ah_doc *doc, const unsigned char *data, size_t len, int options, ah_error *err) {
  ah_doc *ok = NULL;
  if (!(options & (AH_OPT_NO_EMBED | AH_OPT_POSITIONS))) ok = open_embedded(doc, data, len);
  if (!ok) ok = open_pdf(doc, data, len, err);
  if (ok && (options & AH_OPT_POSITIONS)) {
    doc->pdf = ah_xmalloc(len);
    memcpy(doc->pdf, data, len);
    doc->pdf_len = len;
  }
  return ok;
}

static ah_doc *open_kind(ah_doc *doc, input_kind kind, const unsigned char *data, size_t len, int options,
                         ah_error *err) {
  static const char *const formats[] = {[INPUT_PDF] = "pdf", [INPUT_HTML] = "html", [INPUT_XML] = "xml",
                                        [INPUT_OWNXML] = "xml"};
  doc->format = ah_strdup(formats[kind]);
  if (kind == INPUT_OWNXML) return open_ownxml(doc, data, len, err);
  if (kind == INPUT_PDF) return open_any_pdf(doc, data, len, options, err);
  if (kind == INPUT_XML) return open_xml(doc, data, len, err);
  return open_html(doc, data, len, err);
}

ah_doc *ah_doc_open_memory(const void *data, size_t len, const char *name, int options, ah_error *err) {
  ah_error_clear(err);
  if (ah_check_options(options, AH_OPT_ALL_OPEN, "ah_doc_open_memory", err)) return NULL;
  if (!data) {
    ah_error_set(err, AH_ERROR_USAGE, "no data");
    return NULL;
  }
  if (!len) {
    ah_error_set(err, AH_ERROR_EMPTY, "empty file");
    return NULL;
  }
  unsigned char *inflated = NULL;
  if (ah_is_gzip(data, len)) {
    size_t n;
    if (ah_gunzip(data, len, &inflated, &n, err) != 0) return NULL;
    /* one layer only: nested layers would multiply the inflation cap */
    if (!n || ah_is_gzip(inflated, n)) {
      free(inflated);
      ah_error_set(err, n ? AH_ERROR_FORMAT : AH_ERROR_EMPTY, n ? "gzip inside gzip" : "empty file inside gzip");
      return NULL;
    }
    ah_doc *doc = ah_doc_open_memory(inflated, n, name, options, err);
    free(inflated);
    return doc;
  }
  input_kind kind = detect(data, len);
  if (kind == INPUT_UNKNOWN || kind == INPUT_RECORD) {
    ah_error_set(err, AH_ERROR_FORMAT, kind == INPUT_RECORD
                                           ? "a metadata record, not a rendition (give it to convert with --metadata)"
                                           : "not a PDF, HTML or publisher XML document");
    return NULL;
  }
  ah_library_init();
  ah_doc *doc = ah_xcalloc(1, sizeof *doc);
  doc->options = options;
  doc->root = ah_node_new(AH_NODE_DOCUMENT);
  doc->source_name = base_name(name);
  doc->sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
  ah_doc *ok = open_kind(doc, kind, data, len, options, err);
  if (!ok) ah_doc_free(doc);
  return ok;
}

ah_doc *ah_doc_open_file(const char *path, int options, ah_error *err) {
  ah_error_clear(err);
  if (ah_check_options(options, AH_OPT_ALL_OPEN, "ah_doc_open_file", err)) return NULL;
  if (!path) {
    ah_error_set(err, AH_ERROR_USAGE, "no path");
    return NULL;
  }
  unsigned char *data;
  size_t len;
  if (ah_read_file(path, &data, &len, err) != 0) return NULL;
  ah_doc *doc = ah_doc_open_memory(data, len, path, options, err);
  free(data);
  /* the publisher's metadata record beside the input, unless the
   * rendition carries one itself */
  if (doc && !(options & AH_OPT_NO_METADATA_FILE) && !ah_registratie_present(&doc->meta.record))
    ah_doc_find_metadata_file(doc, path);
  return doc;
}

void ah_doc_free(ah_doc *doc) {
  if (!doc) return;
  ah_node_free_tree(doc->root);
  ah_docmeta_free(&doc->meta);
  ah_losses_free(&doc->losses);
  ah_docinfo_free(&doc->info);
  free(doc->kamer_code);
  free(doc->vergaderjaar);
  free(doc->format);
  free(doc->source_name);
  free(doc->record_path);
  g_free(doc->sha256);
  free(doc->pdf);
  free(doc);
}

const char *ah_doc_id(const ah_doc *d) { return d ? d->meta.id : NULL; }
const char *ah_doc_kamer(const ah_doc *d) { return d ? d->kamer_code : NULL; }
const char *ah_doc_vergaderjaar(const ah_doc *d) { return d ? d->vergaderjaar : NULL; }
int ah_doc_nummer(const ah_doc *d) { return d ? d->meta.nummer : 0; }
const char *ah_doc_ingezonden(const ah_doc *d) { return d && d->dates.sent[0] ? d->dates.sent : NULL; }
const char *ah_doc_ontvangen(const ah_doc *d) { return d && d->dates.received[0] ? d->dates.received : NULL; }
const char *ah_doc_source_format(const ah_doc *d) { return d ? d->format : NULL; }
const char *ah_doc_source_name(const ah_doc *d) { return d ? d->source_name : NULL; }
const char *ah_doc_sha256(const ah_doc *d) { return d ? d->sha256 : NULL; }
int ah_doc_pages(const ah_doc *d) { return d ? d->meta.pages : 0; }
ah_node *ah_doc_root(const ah_doc *d) { return d ? d->root : NULL; }
size_t ah_doc_lost_count(const ah_doc *d) { return d ? d->losses.n : 0; }

const char *ah_doc_lost_text(const ah_doc *d, size_t i, int *page) {
  bool ok = d && i < d->losses.n;
  if (page) *page = ok ? d->losses.items[i].page : 0;
  return ok ? d->losses.items[i].text : NULL;
}

ah_lost_kind ah_doc_lost_kind(const ah_doc *d, size_t i) {
  return d && i < d->losses.n ? d->losses.items[i].kind : AH_LOST_NONE;
}

const char *ah_version(void) { return AHCONV_VERSION_STRING; }
int ah_version_number(void) { return AHCONV_VERSION_NUMBER; }
void ah_free(void *ptr) { free(ptr); }

/* ---- the checks every public entry point makes -------------------------- */

void ah_error_clear(ah_error *err) {
  if (!err) return;
  err->code = AH_OK;
  err->message[0] = 0;
}

int ah_check_options(int options, int allowed, const char *function, ah_error *err) {
  if (!(options & ~allowed)) return 0;
  ah_error_set(err, AH_ERROR_USAGE, "unknown option bits 0x%x (%s takes 0x%x)", (unsigned)(options & ~allowed),
               function, (unsigned)allowed);
  return AH_ERROR_USAGE;
}

int ah_render_begin(const ah_doc *doc, int options, const char *function, int *effective, ah_error *err) {
  ah_error_clear(err);
  if (ah_check_options(options, AH_OPT_ALL_RENDER, function, err)) return AH_ERROR_USAGE;
  if (!doc) {
    ah_error_set(err, AH_ERROR_USAGE, "no document");
    return AH_ERROR_USAGE;
  }
  ah_library_init();
  *effective = options | doc->options;
  return 0;
}

int ah_write_rendered(const ah_doc *doc, const char *path, int options, ah_render_fn render, ah_error *err) {
  ah_error_clear(err);
  if (!doc || !path || !*path) {
    ah_error_set(err, AH_ERROR_USAGE, !doc ? "no document" : path ? "empty path" : "no path");
    return AH_ERROR_USAGE;
  }
  size_t len;
  ah_error local;
  if (!err) err = &local;
  char *bytes = render(doc, options, &len, err);
  if (!bytes) return err->code;
  int rc = ah_write_output(path, bytes, len, err);
  free(bytes);
  return rc == 0 ? AH_OK : err->code;
}
