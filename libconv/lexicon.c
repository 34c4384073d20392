/* lexicon.c — recognizers of the words and numbers of Aanhangsel documents.
 *
 * Takes: UTF-8 text.  Gives: what it names (a chamber, a session, an id, a
 * label with its numbers, an ISO date, a kind of furniture line, a phrase
 * of the omschrijving) and where the match ends.  See lexicon.h for the
 * contract; every spelling of the domain lives here.
 */
#include "lexicon.h"
#include "caps.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *scan_word(const char *s, const char *word) {
  size_t n = strlen(word);
  return strncmp(s, word, n) == 0 ? s + n : NULL;
}

/* The earliest of several phrases in s; *which says which one. */
static const char *find_earliest(const char *s, const char *const *phrases, size_t *which) {
  const char *best = NULL;
  for (size_t i = 0; phrases[i]; i++) {
    const char *p = strstr(s, phrases[i]);
    if (p && (!best || p < best)) {
      best = p;
      *which = i;
    }
  }
  return best;
}

static const char *find_phrase(const char *s, const char *phrase, const char **after) {
  const char *p = strstr(s, phrase);
  if (p && after) *after = p + strlen(phrase);
  return p;
}

static bool digits_at(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  return true;
}

static int number_of(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

/* ---- chambers and years -------------------------------------------------- */

const char *ah_kamer_code(ah_kamer k) {
  return k == AH_KAMER_TK ? "tk" : k == AH_KAMER_EK ? "ek" : NULL;
}

const char *ah_scan_kamer_code(const char *s, ah_kamer *k) {
  if ((s[0] == 't' || s[0] == 'e') && s[1] == 'k') {
    *k = s[0] == 't' ? AH_KAMER_TK : AH_KAMER_EK;
    return s + 2;
  }
  return NULL;
}

const char *ah_scan_chamber(const char *s, ah_kamer *k) {
  const char *e;
  if ((e = scan_word(s, "Tweede Kamer"))) *k = AH_KAMER_TK;
  else if ((e = scan_word(s, "Eerste Kamer"))) *k = AH_KAMER_EK;
  return e;
}

ah_kamer ah_find_chamber(const char *s) {
  if (strstr(s, "Tweede Kamer")) return AH_KAMER_TK;
  if (strstr(s, "Eerste Kamer")) return AH_KAMER_EK;
  return AH_KAMER_UNKNOWN;
}

/* hyphen, en dash, em dash */
static const char *scan_year_dash(const char *s) {
  if (*s == '-') return s + 1;
  if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
    return s + 3;
  return NULL;
}

const char *ah_scan_session(const char *s, ah_session *y) {
  if (!digits_at(s, 4)) return NULL;
  const char *q = scan_year_dash(s + 4);
  if (!q || !digits_at(q, 4)) return NULL;
  y->first = number_of(s, 4);
  y->second = number_of(q, 4);
  return q + 4;
}

const char *ah_find_session(const char *s, ah_session *y, const char **start) {
  for (const char *p = s; *p; p++) {
    const char *e = ah_scan_session(p, y);
    if (e) {
      if (start) *start = p;
      return e;
    }
  }
  return NULL;
}

char *ah_session_string(const ah_session *y) {
  char out[24];
  snprintf(out, sizeof out, "%04d-%04d", y->first, y->second);
  return ah_strdup(out);
}

/* ---- publication ids ----------------------------------------------------- */

const char *ah_scan_pubid(const char *s, ah_pubid *id) {
  ah_pubid v = {0};
  const char *p;
  if ((p = scan_word(s, "ah-"))) v.questions_only = false;
  else if ((p = scan_word(s, "kv-"))) v.questions_only = true;
  else return NULL;
  if (!(p = ah_scan_kamer_code(p, &v.kamer)) || *p++ != '-') return NULL;
  if (!digits_at(p, 8) || p[8] != '-') return NULL;
  v.session.first = number_of(p, 4);
  v.session.second = number_of(p + 4, 4);
  const char *end;
  /* an id's number above the cap is no id of a real document */
  if (!ah_parse_uint(p + 9, 99999999, &v.number, &end)) return NULL;
  *id = v;
  return end;
}

const char *ah_find_pubid(const char *s, ah_pubid *id, const char **start) {
  for (const char *p = s; *p; p++) {
    if (p > s && isalnum((unsigned char)p[-1])) continue;
    const char *e = ah_scan_pubid(p, id);
    if (e) {
      if (start) *start = p;
      return e;
    }
  }
  return NULL;
}

bool ah_is_pubid(const char *s, ah_pubid *id) {
  const char *e = ah_scan_pubid(s, id);
  return e && !*e;
}

/* ---- labels -------------------------------------------------------------- */

/* Words between the numbers of a list; *range says the next number closes a
 * range ("4 tot en met 7", "4 t/m 7", "4-7", "4–7"). */
static const char *scan_list_joiner(const char *p, bool *range) {
  const char *e;
  if (*p == ' ' || *p == ',' || *p == ':' || *p == '.') return p + 1;
  if ((e = scan_word(p, "en "))) return e;
  *range = true;
  if ((e = scan_word(p, "tot en met ")) || (e = scan_word(p, "t/m ")) || (e = scan_word(p, "-")) ||
      (e = scan_word(p, "\xE2\x80\x93")))
    return e;
  *range = false;
  return NULL;
}

/* "2", "2 en 3", "3, 4, 5 en 6", "7, 8, 9 10 en 11", "4 tot en met 7".
 * The whole rest of the text must be such a list. */
static bool parse_number_list(const char *p, ah_ints *nums) {
  bool range = false;
  while (*p == ' ') p++;
  if (!isdigit((unsigned char)*p)) return false;
  while (*p) {
    int v;
    const char *e;
    if (ah_parse_uint(p, AH_MAX_LABEL_NUMBER, &v, &e)) {
      if (v == 0) return false;
      if (range && nums->n) {
        for (int k = nums->items[nums->n - 1] + 1; k <= v; k++) ah_ints_push(nums, k);
        range = false;
      } else {
        ah_ints_push(nums, v);
      }
      p = e;
      continue;
    }
    if (isdigit((unsigned char)*p)) return false; /* over the cap */
    if (!(p = scan_list_joiner(p, &range))) return false;
  }
  return nums->n > 0 && !range;
}

bool ah_parse_label(const char *text, ah_label *lb) {
  /* longest first: "Antwoord op vragen " before "Antwoord " */
  static const struct {
    const char *word;
    ah_label_kind kind;
  } words[] = {{"Antwoord op vragen ", AH_LABEL_ANTWOORD}, {"Antwoord op vraag ", AH_LABEL_ANTWOORD},
               {"Antwoord ", AH_LABEL_ANTWOORD},          {"Antwoorden ", AH_LABEL_ANTWOORD},
               {"Vraag ", AH_LABEL_VRAAG},                {"Vragen ", AH_LABEL_VRAAG}};
  memset(lb, 0, sizeof *lb);
  if (strlen(text) > AH_MAX_LABEL_BYTES) return false;
  if (strcmp(text, "Mededeling") == 0 || strcmp(text, "Mededeling:") == 0) {
    lb->kind = AH_LABEL_MEDEDELING;
    return true;
  }
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    const char *rest = scan_word(text, words[i].word);
    if (rest && parse_number_list(rest, &lb->numbers)) {
      lb->kind = words[i].kind;
      return true;
    }
    ah_ints_free(&lb->numbers);
  }
  return false;
}

bool ah_is_label(const char *text) {
  ah_label lb;
  bool yes = ah_parse_label(text, &lb);
  ah_ints_free(&lb.numbers);
  return yes;
}

bool ah_is_label_out_of_range(const char *s) {
  if (strlen(s) > AH_MAX_LABEL_BYTES || ah_is_label(s)) return false;
  ah_buf small = {0}; /* every number as 1 */
  for (const char *p = s; *p;) {
    if (isdigit((unsigned char)*p)) {
      ah_buf_putc(&small, '1');
      while (isdigit((unsigned char)*p)) p++;
    } else {
      ah_buf_putc(&small, *p++);
    }
  }
  bool yes = ah_is_label(small.data ? small.data : "");
  ah_buf_free(&small);
  return yes;
}

/* ---- dates --------------------------------------------------------------- */

static const char *const month_names[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};

const char *ah_scan_date(const char *s, char iso[11]) {
  int day;
  const char *p;
  if (!ah_parse_uint(s, 31, &day, &p) || day < 1 || *p++ != ' ') return NULL;
  int month = 0;
  for (int m = 0; m < 12 && !month; m++) {
    const char *e = scan_word(p, month_names[m]);
    if (e && *e == ' ') {
      month = m + 1;
      p = e + 1;
    }
  }
  if (!month || !digits_at(p, 4)) return NULL;
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", number_of(p, 4), month, day);
  memcpy(iso, buf, 11);
  return p + 4;
}

/* ---- page furniture ------------------------------------------------------ */

const char *ah_scan_footer_start(const char *s, ah_kamer *k) {
  const char *p = ah_scan_chamber(s, k);
  return p ? scan_word(p, ", vergaderjaar") : NULL;
}

bool ah_is_running_footer(const char *s) {
  ah_kamer k;
  const char *p = ah_scan_footer_start(s, &k);
  size_t n = strlen(s);
  return p && *p == ' ' && n > 10 && strcmp(s + n - 10, "Aanhangsel") == 0;
}

bool ah_is_masthead_chamber(const char *s, ah_kamer *k) {
  const char *p = ah_scan_chamber(s, k);
  return p && strcmp(p, " der Staten-Generaal") == 0;
}

const char *ah_scan_masthead_session(const char *s, ah_session *y) {
  const char *p = scan_word(s, "Vergaderjaar ");
  return p ? ah_scan_session(p, y) : NULL;
}

bool ah_mentions_series(const char *s) { return strstr(s, "Aanhangsel van de Handelingen") != NULL; }

bool ah_is_colophon_line(const char *s) {
  return scan_word(s, "ISSN ") || scan_word(s, "\xE2\x80\x99s-Gravenhage ") || scan_word(s, "'s-Gravenhage ");
}

const char ah_series_name[] = "Aanhangsel van de Handelingen";
/* ↪ at the start of a table line: the row above goes on here (ahconv's
 * clean PDF wraps a table too wide for the page so) */
const char ah_row_continues[] = "\xE2\x86\xAA";
const char ah_series_sentence[] =
    "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden";

/* A chamber the document did not name is the Tweede Kamer, where nearly
 * all written questions are asked. */
static const char *chamber_name(ah_kamer k) { return k == AH_KAMER_EK ? "Eerste Kamer" : "Tweede Kamer"; }

/* "2023–2024" as printed (an en dash), "" when unknown */
static void printed_session(const ah_session *y, char out[24]) {
  if (y->first) snprintf(out, 24, "%04d\xE2\x80\x93%04d", y->first, y->second);
  else out[0] = 0;
}

char *ah_format_masthead_chamber(ah_kamer k) {
  ah_buf b = {0};
  ah_buf_printf(&b, "%s der Staten-Generaal", chamber_name(k));
  return ah_buf_steal(&b);
}

char *ah_format_masthead_session(const ah_session *y) {
  char year[24];
  printed_session(y, year);
  ah_buf b = {0};
  ah_buf_printf(&b, "Vergaderjaar %s", year);
  return ah_buf_steal(&b);
}

char *ah_format_running_footer(ah_kamer k, const ah_session *y) {
  char year[24];
  printed_session(y, year);
  ah_buf b = {0};
  ah_buf_printf(&b, "%s, vergaderjaar %s, Aanhangsel", chamber_name(k), year);
  return ah_buf_steal(&b);
}

/* ---- the omschrijving sentences ------------------------------------------ */

bool ah_starts_omschrijving(const char *s) {
  static const char *const starts[] = {"Vragen van ", "Vraag van ", "Schriftelijke vragen ", "Antwoord van ",
                                       "Mededeling van ", NULL};
  for (int i = 0; starts[i]; i++)
    if (scan_word(s, starts[i])) return true;
  return false;
}

const char *ah_find_answer_sentence(const char *s, bool *is_notice) {
  static const char *const starts[] = {"Antwoord van ", "Mededeling van ", "Antwoorden van ", NULL};
  const char *best = NULL;
  for (int i = 0; starts[i]; i++) {
    const char *p = strstr(s, starts[i]);
    while (p && p == s) p = strstr(p + 1, starts[i]); /* not the sentence at the very start */
    if (p && (!best || p < best)) best = p;
  }
  if (best && is_notice) *is_notice = ah_starts_notice(best);
  return best;
}

bool ah_starts_answer(const char *s) { return scan_word(s, "Antwoord") != NULL; }
bool ah_starts_notice(const char *s) { return scan_word(s, "Mededeling") != NULL; }
const char *ah_scan_see_also(const char *s) { return scan_word(s, "Zie ook"); }
const char *ah_find_see_also(const char *s) { return find_phrase(s, "Zie ook ", NULL); }

bool ah_has_received_date(const char *text) {
  char iso[11];
  for (const char *p = strstr(text, "ontvangen "); p; p = strstr(p + 1, "ontvangen "))
    if (ah_scan_date(p + strlen("ontvangen "), iso)) return true;
  return false;
}

const char *ah_find_asker_opener(const char *s, const char **after) {
  static const char *const openers[] = {"van het lid ", "van de leden ", "van het Kamerlid ",
                                        "van de Kamerleden ", "van de fractie ", NULL};
  size_t which = 0;
  const char *p = find_earliest(s, openers, &which);
  if (p) *after = p + strlen(openers[which]);
  return p;
}

const char *ah_find_addressee_opener(const char *s, const char **after) { return find_phrase(s, " aan ", after); }
const char *ah_find_subject_opener(const char *s, const char **after) { return find_phrase(s, " over ", after); }
const char *ah_find_answerer_opener(const char *s, const char **after) { return find_phrase(s, " van ", after); }

/* The date after `keyword` (its first or last occurrence), skipping spaces,
 * opening parentheses and a repeated keyword. */
static const char *date_after(const char *s, const char *keyword, bool last, char iso[11], const char **end) {
  const char *p = strstr(s, keyword), *q;
  if (!p) return NULL;
  if (last)
    while ((q = strstr(p + 1, keyword))) p = q;
  p += strlen(keyword);
  for (;;) {
    while (*p == ' ' || *p == '(') p++;
    const char *again = scan_word(p, keyword);
    if (!again) break;
    p = again;
  }
  *end = ah_scan_date(p, iso);
  return *end ? p : NULL;
}

const char *ah_find_sent_date(const char *s, char iso[11], const char **end) {
  return date_after(s, "ingezonden", false, iso, end);
}

const char *ah_find_received_date(const char *s, char iso[11], const char **end) {
  return date_after(s, "(ontvangen", true, iso, end);
}

const char *ah_find_sent_marker(const char *s) { return strstr(s, "(ingezonden"); }
const char *ah_scan_received_marker(const char *s) { return scan_word(s, "(ontvangen"); }

const char *ah_scan_party_quantifier(const char *s) {
  const char *e = scan_word(s, "beiden ");
  return e ? e : scan_word(s, "allen ");
}

size_t ah_glued_tussenvoegsel(const char *s, size_t len) {
  /* longest first: "van der" before "van" */
  static const char *const prefixes[] = {"van der", "van den", "van de", "in 't", "van", "de", "der", "den",
                                         "ter",     "ten",     "te",     "het",   "op de", "in de", "'t", NULL};
  for (int k = 0; prefixes[k]; k++) {
    size_t n = strlen(prefixes[k]);
    if (n < len && strncmp(s, prefixes[k], n) == 0 && isupper((unsigned char)s[n])) return n;
  }
  return 0;
}

const char *ah_scan_and(const char *s) { return scan_word(s, " en "); }

const char *ah_scan_article(const char *s) {
  const char *e = scan_word(s, "de ");
  return e ? e : scan_word(s, "het ");
}

const char *ah_find_ministry_preposition(const char *s) {
  const char *van = strstr(s, " van "), *voor = strstr(s, " voor ");
  return van && (!voor || van < voor) ? van : voor;
}

const char *ah_find_addressee_join(const char *s, const char **after) {
  /* the first four drop their article (a list: "X, de Y en de Z"); the
   * others keep the title that follows "en" (the article left out) */
  static const char *const joins[] = {" en de ", " en het ", ", de ", ", het ", " en Minister ",
                                      " en Staatssecretaris ", " en Minister-President ", NULL};
  size_t which = 0;
  const char *p = find_earliest(s, joins, &which);
  if (p) *after = which < 4 ? p + strlen(joins[which]) : p + strlen(" en ");
  return p;
}

const char *ah_find_ministry_join(const char *s, const char **after) {
  static const char *const joins[] = {" en van ", " en voor ", NULL};
  size_t which = 0;
  const char *p = find_earliest(s, joins, &which);
  if (p) *after = p + strlen(" en ");
  return p;
}

const char *ah_find_shared_ministry_join(const char *s, const char **after) {
  return find_phrase(s, " en de ", after);
}

/* "Ministers", "Staatssecretarissen" — not "Staatssecretaris", which ends in s too */
bool ah_is_plural_title(const char *t, size_t len) {
  return (len > 5 && strncmp(t + len - 5, "issen", 5) == 0) || (len > 3 && strncmp(t + len - 3, "ers", 3) == 0);
}

char *ah_singular_title(const char *title, size_t len) {
  if (len > 5 && strncmp(title + len - 5, "issen", 5) == 0) return ah_strndup(title, len - 3);
  if (len > 1 && title[len - 1] == 's') return ah_strndup(title, len - 1);
  return ah_strndup(title, len);
}

bool ah_is_figure_caption(const char *t) {
  if (!ah_starts_with(t, "Figuur ") || !isdigit((unsigned char)t[7])) return false;
  size_t d = 7 + strspn(t + 7, "0123456789");
  return t[d] == ':' || t[d] == '.';
}
