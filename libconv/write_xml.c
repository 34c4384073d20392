/* write_xml.c — the document tree in, normalized XML out.
 *
 * Takes: an ah_doc.  Gives: the XML of spec/aanhangsel-xml.md (namespace
 * urn:ahconv:aanhangsel:1) through libxml2's xmlTextWriter, as a buffer or
 * an atomically written file.  Element-only containers are indented; mixed
 * content (al, label, omschrijving, li, cel) is written exactly as it is,
 * because white space there is text.
 */
#include "document.h"
#include "identity.h"
#include "caps.h"
#include "io.h"

#include <assert.h>
#include <glib.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS "urn:ahconv:aanhangsel:1"

static bool element_only(ah_node_type t) {
  switch (t) {
  case AH_NODE_DOCUMENT:
  case AH_NODE_VRAAG:
  case AH_NODE_ANTWOORD:
  case AH_NODE_MEDEDELING:
  case AH_NODE_NOTEN:
  case AH_NODE_NOOT:
  case AH_NODE_LIST:
  case AH_NODE_TABLE:
  case AH_NODE_ROW:
  case AH_NODE_FIGURE:
    return true;
  default:
    return false;
  }
}

static void write_attr(xmlTextWriterPtr w, const char *name, const char *value) {
  if (value) xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

/* Each type's attributes from node.c's table, in the order of the schema;
 * positions (pagina) only with the source. */
static void write_data(xmlTextWriterPtr w, const ah_node *n, int options) {
  size_t count;
  const ah_attr_def *defs = ah_node_attr_defs(n->type, &count);
  ah_buf value = {0};
  for (size_t i = 0; i < count; i++) {
    if (defs[i].position && (options & AH_OPT_NO_SOURCE)) continue;
    if (ah_node_attr_text(n, &defs[i], &value)) write_attr(w, defs[i].name, value.data);
  }
  ah_buf_free(&value);
}

/* AH_OPT_POSITIONS: where the node was printed, as the optional box, line
 * and path attributes of the schema. */
static void write_positions(xmlTextWriterPtr w, const ah_node *n, int options) {
  if (!(options & AH_OPT_POSITIONS) || !n->pos) return;
  const ah_pos *p = n->pos;
  if (p->n) {
    ah_buf b = {0};
    for (size_t i = 0; i < p->n; i++)
      ah_buf_printf(&b, "%s%d %.2f %.2f %.2f %.2f", i ? ";" : "", p->boxes[i].page, p->boxes[i].x0, p->boxes[i].y0,
                    p->boxes[i].x1, p->boxes[i].y1);
    xmlTextWriterWriteAttribute(w, BAD_CAST "box", BAD_CAST b.data);
    ah_buf_free(&b);
  }
  if (p->line) xmlTextWriterWriteFormatAttribute(w, BAD_CAST "line", "%d", p->line);
  write_attr(w, "path", p->path);
}

static void write_source(xmlTextWriterPtr w, const ah_doc *doc) {
  xmlTextWriterWriteRaw(w, BAD_CAST "\n  ");
  xmlTextWriterStartElement(w, BAD_CAST "bron");
  xmlTextWriterWriteAttribute(w, BAD_CAST "formaat", BAD_CAST(ah_doc_source_format(doc) ? ah_doc_source_format(doc) : "pdf"));
  if (ah_doc_source_name(doc)) xmlTextWriterWriteAttribute(w, BAD_CAST "bestand", BAD_CAST ah_doc_source_name(doc));
  if (ah_doc_pages(doc)) xmlTextWriterWriteFormatAttribute(w, BAD_CAST "paginas", "%d", ah_doc_pages(doc));
  if (ah_doc_file_page_first(doc)) { /* one document of a bundle: its pages in the file */
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "pagina-van", "%d", ah_doc_file_page_first(doc));
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "pagina-tot", "%d", ah_doc_file_page_last(doc));
  }
  if (ah_doc_sha256(doc)) xmlTextWriterWriteAttribute(w, BAD_CAST "sha256", BAD_CAST ah_doc_sha256(doc));
  xmlTextWriterWriteAttribute(w, BAD_CAST "converter", BAD_CAST AH_CONVERTER);
  xmlTextWriterEndElement(w);
}

static void write_child(xmlTextWriterPtr w, const char *name, const char *text) {
  xmlTextWriterWriteRaw(w, BAD_CAST "\n    ");
  xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

/* The publisher's metadata record: what no rendition prints. */
static void write_registratie(xmlTextWriterPtr w, const ah_doc *doc) {
  const ah_registratie *r = &ah_doc_meta(doc)->record;
  if (!ah_registratie_present(r)) return;
  xmlTextWriterWriteRaw(w, BAD_CAST "\n  ");
  xmlTextWriterStartElement(w, BAD_CAST "registratie");
  write_attr(w, "vraagnummer", r->vraagnummer);
  write_attr(w, "datum-ontvangst", r->datum_ontvangst);
  write_attr(w, "titel", r->titel);
  for (size_t i = 0; i < r->indieners.n; i++) write_child(w, "indiener", r->indieners.items[i]);
  if (r->ontvanger_naam) write_child(w, "ontvanger-naam", r->ontvanger_naam);
  for (size_t i = 0; i < r->categorieen.n; i++) write_child(w, "categorie", r->categorieen.items[i]);
  if (r->indieners.n || r->ontvanger_naam || r->categorieen.n) xmlTextWriterWriteRaw(w, BAD_CAST "\n  ");
  xmlTextWriterEndElement(w);
}

static void write_root_start(xmlTextWriterPtr w, const ah_doc *doc) {
  xmlTextWriterStartElement(w, BAD_CAST "aanhangsel");
  xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST NS);
  xmlTextWriterWriteAttribute(w, BAD_CAST "versie", BAD_CAST "1");
  write_attr(w, "id", ah_doc_id(doc));
  write_attr(w, "kamer", ah_doc_kamer(doc));
  write_attr(w, "vergaderjaar", ah_doc_vergaderjaar(doc));
  if (ah_doc_nummer(doc)) xmlTextWriterWriteFormatAttribute(w, BAD_CAST "nummer", "%d", ah_doc_nummer(doc));
}

static int depth_of(const ah_node *n) {
  int d = 0;
  while ((n = n->parent)) d++;
  return d;
}

static void indent(xmlTextWriterPtr w, int depth) {
  char buf[2 * AH_MAX_INDENT_DEPTH + 2] = "\n";
  int n = depth < AH_MAX_INDENT_DEPTH ? depth * 2 : 2 * AH_MAX_INDENT_DEPTH;
  memset(buf + 1, ' ', (size_t)n);
  buf[n + 1] = 0;
  xmlTextWriterWriteRaw(w, BAD_CAST buf);
}

static void write_tree(xmlTextWriterPtr w, const ah_doc *doc, int options) {
  ah_iter *it = ah_iter_new(ah_doc_root(doc));
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *n = ah_iter_get_node(it);
    bool in_block = n->parent && element_only(n->parent->type);
    if (ev == AH_EVENT_EXIT) {
      if (element_only(n->type) && n->first) indent(w, depth_of(n));
      xmlTextWriterEndElement(w);
      if (n->type == AH_NODE_DOCUMENT) xmlTextWriterWriteRaw(w, BAD_CAST "\n");
      continue;
    }
    if (n->type == AH_NODE_TEXT) {
      assert(g_utf8_validate(n->as.literal, -1, NULL)); /* the readers repair text at the source */
      xmlTextWriterWriteString(w, BAD_CAST n->as.literal);
      continue;
    }
    if (in_block) indent(w, depth_of(n));
    if (n->type == AH_NODE_DOCUMENT) {
      write_root_start(w, doc);
      if (!(options & AH_OPT_NO_SOURCE)) {
        write_source(w, doc);
        write_registratie(w, doc);
      }
      continue;
    }
    xmlTextWriterStartElement(w, BAD_CAST ah_node_type_string(n->type));
    write_data(w, n, options);
    write_positions(w, n, options);
    if (ah_node_is_leaf(n->type)) xmlTextWriterEndElement(w);
  }
  ah_iter_free(it);
}

char *ah_render_xml(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  if (ah_render_begin(doc, options, "ah_render_xml", &options, err)) return NULL;
  xmlBufferPtr buf = xmlBufferCreate();
  /* libxml2's default grows the buffer to the exact size at every write:
   * quadratic copying for a large document wherever realloc cannot grow in
   * place (AddressSanitizer's allocator, for one) */
  if (buf) xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
  xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
  if (!w) {
    if (buf) xmlBufferFree(buf);
    ah_error_set(err, AH_ERROR_RENDER, "cannot create the XML writer (libxml2)");
    return NULL;
  }
  xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
  write_tree(w, doc, options);
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
  size_t n = (size_t)xmlBufferLength(buf);
  char *out = ah_strndup((const char *)xmlBufferContent(buf), n);
  xmlBufferFree(buf);
  if (len) *len = n;
  return out;
}

ah_status ah_write_xml_file(const ah_doc *doc, const char *path, int options, ah_error *err) {
  return (ah_status)ah_write_rendered(doc, path, options, ah_render_xml, err);
}
