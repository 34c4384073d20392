/* docinfo.h — the omschrijvingen's metadata elements gathered once, when a
 * document is opened, for the typed getters of ahconv.h (docinfo.c). */
#ifndef AHCONV_DOCINFO_H
#define AHCONV_DOCINFO_H

#include "node.h"

/* One metadata element: its text and up to two attributes (vragensteller:
 * partij; beantwoorder: functie, ministerie), NULL when absent. */
typedef struct {
  char *text;
  const char *attr[2]; /* owned by the node */
} ah_meta_item;

typedef struct {
  ah_meta_item *items;
  size_t n, cap;
} ah_meta_items;

typedef struct {
  ah_meta_items askers, addressees, subjects, answerers, see_also;
} ah_docinfo;

/* Reads the metadata nodes of every omschrijving below root, in order.
 * The document is never changed after this, so the getters only read. */
void ah_docinfo_build(ah_docinfo *info, const ah_node *root);
void ah_docinfo_free(ah_docinfo *info);
/* Item i's text, and its attribute k (0 or 1); NULL past the end. */
const char *ah_meta_items_text(const ah_meta_items *list, size_t i);
const char *ah_meta_items_attr(const ah_meta_items *list, size_t i, int k);

#endif
