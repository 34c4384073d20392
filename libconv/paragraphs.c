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

/* The line-end decisions:
 *   - a URL broken at line end continues without a space, and keeps a hyphen
 *     it was broken at (the hyphen belongs to the address) — unless it ended
 *     in a full stop and the next line starts a sentence;
 *   - "word-" + lowercase continuation: a hyphenation, the hyphen goes;
 *   - "Zuid-" + "Holland", "CO2-" + "uitstoot" with a capital or digit: a real
 *     hyphen in a compound, kept, no space;
 *   - otherwise a line break is a space. */
void ah_join_line(ah_spans *para, ah_buf *text, const ah_spans *next, const char *next_text) {
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
    drop_tail(para, text, 1); /* a hyphenation: the hyphen goes */
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

