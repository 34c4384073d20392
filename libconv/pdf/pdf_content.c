/* pdf_content.c — a page's content stream in, the same stream out with its
 * marked-content sequences tagged as what they are (pdf_content.h).
 *
 * Takes: the decoded content of one page as cairo wrote it, and for each
 * MCID the structure type of its element or the artifact it is.  Gives: the
 * content with cairo's "/Span << /MCID n >> BDC" operators rewritten as
 * "/P << /MCID n >> BDC" and its "/Private << /MCID n >> BDC" (furniture)
 * as "/Artifact << properties >> BDC"; everything else byte for byte.  The
 * stream is read as PDF tokens (strings, names, dictionaries, inline
 * images), so nothing inside a string is ever taken for an operator.
 */
#include "pdf_content.h"
#include "buffer.h"

#include <stdlib.h>
#include <string.h>

static bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || !c; }
static bool is_delim(unsigned char c) { return c && strchr("()<>[]{}/%", c) != NULL; }

typedef enum { T_END, T_NAME, T_DICT_OPEN, T_DICT_CLOSE, T_STRING, T_NUMBER, T_OTHER, T_OPERATOR } token_kind;

typedef struct {
  const char *s;
  size_t n, i;
  size_t start; /* of the last token */
} lexer;

static void skip_literal_string(lexer *lx) {
  int depth = 1;
  lx->i++;
  while (lx->i < lx->n && depth) {
    char c = lx->s[lx->i++];
    if (c == '\\') lx->i++;
    else if (c == '(') depth++;
    else if (c == ')') depth--;
  }
}

/* An inline image's data runs from after "ID" and one white space to "EI"
 * standing alone. */
static void skip_inline_image(lexer *lx) {
  lx->i++;
  while (lx->i + 2 <= lx->n) {
    if (is_space((unsigned char)lx->s[lx->i - 1]) && !memcmp(lx->s + lx->i, "EI", 2) &&
        (lx->i + 2 == lx->n || is_space((unsigned char)lx->s[lx->i + 2]))) {
      lx->i += 2;
      return;
    }
    lx->i++;
  }
  lx->i = lx->n;
}

static token_kind next_token(lexer *lx) {
  for (;;) {
    while (lx->i < lx->n && is_space((unsigned char)lx->s[lx->i])) lx->i++;
    if (lx->i < lx->n && lx->s[lx->i] == '%') {
      while (lx->i < lx->n && lx->s[lx->i] != '\n' && lx->s[lx->i] != '\r') lx->i++;
      continue;
    }
    break;
  }
  lx->start = lx->i;
  if (lx->i >= lx->n) return T_END;
  char c = lx->s[lx->i];
  if (c == '(') return skip_literal_string(lx), T_STRING;
  if (c == '<' && lx->i + 1 < lx->n && lx->s[lx->i + 1] == '<') return lx->i += 2, T_DICT_OPEN;
  if (c == '>' && lx->i + 1 < lx->n && lx->s[lx->i + 1] == '>') return lx->i += 2, T_DICT_CLOSE;
  if (c == '<') {
    while (lx->i < lx->n && lx->s[lx->i] != '>') lx->i++;
    lx->i += lx->i < lx->n;
    return T_STRING;
  }
  if (is_delim((unsigned char)c) && c != '/') return lx->i++, T_OTHER; /* [ ] { } and a stray ) or > */
  lx->i++;
  while (lx->i < lx->n && !is_space((unsigned char)lx->s[lx->i]) && !is_delim((unsigned char)lx->s[lx->i])) lx->i++;
  if (c == '/') return T_NAME;
  if (strchr("+-.0123456789", c)) return T_NUMBER;
  if (lx->i - lx->start == 4 && !memcmp(lx->s + lx->start, "true", 4)) return T_OTHER;
  if (lx->i - lx->start == 5 && !memcmp(lx->s + lx->start, "false", 5)) return T_OTHER;
  if (lx->i - lx->start == 4 && !memcmp(lx->s + lx->start, "null", 4)) return T_OTHER;
  return T_OPERATOR;
}

static bool token_is(const lexer *lx, const char *word) {
  size_t len = strlen(word);
  return lx->i - lx->start == len && !memcmp(lx->s + lx->start, word, len);
}

/* Operators that paint: text showing, path painting, shadings, XObjects. */
static bool paints(const lexer *lx) {
  static const char *const ops[] = {"Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"};
  for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
    if (token_is(lx, ops[k])) return true;
  return false;
}

static const ah_content_mark *mark_of(const ah_content_mark *marks, size_t n, long mcid) {
  for (size_t k = 0; k < n && mcid >= 0; k++)
    if (marks[k].mcid == mcid) return &marks[k];
  return NULL;
}

char *ah_pdf_mark_content(const char *content, size_t len, const ah_content_mark *marks, size_t n_marks,
                          size_t *out_len, size_t *untagged) {
  lexer lx = {content, len, 0, 0};
  ah_buf out = {0};
  size_t copied = 0, dict_depth = 0, depth = 0;
  long first = -1, mcid = -1; /* the current operator's first operand; the MCID among them */
  bool mcid_next = false;
  *untagged = 0;
  token_kind k;
  while ((k = next_token(&lx)) != T_END) {
    if (k != T_OPERATOR && first < 0) first = (long)lx.start;
    if (k == T_DICT_OPEN || k == T_DICT_CLOSE) {
      dict_depth = k == T_DICT_OPEN ? dict_depth + 1 : dict_depth - (dict_depth > 0);
      continue;
    }
    if (dict_depth) {
      if (mcid_next && k == T_NUMBER) mcid = strtol(lx.s + lx.start, NULL, 10);
      mcid_next = k == T_NAME && token_is(&lx, "/MCID");
      continue;
    }
    if (k != T_OPERATOR) continue;
    if (token_is(&lx, "ID")) skip_inline_image(&lx);
    bool bdc = token_is(&lx, "BDC");
    if (bdc || token_is(&lx, "BMC")) depth++;
    else if (token_is(&lx, "EMC") && depth) depth--;
    else if (!depth && paints(&lx)) ++*untagged;
    const ah_content_mark *mark = bdc && first >= 0 ? mark_of(marks, n_marks, mcid) : NULL;
    if (mark) {
      ah_buf_put(&out, content + copied, (size_t)first - copied);
      if (mark->tag) ah_buf_printf(&out, "/%s << /MCID %ld >> BDC", mark->tag, mcid);
      else ah_buf_printf(&out, "/Artifact << %s >> BDC", mark->properties);
      copied = lx.i;
    }
    first = mcid = -1;
    mcid_next = false;
  }
  ah_buf_put(&out, content + copied, len - copied);
  *out_len = out.len;
  return ah_buf_steal(&out);
}
