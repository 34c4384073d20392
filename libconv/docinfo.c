/* docinfo.c — the metadata elements of the omschrijvingen as the typed
 * getters of ahconv.h give them.
 *
 * Takes: the finished tree.  Gives: per kind (vragensteller, ontvanger,
 * onderwerp, beantwoorder, zie-ook) the elements' texts and attributes in
 * the order printed.  Built once at open, so a document read from several
 * threads is only ever read.
 */
#include "docinfo.h"

#include <stdlib.h>
#include <string.h>

static void push(ah_meta_items *list, const ah_node *n) {
  if (list->n == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 4;
    list->items = ah_xreallocarray(list->items, list->cap, sizeof *list->items);
  }
  ah_meta_item *it = &list->items[list->n++];
  it->text = ah_node_plain_text(n);
  it->attr[0] = it->attr[1] = NULL;
  if (n->type == AH_NODE_VRAGENSTELLER) {
    it->attr[0] = n->as.party;
  } else if (n->type == AH_NODE_BEANTWOORDER) {
    it->attr[0] = n->as.answerer.function;
    it->attr[1] = n->as.answerer.ministry;
  }
}

static ah_meta_items *list_of(ah_docinfo *info, ah_node_type type) {
  switch (type) {
  case AH_NODE_VRAGENSTELLER: return &info->askers;
  case AH_NODE_ONTVANGER: return &info->addressees;
  case AH_NODE_ONDERWERP: return &info->subjects;
  case AH_NODE_BEANTWOORDER: return &info->answerers;
  case AH_NODE_ZIE_OOK: return &info->see_also;
  default: return NULL;
  }
}

void ah_docinfo_build(ah_docinfo *info, const ah_node *root) {
  memset(info, 0, sizeof *info);
  for (const ah_node *om = root->first; om; om = om->next) {
    if (om->type != AH_NODE_OMSCHRIJVING) continue;
    for (const ah_node *c = om->first; c; c = c->next) {
      ah_meta_items *list = list_of(info, c->type);
      if (list) push(list, c);
    }
  }
}

static void free_items(ah_meta_items *list) {
  for (size_t i = 0; i < list->n; i++) free(list->items[i].text);
  free(list->items);
}

void ah_docinfo_free(ah_docinfo *info) {
  free_items(&info->askers);
  free_items(&info->addressees);
  free_items(&info->subjects);
  free_items(&info->answerers);
  free_items(&info->see_also);
  memset(info, 0, sizeof *info);
}

/* ---- reading the lists -------------------------------------------------- */

static const ah_meta_item *item(const ah_meta_items *list, size_t i) { return i < list->n ? &list->items[i] : NULL; }

const char *ah_meta_items_text(const ah_meta_items *list, size_t i) {
  const ah_meta_item *it = item(list, i);
  return it ? it->text : NULL;
}

const char *ah_meta_items_attr(const ah_meta_items *list, size_t i, int k) {
  const ah_meta_item *it = item(list, i);
  return it ? it->attr[k] : NULL;
}
