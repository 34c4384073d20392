/* pdf_xmp.h — the clean PDF's metadata values, and its XMP packet written
 * and read (pdf_xmp.c). */
#ifndef AHCONV_PDF_XMP_H
#define AHCONV_PDF_XMP_H

#include "pdf_meta.h"

/* ahconv's XMP namespace: the SHA-256 of the embedded XML */
#define AH_XMP_NS "urn:ahconv:pdf:1#"
/* the documents' language */
#define AH_PDF_LANG "nl-NL"

/* The XMP packet; xml_sha256 (may be NULL: nothing embedded) goes into
 * ahconv:xmlSha256.  Caller frees. */
char *ah_xmp_packet(const ah_pdf_meta *m, const char *xml_sha256);

typedef struct {
  char *creator;    /* xmp:CreatorTool */
  char *xml_sha256; /* ahconv:xmlSha256 */
} ah_xmp_facts;

/* The facts of a packet (absent ones NULL): 0, or -1 when it does not
 * parse as XML without a DTD. */
int ah_xmp_read(const char *xmp, size_t len, ah_xmp_facts *facts);
void ah_xmp_facts_free(ah_xmp_facts *f);

#endif
