/* bench_convert.c — benchmark driver: converts every file named on the
 * command line in one process, the way `ahconv convert` would, rendering
 * the XML to memory and throwing it away; with --pdf the clean PDF as well.
 *
 *   ahconv_bench [--pdf] FILE...
 *
 * Prints one line per failed file to stderr and exits 1 if any failed,
 * 2 on a usage error, 0 otherwise.  Used by tests/bench/bench.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ahconv.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return 2;
  }
  int failures = 0, first = 1;
  size_t bytes = 0;
  int pdf = argc > 1 && strcmp(argv[1], "--pdf") == 0;
  if (pdf) first = 2;
  for (int i = first; i < argc; i++) {
    ah_error err = {AH_OK, ""};
    ah_doc *doc = ah_doc_open_file(argv[i], AH_OPT_DEFAULT, &err);
    if (!doc) {
      fprintf(stderr, "%s: %s: %s\n", argv[i], ah_status_string(err.code),
              err.message);
      failures++;
      continue;
    }
    size_t len = 0;
    char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
    if (!xml) {
      fprintf(stderr, "%s: %s: %s\n", argv[i], ah_status_string(err.code),
              err.message);
      failures++;
    } else {
      bytes += len;
      free(xml);
    }
    if (pdf) {
      char *out = ah_render_pdf(doc, AH_OPT_DEFAULT, &len, &err);
      if (!out) {
        fprintf(stderr, "%s: %s: %s\n", argv[i], ah_status_string(err.code), err.message);
        failures++;
      }
      bytes += out ? len : 0;
      free(out);
    }
    ah_doc_free(doc);
  }
  if (failures)
    fprintf(stderr, "%d of %d file(s) failed\n", failures, argc - 1);
  /* Keep the rendered size observable so the work is not optimized away. */
  if (getenv("AHCONV_BENCH_VERBOSE"))
    fprintf(stderr, "%d file(s), %zu bytes of XML\n", argc - 1, bytes);
  return failures ? 1 : 0;
}
