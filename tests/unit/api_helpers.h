/* api_helpers.h — small helpers for unit tests written against the public
 * API only (include/ahconv.h): they open in-memory pages and walk the tree
 * with ah_node_* and ah_iter_*, never touching the library's internals, so
 * the tests survive a restructure of libconv/.  Include after harness.h. */
#ifndef AHCONV_TEST_API_HELPERS_H
#define AHCONV_TEST_API_HELPERS_H
#include "ahconv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens an HTML page held in a string, named "test.html". */
static inline ah_doc *open_html(const char *html, ah_error *err) {
  return ah_doc_open_memory(html, strlen(html), "test.html", AH_OPT_DEFAULT, err);
}

/* The k-th (from 0) child of `parent` of the given type, or NULL. */
static inline ah_node *nth_child(const ah_node *parent, ah_node_type type, int k) {
  for (ah_node *c = ah_node_first_child(parent); c; c = ah_node_next(c))
    if (ah_node_get_type(c) == type && k-- == 0) return c;
  return NULL;
}

/* The number of children of `parent`. */
static inline int count_children(const ah_node *parent) {
  int n = 0;
  for (ah_node *c = ah_node_first_child(parent); c; c = ah_node_next(c)) n++;
  return n;
}

/* How many nodes of `type` the iterator enters below (and at) `root`. */
static inline int count_type(ah_node *root, ah_node_type type) {
  int n = 0;
  ah_iter *it = ah_iter_new(root);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE)
    if (ev == AH_EVENT_ENTER && ah_node_get_type(ah_iter_get_node(it)) == type) n++;
  ah_iter_free(it);
  return n;
}

/* The types of the children of `parent` as their element names, joined by
 * spaces ("omschrijving vraag antwoord noten"); caller frees. */
static inline char *child_types(const ah_node *parent) {
  size_t cap = 64, len = 0;
  char *s = malloc(cap);
  s[0] = 0;
  for (ah_node *c = ah_node_first_child(parent); c; c = ah_node_next(c)) {
    const char *name = ah_node_type_string(ah_node_get_type(c));
    size_t n = strlen(name);
    while (len + n + 2 > cap) s = realloc(s, cap *= 2);
    if (len) s[len++] = ' ';
    memcpy(s + len, name, n + 1);
    len += n;
  }
  return s;
}

/* The numbers of a vraag/antwoord as "2 3"; caller frees. */
static inline char *numbers_of(const ah_node *n) {
  const int *nums;
  size_t count = ah_node_get_numbers(n, &nums);
  char *s = malloc(count * 12 + 1);
  size_t len = 0;
  s[0] = 0;
  for (size_t i = 0; i < count; i++) len += (size_t)sprintf(s + len, i ? " %d" : "%d", nums[i]);
  return s;
}

/* ah_node_text of a node (NULL node: the check fails with "(null)"). */
#define CHECK_TEXT(node, want)                                                       \
  do {                                                                               \
    const ah_node *n_ = (node);                                                      \
    char *t_ = n_ ? ah_node_text(n_) : NULL;                                         \
    CHECK_STR(t_, want);                                                             \
    free(t_);                                                                        \
  } while (0)

#define CHECK_CHILD_TYPES(node, want)                                                \
  do {                                                                               \
    char *t_ = child_types(node);                                                    \
    CHECK_STR(t_, want);                                                             \
    free(t_);                                                                        \
  } while (0)

#define CHECK_NUMBERS(node, want)                                                    \
  do {                                                                               \
    char *t_ = numbers_of(node);                                                     \
    CHECK_STR(t_, want);                                                             \
    free(t_);                                                                        \
  } while (0)

#endif
