/* structure.c — paragraph blocks in, the document tree out.
 *
 * Takes: ah_flow (body paragraphs in reading order, footnote blocks, the
 * furniture facts).  Gives: the children of the document root:
 * omschrijving sentences, vraag / antwoord blocks with their number lists,
 * mededeling, and noten, with note markers linked to their notes.
 *
 * This stage sees no geometry, so PDF and HTML renditions share it: the same
 * document read from either gives the same tree.
 */
#include "internal.h"

#include <glib.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- labels ------------------------------------------------------------- */

typedef struct {
  ah_node_type type; /* VRAAG, ANTWOORD, MEDEDELING; NONE if not a label */
  int nums[64];
  size_t n;
} label;

static const char *skip_spaces(const char *p) {
  while (*p == ' ') p++;
  return p;
}

/* "2", "2 en 3", "3, 4, 5 en 6", "7, 8, 9 10 en 11", "4 tot en met 7",
 * "4 t/m 7", "4-7".  The whole rest of the line must be such a list. */
static bool parse_number_list(const char *p, label *lb) {
  bool range = false;
  p = skip_spaces(p);
  if (!isdigit((unsigned char)*p)) return false;
  while (*p) {
    if (isdigit((unsigned char)*p)) {
      int v = 0;
      while (isdigit((unsigned char)*p)) v = v * 10 + (*p++ - '0');
      if (v <= 0 || v > 999) return false;
      if (range && lb->n) {
        for (int k = lb->nums[lb->n - 1] + 1; k <= v && lb->n < 64; k++) lb->nums[lb->n++] = k;
        range = false;
      } else if (lb->n < 64) {
        lb->nums[lb->n++] = v;
      }
      continue;
    }
    if (*p == ' ' || *p == ',' || *p == ':' || *p == '.') { p++; continue; }
    if (ah_starts_with(p, "en ")) { p += 3; continue; }
    if (ah_starts_with(p, "tot en met ")) { p += 11; range = true; continue; }
    if (ah_starts_with(p, "t/m ")) { p += 4; range = true; continue; }
    if (*p == '-') { p++; range = true; continue; }
    if (ah_starts_with(p, "\xE2\x80\x93")) { p += 3; range = true; continue; }
    return false;
  }
  return lb->n > 0 && !range;
}

static label parse_label(const char *text) {
  label lb = {0};
  static const struct { const char *word; ah_node_type type; } words[] = {
      {"Vragen ", AH_NODE_VRAAG},         {"Vraag ", AH_NODE_VRAAG},
      {"Antwoorden ", AH_NODE_ANTWOORD}, {"Antwoord ", AH_NODE_ANTWOORD},
      {"Antwoord op vraag ", AH_NODE_ANTWOORD}, {"Antwoord op vragen ", AH_NODE_ANTWOORD}};
  if (strlen(text) > 80) return lb;
  if (strcmp(text, "Mededeling") == 0 || strcmp(text, "Mededeling:") == 0) {
    lb.type = AH_NODE_MEDEDELING;
    return lb;
  }
  for (size_t i = sizeof words / sizeof *words; i-- > 0;) {
    if (ah_starts_with(text, words[i].word) && parse_number_list(text + strlen(words[i].word), &lb)) {
      lb.type = words[i].type;
      return lb;
    }
    lb.n = 0;
  }
  return lb;
}

bool ah_is_label(const char *text) { return parse_label(text).type != AH_NODE_NONE; }

/* ---- inline content ----------------------------------------------------- */

static bool url_char(unsigned char c) { return c > ' ' && c != '<' && c != '>' && c != '"'; }

/* Text with web addresses marked: http(s)://… and www.… up to white space,
 * minus trailing sentence punctuation and an unbalanced closing parenthesis. */
void ah_append_inline_text(ah_node *parent, const char *text) {
  const char *p = text;
  while (*p) {
    const char *h1 = strstr(p, "http://"), *h2 = strstr(p, "https://"), *w = strstr(p, "www.");
    const char *u = NULL;
    if (h1) u = h1;
    if (h2 && (!u || h2 < u)) u = h2;
    if (w && (!u || w < u) && (w == text || !isalnum((unsigned char)w[-1]))) u = w;
    if (!u) break;
    const char *e = u;
    while (url_char((unsigned char)*e)) e++;
    int depth = 0;
    for (const char *q = u; q < e; q++) depth += (*q == '(') - (*q == ')');
    while (e > u && (strchr(".,;:!?", e[-1]) || (e[-1] == ')' && depth < 0))) {
      if (e[-1] == ')') depth++;
      e--;
    }
    size_t scheme = *u == 'w' ? 4 : (size_t)(strstr(u, "//") + 2 - u);
    if ((size_t)(e - u) <= scheme) { /* "https://" alone, "www." alone */
      ah_node_append_text(parent, p, (size_t)(u + 1 - p));
      p = u + 1;
      continue;
    }
    ah_node_append_text(parent, p, (size_t)(u - p));
    ah_node *url = ah_node_append(parent, AH_NODE_URL);
    ah_node_append_text(url, u, (size_t)(e - u));
    p = e;
  }
  ah_node_append_text(parent, p, strlen(p));
}

static char *normalized(const char *s) {
  char *nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
  char *out = ah_normalize_space(nfc ? nfc : s);
  g_free(nfc);
  return out;
}

static bool digits_only(const char *s) {
  const char *t = skip_spaces(s);
  if (!*t) return false;
  for (; *t; t++)
    if (!isdigit((unsigned char)*t) && *t != ' ') return false;
  return true;
}

typedef struct {
  const int *notes; /* numbers of the footnotes found */
  size_t n;
} note_set;

static bool has_note(const note_set *ns, int n) {
  for (size_t i = 0; i < ns->n; i++)
    if (ns->notes[i] == n) return true;
  return false;
}

/* Spans of one paragraph become inline nodes.  A raised number that names a
 * footnote of this document is a marker; other raised or lowered text stays
 * sup/sub (m2, CO2).  White space is collapsed across span borders. */
static void flush_text(ah_node *para, ah_buf *text) {
  if (!text->len) return;
  /* a no-break space counts as a space here too ("rapport¹&#160;van") */
  bool lead = (text->data[0] == ' ' || ah_starts_with(text->data, "\xC2\xA0")) && para->last;
  bool trail = text->data[text->len - 1] == ' ' ||
               (text->len >= 2 && (unsigned char)text->data[text->len - 2] == 0xC2 &&
                (unsigned char)text->data[text->len - 1] == 0xA0);
  char *t = normalized(text->data);
  ah_buf b = {0};
  if (lead) ah_buf_putc(&b, ' ');
  ah_buf_puts(&b, t);
  if (trail && *t) ah_buf_putc(&b, ' ');
  if (b.len) ah_append_inline_text(para, b.data);
  ah_buf_free(&b);
  free(t);
  text->len = 0;
}

static void add_inlines(ah_node *para, const ah_spans *spans, size_t first, const note_set *ns) {
  ah_buf text = {0};
  for (size_t i = first; i < spans->n; i++) {
    const ah_span *sp = &spans->items[i];
    int style = sp->style;
    bool raised = style & (AH_STYLE_SUP | AH_STYLE_NOTEREF);
    bool marker = raised && digits_only(sp->text) &&
                  ((style & AH_STYLE_NOTEREF) || has_note(ns, atoi(skip_spaces(sp->text))));
    if (!marker && !(style & (AH_STYLE_SUP | AH_STYLE_SUB))) {
      ah_buf_puts(&text, sp->text);
      continue;
    }
    flush_text(para, &text);
    if (marker) {
      ah_node *ref = ah_node_append(para, AH_NODE_NOTE_REF);
      ref->note = atoi(skip_spaces(sp->text));
      char num[16];
      snprintf(num, sizeof num, "%d", ref->note);
      ah_node_set_attr(ref, "n", num);
    } else {
      ah_node *el = ah_node_append(para, style & AH_STYLE_SUP ? AH_NODE_SUP : AH_NODE_SUB);
      char *t = normalized(sp->text);
      ah_node_append_text(el, t, strlen(t));
      free(t);
    }
  }
  flush_text(para, &text);
  ah_buf_free(&text);
  /* no trailing space at the end of a paragraph */
  if (para->last && para->last->type == AH_NODE_TEXT) {
    char *l = para->last->literal;
    size_t n = strlen(l);
    while (n && l[n - 1] == ' ') l[--n] = 0;
  }
}


static void add_table(ah_node *section, const ah_block *b) {
  char *text = ah_spans_text(&b->spans);
  ah_node *table = ah_node_append(section, AH_NODE_TABLE);
  char *save_row = NULL;
  for (char *row = strtok_r(text, "\n", &save_row); row; row = strtok_r(NULL, "\n", &save_row)) {
    char *trimmed = normalized(row);
    bool empty = !*trimmed;
    free(trimmed);
    if (empty) continue;
    ah_node *r = ah_node_append(table, AH_NODE_ROW);
    char *save_cell = NULL;
    for (char *cell = strtok_r(row, "\t", &save_cell); cell; cell = strtok_r(NULL, "\t", &save_cell)) {
      char *t = normalized(cell);
      if (*t) ah_append_inline_text(ah_node_append(r, AH_NODE_CELL), t);
      free(t);
    }
  }
  free(text);
}

static void add_block_content(ah_node *section, const ah_block *b, const note_set *ns) {
  if (b->kind == AH_BLOCK_TABLE) {
    add_table(section, b);
    return;
  }
  if (b->list_item) {
    ah_node *list = section->last && section->last->type == AH_NODE_LIST ? section->last
                                                                          : ah_node_append(section, AH_NODE_LIST);
    ah_node *item = ah_node_append(list, AH_NODE_ITEM);
    ah_spans copy = {0};
    for (size_t i = 0; i < b->spans.n; i++) {
      const char *t = b->spans.items[i].text;
      /* only a real bullet glyph is presentation; a dash or "o" used as a
       * bullet is a printed character of the text and stays */
      if (i == 0) t += ah_bullet_glyph_length(t);
      ah_spans_add(&copy, t, strlen(t), b->spans.items[i].style);
    }
    add_inlines(item, &copy, 0, ns);
    ah_spans_free(&copy);
    return;
  }
  ah_node *para = ah_node_append(section, AH_NODE_PARAGRAPH);
  add_inlines(para, &b->spans, 0, ns);
}

static void set_pages(ah_node *n, int first, int last) {
  if (!first) return;
  if (!n->page_first || first < n->page_first) n->page_first = first;
  if (last > n->page_last) n->page_last = last;
}

/* ---- the omschrijving --------------------------------------------------- */

static const char *find_answer_sentence(const char *s) {
  static const char *const starts[] = {"Antwoord van ", "Mededeling van ", "Antwoorden van ", NULL};
  const char *best = NULL;
  for (int i = 0; starts[i]; i++) {
    const char *p = strstr(s, starts[i]);
    while (p && p == s) p = strstr(p + 1, starts[i]);
    if (p && (!best || p < best)) best = p;
  }
  return best;
}

static void add_omschrijving(ah_node *root, const char *type, const char *sentence) {
  ah_node *om = ah_node_append(root, AH_NODE_OMSCHRIJVING);
  ah_node_set_attr(om, "type", type);
  ah_meta_omschrijving(om, sentence);
}

static void build_omschrijving(ah_node *root, const char *text) {
  char *s = normalized(text);
  if (!*s) {
    free(s);
    return;
  }
  const char *answer = find_answer_sentence(s);
  if (answer) {
    char *q = ah_strndup(s, (size_t)(answer - s));
    char *qs = ah_normalize_space(q);
    add_omschrijving(root, "vraag", qs);
    free(q);
    free(qs);
    add_omschrijving(root, ah_starts_with(answer, "Mededeling") ? "mededeling" : "antwoord", answer);
  } else {
    add_omschrijving(root, ah_starts_with(s, "Antwoord") ? "antwoord" : "vraag", s);
  }
  free(s);
}

static const char *find_date(ah_node *root, const char *type) {
  for (ah_node *n = root->first; n; n = n->next) {
    if (n->type != AH_NODE_OMSCHRIJVING) continue;
    const char *t = ah_node_get_attr(n, "type");
    bool want_vraag = strcmp(type, "vraag") == 0;
    if (!t || (strcmp(t, "vraag") == 0) != want_vraag) continue;
    for (ah_node *c = n->first; c; c = c->next)
      if (c->type == AH_NODE_DATUM) return ah_node_get_attr(c, "iso");
  }
  return NULL;
}

/* "(ontvangen 7 juni 2024)": the answering sentence is complete. */
static bool has_received_date(const char *text) {
  char iso[11];
  for (const char *p = strstr(text, "ontvangen "); p; p = strstr(p + 1, "ontvangen "))
    if (ah_parse_dutch_date(p + 10, iso)) return true;
  return false;
}

/* The omschrijving so far ends a sentence: what follows is not the rest of
 * it ("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024," + "nr. 1137."). */
static bool sentence_ended(const char *text) {
  size_t n = text ? strlen(text) : 0;
  while (n && text[n - 1] == ' ') n--;
  return n && strchr(".?!)", text[n - 1]);
}

/* ---- the document ------------------------------------------------------- */

int ah_structure(ah_doc *doc, ah_flow *flow, ah_error *err) {
  ah_node *root = doc->root;
  int *note_numbers = ah_xcalloc(flow->n + 1, sizeof *note_numbers);
  note_set ns = {note_numbers, 0};
  for (size_t i = 0; i < flow->n; i++)
    if (flow->items[i].kind == AH_BLOCK_NOTE) note_numbers[ns.n++] = flow->items[i].note_number;

  ah_buf intro = {0};
  bool answer_seen = false;
  ah_node *section = NULL;
  size_t n_sections = 0;
  for (size_t i = 0; i < flow->n; i++) {
    ah_block *b = &flow->items[i];
    if (b->kind == AH_BLOCK_NOTE) continue;
    if (b->kind == AH_BLOCK_TABLE) {
      if (section) add_block_content(section, b, &ns);
      continue;
    }
    char *raw = ah_spans_text(&b->spans);
    char *text = ah_normalize_space(raw);
    free(raw);
    label lb = parse_label(text);
    bool unnumbered_heading = lb.type == AH_NODE_NONE && b->section != AH_NODE_NONE;
    if (unnumbered_heading) lb.type = b->section; /* the markup said so */
    if (lb.type != AH_NODE_NONE) {
      if (!section) build_omschrijving(root, intro.data ? intro.data : "");
      section = ah_node_append(root, lb.type);
      n_sections++;
      if (lb.n) {
        section->nums = ah_xmalloc(lb.n * sizeof *section->nums);
        memcpy(section->nums, lb.nums, lb.n * sizeof *lb.nums);
        section->n_nums = lb.n;
      }
      if (lb.n || (unnumbered_heading && *text)) {
        ah_node *l = ah_node_append(section, AH_NODE_LABEL);
        ah_node_append_text(l, text, strlen(text));
      }
      set_pages(section, b->page_first, b->page_last);
    } else if (!section && answer_seen && !ah_starts_with(text, "Zie ook") && sentence_ended(intro.data)) {
      /* Text after the answering sentence and before any label is a notice
       * in place of answers ("… kunnen niet binnen de gebruikelijke termijn
       * worden beantwoord"). */
      build_omschrijving(root, intro.data);
      section = ah_node_append(root, AH_NODE_MEDEDELING);
      n_sections++;
      add_block_content(section, b, &ns);
      set_pages(section, b->page_first, b->page_last);
    } else if (!section) {
      if (intro.len) ah_buf_putc(&intro, ' ');
      ah_buf_puts(&intro, text);
      answer_seen = answer_seen || has_received_date(text);
    } else {
      add_block_content(section, b, &ns);
      set_pages(section, b->page_first, b->page_last);
    }
    free(text);
  }
  if (!section && intro.len) build_omschrijving(root, intro.data);
  ah_buf_free(&intro);

  if (ns.n) {
    /* notes in number order, whatever the order they were printed in (a
     * note stands on the page of its first marker, which need not follow
     * the numbers); equal numbers keep their order */
    size_t *order = ah_xmalloc(ns.n * sizeof *order), n_order = 0;
    for (size_t i = 0; i < flow->n; i++)
      if (flow->items[i].kind == AH_BLOCK_NOTE) order[n_order++] = i;
    for (size_t i = 1; i < n_order; i++) /* insertion sort: stable, few notes */
      for (size_t k = i; k > 0 && flow->items[order[k - 1]].note_number > flow->items[order[k]].note_number; k--) {
        size_t t = order[k];
        order[k] = order[k - 1];
        order[k - 1] = t;
      }
    ah_node *noten = ah_node_append(root, AH_NODE_NOTEN);
    for (size_t o = 0; o < n_order; o++) {
      ah_block *b = &flow->items[order[o]];
      ah_node *noot = ah_node_append(noten, AH_NODE_NOOT);
      noot->note = b->note_number;
      char num[16];
      snprintf(num, sizeof num, "%d", b->note_number);
      ah_node_set_attr(noot, "n", num);
      set_pages(noot, b->page_first, b->page_last);
      ah_node *para = ah_node_append(noot, AH_NODE_PARAGRAPH);
      add_inlines(para, &b->spans, 0, &ns);
    }
    free(order);
  }
  free(note_numbers);

  if (!n_sections) {
    ah_error_set(err, AH_ERROR_NOT_AANHANGSEL, "no Vraag or Antwoord found: not an Aanhangsel document");
    return -1;
  }
  doc->ingezonden = ah_strdup(find_date(root, "vraag"));
  doc->ontvangen = ah_strdup(find_date(root, "antwoord"));
  return 0;
}
