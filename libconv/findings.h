/* findings.h — the reporter and section helpers of verify.c and compare.c. */
#ifndef AHCONV_FINDINGS_H
#define AHCONV_FINDINGS_H

#include "document.h"

/* A finding as data (ahconv.h's ah_finding). */
struct ah_finding {
  ah_finding_class cls;
  const char *element, *what;
  const ah_node *node[2]; /* A (or the one document), B */
  bool has_words;
  size_t first[2], count[2]; /* differing words of node[side]'s compared text */
  int page;                  /* lost text: its page */
};

typedef struct {
  ah_finding_fn report;
  void *user;
  size_t count;
  ah_finding_ex_fn report_ex;
  void *user_ex;
  ah_finding next; /* what the next ah_say is about: set before it, cleared by it */
} reporter;

/* The next finding's class and nodes (either may be NULL). */
void ah_about(reporter *r, ah_finding_class cls, const ah_node *a, const ah_node *b);

/* Words as compare.c splits a text: at white space (a no-break space too). */
typedef struct {
  char **items;
  size_t n;
} ah_words;
ah_words ah_words_split(const char *text);
void ah_words_free(ah_words *w);

/* One finding: counted, and passed to the caller's function (if any). */
void ah_say(reporter *r, const char *element, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "Vraag 2 en 3" from the label, else the element and its numbers. */
void ah_section_name(const ah_node *s, char *out, size_t size);
/* Text of a section without its label, notes as [^n]; caller frees. */
char *ah_section_text(const ah_node *s);
/* A clean PDF read from its embedded XML (compare.c): its pages are read
 * too and every difference is a finding about the embedded tree. */
void ah_check_pages(reporter *r, const ah_doc *doc);
/* The root's first child of a type, NULL if none. */
const ah_node *ah_child_of_type(const ah_node *root, ah_node_type type);

#endif
