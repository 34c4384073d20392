/* source_ownxml.h — ahconv's own normalized XML read back into a tree
 * (source_ownxml.c). */
#ifndef AHCONV_SOURCE_OWNXML_H
#define AHCONV_SOURCE_OWNXML_H

#include "document.h"

/* What the XML's bron says about where it came from. */
typedef struct {
  char *converter; /* "ahconv 0.1.0", NULL when absent */
  char *format, *name, *sha256; /* bron's formaat, bestand, sha256: the original rendition; NULL when absent */
  int page_first, page_last;    /* bron's pagina-van, pagina-tot: one document of a bundle file; 0 when absent */
} ah_ownxml_source;

/* Appends the XML's tree below root and fills meta (pages: bron's paginas)
 * and dates.  0, or -1 when the XML is not exactly ahconv's vocabulary (the
 * tree may then be partly built; the caller frees it). */
int ah_source_ownxml(const char *xml, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates,
                     ah_ownxml_source *src);
void ah_ownxml_source_free(ah_ownxml_source *src);

/* ahconv's XML given as an input file: parsed by the rules of any XML
 * nobody vouches for (ah_xml_read: no network, no DTD loaded, no entity
 * substituted, the size and element caps), then read as
 * ah_source_ownxml does.  0, or -1 with err set (AH_ERROR_FORMAT: not
 * well-formed, a DTD, or not exactly ahconv's vocabulary). */
int ah_source_ownxml_input(const void *data, size_t len, ah_node *root, ah_docmeta *meta, ah_dates *dates,
                           ah_ownxml_source *src, ah_error *err);

#endif
