/* fuzz_pdf.c — libFuzzer entry point for the PDF reader.
 *
 * Feeds arbitrary bytes through the public path a PDF takes: detection,
 * gzip, poppler, the layout stage with its furniture and note zones, the
 * structure, the XML writer and verify (the loss accounting included).
 * Its seeds are PDFs the project made (tests/fuzz/seeds-pdf: generated
 * documents and a clean PDF); the corpus PDFs in ../shared can be added as
 * a further seed folder when fuzzing (README, "Fuzzing").  run_seeds.c
 * replays the seeds in the ordinary test suite.
 */
#include "ahconv.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const char *element, const char *what, void *user) {
  (void)element, (void)what, (void)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ah_error err;
  ah_doc *doc = ah_doc_open_memory(data, size, "fuzz.pdf", AH_OPT_DEFAULT, &err);
  if (!doc) return 0;
  size_t len;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  free(xml);
  ah_verify(doc, ignore, NULL);
  ah_doc_free(doc);
  return 0;
}
