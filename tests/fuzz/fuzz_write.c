/* fuzz_write.c — libFuzzer entry point for the writers.
 *
 * Any bytes that open as a document (PDF, HTML, publisher XML, gzip of
 * these) go through every writer: the clean PDF, which is then read back
 * both from its embedded XML and from its pages (and verify compares the
 * two), the JSON, the text and the findings report of the document against
 * its own clean PDF.  So a tree some reader builds that a writer cannot
 * set, or sets so that it does not read back, is found here, not by a user.
 * run_seeds.c calls the same function on the seed files in the suite.
 */
#include "ahconv.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const char *element, const char *what, void *user) {
  (void)element;
  (void)what;
  (void)user;
}

/* The clean PDF read back both ways, and the report of doc against it. */
static void read_back(const ah_doc *doc, const char *pdf, size_t len) {
  ah_error err;
  ah_doc *embedded = ah_doc_open_memory(pdf, len, "clean.pdf", AH_OPT_DEFAULT, &err);
  ah_doc *pages = ah_doc_open_memory(pdf, len, "clean.pdf", AH_OPT_NO_EMBED, &err);
  if (embedded) ah_verify(embedded, ignore, NULL);
  if (embedded && pages) ah_compare(embedded, pages, ignore, NULL);
  size_t n;
  char *report = pages ? ah_render_report_html(doc, pages, "doc", "clean.pdf", NULL, &n, &err) : NULL;
  free(report);
  ah_doc_free(embedded);
  ah_doc_free(pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ah_error err;
  ah_doc *doc = ah_doc_open_memory(data, size, "fuzz", AH_OPT_NO_METADATA_FILE, &err);
  if (!doc) return 0;
  size_t len;
  char *out = ah_render_json(doc, AH_OPT_DEFAULT, &len, &err);
  free(out);
  out = ah_render_text(doc, AH_OPT_DEFAULT, &len, &err);
  free(out);
  out = ah_render_pdf(doc, AH_OPT_DEFAULT, &len, &err);
  if (out) read_back(doc, out, len);
  free(out);
  ah_doc_free(doc);
  return 0;
}
