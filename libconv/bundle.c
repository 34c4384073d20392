/* bundle.c — a PDF file's documents, one or several.
 *
 * Takes: the bytes of a PDF.  Gives: per document it holds, the flow, the
 * document facts and the losses the layout stage finds, and the pages it
 * takes in the file.
 *
 * A file can hold several documents joined (a bundle): each opens with its
 * own masthead (layout.c finds them by position and type, as it finds the
 * first).  Read as one, the second masthead and omschrijving would become
 * paragraphs of an answer and its number and id would be dropped; so each
 * document is laid out on its own pages, and the caller either refuses the
 * bundle (ah_read_pdf, reader.c, with ah_pdf_parts_refuse) or opens every
 * document (document.c's split entry points).
 */
#include "bundle.h"
#include "layout.h"
#include "source_pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lines of pages [first, last) as a view into all, their pages
 * counted from the first (the lines are given page by page). */
static ah_lines part_view(ah_lines *all, int first, int last) {
  size_t from = 0, to;
  while (from < all->n && all->items[from].page < first) from++;
  for (to = from; to < all->n && all->items[to].page < last; to++) {
    ah_line *ln = &all->items[to];
    ln->page -= first;
    for (size_t k = 0; k < ln->spans.n; k++)
      if (ln->spans.items[k].page > 0) ln->spans.items[k].page -= first;
  }
  /* a PDF with no text has no lines at all: no pointer arithmetic on NULL */
  ah_lines view = {all->items ? all->items + from : NULL, to - from, 0, last - first, all->page_width,
                   all->page_height};
  return view;
}

/* The source's losses of pages [first, last), their pages counted from
 * the first, into the part's. */
static void take_losses(const ah_losses *all, int first, int last, ah_losses *out) {
  for (size_t i = 0; i < all->n; i++) {
    const ah_lost *l = &all->items[i];
    if (l->page > first && l->page <= last) ah_losses_add(out, l->kind, l->page - first, l->text);
  }
}

static int lay_out(ah_lines *all, const ah_losses *source_losses, int first, int last, ah_pdf_part *part,
                   ah_error *err) {
  memset(part, 0, sizeof *part);
  part->page_first = first + 1;
  part->page_last = last;
  take_losses(source_losses, first, last, &part->reading.losses);
  ah_lines view = part_view(all, first, last);
  return ah_layout(&view, &part->reading.flow, &part->reading.meta, &part->reading.losses, err);
}

int ah_pdf_read_parts(const void *data, size_t len, ah_pdf_part **parts, size_t *n, ah_error *err) {
  *parts = NULL;
  *n = 0;
  ah_lines lines;
  ah_losses source_losses = {0};
  if (ah_source_pdf(data, len, &lines, &source_losses, err) != 0) {
    ah_losses_free(&source_losses);
    return -1;
  }
  int *starts;
  size_t count = ah_layout_document_starts(&lines, &starts);
  ah_pdf_part *out = ah_xcalloc(count, sizeof *out);
  int rc = 0;
  size_t done = 0;
  for (; done < count && rc == 0; done++) {
    int last = done + 1 < count ? starts[done + 1] : lines.pages;
    rc = lay_out(&lines, &source_losses, starts[done], last, &out[done], err);
  }
  free(starts);
  ah_lines_free(&lines);
  ah_losses_free(&source_losses);
  if (rc != 0) {
    ah_pdf_parts_free(out, done);
    return -1;
  }
  *parts = out;
  *n = count;
  return 0;
}

void ah_pdf_parts_free(ah_pdf_part *parts, size_t n) {
  /* a part's reading is a flow, never a tree: freed here, so that this
   * file depends on reader.c's type only, not on its functions */
  for (size_t i = 0; parts && i < n; i++) {
    ah_flow_free(&parts[i].reading.flow);
    ah_docmeta_free(&parts[i].reading.meta);
    ah_losses_free(&parts[i].reading.losses);
  }
  free(parts);
}

void ah_pdf_parts_refuse(const ah_pdf_part *parts, size_t n, ah_error *err) {
  ah_buf msg = {0};
  ah_buf_printf(&msg, "holds %zu documents: ", n);
  size_t room = sizeof err->message - 24; /* ", and 9999 more" fits after */
  for (size_t i = 0; i < n; i++) {
    char name[64], pages[48], one[160];
    if (parts[i].reading.meta.id) snprintf(name, sizeof name, "%.60s", parts[i].reading.meta.id);
    else snprintf(name, sizeof name, "document %zu without an id", i + 1);
    if (parts[i].page_first == parts[i].page_last) snprintf(pages, sizeof pages, "page %d", parts[i].page_first);
    else snprintf(pages, sizeof pages, "pages %d-%d", parts[i].page_first, parts[i].page_last);
    snprintf(one, sizeof one, "%s%s (%s)", i ? ", " : "", name, pages);
    if (msg.len + strlen(one) > room) {
      ah_buf_printf(&msg, ", and %zu more", n - i);
      break;
    }
    ah_buf_puts(&msg, one);
  }
  ah_error_set(err, AH_ERROR_BUNDLE, "%s", msg.data);
  ah_buf_free(&msg);
}
