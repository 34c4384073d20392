/* source_xml.c — the publisher's XML in, an ah_flow out (the intermediate
 * the PDF and HTML readers give, so structure.c reads all three alike).
 *
 * Takes: the bytes of an officiele-publicatie/kamervragen document
 * (spec/publisher-xml.md).  Gives: blocks in reading order — the
 * omschrijving sentences as paragraphs before the first section, a heading
 * block (`section` set, the label as printed) for each vraag, antwoord and
 * kamervraagopmerking, their paragraphs, list items and tables, and one
 * NOTE block per noot after the body — plus, through xml_masthead.c, the
 * masthead's year, chamber and number, the id the metadata pointer names,
 * and record fields of the document's own metadata block.
 *
 * The markup says everything, so nothing is guessed from the text: a noot
 * stands where its marker is printed and gives a NOTEREF span there; nadruk,
 * sup and inf give styled spans; extref, naam, datum and other inline
 * elements give their text (meta.c finds askers and dates in the
 * omschrijving sentence, as for the other renditions).  Elements the reader
 * does not know keep their text: as a paragraph where they hold text, as a
 * container otherwise.  An entity reference is not expanded; its name is
 * reported as lost text, so verify says so.
 */
#include "source_xml.h"
#include "caps.h"
#include "lexicon.h"
#include "markup_table.h"
#include "xml_input.h"
#include "xml_masthead.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *id;
  int number;
} note_id;

typedef struct {
  ah_flow *flow;     /* body blocks */
  ah_flow notes;     /* note blocks: after the body at the end */
  ah_docmeta *meta;
  ah_losses *losses;
  const xmlNode *root;
  const xmlNode *kamervragen; /* its omschrijvingen are read first */
  int notes_seen;
  int depth;
  bool too_deep;     /* reported once */
  struct {
    note_id *items;
    size_t n, cap;
    bool gathered;
  } note_ids;        /* the noot elements by id, for nootref */
} reader;

/* Where inline text goes: a block of the body or of the notes, opened at
 * the first visible text.  Text of one style is gathered in `pending` and
 * handed to the block when the style changes, a marker comes or the sink
 * ends: a run of a million tiny elements stays linear. */
typedef struct {
  ah_flow *flow;
  size_t index;      /* block index + 1, 0: none open */
  ah_block_kind kind;
  bool body;         /* block markup inside (a lijst in an al) splits it */
  bool list_item;
  int note_number;
  ah_buf pending;
  int pending_style;
} sink;

static void walk_block(reader *r, const xmlNode *n);
static void walk_blocks(reader *r, const xmlNode *n);
static void walk_inline(reader *r, sink *s, const xmlNode *n, int style);
static void inline_element(reader *r, sink *s, const xmlNode *c, int style);

/* ---- depth ------------------------------------------------------------------ */

/* Enters n: false past AH_MAX_XML_DEPTH, where n's text is reported once. */
static bool enter(reader *r, const xmlNode *n) {
  if (r->depth < AH_MAX_XML_DEPTH) {
    r->depth++;
    return true;
  }
  if (!r->too_deep) {
    xmlChar *t = xmlNodeGetContent(n);
    char *text = ah_normalize_space(t ? (const char *)t : "");
    if (*text) {
      ah_buf what = {0};
      ah_buf_printf(&what, "(nested deeper than %d elements) %s", AH_MAX_XML_DEPTH, text);
      ah_losses_add(r->losses, AH_LOST_MARKUP, 0, what.data);
      ah_buf_free(&what);
      r->too_deep = true;
    }
    free(text);
    xmlFree(t);
  }
  return false;
}

static void leave(reader *r) { r->depth--; }

/* ---- text ------------------------------------------------------------------- */

static ah_block *sink_block(sink *s) {
  if (!s->index) {
    ah_block *b = ah_flow_add(s->flow, s->kind);
    b->after_gap = true;
    b->list_item = s->list_item;
    b->note_number = s->note_number;
    s->index = s->flow->n;
    return b;
  }
  return &s->flow->items[s->index - 1];
}

static void flush(sink *s) {
  if (!s->pending.len) return;
  ah_spans_add(&sink_block(s)->spans, s->pending.data, s->pending.len, s->pending_style);
  s->pending.len = 0;
}

/* The text so far goes to the block; the next text opens a new one. */
static void split(sink *s) {
  flush(s);
  s->index = 0;
  s->list_item = false;
}

static void sink_done(sink *s) {
  flush(s);
  ah_buf_free(&s->pending);
}

static void add_text(sink *s, const char *text, int style) {
  ah_buf clean = {0};
  ah_xml_clean_text(text, &clean);
  char *visible = ah_normalize_space(clean.data ? clean.data : "");
  bool blank = !*visible;
  free(visible);
  if (clean.len && (!blank || s->index || s->pending.len)) {
    if (s->pending.len && s->pending_style != style) flush(s);
    ah_buf_put(&s->pending, clean.data, clean.len);
    s->pending_style = style;
  }
  ah_buf_free(&clean);
}


static bool has_text_child(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) continue;
    for (const xmlChar *p = c->content; p && *p; p++)
      if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t') return true;
  }
  return false;
}

static void report_entity(reader *r, const xmlNode *n) {
  ah_buf what = {0};
  ah_buf_printf(&what, "&%s; (an entity reference, not expanded)", (const char *)n->name);
  ah_losses_add(r->losses, AH_LOST_MARKUP, 0, what.data);
  ah_buf_free(&what);
}

/* ---- notes ------------------------------------------------------------------ */

/* The number noot.nr prints, or the note's place in the document. */
static int note_number(reader *r, const xmlNode *noot) {
  int fallback = r->notes_seen + 1;
  for (const xmlNode *c = noot->children; c; c = c->next) {
    if (!ah_xml_is(c, "noot.nr")) continue;
    char *t = ah_xml_text_of(c);
    int number;
    const char *end;
    bool ok = ah_parse_uint(t, AH_MAX_NOTE_NUMBER, &number, &end) && !*end && number > 0;
    free(t);
    return ok ? number : fallback;
  }
  return fallback;
}

/* A noot: its text into a NOTE block of its own; returns its number. */
static int add_note(reader *r, const xmlNode *noot) {
  int number = note_number(r, noot);
  r->notes_seen++;
  sink s = {.flow = &r->notes, .kind = AH_BLOCK_NOTE, .note_number = number};
  sink_block(&s);
  bool first = true;
  for (const xmlNode *c = noot->children; c; c = c->next) {
    if (ah_xml_is(c, "noot.nr")) continue;
    if (ah_xml_is(c, "noot.al") || ah_xml_is(c, "al")) {
      if (!first) add_text(&s, " ", 0);
      first = false;
      walk_inline(r, &s, c, 0);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (enter(r, c)) {
        inline_element(r, &s, c, 0);
        leave(r);
      }
    } else if (c->type == XML_ENTITY_REF_NODE) {
      report_entity(r, c);
    } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      add_text(&s, (const char *)c->content, 0);
    }
  }
  sink_done(&s);
  return number;
}

/* The notes a nootref may name, by id: gathered once, on the first nootref
 * (a document of many references stays linear), sorted for lookup. */
static void gather_notes(reader *r, const xmlNode *n, int depth) {
  if (depth > AH_MAX_XML_DEPTH) return;
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    char *id = ah_xml_is(c, "noot") ? ah_xml_attr(c, "id") : NULL;
    if (id) {
      if (r->note_ids.n == r->note_ids.cap) {
        r->note_ids.cap = r->note_ids.cap ? r->note_ids.cap * 2 : 16;
        r->note_ids.items = ah_xreallocarray(r->note_ids.items, r->note_ids.cap, sizeof *r->note_ids.items);
      }
      int saved = r->notes_seen;
      r->note_ids.items[r->note_ids.n++] = (note_id){id, note_number(r, c)};
      r->notes_seen = saved;
    }
    gather_notes(r, c->children, depth + 1);
  }
}

static int compare_note_ids(const void *x, const void *y) {
  return strcmp(((const note_id *)x)->id, ((const note_id *)y)->id);
}

/* A nootref: the number of the noot it names (0: none). */
static int referenced_number(reader *r, const xmlNode *ref) {
  if (!r->note_ids.gathered) {
    gather_notes(r, r->root, 0);
    if (r->note_ids.n) qsort(r->note_ids.items, r->note_ids.n, sizeof *r->note_ids.items, compare_note_ids);
    r->note_ids.gathered = true;
  }
  char *id = ah_xml_attr(ref, "refid");
  const note_id *found = NULL;
  if (id && r->note_ids.n)
    found = bsearch(&(note_id){id, 0}, r->note_ids.items, r->note_ids.n, sizeof *r->note_ids.items, compare_note_ids);
  free(id);
  return found ? found->number : 0;
}

/* A nootref naming no noot of the document: the marker it stood for
 * cannot be placed, and verify says so. */
static void report_dangling_ref(reader *r, const xmlNode *ref) {
  char *id = ah_xml_attr(ref, "refid");
  ah_buf what = {0};
  ah_buf_printf(&what, "(a note marker, nootref refid=\"%s\", naming no note of the document)", id ? id : "");
  ah_losses_add(r->losses, AH_LOST_MARKUP, 0, what.data);
  ah_buf_free(&what);
  free(id);
}

static void add_marker(sink *s, int number) {
  flush(s);
  ah_spans_add_marker(&sink_block(s)->spans, number, 0);
}

/* ---- inline content ---------------------------------------------------------- */

static bool is_block_markup(const xmlNode *n) {
  return ah_xml_is(n, "al") || ah_xml_is(n, "lijst") || ah_xml_is(n, "tabel") || ah_xml_is(n, "table");
}

static int element_style(const xmlNode *n, int style) {
  if (ah_xml_is(n, "sup")) return style | AH_STYLE_SUP | AH_STYLE_NOT_MARKER; /* notes are noot elements */
  if (ah_xml_is(n, "inf") || ah_xml_is(n, "sub")) return style | AH_STYLE_SUB;
  if (ah_xml_is(n, "nadruk")) {
    char *type = ah_xml_attr(n, "type");
    bool bold = type && (!strcmp(type, "vet") || !strcmp(type, "vet-cur"));
    free(type);
    return style | (bold ? AH_STYLE_BOLD : AH_STYLE_ITALIC);
  }
  return style;
}

static void inline_element(reader *r, sink *s, const xmlNode *c, int style) {
  if (ah_xml_is(c, "noot")) {
    add_marker(s, add_note(r, c));
  } else if (ah_xml_is(c, "nootref")) {
    int number = referenced_number(r, c);
    if (number) add_marker(s, number);
    else report_dangling_ref(r, c);
  } else if (ah_xml_is(c, "br")) {
    add_text(s, " ", style);
  } else if (s->body && is_block_markup(c)) {
    split(s); /* the paragraph so far ends; the block stands on its own */
    walk_block(r, c);
  } else {
    walk_inline(r, s, c, element_style(c, style));
  }
}

static void walk_inline(reader *r, sink *s, const xmlNode *n, int style) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) add_text(s, (const char *)c->content, style);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      report_entity(r, c);
    } else if (c->type == XML_ELEMENT_NODE && enter(r, c)) {
      inline_element(r, s, c, style);
      leave(r);
    }
  }
}

/* A paragraph of the body from n's content. */
static void add_paragraph(reader *r, const xmlNode *n, bool list_item) {
  sink s = {.flow = r->flow, .kind = AH_BLOCK_PARA, .body = true, .list_item = list_item};
  walk_inline(r, &s, n, 0);
  sink_done(&s);
}

/* ---- lists and tables ---------------------------------------------------------- */

static void add_list(reader *r, const xmlNode *lijst);

/* One li: its printed bullet or number (li.nr) and its paragraphs make one
 * list item; a list inside it gives items of its own. */
static void add_item(reader *r, const xmlNode *li) {
  sink s = {.flow = r->flow, .kind = AH_BLOCK_PARA, .body = true, .list_item = true};
  for (const xmlNode *c = li->children; c; c = c->next) {
    if (c->type == XML_ENTITY_REF_NODE) report_entity(r, c);
    if (c->type != XML_ELEMENT_NODE) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) add_text(&s, (const char *)c->content, 0);
      continue;
    }
    if (!enter(r, c)) continue;
    if (ah_xml_is(c, "lijst")) {
      split(&s);
      add_list(r, c);
    } else {
      if (s.index || s.pending.len) add_text(&s, " ", 0);
      walk_inline(r, &s, c, element_style(c, 0));
    }
    leave(r);
  }
  sink_done(&s);
}

static void add_list(reader *r, const xmlNode *lijst) {
  for (const xmlNode *c = lijst->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !enter(r, c)) continue;
    if (ah_xml_is(c, "li")) add_item(r, c);
    else walk_block(r, c);
    leave(r);
  }
}

/* The reader's own nodes in a cell: a noot is the marker where it stands
 * and its note, a nootref the marker of the note it names, an entity
 * reference a loss. */
static bool take_cell_node(void *self, const xmlNode *c, ah_table_cell *cell) {
  reader *r = self;
  if (c->type == XML_ENTITY_REF_NODE) {
    report_entity(r, c);
  } else if (ah_xml_is(c, "noot")) {
    ah_table_marker(cell, add_note(r, c));
  } else if (ah_xml_is(c, "nootref")) {
    int number = referenced_number(r, c);
    if (number) ah_table_marker(cell, number);
    else report_dangling_ref(r, c);
  } else {
    return false;
  }
  return true;
}

static bool is_row(const xmlNode *n) { return ah_xml_is(n, "row"); }
static bool is_entry(const xmlNode *n) { return ah_xml_is(n, "entry"); }
static bool is_table(const xmlNode *n) { return ah_xml_is(n, "tabel") || ah_xml_is(n, "table"); }
static bool is_skipped(const xmlNode *n) { return n->type != XML_ELEMENT_NODE; }
static bool is_break(const xmlNode *n) { return ah_xml_is(n, "al") || ah_xml_is(n, "br"); }

static void add_table(reader *r, const xmlNode *table) {
  /* a title or caption before the grid keeps its text as a paragraph */
  for (const xmlNode *c = table->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !ah_xml_is(c, "tgroup") && has_text_child(c)) add_paragraph(r, c, false);
  /* built aside: a note in a cell may add blocks while the table is read */
  ah_block grid = {.kind = AH_BLOCK_TABLE};
  /* CALS rows (tgroup/thead/tbody/row/entry), wherever they stand below it */
  const ah_table_markup cals = {.is_row = is_row, .is_cell = is_entry, .is_table = is_table, .is_skipped = is_skipped,
                                .is_break = is_break, .style = element_style, .take = take_cell_node,
                                .clean = ah_xml_clean_text, .max_depth = AH_MAX_XML_DEPTH, .reader = r};
  if (ah_table_read(&cals, table, &grid)) *ah_flow_add(r->flow, AH_BLOCK_TABLE) = grid;
  else ah_block_free(&grid);
}

/* ---- sections ---------------------------------------------------------------- */

static void add_heading(reader *r, ah_label_kind kind, const char *text) {
  ah_block *h = ah_flow_add(r->flow, AH_BLOCK_PARA);
  h->section = kind;
  h->after_gap = true;
  if (*text) ah_spans_add(&h->spans, text, strlen(text), 0);
}

/* A vraag or antwoord: the label nr holds ("Vraag 2 en 3"), then its
 * paragraphs, lists and tables. */
static void add_section(reader *r, const xmlNode *n, ah_label_kind kind) {
  const xmlNode *nr = NULL;
  for (const xmlNode *c = n->children; c && !nr; c = c->next)
    if (ah_xml_is(c, "nr") || ah_xml_is(c, "nummer")) nr = c;
  char *label = nr ? ah_xml_text_of(nr) : ah_strdup("");
  add_heading(r, kind, label);
  free(label);
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c != nr) walk_block(r, c);
}

/* A kamervraagopmerking: a first heading that says "Mededeling" is not
 * text of the notice; any other heading is. */
static void add_mededeling(reader *r, const xmlNode *n) {
  const xmlNode *first = n->children;
  while (first && first->type != XML_ELEMENT_NODE) first = first->next;
  char *heading = NULL;
  if (first && (ah_xml_is(first, "kop") || ah_xml_is(first, "titel") || ah_xml_is(first, "al"))) {
    heading = ah_xml_text_of(first);
    ah_label lb;
    bool label = ah_parse_label(heading, &lb);
    if (label) ah_ints_free(&lb.numbers);
    if (!label || lb.kind != AH_LABEL_MEDEDELING) {
      free(heading);
      heading = NULL;
    }
  }
  add_heading(r, AH_LABEL_MEDEDELING, heading ? heading : "");
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c != first || !heading) walk_block(r, c);
  free(heading);
}

/* ---- the walk ------------------------------------------------------------------- */

static bool is_omschrijving(const xmlNode *n) { return ah_xml_is(n, "kamervraagomschrijving") || ah_xml_is(n, "omschr"); }

static void walk_element(reader *r, const xmlNode *n) {
  if (is_omschrijving(n) && n->parent == r->kamervragen) return; /* read first (read_omschrijvingen) */
  if (ah_xml_is(n, "al") || is_omschrijving(n)) add_paragraph(r, n, false);
  else if (ah_xml_is(n, "vraag")) add_section(r, n, AH_LABEL_VRAAG);
  else if (ah_xml_is(n, "antwoord")) add_section(r, n, AH_LABEL_ANTWOORD);
  else if (ah_xml_is(n, "kamervraagopmerking")) add_mededeling(r, n);
  else if (ah_xml_is(n, "lijst")) add_list(r, n);
  else if (ah_xml_is(n, "tabel") || ah_xml_is(n, "table")) add_table(r, n);
  else if (ah_xml_is(n, "noot")) add_note(r, n); /* a note kept apart from its marker */
  else if (ah_xml_is(n, "kamervraagkop")) ah_xml_read_masthead(r->meta, n);
  else if (ah_xml_is(n, "kamervraagnummer")) ah_xml_read_number(r->meta, n);
  else if (ah_xml_is(n, "metadata")) ah_xml_read_meta_block(r->meta, n);
  else if (has_text_child(n)) add_paragraph(r, n, false); /* unknown, holding text */
  else walk_blocks(r, n);                                 /* unknown container */
}

static void walk_block(reader *r, const xmlNode *n) {
  if (n->type == XML_ENTITY_REF_NODE) {
    report_entity(r, n);
  } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    sink s = {.flow = r->flow, .kind = AH_BLOCK_PARA, .body = true};
    if (n->content) add_text(&s, (const char *)n->content, 0);
    sink_done(&s);
  } else if (n->type == XML_ELEMENT_NODE && enter(r, n)) {
    walk_element(r, n);
    leave(r);
  }
}

static void walk_blocks(reader *r, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) walk_block(r, c);
}

/* ---- entry ---------------------------------------------------------------------- */

/* The omschrijvingen of the document, wherever among the sections they
 * stand, as the paragraphs before the first section: the markup says what
 * they are, and the other renditions print them there (an answer's
 * sentence after the questions would otherwise read as their text). */
static void read_omschrijvingen(reader *r) {
  const xmlNode *root = r->root;
  if (!ah_xml_is(root, "kamervragen"))
    for (root = root->children; root && !ah_xml_is(root, "kamervragen"); root = root->next) {}
  r->kamervragen = root;
  if (!root) return;
  for (const xmlNode *c = root->children; c; c = c->next)
    if (is_omschrijving(c)) add_paragraph(r, c, false);
}

bool ah_is_publisher_xml_root(const char *name) {
  return !strcmp(name, "officiele-publicatie") || !strcmp(name, "kamervragen");
}

int ah_source_xml(const void *data, size_t len, ah_flow *out, ah_docmeta *meta, ah_losses *losses, ah_error *err) {
  memset(out, 0, sizeof *out);
  ah_repairs repairs;
  xmlDocPtr doc = ah_xml_read(data, len, "publisher XML", &repairs, err);
  if (!doc) return -1;
  ah_xml_report_replaced(losses, &repairs);
  const xmlNode *root = xmlDocGetRootElement(doc);
  reader r = {.flow = out, .meta = meta, .losses = losses, .root = root};
  read_omschrijvingen(&r);
  walk_block(&r, root);
  for (size_t i = 0; i < r.notes.n; i++) {
    *ah_flow_add(out, AH_BLOCK_NOTE) = r.notes.items[i];
    memset(&r.notes.items[i], 0, sizeof r.notes.items[i]);
  }
  ah_flow_free(&r.notes);
  for (size_t i = 0; i < r.note_ids.n; i++) free(r.note_ids.items[i].id);
  free(r.note_ids.items);
  xmlFreeDoc(doc);
  return 0;
}
