/* source_html.c — HTML bytes in, an ah_flow out (the same intermediate the
 * PDF layout stage gives, so structure.c reads both renditions alike).
 *
 * Takes: the bytes of an HTML page.  Gives: paragraph, list, table and note
 * blocks in reading order, plus the id, chamber, year and number from the
 * page's <head> meta where present.
 *
 * Two kinds of markup are read by one walk over the tree:
 *  - the official publication markup (div#broodtekst, div.vraag/.antwoord
 *    with h2.stuktitel, a.nootnum markers, div#noten with div.voet.noot,
 *    div.kamervraagopmerking): its classes say where a section starts and
 *    what is a note, so they are trusted;
 *  - any other markup (another site, a pdftohtml preview): block elements
 *    become paragraphs and the lexicon's label recognizer finds labels;
 *    a paragraph that opens with a raised number used earlier as a marker is
 *    that note.
 * The parser runs with network access off and no entity loading; libxml2's
 * HTML parser never fetches a DTD.
 */
#include "source_html.h"
#include "caps.h"
#include "lexicon.h"
#include "textlines.h"
#include "html_elements.h"
#include "markup_table.h"
#include "xml_input.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <ctype.h>
#include <strings.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct {
  ah_flow *flow;
  ah_docmeta *meta;
  ah_losses *losses;         /* text the walk could not place */
  /* Blocks by index + 1 (0: none): adding a block may move the array. */
  size_t open;               /* paragraph being filled */
  size_t pinned;             /* a note: its paragraphs all go into one block */
  bool plain;                /* no official markup: <br> ends a printed line */
  int style;                 /* inline style inherited from the ancestors */
  ah_label_kind section;     /* section class seen, heading not yet read */
  bool in_list_item;
  int depth;
  const xmlNode *element;    /* the innermost block element walked: a block's provenance */
} walker;

/* ---- text --------------------------------------------------------------- */

/* Text of a subtree, skipping what the walk skips. */
static void collect_text(const xmlNode *n, ah_buf *out, int depth) {
  if (depth > AH_MAX_HTML_DEPTH) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) ah_buf_puts(out, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE && !ah_html_is_skipped(c)) {
      if (ah_html_is(c, "br")) ah_buf_putc(out, ' ');
      collect_text(c, out, depth + 1);
    }
  }
}

/* Printable text: line breaks become spaces, soft hyphens and zero-width
 * characters (line-break hints) go.  No-break spaces stay until structure.c
 * collapses white space: in a preview they tell a note number ("1&#160;…"). */
static void clean_text(const char *s, ah_buf *out) {
  ah_buf valid = {0};
  size_t n = strlen(s);
  if (ah_utf8_count_invalid(s, n)) ah_buf_put_utf8(&valid, s, n); /* a charset libxml2 could not decode */
  for (const unsigned char *p = (const unsigned char *)(valid.data ? valid.data : s); *p;) {
    if (p[0] == 0xC2 && p[1] == 0xAD) { p += 2; continue; }
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8B || p[2] == 0x8C || p[2] == 0x8D)) { p += 3; continue; }
    if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) { p += 3; continue; }
    if (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') { ah_buf_putc(out, ' '); p++; continue; }
    ah_buf_putc(out, (char)*p++);
  }
  ah_buf_free(&valid);
}

static char *subtree_text(const xmlNode *n) {
  ah_buf raw = {0}, clean = {0};
  collect_text(n, &raw, 0);
  clean_text(raw.data ? raw.data : "", &clean);
  ah_buf_free(&raw);
  char *t = ah_normalize_space(clean.data ? clean.data : "");
  ah_buf_free(&clean);
  return t;
}


/* ---- blocks ------------------------------------------------------------- */

static ah_block *block_at(walker *w, size_t index) { return index ? &w->flow->items[index - 1] : NULL; }

static void close_block(walker *w) {
  ah_block *note = block_at(w, w->pinned);
  if (note && note->spans.n) ah_spans_add(&note->spans, " ", 1, 0);
  w->open = w->pinned;
}

static ah_block *open_block(walker *w, ah_block_kind kind) {
  if (w->section != AH_LABEL_NONE) {
    /* a section div without a heading of its own: mark where it starts */
    ah_block *h = ah_flow_add(w->flow, AH_BLOCK_PARA);
    h->section = w->section;
    h->after_gap = true;
    w->section = AH_LABEL_NONE;
  }
  ah_block *b = ah_flow_add(w->flow, kind);
  b->after_gap = true;
  if (w->element) {
    long line = xmlGetLineNo(w->element);
    b->pos.line = line > 0 && line <= INT32_MAX ? (int)line : 0;
    b->pos.path = ah_html_path(w->element);
  }
  b->list_item = kind == AH_BLOCK_PARA && w->in_list_item;
  w->in_list_item = false;
  w->open = kind == AH_BLOCK_PARA ? w->flow->n : 0;
  return b;
}

/* Nothing but white space (as ah_normalize_space sees it), without a copy:
 * a page's text may be megabytes. */
static bool is_blank(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') continue;
    if (p[0] == 0xC2 && p[1] == 0xA0) {
      p++;
      continue;
    }
    return false;
  }
  return true;
}

static void add_text(walker *w, const char *text, int style) {
  ah_buf clean = {0};
  clean_text(text, &clean);
  if (!clean.len) return;
  if (is_blank(clean.data) && !w->open) {
    ah_buf_free(&clean);
    return;
  }
  ah_block *b = w->open ? block_at(w, w->open) : open_block(w, AH_BLOCK_PARA);
  ah_spans_add(&b->spans, clean.data, clean.len, style);
  ah_buf_free(&clean);
}

/* ---- tables ------------------------------------------------------------- */

/* The note a marker element's text names: its digits, within the cap; 0
 * when it is not a number (then it is text). */
static int marker_note(const char *t) {
  int number;
  const char *end;
  if (!ah_is_digits(t) || !ah_parse_uint(t, AH_MAX_NOTE_NUMBER, &number, &end) || *end) return 0;
  return number;
}

/* The inline style an element adds to the text inside it. */
static int html_style(const xmlNode *n, int style) {
  if (ah_html_is(n, "sup")) return style | AH_STYLE_SUP;
  if (ah_html_is(n, "sub")) return style | AH_STYLE_SUB;
  if (ah_html_is(n, "b") || ah_html_is(n, "strong")) return style | AH_STYLE_BOLD;
  if (ah_html_is(n, "i") || ah_html_is(n, "em")) return style | AH_STYLE_ITALIC;
  return style;
}

/* A note marker in a cell is a marker where it stands (structure.c makes
 * it a noot-ref); one whose text is no note number is read as text. */
static bool take_cell_marker(void *reader, const xmlNode *n, ah_table_cell *cell) {
  (void)reader;
  if (n->type != XML_ELEMENT_NODE || ah_html_is_skipped(n) || !ah_html_is_note_marker(n)) return false;
  char *t = subtree_text(n);
  int note = marker_note(t);
  free(t);
  if (note) ah_table_marker(cell, note);
  return note != 0;
}

static bool is_tr(const xmlNode *n) { return ah_html_is(n, "tr"); }
static bool is_td(const xmlNode *n) { return ah_html_is(n, "td") || ah_html_is(n, "th"); }
static bool is_table(const xmlNode *n) { return ah_html_is(n, "table"); } /* a nested table is its own */
static bool is_br(const xmlNode *n) { return ah_html_is(n, "br"); }

static const ah_table_markup html_tables = {
    .is_row = is_tr, .is_cell = is_td, .is_table = is_table, .is_skipped = ah_html_is_skipped,
    .is_break = is_br, .style = html_style, .take = take_cell_marker, .clean = clean_text,
    .max_depth = AH_MAX_HTML_DEPTH};

static void add_table(walker *w, const xmlNode *table) {
  if (w->pinned) { /* a table inside a footnote: its text */
    char *t = subtree_text(table);
    add_text(w, t, 0);
    free(t);
    return;
  }
  close_block(w);
  ah_block grid = {.kind = AH_BLOCK_TABLE};
  if (ah_table_read(&html_tables, table, &grid)) {
    ah_block *b = open_block(w, AH_BLOCK_TABLE);
    b->rows = grid.rows;
    grid.rows = (ah_rows){0};
  }
  ah_block_free(&grid);
  close_block(w);
}

/* ---- notes -------------------------------------------------------------- */

static const xmlNode *find_number_element(const xmlNode *n, int depth) {
  if (depth > AH_MAX_HTML_DEPTH) return NULL;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || ah_html_is_skipped(c)) continue;
    if (ah_html_is_note_marker(c)) return c;
    const xmlNode *f = find_number_element(c, depth + 1);
    if (f) return f;
  }
  return NULL;
}

static void walk(walker *w, const xmlNode *n);

/* Text of an element the walk does not take, reported so verify says so. */
static void report_unread(walker *w, const xmlNode *n) {
  char *t = subtree_text(n);
  if (*t) ah_losses_add(w->losses, AH_LOST_MARKUP, 0, t);
  free(t);
}

/* One footnote of an official note list: its number from span.nootnum (or a
 * leading sup), its text from the rest. */
static void add_note(walker *w, const xmlNode *item, int fallback_number) {
  close_block(w);
  const xmlNode *num_el = find_number_element(item, 0);
  if (!num_el)
    for (const xmlNode *c = item->children; c && !num_el; c = c->next)
      if (ah_html_is(c, "sup")) num_el = c;
  int number = fallback_number;
  if (num_el) {
    char *t = subtree_text(num_el);
    const char *end;
    if (!ah_parse_uint(t, AH_MAX_NOTE_NUMBER, &number, &end) || *end) number = fallback_number;
    free(t);
  }
  const xmlNode *outer = w->element;
  w->element = item;
  open_block(w, AH_BLOCK_NOTE);
  w->element = outer;
  size_t index = w->flow->n;
  block_at(w, index)->note_number = number;
  walker inner = {.flow = w->flow, .meta = w->meta, .losses = w->losses, .open = index, .pinned = index,
                  .depth = w->depth + 1, .element = item};
  for (const xmlNode *c = item->children; c; c = c->next) {
    if (c == num_el) continue;
    if (num_el && ah_html_is(c, "sup") && find_number_element(c, 0) == num_el)
      continue; /* <sup><span class="nootnum">1</span></sup> */
    walk(&inner, c);
  }
  ah_block *b = block_at(w, index);
  if (!num_el && b->spans.n) {
    /* "3 Kamerstuk …": the number printed as text, the same as its place
     * in the list or the only number there is */
    char *t = b->spans.items[0].text;
    while (*t == ' ') t++;
    char *end;
    long printed = strtol(t, &end, 10);
    if (end > t && (*end == ' ' || !*end) && (printed == number || number <= 0)) {
      b->note_number = (int)printed;
      memmove(b->spans.items[0].text, end, strlen(end) + 1);
    }
  }
  close_block(w);
}

static void walk_notes(walker *w, const xmlNode *container) {
  int position = 0;
  for (const xmlNode *c = container->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || ah_html_is_skipped(c) || ah_html_is(c, "hr")) continue;
    if (ah_html_has_class(c, "noot") || ah_html_is(c, "li")) {
      add_note(w, c, ++position);
    } else if (ah_html_is(c, "ul") || ah_html_is(c, "ol") || ah_html_is(c, "div")) {
      walk_notes(w, c);
    } else {
      report_unread(w, c); /* neither a note nor a list of notes */
    }
  }
}

/* ---- the walk ----------------------------------------------------------- */

static ah_label_kind section_class(const xmlNode *n) {
  if (!ah_html_is(n, "div") && !ah_html_is(n, "section")) return AH_LABEL_NONE;
  if (ah_html_has_class(n, "vraag")) return AH_LABEL_VRAAG;
  if (ah_html_has_class(n, "antwoord")) return AH_LABEL_ANTWOORD;
  if (ah_html_has_class(n, "kamervraagopmerking")) return AH_LABEL_MEDEDELING;
  return AH_LABEL_NONE;
}

static void walk_children(walker *w, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) walk(w, c);
}

static void walk_element(walker *w, const xmlNode *n) {
  if (ah_html_is_skipped(n)) {
    if (ah_html_shows_text(n)) report_unread(w, n);
    return;
  }
  if (ah_html_is(n, "br")) {
    /* in a preview each printed line ends in <br>: textlines.c needs them */
    if (w->plain && !w->pinned) {
      if (w->open) ah_spans_add(&block_at(w, w->open)->spans, "\n", 1, 0);
    } else {
      add_text(w, " ", w->style);
    }
    return;
  }
  if (ah_html_is(n, "table")) {
    add_table(w, n);
    return;
  }
  if (ah_html_has_class(n, "kamervraagnummer") || (ah_html_is(n, "p") && ah_html_has_class(n, "nummer"))) {
    /* the number line of older pages: metadata, not text of the omschrijving */
    char *t = subtree_text(n);
    int number;
    const char *end;
    if (!w->meta->nummer && ah_parse_uint(t, INT32_MAX, &number, &end) && !*end) w->meta->nummer = number;
    free(t);
    return;
  }
  if (ah_html_is_notes_container(n) && !w->pinned) {
    walk_notes(w, n);
    return;
  }
  if (ah_html_is_note_marker(n)) {
    char *t = subtree_text(n);
    int note = marker_note(t);
    if (note || ah_is_digits(t)) {
      ah_block *b = w->open ? block_at(w, w->open) : open_block(w, AH_BLOCK_PARA);
      if (note) ah_spans_add_marker(&b->spans, note, 0);
      else ah_spans_add(&b->spans, t, strlen(t), 0); /* past the cap: its digits are text */
    }
    free(t);
    return;
  }
  ah_label_kind section = section_class(n);
  if (section != AH_LABEL_NONE) {
    close_block(w);
    w->section = section;
    walk_children(w, n);
    w->section = AH_LABEL_NONE;
    close_block(w);
    return;
  }
  if (ah_html_is_heading(n) && w->section != AH_LABEL_NONE) {
    close_block(w);
    ah_label_kind s = w->section;
    w->section = AH_LABEL_NONE;
    ah_block *h = open_block(w, AH_BLOCK_PARA);
    h->section = s;
    walk_children(w, n);
    close_block(w);
    return;
  }
  int saved = w->style;
  w->style = html_style(n, w->style);
  bool block = ah_html_is_block(n) || ah_html_is(n, "li");
  if (block) {
    close_block(w);
    if (ah_html_is(n, "li")) w->in_list_item = true;
  }
  walk_children(w, n);
  if (block) {
    close_block(w);
    w->in_list_item = false;
  }
  w->style = saved;
}

static void walk(walker *w, const xmlNode *n) {
  if (w->depth > AH_MAX_HTML_DEPTH) return; /* never: the page's depth was checked */
  w->depth++;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) add_text(w, (const char *)n->content, w->style);
  } else if (n->type == XML_ELEMENT_NODE) {
    const xmlNode *outer = w->element;
    if (ah_html_is_block(n) || ah_html_is(n, "li") || ah_html_is(n, "table") || ah_html_is_heading(n)) w->element = n;
    walk_element(w, n);
    w->element = outer;
  }
  w->depth--;
}

/* ---- notes in markup without note classes ------------------------------- */

/* The number a span's text starts with (after spaces), 0 if none or past
 * the cap: no note has that number. */
static int leading_number(const char *t) {
  while (*t == ' ' || *t == '\t' || *t == '\n') t++;
  int v;
  const char *end;
  return ah_parse_uint(t, AH_MAX_NOTE_NUMBER, &v, &end) ? v : 0;
}

static bool leading_raised_number(const ah_block *b, int *number, size_t *span) {
  for (size_t i = 0; i < b->spans.n; i++) {
    const ah_span *s = &b->spans.items[i];
    char *t = ah_normalize_space(s->text);
    bool blank = !*t && !(s->style & AH_STYLE_NOTEREF);
    bool num = (s->style & AH_STYLE_NOTEREF) || ((s->style & AH_STYLE_SUP) && ah_is_digits(t));
    if (num) *number = s->style & AH_STYLE_NOTEREF ? s->note : leading_number(t), *span = i;
    free(t);
    if (!blank) return num && i + 1 < b->spans.n;
  }
  return false;
}

/* A paragraph that opens with a raised number the text before it used as a
 * marker is that footnote: "<p><sup>2</sup> Kamerstuk 36 600 …</p>". */
static void find_plain_notes(ah_flow *flow) {
  for (size_t i = 0; i < flow->n; i++) {
    ah_block *b = &flow->items[i];
    int number = 0;
    size_t span = 0;
    if (b->kind != AH_BLOCK_PARA || !leading_raised_number(b, &number, &span)) continue;
    bool marked = false;
    for (size_t j = 0; j < i && !marked; j++) {
      const ah_block *e = &flow->items[j];
      if (e->kind != AH_BLOCK_PARA) continue;
      for (size_t k = 0; k < e->spans.n && !marked; k++) {
        const ah_span *s = &e->spans.items[k];
        int marks = s->style & AH_STYLE_NOTEREF ? s->note : s->style & AH_STYLE_SUP ? leading_number(s->text) : 0;
        marked = (s->style & (AH_STYLE_SUP | AH_STYLE_NOTEREF)) && marks == number && k > 0;
      }
    }
    if (!marked) continue;
    b->kind = AH_BLOCK_NOTE;
    b->note_number = number;
    free(b->spans.items[span].text);
    memmove(&b->spans.items[span], &b->spans.items[span + 1], (b->spans.n - span - 1) * sizeof *b->spans.items);
    b->spans.n--;
  }
}

/* ---- head meta ---------------------------------------------------------- */

/* One <meta name content> of the head: the id, number, session, chamber,
 * and the fields of the metadata record (registratie.c). */
static void read_meta_item(const char *name, const char *value, ah_docmeta *meta) {
  int number;
  const char *end;
  ah_session session;
  if (!strcmp(name, "DC.identifier") && ah_is_pubid(value, &(ah_pubid){0}))
    ah_docmeta_take_id(meta, value, strlen(value));
  else if (!strcmp(name, "OVERHEIDop.aanhangselNummer") && !meta->nummer &&
           ah_parse_uint(value, INT32_MAX, &number, &end))
    meta->nummer = number;
  else if (!strcmp(name, "OVERHEIDop.vergaderjaar") && !meta->session.first &&
           (end = ah_scan_session(value, &session)) && !*end)
    meta->session = session;
  else if (!strcmp(name, "DC.creator") && meta->kamer == AH_KAMER_UNKNOWN)
    meta->kamer = ah_find_chamber(value);
  /* the publisher's metadata record: the same names as metadata.xml */
  ah_registratie_take(&meta->record, name, value);
}

static void read_meta(const xmlNode *n, ah_docmeta *meta, int depth) {
  if (depth > AH_MAX_HTML_DEPTH) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!ah_html_is(c, "meta")) {
      if (ah_html_is(c, "head") || ah_html_is(c, "html")) read_meta(c, meta, depth + 1);
      continue;
    }
    xmlChar *name = xmlGetProp(c, (const xmlChar *)"name");
    xmlChar *content = xmlGetProp(c, (const xmlChar *)"content");
    if (name && content && *content) {
      ah_buf valid = {0};
      ah_buf_put_utf8(&valid, (const char *)content, strlen((const char *)content));
      char *v = ah_normalize_space(valid.data);
      read_meta_item((const char *)name, v, meta);
      free(v);
      ah_buf_free(&valid);
    }
    xmlFree(name);
    xmlFree(content);
  }
}

/* ---- entry -------------------------------------------------------------- */

static const xmlNode *find_by_id(const xmlNode *n, const char *id, int depth) {
  if (depth > AH_MAX_HTML_DEPTH) return NULL;
  for (const xmlNode *c = n; c; c = c->next) {
    if (ah_html_has_id(c, id)) return c;
    if (c->type == XML_ELEMENT_NODE && c->children) {
      const xmlNode *f = find_by_id(c->children, id, depth + 1);
      if (f) return f;
    }
  }
  return NULL;
}

/* The deepest element nesting below root, walked without recursion (the
 * tree may be a hostile 100k deep). */
static int nesting_depth(const xmlNode *root) {
  int depth = 0, deepest = 0;
  const xmlNode *n = root;
  while (n) {
    if (n->children) {
      n = n->children;
      if (++depth > deepest) deepest = depth;
      continue;
    }
    while (n && n != root && !n->next) {
      n = n->parent;
      depth--;
    }
    if (!n || n == root) break;
    n = n->next;
  }
  return deepest;
}

/* Whether the page's last kilobyte closes its html element.  The parser
 * closes whatever a page cut short leaves open without a word, so a
 * download that broke off would convert as if complete; an official page,
 * and a pdftohtml preview, always ends in "</html>". */
static bool ends_as_a_page(const unsigned char *d, size_t len) {
  static const char close[] = "</html";
  size_t n = sizeof close - 1;
  for (size_t i = len >= n ? len - n + 1 : 0; i-- > (len > 1024 ? len - 1024 : 0);)
    if (strncasecmp((const char *)d + i, close, n) == 0) return true;
  return false;
}

int ah_source_html(const void *data, size_t len, ah_flow *out, ah_docmeta *meta, ah_losses *losses, ah_error *err) {
  memset(out, 0, sizeof *out);
  if (len > AH_MAX_HTML_BYTES) {
    ah_error_set(err, AH_ERROR_LIMIT, "HTML page too large: %zu MiB, over the cap of %u MiB on a page",
                 (len + (1u << 20) - 1) >> 20, AH_MAX_HTML_BYTES >> 20);
    return -1;
  }
  ah_repairs repairs;
  htmlDocPtr doc = ah_html_read(data, len, &repairs, err);
  if (!doc) return -1;
  ah_xml_report_replaced(losses, &repairs);
  if (!ends_as_a_page(data, len))
    ah_losses_add(losses, AH_LOST_STRUCTURE, 0, "the page ends without </html>: the file may be cut short, its end lost");
  const xmlNode *root = xmlDocGetRootElement(doc);
  /* refused whole rather than read in part: every walk below is bounded by it */
  if (nesting_depth(root) > AH_MAX_HTML_DEPTH) {
    xmlFreeDoc(doc);
    ah_error_set(err, AH_ERROR_LIMIT, "HTML nested deeper than %d elements", AH_MAX_HTML_DEPTH);
    return -1;
  }
  ah_html_number_elements(doc);
  read_meta(root, meta, 0);
  const xmlNode *body = find_by_id(root, "broodtekst", 0);
  if (!body) body = root;
  walker w = {.flow = out, .meta = meta, .losses = losses, .plain = body == root};
  walk_children(&w, body);
  /* an official page keeps its notes apart from the body text: div#noten
   * inside or after broodtekst */
  if (body != root && !find_by_id(body->children, "noten", 0)) {
    const xmlNode *notes = find_by_id(root, "noten", 0);
    if (notes) walk_notes(&w, notes);
  }
  if (w.plain) {
    ah_text_lines(out, meta);
    find_plain_notes(out);
  }
  xmlFreeDoc(doc);
  return 0;
}
