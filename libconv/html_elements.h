/* html_elements.h — element tests of the HTML reader (html_elements.c). */
#ifndef AHCONV_HTML_ELEMENTS_H
#define AHCONV_HTML_ELEMENTS_H

#include <libxml/tree.h>
#include <stdbool.h>

bool ah_html_is(const xmlNode *n, const char *name);
bool ah_html_has_class(const xmlNode *n, const char *want);
bool ah_html_has_id(const xmlNode *n, const char *want);
bool ah_html_is_heading(const xmlNode *n);
bool ah_html_is_skipped(const xmlNode *n);
bool ah_html_is_block(const xmlNode *n);
bool ah_html_is_note_marker(const xmlNode *n);
bool ah_html_is_notes_container(const xmlNode *n);
bool ah_html_shows_text(const xmlNode *n);

/* Numbers every element of the tree among its siblings of the same name
 * (in its _private field), in one pass; then ah_html_path costs only the
 * element's depth.  The same path as xmlGetNodePath ("/html/body/div[2]/p"),
 * which counts all siblings again for every element: quadratic in a page
 * of many paragraphs.  Caller frees the path. */
void ah_html_number_elements(xmlDoc *doc);
char *ah_html_path(const xmlNode *n);

#endif
