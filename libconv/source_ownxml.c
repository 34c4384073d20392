/* source_ownxml.c — ahconv's own normalized XML in, the node tree out.
 *
 * Takes: XML in the vocabulary of spec/aanhangsel-xml.md as write_xml.c
 * writes it (the XML a clean PDF carries, pdf_embed.c).  Gives: the tree
 * below the document root, the metadata (id, chamber, session, number, the
 * pages bron names) and the dates, exactly as the reader that made the XML
 * had them.  Strict: an unknown element or attribute, text where only
 * elements stand, a comment, a DTD, or a tree ah_node_check refuses makes
 * it give up (the caller then reads the rendition itself).  libxml2 parses
 * with network access off and without a DTD nothing can be expanded.  The
 * same XML given as an input file (ah_source_ownxml_input) is parsed by
 * xml_input.c's rules for XML nobody vouches for, caps included.
 */
#include "source_ownxml.h"
#include "caps.h"
#include "lexicon.h"
#include "registratie.h"
#include "xml_input.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#define NS "urn:ahconv:aanhangsel:1"

static bool is(const char *a, const char *b) { return a && b && !strcmp(a, b); }

static ah_node_type type_named(const char *name) {
  for (int t = AH_NODE_DOCUMENT; t <= AH_NODE_LAST_TYPE; t++)
    if (t != AH_NODE_TEXT && is(ah_node_type_string((ah_node_type)t), name)) return (ah_node_type)t;
  return AH_NODE_NONE;
}

static bool element_only(ah_node_type t) {
  return t == AH_NODE_DOCUMENT || t == AH_NODE_VRAAG || t == AH_NODE_ANTWOORD || t == AH_NODE_MEDEDELING ||
         t == AH_NODE_NOTEN || t == AH_NODE_NOOT || t == AH_NODE_LIST || t == AH_NODE_TABLE || t == AH_NODE_ROW ||
         t == AH_NODE_FIGURE;
}

static bool blank(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') return false;
  return true;
}

static bool read_attrs(const xmlNode *x, ah_node *n) {
  for (const xmlAttr *a = x->properties; a; a = a->next) {
    xmlChar *v = xmlNodeListGetString(x->doc, a->children, 1);
    bool ok = !a->ns && ah_node_attr_read(n, (const char *)a->name, v ? (const char *)v : "");
    xmlFree(v);
    if (!ok) return false;
  }
  return true;
}

static bool in_ns(const xmlNode *x) { return x->ns && is((const char *)x->ns->href, NS); }

static bool take_written(ah_docmeta *meta, const char *name, const xmlNode *holder, const xmlNode *value) {
  xmlChar *v = xmlNodeListGetString(holder->doc, value, 1);
  bool ok = ah_registratie_take_written(&meta->record, name, v ? (const char *)v : "");
  xmlFree(v);
  return ok;
}

/* The registratie element: its attributes and one level of text-only
 * children, every name one the record knows. */
static bool read_registratie(const xmlNode *x, ah_docmeta *meta) {
  for (const xmlAttr *a = x->properties; a; a = a->next)
    if (a->ns || !take_written(meta, (const char *)a->name, x, a->children)) return false;
  for (const xmlNode *c = x->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && blank((const char *)c->content)) continue;
    if (c->type != XML_ELEMENT_NODE || !in_ns(c) || c->properties) return false;
    for (const xmlNode *t = c->children; t; t = t->next)
      if (t->type != XML_TEXT_NODE) return false;
    if (!take_written(meta, (const char *)c->name, c, c->children)) return false;
  }
  return true;
}

/* The children of x below n. */
static bool read_children(const xmlNode *x, ah_node *n, ah_docmeta *meta, int depth) {
  if (depth > AH_MAX_OWNXML_DEPTH) return false;
  for (const xmlNode *c = x->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      const char *t = (const char *)c->content;
      if (element_only(n->type) ? !blank(t) : n->type == AH_NODE_NOTE_REF) return false;
      if (!element_only(n->type)) ah_node_append_text(n, t, strlen(t));
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || !in_ns(c)) return false;
    if (n->type == AH_NODE_DOCUMENT && is((const char *)c->name, "bron")) continue; /* read by read_source */
    if (n->type == AH_NODE_DOCUMENT && is((const char *)c->name, "registratie")) {
      if (!read_registratie(c, meta)) return false;
      continue;
    }
    ah_node_type t = type_named((const char *)c->name);
    if (t == AH_NODE_NONE || t == AH_NODE_DOCUMENT) return false;
    ah_node *child = ah_node_append(n, t);
    if (!read_attrs(c, child) || !read_children(c, child, meta, depth + 1)) return false;
  }
  return true;
}

/* The root's attributes and bron's page count and converter. */
static bool read_root(const xmlNode *x, ah_docmeta *meta) {
  bool versie = false;
  for (const xmlAttr *a = x->properties; a; a = a->next) {
    xmlChar *xv = xmlNodeListGetString(x->doc, a->children, 1);
    const char *v = xv ? (const char *)xv : "", *name = (const char *)a->name, *end = v;
    bool ok = !a->ns;
    if (is(name, "versie")) ok = ok && (versie = is(v, "1"));
    else if (is(name, "id")) ah_docmeta_take_id(meta, v, strlen(v));
    else if (is(name, "kamer")) ok = ok && (end = ah_scan_kamer_code(v, &meta->kamer)) && !*end;
    else if (is(name, "vergaderjaar")) ok = ok && (end = ah_scan_session(v, &meta->session)) && !*end;
    else if (is(name, "nummer")) ok = ok && ah_parse_uint(v, 1 << 30, &meta->nummer, &end) && !*end;
    else ok = false;
    xmlFree(xv);
    if (!ok) return false;
  }
  return versie;
}

static bool read_source(const xmlNode *x, ah_docmeta *meta, ah_ownxml_source *src) {
  for (const xmlNode *c = x->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is((const char *)c->name, "bron")) continue;
    for (const xmlAttr *a = c->properties; a; a = a->next) {
      xmlChar *xv = xmlNodeListGetString(x->doc, a->children, 1);
      const char *v = xv ? (const char *)xv : "", *name = (const char *)a->name, *end;
      char **keep = a->ns ? NULL : is(name, "formaat") ? &src->format : is(name, "bestand") ? &src->name
                                  : is(name, "sha256") ? &src->sha256 : NULL;
      bool ok = keep && !*keep && (*keep = ah_strdup(v)) != NULL;
      if (!a->ns && is(name, "paginas")) ok = ah_parse_uint(v, 1 << 20, &meta->pages, &end) && !*end;
      if (!a->ns && is(name, "converter") && !src->converter) ok = (src->converter = ah_strdup(v)) != NULL;
      /* one document of a bundle: where it stood in the original file */
      int *page = a->ns ? NULL : is(name, "pagina-van") ? &src->page_first : is(name, "pagina-tot") ? &src->page_last : NULL;
      if (page) ok = ah_parse_uint(v, 1 << 20, page, &end) && !*end && *page > 0;
      xmlFree(xv);
      if (!ok) return false;
    }
  }
  return true;
}

/* As the structure stage has them: an omschrijving's date is the question's
 * sending in (vraag) or the answer's receipt (antwoord, mededeling), the
 * first omschrijving of each kind counting. */
static void read_dates(const ah_node *root, ah_dates *dates) {
  for (const ah_node *om = root->first; om; om = om->next) {
    if (om->type != AH_NODE_OMSCHRIJVING) continue;
    const char *iso = "";
    for (const ah_node *c = om->first; c; c = c->next)
      if (c->type == AH_NODE_DATUM) iso = c->as.iso;
    char *slot = om->as.omschrijving == AH_OMSCHRIJVING_VRAAG ? dates->sent : dates->received;
    if (!*slot) memcpy(slot, iso, strlen(iso) + 1);
  }
}

/* The tree of a parsed document, which it frees. */
static int read_doc(xmlDocPtr doc, ah_node *root, ah_docmeta *meta, ah_dates *dates, ah_ownxml_source *src) {
  const xmlNode *x = xmlDocGetRootElement(doc);
  bool ok = !doc->intSubset && x && in_ns(x) && is((const char *)x->name, "aanhangsel") &&
            read_root(x, meta) && read_source(x, meta, src) && read_children(x, root, meta, 1) &&
            ah_node_check(root, NULL) == 0;
  for (const xmlNode *n = doc->children; ok && n; n = n->next) ok = n == x; /* nothing beside the root */
  xmlFreeDoc(doc);
  if (ok) read_dates(root, dates);
  return ok ? 0 : -1;
}

int ah_source_ownxml(const char *xml, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates,
                     ah_ownxml_source *src) {
  *src = (ah_ownxml_source){0};
  if (len > AH_MAX_INPUT_BYTES) return -1;
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, "embedded.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  return doc ? read_doc(doc, root, meta, dates, src) : -1;
}

int ah_source_ownxml_input(const void *data, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates,
                           ah_ownxml_source *src, ah_error *err) {
  *src = (ah_ownxml_source){0};
  xmlDocPtr doc = ah_xml_read(data, len, "ahconv XML", NULL, err);
  if (!doc) return -1;
  if (read_doc(doc, root, meta, dates, src) == 0) return 0;
  ah_error_set(err, AH_ERROR_FORMAT,
               "ahconv XML: not exactly ahconv's vocabulary (an element, attribute, text, comment or DTD it does "
               "not write)");
  return -1;
}

void ah_ownxml_source_free(ah_ownxml_source *src) {
  free(src->converter);
  free(src->format);
  free(src->name);
  free(src->sha256);
  *src = (ah_ownxml_source){0};
}
