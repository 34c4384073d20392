/* findings.c — what verify.c and compare.c share: the reporter that counts
 * findings and hands them to the caller, and how a section is named and
 * read for a finding. */
#include "findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ah_say(reporter *r, const char *element, const char *fmt, ...) {
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
  if (r->report_ex) {
    ah_finding f = r->next;
    f.element = element;
    f.what = what;
    r->report_ex(&f, r->user_ex);
  }
  memset(&r->next, 0, sizeof r->next);
  free(what);
}

void ah_about(reporter *r, ah_finding_class cls, const ah_node *a, const ah_node *b) {
  r->next.cls = cls;
  r->next.node[0] = a;
  r->next.node[1] = b;
}

ah_words ah_words_split(const char *text) {
  ah_words w = {0};
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

void ah_words_free(ah_words *w) {
  for (size_t i = 0; i < w->n; i++) free(w->items[i]);
  free(w->items);
  memset(w, 0, sizeof *w);
}

ah_finding_class ah_finding_get_class(const ah_finding *f) { return f ? f->cls : 0; }
const char *ah_finding_get_element(const ah_finding *f) { return f ? f->element : NULL; }
const char *ah_finding_get_what(const ah_finding *f) { return f ? f->what : NULL; }
const ah_node *ah_finding_get_node(const ah_finding *f, int side) {
  return f && (side == 0 || side == 1) ? f->node[side] : NULL;
}
int ah_finding_get_words(const ah_finding *f, int side, size_t *first, size_t *count) {
  if (!f || !f->has_words || (side != 0 && side != 1)) return 0;
  if (first) *first = f->first[side];
  if (count) *count = f->count[side];
  return 1;
}
int ah_finding_get_page(const ah_finding *f) { return f ? f->page : 0; }

const char *ah_finding_class_string(ah_finding_class cls) {
  switch (cls) {
  case AH_FINDING_METADATA: return "metadata";
  case AH_FINDING_TEXT: return "text";
  case AH_FINDING_MISSING: return "missing";
  case AH_FINDING_NUMBERING: return "numbering";
  case AH_FINDING_NOTES: return "notes";
  case AH_FINDING_LOST: return "lost";
  case AH_FINDING_CHARACTERS: return "characters";
  }
  return "other";
}

/* "Vraag 2 en 3" from the label, else the element and its numbers. */
void ah_section_name(const ah_node *s, char *out, size_t size) {
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
char *ah_section_text(const ah_node *s) {
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

const ah_node *ah_child_of_type(const ah_node *root, ah_node_type type) {
  for (const ah_node *c = root->first; c; c = c->next)
    if (c->type == type) return c;
  return NULL;
}
