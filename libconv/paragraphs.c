/* paragraphs.c — printed lines in, paragraph text out: the line-end
 * decisions (hyphenation, real hyphens, addresses broken over lines) and
 * the signs of a paragraph's start and end (bullets, sentence ends), shared
 * by layout.c and textlines.c.
 */
#include "paragraphs.h"

#include <assert.h>
#include <ctype.h>
#include <glib.h>
#include <string.h>

/* ---- joining lines ------------------------------------------------------ */

static bool is_lower_start(const char *s) {
  gunichar c = g_utf8_get_char_validated(s, -1);
  return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_islower(c);
}

static bool is_upper_start(const char *s) {
  gunichar c = g_utf8_get_char_validated(s, -1);
  return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isupper(c);
}

/* Scans back from the end only: a paragraph can be long. */
static const char *last_token(const char *text, size_t len) {
  const char *p = text + len;
  while (p > text && p[-1] != ' ') p--;
  return p;
}

const char *ah_scan_host_path(const char *s) {
  const char *p = s, *dot = NULL;
  /* lowercase: a capital makes it a name written like an address
   * ("Discriminatie.nl/Fryslân", an organisation) */
  while (islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '.') {
    if (*p == '.') dot = p;
    p++;
  }
  if (*p != '/' || !dot || dot == s || p - dot < 3) return NULL;
  for (const char *q = dot + 1; q < p; q++)
    if (!isalpha((unsigned char)*q)) return NULL;
  return p + 1;
}

/* http(s)://…, www.…, or a bare host with a path ("regiopurmerend.nl/2024/…"),
 * also with capitals: for joining lines, an address-like token is enough */
static bool looks_like_url(const char *tok) {
  while (*tok == '(' || *tok == '[' || *tok == '<') tok++;
  if (ah_starts_with(tok, "www.") || strstr(tok, "://")) return true;
  const char *slash = strchr(tok, '/');
  if (!slash) return false;
  const char *dot = NULL;
  for (const char *p = tok; p < slash; p++) {
    if (*p == '.') dot = p;
    else if (!isalnum((unsigned char)*p) && *p != '-') return false;
  }
  if (!dot || slash - dot < 3) return false;
  for (const char *p = dot + 1; p < slash; p++)
    if (!isalpha((unsigned char)*p)) return false;
  return true;
}

/* The next line's first token can only be the rest of an address: it starts
 * with address punctuation or holds a path or escape ("%202022.pdf"). */
static bool continues_address(const char *next) {
  size_t n = strcspn(next, " ");
  if (!n) return false;
  if (strchr("/%.-_=?&#~", next[0])) return true;
  for (size_t i = 0; i < n; i++)
    if (strchr("/%=&_", next[i])) return true;
  return false;
}

/* Removes the last n bytes of the paragraph; they are in its last span,
 * since they are the line-end character(s) just read. */
static void drop_tail(ah_spans *para, ah_buf *text, size_t n) {
  assert(para->n && text->len >= n);
  ah_span *last = &para->items[para->n - 1];
  size_t l2 = strlen(last->text);
  assert(l2 >= n);
  if (l2 >= n) last->text[l2 - n] = 0;
  text->len -= n;
  text->data[text->len] = 0;
}

/* The word (letters, digits, hyphens) that ends at `end`, without the
 * punctuation before it ("(tbs" of "(tbs-"). */
static const char *word_start(const char *text, const char *end) {
  const char *p = end;
  while (p > text) {
    const char *q = g_utf8_find_prev_char(text, p);
    gunichar c = q ? g_utf8_get_char(q) : 0;
    if (!q || !(g_unichar_isalnum(c) || c == '-')) break;
    p = q;
  }
  return p;
}

/* Bytes of the word at s: letters and inner hyphens ("klinieken" of
 * "klinieken." and of "klinieken1", a note marker glued to it). */
static size_t word_length(const char *s) {
  const char *p = s;
  for (;;) {
    gunichar c = g_utf8_get_char_validated(p, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2 || !(g_unichar_isalpha(c) || c == '-')) break;
    p = g_utf8_next_char(p);
  }
  while (p > s && p[-1] == '-') p--;
  return (size_t)(p - s);
}

/* "word-" + lowercase "rest": does Dutch spelling keep the hyphen?  Asked of
 * the word list in this order:
 *   - "wordrest" is a word ("verduur-" + "zaming"): the typesetter broke it,
 *     the hyphen goes (false);
 *   - else "word-rest" is a word ("tbs-" + "klinieken", "niet-" + "westerse",
 *     "e-" + "mailadres"): the hyphen is Dutch spelling's, it stays (true);
 *   - else, or without the list: the list cannot settle it, and the rule
 *     from before the list holds — before a lowercase letter the hyphen
 *     goes (false). */
static bool spelling_keeps_hyphen(const char *so_far, size_t len, const char *next, ah_wordlist *words) {
  const char *head = word_start(so_far, so_far + len - 1);
  size_t hl = (size_t)(so_far + len - 1 - head), tl = word_length(next);
  if (!hl || !tl || hl + tl + 2 > 200) return false;
  char w[256];
  memcpy(w, head, hl), memcpy(w + hl, next, tl);
  if (ah_wordlist_check(words, w, hl + tl) != AH_WORD_UNKNOWN) return false; /* a word, or no list */
  memcpy(w, head, hl), w[hl] = '-', memcpy(w + hl + 1, next, tl);
  return ah_wordlist_check(words, w, hl + tl + 1) == AH_WORD_KNOWN;
}

/* The line-end decisions:
 *   - a URL broken at line end continues without a space, and keeps a hyphen
 *     it was broken at (the hyphen belongs to the address) — unless it ended
 *     in a full stop and the next line starts a sentence;
 *   - "word-" + lowercase continuation: the Dutch word list decides whether
 *     the hyphen is spelling's (kept, no space) or the typesetter's (goes);
 *     where it cannot, the hyphen goes (spelling_keeps_hyphen);
 *   - "Zuid-" + "Holland", "CO2-" + "uitstoot" with a capital or digit: a real
 *     hyphen in a compound, kept, no space;
 *   - otherwise a line break is a space. */
void ah_join_line(ah_spans *para, ah_buf *text, const ah_spans *next, const char *next_text, ah_wordlist *words) {
  const char *so_far = text->data ? text->data : "";
  size_t len = text->len;
  const char *tok = last_token(so_far, len);
  bool url = looks_like_url(tok);
  /* "….pdf." + "Het rapport …": the full stop ended the sentence */
  bool sentence_ends = len && so_far[len - 1] == '.' && is_upper_start(next_text);
  bool url_continues = url && len && *next_text != ' ' && !sentence_ends &&
                       (strchr("/-_.=?&#%~", so_far[len - 1]) || continues_address(next_text));
  if (url_continues) {
    /* nothing: glue */
  } else if (len >= 2 && so_far[len - 1] == '-' && so_far[len - 2] != ' ' && is_lower_start(next_text)) {
    if (!spelling_keeps_hyphen(so_far, len, next_text, words)) drop_tail(para, text, 1);
  } else if (len >= 2 && so_far[len - 1] == '-' && so_far[len - 2] != ' ') {
    /* real hyphen before a capital or digit: keep, no space */
  } else if (len >= 2 && (unsigned char)so_far[len - 2] == 0xC2 && (unsigned char)so_far[len - 1] == 0xAD) {
    drop_tail(para, text, 2); /* soft hyphen */
  } else {
    ah_spans_add(para, " ", 1, 0);
    ah_buf_putc(text, ' ');
  }
  ah_spans_append(para, next);
  ah_buf_puts(text, next_text);
}

/* A bullet glyph, or a dash or "o" used as one before the wide gap of a
 * hanging indent (a tab from the source stage).  A dash followed by an
 * ordinary space is a dash of the running text that fell at a line start
 * ("– Jeugd, Preventie en Sport"), not a list. */
bool ah_starts_with_bullet(const char *t) {
  size_t n = ah_bullet_glyph_length(t);
  if (n) return t[n] != 0;
  static const char *const stand_ins[] = {"\xE2\x80\x93", "-", "o", NULL};
  for (int i = 0; stand_ins[i]; i++) {
    n = strlen(stand_ins[i]);
    if (strncmp(t, stand_ins[i], n) == 0 && t[n] == '\t') return true;
  }
  return false;
}

bool ah_ends_sentence(const char *t) {
  size_t n = strlen(t);
  while (n && t[n - 1] == ' ') n--;
  if (!n) return false;
  if (strchr(".?!:;)", t[n - 1])) return true;
  /* closing quotes: ” » ’ */
  return n >= 3 && (unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80 &&
         ((unsigned char)t[n - 1] == 0x9D || (unsigned char)t[n - 1] == 0x99);
}

/* Bullet glyphs: •, ▪, ●, and the private-use bullet of Symbol-font lists. */
size_t ah_bullet_glyph_length(const char *t) {
  static const char *const glyphs[] = {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\x8F", "\xEF\x82\xB7", NULL};
  for (int i = 0; glyphs[i]; i++)
    if (ah_starts_with(t, glyphs[i])) return strlen(glyphs[i]);
  return 0;
}


/* An item's number or letter: "1." … "99." or "a." … "z.". */
size_t ah_item_label_length(const char *t) {
  size_t n = 0;
  while (n < 2 && isdigit((unsigned char)t[n])) n++;
  if (!n && t[0] >= 'a' && t[0] <= 'z') n = 1;
  return n && t[n] == '.' ? n + 1 : 0;
}
