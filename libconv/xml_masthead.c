/* xml_masthead.c — what the publisher's XML says about the publication
 * itself (xml_masthead.h).
 *
 * Takes: the kamervraagkop, kamervraagnummer and metadata elements of a
 * publisher XML document.  Gives: the session and chamber of the masthead,
 * the Aanhangsel number, the publication id the record pointer names, and
 * the record fields of the document's own metadata block, into ah_docmeta.
 * The first value found wins, as in the other readers.
 */
#include "xml_masthead.h"
#include "lexicon.h"
#include "registratie.h"
#include "xml_input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void ah_xml_read_masthead(ah_docmeta *meta, const xmlNode *kop) {
  for (const xmlNode *c = kop->children; c; c = c->next) {
    if (!ah_xml_is(c, "tekstregel")) continue;
    char *what = ah_xml_attr(c, "inhoud");
    char *t = ah_xml_text_of(c);
    ah_session session;
    if (what && !strcmp(what, "vergaderjaar") && !meta->session.first && ah_find_session(t, &session, NULL))
      meta->session = session;
    else if (what && !strcmp(what, "kameraanduiding") && meta->kamer == AH_KAMER_UNKNOWN)
      meta->kamer = ah_find_chamber(t);
    free(what);
    free(t);
  }
}

void ah_xml_read_number(ah_docmeta *meta, const xmlNode *n) {
  char *t = ah_xml_text_of(n);
  int number;
  const char *end;
  if (!meta->nummer && ah_parse_uint(t, INT32_MAX, &number, &end) && !*end) meta->nummer = number;
  free(t);
}

/* metadata/meta: the pointer to the record names the publication id in its
 * address (…/ah-tk-20202021-3235/metadata.xml); other names are record
 * fields, as in an HTML page's head. */
void ah_xml_read_meta_block(ah_docmeta *meta, const xmlNode *md) {
  for (const xmlNode *c = md->children; c; c = c->next) {
    if (!ah_xml_is(c, "meta")) continue;
    char *name = ah_xml_attr(c, "name"), *content = ah_xml_attr(c, "content");
    ah_pubid id;
    const char *start, *end;
    if (name && content && (end = ah_find_pubid(content, &id, &start)) &&
        (!strcmp(name, "OVERHEIDop.externMetadataRecord") || !strcmp(name, "DC.identifier")))
      ah_docmeta_take_id(meta, start, (size_t)(end - start));
    if (name && content) ah_registratie_take(&meta->record, name, content);
    free(name);
    free(content);
  }
}
