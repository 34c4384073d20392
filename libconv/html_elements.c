/* html_elements.c — what an HTML element is, for the HTML reader: its name,
 * its classes and id, and the kinds the reader treats alike (blocks,
 * headings, skipped elements, the official note markers and note lists). */
#include "html_elements.h"
#include "buffer.h"

#include <libxml/hash.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ah_html_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* class="a b c" contains the token `want` */
bool ah_html_has_class(const xmlNode *n, const char *want) {
  if (n->type != XML_ELEMENT_NODE) return false;
  xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
  if (!cls) return false;
  bool found = false;
  size_t wl = strlen(want);
  for (const char *p = (const char *)cls; *p && !found;) {
    while (*p && isspace((unsigned char)*p)) p++;
    const char *e = p;
    while (*e && !isspace((unsigned char)*e)) e++;
    found = (size_t)(e - p) == wl && strncmp(p, want, wl) == 0;
    p = e;
  }
  xmlFree(cls);
  return found;
}

bool ah_html_has_id(const xmlNode *n, const char *want) {
  if (n->type != XML_ELEMENT_NODE) return false;
  xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
  bool same = id && strcmp((const char *)id, want) == 0;
  xmlFree(id);
  return same;
}

bool ah_html_is_heading(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
         n->name[1] <= '6' && !n->name[2];
}

bool ah_html_is_skipped(const xmlNode *n) {
  static const char *const names[] = {"script", "style", "head", "noscript", "template", "iframe",
                                      "object", "select", "button", "svg", "math", NULL};
  for (int i = 0; names[i]; i++)
    if (ah_html_is(n, names[i])) return true;
  /* the close button of an official note popup: "X Noot" */
  return ah_html_has_class(n, "note-close");
}

/* Elements that end the paragraph before them and start a new one. */
bool ah_html_is_block(const xmlNode *n) {
  static const char *const names[] = {"p",  "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                                      "section", "article", "header", "footer", "main", "aside",
                                      "pre", "hr", "address", "center", "form", "fieldset", "body",
                                      "caption", "figure", "figcaption", NULL};
  if (ah_html_is_heading(n)) return true;
  for (int i = 0; names[i]; i++)
    if (ah_html_is(n, names[i])) return true;
  return false;
}

bool ah_html_is_note_marker(const xmlNode *n) {
  return ah_html_has_class(n, "nootnum") || ah_html_has_class(n, "_p_nootref") || ah_html_has_class(n, "nootref");
}

bool ah_html_is_notes_container(const xmlNode *n) {
  return ah_html_has_id(n, "noten") || ah_html_has_class(n, "nootlijst") || ah_html_has_class(n, "noten");
}

/* Skipped elements that show text to a reader: their text is reported. */
bool ah_html_shows_text(const xmlNode *n) {
  static const char *const names[] = {"object", "select", "button", "svg", "math", NULL};
  for (int i = 0; names[i]; i++)
    if (ah_html_is(n, names[i])) return true;
  return false;
}


/* ---- paths ---------------------------------------------------------------- */

/* Numbers the elements of one sibling list by name: a hash of the names
 * counted so far keeps 100,000 siblings linear (libxml2's xmlGetNodePath
 * counts the siblings again for every element it is asked about). */
static void number_siblings(xmlNode *first) {
  xmlHashTablePtr counts = xmlHashCreate(16);
  if (!counts) return; /* no memory: paths are left out, the text is not */
  for (xmlNode *c = first; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    intptr_t k = (intptr_t)xmlHashLookup(counts, c->name) + 1;
    xmlHashUpdateEntry(counts, c->name, (void *)k, NULL);
    c->_private = (void *)(k * 2);
  }
  for (xmlNode *c = first; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (intptr_t)xmlHashLookup(counts, c->name) > 1)
      c->_private = (void *)((intptr_t)c->_private | 1); /* it has namesakes: the step takes [k] */
  xmlHashFree(counts, NULL);
}

void ah_html_number_elements(xmlDoc *doc) {
  number_siblings(doc->children);
  /* every sibling list, walked without recursion */
  xmlNode *root = (xmlNode *)doc, *n = doc->children;
  while (n && n != root) {
    if (n->type == XML_ELEMENT_NODE && n->children) {
      number_siblings(n->children);
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
}

char *ah_html_path(const xmlNode *n) {
  size_t depth = 0;
  for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) depth++;
  const xmlNode **chain = ah_xreallocarray(NULL, depth ? depth : 1, sizeof *chain);
  size_t i = depth;
  for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) chain[--i] = a;
  ah_buf path = {0};
  for (i = 0; i < depth; i++) {
    intptr_t k = (intptr_t)chain[i]->_private;
    if (k & 1) ah_buf_printf(&path, "/%s[%ld]", (const char *)chain[i]->name, (long)(k / 2));
    else ah_buf_printf(&path, "/%s", (const char *)chain[i]->name);
  }
  free(chain);
  return ah_buf_steal(&path);
}
