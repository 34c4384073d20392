/* pdf_xmp.c — the clean PDF's XMP metadata: written from the same values
 * as its document information dictionary, and read back for the two facts
 * that decide whether the embedded XML can be trusted (pdf_xmp.h).
 *
 * Takes: the metadata values (title, askers, subject, keywords, dates, id)
 * and the SHA-256 of the embedded XML.
 * Gives: an XMP packet with Dublin Core, XMP basic and PDF properties that
 * match the information dictionary entry for entry (as PDF/A asks), the
 * publication id as dc:identifier, the language, and ahconv's own property
 * with its PDF/A extension schema description.  Reading parses a packet
 * with libxml2, network and entities off.
 */
#include "pdf_xmp.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define NS_XMP "http://ns.adobe.com/xap/1.0/"

static void simple(ah_buf *b, const char *name, const char *value) {
  if (!value || !*value) return;
  ah_buf_printf(b, "   <%s>", name);
  ah_buf_put_escaped(b, value);
  ah_buf_printf(b, "</%s>\n", name);
}

static void alt(ah_buf *b, const char *name, const char *value) {
  if (!value || !*value) return;
  ah_buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", name);
  ah_buf_put_escaped(b, value);
  ah_buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", name);
}

/* "Kamervragen; ah-tk-…; Minister van X" as a bag of its items */
static void keyword_bag(ah_buf *b, const char *keywords) {
  if (!keywords || !*keywords) return;
  ah_buf_puts(b, "   <dc:subject><rdf:Bag>");
  for (const char *k = keywords; *k;) {
    size_t n = strcspn(k, ";");
    char *item = ah_strndup(k, n);
    ah_buf_puts(b, "<rdf:li>");
    ah_buf_put_escaped(b, item);
    ah_buf_puts(b, "</rdf:li>");
    free(item);
    k += n;
    while (*k == ';' || *k == ' ') k++;
  }
  ah_buf_puts(b, "</rdf:Bag></dc:subject>\n");
}

static const char EXTENSION_SCHEMA[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>ahconv clean PDF</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>" AH_XMP_NS "</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>ahconv</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>xmlSha256</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>SHA-256 of the normalized XML embedded as the associated file</pdfaProperty:"
    "description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

char *ah_xmp_packet(const ah_pdf_meta *m, const char *xml_sha256) {
  ah_buf b = {0};
  ah_buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                  "  <rdf:Description rdf:about=\"\"\n"
                  "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                  "    xmlns:xmp=\"" NS_XMP "\"\n"
                  "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                  "    xmlns:ahconv=\"" AH_XMP_NS "\">\n"
                  "   <dc:format>application/pdf</dc:format>\n");
  alt(&b, "dc:title", m->title);
  if (m->author && *m->author) {
    /* one entry, the information dictionary's Author exactly */
    ah_buf_puts(&b, "   <dc:creator><rdf:Seq><rdf:li>");
    ah_buf_put_escaped(&b, m->author);
    ah_buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
  }
  alt(&b, "dc:description", m->subject);
  keyword_bag(&b, m->keywords);
  simple(&b, "dc:identifier", m->id);
  ah_buf_printf(&b, "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", AH_PDF_LANG);
  simple(&b, "pdf:Keywords", m->keywords);
  simple(&b, "pdf:Producer", m->producer);
  simple(&b, "xmp:CreatorTool", m->creator);
  simple(&b, "xmp:CreateDate", m->date);
  simple(&b, "xmp:ModifyDate", m->date);
  simple(&b, "xmp:MetadataDate", m->date);
  simple(&b, "ahconv:xmlSha256", xml_sha256);
  ah_buf_puts(&b, "  </rdf:Description>\n");
  if (xml_sha256) ah_buf_puts(&b, EXTENSION_SCHEMA);
  ah_buf_puts(&b, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
  return ah_buf_steal(&b);
}

/* ---- reading ------------------------------------------------------------ */

static bool named(const xmlNode *n, const char *ns, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
         !strcmp((const char *)n->name, name);
}

static char *element_text(const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  char *s = ah_strdup(t ? (const char *)t : "");
  xmlFree(t);
  return s;
}

/* The node after n in document order, inside root's subtree: iterative,
 * so a hostile packet nesting deep costs no stack. */
static const xmlNode *next_node(const xmlNode *n, const xmlNode *root) {
  if (n->type == XML_ELEMENT_NODE && n->children) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

static void find_facts(const xmlNode *root, ah_xmp_facts *f) {
  for (const xmlNode *n = root; n; n = next_node(n, root)) {
    if (named(n, NS_XMP, "CreatorTool") && !f->creator) f->creator = element_text(n);
    if (named(n, AH_XMP_NS, "xmlSha256") && !f->xml_sha256) f->xml_sha256 = element_text(n);
  }
}

int ah_xmp_read(const char *xmp, size_t len, ah_xmp_facts *facts) {
  *facts = (ah_xmp_facts){0};
  if (len > (size_t)1 << 24) return -1;
  xmlDocPtr doc = xmlReadMemory(xmp, (int)len, "xmp.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return -1;
  int rc = doc->intSubset ? -1 : 0; /* no DTD: nothing to expand */
  if (rc == 0) find_facts(xmlDocGetRootElement(doc), facts);
  xmlFreeDoc(doc);
  return rc;
}

void ah_xmp_facts_free(ah_xmp_facts *f) {
  free(f->creator);
  free(f->xml_sha256);
  *f = (ah_xmp_facts){0};
}
