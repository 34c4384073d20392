/* fuzz_html.c — libFuzzer entry point for the HTML reader.
 *
 * Feeds arbitrary bytes through the whole public path a page takes:
 * detection, gzip, the HTML parser, structure, metadata and the XML writer.
 * Build and run: see "Fuzzing" in README.md.  run_seeds.c calls the same
 * function on the seed files in the ordinary test suite, so the harness
 * keeps compiling and the seeds keep passing without clang.
 */
#include "ahconv.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ah_error err;
  ah_doc *doc = ah_doc_open_memory(data, size, "fuzz.html", AH_OPT_DEFAULT, &err);
  if (!doc) return 0;
  size_t len;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  free(xml);
  ah_doc_free(doc);
  return 0;
}
