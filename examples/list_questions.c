/* list_questions — prints each question (vraag) of an Aanhangsel document:
 * its numbers and the first words of its text.
 *
 *   list_questions FILE
 *
 * Output, one line per vraag:  Vraag 1: Hoe kan het dat de knelpunten die ...
 * Exit status: 0 ok, 2 when FILE cannot be opened or converted. */
#include <ahconv.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 8

static void print_words(const char *text, int n) {
  const char *p = text + strspn(text, " \t\n");
  for (int i = 0; *p; i++) {
    size_t len = strcspn(p, " \t\n");
    if (i == n) { fputs(" ...", stdout); break; }
    printf("%s%.*s", i ? " " : "", (int)len, p);
    p += len;
    p += strspn(p, " \t\n");
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  ah_error err;
  ah_doc *doc = ah_doc_open_file(argv[1], AH_OPT_DEFAULT, &err);
  if (!doc) {
    fprintf(stderr, "%s: %s\n", argv[1], err.message);
    return 2;
  }
  ah_iter *it = ah_iter_new(ah_doc_root(doc));
  if (!it) {
    fprintf(stderr, "%s: %s\n", argv[1], ah_status_string(AH_ERROR_NOMEM));
    ah_doc_free(doc);
    return 2;
  }
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *node = ah_iter_get_node(it);
    if (ev != AH_EVENT_ENTER || ah_node_get_type(node) != AH_NODE_VRAAG)
      continue;
    const int *nums;
    size_t count = ah_node_get_numbers(node, &nums);
    fputs("Vraag ", stdout);
    for (size_t i = 0; i < count; i++)
      printf("%s%d", i ? ", " : "", nums[i]);
    fputs(":", stdout);
    ah_node *al = ah_node_first_child(node);
    while (al && ah_node_get_type(al) != AH_NODE_PARAGRAPH)
      al = ah_node_next(al);
    char *text = al ? ah_node_text(al) : NULL;
    if (text && *text) {
      fputs(" ", stdout);
      print_words(text, WORDS);
    }
    free(text);
    putchar('\n');
  }
  ah_iter_free(it);
  ah_doc_free(doc);
  return 0;
}
