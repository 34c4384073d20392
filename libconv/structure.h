/* structure.h — the flow to the document tree (structure.c). */
#ifndef AHCONV_STRUCTURE_H
#define AHCONV_STRUCTURE_H

#include "node.h"

/* Appends to `root` the omschrijvingen, vraag / antwoord / mededeling
 * sections and the noten, and fills *dates from the omschrijvingen.
 * Fails (AH_ERROR_NOT_AANHANGSEL) when no section is found. */
int ah_structure(ah_node *root, const ah_flow *flow, ah_dates *dates, ah_error *err);

#endif
