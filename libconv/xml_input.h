/* xml_input.h — libxml2's XML and HTML parsers set up for bytes nobody vouches for
 * (xml_input.c), and what the readers of XML share: the root element's name
 * before parsing, element tests by local name. */
#ifndef AHCONV_XML_INPUT_H
#define AHCONV_XML_INPUT_H

#include "buffer.h"
#include "flow.h"

#include <libxml/tree.h>

/* Parses well-formed XML with network access off, no DTD loaded, no entity
 * substituted (user-defined references stay reference nodes; libxml2's
 * own amplification and depth limits stay on: no XML_PARSE_HUGE).  NULL
 * with AH_ERROR_FORMAT, naming the line and libxml2's message, when the
 * bytes are not well-formed ("publisher XML: not well-formed (line 3: …)");
 * `what` names the input in that message. */
/* What was replaced by U+FFFD before libxml2 saw the bytes. */
typedef struct {
  size_t invalid_utf8; /* invalid UTF-8 sequences */
  size_t not_xml;      /* characters XML cannot hold: C0 controls but tab,
                          LF and CR, U+FFFE, U+FFFF (libxml2's HTML parser
                          drops them without a word) */
} ah_repairs;

/* Bytes that are UTF-8 (no other encoding declared, no UTF-16 mark) have
 * each invalid sequence and each character XML cannot hold replaced by
 * U+FFFD first, counted in *repairs, so one bad byte does not refuse the
 * document; with repairs NULL they are refused as not well-formed instead. */
xmlDocPtr ah_xml_read(const void *data, size_t len, const char *what, ah_repairs *repairs, ah_error *err);

/* The name of the first element, before parsing: the prolog (declaration,
 * comments, processing instructions, a DOCTYPE with its internal subset)
 * is skipped.  Copies at most size-1 bytes into out; false when the bytes
 * do not start like XML or the name is longer. */
bool ah_xml_root_name(const unsigned char *data, size_t len, char *out, size_t size);

/* n is an element with this (local) name. */
bool ah_xml_is(const xmlNode *n, const char *name);

/* The value of an attribute as a new string, NULL when absent; caller frees. */
char *ah_xml_attr(const xmlNode *n, const char *name);

/* An HTML page parsed as untrusted bytes: no network, libxml2's recovery
 * on (pages are often not well-formed), XML_PARSE_HUGE (a text node over
 * 10 MB is kept whole; the input cap bounds the memory), AH_MAX_ELEMENTS
 * counted as it parses; the page's own charset, else UTF-8.  Bytes read as
 * UTF-8 (no charset declared, or UTF-8) have each invalid sequence and each
 * character XML cannot hold replaced by U+FFFD first, counted in *repairs
 * (libxml2 would otherwise read the whole page as Latin-1, or drop the
 * character).  NULL with err
 * set: AH_ERROR_LIMIT past the element cap, AH_ERROR_FORMAT without any
 * element. */
xmlDocPtr ah_html_read(const void *data, size_t len, ah_repairs *repairs, ah_error *err);

/* A loss for each kind of replacement made while reading (none for a
 * count of 0): "3 invalid UTF-8 sequences replaced by U+FFFD", "1
 * character XML cannot hold (a control character, U+FFFE or U+FFFF)
 * replaced by U+FFFD". */
void ah_xml_report_replaced(ah_losses *losses, const ah_repairs *repairs);

/* Text of the file made printable: line breaks and tabs are layout
 * (spaces); soft hyphens, zero-width characters and byte-order marks are
 * line-break hints (gone).  Appended to out. */
void ah_xml_clean_text(const char *s, ah_buf *out);
/* The text below n, cleaned and its white space collapsed; caller frees. */
char *ah_xml_text_of(const xmlNode *n);

#endif
