/* node.c — the document tree: construction, accessors, the enter/exit
 * iterator, and the check of the tree's invariants (node.h). */
#include "node.h"

#include <glib.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>

static const char *const type_names[] = {
    [AH_NODE_NONE] = "none",
    [AH_NODE_DOCUMENT] = "aanhangsel",
    [AH_NODE_OMSCHRIJVING] = "omschrijving",
    [AH_NODE_VRAAG] = "vraag",
    [AH_NODE_ANTWOORD] = "antwoord",
    [AH_NODE_MEDEDELING] = "mededeling",
    [AH_NODE_LABEL] = "label",
    [AH_NODE_NOTEN] = "noten",
    [AH_NODE_NOOT] = "noot",
    [AH_NODE_PARAGRAPH] = "al",
    [AH_NODE_LIST] = "lijst",
    [AH_NODE_ITEM] = "li",
    [AH_NODE_TABLE] = "tabel",
    [AH_NODE_ROW] = "rij",
    [AH_NODE_CELL] = "cel",
    [AH_NODE_TEXT] = "text",
    [AH_NODE_NOTE_REF] = "noot-ref",
    [AH_NODE_SUP] = "sup",
    [AH_NODE_SUB] = "sub",
    [AH_NODE_URL] = "url",
    [AH_NODE_VRAGENSTELLER] = "vragensteller",
    [AH_NODE_ONTVANGER] = "ontvanger",
    [AH_NODE_ONDERWERP] = "onderwerp",
    [AH_NODE_DATUM] = "datum",
    [AH_NODE_BEANTWOORDER] = "beantwoorder",
    [AH_NODE_ZIE_OOK] = "zie-ook",
};

const char *ah_node_type_string(ah_node_type type) {
  if ((size_t)type >= sizeof type_names / sizeof *type_names) return "none";
  return type_names[type];
}

ah_node *ah_node_new(ah_node_type type) {
  ah_node *n = ah_xcalloc(1, sizeof *n);
  n->type = type;
  return n;
}

ah_node *ah_node_append(ah_node *parent, ah_node_type type) {
  ah_node *n = ah_node_new(type);
  n->parent = parent;
  n->prev = parent->last;
  if (parent->last) parent->last->next = n;
  else parent->first = n;
  parent->last = n;
  return n;
}

ah_node *ah_node_append_text(ah_node *parent, const char *text, size_t len) {
  if (!len) return parent->last;
  ah_node *last = parent->last;
  if (last && last->type == AH_NODE_TEXT) {
    size_t old = strlen(last->as.literal);
    last->as.literal = ah_xrealloc(last->as.literal, old + len + 1);
    memcpy(last->as.literal + old, text, len);
    last->as.literal[old + len] = 0;
    return last;
  }
  ah_node *n = ah_node_append(parent, AH_NODE_TEXT);
  n->as.literal = ah_strndup(text, len);
  return n;
}

void ah_node_set_note_number(ah_node *node, int number) {
  node->as.note.number = number;
  snprintf(node->as.note.text, sizeof node->as.note.text, "%d", number);
}

void ah_node_set_pos(ah_node *node, const ah_pos *pos) {
  if (!pos || ah_pos_empty(pos)) return;
  if (!node->pos) node->pos = ah_xcalloc(1, sizeof *node->pos);
  ah_pos_merge(node->pos, pos);
}

const char *ah_omschrijving_kind_string(ah_omschrijving_kind kind) {
  switch (kind) {
  case AH_OMSCHRIJVING_VRAAG: return "vraag";
  case AH_OMSCHRIJVING_ANTWOORD: return "antwoord";
  case AH_OMSCHRIJVING_MEDEDELING: return "mededeling";
  }
  return "vraag";
}

static void free_data(ah_node *n) {
  switch (n->type) {
  case AH_NODE_TEXT: free(n->as.literal); break;
  case AH_NODE_VRAAG:
  case AH_NODE_ANTWOORD: ah_ints_free(&n->as.numbers); break;
  case AH_NODE_VRAGENSTELLER: free(n->as.party); break;
  case AH_NODE_BEANTWOORDER:
    free(n->as.answerer.function);
    free(n->as.answerer.ministry);
    break;
  default: break;
  }
}

/* Iterative so that a hostile, deeply nested input cannot exhaust the stack. */
void ah_node_free_tree(ah_node *node) {
  ah_node *cur = node;
  while (cur) {
    if (cur->first) {
      cur = cur->first;
      continue;
    }
    /* cur is a leaf and, below `node`, always its parent's first child */
    ah_node *parent = cur->parent, *next = cur->next;
    bool last = cur == node;
    if (!last && parent) parent->first = next;
    free_data(cur);
    if (cur->pos) ah_pos_free(cur->pos);
    free(cur->pos);
    free(cur);
    if (last) break;
    cur = next ? next : parent;
  }
}

void ah_node_unlink_free(ah_node *node) {
  if (node->prev) node->prev->next = node->next;
  else if (node->parent) node->parent->first = node->next;
  if (node->next) node->next->prev = node->prev;
  else if (node->parent) node->parent->last = node->prev;
  node->parent = node->prev = node->next = NULL;
  ah_node_free_tree(node);
}

ah_node_type ah_node_get_type(const ah_node *n) { return n ? n->type : AH_NODE_NONE; }
ah_node *ah_node_parent(const ah_node *n) { return n ? n->parent : NULL; }
ah_node *ah_node_first_child(const ah_node *n) { return n ? n->first : NULL; }
ah_node *ah_node_last_child(const ah_node *n) { return n ? n->last : NULL; }
ah_node *ah_node_next(const ah_node *n) { return n ? n->next : NULL; }
ah_node *ah_node_previous(const ah_node *n) { return n ? n->prev : NULL; }
const char *ah_node_get_literal(const ah_node *n) {
  return n && n->type == AH_NODE_TEXT ? n->as.literal : NULL;
}

/* The XML attributes, read from each type's own data. */
const char *ah_node_get_attr(const ah_node *n, const char *name) {
  if (!n || !name) return NULL;
  switch (n->type) {
  case AH_NODE_OMSCHRIJVING:
    return strcmp(name, "type") == 0 ? ah_omschrijving_kind_string(n->as.omschrijving) : NULL;
  case AH_NODE_NOOT:
  case AH_NODE_NOTE_REF: return strcmp(name, "n") == 0 ? n->as.note.text : NULL;
  case AH_NODE_VRAGENSTELLER: return strcmp(name, "partij") == 0 ? n->as.party : NULL;
  case AH_NODE_DATUM: return strcmp(name, "iso") == 0 ? n->as.iso : NULL;
  case AH_NODE_BEANTWOORDER:
    if (strcmp(name, "functie") == 0) return n->as.answerer.function;
    return strcmp(name, "ministerie") == 0 ? n->as.answerer.ministry : NULL;
  default: return NULL;
  }
}

size_t ah_node_get_numbers(const ah_node *n, const int **nums) {
  bool numbered = n && (n->type == AH_NODE_VRAAG || n->type == AH_NODE_ANTWOORD);
  if (nums) *nums = numbered ? n->as.numbers.items : NULL;
  return numbered ? n->as.numbers.n : 0;
}
int ah_node_get_note_number(const ah_node *n) {
  return n && (n->type == AH_NODE_NOOT || n->type == AH_NODE_NOTE_REF) ? n->as.note.number : 0;
}
int ah_node_get_page_first(const ah_node *n) { return n ? n->page_first : 0; }
int ah_node_get_page_last(const ah_node *n) { return n ? n->page_last : 0; }

size_t ah_node_get_box_count(const ah_node *n) { return n && n->pos ? n->pos->n : 0; }
int ah_node_get_box(const ah_node *n, size_t i, double *x0, double *y0, double *x1, double *y1) {
  if (i >= ah_node_get_box_count(n)) return 0;
  const ah_box *b = &n->pos->boxes[i];
  if (x0) *x0 = b->x0;
  if (y0) *y0 = b->y0;
  if (x1) *x1 = b->x1;
  if (y1) *y1 = b->y1;
  return b->page;
}
int ah_node_get_source_line(const ah_node *n) { return n && n->pos ? n->pos->line : 0; }
const char *ah_node_get_source_path(const ah_node *n) { return n && n->pos ? n->pos->path : NULL; }

bool ah_node_is_leaf(ah_node_type type) { return type == AH_NODE_TEXT || type == AH_NODE_NOTE_REF; }

/* Blocks below the node whose text is taken: they stand a word apart from
 * the text before them.  Sections and the document are never below it. */
static bool is_block_in_text(ah_node_type type) {
  switch (type) {
  case AH_NODE_LABEL:
  case AH_NODE_NOTEN:
  case AH_NODE_NOOT:
  case AH_NODE_PARAGRAPH:
  case AH_NODE_LIST:
  case AH_NODE_ITEM:
  case AH_NODE_TABLE:
  case AH_NODE_ROW:
  case AH_NODE_CELL: return true;
  default: return false;
  }
}

static bool is_container(const ah_node *n) { return !ah_node_is_leaf(n->type); }

struct ah_iter {
  ah_node *root, *cur;
  ah_event_type ev;
};

ah_iter *ah_iter_new(ah_node *root) {
  if (!root) return NULL;
  ah_iter *it = ah_xcalloc(1, sizeof *it);
  it->root = root;
  it->ev = AH_EVENT_NONE;
  return it;
}

ah_event_type ah_iter_next(ah_iter *it) {
  if (!it || it->ev == AH_EVENT_DONE) return AH_EVENT_DONE;
  if (it->ev == AH_EVENT_NONE) {
    it->cur = it->root;
    return it->ev = AH_EVENT_ENTER;
  }
  ah_node *c = it->cur;
  if (it->ev == AH_EVENT_ENTER && is_container(c)) {
    if (c->first) {
      it->cur = c->first;
      return it->ev = AH_EVENT_ENTER;
    }
    return it->ev = AH_EVENT_EXIT;
  }
  if (c == it->root) return it->ev = AH_EVENT_DONE;
  if (c->next) {
    it->cur = c->next;
    return it->ev = AH_EVENT_ENTER;
  }
  it->cur = c->parent;
  return it->ev = AH_EVENT_EXIT;
}

ah_node *ah_iter_get_node(const ah_iter *it) { return it ? it->cur : NULL; }
ah_event_type ah_iter_get_event_type(const ah_iter *it) { return it ? it->ev : AH_EVENT_NONE; }
ah_node *ah_iter_get_root(const ah_iter *it) { return it ? it->root : NULL; }
void ah_iter_free(ah_iter *it) { free(it); }

static bool is_below(const ah_node *n, const ah_node *root) {
  for (; n; n = n->parent)
    if (n == root) return true;
  return false;
}

ah_status ah_iter_reset(ah_iter *it, ah_node *current, ah_event_type event) {
  if (!it || !current || !is_below(current, it->root)) return AH_ERROR_USAGE;
  bool ok = event == AH_EVENT_ENTER || (event == AH_EVENT_EXIT && is_container(current)) ||
            (event == AH_EVENT_NONE && current == it->root);
  if (!ok) return AH_ERROR_USAGE;
  it->cur = event == AH_EVENT_NONE ? NULL : current;
  it->ev = event;
  return AH_OK;
}

/* The noot of a marker: the first with its number under the document's
 * noten (the last child of the root when there are notes). */
ah_node *ah_node_note_of(const ah_node *ref) {
  if (!ref || ref->type != AH_NODE_NOTE_REF) return NULL;
  const ah_node *root = ref;
  while (root->parent) root = root->parent;
  for (const ah_node *c = root->last; c; c = c->prev) {
    if (c->type != AH_NODE_NOTEN) continue;
    for (ah_node *noot = c->first; noot; noot = noot->next)
      if (noot->type == AH_NODE_NOOT && noot->as.note.number == ref->as.note.number) return noot;
  }
  return NULL;
}

/* All text below a node; note references as [^n] (as the scorer and verify
 * see it) or left out. */
static char *node_text(const ah_node *node, bool refs) {
  ah_buf b = {0};
  ah_iter *it = ah_iter_new((ah_node *)node);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *n = ah_iter_get_node(it);
    if (ev != AH_EVENT_ENTER) continue;
    /* blocks inside the node (paragraphs, list items, cells) are words apart */
    bool block = n != node && is_block_in_text(n->type);
    if (block && b.len && b.data[b.len - 1] != ' ') ah_buf_putc(&b, ' ');
    const char *t = n->type == AH_NODE_TEXT ? n->as.literal : NULL;
    /* a marker left out between two spaces leaves one */
    if (t && !refs && *t == ' ' && b.len && b.data[b.len - 1] == ' ') t++;
    if (t) ah_buf_puts(&b, t);
    else if (n->type == AH_NODE_NOTE_REF && refs) ah_buf_printf(&b, "[^%d]", n->as.note.number);
  }
  ah_iter_free(it);
  return ah_buf_steal(&b);
}

char *ah_node_text(const ah_node *node) { return node ? node_text(node, true) : NULL; }

char *ah_node_plain_text(const ah_node *node) { return node ? node_text(node, false) : NULL; }

/* The inline metadata of one kind from all omschrijvingen, in order, joined
 * by `sep` ("Jansen, De Vries"); with_party adds " (VVD)". */
char *ah_omschrijving_meta(const ah_node *root, ah_node_type type, const char *sep, bool with_party) {
  ah_buf b = {0};
  for (const ah_node *om = root->first; om; om = om->next) {
    if (om->type != AH_NODE_OMSCHRIJVING) continue;
    for (const ah_node *c = om->first; c; c = c->next) {
      if (c->type != type) continue;
      char *t = ah_node_text(c);
      if (b.len) ah_buf_puts(&b, sep);
      ah_buf_puts(&b, t);
      free(t);
      const char *party = with_party && c->type == AH_NODE_VRAGENSTELLER ? c->as.party : NULL;
      if (party) ah_buf_printf(&b, " (%s)", party);
    }
  }
  return ah_buf_steal(&b);
}
