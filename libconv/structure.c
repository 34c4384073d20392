/* structure.c — the flow in, the document tree out.
 *
 * Takes: ah_flow (body paragraphs and tables in reading order, one block
 * per footnote).  Gives: the children of the document root — omschrijving
 * sentences, vraag / antwoord sections with their number lists, mededeling,
 * and noten, with note markers linked to their notes — and the dates the
 * omschrijvingen carry.
 *
 * This stage sees no geometry, so every rendition shares it: the same
 * document read from PDF, HTML or a preview gives the same tree.
 */
#include "structure.h"
#include "inlines.h"
#include "lexicon.h"
#include "meta.h"
#include "paragraphs.h"

#include <stdlib.h>
#include <string.h>

/* ---- section content ----------------------------------------------------- */

/* A block's node and the markers in it were printed where the block was. */
static void give_pos(ah_node *n, const ah_block *b) {
  ah_node_set_pos(n, &b->pos);
  for (ah_node *c = n->first; c; c = c->next)
    if (c->type == AH_NODE_NOTE_REF) ah_node_set_pos(c, &b->pos);
}

/* Widens a page range to take in [first, last] (0: unknown). */
static void widen(int *range_first, int *range_last, int first, int last) {
  if (!first) return;
  if (!*range_first || first < *range_first) *range_first = first;
  if (last > *range_last) *range_last = last;
}

static void set_pages(ah_node *n, int first, int last) { widen(&n->page_first, &n->page_last, first, last); }

/* A new node of the block's pages. */
static ah_node *append_block(ah_node *parent, ah_node_type type, const ah_block *b) {
  ah_node *n = ah_node_append(parent, type);
  set_pages(n, b->page_first, b->page_last);
  return n;
}

/* A table block's rows and cells; each cell's spans become its inlines as
 * a paragraph's do, so a marker or a sub- or superscript in a cell stays
 * one.  A cell of nothing but white space is no cell, a row without cells
 * no row. */
static bool has_content(const ah_spans *cell) {
  for (size_t i = 0; i < cell->n; i++) {
    if (cell->items[i].style & AH_STYLE_NOTEREF) return true;
    char *t = ah_normalize_text(cell->items[i].text);
    bool any = *t != 0;
    free(t);
    if (any) return true;
  }
  return false;
}

static void add_cell(ah_node *table, ah_node **row, const ah_spans *cell, const ah_block *b, const ah_ints *notes) {
  if (!has_content(cell)) return;
  if (!*row) *row = append_block(table, AH_NODE_ROW, b);
  ah_node *c = append_block(*row, AH_NODE_CELL, b);
  ah_add_inlines(c, cell, notes);
  if (c->first) {
    give_pos(c, b);
    return;
  }
  ah_node_unlink_free(c); /* nothing but white space came of it */
  if (!(*row)->first) {
    ah_node_unlink_free(*row);
    *row = NULL;
  }
}

static void add_table(ah_node *section, const ah_block *b, const ah_ints *notes) {
  ah_node *table = append_block(section, AH_NODE_TABLE, b);
  give_pos(table, b);
  for (size_t r = 0; r < b->rows.n; r++) {
    ah_node *row = NULL; /* made at the row's first cell with content */
    for (size_t c = 0; c < b->rows.items[r].n; c++) add_cell(table, &row, &b->rows.items[r].cells[c], b, notes);
  }
}

static void add_list_item(ah_node *section, const ah_block *b, const ah_ints *notes) {
  ah_node *list = section->last && section->last->type == AH_NODE_LIST ? section->last
                                                                        : ah_node_append(section, AH_NODE_LIST);
  set_pages(list, b->page_first, b->page_last);
  ah_node *item = append_block(list, AH_NODE_ITEM, b);
  ah_spans copy = {0};
  for (size_t i = 0; i < b->spans.n; i++) {
    const char *t = b->spans.items[i].text;
    /* only a real bullet glyph is presentation; a dash or "o" used as a
     * bullet is a printed character of the text and stays */
    if (i == 0) t += ah_bullet_glyph_length(t);
    const ah_span *sp = &b->spans.items[i];
    if (sp->style & AH_STYLE_NOTEREF) ah_spans_add_marker(&copy, sp->note, sp->page);
    else ah_spans_add_on(&copy, t, strlen(t), sp->style, sp->page);
  }
  ah_add_inlines(item, &copy, notes);
  give_pos(item, b);
  ah_spans_free(&copy);
}

/* A figure: its caption as inline content, the words drawn inside it as
 * one text apart from the prose. */
static void add_figure(ah_node *section, const ah_block *b, const ah_ints *notes) {
  ah_node *figure = append_block(section, AH_NODE_FIGURE, b);
  give_pos(figure, b);
  ah_node *caption = ah_node_append(figure, AH_NODE_CAPTION);
  ah_add_inlines(caption, &b->spans, notes);
  if (!caption->first) ah_node_unlink_free(caption);
  char *raw = ah_spans_text(&b->figure_words);
  char *words = ah_normalize_text(raw);
  if (*words) ah_node_append_text(ah_node_append(figure, AH_NODE_FIGURE_TEXT), words, strlen(words));
  free(words);
  free(raw);
}

static void add_block_content(ah_node *section, const ah_block *b, const ah_ints *notes) {
  if (b->kind == AH_BLOCK_TABLE) add_table(section, b, notes);
  else if (b->kind == AH_BLOCK_FIGURE) add_figure(section, b, notes);
  else if (b->list_item) add_list_item(section, b, notes);
  else {
    ah_node *para = append_block(section, AH_NODE_PARAGRAPH, b);
    ah_add_inlines(para, &b->spans, notes);
    give_pos(para, b);
  }
  set_pages(section, b->page_first, b->page_last);
}

/* ---- the omschrijving ---------------------------------------------------- */

static void add_omschrijving(ah_node *root, ah_omschrijving_kind kind, const char *sentence, ah_dates *dates,
                             const ah_pos *pos) {
  ah_node *om = ah_node_append(root, AH_NODE_OMSCHRIJVING);
  ah_node_set_pos(om, pos);
  om->as.omschrijving = kind;
  char iso[11];
  ah_meta_omschrijving(om, sentence, iso);
  /* the question's first date is its sending in; the first date of an
   * answer or notice its receipt */
  char *slot = kind == AH_OMSCHRIJVING_VRAAG ? dates->sent : dates->received;
  if (!*slot) memcpy(slot, iso, sizeof iso);
}

/* The text before the first section: the question's sentence, and the
 * answering sentence when one follows it. */
static void build_omschrijving(ah_node *root, const char *text, ah_dates *dates, const ah_pos *pos) {
  char *s = ah_normalize_text(text);
  if (!*s) {
    free(s);
    return;
  }
  bool notice = false;
  const char *answer = ah_find_answer_sentence(s, &notice);
  if (answer) {
    char *q = ah_strndup(s, (size_t)(answer - s));
    char *qs = ah_normalize_space(q);
    add_omschrijving(root, AH_OMSCHRIJVING_VRAAG, qs, dates, pos);
    free(q);
    free(qs);
    add_omschrijving(root, notice ? AH_OMSCHRIJVING_MEDEDELING : AH_OMSCHRIJVING_ANTWOORD, answer, dates, pos);
  } else {
    add_omschrijving(root, ah_starts_answer(s) ? AH_OMSCHRIJVING_ANTWOORD : AH_OMSCHRIJVING_VRAAG, s, dates, pos);
  }
  free(s);
}

/* The omschrijving so far ends a sentence: what follows is not the rest of
 * it ("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024," + "nr. 1137."). */
static bool sentence_ended(const char *text) {
  size_t n = text ? strlen(text) : 0;
  while (n && text[n - 1] == ' ') n--;
  return n && strchr(".?!)", text[n - 1]);
}

/* ---- sections ------------------------------------------------------------ */

typedef struct {
  ah_node *root;
  const ah_ints *notes;
  ah_dates *dates;
  ah_buf intro;     /* the omschrijving text until the first section */
  ah_pos intro_pos; /* where it was printed */
  int intro_first, intro_last; /* the pages it was printed on */
  bool answer_seen; /* the intro holds a complete answering sentence */
  ah_node *section; /* the section being filled */
  size_t n_sections;
} builder;

static ah_node_type section_type(ah_label_kind kind) {
  switch (kind) {
  case AH_LABEL_VRAAG: return AH_NODE_VRAAG;
  case AH_LABEL_ANTWOORD: return AH_NODE_ANTWOORD;
  case AH_LABEL_MEDEDELING: return AH_NODE_MEDEDELING;
  case AH_LABEL_NONE: break;
  }
  return AH_NODE_NONE;
}

/* The omschrijvingen from the text before the first section; each gets the
 * pages that text was printed on. */
static void finish_intro(builder *bd) {
  build_omschrijving(bd->root, bd->intro.data ? bd->intro.data : "", bd->dates, &bd->intro_pos);
  for (ah_node *om = bd->root->first; om; om = om->next)
    if (om->type == AH_NODE_OMSCHRIJVING) set_pages(om, bd->intro_first, bd->intro_last);
}

static void open_section(builder *bd, ah_node_type type) {
  if (!bd->section) finish_intro(bd);
  bd->section = ah_node_append(bd->root, type);
  bd->n_sections++;
}

/* A label line, or a heading the markup marked as a section's. */
static void start_labelled_section(builder *bd, const ah_block *b, ah_label *lb, const char *text) {
  bool unnumbered_heading = lb->kind == AH_LABEL_NONE;
  if (unnumbered_heading) lb->kind = b->section; /* the markup said so */
  open_section(bd, section_type(lb->kind));
  if (lb->kind != AH_LABEL_MEDEDELING) {
    bd->section->as.numbers = lb->numbers;
    memset(&lb->numbers, 0, sizeof lb->numbers);
  }
  bool numbered = bd->section->type != AH_NODE_MEDEDELING && bd->section->as.numbers.n;
  if (numbered || (unnumbered_heading && *text)) {
    ah_node *l = append_block(bd->section, AH_NODE_LABEL, b);
    ah_node_append_text(l, text, strlen(text));
    give_pos(l, b);
  }
  set_pages(bd->section, b->page_first, b->page_last);
}

static void take_block(builder *bd, const ah_block *b) {
  if (b->kind == AH_BLOCK_TABLE || b->kind == AH_BLOCK_FIGURE) {
    if (bd->section) add_block_content(bd->section, b, bd->notes);
    return;
  }
  char *raw = ah_spans_text(&b->spans);
  char *text = ah_normalize_space(raw);
  free(raw);
  ah_label lb;
  /* A heading the markup marks as a section's but whose number is 0 or
   * past AH_MAX_LABEL_NUMBER ("Vraag 1000") stays text, as a printed line
   * does: a section without numbers is no valid output, and verify names
   * the label-like paragraph. */
  bool markup_section = b->section != AH_LABEL_NONE && !ah_is_label_out_of_range(text);
  if (ah_parse_label(text, &lb) || markup_section) {
    start_labelled_section(bd, b, &lb, text);
  } else if (!bd->section && bd->answer_seen && !ah_scan_see_also(text) && sentence_ended(bd->intro.data)) {
    /* Text after the answering sentence and before any label is a notice
     * in place of answers ("… kunnen niet binnen de gebruikelijke termijn
     * worden beantwoord"). */
    open_section(bd, AH_NODE_MEDEDELING);
    add_block_content(bd->section, b, bd->notes);
  } else if (!bd->section) {
    if (bd->intro.len) ah_buf_putc(&bd->intro, ' ');
    ah_buf_puts(&bd->intro, text);
    ah_pos_merge(&bd->intro_pos, &b->pos);
    widen(&bd->intro_first, &bd->intro_last, b->page_first, b->page_last);
    bd->answer_seen = bd->answer_seen || ah_has_received_date(text);
  } else {
    add_block_content(bd->section, b, bd->notes);
  }
  ah_ints_free(&lb.numbers);
  free(text);
}

/* ---- notes --------------------------------------------------------------- */

typedef struct {
  int number;
  size_t index;
} note_order;

/* By number, then by the order printed: a stable order. */
static int cmp_note_order(const void *x, const void *y) {
  const note_order *a = x, *b = y;
  if (a->number != b->number) return (a->number > b->number) - (a->number < b->number);
  return (a->index > b->index) - (a->index < b->index);
}

/* Notes in number order, whatever the order they were printed in (a note
 * stands on the page of its first marker, which need not follow the
 * numbers); equal numbers keep their order. */
static void add_notes(ah_node *root, const ah_flow *flow, const ah_ints *notes) {
  if (!notes->n) return;
  note_order *order = ah_xreallocarray(NULL, notes->n, sizeof *order);
  size_t n = 0;
  for (size_t i = 0; i < flow->n; i++)
    if (flow->items[i].kind == AH_BLOCK_NOTE) order[n++] = (note_order){flow->items[i].note_number, i};
  qsort(order, n, sizeof *order, cmp_note_order);
  ah_node *noten = ah_node_append(root, AH_NODE_NOTEN);
  for (size_t o = 0; o < n; o++) set_pages(noten, flow->items[order[o].index].page_first, flow->items[order[o].index].page_last);
  for (size_t o = 0; o < n; o++) {
    const ah_block *b = &flow->items[order[o].index];
    ah_node *noot = ah_node_append(noten, AH_NODE_NOOT);
    ah_node_set_note_number(noot, b->note_number);
    set_pages(noot, b->page_first, b->page_last);
    ah_node_set_pos(noot, &b->pos);
    ah_node *para = append_block(noot, AH_NODE_PARAGRAPH, b);
    ah_add_inlines(para, &b->spans, notes);
    give_pos(para, b);
  }
  free(order);
}

/* ---- the document -------------------------------------------------------- */

int ah_structure(ah_node *root, const ah_flow *flow, ah_dates *dates, ah_error *err) {
  ah_ints notes = {0};
  for (size_t i = 0; i < flow->n; i++)
    if (flow->items[i].kind == AH_BLOCK_NOTE) ah_ints_push(&notes, flow->items[i].note_number);
  memset(dates, 0, sizeof *dates);
  builder bd = {.root = root, .notes = &notes, .dates = dates};
  for (size_t i = 0; i < flow->n; i++)
    if (flow->items[i].kind != AH_BLOCK_NOTE) take_block(&bd, &flow->items[i]);
  if (!bd.section && bd.intro.len) finish_intro(&bd);
  ah_buf_free(&bd.intro);
  ah_pos_free(&bd.intro_pos);
  add_notes(root, flow, &notes);
  ah_ints_free(&notes);
  if (!bd.n_sections) {
    ah_error_set(err, AH_ERROR_NOT_AANHANGSEL, "no Vraag or Antwoord found: not an Aanhangsel document");
    return -1;
  }
  return 0;
}
