/* pdf_embed.c — the normalized XML a clean PDF carries, made when the PDF
 * is written (source_embedded.c finds and checks it when a PDF is read).
 *
 * Takes the document and where the typesetter put each section and
 * note; gives the XML of the clean PDF itself: its bron says formaat "pdf",
 * the clean PDF's page count and this converter (no file name and no
 * checksum: a file cannot hold its own), its pagina attributes are pages of
 * the clean PDF.  So reading the PDF by its embedded XML gives what reading
 * its pages gives.  The tree is copied by reading the document's own XML
 * back (source_ownxml.c), which also proves every PDF's XML can be read.
 */
#include "pdf_embed.h"
#include "source_ownxml.h"

#include <stdlib.h>
#include <string.h>

static bool is_section(const ah_node *n) {
  return n->type == AH_NODE_VRAAG || n->type == AH_NODE_ANTWOORD || n->type == AH_NODE_MEDEDELING;
}

/* The pages of the clean PDF on each section and note, in document order. */
static bool set_pages(ah_node *root, const ah_ints *section_pages, const int *note_pages, size_t n_notes) {
  size_t s = 0, k = 0;
  for (ah_node *c = root->first; c; c = c->next) {
    if (is_section(c)) {
      if (s + 1 >= section_pages->n) return false;
      c->page_first = section_pages->items[s++];
      c->page_last = section_pages->items[s++];
    }
    for (ah_node *note = c->type == AH_NODE_NOTEN ? c->first : NULL; note; note = note->next) {
      if (k >= n_notes) return false;
      note->page_first = note_pages[2 * k];
      note->page_last = note_pages[2 * k + 1];
      k++;
    }
  }
  return s == section_pages->n && k == n_notes;
}

char *ah_pdf_embedded_xml(const ah_doc *doc, const ah_ints *section_pages, const int *note_pages, size_t n_notes,
                          int pages, size_t *len, ah_error *err) {
  size_t n;
  char *own = ah_render_xml(doc, AH_OPT_DEFAULT, &n, err);
  if (!own) return NULL;
  ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
  ah_docmeta meta = {0};
  ah_dates dates;
  memset(&dates, 0, sizeof dates);
  ah_ownxml_source src;
  bool ok = ah_source_ownxml(own, n, root, &meta, &dates, &src) == 0 &&
            set_pages(root, section_pages, note_pages, n_notes);
  free(own);
  ah_docmeta_free(&meta);
  ah_ownxml_source_free(&src);
  char *xml = NULL;
  if (ok) {
    ah_doc *view = ah_doc_view(doc, root, "pdf", pages); /* the clean PDF as its own rendition */
    xml = ah_render_xml(view, AH_OPT_DEFAULT, len, err);
    ah_doc_view_free(view);
  } else {
    ah_error_set(err, AH_ERROR_RENDER, "the document's XML does not read back for embedding");
  }
  ah_node_free_tree(root);
  return xml;
}
