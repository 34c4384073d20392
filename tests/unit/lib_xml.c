/* lib_xml — converts one file through the library's memory interface and
 * prints the XML; the corpus test scores it like the CLI. */
#include "ahconv.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: lib_xml FILE\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  size_t cap = 1 << 16, len = 0;
  unsigned char *data = malloc(cap);
  size_t r;
  while (data && (r = fread(data + len, 1, cap - len, f)) > 0) {
    len += r;
    if (len == cap) data = realloc(data, cap *= 2);
  }
  fclose(f);
  if (!data) return 2;
  ah_error err;
  ah_doc *doc = ah_doc_open_memory(data, len, argv[1], AH_OPT_DEFAULT, &err);
  free(data);
  if (!doc) {
    fprintf(stderr, "%s: %s\n", argv[1], err.message);
    return 2;
  }
  size_t n;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &n, &err);
  ah_doc_free(doc);
  if (!xml) return 2;
  fwrite(xml, 1, n, stdout);
  free(xml);
  return 0;
}
