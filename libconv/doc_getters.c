/* doc_getters.c — the public metadata getters of ahconv.h.
 *
 * Takes: an ah_doc (through document.h's reads, never its fields).  Gives:
 * what the omschrijvingen say (docinfo.c gathered it at open) and what the
 * publisher's metadata record says, NULL or 0 where nothing is known.
 * Apart from document.c, which calls nothing here, so that file stays the
 * assembly of a document and these stay one-line answers.
 */
#include "document.h"
#include "registratie.h"

/* ---- the omschrijvingen's metadata (docinfo.c gathered it) --------------- */

size_t ah_doc_vragensteller_count(const ah_doc *d) { return d ? ah_doc_info(d)->askers.n : 0; }
const char *ah_doc_vragensteller(const ah_doc *d, size_t i) { return d ? ah_meta_items_text(&ah_doc_info(d)->askers, i) : NULL; }
const char *ah_doc_vragensteller_partij(const ah_doc *d, size_t i) {
  return d ? ah_meta_items_attr(&ah_doc_info(d)->askers, i, 0) : NULL;
}
size_t ah_doc_ontvanger_count(const ah_doc *d) { return d ? ah_doc_info(d)->addressees.n : 0; }
const char *ah_doc_ontvanger(const ah_doc *d, size_t i) { return d ? ah_meta_items_text(&ah_doc_info(d)->addressees, i) : NULL; }
const char *ah_doc_onderwerp(const ah_doc *d) { return d ? ah_meta_items_text(&ah_doc_info(d)->subjects, 0) : NULL; }
size_t ah_doc_beantwoorder_count(const ah_doc *d) { return d ? ah_doc_info(d)->answerers.n : 0; }
const char *ah_doc_beantwoorder(const ah_doc *d, size_t i) { return d ? ah_meta_items_text(&ah_doc_info(d)->answerers, i) : NULL; }
const char *ah_doc_beantwoorder_functie(const ah_doc *d, size_t i) {
  return d ? ah_meta_items_attr(&ah_doc_info(d)->answerers, i, 0) : NULL;
}
const char *ah_doc_beantwoorder_ministerie(const ah_doc *d, size_t i) {
  return d ? ah_meta_items_attr(&ah_doc_info(d)->answerers, i, 1) : NULL;
}
size_t ah_doc_zie_ook_count(const ah_doc *d) { return d ? ah_doc_info(d)->see_also.n : 0; }
const char *ah_doc_zie_ook(const ah_doc *d, size_t i) { return d ? ah_meta_items_text(&ah_doc_info(d)->see_also, i) : NULL; }

/* ---- the publisher's metadata record ------------------------------------ */

static const ah_registratie *record_of(const ah_doc *d) { return &ah_doc_meta(d)->record; }

int ah_doc_has_registratie(const ah_doc *d) { return d && ah_registratie_present(&ah_doc_meta(d)->record); }
const char *ah_doc_vraagnummer(const ah_doc *d) { return d ? record_of(d)->vraagnummer : NULL; }
const char *ah_doc_datum_ontvangst(const ah_doc *d) { return d ? record_of(d)->datum_ontvangst : NULL; }
const char *ah_doc_registratie_titel(const ah_doc *d) { return d ? record_of(d)->titel : NULL; }
const char *ah_doc_ontvanger_naam(const ah_doc *d) { return d ? record_of(d)->ontvanger_naam : NULL; }
size_t ah_doc_indiener_count(const ah_doc *d) { return d ? record_of(d)->indieners.n : 0; }
size_t ah_doc_categorie_count(const ah_doc *d) { return d ? record_of(d)->categorieen.n : 0; }

const char *ah_doc_indiener(const ah_doc *d, size_t i) {
  return d && i < record_of(d)->indieners.n ? record_of(d)->indieners.items[i] : NULL;
}

const char *ah_doc_categorie(const ah_doc *d, size_t i) {
  return d && i < record_of(d)->categorieen.n ? record_of(d)->categorieen.items[i] : NULL;
}
