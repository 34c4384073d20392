/* pdf_meta.c — the document tree in, the clean PDF's metadata values out.
 *
 * Takes: an ah_doc.  Gives: title ("Aanhangsel van de Handelingen, Tweede
 * Kamer 2023–2024, nr. 2210: onderwerp"), author (the askers), subject (the
 * omschrijvingen), keywords, creator, the document's own date and its id,
 * which pdf_finish.c writes into the information dictionary and the XMP.
 */
#include "pdf_meta.h"
#include "identity.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2023–2024" as printed, "" when unknown */
static void printed_year(const ah_doc *d, char out[24]) {
  char *line = ah_format_masthead_session(&ah_doc_meta(d)->session);
  snprintf(out, 24, "%s", line + strlen("Vergaderjaar "));
  free(line);
}

/* Title, author (the askers), subject (the omschrijvingen), keywords, the
 * document's own date (not the clock: the same document always gives the
 * same file) and its id: the tree's, nothing of the rendition it was read
 * from, so the PDF and the HTML of one document give the same file. */
void ah_pdf_meta_of(const ah_doc *d, ah_pdf_meta *m) {
  char year[24];
  printed_year(d, year);
  char *onderwerp = ah_omschrijving_meta(ah_doc_root(d), AH_NODE_ONDERWERP, " ", false);
  char *to = ah_omschrijving_meta(ah_doc_root(d), AH_NODE_ONTVANGER, ", ", false);
  ah_buf title = {0}, keywords = {0}, subject = {0}, text = {0};
  char *chamber_line = ah_format_masthead_chamber(ah_doc_meta(d)->kamer);
  /* "Tweede Kamer der Staten-Generaal" -> "Tweede Kamer" */
  ah_buf_printf(&title, "%s, %.*s %s, nr. %d", ah_series_name, (int)(strstr(chamber_line, " der ") - chamber_line),
                chamber_line, year, ah_doc_nummer(d));
  free(chamber_line);
  if (*onderwerp) ah_buf_printf(&title, ": %s", onderwerp);
  const char *id = ah_doc_id(d);
  ah_buf_printf(&keywords, "Kamervragen; %s%s%s", id ? id : "", *to ? "; " : "", to);
  for (const ah_node *om = ah_doc_root(d)->first; om; om = om->next)
    if (om->type == AH_NODE_OMSCHRIJVING) {
      char *t = ah_node_text(om);
      if (subject.len) ah_buf_putc(&subject, ' ');
      ah_buf_puts(&subject, t);
      free(t);
    }
  m->title = ah_buf_steal(&title);
  m->author = ah_omschrijving_meta(ah_doc_root(d), AH_NODE_VRAGENSTELLER, ", ", false);
  m->subject = ah_buf_steal(&subject);
  m->keywords = ah_buf_steal(&keywords);
  m->creator = ah_strdup(AH_CONVERTER);
  const char *date = ah_doc_ontvangen(d) ? ah_doc_ontvangen(d) : ah_doc_ingezonden(d);
  ah_buf_printf(&text, "%sT00:00:00Z", date ? date : "2000-01-01");
  m->date = ah_buf_steal(&text);
  m->id = ah_strdup(id);
  free(onderwerp);
  free(to);
}

void ah_pdf_meta_free(ah_pdf_meta *m) {
  free(m->title);
  free(m->author);
  free(m->subject);
  free(m->keywords);
  free(m->creator);
  free(m->producer);
  free(m->date);
  free(m->id);
  *m = (ah_pdf_meta){0};
}
