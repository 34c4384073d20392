/* node.c — the document tree: construction, accessors, the enter/exit
 * iterator, and the check of the tree's invariants (node.h). */
#include "node.h"
#include "caps.h"

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
    [AH_NODE_FIGURE] = "figuur",
    [AH_NODE_CAPTION] = "bijschrift",
    [AH_NODE_FIGURE_TEXT] = "tekst",
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

/* ---- attributes ---------------------------------------------------------- */

static const ah_attr_def section_attrs[] = {{"nummers", AH_ATTR_NUMMERS, AH_ATTR_NUMBERS, false},
                                            {"pagina", AH_ATTR_PAGINA, AH_ATTR_PAGES, true}};
static const ah_attr_def pages_attrs[] = {{"pagina", AH_ATTR_PAGINA, AH_ATTR_PAGES, true}};
static const ah_attr_def noot_attrs[] = {{"n", AH_ATTR_N, AH_ATTR_NUMBER, false},
                                         {"pagina", AH_ATTR_PAGINA, AH_ATTR_PAGES, true}};
static const ah_attr_def omschrijving_attrs[] = {{"type", AH_ATTR_TYPE, AH_ATTR_TEXT, false}};
static const ah_attr_def party_attrs[] = {{"partij", AH_ATTR_PARTIJ, AH_ATTR_TEXT, false}};
static const ah_attr_def iso_attrs[] = {{"iso", AH_ATTR_ISO, AH_ATTR_TEXT, false}};
static const ah_attr_def answerer_attrs[] = {{"functie", AH_ATTR_FUNCTIE, AH_ATTR_TEXT, false},
                                             {"ministerie", AH_ATTR_MINISTERIE, AH_ATTR_TEXT, false}};

#define DEFS(a) {a, sizeof a / sizeof *a}
static const struct {
  const ah_attr_def *defs;
  size_t n;
} attr_table[] = {
    [AH_NODE_OMSCHRIJVING] = DEFS(omschrijving_attrs),
    [AH_NODE_VRAAG] = DEFS(section_attrs),
    [AH_NODE_ANTWOORD] = DEFS(section_attrs),
    [AH_NODE_MEDEDELING] = DEFS(pages_attrs),
    [AH_NODE_NOOT] = DEFS(noot_attrs),
    [AH_NODE_NOTE_REF] = {noot_attrs, 1}, /* n, and no pages of its own in the XML */
    [AH_NODE_VRAGENSTELLER] = DEFS(party_attrs),
    [AH_NODE_DATUM] = DEFS(iso_attrs),
    [AH_NODE_BEANTWOORDER] = DEFS(answerer_attrs),
    [AH_NODE_FIGURE] = DEFS(pages_attrs),
};
#undef DEFS

const ah_attr_def *ah_node_attr_defs(ah_node_type type, size_t *n) {
  bool known = (size_t)type < sizeof attr_table / sizeof *attr_table && attr_table[type].n;
  *n = known ? attr_table[type].n : 0;
  return known ? attr_table[type].defs : NULL;
}

static const ah_attr_def *find_def(ah_node_type type, const char *name) {
  size_t n;
  const ah_attr_def *defs = ah_node_attr_defs(type, &n);
  for (size_t i = 0; i < n; i++)
    if (!strcmp(defs[i].name, name)) return &defs[i];
  return NULL;
}

/* The values kept as text in the node's data; NULL for the others. */
static const char *stored_text(const ah_node *n, ah_attr_id id) {
  switch (id) {
  case AH_ATTR_TYPE: return ah_omschrijving_kind_string(n->as.omschrijving);
  case AH_ATTR_N: return n->as.note.text;
  case AH_ATTR_PARTIJ: return n->as.party;
  case AH_ATTR_ISO: return n->as.iso;
  case AH_ATTR_FUNCTIE: return n->as.answerer.function;
  case AH_ATTR_MINISTERIE: return n->as.answerer.ministry;
  default: return NULL;
  }
}

bool ah_node_attr_text(const ah_node *n, const ah_attr_def *a, ah_buf *out) {
  out->len = 0;
  if (out->data) out->data[0] = 0;
  if (a->id == AH_ATTR_NUMMERS) {
    for (size_t i = 0; i < n->as.numbers.n; i++) ah_buf_printf(out, i ? " %d" : "%d", n->as.numbers.items[i]);
    if (!out->data) ah_buf_puts(out, "");
    return true; /* an empty list too: the schema requires the attribute */
  }
  if (a->id == AH_ATTR_PAGINA) {
    if (!n->page_first) return false;
    if (n->page_last > n->page_first) ah_buf_printf(out, "%d-%d", n->page_first, n->page_last);
    else ah_buf_printf(out, "%d", n->page_first);
    return true;
  }
  const char *t = stored_text(n, a->id);
  if (t) ah_buf_puts(out, t);
  return t != NULL;
}

/* "3" or "1-2" */
static bool read_pages(ah_node *n, const char *v) {
  const char *end;
  if (n->page_first || !ah_parse_uint(v, 1 << 20, &n->page_first, &end)) return false;
  n->page_last = n->page_first;
  if (*end == '-' && !ah_parse_uint(end + 1, 1 << 20, &n->page_last, &end)) return false;
  return !*end && n->page_last >= n->page_first;
}

static bool read_numbers(ah_node *n, const char *v) {
  if (n->as.numbers.n) return false;
  while (*v) {
    int k;
    const char *end;
    if (!ah_parse_uint(v, AH_MAX_LABEL_NUMBER, &k, &end)) return false;
    ah_ints_push(&n->as.numbers, k);
    v = *end == ' ' ? end + 1 : end;
    if (*end && *end != ' ') return false;
  }
  return true;
}

static bool read_kind(ah_node *n, const char *v) {
  for (int k = AH_OMSCHRIJVING_VRAAG; k <= AH_OMSCHRIJVING_MEDEDELING; k++)
    if (!strcmp(v, ah_omschrijving_kind_string((ah_omschrijving_kind)k))) {
      n->as.omschrijving = (ah_omschrijving_kind)k;
      return true;
    }
  return false;
}

static bool read_once(char **slot, const char *v) {
  if (*slot) return false;
  *slot = ah_strdup(v);
  return true;
}

bool ah_node_attr_read(ah_node *n, const char *name, const char *v) {
  const ah_attr_def *a = find_def(n->type, name);
  int number;
  const char *end;
  switch (a ? a->id : AH_ATTR_TYPE) {
  case AH_ATTR_TYPE: return a && read_kind(n, v);
  case AH_ATTR_NUMMERS: return read_numbers(n, v);
  case AH_ATTR_PAGINA: return read_pages(n, v);
  case AH_ATTR_N:
    if (!ah_parse_uint(v, AH_MAX_NOTE_NUMBER, &number, &end) || *end) return false;
    ah_node_set_note_number(n, number);
    return true;
  case AH_ATTR_PARTIJ: return read_once(&n->as.party, v);
  case AH_ATTR_ISO:
    if (strlen(v) != 10) return false;
    memcpy(n->as.iso, v, 11);
    return true;
  case AH_ATTR_FUNCTIE: return read_once(&n->as.answerer.function, v);
  case AH_ATTR_MINISTERIE: return read_once(&n->as.answerer.ministry, v);
  }
  return false;
}

/* The public getter: the attributes whose values the node keeps as text
 * (nummers and pagina have their own getters). */
const char *ah_node_get_attr(const ah_node *n, const char *name) {
  const ah_attr_def *a = n && name ? find_def(n->type, name) : NULL;
  return a ? stored_text(n, a->id) : NULL;
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
  case AH_NODE_CELL:
  case AH_NODE_FIGURE:
  case AH_NODE_CAPTION:
  case AH_NODE_FIGURE_TEXT: return true;
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
