/* html_elements.c — what an HTML element is, for the HTML reader: its name,
 * its classes and id, and the kinds the reader treats alike (blocks,
 * headings, skipped elements, the official note markers and note lists). */
#include "html_elements.h"

#include <ctype.h>
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

