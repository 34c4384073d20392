/* document.c — the public entry points: open a rendition, assemble the
 * document from its reading, attach the publisher's metadata record,
 * answer metadata questions, free.
 *
 * Takes: a path or bytes.  Gives: an ah_doc with its tree.  The input type
 * comes from the content (PDF magic, the XML's root element: the
 * publisher's or ahconv's own, or markup that looks like HTML), never from
 * the file name; each type has one reader (reader.h), and a clean PDF that
 * carries ahconv's XML is read from that XML when it matches
 * (source_embedded.c), unless AH_OPT_NO_EMBED.  A PDF of several documents
 * (bundle.c) is refused, or with the split entry points opened as one
 * ah_doc per document.  The only file that knows the fields of struct ah_doc.
 */
#include "document.h"
#include "digest.h"
#include "bundle.h"
#include "gzip.h"
#include "init.h"
#include "io.h"
#include "reader.h"
#include "source_ownxml.h"
#include "registratie.h"
#include "source_pdf.h"
#include "source_xml.h"
#include "structure.h"
#include "xml_input.h"

#include <assert.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct ah_doc {
  ah_node *root;
  ah_docmeta meta;
  char *kamer_code, *vergaderjaar; /* meta's kamer and session as the API spells them */
  ah_dates dates;
  ah_losses losses; /* what the rendition printed that the tree does not hold */
  char *format, *source_name, *sha256;
  unsigned char *pdf; /* the PDF rendition's bytes, kept with AH_OPT_POSITIONS (the report's page
                         images) and when read from its embedded XML (verify checks the pages) */
  size_t pdf_len;
  bool embedded;      /* the tree is a clean PDF's embedded XML */
  ah_docinfo info;   /* the omschrijvingen's metadata for the typed getters */
  int options;       /* the AH_OPT_ALL_OPEN bits given at open */
  char *record_path; /* the metadata file the registratie came from; NULL: none, or the rendition's own */
  bool view;         /* ah_doc_view: shares everything but the struct */
  int file_page_first, file_page_last; /* one document of a bundle: its pages in the file; 0: the whole file */
};

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

/* meta's id, kamer, session or number changed: what the id says fills the
 * rest, and the API's spellings are made anew. */
static void meta_changed(ah_doc *doc) {
  ah_docmeta_complete_from_id(&doc->meta);
  free(doc->kamer_code);
  free(doc->vergaderjaar);
  const char *kamer = ah_kamer_code(doc->meta.kamer);
  doc->kamer_code = kamer ? ah_strdup(kamer) : NULL;
  doc->vergaderjaar = doc->meta.session.first ? ah_session_string(&doc->meta.session) : NULL;
}

static void check_tree(const ah_doc *doc) {
#ifndef NDEBUG
  ah_buf why = {0};
  if (ah_node_check(doc->root, &why)) {
    fprintf(stderr, "ahconv: tree check failed: %s\n", why.data);
    assert(!"the tree breaks its invariants");
  }
  ah_buf_free(&why);
#else
  (void)doc;
#endif
}

/* The reading becomes the document: its facts (the id fills in what the
 * masthead or the head meta left out), its losses, and its tree — the
 * structure stage's of the flow, or the one ahconv's own XML carries. */
static int assemble(ah_doc *doc, ah_reading *r, ah_error *err) {
  doc->meta = r->meta;
  memset(&r->meta, 0, sizeof r->meta);
  meta_changed(doc);
  doc->losses = r->losses;
  memset(&r->losses, 0, sizeof r->losses);
  int rc = 0;
  if (r->tree) {
    ah_node_free_tree(doc->root);
    doc->root = r->tree;
    r->tree = NULL;
    doc->dates = r->dates;
  } else {
    rc = ah_structure(doc->root, &r->flow, &doc->dates, &doc->losses, err);
    if (rc == 0 && doc->meta.pages > 0) {
      doc->root->page_first = 1;
      doc->root->page_last = doc->meta.pages;
    }
  }
  if (rc != 0) return rc;
  ah_docinfo_build(&doc->info, doc->root);
  check_tree(doc);
  return 0;
}

ah_doc *ah_doc_from_reading(ah_reading *r, const char *format, ah_error *err) {
  ah_library_init();
  ah_doc *doc = ah_xcalloc(1, sizeof *doc);
  doc->root = ah_node_new(AH_NODE_DOCUMENT);
  doc->format = ah_strdup(format);
  if (assemble(doc, r, err) == 0) return doc;
  ah_doc_free(doc);
  return NULL;
}

/* One reader's reading assembled; the reading freed either way. */
static int read_with(ah_doc *doc, ah_reader reader, const unsigned char *data, size_t len, ah_error *err) {
  ah_reading r = {0};
  int rc = reader(data, len, &r, err);
  if (rc == 0) rc = assemble(doc, &r, err);
  ah_reading_free(&r);
  return rc;
}

/* ahconv's own XML: its tree, bron's original rendition as the source (the
 * XML carries the document, as a clean PDF does: what it gives is the same). */
static int read_ownxml(ah_doc *doc, const unsigned char *data, size_t len, ah_error *err) {
  ah_reading r = {.tree = ah_node_new(AH_NODE_DOCUMENT)};
  ah_ownxml_source src;
  int rc = ah_source_ownxml_input(data, len, r.tree, &r.meta, &r.dates, &src, err);
  if (rc == 0 && (rc = assemble(doc, &r, err)) == 0 && src.format && src.name && src.sha256) {
    free(doc->format), free(doc->source_name), free(doc->sha256);
    doc->format = ah_strdup(src.format), doc->source_name = ah_strdup(src.name), doc->sha256 = ah_strdup(src.sha256);
    doc->file_page_first = src.page_first, doc->file_page_last = src.page_last; /* a bundle's document */
  }
  ah_ownxml_source_free(&src);
  ah_reading_free(&r);
  return rc;
}
/* A PDF's bytes kept: for the report's page images (AH_OPT_POSITIONS),
 * turned pages shown upright as the boxes were read; a clean PDF read from
 * its embedded XML as it is, so that verify reads its pages too. */
static void keep_pdf(ah_doc *doc, const unsigned char *data, size_t len) {
  if (doc->embedded) {
    doc->pdf = ah_xmalloc(len);
    memcpy(doc->pdf, data, len);
    doc->pdf_len = len;
  } else if (doc->options & AH_OPT_POSITIONS) {
    doc->pdf = ah_pdf_upright_bytes(data, len, &doc->pdf_len);
  }
}

/* A PDF: a clean PDF's embedded XML when it matches, else the pages (the
 * embedded XML carries no positions: with AH_OPT_POSITIONS the pages are
 * read, and the bytes kept for the report's page images). */
static int read_any_pdf(ah_doc *doc, const unsigned char *data, size_t len, int options, ah_error *err) {
  int rc = -1;
  if (!(options & (AH_OPT_NO_EMBED | AH_OPT_POSITIONS))) rc = read_with(doc, ah_read_embedded, data, len, NULL);
  doc->embedded = rc == 0;
  if (rc != 0) rc = read_with(doc, ah_read_pdf, data, len, err);
  if (rc == 0) keep_pdf(doc, data, len);
  return rc;
}

static int read_kind(ah_doc *doc, input_kind kind, const unsigned char *data, size_t len, int options,
                     ah_error *err) {
  if (kind == INPUT_OWNXML) return read_ownxml(doc, data, len, err);
  if (kind == INPUT_PDF) return read_any_pdf(doc, data, len, options, err);
  return read_with(doc, kind == INPUT_XML ? ah_read_pubxml : ah_read_html, data, len, err);
}

static ah_doc *new_doc(input_kind kind, const unsigned char *data, size_t len, const char *name, int options) {
  static const char *const formats[] = {[INPUT_PDF] = "pdf", [INPUT_HTML] = "html", [INPUT_XML] = "xml",
                                        [INPUT_OWNXML] = "xml"};
  ah_doc *doc = ah_xcalloc(1, sizeof *doc);
  doc->options = options;
  doc->root = ah_node_new(AH_NODE_DOCUMENT);
  doc->source_name = base_name(name);
  doc->sha256 = ah_sha256_hex_dup(data, len);
  doc->format = ah_strdup(formats[kind]);
  return doc;
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
  ah_doc *doc = new_doc(kind, data, len, name, options);
  if (read_kind(doc, kind, data, len, options, err) == 0) return doc;
  ah_doc_free(doc);
  return NULL;
}

/* Every document of a PDF bundle, each its own ah_doc read from its pages;
 * NULL with err set when one fails. */
static ah_doc **read_split_pdf(const unsigned char *data, size_t len, const char *name, int options, size_t *n,
                               ah_error *err) {
  ah_pdf_part *parts = NULL;
  size_t count = 0;
  bool ok = ah_pdf_read_parts(data, len, &parts, &count, err) == 0;
  ah_doc **docs = ah_xcalloc(count + 1, sizeof *docs);
  for (*n = 0; ok && *n < count; ++*n) {
    ah_doc *doc = docs[*n] = new_doc(INPUT_PDF, data, len, name, options);
    doc->file_page_first = parts[*n].page_first;
    doc->file_page_last = parts[*n].page_last;
    ok = assemble(doc, &parts[*n].reading, err) == 0;
    if (ok) keep_pdf(doc, data, len);
  }
  ah_pdf_parts_free(parts, count);
  if (ok) return docs;
  ah_docs_free(docs, count);
  *n = 0;
  return NULL;
}

ah_status ah_doc_open_split_memory(const void *data, size_t len, const char *name, int options, ah_doc ***docs,
                                   size_t *n, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  if (!docs || !n) {
    ah_error_set(err, AH_ERROR_USAGE, "no place for the documents");
    return AH_ERROR_USAGE;
  }
  *n = 0;
  *docs = NULL;
  if (ah_check_options(options, AH_OPT_ALL_OPEN, "ah_doc_open_split_memory", err)) return AH_ERROR_USAGE;
  if (data && ah_is_gzip(data, len)) { /* one layer, as ah_doc_open_memory takes it */
    unsigned char *inflated;
    size_t inflated_len;
    if (ah_gunzip(data, len, &inflated, &inflated_len, err) != 0) return err->code;
    bool nested = ah_is_gzip(inflated, inflated_len);
    if (nested) ah_error_set(err, AH_ERROR_FORMAT, "gzip inside gzip");
    ah_status rc = nested ? AH_ERROR_FORMAT : ah_doc_open_split_memory(inflated, inflated_len, name, options, docs, n, err);
    free(inflated);
    return rc;
  }
  /* one document, or a bundle: read it again, each document on its own */
  ah_doc *doc = ah_doc_open_memory(data, len, name, options, err);
  if (doc) {
    *docs = ah_xmalloc(sizeof **docs);
    (*docs)[(*n)++] = doc;
  } else if (err->code == AH_ERROR_BUNDLE) {
    ah_error_clear(err);
    *docs = read_split_pdf(data, len, name, options, n, err);
  }
  return *docs ? AH_OK : err->code;
}

void ah_docs_free(ah_doc **docs, size_t n) {
  for (size_t i = 0; docs && i < n; i++) ah_doc_free(docs[i]);
  free(docs);
}

int ah_doc_file_page_first(const ah_doc *d) { return d ? d->file_page_first : 0; }
int ah_doc_file_page_last(const ah_doc *d) { return d ? d->file_page_last : 0; }

/* ---- the publisher's metadata record ------------------------------------ */

/* The record belongs to this publication: its identifier, if any, is the
 * document's id.  A document without an id takes the record's. */
static bool record_fits(ah_doc *doc, const ah_registratie *rec, ah_error *err) {
  if (!rec->identifier) return true;
  if (doc->meta.id) {
    if (!strcmp(doc->meta.id, rec->identifier)) return true;
    ah_error_set(err, AH_ERROR_FORMAT, "the metadata record is for %.80s, the document is %.80s", rec->identifier,
                 doc->meta.id);
    return false;
  }
  if (ah_is_pubid(rec->identifier, &(ah_pubid){0})) {
    ah_docmeta_take_id(&doc->meta, rec->identifier, strlen(rec->identifier));
    meta_changed(doc);
  }
  return true;
}

static int attach(ah_doc *doc, const void *data, size_t len, const char *path, ah_error *err) {
  ah_registratie rec = {0};
  if (ah_registratie_parse(data, len, &rec, err) != 0) return -1;
  if (!record_fits(doc, &rec, err)) {
    ah_registratie_free(&rec);
    return -1;
  }
  ah_registratie_free(&doc->meta.record);
  doc->meta.record = rec;
  free(doc->record_path);
  doc->record_path = ah_strdup(path);
  return 0;
}

/* Both return AH_OK or the failure's status, which is err->code: a local
 * error stands in when the caller passes none. */
ah_status ah_doc_read_metadata_memory(ah_doc *doc, const void *data, size_t len, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  ah_error_clear(err);
  if (!doc || !data) {
    ah_error_set(err, AH_ERROR_USAGE, doc ? "no data" : "no document");
    return AH_ERROR_USAGE;
  }
  return attach(doc, data, len, NULL, err) == 0 ? AH_OK : err->code;
}

ah_status ah_doc_read_metadata_file(ah_doc *doc, const char *path, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  ah_error_clear(err);
  if (!doc || !path || !*path) {
    ah_error_set(err, AH_ERROR_USAGE, !doc ? "no document" : path ? "empty path" : "no path");
    return AH_ERROR_USAGE;
  }
  unsigned char *data;
  size_t len;
  if (ah_read_file(path, &data, &len, err) != 0) return err->code;
  int rc = attach(doc, data, len, path, err);
  free(data);
  return rc == 0 ? AH_OK : err->code;
}

/* A record found beside the input that does not read (damaged, or of
 * another publication) is not taken, and not dropped unseen either: it is
 * listed with what the document lost, so verify names it. */
static bool try_record(ah_doc *doc, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  ah_error err = {0};
  if (ah_doc_read_metadata_file(doc, path, &err) == AH_OK) return true;
  ah_buf what = {0};
  ah_buf_printf(&what, "(the metadata record %s is not read: %s)", path, err.message);
  ah_losses_add(&doc->losses, AH_LOST_MARKUP, 0, what.data);
  ah_buf_free(&what);
  return false;
}

/* The first readable record for this publication beside the rendition at
 * path (registratie.c says where) is attached; none leaves doc as it is. */
static void find_metadata_file(ah_doc *doc, const char *path) {
  ah_strings candidates = {0};
  ah_record_candidates(path, &candidates);
  for (size_t i = 0; i < candidates.n && !try_record(doc, candidates.items[i]); i++) {
  }
  ah_strings_free(&candidates);
}


/* The publisher's metadata record beside the input, unless the rendition
 * carries one itself; each document of a bundle takes the record that
 * names it (one of another publication is passed over, and listed). */
static void find_records(ah_doc **docs, size_t n, const char *path, int options) {
  for (size_t i = 0; i < n && !(options & AH_OPT_NO_METADATA_FILE); i++)
    if (!ah_registratie_present(&docs[i]->meta.record)) find_metadata_file(docs[i], path);
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
  find_records(&doc, doc ? 1 : 0, path, options);
  return doc;
}

ah_status ah_doc_open_split_file(const char *path, int options, ah_doc ***docs, size_t *n, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  unsigned char *data = NULL;
  size_t len = 0;
  ah_error_clear(err);
  if (!path) ah_error_set(err, AH_ERROR_USAGE, "no path");
  else if (ah_check_options(options, AH_OPT_ALL_OPEN, "ah_doc_open_split_file", err) == 0) ah_read_file(path, &data, &len, err);
  if (err->code) {
    if (docs) *docs = NULL;
    if (n) *n = 0;
    return err->code;
  }
  ah_status rc = ah_doc_open_split_memory(data, len, path, options, docs, n, err);
  free(data);
  if (rc == AH_OK) find_records(*docs, *n, path, options);
  return rc;
}

void ah_doc_free(ah_doc *doc) {
  if (!doc) return;
  if (doc->view) {
    ah_doc_view_free(doc);
    return;
  }
  ah_node_free_tree(doc->root);
  ah_docmeta_free(&doc->meta);
  ah_losses_free(&doc->losses);
  ah_docinfo_free(&doc->info);
  free(doc->kamer_code);
  free(doc->vergaderjaar);
  free(doc->format);
  free(doc->source_name);
  free(doc->record_path);
  free(doc->sha256);
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


const char *ah_doc_metadata_file(const ah_doc *d) { return d ? d->record_path : NULL; }

/* ---- what the rest of the library reads (document.h) --------------------- */

const ah_docmeta *ah_doc_meta(const ah_doc *doc) { return &doc->meta; }
const ah_docinfo *ah_doc_info(const ah_doc *doc) { return &doc->info; }

const unsigned char *ah_doc_pdf_bytes(const ah_doc *doc, size_t *len) {
  bool positions = doc->pdf && !doc->embedded;
  *len = positions ? doc->pdf_len : 0;
  return positions ? doc->pdf : NULL;
}

const unsigned char *ah_doc_embedded_pdf(const ah_doc *doc, size_t *len) {
  bool embedded = doc->pdf && doc->embedded;
  *len = embedded ? doc->pdf_len : 0;
  return embedded ? doc->pdf : NULL;
}

ah_doc *ah_doc_view(const ah_doc *doc, ah_node *root, const char *format, int pages) {
  ah_doc *view = ah_xmalloc(sizeof *view);
  *view = *doc;
  view->root = root;
  view->format = (char *)format;
  view->source_name = view->sha256 = NULL;
  view->meta.pages = pages;
  view->view = true;
  view->pdf = NULL;
  view->embedded = false;
  return view;
}

void ah_doc_view_free(ah_doc *view) { free(view); }

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
