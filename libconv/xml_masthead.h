/* xml_masthead.h — the publication's own facts in the publisher's XML
 * (xml_masthead.c): masthead, number, metadata block.
 */
#ifndef AHCONV_XML_MASTHEAD_H
#define AHCONV_XML_MASTHEAD_H

#include "flow.h"

#include <libxml/tree.h>

/* kamervraagkop: the tekstregel lines "vergaderjaar" and "kameraanduiding". */
void ah_xml_read_masthead(ah_docmeta *meta, const xmlNode *kop);
/* kamervraagnummer: the Aanhangsel number. */
void ah_xml_read_number(ah_docmeta *meta, const xmlNode *n);
/* metadata/meta: the record pointer's publication id and record fields. */
void ah_xml_read_meta_block(ah_docmeta *meta, const xmlNode *md);

#endif
