/* findings.c — what verify.c and compare.c share: the reporter that counts
 * findings and hands them to the caller, and how a section is named and
 * read for a finding. */
#include "findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
  free(what);
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
