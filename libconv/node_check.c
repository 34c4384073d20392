/* node_check.c — the tree's invariants (cmark's cmark_node_check).
 *
 * Takes: a tree.  Gives: the number of broken invariants, and the first
 * described.  Every reader must build a tree this accepts; the tests run it
 * after every conversion and debug builds assert it, so a reader that
 * breaks the model is caught where it happens, not by a writer later.
 */
#include "node.h"
#include "caps.h"

#include <glib.h>
#include <string.h>

static bool child_allowed(ah_node_type parent, ah_node_type child) {
  switch (parent) {
  case AH_NODE_DOCUMENT:
    return child == AH_NODE_OMSCHRIJVING || child == AH_NODE_VRAAG || child == AH_NODE_ANTWOORD ||
           child == AH_NODE_MEDEDELING || child == AH_NODE_NOTEN;
  case AH_NODE_OMSCHRIJVING:
    return child == AH_NODE_TEXT || child == AH_NODE_VRAGENSTELLER || child == AH_NODE_ONTVANGER ||
           child == AH_NODE_ONDERWERP || child == AH_NODE_DATUM || child == AH_NODE_BEANTWOORDER ||
           child == AH_NODE_ZIE_OOK;
  case AH_NODE_VRAAG:
  case AH_NODE_ANTWOORD:
  case AH_NODE_MEDEDELING:
    return child == AH_NODE_LABEL || child == AH_NODE_PARAGRAPH || child == AH_NODE_LIST || child == AH_NODE_TABLE ||
           child == AH_NODE_FIGURE;
  case AH_NODE_FIGURE: return child == AH_NODE_CAPTION || child == AH_NODE_FIGURE_TEXT;
  case AH_NODE_NOTEN: return child == AH_NODE_NOOT;
  case AH_NODE_NOOT: return child == AH_NODE_PARAGRAPH;
  case AH_NODE_LIST: return child == AH_NODE_ITEM;
  case AH_NODE_TABLE: return child == AH_NODE_ROW;
  case AH_NODE_ROW: return child == AH_NODE_CELL;
  case AH_NODE_PARAGRAPH:
  case AH_NODE_ITEM:
  case AH_NODE_CELL:
  case AH_NODE_CAPTION:
    return child == AH_NODE_TEXT || child == AH_NODE_NOTE_REF || child == AH_NODE_SUP || child == AH_NODE_SUB ||
           child == AH_NODE_URL;
  case AH_NODE_LABEL:
  case AH_NODE_SUP:
  case AH_NODE_SUB:
  case AH_NODE_URL:
  case AH_NODE_VRAGENSTELLER:
  case AH_NODE_ONTVANGER:
  case AH_NODE_ONDERWERP:
  case AH_NODE_DATUM:
  case AH_NODE_BEANTWOORDER:
  case AH_NODE_ZIE_OOK:
  case AH_NODE_FIGURE_TEXT: return child == AH_NODE_TEXT;
  default: return false;
  }
}

typedef struct {
  size_t count;
  ah_buf *report;
} findings;

static void broken(findings *f, const ah_node *n, const char *what) {
  if (!f->count++ && f->report) ah_buf_printf(f->report, "%s: %s", ah_node_type_string(n->type), what);
}

static void check_links(findings *f, const ah_node *n) {
  if (n->first && n->first->prev) broken(f, n, "first child has a previous sibling");
  if (n->last && n->last->next) broken(f, n, "last child has a next sibling");
  if (!n->first != !n->last) broken(f, n, "first and last child disagree");
  for (const ah_node *c = n->first; c; c = c->next) {
    if (c->parent != n) broken(f, c, "parent link does not point back");
    if (c->next && c->next->prev != c) broken(f, c, "sibling links disagree");
    if (!c->next && c != n->last) broken(f, n, "last child is not the last");
    if (!child_allowed(n->type, c->type)) broken(f, c, "not allowed under its parent");
  }
}

/* Where a node was printed: boxes on real pages, edges in order, one box
 * per page; positions only on the blocks and markers that carry them. */
static void check_pos(findings *f, const ah_node *n) {
  const ah_pos *p = n->pos;
  if (!p) return;
  static const ah_node_type carriers[] = {AH_NODE_PARAGRAPH, AH_NODE_ITEM,  AH_NODE_CELL, AH_NODE_LABEL,
                                          AH_NODE_TABLE,     AH_NODE_NOOT,  AH_NODE_NOTE_REF, AH_NODE_OMSCHRIJVING,
                                          AH_NODE_FIGURE};
  bool carrier = false;
  for (size_t i = 0; i < sizeof carriers / sizeof *carriers; i++) carrier |= n->type == carriers[i];
  if (!carrier) broken(f, n, "a position on a node that carries none");
  for (size_t i = 0; i < p->n; i++) {
    const ah_box *b = &p->boxes[i];
    if (b->page < 1 || b->x1 < b->x0 || b->y1 < b->y0) broken(f, n, "a box out of order");
    for (size_t j = 0; j < i; j++)
      if (p->boxes[j].page == b->page) broken(f, n, "two boxes on one page");
  }
  if (p->line < 0) broken(f, n, "a negative source line");
}

static void check_data(findings *f, const ah_node *n) {
  check_pos(f, n);
  if (n->page_first < 0 || n->page_last < n->page_first || (!n->page_first && n->page_last))
    broken(f, n, "page range out of order");
  switch (n->type) {
  case AH_NODE_TEXT:
    if (!n->as.literal || !*n->as.literal) broken(f, n, "empty text");
    else if (!g_utf8_validate(n->as.literal, -1, NULL)) broken(f, n, "text is not valid UTF-8");
    break;
  case AH_NODE_VRAAG:
  case AH_NODE_ANTWOORD:
    for (size_t i = 0; i < n->as.numbers.n; i++)
      if (n->as.numbers.items[i] < 1 || n->as.numbers.items[i] > AH_MAX_LABEL_NUMBER)
        broken(f, n, "question number out of range");
    break;
  case AH_NODE_NOOT:
  case AH_NODE_NOTE_REF:
    if (n->as.note.number < 0 || n->as.note.number > AH_MAX_NOTE_NUMBER) broken(f, n, "note number out of range");
    break;
  case AH_NODE_DATUM:
    if (strlen(n->as.iso) != 10) broken(f, n, "date is not an ISO date");
    break;
  default:
    break;
  }
}

size_t ah_node_check(const ah_node *root, ah_buf *report) {
  findings f = {0, report};
  if (!root) return 0;
  if (root->type != AH_NODE_DOCUMENT) broken(&f, root, "root is not the document");
  ah_iter *it = ah_iter_new((ah_node *)root);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    if (ev != AH_EVENT_ENTER) continue;
    const ah_node *n = ah_iter_get_node(it);
    if (ah_node_is_leaf(n->type) && n->first) broken(&f, n, "a leaf has children");
    check_links(&f, n);
    check_data(&f, n);
  }
  ah_iter_free(it);
  return f.count;
}
