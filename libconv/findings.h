/* findings.h — the reporter and section helpers of verify.c and compare.c. */
#ifndef AHCONV_FINDINGS_H
#define AHCONV_FINDINGS_H

#include "document.h"

typedef struct {
  ah_finding_fn report;
  void *user;
  size_t count;
} reporter;

/* One finding: counted, and passed to the caller's function (if any). */
void ah_say(reporter *r, const char *element, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "Vraag 2 en 3" from the label, else the element and its numbers. */
void ah_section_name(const ah_node *s, char *out, size_t size);
/* Text of a section without its label, notes as [^n]; caller frees. */
char *ah_section_text(const ah_node *s);
/* The root's first child of a type, NULL if none. */
const ah_node *ah_child_of_type(const ah_node *root, ah_node_type type);

#endif
