/* verify.c — findings about one document: every way text can be lost.
 *
 * Takes: a finished document.  Gives: one call of the caller's report
 * function per finding, as (element, what); the count as the result.  The
 * library prints nothing: the CLI puts the file names in front.
 *
 * The findings: text the rendition printed that the tree does not hold
 * (a printed line no stage placed, a note number with no text); numbering
 * gaps and duplicates of questions and of notes; a vraag no antwoord covers
 * (unless a mededeling stands in for the answers) and the reverse; markers
 * without a note, notes no marker refers to, markers out of order; a
 * raised number in the text that names a missing note; a missing id,
 * number or date.
 */
#include "findings.h"
#include "caps.h"
#include "lexicon.h"
#include "paragraphs.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void collect_refs(const ah_node *n, ah_ints *refs) {
  for (const ah_node *c = n->first; c; c = c->next) {
    if (c->type == AH_NODE_NOTE_REF) ah_ints_push(refs, c->as.note.number);
    collect_refs(c, refs);
  }
}


/* ---- one document ------------------------------------------------------- */

/* numbers run 1 … AH_MAX_LABEL_NUMBER: the label parser takes no other */
enum { MAX_NUMBER = AH_MAX_LABEL_NUMBER + 1 };

/* Numbers of all sections of one type: gaps, duplicates. */
static void check_numbering(reporter *r, const ah_node *root, ah_node_type type, unsigned char *seen) {
  memset(seen, 0, MAX_NUMBER);
  int highest = 0;
  const char *kind = ah_node_type_string(type);
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type != type) continue;
    const int *nums;
    size_t count = ah_node_get_numbers(s, &nums);
    for (size_t i = 0; i < count; i++) {
      int n = nums[i];
      if (n <= 0 || n >= MAX_NUMBER) continue;
      if (seen[n]++ == 1) {
        char name[128];
        ah_section_name(s, name, sizeof name);
        ah_about(r, AH_FINDING_NUMBERING, s, NULL);
        ah_say(r, name, "%s number %d appears twice", kind, n);
      }
      if (n > highest) highest = n;
    }
  }
  for (int n = 1; n < highest; n++)
    if (!seen[n]) ah_about(r, AH_FINDING_NUMBERING, NULL, NULL), ah_say(r, kind, "number %d missing (numbers run to %d)", n, highest);
}

static bool any_section_numbered(const ah_node *root, ah_node_type type, int n) {
  for (const ah_node *s = root->first; s; s = s->next)
    if (s->type == type)
      if (ah_ints_contains(&s->as.numbers, n)) return true;
  return false;
}

static void check_answers(reporter *r, const ah_node *root) {
  bool mededeling = ah_child_of_type(root, AH_NODE_MEDEDELING) != NULL;
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type != AH_NODE_VRAAG && s->type != AH_NODE_ANTWOORD) continue;
    bool vraag = s->type == AH_NODE_VRAAG;
    if (vraag && mededeling) continue;
    const ah_ints *nums = &s->as.numbers;
    for (size_t i = 0; i < nums->n; i++) {
      if (any_section_numbered(root, vraag ? AH_NODE_ANTWOORD : AH_NODE_VRAAG, nums->items[i])) continue;
      char name[128];
      ah_section_name(s, name, sizeof name);
      ah_about(r, AH_FINDING_NUMBERING, s, NULL);
      ah_say(r, name, vraag ? "no antwoord for vraag %d" : "no vraag %d for this antwoord", nums->items[i]);
    }
    char *text = ah_section_text(s);
    if (!*text) {
      char name[128];
      ah_section_name(s, name, sizeof name);
      ah_about(r, AH_FINDING_NUMBERING, s, NULL);
      ah_say(r, name, "no text");
    }
    free(text);
  }
}

static void check_notes(reporter *r, const ah_node *root) {
  ah_ints refs = {0}, notes = {0};
  const ah_node *noten = ah_child_of_type(root, AH_NODE_NOTEN);
  for (const ah_node *nt = noten ? noten->first : NULL; nt; nt = nt->next) ah_ints_push(&notes, nt->as.note.number);
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type == AH_NODE_NOTEN) continue;
    size_t before = refs.n;
    collect_refs(s, &refs);
    for (size_t i = before; i < refs.n; i++) {
      if (ah_ints_contains(&notes, refs.items[i])) continue;
      char name[128];
      if (s->type == AH_NODE_OMSCHRIJVING) snprintf(name, sizeof name, "omschrijving");
      else ah_section_name(s, name, sizeof name);
      ah_about(r, AH_FINDING_NOTES, s, NULL);
      ah_say(r, name, "marker %d has no note", refs.items[i]);
    }
  }
  for (const ah_node *nt = noten ? noten->first : NULL; nt; nt = nt->next) {
    char name[32];
    snprintf(name, sizeof name, "noot %d", nt->as.note.number);
    ah_about(r, AH_FINDING_NOTES, nt, NULL);
    if (!ah_ints_contains(&refs, nt->as.note.number)) ah_say(r, name, "no marker refers to this note");
    for (const ah_node *e = noten->first; e != nt; e = e->next)
      if (e->as.note.number == nt->as.note.number) {
        ah_about(r, AH_FINDING_NOTES, nt, NULL);
        ah_say(r, name, "note number appears twice");
        break;
      }
  }
  ah_ints_free(&refs);
  ah_ints_free(&notes);
}

/* ---- losses --------------------------------------------------------------- */

/* At most this many bytes of a lost text are quoted in a finding. */
enum { QUOTE_BYTES = 120 };

static void quote_lost(ah_buf *b, const char *text) {
  size_t n = strlen(text);
  if (n <= QUOTE_BYTES) {
    ah_buf_printf(b, "\"%s\"", text);
    return;
  }
  while (n > QUOTE_BYTES) n--;
  while (n && ((unsigned char)text[n] & 0xC0) == 0x80) n--; /* whole characters */
  ah_buf_printf(b, "\"%.*s…\"", (int)n, text);
}

/* Lost printed lines, one finding per page: "page 3: 2 printed lines not
 * in the output: "…" / "…"". */
static int lost_page(const ah_doc *doc, size_t i) {
  int page = 0;
  ah_doc_lost_text(doc, i, &page);
  return page;
}

/* One finding for losses [i, j) of one page: *what (freed here) and each
 * loss's text quoted, " / " between; returns j. */
static size_t say_page_run(reporter *r, const ah_doc *doc, size_t i, size_t j, int page, ah_finding_class cls,
                           ah_buf *what) {
  for (size_t k = i; k < j; k++) {
    if (k > i) ah_buf_puts(what, " / ");
    quote_lost(what, ah_doc_lost_text(doc, k, NULL));
  }
  char where[32];
  snprintf(where, sizeof where, "page %d", page);
  ah_about(r, cls, NULL, NULL);
  r->next.page = page;
  ah_say(r, where, "%s", what->data);
  ah_buf_free(what);
  return j;
}

static size_t say_lost_lines(reporter *r, const ah_doc *doc, size_t i) {
  int page = lost_page(doc, i);
  size_t j = i;
  while (ah_doc_lost_kind(doc, j) == AH_LOST_LINE && lost_page(doc, j) == page) j++;
  ah_buf what = {0};
  ah_buf_printf(&what, "%zu printed line%s not in the output: ", j - i, j - i == 1 ? "" : "s");
  return say_page_run(r, doc, i, j, page, AH_FINDING_LOST, &what);
}

/* Characters no font can name, one finding per page: "page 2: 3
 * characters with no reliable Unicode mapping: "Frysl�n" / …". */
static size_t say_lost_glyphs(reporter *r, const ah_doc *doc, size_t i) {
  int page = lost_page(doc, i);
  size_t j = i, chars = 0;
  while (ah_doc_lost_kind(doc, j) == AH_LOST_GLYPH && lost_page(doc, j) == page) {
    for (const char *p = ah_doc_lost_text(doc, j, NULL); (p = strstr(p, "\xEF\xBF\xBD")); p += 3) chars++;
    j++;
  }
  ah_buf what = {0};
  ah_buf_printf(&what, "%zu character%s with no reliable Unicode mapping: ", chars, chars == 1 ? "" : "s");
  return say_page_run(r, doc, i, j, page, AH_FINDING_CHARACTERS, &what);
}

static void check_losses(reporter *r, const ah_doc *doc) {
  for (size_t i = 0; i < ah_doc_lost_count(doc);) {
    ah_lost_kind kind = ah_doc_lost_kind(doc, i);
    if (kind == AH_LOST_LINE) {
      i = say_lost_lines(r, doc, i);
      continue;
    }
    if (kind == AH_LOST_GLYPH) {
      i = say_lost_glyphs(r, doc, i);
      continue;
    }
    int page;
    const char *text = ah_doc_lost_text(doc, i++, &page);
    if (kind == AH_LOST_ENCODING) {
      const char *format = ah_doc_source_format(doc);
      ah_about(r, AH_FINDING_CHARACTERS, NULL, NULL);
      ah_say(r, format ? format : "input", "%s", text);
    } else if (kind == AH_LOST_STRUCTURE) {
      char where[32] = "structure";
      if (page > 0) snprintf(where, sizeof where, "page %d", page);
      ah_about(r, AH_FINDING_LOST, NULL, NULL);
      r->next.page = page;
      ah_say(r, where, "%s", text);
    } else if (kind == AH_LOST_NOTE_NUMBER) {
      char where[32];
      snprintf(where, sizeof where, "page %d", page);
      ah_about(r, AH_FINDING_LOST, NULL, NULL);
      r->next.page = page;
      ah_say(r, where, "note number %s printed with no note text", text);
    } else {
      ah_buf what = {0};
      ah_buf_puts(&what, "text in markup the reader does not take, not in the output: ");
      quote_lost(&what, text);
      ah_about(r, AH_FINDING_LOST, NULL, NULL);
      const char *format = ah_doc_source_format(doc); /* html, xml, or pdf for a record beside it */
      ah_say(r, format ? format : "markup", "%s", what.data);
      ah_buf_free(&what);
    }
  }
}

/* ---- notes and markers ------------------------------------------------------ */

/* Note numbers run 1 … highest, each once (duplicates are said per note). */
static void check_note_numbering(reporter *r, const ah_ints *notes) {
  int highest = 0;
  for (size_t i = 0; i < notes->n; i++) {
    if (notes->items[i] > highest) highest = notes->items[i];
    if (notes->items[i] == 0) ah_about(r, AH_FINDING_NOTES, NULL, NULL), ah_say(r, "noten", "a note has no number");
  }
  for (int n = 1; n < highest; n++)
    if (!ah_ints_contains(notes, n)) ah_about(r, AH_FINDING_NOTES, NULL, NULL), ah_say(r, "noten", "note number %d missing (numbers run to %d)", n, highest);
}

/* Markers are numbered in reading order: a note's first marker comes after
 * the first marker of every lower note. */
static void check_marker_order(reporter *r, const ah_ints *refs) {
  ah_ints first = {0};
  int highest = 0;
  for (size_t i = 0; i < refs->n; i++) {
    int n = refs->items[i];
    if (ah_ints_contains(&first, n)) continue;
    ah_ints_push(&first, n);
    char name[32];
    snprintf(name, sizeof name, "noot %d", n);
    if (n < highest) ah_about(r, AH_FINDING_NOTES, NULL, NULL), ah_say(r, name, "its first marker comes after marker %d", highest);
    if (n > highest) highest = n;
  }
  ah_ints_free(&first);
}

/* The number a SUP node shows, 0 if it is not digits. */
static int raised_number(const ah_node *sup) {
  char *t = ah_node_text(sup);
  int v = 0;
  const char *end;
  if (!ah_parse_uint(t, AH_MAX_NOTE_NUMBER, &v, &end) || *end) v = 0;
  free(t);
  return v;
}

/* The text just before a node ends a sentence or a quote: what a marker
 * follows ("gesloten?³"), unlike a unit ("m³"). */
static bool after_punctuation(const ah_node *n) {
  const ah_node *p = n->prev;
  if (!p || p->type != AH_NODE_TEXT) return false;
  const char *t = p->as.literal;
  size_t len = strlen(t);
  if (len && strchr("?.!:;)\"'", t[len - 1])) return true;
  return len >= 2 && ((unsigned char)t[len - 2] == 0xC2 && (unsigned char)t[len - 1] == 0xBB); /* » */
}

/* A raised number in the text that names a missing note is likely that
 * note's marker, the note lost: inside the numbering's gaps, or one past
 * the highest right after punctuation. */
static void check_raised_numbers(reporter *r, const ah_node *section, const ah_ints *notes, int highest) {
  ah_iter *it = ah_iter_new((ah_node *)section);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    const ah_node *n = ah_iter_get_node(it);
    if (ev != AH_EVENT_ENTER || n->type != AH_NODE_SUP) continue;
    int v = raised_number(n);
    bool gap = v > 0 && v < highest && !ah_ints_contains(notes, v);
    bool next = v == highest + 1 && after_punctuation(n);
    if (!gap && !next) continue;
    char name[128];
    if (section->type == AH_NODE_OMSCHRIJVING) snprintf(name, sizeof name, "omschrijving");
    else ah_section_name(section, name, sizeof name);
    ah_about(r, AH_FINDING_NOTES, n->parent, NULL);
    ah_say(r, name, "raised %d in the text may be the marker of a missing note %d", v, v);
  }
  ah_iter_free(it);
}

static int highest_of(const ah_ints *a) {
  int h = 0;
  for (size_t i = 0; i < a->n; i++)
    if (a->items[i] > h) h = a->items[i];
  return h;
}

static void check_markers_and_notes(reporter *r, const ah_node *root) {
  ah_ints refs = {0}, notes = {0};
  const ah_node *noten = ah_child_of_type(root, AH_NODE_NOTEN);
  for (const ah_node *nt = noten ? noten->first : NULL; nt; nt = nt->next) ah_ints_push(&notes, nt->as.note.number);
  check_note_numbering(r, &notes);
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type == AH_NODE_NOTEN) continue;
    check_raised_numbers(r, s, &notes, highest_of(&notes));
    collect_refs(s, &refs);
  }
  check_marker_order(r, &refs);
  ah_ints_free(&refs);
  ah_ints_free(&notes);
}

/* Text that is only a list item's bullet or its letter or number ("b.",
 * "12."): no paragraph is that; the label was read apart from its item,
 * which then stands without it, maybe elsewhere. */
static bool is_lone_item_label(const char *t) {
  size_t n = ah_bullet_glyph_length(t);
  if (!n) n = ah_item_label_length(t);
  return n && !t[n];
}

/* A paragraph that reads as a label but for its number ("Vraag 4294967297")
 * stayed text: the section it would open is missing. */
static void check_label_like_text(reporter *r, const ah_node *root) {
  for (const ah_node *s = root->first; s; s = s->next)
    for (const ah_node *c = s->first; c; c = c->next) {
      if (c->type != AH_NODE_PARAGRAPH) continue;
      char *t = ah_node_text(c);
      if (ah_is_label_out_of_range(t)) {
        char name[128];
        ah_section_name(s, name, sizeof name);
        ah_about(r, AH_FINDING_CHARACTERS, c, NULL);
        ah_say(r, name, "\"%s\" reads as a label, but its number is 0 or past %d: kept as text", t, AH_MAX_LABEL_NUMBER);
      }
      if (is_lone_item_label(t)) {
        char name[128];
        ah_section_name(s, name, sizeof name);
        ah_about(r, AH_FINDING_CHARACTERS, c, NULL);
        ah_say(r, name, "\"%s\" is a paragraph of its own: a list item's label came loose from its item", t);
      }
      free(t);
    }
}

/* A child of the document root as findings name it. */
static void top_level_name(const ah_node *s, char *name, size_t size) {
  if (s->type == AH_NODE_OMSCHRIJVING) snprintf(name, size, "omschrijving");
  else if (s->type == AH_NODE_NOTEN) snprintf(name, size, "noten");
  else ah_section_name(s, name, size);
}

/* Characters the source encoded wrongly were replaced by U+FFFD when read:
 * the text is there, those characters are not. */
static void check_replacements(reporter *r, const ah_node *root) {
  for (const ah_node *s = root->first; s; s = s->next) {
    char *t = ah_node_text(s);
    size_t n = 0;
    for (const char *p = strstr(t, "\xEF\xBF\xBD"); p; p = strstr(p + 3, "\xEF\xBF\xBD")) n++;
    free(t);
    if (!n) continue;
    char name[128];
    top_level_name(s, name, sizeof name);
    ah_about(r, AH_FINDING_CHARACTERS, s, NULL);
    ah_say(r, name, "%zu character%s the source encoded wrongly, replaced by U+FFFD", n, n == 1 ? "" : "s");
  }
}

/* Unicode noncharacters (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF) are kept in
 * the tree and the XML, but a clean PDF draws each as U+FFFD (cairo refuses
 * them): its pages read back without them, its embedded XML with them. */
static void check_noncharacters(reporter *r, const ah_node *root) {
  for (const ah_node *s = root->first; s; s = s->next) {
    char *t = ah_node_text(s);
    size_t n = 0;
    for (const char *p = t; *p; p = g_utf8_next_char(p)) {
      gunichar c = g_utf8_get_char(p);
      n += (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
    free(t);
    if (!n) continue;
    char name[128];
    top_level_name(s, name, sizeof name);
    ah_about(r, AH_FINDING_CHARACTERS, s, NULL);
    ah_say(r, name, "%zu Unicode noncharacter%s: kept in the XML, drawn as U+FFFD in a clean PDF", n, n == 1 ? "" : "s");
  }
}

/* The paragraph holding the document's last words: the last block of its
 * last section.  NULL when that is a list (whose items often end without a
 * stop), a table or a figure. */
static const ah_node *closing_block(const ah_node *root) {
  const ah_node *b = NULL;
  for (const ah_node *s = root->first; s; s = s->next)
    if (s->type == AH_NODE_VRAAG || s->type == AH_NODE_ANTWOORD || s->type == AH_NODE_MEDEDELING) b = s->last;
  return b && b->type == AH_NODE_PARAGRAPH ? b : NULL;
}

/* Whether text ends as a sentence does: a stop, question or exclamation
 * mark, colon, semicolon or ellipsis, before any closing quotes and
 * brackets. */
static bool ends_a_sentence(const char *t) {
  const char *end = t + strlen(t);
  while (end > t) {
    const char *prev = g_utf8_prev_char(end);
    gunichar c = g_utf8_get_char(prev);
    if (!g_unichar_isspace(c) && !strchr("\"')]", (int)c) && c != 0xBB && c != 0x201D && c != 0x2019) break;
    end = prev;
  }
  if (end == t) return false;
  gunichar last = g_utf8_get_char(g_utf8_prev_char(end));
  return last < 0x80 ? strchr(".?!:;", (int)last) != NULL : last == 0x2026;
}

/* A PDF whose text stops mid-sentence ("… zorgaanbie-") lost its end: a
 * copy without its last page converts as if complete, every number in
 * place, and this is the one trace it leaves.  (A last page that ends at a
 * full stop leaves none.)  Markup has no pages to lose, and a table it
 * gives as paragraphs (a preview's) ends in figures, not a stop. */
static void check_ending(reporter *r, const ah_doc *doc) {
  const char *format = ah_doc_source_format(doc);
  if (!format || strcmp(format, "pdf") != 0) return;
  const ah_node *root = ah_doc_root(doc);
  const ah_node *b = closing_block(root);
  char *t = b ? ah_node_plain_text(b) : NULL;
  if (t && *t && !ends_a_sentence(t)) {
    const ah_node *s = b;
    while (s->parent && s->parent != root) s = s->parent;
    char name[128];
    ah_section_name(s, name, sizeof name);
    size_t n = strlen(t);
    const char *tail = n > 40 ? t + n - 40 : t;
    while ((*tail & 0xC0) == 0x80) tail++; /* from a character's first byte */
    ah_about(r, AH_FINDING_LOST, s, NULL);
    ah_say(r, name, "the document ends mid-sentence (\"…%s\"): its last page may be missing", tail);
  }
  free(t);
}

/* Metadata findings: the class stays set, no node concerned. */
static void check_metadata(reporter *r, const ah_doc *doc) {
  ah_about(r, AH_FINDING_METADATA, NULL, NULL);
  if (!ah_doc_id(doc)) ah_say(r, "aanhangsel", "no publication id");
  ah_about(r, AH_FINDING_METADATA, NULL, NULL);
  if (!ah_doc_nummer(doc)) ah_say(r, "aanhangsel", "no Aanhangsel number");
  ah_about(r, AH_FINDING_METADATA, NULL, NULL);
  if (!ah_doc_vergaderjaar(doc)) ah_say(r, "aanhangsel", "no vergaderjaar");
  ah_about(r, AH_FINDING_METADATA, NULL, NULL);
  if (!ah_doc_ingezonden(doc)) ah_say(r, "omschrijving vraag", "no date of sending in (ingezonden)");
  bool answered = ah_child_of_type(ah_doc_root(doc), AH_NODE_ANTWOORD) || ah_child_of_type(ah_doc_root(doc), AH_NODE_MEDEDELING);
  ah_about(r, AH_FINDING_METADATA, NULL, NULL);
  if (answered && !ah_doc_ontvangen(doc)) ah_say(r, "omschrijving antwoord", "no date of receipt (ontvangen)");
  memset(&r->next, 0, sizeof r->next);
}

static size_t run_verify(reporter *rp, const ah_doc *doc) {
  reporter r = *rp;
  if (!doc) return 0;
  const ah_node *root = ah_doc_root(doc);
  check_metadata(&r, doc);
  unsigned char *seen = ah_xmalloc(MAX_NUMBER);
  check_numbering(&r, root, AH_NODE_VRAAG, seen);
  check_numbering(&r, root, AH_NODE_ANTWOORD, seen);
  free(seen);
  check_answers(&r, root);
  check_notes(&r, root);
  check_markers_and_notes(&r, root);
  check_losses(&r, doc);
  check_replacements(&r, root);
  check_noncharacters(&r, root);
  check_label_like_text(&r, root);
  check_ending(&r, doc);
  ah_check_pages(&r, doc);
  return r.count;
}

size_t ah_verify(const ah_doc *doc, ah_finding_fn report, void *user) {
  reporter r = {.report = report, .user = user};
  return run_verify(&r, doc);
}

size_t ah_verify_ex(const ah_doc *doc, ah_finding_ex_fn report, void *user) {
  reporter r = {.report_ex = report, .user_ex = user};
  return run_verify(&r, doc);
}

