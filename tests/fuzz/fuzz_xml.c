/* fuzz_xml.c — libFuzzer entry point for the publisher-XML reader and the
 * metadata-record reader.
 *
 * Sends any bytes through the whole public path a publisher XML document
 * takes (detection, gzip, the XML parser, the flow, structure, metadata,
 * the XML writer), then reads the same bytes as a metadata record attached
 * to a small fixed document and writes that document's XML, so fuzzed
 * record strings reach the registratie writer.  Build and run: see
 * "Fuzzing" in README.md.  run_seeds.c replays the seeds in the suite.
 */
#include "ahconv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base_xml[] =
    "<officiele-publicatie><kamervragen>"
    "<kamervraagkop><tekstregel inhoud=\"vergaderjaar\">Vergaderjaar 2025-2026</tekstregel>"
    "<tekstregel inhoud=\"kameraanduiding\">Tweede Kamer der Staten-Generaal</tekstregel></kamervraagkop>"
    "<kamervraagnummer>1</kamervraagnummer>"
    "<vraag><nr>Vraag 1</nr><al>Is dat zo?</al></vraag>"
    "<antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord>"
    "</kamervragen></officiele-publicatie>";

static void render(ah_doc *doc) {
  ah_error err;
  size_t len;
  free(ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ah_error err;
  ah_doc *doc = ah_doc_open_memory(data, size, "fuzz.xml", AH_OPT_DEFAULT, &err);
  if (doc) {
    render(doc);
    ah_doc_free(doc);
  }
  ah_doc *base = ah_doc_open_memory(base_xml, strlen(base_xml), "base.xml", AH_OPT_DEFAULT, &err);
  if (!base) abort(); /* the fixed document must always open */
  if (ah_doc_read_metadata_memory(base, data, size, &err) == AH_OK) {
    for (size_t i = 0; i < ah_doc_indiener_count(base); i++)
      if (!ah_doc_indiener(base, i)) abort();
    render(base);
  }
  ah_doc_free(base);
  return 0;
}
