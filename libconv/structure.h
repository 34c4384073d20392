/* structure.h — the flow to the document tree (structure.c). */
#ifndef AHCONV_STRUCTURE_H
#define AHCONV_STRUCTURE_H

#include "flow.h"
#include "node.h"

/* Appends to `root` the omschrijvingen, vraag / antwoord / mededeling
 * sections and the noten, and fills *dates from the omschrijvingen.
 * Text it cannot place as printed (a table or figure before the first
 * section, an out-of-range label before it, a vraag or antwoord heading
 * without a number) is added to `losses` as AH_LOST_STRUCTURE.
 * Fails (AH_ERROR_NOT_AANHANGSEL) when no section is found. */
int ah_structure(ah_node *root, const ah_flow *flow, ah_dates *dates, ah_losses *losses, ah_error *err);

#endif
