/* verify.c — findings about one document, and differences between two
 * renditions of one document.
 *
 * Takes: finished document trees.  Gives: one call of the caller's report
 * function per finding, as (element, what); the count as the result.  The
 * library prints nothing: the CLI puts the file names in front.
 *
 * One document: numbering gaps and duplicates, a vraag no antwoord covers
 * (unless a mededeling stands in for the answers), an antwoord without its
 * vraag, note markers without a note and notes no marker refers to, a
 * missing id, number or date.
 * Two renditions: the metadata, each vraag and antwoord paired by its
 * numbers, each mededeling by position, each note by number; a text
 * difference is shown by the first words that differ, with context.
 */
#include "document.h"
#include "caps.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  ah_finding_fn report;
  void *user;
  size_t count;
} reporter;

static void say(reporter *r, const char *element, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(reporter *r, const char *element, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *what = ah_xmalloc(n > 0 ? (size_t)n + 1 : 1);
  what[0] = 0;
  va_start(ap, fmt);
  if (n > 0) vsnprintf(what, (size_t)n + 1, fmt, ap);
  va_end(ap);
  r->count++;
  if (r->report) r->report(element, what, r->user);
  free(what);
}

/* ---- reading the tree --------------------------------------------------- */

/* "Vraag 2 en 3" from the label, else the element and its numbers. */
static void section_name(const ah_node *s, char *out, size_t size) {
  if (s->first && s->first->type == AH_NODE_LABEL) {
    char *t = ah_node_text(s->first);
    snprintf(out, size, "%s", t);
    free(t);
    return;
  }
  int n = snprintf(out, size, "%s", ah_node_type_string(s->type));
  const int *nums;
  size_t count = ah_node_get_numbers(s, &nums);
  for (size_t i = 0; i < count && n > 0 && (size_t)n < size; i++)
    n += snprintf(out + n, size - (size_t)n, "%s%d", i ? ", " : " ", nums[i]);
}

/* Text of a section without its label, notes as [^n], one space between
 * paragraphs. */
static char *section_text(const ah_node *s) {
  ah_buf b = {0};
  for (const ah_node *c = s->first; c; c = c->next) {
    if (c->type == AH_NODE_LABEL) continue;
    char *t = ah_node_text(c);
    if (b.len && *t) ah_buf_putc(&b, ' ');
    ah_buf_puts(&b, t);
    free(t);
  }
  return ah_buf_steal(&b);
}

static void collect_refs(const ah_node *n, ah_ints *refs) {
  for (const ah_node *c = n->first; c; c = c->next) {
    if (c->type == AH_NODE_NOTE_REF) ah_ints_push(refs, c->as.note.number);
    collect_refs(c, refs);
  }
}

static const ah_node *child_of_type(const ah_node *root, ah_node_type type) {
  for (const ah_node *c = root->first; c; c = c->next)
    if (c->type == type) return c;
  return NULL;
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
        section_name(s, name, sizeof name);
        say(r, name, "%s number %d appears twice", kind, n);
      }
      if (n > highest) highest = n;
    }
  }
  for (int n = 1; n < highest; n++)
    if (!seen[n]) say(r, kind, "number %d missing (numbers run to %d)", n, highest);
}

static bool any_section_numbered(const ah_node *root, ah_node_type type, int n) {
  for (const ah_node *s = root->first; s; s = s->next)
    if (s->type == type)
      if (ah_ints_contains(&s->as.numbers, n)) return true;
  return false;
}

static void check_answers(reporter *r, const ah_node *root) {
  bool mededeling = child_of_type(root, AH_NODE_MEDEDELING) != NULL;
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type != AH_NODE_VRAAG && s->type != AH_NODE_ANTWOORD) continue;
    bool vraag = s->type == AH_NODE_VRAAG;
    if (vraag && mededeling) continue;
    const ah_ints *nums = &s->as.numbers;
    for (size_t i = 0; i < nums->n; i++) {
      if (any_section_numbered(root, vraag ? AH_NODE_ANTWOORD : AH_NODE_VRAAG, nums->items[i])) continue;
      char name[128];
      section_name(s, name, sizeof name);
      say(r, name, vraag ? "no antwoord for vraag %d" : "no vraag %d for this antwoord", nums->items[i]);
    }
    char *text = section_text(s);
    if (!*text) {
      char name[128];
      section_name(s, name, sizeof name);
      say(r, name, "no text");
    }
    free(text);
  }
}

static void check_notes(reporter *r, const ah_node *root) {
  ah_ints refs = {0}, notes = {0};
  const ah_node *noten = child_of_type(root, AH_NODE_NOTEN);
  for (const ah_node *nt = noten ? noten->first : NULL; nt; nt = nt->next) ah_ints_push(&notes, nt->as.note.number);
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type == AH_NODE_NOTEN) continue;
    size_t before = refs.n;
    collect_refs(s, &refs);
    for (size_t i = before; i < refs.n; i++) {
      if (ah_ints_contains(&notes, refs.items[i])) continue;
      char name[128];
      if (s->type == AH_NODE_OMSCHRIJVING) snprintf(name, sizeof name, "omschrijving");
      else section_name(s, name, sizeof name);
      say(r, name, "marker %d has no note", refs.items[i]);
    }
  }
  for (const ah_node *nt = noten ? noten->first : NULL; nt; nt = nt->next) {
    char name[32];
    snprintf(name, sizeof name, "noot %d", nt->as.note.number);
    if (!ah_ints_contains(&refs, nt->as.note.number)) say(r, name, "no marker refers to this note");
    for (const ah_node *e = noten->first; e != nt; e = e->next)
      if (e->as.note.number == nt->as.note.number) {
        say(r, name, "note number appears twice");
        break;
      }
  }
  ah_ints_free(&refs);
  ah_ints_free(&notes);
}

size_t ah_verify(const ah_doc *doc, ah_finding_fn report, void *user) {
  reporter r = {report, user, 0};
  if (!doc) return 0;
  const ah_node *root = doc->root;
  if (!ah_doc_id(doc)) say(&r, "aanhangsel", "no publication id");
  if (!ah_doc_nummer(doc)) say(&r, "aanhangsel", "no Aanhangsel number");
  if (!ah_doc_vergaderjaar(doc)) say(&r, "aanhangsel", "no vergaderjaar");
  if (!ah_doc_ingezonden(doc)) say(&r, "omschrijving vraag", "no date of sending in (ingezonden)");
  bool answered = child_of_type(root, AH_NODE_ANTWOORD) || child_of_type(root, AH_NODE_MEDEDELING);
  if (answered && !ah_doc_ontvangen(doc)) say(&r, "omschrijving antwoord", "no date of receipt (ontvangen)");
  unsigned char *seen = ah_xmalloc(MAX_NUMBER);
  check_numbering(&r, root, AH_NODE_VRAAG, seen);
  check_numbering(&r, root, AH_NODE_ANTWOORD, seen);
  free(seen);
  check_answers(&r, root);
  check_notes(&r, root);
  return r.count;
}

/* ---- two renditions ----------------------------------------------------- */

typedef struct {
  char **items;
  size_t n;
} words;

static words split_words(const char *text) {
  words w = {0};
  char *copy = ah_normalize_space(text);
  size_t cap = 16;
  w.items = ah_xmalloc(cap * sizeof *w.items);
  for (char *save = NULL, *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
    if (w.n == cap) w.items = ah_xrealloc(w.items, (cap *= 2) * sizeof *w.items);
    w.items[w.n++] = ah_strdup(t);
  }
  free(copy);
  return w;
}

static void free_words(words *w) {
  for (size_t i = 0; i < w->n; i++) free(w->items[i]);
  free(w->items);
}

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
    say(r, element, "%s", msg.data);
    ah_buf_free(&msg);
  }
  free_words(&wa);
  free_words(&wb);
}

static bool same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

static void compare_field(reporter *r, const char *field, const char *a, const char *b) {
  if (!same(a, b)) say(r, field, "A has \"%s\", B has \"%s\"", a ? a : "", b ? b : "");
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
    char *ma = ah_omschrijving_meta(a->root, kinds[i].type, "; ", true);
    char *mb = ah_omschrijving_meta(b->root, kinds[i].type, "; ", true);
    compare_field(r, kinds[i].name, ma, mb);
    free(ma);
    free(mb);
  }
}

/* x in A against its partner y in B (NULL: none) */
static void compare_pair(reporter *r, const char *name, const ah_node *x, const ah_node *y) {
  if (!y) {
    say(r, name, "only in A");
    return;
  }
  char *ta = section_text(x), *tb = section_text(y);
  compare_text(r, name, ta, tb);
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
  for (const ah_node *s = a->root->first; s; s = s->next) {
    if (s->type != AH_NODE_VRAAG && s->type != AH_NODE_ANTWOORD) continue;
    char name[128];
    section_name(s, name, sizeof name);
    compare_pair(r, name, s, find_partner(b->root, s));
  }
  for (const ah_node *t = b->root->first; t; t = t->next) {
    if ((t->type != AH_NODE_VRAAG && t->type != AH_NODE_ANTWOORD) || find_partner(a->root, t)) continue;
    char name[128];
    section_name(t, name, sizeof name);
    say(r, name, "only in B");
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
      say(r, name, "only in %s", x ? "A" : "B");
    } else {
      /* an omschrijving is one sentence of inlines, a mededeling a section */
      bool sentence = type == AH_NODE_OMSCHRIJVING;
      char *ta = sentence ? ah_node_text(x) : section_text(x), *tb = sentence ? ah_node_text(y) : section_text(y);
      compare_text(r, name, ta, tb);
      free(ta);
      free(tb);
    }
    if (x) x = x->next;
    if (y) y = y->next;
  }
}

static void compare_notes(reporter *r, const ah_doc *a, const ah_doc *b) {
  const ah_node *na = child_of_type(a->root, AH_NODE_NOTEN), *nb = child_of_type(b->root, AH_NODE_NOTEN);
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
    say(r, name, "only in B");
  }
}

size_t ah_compare(const ah_doc *a, const ah_doc *b, ah_finding_fn report, void *user) {
  reporter r = {report, user, 0};
  if (!a || !b) return 0;
  compare_meta(&r, a, b);
  compare_by_position(&r, a->root, b->root, AH_NODE_OMSCHRIJVING);
  compare_sections(&r, a, b);
  compare_by_position(&r, a->root, b->root, AH_NODE_MEDEDELING);
  compare_notes(&r, a, b);
  return r.count;
}
