/* docmeta.c — what a rendition says about the publication (flow.h's
 * ah_docmeta): the id taken once, the rest completed from it, freed with
 * the metadata record it carries.
 *
 * Takes: the id and facts a reader found.  Gives: the ah_docmeta the
 * document is assembled with.  Apart from flow.c so the flow's own types
 * (spans, lines, blocks, losses) depend on nothing but the buffer helpers.
 */
#include "flow.h"

#include <stdlib.h>
#include <string.h>

void ah_docmeta_take_id(ah_docmeta *m, const char *id, size_t len) {
  if (!m->id) m->id = ah_strndup(id, len);
}

void ah_docmeta_complete_from_id(ah_docmeta *m) {
  ah_pubid id;
  if (!m->id || !ah_is_pubid(m->id, &id)) return;
  if (m->kamer == AH_KAMER_UNKNOWN) m->kamer = id.kamer;
  if (!m->session.first) m->session = id.session;
  if (!m->nummer) m->nummer = id.number;
}

void ah_docmeta_free(ah_docmeta *m) {
  free(m->id);
  ah_registratie_free(&m->record);
  memset(m, 0, sizeof *m);
}
