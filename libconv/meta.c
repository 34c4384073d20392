/* meta.c — the omschrijving sentences in, inline metadata nodes out.
 *
 * Takes: one omschrijving sentence as printed ("Vragen van het lid Erkens
 * (VVD) aan de Minister van … over … (ingezonden 2 juli 2024).", "Antwoord van
 * Minister Hermans (…) (ontvangen 23 juli 2024). Zie ook …").  Gives: the
 * children of an OMSCHRIJVING node — the sentence's text with vragensteller,
 * ontvanger, onderwerp, datum, beantwoorder and zie-ook elements in place.
 *
 * The printed sentences have typos (a missing space before a parenthesis, a
 * doubled "(ontvangen"), so every pattern here searches rather than anchors.
 */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                     "juli",    "augustus", "september", "oktober", "november", "december"};

size_t ah_parse_dutch_date(const char *s, char iso[11]) {
  const char *p = s;
  if (!isdigit((unsigned char)*p)) return 0;
  int day = 0;
  while (isdigit((unsigned char)*p)) day = day * 10 + (*p++ - '0');
  if (*p++ != ' ' || day < 1 || day > 31) return 0;
  int month = 0;
  for (int m = 0; m < 12; m++) {
    size_t n = strlen(months[m]);
    if (strncmp(p, months[m], n) == 0 && p[n] == ' ') {
      month = m + 1;
      p += n + 1;
      break;
    }
  }
  if (!month) return 0;
  int year = 0, digits = 0;
  while (isdigit((unsigned char)*p) && digits < 4) year = year * 10 + (*p++ - '0'), digits++;
  if (digits != 4) return 0;
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  memcpy(iso, buf, 11);
  return (size_t)(p - s);
}

/* An annotation: [start, end) of the sentence becomes an element.  `text`,
 * when set, replaces the printed words (an addressee distributed over a
 * shared ministry, "de Ministers van X en van Y"). */
typedef struct {
  size_t start, end;
  ah_node_type type;
  const char *attr_name[2];
  char *attr_value[2];
  char *text;
} mark;

typedef struct {
  mark items[64];
  size_t n;
} marks;

static mark *add_mark(marks *ms, size_t start, size_t end, ah_node_type type) {
  if (ms->n == 64 || end <= start) return NULL;
  mark *m = &ms->items[ms->n++];
  memset(m, 0, sizeof *m);
  m->start = start;
  m->end = end;
  m->type = type;
  return m;
}

static void set_mark_attr(mark *m, int slot, const char *name, const char *value, size_t len) {
  if (!m) return;
  m->attr_name[slot] = name;
  m->attr_value[slot] = ah_strndup(value, len);
}

static void trim_range(const char *s, size_t *a, size_t *b) {
  while (*a < *b && (s[*a] == ' ' || s[*a] == ',')) (*a)++;
  while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == ',')) (*b)--;
}

static const char *find_from(const char *s, size_t from, const char *needle) {
  return strstr(s + from, needle);
}

static void mark_date_after(marks *ms, const char *s, const char *keyword, bool last) {
  const char *p = strstr(s, keyword), *q;
  if (!p) return;
  if (last)
    while ((q = strstr(p + 1, keyword))) p = q;
  p += strlen(keyword);
  while (*p == ' ' || *p == '(') p++;
  /* "(ontvangen (ontvangen 7 juni 2024)": skip a repeated keyword */
  while (ah_starts_with(p, keyword)) {
    p += strlen(keyword);
    while (*p == ' ' || *p == '(') p++;
  }
  char iso[11];
  size_t n = ah_parse_dutch_date(p, iso);
  if (!n) return;
  mark *m = add_mark(ms, (size_t)(p - s), (size_t)(p - s) + n, AH_NODE_DATUM);
  set_mark_attr(m, 0, "iso", iso, strlen(iso));
}

/* Names set in a tight bold face can lose the space after a tussenvoegsel
 * ("Inge vanDijk"): no glyph gap is left to find, but a lowercase prefix
 * running straight into a capital is never one Dutch word. */
static char *spaced_name(const char *name, size_t len) {
  static const char *const prefixes[] = {"van der", "van den", "van de", "in 't", "van", "de", "der", "den",
                                         "ter", "ten", "te", "het", "op de", "in de", "'t", NULL};
  ah_buf b = {0};
  size_t i = 0;
  while (i < len) {
    bool word_start = i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
    bool fixed = false;
    for (int k = 0; word_start && prefixes[k]; k++) {
      size_t n = strlen(prefixes[k]);
      if (i + n < len && strncmp(name + i, prefixes[k], n) == 0 && isupper((unsigned char)name[i + n])) {
        ah_buf_put(&b, name + i, n);
        ah_buf_putc(&b, ' ');
        i += n;
        fixed = true;
        break;
      }
    }
    if (!fixed) ah_buf_putc(&b, name[i++]);
  }
  return ah_buf_steal(&b);
}

/* "Van Weyenberg, Romke de Jong en Kat (allen D66)", "Sneller (D66), Chakor
 * (GroenLinks-PvdA) en Van Nispen (SP)", "Faber-van de Klashorst(PVV)". */
static void mark_askers(marks *ms, const char *s, size_t a, size_t b) {
  size_t pending[32], n_pending = 0;
  size_t i = a, name_start = a;
  while (i <= b) {
    bool sep_comma = i < b && s[i] == ',';
    bool sep_en = i + 4 <= b && strncmp(s + i, " en ", 4) == 0;
    bool paren = i < b && s[i] == '(';
    if (i == b || sep_comma || sep_en || paren) {
      size_t x = name_start, y = i;
      trim_range(s, &x, &y);
      if (y > x && n_pending < 32) {
        mark *m = add_mark(ms, x, y, AH_NODE_VRAGENSTELLER);
        if (m) {
          m->text = spaced_name(s + x, y - x);
          pending[n_pending++] = ms->n - 1;
        }
      }
      if (paren) {
        const char *close = memchr(s + i, ')', b - i);
        if (!close) break;
        const char *party = s + i + 1;
        if (ah_starts_with(party, "beiden ")) party += 7;
        else if (ah_starts_with(party, "allen ")) party += 6;
        for (size_t k = 0; k < n_pending; k++)
          set_mark_attr(&ms->items[pending[k]], 0, "partij", party, (size_t)(close - party));
        n_pending = 0;
        i = (size_t)(close - s) + 1;
        name_start = i;
        continue;
      }
      if (i == b) break;
      i += sep_en ? 4 : 1;
      name_start = i;
      continue;
    }
    i++;
  }
}

/* "Ministers", "Staatssecretarissen" — not "Staatssecretaris", which ends in s too */
static bool is_plural_title(const char *t, size_t len) {
  return (len > 5 && strncmp(t + len - 5, "issen", 5) == 0) || (len > 3 && strncmp(t + len - 3, "ers", 3) == 0);
}

static char *singular(const char *title, size_t len) {
  if (len > 5 && strncmp(title + len - 5, "issen", 5) == 0) return ah_strndup(title, len - 3);
  if (len > 1 && title[len - 1] == 's') return ah_strndup(title, len - 1);
  return ah_strndup(title, len);
}

static void add_replacement(marks *ms, size_t a, size_t b, ah_node_type type, char *text) {
  mark *m = add_mark(ms, a, b, type);
  if (m) m->text = text;
  else free(text);
}

/* Addressees, one per person:
 *   "de Minister van X"                          -> Minister van X
 *   "de Staatssecretaris van X en de Minister van Y" -> both, as printed
 *   "de Ministers van X en voor Y"               -> Minister van X, Minister voor Y
 *   "de Staatssecretaris en de Minister van X"   -> Staatssecretaris van X, Minister van X
 * A distributed form is rewritten in place as the separate addressees. */
static void mark_addressees(marks *ms, const char *s, size_t a, size_t b) {
  if (b <= a) return;
  trim_range(s, &a, &b);
  if (ah_starts_with(s + a, "de ")) a += 3;
  else if (ah_starts_with(s + a, "het ")) a += 4;
  char *seg = ah_strndup(s + a, b - a);
  const char *van = strstr(seg, " van ");
  const char *voor = strstr(seg, " voor ");
  const char *prep = van && (!voor || van < voor) ? van : voor;
  size_t title_len = prep ? (size_t)(prep - seg) : strlen(seg);
  bool plural = !memchr(seg, ' ', title_len) && is_plural_title(seg, title_len);
  const char *en_de = strstr(seg, " en de ");
  if (plural && prep) {
    /* "Ministers van X en van Y": split at " en van " / " en voor " */
    char *title = singular(seg, title_len);
    const char *rest = prep + 1, *start = rest;
    size_t pos = a + (size_t)(rest - seg);
    while (*start) {
      const char *e1 = strstr(start + 1, " en van "), *e2 = strstr(start + 1, " en voor ");
      const char *cut = e1 && (!e2 || e1 < e2) ? e1 : e2;
      size_t len = cut ? (size_t)(cut - start) : strlen(start);
      ah_buf t = {0};
      ah_buf_printf(&t, "%s %.*s", title, (int)len, start);
      size_t from = pos + (size_t)(start - rest);
      add_replacement(ms, start == rest ? a : from, from + len, AH_NODE_ONTVANGER, ah_buf_steal(&t));
      if (!cut) break;
      start = cut + 4;
    }
    free(title);
  } else if (en_de && (!prep || en_de < prep)) {
    /* "de Staatssecretaris en de Minister van X": titles share the ministry */
    size_t t1 = (size_t)(en_de - seg);
    const char *second = en_de + 7;
    const char *ministry = prep ? prep : "";
    ah_buf t = {0};
    ah_buf_printf(&t, "%.*s%s", (int)t1, seg, ministry);
    add_replacement(ms, a, a + t1, AH_NODE_ONTVANGER, ah_buf_steal(&t));
    add_mark(ms, a + (size_t)(second - seg), b, AH_NODE_ONTVANGER);
  } else {
    /* "… en de Minister van Y", "… en het lid …", and "… en Minister voor Y"
     * (the article left out before a title) */
    static const char *const joins[] = {" en de ", " en het ", " en Minister ", " en Staatssecretaris ",
                                        " en Minister-President ", NULL};
    size_t start = 0;
    for (;;) {
      const char *cut = NULL;
      size_t skip = 0;
      for (int k = 0; joins[k]; k++) {
        const char *c = strstr(seg + start, joins[k]);
        if (c && (!cut || c < cut)) {
          cut = c;
          /* skip " en de " / " en het ", but keep the title itself */
          skip = k < 2 ? strlen(joins[k]) : 4;
        }
      }
      size_t end = cut ? (size_t)(cut - seg) : strlen(seg);
      add_mark(ms, a + start, a + end, AH_NODE_ONTVANGER);
      if (!cut) break;
      start = end + skip;
    }
  }
  free(seg);
}

static void mark_question_sentence(marks *ms, const char *s) {
  size_t len = strlen(s);
  const char *who = NULL;
  static const char *const openers[] = {"van het lid ", "van de leden ", "van het Kamerlid ", "van de Kamerleden ",
                                        "van de fractie ", NULL};
  size_t opener_len = 0;
  for (int i = 0; openers[i]; i++) {
    const char *p = strstr(s, openers[i]);
    if (p && (!who || p < who)) who = p, opener_len = strlen(openers[i]);
  }
  const char *to = who ? find_from(s, (size_t)(who - s), " aan ") : strstr(s, " aan ");
  const char *about = to ? find_from(s, (size_t)(to - s), " over ") : NULL;
  /* the date closes the sentence: look for it after the addressees only */
  const char *sent = find_from(s, to ? (size_t)(to - s) : 0, "(ingezonden");
  if (about && sent && sent < about) about = NULL;
  if (who && to) mark_askers(ms, s, (size_t)(who - s) + opener_len, (size_t)(to - s));
  if (to) mark_addressees(ms, s, (size_t)(to - s) + 5, about ? (size_t)(about - s) : sent ? (size_t)(sent - s) : len);
  if (about) {
    size_t a = (size_t)(about - s) + 6, b = sent ? (size_t)(sent - s) : len;
    trim_range(s, &a, &b);
    add_mark(ms, a, b, AH_NODE_ONDERWERP);
  }
  mark_date_after(ms, s, "ingezonden", false);
}

/* "Antwoord van Minister Bruins Slot (BZ), mede namens … (ontvangen 28 juni 2024). Zie ook …" */
static void mark_answer_sentence(marks *ms, const char *s) {
  const char *van = strstr(s, " van ");
  if (van) {
    const char *title = van + 5;
    const char *sp = strchr(title, ' ');
    const char *paren = sp ? strchr(sp, '(') : NULL;
    if (sp && paren && !ah_starts_with(paren + 1, "ontvangen")) {
      size_t a = (size_t)(sp + 1 - s), b = (size_t)(paren - s);
      trim_range(s, &a, &b);
      const char *close = strchr(paren, ')');
      mark *m = add_mark(ms, a, b, AH_NODE_BEANTWOORDER);
      set_mark_attr(m, 0, "functie", title, (size_t)(sp - title));
      if (close) set_mark_attr(m, 1, "ministerie", paren + 1, (size_t)(close - paren - 1));
    } else if (sp) {
      const char *end = strstr(sp, " (");
      if (end) {
        mark *m = add_mark(ms, (size_t)(sp + 1 - s), (size_t)(end - s), AH_NODE_BEANTWOORDER);
        set_mark_attr(m, 0, "functie", title, (size_t)(sp - title));
      }
    }
  }
  mark_date_after(ms, s, "(ontvangen", true);
  const char *zie = strstr(s, "Zie ook ");
  if (zie) {
    size_t a = (size_t)(zie - s) + 8, b = strlen(s);
    while (b > a && (s[b - 1] == '.' || s[b - 1] == ' ')) b--;
    add_mark(ms, a, b, AH_NODE_ZIE_OOK);
  }
}

static int cmp_mark(const void *x, const void *y) {
  const mark *a = x, *b = y;
  return (a->start > b->start) - (a->start < b->start);
}

void ah_meta_omschrijving(ah_node *node, const char *sentence) {
  marks ms = {0};
  const char *type = ah_node_get_attr(node, "type");
  if (type && strcmp(type, "vraag") == 0) mark_question_sentence(&ms, sentence);
  else mark_answer_sentence(&ms, sentence);
  qsort(ms.items, ms.n, sizeof *ms.items, cmp_mark);
  size_t pos = 0;
  for (size_t i = 0; i < ms.n; i++) {
    mark *m = &ms.items[i];
    if (m->start < pos) goto skip; /* overlapping: keep the first */
    ah_node_append_text(node, sentence + pos, m->start - pos);
    {
      ah_node *el = ah_node_append(node, m->type);
      if (m->text) ah_node_append_text(el, m->text, strlen(m->text));
      else ah_node_append_text(el, sentence + m->start, m->end - m->start);
      for (int k = 0; k < 2; k++)
        if (m->attr_name[k]) ah_node_set_attr(el, m->attr_name[k], m->attr_value[k]);
    }
    pos = m->end;
  skip:
    for (int k = 0; k < 2; k++) free(m->attr_value[k]);
    free(m->text);
  }
  ah_node_append_text(node, sentence + pos, strlen(sentence) - pos);
}
