/* xml_input.c — markup bytes to a libxml2 tree, safely (xml_input.h).
 *
 * Takes: bytes that claim to be XML (the publisher's document or its
 * metadata record) or HTML (a page).  Gives: the parsed tree, or an error
 * naming the line or the limit; and the file's text made printable.
 *
 * What an attacker's XML could try, and why it fails here:
 *  - an external DTD or external entity (file or network): XML_PARSE_NONET
 *    forbids the network, and neither XML_PARSE_DTDLOAD nor XML_PARSE_NOENT
 *    is set, so no DTD is loaded and no entity is substituted or fetched;
 *  - entity amplification ("billion laughs"): references stay reference
 *    nodes, and libxml2's loop and amplification checks stay on (no
 *    XML_PARSE_HUGE);
 *  - nesting 100,000 deep: libxml2 refuses more than 256 levels (the
 *    readers follow at most AH_MAX_XML_DEPTH and report the rest);
 *  - sheer size: AH_MAX_XML_BYTES, checked before parsing, and
 *    AH_MAX_ELEMENTS, counted while parsing (a file of tiny elements
 *    is the largest tree per byte).
 * The parser never recovers: bytes that are not well-formed XML are
 * refused, so a damaged file is not half read.
 */
#include "xml_input.h"
#include "caps.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* The charset the bytes declare in their first 4 KiB (a meta charset, a
 * Content-Type's charset=, an XML declaration's encoding=), copied into
 * out; false when they declare none. */
static bool declared_charset(const char *data, size_t len, char *out, size_t size) {
  size_t n = len < 4096 ? len : 4096;
  for (size_t i = 0; i + 8 <= n; i++) {
    size_t at;
    if (strncasecmp(data + i, "charset=", 8) == 0) at = i + 8;
    else if (i + 9 <= n && strncasecmp(data + i, "encoding=", 9) == 0) at = i + 9;
    else continue; /* the bytes are not NUL-terminated: never compare past n */
    while (at < n && (data[at] == '"' || data[at] == '\'' || data[at] == ' ')) at++;
    size_t k = 0;
    while (at + k < n && k + 1 < size && (isalnum((unsigned char)data[at + k]) || strchr("-_.:", data[at + k])))
      out[k] = data[at + k], k++;
    out[k] = 0;
    return true;
  }
  return false;
}

static bool is_utf8_name(const char *charset) {
  return !strcasecmp(charset, "utf-8") || !strcasecmp(charset, "utf8");
}

/* Bytes taken as UTF-8 are made valid UTF-8 before libxml2 sees them: its
 * HTML parser would read the whole page as Latin-1 after one bad byte
 * ("ÿþ" for FF FE), its XML parser refuse the document.  Each invalid
 * sequence becomes U+FFFD (buffer.h); *replaced counts them, and *fixed
 * holds the repaired copy when there were any (the input is not copied
 * otherwise). */
static size_t repair_utf8(const char *data, size_t len, ah_buf *fixed) {
  if (!ah_utf8_count_invalid(data, len)) return 0;
  return ah_buf_put_utf8_counted(fixed, data, len);
}

/* The length of a character XML 1.0 cannot hold at p (C0 controls but tab,
 * LF and CR; U+FFFE and U+FFFF), 0 for any other. */
static size_t not_xml_at(const unsigned char *p, size_t n) {
  if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') return 1;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return 3;
  return 0;
}

/* Valid UTF-8 with each character XML cannot hold replaced by U+FFFD into
 * *fixed (left empty when there is none); their number. */
static size_t replace_not_xml(const char *data, size_t len, ah_buf *fixed) {
  const unsigned char *p = (const unsigned char *)data;
  size_t count = 0, run = 0;
  for (size_t i = 0; i < len;) {
    size_t k = not_xml_at(p + i, len - i);
    if (!k) {
      i++;
      continue;
    }
    ah_buf_put(fixed, data + run, i - run);
    ah_buf_puts(fixed, "\xEF\xBF\xBD");
    count++;
    i += k;
    run = i;
  }
  if (count) ah_buf_put(fixed, data + run, len - run);
  return count;
}

/* Both repairs of bytes taken as UTF-8; *data and *len point at the
 * repaired copy (in *fixed) when anything was replaced. */
static void repair(const void **data, size_t *len, ah_buf *fixed, ah_repairs *repairs) {
  ah_buf valid = {0};
  repairs->invalid_utf8 = repair_utf8(*data, *len, &valid);
  if (valid.len) *data = valid.data, *len = valid.len;
  repairs->not_xml = replace_not_xml(*data, *len, fixed);
  if (fixed->len) {
    *data = fixed->data, *len = fixed->len;
    ah_buf_free(&valid);
  } else if (valid.len) {
    *fixed = valid;
  }
}

/* Counts elements as the parser starts them and stops it past the cap. */
typedef struct {
  startElementNsSAX2Func start;
  size_t elements;
} element_counter;

static void count_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes) {
  xmlParserCtxtPtr ctxt = ctx;
  element_counter *counter = ctxt->_private;
  if (++counter->elements > AH_MAX_ELEMENTS) {
    xmlStopParser(ctxt);
    return;
  }
  counter->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
}

static xmlDocPtr parse_xml(const void *data, size_t len, const char *what, ah_error *err);

/* XML is UTF-8 unless its declaration names another encoding or it
 * starts with a UTF-16 byte-order mark.  Only the declaration counts: a
 * "charset=" in the text says nothing about the file. */
static bool xml_is_utf8(const char *data, size_t len) {
  char charset[32];
  if (len >= 2 && (((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF) ||
                   ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE)))
    return false;
  size_t start = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0, end = start;
  if (len - start < 5 || memcmp(data + start, "<?xml", 5) != 0) return true;
  while (end + 1 < len && end < 4096 && !(data[end] == '?' && data[end + 1] == '>')) end++;
  return !declared_charset(data + start, end - start, charset, sizeof charset) || is_utf8_name(charset);
}

xmlDocPtr ah_xml_read(const void *data, size_t len, const char *what, ah_repairs *repairs, ah_error *err) {
  if (len > AH_MAX_XML_BYTES) {
    ah_error_set(err, AH_ERROR_FORMAT, "%s too large (over %u MiB)", what, AH_MAX_XML_BYTES >> 20);
    return NULL;
  }
  ah_buf fixed = {0};
  if (repairs) *repairs = (ah_repairs){0};
  if (repairs && xml_is_utf8(data, len)) repair(&data, &len, &fixed, repairs);
  xmlDocPtr doc = parse_xml(data, len, what, err);
  ah_buf_free(&fixed);
  return doc;
}

static xmlDocPtr parse_xml(const void *data, size_t len, const char *what, ah_error *err) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    ah_error_set(err, AH_ERROR_NOMEM, "cannot create the XML parser (libxml2)");
    return NULL;
  }
  element_counter counter = {ctxt->sax->startElementNs, 0};
  ctxt->_private = &counter;
  ctxt->sax->startElementNs = count_element;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, options);
  if (counter.elements > AH_MAX_ELEMENTS) {
    ah_error_set(err, AH_ERROR_LIMIT, "%s has over %u elements", what, AH_MAX_ELEMENTS);
    if (doc) xmlFreeDoc(doc);
    doc = NULL;
  } else if (!doc || !ctxt->wellFormed || !xmlDocGetRootElement(doc)) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    char msg[160] = "no root element";
    if (e && e->message) {
      snprintf(msg, sizeof msg, "%s", e->message);
      size_t n = strlen(msg);
      while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = 0;
    }
    ah_error_set(err, AH_ERROR_FORMAT, "%s: not well-formed (line %d: %s)", what, e ? e->line : 0, msg);
    if (doc) xmlFreeDoc(doc);
    doc = NULL;
  }
  xmlFreeParserCtxt(ctxt);
  return doc;
}

/* ---- HTML ------------------------------------------------------------------- */

/* The same guard on the HTML parser's (SAX1) callback. */
typedef struct {
  startElementSAXFunc start;
  size_t elements;
} html_element_counter;

static void count_html_element(void *ctx, const xmlChar *name, const xmlChar **atts) {
  htmlParserCtxtPtr ctxt = ctx;
  html_element_counter *counter = ctxt->_private;
  if (++counter->elements > AH_MAX_ELEMENTS) {
    xmlStopParser(ctxt);
    return;
  }
  counter->start(ctx, name, atts);
}

static xmlDocPtr parse_html(const void *data, size_t len, const char *encoding, ah_error *err);

/* A page that declares no charset is taken as UTF-8 (the publisher's),
 * not Latin-1; one that declares UTF-8 is held to it; any other declared
 * charset is the page's own and libxml2 decodes it. */
xmlDocPtr ah_html_read(const void *data, size_t len, ah_repairs *repairs, ah_error *err) {
  char charset[32];
  bool declared = declared_charset(data, len, charset, sizeof charset);
  ah_buf fixed = {0};
  *repairs = (ah_repairs){0};
  if (!declared || is_utf8_name(charset)) repair(&data, &len, &fixed, repairs);
  xmlDocPtr doc = parse_html(data, len, declared ? NULL : "UTF-8", err);
  ah_buf_free(&fixed);
  return doc;
}

static xmlDocPtr parse_html(const void *data, size_t len, const char *encoding, ah_error *err) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) {
    ah_error_set(err, AH_ERROR_NOMEM, "cannot create the HTML parser (libxml2)");
    return NULL;
  }
  html_element_counter counter = {ctxt->sax->startElement, 0};
  ctxt->_private = &counter;
  ctxt->sax->startElement = count_html_element;
  /* HUGE: libxml2 would otherwise cut a text node at 10 MB without a word;
   * our own input cap (caps.h) bounds the memory instead */
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | XML_PARSE_HUGE;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, encoding, options);
  xmlFreeParserCtxt(ctxt);
  if (counter.elements > AH_MAX_ELEMENTS) {
    if (doc) xmlFreeDoc(doc);
    ah_error_set(err, AH_ERROR_LIMIT, "HTML page has over %u elements", AH_MAX_ELEMENTS);
    return NULL;
  }
  if (!doc || !xmlDocGetRootElement(doc)) {
    if (doc) xmlFreeDoc(doc);
    ah_error_set(err, AH_ERROR_FORMAT, "HTML page has no elements");
    return NULL;
  }
  return doc;
}

/* ---- the root's name before parsing --------------------------------------- */

static size_t skip_space(const unsigned char *d, size_t len, size_t i) {
  while (i < len && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')) i++;
  return i;
}

/* Past the first occurrence of `end` from i; len when there is none. */
static size_t skip_past(const unsigned char *d, size_t len, size_t i, const char *end) {
  size_t n = strlen(end);
  for (; i + n <= len; i++)
    if (memcmp(d + i, end, n) == 0) return i + n;
  return len;
}

/* Past a DOCTYPE: its internal subset in [ ] may hold '>' and quoted text. */
static size_t skip_doctype(const unsigned char *d, size_t len, size_t i) {
  int bracket = 0;
  unsigned char quote = 0;
  for (; i < len; i++) {
    unsigned char c = d[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      bracket++;
    } else if (c == ']') {
      bracket--;
    } else if (c == '>' && bracket <= 0) {
      return i + 1;
    }
  }
  return len;
}

static bool name_char(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

bool ah_xml_root_name(const unsigned char *d, size_t len, char *out, size_t size) {
  size_t i = 0;
  if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) i = 3;
  for (;;) {
    i = skip_space(d, len, i);
    if (i + 1 >= len || d[i] != '<') return false;
    if (d[i + 1] == '?') i = skip_past(d, len, i + 2, "?>");
    else if (len - i >= 4 && memcmp(d + i, "<!--", 4) == 0) i = skip_past(d, len, i + 4, "-->");
    else if (len - i >= 9 && memcmp(d + i, "<!DOCTYPE", 9) == 0) i = skip_doctype(d, len, i + 9);
    else break;
  }
  size_t start = i + 1, n = 0;
  while (start + n < len && name_char(d[start + n])) n++;
  if (!n || n >= size) return false;
  memcpy(out, d + start, n);
  out[n] = 0;
  return true;
}

/* ---- element tests --------------------------------------------------------- */

bool ah_xml_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

char *ah_xml_attr(const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  char *copy = ah_strdup((const char *)v);
  xmlFree(v);
  return copy;
}

/* ---- text ------------------------------------------------------------------- */

/* Line breaks and tabs of the file are layout: spaces.  Soft hyphens and
 * zero-width characters are line-break hints: gone. */
void ah_xml_clean_text(const char *s, ah_buf *out) {
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (p[0] == 0xC2 && p[1] == 0xAD) { p += 2; continue; }
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8B || p[2] == 0x8C || p[2] == 0x8D)) { p += 3; continue; }
    if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) { p += 3; continue; }
    if (*p == '\t' || *p == '\n' || *p == '\r') { ah_buf_putc(out, ' '); p++; continue; }
    ah_buf_putc(out, (char)*p++);
  }
}

/* The text below n, cleaned and collapsed; caller frees. */
char *ah_xml_text_of(const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  ah_buf clean = {0};
  ah_xml_clean_text(t ? (const char *)t : "", &clean);
  xmlFree(t);
  char *s = ah_normalize_space(clean.data ? clean.data : "");
  ah_buf_free(&clean);
  return s;
}

void ah_xml_report_replaced(ah_losses *losses, const ah_repairs *repairs) {
  ah_buf what = {0};
  size_t n = repairs->invalid_utf8, k = repairs->not_xml;
  if (n) {
    ah_buf_printf(&what, "%zu invalid UTF-8 sequence%s replaced by U+FFFD", n, n == 1 ? "" : "s");
    ah_losses_add(losses, AH_LOST_ENCODING, 0, what.data);
  }
  if (k) {
    what.len = 0;
    ah_buf_printf(&what, "%zu character%s XML cannot hold (a control character, U+FFFE or U+FFFF) replaced by U+FFFD",
                  k, k == 1 ? "" : "s");
    ah_losses_add(losses, AH_LOST_ENCODING, 0, what.data);
  }
  ah_buf_free(&what);
}
