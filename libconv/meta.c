/* meta.c — the omschrijving sentences in, inline metadata nodes out.
 *
 * Takes: one omschrijving sentence as printed ("Vragen van het lid Erkens
 * (VVD) aan de Minister van … over … (ingezonden 2 juli 2024).", "Antwoord van
 * Minister Hermans (…) (ontvangen 23 juli 2024). Zie ook …").  Gives: the
 * children of an OMSCHRIJVING node — the sentence's text with vragensteller,
 * ontvanger, onderwerp, datum, beantwoorder and zie-ook elements in place —
 * and the sentence's date.
 *
 * The phrases come from the lexicon; this file decides which stretch of the
 * sentence each element covers.  The printed sentences have typos (a
 * missing space before a parenthesis, a doubled "(ontvangen"), so every
 * pattern searches rather than anchors.
 */
#include "meta.h"
#include "lexicon.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* An annotation: [start, end) of the sentence becomes an element.  `text`,
 * when set, replaces the printed words (an addressee distributed over a
 * shared ministry, "de Ministers van X en van Y"); attr holds the element's
 * data (party; function and ministry; the ISO date). */
typedef struct {
  size_t start, end;
  ah_node_type type;
  char *attr[2];
  char *text;
} mark;

typedef struct {
  mark *items;
  size_t n, cap;
} marks;

static mark *add_mark(marks *ms, size_t start, size_t end, ah_node_type type) {
  if (end <= start) return NULL;
  if (ms->n == ms->cap) {
    ms->cap = ms->cap ? ms->cap * 2 : 16;
    ms->items = ah_xreallocarray(ms->items, ms->cap, sizeof *ms->items);
  }
  mark *m = &ms->items[ms->n++];
  memset(m, 0, sizeof *m);
  m->start = start;
  m->end = end;
  m->type = type;
  return m;
}

static void set_mark_attr(mark *m, int slot, const char *value, size_t len) {
  if (!m) return;
  free(m->attr[slot]);
  m->attr[slot] = ah_strndup(value, len);
}

static void trim_range(const char *s, size_t *a, size_t *b) {
  while (*a < *b && (s[*a] == ' ' || s[*a] == ',')) (*a)++;
  while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == ',')) (*b)--;
}

static size_t at(const char *s, const char *p) { return (size_t)(p - s); }

static void mark_date(marks *ms, const char *s, const char *start, const char *end, const char *iso) {
  if (!start) return;
  mark *m = add_mark(ms, at(s, start), at(s, end), AH_NODE_DATUM);
  set_mark_attr(m, 0, iso, strlen(iso));
}

/* Names set in a tight bold face can lose the space after a tussenvoegsel
 * ("Inge vanDijk"): no glyph gap is left to find, but a lowercase prefix
 * running straight into a capital is never one Dutch word. */
static char *spaced_name(const char *name, size_t len) {
  ah_buf b = {0};
  size_t i = 0;
  while (i < len) {
    bool word_start = i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
    size_t n = word_start ? ah_glued_tussenvoegsel(name + i, len - i) : 0;
    if (n) {
      ah_buf_put(&b, name + i, n);
      ah_buf_putc(&b, ' ');
      i += n;
    } else {
      ah_buf_putc(&b, name[i++]);
    }
  }
  return ah_buf_steal(&b);
}

/* One asker's name from [x, y), remembered as waiting for a party. */
static void add_asker(marks *ms, const char *s, size_t x, size_t y, ah_ints *pending) {
  trim_range(s, &x, &y);
  mark *m = add_mark(ms, x, y, AH_NODE_VRAGENSTELLER);
  if (!m) return;
  m->text = spaced_name(s + x, y - x);
  ah_ints_push(pending, (int)(ms->n - 1));
}

/* "(VVD)" or "(beiden VVD)" at s + i: the party of every name waiting.
 * Returns the index after ")", 0 when unclosed. */
static size_t give_party(marks *ms, const char *s, size_t i, size_t b, ah_ints *pending) {
  const char *close = memchr(s + i, ')', b - i);
  if (!close) return 0;
  const char *party = s + i + 1, *after = ah_scan_party_quantifier(party);
  if (after) party = after;
  for (size_t k = 0; k < pending->n; k++)
    set_mark_attr(&ms->items[pending->items[k]], 0, party, (size_t)(close - party));
  pending->n = 0;
  return at(s, close) + 1;
}

/* "Van Weyenberg, Romke de Jong en Kat (allen D66)", "Sneller (D66), Chakor
 * (GroenLinks-PvdA) en Van Nispen (SP)", "Faber-van de Klashorst(PVV)". */
static void mark_askers(marks *ms, const char *s, size_t a, size_t b) {
  ah_ints pending = {0};
  size_t i = a, name_start = a;
  while (i <= b) {
    bool sep_comma = i < b && s[i] == ',';
    const char *and_end = i + 4 <= b ? ah_scan_and(s + i) : NULL;
    bool paren = i < b && s[i] == '(';
    if (i < b && !sep_comma && !and_end && !paren) {
      i++;
      continue;
    }
    if (name_start < i) add_asker(ms, s, name_start, i, &pending);
    if (paren) {
      if (!(i = give_party(ms, s, i, b, &pending))) break;
    } else if (i == b) {
      break;
    } else {
      i = and_end ? at(s, and_end) : i + 1;
    }
    name_start = i;
  }
  ah_ints_free(&pending);
}

static void add_replacement(marks *ms, size_t a, size_t b, char *text) {
  mark *m = add_mark(ms, a, b, AH_NODE_ONTVANGER);
  if (m) m->text = text;
  else free(text);
}

/* "Ministers van X en van Y" -> Minister van X, Minister van Y, each in
 * place of its printed words. */
static void mark_plural_addressees(marks *ms, size_t a, const char *seg, size_t title_len, const char *prep) {
  char *title = ah_singular_title(seg, title_len);
  const char *rest = prep + 1, *start = rest;
  size_t pos = a + at(seg, rest);
  while (*start) {
    const char *next = NULL, *cut = ah_find_ministry_join(start + 1, &next);
    size_t len = cut ? at(start, cut) : strlen(start);
    ah_buf t = {0};
    ah_buf_printf(&t, "%s %.*s", title, (int)len, start);
    size_t from = pos + at(rest, start);
    add_replacement(ms, start == rest ? a : from, from + len, ah_buf_steal(&t));
    if (!cut) break;
    start = next;
  }
  free(title);
}

/* "de Staatssecretaris en de Minister van X": both titles share the ministry. */
static void mark_shared_ministry(marks *ms, size_t a, size_t b, const char *seg, const char *en_de,
                                 const char *second, const char *prep) {
  size_t t1 = at(seg, en_de);
  ah_buf t = {0};
  ah_buf_printf(&t, "%.*s%s", (int)t1, seg, prep ? prep : "");
  add_replacement(ms, a, a + t1, ah_buf_steal(&t));
  add_mark(ms, a + at(seg, second), b, AH_NODE_ONTVANGER);
}

/* "… en de Minister van Y", "… en het lid …", "… en Minister voor Y". */
static void mark_listed_addressees(marks *ms, size_t a, const char *seg) {
  size_t start = 0;
  for (;;) {
    const char *next = NULL, *cut = ah_find_addressee_join(seg + start, &next);
    size_t end = cut ? at(seg, cut) : strlen(seg);
    add_mark(ms, a + start, a + end, AH_NODE_ONTVANGER);
    if (!cut) break;
    start = at(seg, next);
  }
}

/* Addressees, one per person:
 *   "de Minister van X"                              -> Minister van X
 *   "de Staatssecretaris van X en de Minister van Y" -> both, as printed
 *   "de Ministers van X en voor Y"                   -> Minister van X, Minister voor Y
 *   "de Staatssecretaris en de Minister van X"       -> Staatssecretaris van X, Minister van X
 * A distributed form is rewritten in place as the separate addressees. */
static void mark_addressees(marks *ms, const char *s, size_t a, size_t b) {
  if (b <= a) return;
  trim_range(s, &a, &b);
  const char *past_article = ah_scan_article(s + a);
  /* the article's space may lie past the range ("… aan de (ingezonden …") */
  if (past_article && at(s, past_article) <= b) a = at(s, past_article);
  if (b <= a) return;
  char *seg = ah_strndup(s + a, b - a);
  const char *prep = ah_find_ministry_preposition(seg);
  size_t title_len = prep ? at(seg, prep) : strlen(seg);
  bool plural = !memchr(seg, ' ', title_len) && ah_is_plural_title(seg, title_len);
  const char *second = NULL, *en_de = ah_find_shared_ministry_join(seg, &second);
  if (plural && prep) mark_plural_addressees(ms, a, seg, title_len, prep);
  else if (en_de && (!prep || en_de < prep)) mark_shared_ministry(ms, a, b, seg, en_de, second, prep);
  else mark_listed_addressees(ms, a, seg);
  free(seg);
}

static void mark_question_sentence(marks *ms, const char *s, char iso[11]) {
  size_t len = strlen(s);
  const char *askers = NULL, *addressees = NULL, *subject = NULL;
  const char *who = ah_find_asker_opener(s, &askers);
  const char *to = ah_find_addressee_opener(who ? who : s, &addressees);
  const char *about = to ? ah_find_subject_opener(to, &subject) : NULL;
  /* the date closes the sentence: look for it after the addressees only */
  const char *sent = ah_find_sent_marker(to ? to : s);
  if (about && sent && sent < about) about = NULL;
  if (who && to) mark_askers(ms, s, at(s, askers), at(s, to));
  if (to) mark_addressees(ms, s, at(s, addressees), about ? at(s, about) : sent ? at(s, sent) : len);
  if (about) {
    size_t a = at(s, subject), b = sent ? at(s, sent) : len;
    trim_range(s, &a, &b);
    add_mark(ms, a, b, AH_NODE_ONDERWERP);
  }
  const char *end = NULL, *date = ah_find_sent_date(s, iso, &end);
  mark_date(ms, s, date, end, iso);
}

/* "Minister Bruins Slot (BZ)", or "Minister Bruins Slot" before " (". */
static void mark_answerer(marks *ms, const char *s, const char *title) {
  const char *sp = strchr(title, ' ');
  if (!sp) return;
  const char *paren = strchr(sp, '(');
  if (paren && !ah_scan_received_marker(paren)) {
    size_t a = at(s, sp + 1), b = at(s, paren);
    trim_range(s, &a, &b);
    const char *close = strchr(paren, ')');
    mark *m = add_mark(ms, a, b, AH_NODE_BEANTWOORDER);
    set_mark_attr(m, 0, title, at(title, sp));
    if (close) set_mark_attr(m, 1, paren + 1, at(paren + 1, close));
    return;
  }
  const char *end = strstr(sp, " (");
  if (end) set_mark_attr(add_mark(ms, at(s, sp + 1), at(s, end), AH_NODE_BEANTWOORDER), 0, title, at(title, sp));
}

/* "Antwoord van Minister Bruins Slot (BZ), mede namens … (ontvangen 28 juni 2024). Zie ook …" */
static void mark_answer_sentence(marks *ms, const char *s, char iso[11]) {
  const char *title = NULL;
  if (ah_find_answerer_opener(s, &title)) mark_answerer(ms, s, title);
  const char *end = NULL, *date = ah_find_received_date(s, iso, &end);
  mark_date(ms, s, date, end, iso);
  const char *zie = ah_find_see_also(s);
  if (zie) {
    size_t a = at(s, ah_scan_see_also(zie)) + 1, b = strlen(s);
    while (b > a && (s[b - 1] == '.' || s[b - 1] == ' ')) b--;
    add_mark(ms, a, b, AH_NODE_ZIE_OOK);
  }
}

static int cmp_mark(const void *x, const void *y) {
  const mark *a = x, *b = y;
  return (a->start > b->start) - (a->start < b->start);
}

/* The element of one mark, its data moved into the node. */
static void emit_mark(ah_node *om, const char *sentence, mark *m, char iso[11]) {
  ah_node *el = ah_node_append(om, m->type);
  if (m->text) ah_node_append_text(el, m->text, strlen(m->text));
  else ah_node_append_text(el, sentence + m->start, m->end - m->start);
  switch (m->type) {
  case AH_NODE_VRAGENSTELLER:
    el->as.party = m->attr[0], m->attr[0] = NULL;
    break;
  case AH_NODE_BEANTWOORDER:
    el->as.answerer.function = m->attr[0], m->attr[0] = NULL;
    el->as.answerer.ministry = m->attr[1], m->attr[1] = NULL;
    break;
  case AH_NODE_DATUM:
    memcpy(el->as.iso, m->attr[0], sizeof el->as.iso);
    memcpy(iso, el->as.iso, sizeof el->as.iso);
    break;
  default:
    break;
  }
}

void ah_meta_omschrijving(ah_node *node, const char *sentence, char iso[11]) {
  marks ms = {0};
  char found[11] = "";
  if (node->as.omschrijving == AH_OMSCHRIJVING_VRAAG) mark_question_sentence(&ms, sentence, found);
  else mark_answer_sentence(&ms, sentence, found);
  iso[0] = 0;
  if (ms.n) qsort(ms.items, ms.n, sizeof *ms.items, cmp_mark);
  size_t pos = 0;
  for (size_t i = 0; i < ms.n; i++) {
    mark *m = &ms.items[i];
    if (m->start >= pos) { /* overlapping: keep the first */
      ah_node_append_text(node, sentence + pos, m->start - pos);
      emit_mark(node, sentence, m, iso);
      pos = m->end;
    }
    for (int k = 0; k < 2; k++) free(m->attr[k]);
    free(m->text);
  }
  ah_node_append_text(node, sentence + pos, strlen(sentence) - pos);
  free(ms.items);
}
