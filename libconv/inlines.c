/* inlines.c — a block's spans in, inline nodes out.
 *
 * Takes: the styled spans of one paragraph, list item, cell or note, and
 * the numbers of the document's notes.  Gives: text, url, noot-ref, sup
 * and sub nodes under the block's node, white space collapsed, web
 * addresses marked.  Readers of every rendition end here, so a paragraph
 * reads the same from PDF, HTML or a preview.
 */
#include "inlines.h"
#include "caps.h"
#include "paragraphs.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static bool url_char(unsigned char c) { return c > ' ' && c != '<' && c != '>' && c != '"'; }

/* The first bare host with a path ("nieuws.example.nl/2024/…") that starts
 * a word at or after p, before `limit` (NULL: anywhere). */
static const char *find_host_path(const char *text, const char *p, const char *limit) {
  for (; *p && (!limit || p < limit); p++) {
    bool word_start = p == text || !(isalnum((unsigned char)p[-1]) || strchr(".-/@:_%", p[-1]));
    if (word_start && isalnum((unsigned char)*p) && ah_scan_host_path(p)) return p;
  }
  return NULL;
}

/* Where the next web address starts: http(s)://, www. at a word start, or a
 * bare host with a path; NULL if none. */
static const char *find_address(const char *text, const char *p) {
  const char *h1 = strstr(p, "http://"), *h2 = strstr(p, "https://"), *w = strstr(p, "www.");
  const char *u = NULL;
  if (h1) u = h1;
  if (h2 && (!u || h2 < u)) u = h2;
  if (w && (!u || w < u) && (w == text || !isalnum((unsigned char)w[-1]))) u = w;
  const char *bare = find_host_path(text, p, u);
  return bare ? bare : u;
}

/* Text with web addresses marked: http(s)://…, www.… and host/path up to
 * white space, minus trailing sentence punctuation, closing quotes and an
 * unbalanced closing parenthesis. */
void ah_append_inline_text(ah_node *parent, const char *text) {
  const char *p = text;
  while (*p) {
    const char *u = find_address(text, p);
    if (!u) break;
    const char *e = u;
    while (url_char((unsigned char)*e)) e++;
    int depth = 0;
    for (const char *q = u; q < e; q++) depth += (*q == '(') - (*q == ')');
    for (;;) { /* sentence punctuation, an unbalanced ")", a closing quote ("…/2018.»") */
      if (e > u && (strchr(".,;:!?", e[-1]) || (e[-1] == ')' && depth < 0))) {
        if (e[-1] == ')') depth++;
        e--;
      } else if (e - u > 2 && (!memcmp(e - 2, "\xC2\xBB", 2))) {
        e -= 2; /* » */
      } else if (e - u > 3 && (!memcmp(e - 3, "\xE2\x80\x9D", 3) || !memcmp(e - 3, "\xE2\x80\x99", 3))) {
        e -= 3; /* ” ’ */
      } else {
        break;
      }
    }
    const char *slashes = strstr(u, "//");
    size_t scheme = ah_starts_with(u, "www.") ? 4 : slashes && slashes < e ? (size_t)(slashes + 2 - u) : 0;
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

/* A marker's text: digits, perhaps with spaces around or between them
 * ("1 2" is read as 1, the first number, as before).  false for anything
 * else and for numbers past the cap. */
static bool marker_number(const char *s, int *number) {
  const char *t = s;
  while (*t == ' ') t++;
  if (!*t) return false;
  for (const char *p = t; *p; p++)
    if (!isdigit((unsigned char)*p) && *p != ' ') return false;
  const char *end;
  return ah_parse_uint(t, AH_MAX_NOTE_NUMBER, number, &end);
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
  char *t = ah_normalize_text(text->data);
  ah_buf b = {0};
  if (lead) ah_buf_putc(&b, ' ');
  ah_buf_puts(&b, t);
  if (trail && *t) ah_buf_putc(&b, ' ');
  if (b.len) ah_append_inline_text(para, b.data);
  ah_buf_free(&b);
  free(t);
  text->len = 0;
}

static void add_small(ah_node *para, ah_node_type type, const char *text, size_t len) {
  char *raw = ah_strndup(text, len);
  char *t = ah_normalize_text(raw);
  ah_node_append_text(ah_node_append(para, type), t, strlen(t));
  free(t);
  free(raw);
}

/* Lowered and raised digits in one box ("CO₂³" read as "23"): the
 * subscript first, then the marker — the longest ending that names a note
 * and leaves a digit before it.  Without such an ending all is subscript. */
/* A marker: its number, and the page it was printed on (0: unknown). */
static void add_marker(ah_node *para, int number, int page) {
  ah_node *ref = ah_node_append(para, AH_NODE_NOTE_REF);
  ah_node_set_note_number(ref, number);
  ref->page_first = ref->page_last = page;
}

static void add_mixed_digits(ah_node *para, const char *digits, const ah_ints *notes, int page) {
  size_t n = strlen(digits);
  for (size_t cut = 1; cut < n; cut++) {
    int number;
    const char *end;
    if (ah_parse_uint(digits + cut, AH_MAX_NOTE_NUMBER, &number, &end) && !*end && ah_ints_contains(notes, number)) {
      add_small(para, AH_NODE_SUB, digits, cut);
      add_marker(para, number, page);
      return;
    }
  }
  add_small(para, AH_NODE_SUB, digits, n);
}

static bool is_mixed(int style) { return (style & AH_STYLE_SUP) && (style & AH_STYLE_SUB); }

/* Raised digits that name no note but are markers side by side, printed
 * without a gap ("¹²" for notes 1 and 2): consecutive numbers of known
 * notes that use up every digit.  Only consecutive ones: a real
 * superscript is not cut into arbitrary notes.  The first number's length
 * decides the rest; the numbers go to *out. */
static bool adjacent_markers(const char *digits, const ah_ints *notes, ah_ints *out) {
  size_t n = strlen(digits);
  for (size_t first = 1; first < n && first <= 4; first++) {
    out->n = 0;
    const char *p = digits;
    int want = 0;
    while (*p) {
      int number;
      const char *end;
      char piece[8];
      size_t len = want ? (size_t)snprintf(piece, sizeof piece, "%d", want) : first;
      if (len > strlen(p) || len >= sizeof piece) break;
      memcpy(piece, p, len);
      piece[len] = 0;
      if (!ah_parse_uint(piece, AH_MAX_NOTE_NUMBER, &number, &end) || *end || (want && number != want) ||
          !ah_ints_contains(notes, number))
        break;
      ah_ints_push(out, number);
      want = number + 1;
      p += len;
    }
    if (!*p && out->n >= 2) return true;
  }
  out->n = 0;
  return false;
}

static bool only_spaces(const char *t) { return !t[strspn(t, " ")]; }

/* Two markers printed as older renditions do, "¹˒ ²": raised digits naming
 * a known note, then a raised comma (or "˒") and spaces, and the next
 * marker raised after them.  The separator is no text (spec: two noot-refs).
 * Returns how many spans after i the separator's spaces take (0 or 1), or
 * -1 when spans[i] is no such marker; its number goes to *number. */
static int marker_before_separator(const ah_spans *spans, size_t i, const ah_ints *notes, int *number) {
  const ah_span *sp = &spans->items[i];
  if (!(sp->style & AH_STYLE_SUP) || (sp->style & AH_STYLE_NOT_MARKER)) return -1;
  const char *t = sp->text, *end;
  size_t d = strspn(t, "0123456789");
  if (!d || d > 4) return -1;
  const char *sep = t + d;
  if (*sep == ',') sep++;
  else if (!strncmp(sep, "\xCB\x92", 2)) sep += 2; /* U+02D2 ˒ */
  else return -1;
  if (!only_spaces(sep)) return -1;
  char digits[8];
  memcpy(digits, t, d);
  digits[d] = 0;
  if (!ah_parse_uint(digits, AH_MAX_NOTE_NUMBER, number, &end) || *end || !ah_ints_contains(notes, *number))
    return -1;
  size_t k = i + 1;
  int skip = 0;
  if (k < spans->n && !(spans->items[k].style & (AH_STYLE_SUP | AH_STYLE_NOTEREF)) && only_spaces(spans->items[k].text))
    k++, skip = 1;
  if (k >= spans->n) return -1;
  const ah_span *next = &spans->items[k];
  bool raised_digit = (next->style & AH_STYLE_SUP) && isdigit((unsigned char)next->text[0]);
  return raised_digit || (next->style & AH_STYLE_NOTEREF) ? skip : -1;
}

void ah_add_inlines(ah_node *para, const ah_spans *spans, const ah_ints *notes) {
  ah_buf text = {0};
  for (size_t i = 0; i < spans->n; i++) {
    const ah_span *sp = &spans->items[i];
    int style = sp->style, before_separator;
    int skip = marker_before_separator(spans, i, notes, &before_separator);
    if (skip >= 0) {
      flush_text(para, &text);
      add_marker(para, before_separator, sp->page);
      i += (size_t)skip;
      continue;
    }
    if (is_mixed(style) && ah_is_digits(sp->text)) {
      flush_text(para, &text);
      add_mixed_digits(para, sp->text, notes, sp->page);
      continue;
    }
    if (style & AH_STYLE_NOTEREF) { /* the reader knew it: a marker by number */
      flush_text(para, &text);
      add_marker(para, sp->note, sp->page);
      continue;
    }
    bool raised = style & AH_STYLE_SUP;
    int number = 0;
    bool marker = raised && !(style & AH_STYLE_NOT_MARKER) && marker_number(sp->text, &number) &&
                  ah_ints_contains(notes, number);
    if (!marker && !(style & (AH_STYLE_SUP | AH_STYLE_SUB))) {
      ah_buf_puts(&text, sp->text);
      continue;
    }
    ah_ints several = {0};
    if (!marker && raised && !(style & AH_STYLE_NOT_MARKER) && ah_is_digits(sp->text) &&
        adjacent_markers(sp->text, notes, &several)) {
      flush_text(para, &text);
      for (size_t k = 0; k < several.n; k++) add_marker(para, several.items[k], sp->page);
      ah_ints_free(&several);
      continue;
    }
    ah_ints_free(&several);
    flush_text(para, &text);
    if (marker) {
      add_marker(para, number, sp->page);
    } else {
      add_small(para, style & AH_STYLE_SUP ? AH_NODE_SUP : AH_NODE_SUB, sp->text, strlen(sp->text));
    }
  }
  flush_text(para, &text);
  ah_buf_free(&text);
  /* no trailing space at the end of a paragraph */
  if (para->last && para->last->type == AH_NODE_TEXT) {
    char *l = para->last->as.literal;
    size_t n = strlen(l);
    while (n && l[n - 1] == ' ') l[--n] = 0;
    if (!n) ah_node_unlink_free(para->last); /* a text node holds text */
  }
}


