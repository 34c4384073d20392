/* report_units.c — what a findings report shows of a node.
 *
 * Takes: the node a finding concerns and, for a PDF, the words poppler
 * reads on its pages.  Gives: the node's blocks with the range of words of
 * its compared text each holds (so a difference "at word 9" is found in
 * its paragraph), and the printed boxes of given words: the block's words
 * aligned with the printed ones in order, a word broken over two lines
 * ("Ameri-" "kaanse") and a word with its marker glued on ("gesloten?3")
 * matched as one.
 */
#include "report_units.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void add_unit(report_units *u, const ah_node *n) {
  char *t = ah_node_text(n);
  ah_words w = ah_words_split(t);
  free(t);
  if (u->n == u->cap) {
    u->cap = u->cap ? u->cap * 2 : 8;
    u->items = ah_xreallocarray(u->items, u->cap, sizeof *u->items);
  }
  u->items[u->n++] = (report_unit){n, u->words, w.n};
  u->words += w.n;
  ah_words_free(&w);
}

void ah_report_units_of(const ah_node *node, report_units *out) {
  memset(out, 0, sizeof *out);
  ah_node_type t = ah_node_get_type(node);
  bool whole = t != AH_NODE_VRAAG && t != AH_NODE_ANTWOORD && t != AH_NODE_MEDEDELING && t != AH_NODE_NOOT;
  if (whole) {
    add_unit(out, node);
    return;
  }
  for (const ah_node *c = node->first; c; c = c->next) {
    if (c->type == AH_NODE_LABEL) continue;
    if (c->type == AH_NODE_LIST)
      for (const ah_node *item = c->first; item; item = item->next) add_unit(out, item);
    else add_unit(out, c);
  }
}

void ah_report_units_free(report_units *u) {
  free(u->items);
  memset(u, 0, sizeof *u);
}

/* Our word with the note references ("[^3]") taken out. */
static char *plain_word(const char *w) {
  ah_buf b = {0};
  ah_buf_puts(&b, "");
  for (const char *p = w; *p;) {
    if (p[0] == '[' && p[1] == '^') {
      const char *q = p + 2;
      while (isdigit((unsigned char)*q)) q++;
      if (*q == ']' && q > p + 2) {
        p = q + 1;
        continue;
      }
    }
    ah_buf_putc(&b, *p++);
  }
  return ah_buf_steal(&b);
}

/* The printed text matches the word: the same, or followed by the digits of
 * a marker the reader took apart. */
static bool same_word(const char *ours, const char *printed) {
  size_t n = strlen(ours);
  if (strncmp(ours, printed, n) != 0) return false;
  for (const char *p = printed + n; *p; p++)
    if (!isdigit((unsigned char)*p)) return false;
  return true;
}

/* How many printed words from k make up `ours` (a word broken at a line end
 * with or without its hyphen); 0 when they do not. */
static size_t match_at(const pdf_words *pw, size_t k, const char *ours) {
  ah_buf joined = {0}, unhyph = {0};
  size_t found = 0;
  for (size_t m = 0; m < 3 && k + m < pw->n && !found; m++) {
    const char *t = pw->items[k + m].text;
    ah_buf_puts(&joined, t);
    ah_buf_puts(&unhyph, t);
    if (same_word(ours, joined.data) || same_word(ours, unhyph.data)) found = m + 1;
    if (unhyph.len && unhyph.data[unhyph.len - 1] == '-') unhyph.data[--unhyph.len] = 0;
  }
  ah_buf_free(&joined);
  ah_buf_free(&unhyph);
  return found;
}

/* Aligns the unit's words with the printed words; the boxes of the words in
 * [first, first + count) are appended to marks. */
static void align(const pdf_words *pw, const ah_words *w, size_t first, size_t count, ah_box **marks, size_t *n) {
  enum { LOOK_AHEAD = 6 };
  size_t k = 0;
  for (size_t i = 0; i < w->n && k < pw->n; i++) {
    char *ours = plain_word(w->items[i]);
    size_t len = 0, at = k;
    for (size_t j = k; *ours && j < pw->n && j <= k + LOOK_AHEAD && !len; j++)
      if ((len = match_at(pw, j, ours))) at = j;
    free(ours);
    if (!len) continue;
    if (i >= first && i < first + count)
      for (size_t m = at; m < at + len; m++) {
        *marks = ah_xreallocarray(*marks, *n + 1, sizeof **marks);
        (*marks)[(*n)++] = pw->items[m].box;
      }
    k = at + len;
  }
}

void ah_report_word_boxes(report_pdf *pdf, const report_unit *unit, size_t first, size_t count, ah_box **marks,
                       size_t *n_marks) {
  if (!pdf || !count) return;
  pdf_words pw = {0};
  for (size_t i = 0; i < ah_node_get_box_count(unit->node); i++) {
    ah_box b;
    b.page = ah_node_get_box(unit->node, i, &b.x0, &b.y0, &b.x1, &b.y1);
    ah_report_pdf_words(pdf, &b, &pw);
  }
  char *t = ah_node_text(unit->node);
  ah_words w = ah_words_split(t);
  free(t);
  align(&pw, &w, first, count, marks, n_marks);
  ah_words_free(&w);
  ah_pdf_words_free(&pw);
}
