/* meta.h — an omschrijving sentence to inline metadata (meta.c). */
#ifndef AHCONV_META_H
#define AHCONV_META_H

#include "node.h"

/* Fills an OMSCHRIJVING node (its kind set) with the sentence's text, the
 * vragensteller, ontvanger, onderwerp, datum, beantwoorder and zie-ook
 * elements in place.  The sentence's date goes to iso ("" if none). */
void ah_meta_omschrijving(ah_node *omschrijving, const char *sentence, char iso[11]);

#endif
