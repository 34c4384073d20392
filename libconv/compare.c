/* compare.c — differences between two renditions of one document.
 *
 * Takes: two finished trees.  Gives: one call of the caller's report
 * function per difference: the metadata, the publisher's records when both
 * carry one (lists compared as sets), the omschrijvingen, each vraag
 * and antwoord paired by its numbers, each mededeling by position, each
 * note by number; a text difference is shown by the first words that
 * differ, with context.
 */
#include "findings.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef ah_words words;
#define split_words ah_words_split
#define free_words ah_words_free

/* words[from, to) with "…" where cut, the changed part in [ ] */
static void quote(ah_buf *out, const words *w, size_t first, size_t end_changed) {
  enum { CONTEXT = 3, MAX_CHANGED = 8 };
  size_t from = first > CONTEXT ? first - CONTEXT : 0;
  size_t changed_end = end_changed - first > MAX_CHANGED ? first + MAX_CHANGED : end_changed;
  size_t to = changed_end + CONTEXT < w->n ? changed_end + CONTEXT : w->n;
  ah_buf_putc(out, '"');
  if (from > 0) ah_buf_puts(out, "… ");
  for (size_t i = from; i < to; i++) {
    if (i > from) ah_buf_putc(out, ' ');
    if (i == first) ah_buf_putc(out, '[');
    ah_buf_puts(out, w->items[i]);
    if (i + 1 == changed_end) ah_buf_putc(out, ']');
  }
  if (first == end_changed) ah_buf_puts(out, first == from && from == to ? "[]" : " []");
  if (to < w->n) ah_buf_puts(out, " …");
  ah_buf_putc(out, '"');
}

static void compare_text(reporter *r, const char *element, const char *a, const char *b) {
  words wa = split_words(a), wb = split_words(b);
  size_t first = 0;
  while (first < wa.n && first < wb.n && strcmp(wa.items[first], wb.items[first]) == 0) first++;
  if (first < wa.n || first < wb.n) {
    size_t ea = wa.n, eb = wb.n;
    while (ea > first && eb > first && strcmp(wa.items[ea - 1], wb.items[eb - 1]) == 0) ea--, eb--;
    ah_buf msg = {0};
    ah_buf_printf(&msg, "text differs at word %zu: A has ", first + 1);
    quote(&msg, &wa, first, ea);
    ah_buf_puts(&msg, ", B has ");
    quote(&msg, &wb, first, eb);
    r->next.cls = AH_FINDING_TEXT;
    r->next.has_words = true;
    r->next.first[0] = r->next.first[1] = first;
    r->next.count[0] = ea - first;
    r->next.count[1] = eb - first;
    ah_say(r, element, "%s", msg.data);
    ah_buf_free(&msg);
  }
  free_words(&wa);
  free_words(&wb);
}

static bool same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

static void compare_field(reporter *r, const char *field, const char *a, const char *b) {
  if (!same(a, b)) ah_about(r, AH_FINDING_METADATA, NULL, NULL), ah_say(r, field, "A has \"%s\", B has \"%s\"", a ? a : "", b ? b : "");
}

static void compare_meta(reporter *r, const ah_doc *a, const ah_doc *b) {
  compare_field(r, "id", ah_doc_id(a), ah_doc_id(b));
  compare_field(r, "kamer", ah_doc_kamer(a), ah_doc_kamer(b));
  compare_field(r, "vergaderjaar", ah_doc_vergaderjaar(a), ah_doc_vergaderjaar(b));
  char na[16], nb[16];
  snprintf(na, sizeof na, "%d", ah_doc_nummer(a));
  snprintf(nb, sizeof nb, "%d", ah_doc_nummer(b));
  compare_field(r, "nummer", na, nb);
  compare_field(r, "ingezonden", ah_doc_ingezonden(a), ah_doc_ingezonden(b));
  compare_field(r, "ontvangen", ah_doc_ontvangen(a), ah_doc_ontvangen(b));
  static const struct { ah_node_type type; const char *name; } kinds[] = {
      {AH_NODE_VRAGENSTELLER, "vragenstellers"}, {AH_NODE_ONTVANGER, "ontvangers"},
      {AH_NODE_ONDERWERP, "onderwerp"},           {AH_NODE_BEANTWOORDER, "beantwoorder"},
      {AH_NODE_ZIE_OOK, "zie-ook"}};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    char *ma = ah_omschrijving_meta(ah_doc_root(a), kinds[i].type, "; ", true);
    char *mb = ah_omschrijving_meta(ah_doc_root(b), kinds[i].type, "; ", true);
    compare_field(r, kinds[i].name, ma, mb);
    free(ma);
    free(mb);
  }
}

static int compare_strings(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

/* A list of the record as one string, sorted when order carries no
 * meaning (an HTML head lists the askers in another order than
 * metadata.xml); caller frees. */
static char *joined(const ah_strings *s, bool sorted) {
  char **copy = ah_xreallocarray(NULL, s->n, sizeof *copy);
  if (s->n) memcpy(copy, s->items, s->n * sizeof *copy);
  if (sorted && s->n) qsort(copy, s->n, sizeof *copy, compare_strings);
  ah_buf b = {0};
  for (size_t i = 0; i < s->n; i++) ah_buf_printf(&b, i ? "; %s" : "%s", copy[i]);
  free(copy);
  return ah_buf_steal(&b);
}

/* A field of the records: a value one record leaves out is no difference. */
static void compare_recorded(reporter *r, const char *field, const char *a, const char *b) {
  if (a && *a && b && *b) compare_field(r, field, a, b);
}

/* The metadata records, only when both renditions carry one, and of those
 * only the fields both give. */
static void compare_registratie(reporter *r, const ah_doc *a, const ah_doc *b) {
  const ah_registratie *x = &ah_doc_meta(a)->record, *y = &ah_doc_meta(b)->record;
  if (!ah_registratie_present(x) || !ah_registratie_present(y)) return;
  compare_recorded(r, "registratie vraagnummer", x->vraagnummer, y->vraagnummer);
  compare_recorded(r, "registratie datum-ontvangst", x->datum_ontvangst, y->datum_ontvangst);
  compare_recorded(r, "registratie ontvanger-naam", x->ontvanger_naam, y->ontvanger_naam);
  static const struct { size_t offset; const char *name; } lists[] = {
      {offsetof(ah_registratie, indieners), "registratie indieners"},
      {offsetof(ah_registratie, categorieen), "registratie categorieën"}};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
    char *jx = joined((const ah_strings *)((const char *)x + lists[i].offset), true);
    char *jy = joined((const ah_strings *)((const char *)y + lists[i].offset), true);
    compare_recorded(r, lists[i].name, jx, jy);
    free(jx);
    free(jy);
  }
}

/* x in A against its partner y in B (NULL: none) */
static void compare_pair(reporter *r, const char *name, const ah_node *x, const ah_node *y) {
  if (!y) {
    ah_about(r, AH_FINDING_MISSING, x, NULL);
    ah_say(r, name, "only in A");
    return;
  }
  char *ta = ah_section_text(x), *tb = ah_section_text(y);
  ah_about(r, AH_FINDING_TEXT, x, y);
  compare_text(r, name, ta, tb);
  memset(&r->next, 0, sizeof r->next);
  free(ta);
  free(tb);
}

static bool same_numbers(const ah_node *x, const ah_node *y) {
  if (x->type != y->type) return false;
  const int *xn, *yn;
  size_t n = ah_node_get_numbers(x, &xn);
  if (n != ah_node_get_numbers(y, &yn)) return false;
  for (size_t i = 0; i < n; i++)
    if (xn[i] != yn[i]) return false;
  return true;
}

static const ah_node *find_partner(const ah_node *root, const ah_node *s) {
  for (const ah_node *c = root->first; c; c = c->next)
    if (c->type == s->type && same_numbers(c, s)) return c;
  return NULL;
}

static void compare_sections(reporter *r, const ah_doc *a, const ah_doc *b) {
  for (const ah_node *s = ah_doc_root(a)->first; s; s = s->next) {
    if (s->type != AH_NODE_VRAAG && s->type != AH_NODE_ANTWOORD) continue;
    char name[128];
    ah_section_name(s, name, sizeof name);
    compare_pair(r, name, s, find_partner(ah_doc_root(b), s));
  }
  for (const ah_node *t = ah_doc_root(b)->first; t; t = t->next) {
    if ((t->type != AH_NODE_VRAAG && t->type != AH_NODE_ANTWOORD) || find_partner(ah_doc_root(a), t)) continue;
    char name[128];
    ah_section_name(t, name, sizeof name);
    ah_about(r, AH_FINDING_MISSING, NULL, t);
    ah_say(r, name, "only in B");
  }
}

static void compare_by_position(reporter *r, const ah_node *ra, const ah_node *rb, ah_node_type type) {
  const ah_node *x = ra->first, *y = rb->first;
  for (int k = 1;; k++) {
    while (x && x->type != type) x = x->next;
    while (y && y->type != type) y = y->next;
    if (!x && !y) break;
    char name[64];
    const char *kind = ah_node_type_string(type);
    const char *sub = type == AH_NODE_OMSCHRIJVING ? ah_node_get_attr(x ? x : y, "type") : NULL;
    if (sub) snprintf(name, sizeof name, "%s %s", kind, sub);
    else snprintf(name, sizeof name, "%s %d", kind, k);
    if (!x || !y) {
      ah_about(r, AH_FINDING_MISSING, x, y);
      ah_say(r, name, "only in %s", x ? "A" : "B");
    } else {
      /* an omschrijving is one sentence of inlines, a mededeling a section */
      bool sentence = type == AH_NODE_OMSCHRIJVING;
      char *ta = sentence ? ah_node_text(x) : ah_section_text(x), *tb = sentence ? ah_node_text(y) : ah_section_text(y);
      ah_about(r, AH_FINDING_TEXT, x, y);
      compare_text(r, name, ta, tb);
      memset(&r->next, 0, sizeof r->next);
      free(ta);
      free(tb);
    }
    if (x) x = x->next;
    if (y) y = y->next;
  }
}

static void compare_notes(reporter *r, const ah_doc *a, const ah_doc *b) {
  const ah_node *na = ah_child_of_type(ah_doc_root(a), AH_NODE_NOTEN), *nb = ah_child_of_type(ah_doc_root(b), AH_NODE_NOTEN);
  for (const ah_node *x = na ? na->first : NULL; x; x = x->next) {
    char name[32];
    snprintf(name, sizeof name, "noot %d", x->as.note.number);
    const ah_node *y = nb ? nb->first : NULL;
    while (y && y->as.note.number != x->as.note.number) y = y->next;
    compare_pair(r, name, x, y);
  }
  for (const ah_node *y = nb ? nb->first : NULL; y; y = y->next) {
    const ah_node *x = na ? na->first : NULL;
    while (x && x->as.note.number != y->as.note.number) x = x->next;
    if (x) continue;
    char name[32];
    snprintf(name, sizeof name, "noot %d", y->as.note.number);
    ah_about(r, AH_FINDING_MISSING, NULL, y);
    ah_say(r, name, "only in B");
  }
}

static void page_finding(const ah_finding *f, void *user);
void ah_check_pages(reporter *r, const ah_doc *doc);

static size_t run_compare(reporter *rp, const ah_doc *a, const ah_doc *b) {
  reporter r = *rp;
  if (!a || !b) return 0;
  compare_meta(&r, a, b);
  compare_registratie(&r, a, b);
  compare_by_position(&r, ah_doc_root(a), ah_doc_root(b), AH_NODE_OMSCHRIJVING);
  compare_sections(&r, a, b);
  compare_by_position(&r, ah_doc_root(a), ah_doc_root(b), AH_NODE_MEDEDELING);
  compare_notes(&r, a, b);
  /* a clean PDF's embedded XML is checked against its own pages, once per
   * comparison; the page check's own comparison is of a PDF's pages */
  if (rp->report_ex != page_finding) {
    ah_check_pages(&r, a);
    ah_check_pages(&r, b);
  }
  return r.count;
}

/* A finding of the embedded XML against the printed pages, told as one of
 * the clean PDF's: about the embedded tree's node (the pages' tree is gone
 * when verify returns). */
static void page_finding(const ah_finding *f, void *user) {
  reporter *r = user;
  ah_about(r, f->cls, f->node[0], NULL);
  ah_say(r, f->element, "the printed pages differ from the embedded XML: %s", f->what);
}

/* A clean PDF read from its embedded XML: the XML is a claim about the
 * pages, so the pages are read too and must say the same (a writer that
 * drew less than the XML holds would otherwise pass unseen). */
void ah_check_pages(reporter *r, const ah_doc *doc) {
  size_t len;
  const unsigned char *pdf = ah_doc_embedded_pdf(doc, &len);
  if (!pdf) return;
  ah_error err = {0};
  ah_doc *pages = ah_doc_open_memory(pdf, len, ah_doc_source_name(doc), AH_OPT_NO_EMBED, &err);
  if (!pages) {
    ah_about(r, AH_FINDING_LOST, NULL, NULL);
    ah_say(r, "aanhangsel", "the printed pages of the clean PDF do not read: %s", err.message);
    return;
  }
  reporter inner = {.report_ex = page_finding, .user_ex = r};
  run_compare(&inner, doc, pages);
  ah_doc_free(pages);
  memset(&r->next, 0, sizeof r->next);
}

size_t ah_compare(const ah_doc *a, const ah_doc *b, ah_finding_fn report, void *user) {
  reporter r = {.report = report, .user = user};
  return run_compare(&r, a, b);
}

size_t ah_compare_ex(const ah_doc *a, const ah_doc *b, ah_finding_ex_fn report, void *user) {
  reporter r = {.report_ex = report, .user_ex = user};
  return run_compare(&r, a, b);
}
