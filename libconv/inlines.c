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

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

void ah_add_inlines(ah_node *para, const ah_spans *spans, const ah_ints *notes) {
  ah_buf text = {0};
  for (size_t i = 0; i < spans->n; i++) {
    const ah_span *sp = &spans->items[i];
    int style = sp->style;
    bool raised = style & (AH_STYLE_SUP | AH_STYLE_NOTEREF);
    int number = 0;
    bool marker = raised && !(style & AH_STYLE_NOT_MARKER) && marker_number(sp->text, &number) &&
                  ((style & AH_STYLE_NOTEREF) || ah_ints_contains(notes, number));
    if (!marker && !(style & (AH_STYLE_SUP | AH_STYLE_SUB))) {
      ah_buf_puts(&text, sp->text);
      continue;
    }
    flush_text(para, &text);
    if (marker) {
      ah_node_set_note_number(ah_node_append(para, AH_NODE_NOTE_REF), number);
    } else {
      ah_node *el = ah_node_append(para, style & AH_STYLE_SUP ? AH_NODE_SUP : AH_NODE_SUB);
      char *t = ah_normalize_text(sp->text);
      ah_node_append_text(el, t, strlen(t));
      free(t);
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


