/* write_pdf.c — the document tree in, a clean re-typeset PDF out.
 *
 * Takes: an ah_doc.  Gives: an A4 PDF (cairo's PDF surface, Pango for line
 * breaking and shaping, DejaVu from Debian's fonts-dejavu-core embedded by
 * cairo) that says exactly what the XML says: masthead, omschrijvingen, each
 * Vraag / Antwoord / Mededeling with its label, paragraphs, lists and tables,
 * footnotes at the foot of the page of their first marker, a running footer
 * with the publication id and the page number; an outline entry per section,
 * markers linked to their notes, and the document's metadata.  Pages,
 * notes and footer are pdf_typesetter.c's, tables pdf_table.c's.
 *
 * The layout is one the reader knows (layout.c): every signal it reads is
 * put there on purpose — the masthead ends in the number in large type, the
 * footer starts "Tweede Kamer, vergaderjaar" and carries the id, paragraphs
 * are set apart by space, list items hang from a bullet, tables are small
 * type on one line per row with wide column gaps, notes are small type below
 * the body with their numbers raised beside them.  Lines break only at
 * spaces and after a "/" in an address, never after a hyphen of the text,
 * so reading the PDF back gives the same words.
 *
 * Every drawing is a piece of the logical structure (pdf_tags.c): masthead
 * and omschrijvingen as H1 and P, each section a Sect with its label as H2,
 * P, L/LI, Table/TR/TD, notes as Note next to the Reference of their first
 * marker, footer and rules as artifacts.  pdf_finish.c then rewrites
 * cairo's file with libqpdf: the structure tree, the catalog entries cairo
 * cannot write, XMP metadata, and the document's XML as an associated file
 * (pdf_embed.c).
 */
#include "document.h"
#include "io.h"
#include "lexicon.h"
#include "pdf_embed.h"
#include "pdf_finish.h"
#include "pdf_geometry.h"
#include "pdf_meta.h"
#include "pdf_tags.h"
#include "pdf_text.h"
#include "pdf_typesetter.h"
#include "typography.h"

#include <assert.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length) {
  ah_buf_put(closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ---- paragraphs ---------------------------------------------------------- */

static void set_paragraph(typesetter *ts, const ah_node *para, double width, bool bold, const placement *pl) {
  rich r;
  ah_rich_init(&r, BODY_SIZE);
  ah_rich_put_inlines(&r, para);
  PangoLayout *lay = ah_rich_layout(ts->cr, &r, SERIF, width, bold);
  ah_ts_place_layout(ts, lay, &r, pl);
  g_object_unref(lay);
  ah_rich_free(&r);
}

/* ---- sections ----------------------------------------------------------- */

static void set_list(typesetter *ts, const ah_node *list, double gap, int parent) {
  int l = ah_tags_elem(&ts->tags, parent, "L");
  bool first = true;
  for (const ah_node *li = list->first; li; li = li->next, first = false) {
    int item = ah_tags_elem(&ts->tags, l, "LI");
    int lbl = ah_tags_elem(&ts->tags, item, "Lbl");
    placement pl = {.x = LEFT + BULLET_INDENT, .space_before = first ? gap : 0,
                    .elem = ah_tags_elem(&ts->tags, item, "LBody"), .bullet = "\xE2\x80\xA2", .bullet_elem = lbl};
    set_paragraph(ts, li, COLUMN - BULLET_INDENT, false, &pl);
  }
}

/* A figure as the reader reads one back: the words drawn inside it in
 * small type (below a body line the reader takes small type for a table,
 * and for a figure's words when a caption line follows), then its caption
 * as a body paragraph right below. */
static void set_figure(typesetter *ts, const ah_node *figure, double gap, int parent) {
  int fig = ah_tags_elem(&ts->tags, parent, "Figure");
  const ah_node *words = NULL, *caption = NULL;
  for (const ah_node *c = figure->first; c; c = c->next) {
    if (c->type == AH_NODE_FIGURE_TEXT) words = c;
    if (c->type == AH_NODE_CAPTION) caption = c;
  }
  if (words) {
    rich r;
    ah_rich_init(&r, TABLE_SIZE);
    ah_rich_put_inlines(&r, words);
    PangoLayout *lay = ah_rich_layout(ts->cr, &r, SERIF, COLUMN, false);
    placement pl = {.x = LEFT, .space_before = gap, .elem = ah_tags_elem(&ts->tags, fig, "P")};
    ah_ts_place_layout(ts, lay, &r, &pl);
    g_object_unref(lay);
    ah_rich_free(&r);
  }
  if (caption && !ts->failed) {
    placement pl = {.x = LEFT, .space_before = words ? 0 : gap, .elem = ah_tags_elem(&ts->tags, fig, "Caption")};
    set_paragraph(ts, caption, COLUMN, false, &pl);
  }
}

static void set_blocks(typesetter *ts, const ah_node *section, int sect) {
  double line = BODY_SIZE * 1.2;
  const ah_node *prev = NULL;
  for (const ah_node *c = section->first; c && !ts->failed; prev = c, c = c->next) {
    double gap = prev && prev->type == AH_NODE_LABEL ? line * 0.3 : line * 0.6;
    if (c->type == AH_NODE_PARAGRAPH) {
      placement pl = {.x = LEFT, .space_before = gap, .elem = ah_tags_elem(&ts->tags, sect, "P")};
      set_paragraph(ts, c, COLUMN, false, &pl);
    } else if (c->type == AH_NODE_LIST) {
      set_list(ts, c, gap, sect);
    } else if (c->type == AH_NODE_TABLE) {
      ah_ts_set_table(ts, c, gap, sect);
    } else if (c->type == AH_NODE_FIGURE) {
      set_figure(ts, c, gap, sect);
    }
  }
}

static void set_section(typesetter *ts, const ah_node *s, int *outline_parent) {
  double line = BODY_SIZE * 1.2;
  int sect = ah_tags_elem(&ts->tags, 0, "Sect");
  ts->section_page = 0;
  const ah_node *label = s->first && s->first->type == AH_NODE_LABEL ? s->first : NULL;
  char *text = label ? ah_node_text(label) : ah_strdup(s->type == AH_NODE_MEDEDELING ? "Mededeling" : "");
  char *title = ah_pdf_drawable(text); /* also the outline entry's name */
  free(text);
  if (*title) {
    /* the label line: bold, a line's space above */
    rich r;
    ah_rich_init(&r, BODY_SIZE);
    ah_buf_puts(&r.text, title);
    PangoLayout *lay = ah_rich_layout(ts->cr, &r, SERIF, COLUMN, true);
    /* keep the label with the first line after it */
    ah_ts_make_room(ts, line * 3.2, NULL, 0);
    placement pl = {.x = LEFT, .space_before = line * 1.1, .elem = ah_tags_elem(&ts->tags, sect, "H2"),
                    .outline = title, .outline_parent = outline_parent};
    ah_ts_place_layout(ts, lay, &r, &pl);
    g_object_unref(lay);
    ah_rich_free(&r);
  }
  free(title);
  set_blocks(ts, s, sect);
  ah_ints_push(&ts->section_pages, ts->section_page ? ts->section_page : ts->page);
  ah_ints_push(&ts->section_pages, ts->page);
}

/* ---- first page --------------------------------------------------------- */

/* The masthead's lines, as the reader recognizes them (lexicon.c) */
static void set_masthead(typesetter *ts) {
  const ah_doc *d = ts->doc;
  ah_tags *t = &ts->tags;
  char *line = ah_format_masthead_chamber(ah_doc_meta(d)->kamer);
  ah_ts_show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_CHAMBER_SIZE, true, LEFT, MASTHEAD_CHAMBER_BASE, line, false);
  free(line);
  if (ah_doc_meta(d)->session.first) {
    line = ah_format_masthead_session(&ah_doc_meta(d)->session);
    ah_ts_show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_SESSION_SIZE, false, LEFT, MASTHEAD_SESSION_BASE, line, false);
    free(line);
  }
  ah_ts_show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_SENTENCE_SIZE, false, LEFT, MASTHEAD_SENTENCE_BASE, ah_series_sentence, false);
  int h1 = ah_tags_elem(t, 0, "H1");
  ah_ts_show_piece(ts, h1, SANS, MASTHEAD_SERIES_SIZE, true, LEFT, MASTHEAD_SERIES_BASE, ah_series_name, false);
  /* the number, large, ends the masthead: the reader takes what stands
   * above it for furniture */
  if (ah_doc_nummer(d)) {
    char num[16];
    snprintf(num, sizeof num, "%d", ah_doc_nummer(d));
    ah_ts_show_piece(ts, h1, SANS, MASTHEAD_NUMBER_SIZE, true, PAGE_W - LEFT, MASTHEAD_SERIES_BASE, num, true);
  }
  ah_ts_rule(ts, MASTHEAD_RULE_WIDTH, LEFT, PAGE_W - LEFT, MASTHEAD_RULE_Y);
  ts->y = MASTHEAD_END;
}

/* ---- notes -------------------------------------------------------------- */

static void prepare_notes(typesetter *ts) {
  const ah_node *noten = NULL;
  for (const ah_node *c = ah_doc_root(ts->doc)->first; c; c = c->next)
    if (c->type == AH_NODE_NOTEN) noten = c;
  size_t n = 0;
  for (const ah_node *c = noten ? noten->first : NULL; c; c = c->next) n++;
  ts->notes = ah_xcalloc(n + 1, sizeof *ts->notes);
  ts->on_page = ah_xcalloc(n + 1, sizeof *ts->on_page);
  for (const ah_node *c = noten ? noten->first : NULL; c; c = c->next) {
    note_box *nb = &ts->notes[ts->n_notes++];
    nb->number = c->as.note.number;
    nb->elem = -1;
    rich r;
    ah_rich_init(&r, NOTE_SIZE);
    for (const ah_node *p = c->first; p; p = p->next) {
      if (p != c->first) ah_buf_putc(&r.text, ' ');
      ah_rich_put_inlines(&r, p);
    }
    nb->layout = ah_rich_layout(ts->cr, &r, SERIF, COLUMN - NOTE_INDENT, false);
    PangoRectangle logical;
    pango_layout_get_extents(nb->layout, NULL, &logical);
    nb->height = (double)logical.height / PANGO_SCALE;
    ah_rich_free(&r);
  }
}

/* Notes no marker called onto a page: at the foot of the last page, their
 * Note elements at the end of the document. */
static void place_unreferenced_notes(typesetter *ts) {
  for (size_t i = 0; i < ts->n_notes; i++) {
    if (ts->notes[i].placed) continue;
    int k = (int)i;
    ah_ts_make_room(ts, 0, &k, 1);
    ts->notes[i].placed = true;
    ts->notes[i].elem = ah_tags_elem(&ts->tags, 0, "Note");
    char id[32];
    snprintf(id, sizeof id, "noot-%d", ts->notes[i].number);
    ah_tags_set_id(&ts->tags, ts->notes[i].elem, id);
    ts->on_page[ts->n_on_page++] = i;
  }
}

/* ---- metadata ----------------------------------------------------------- */

/* cairo's bytes, finished: the structure tree, metadata and (unless
 * AH_OPT_NO_EMBED) the document's XML, by pdf_finish.c */
static char *finish(typesetter *ts, int options, size_t *len, ah_error *err) {
  ah_pdf_meta meta = {0};
  ah_pdf_meta_of(ts->doc, &meta);
  char *xml = NULL, name[64];
  ah_pdf_attachment att = {name, NULL, 0};
  if (!(options & AH_OPT_NO_EMBED)) {
    int *note_pages = ah_xcalloc(2 * ts->n_notes + 1, sizeof *note_pages);
    for (size_t i = 0; i < ts->n_notes; i++) {
      note_pages[2 * i] = ts->notes[i].page;
      note_pages[2 * i + 1] = ts->notes[i].page_last;
    }
    xml = ah_pdf_embedded_xml(ts->doc, &ts->section_pages, note_pages, ts->n_notes, ts->page, &att.len, err);
    free(note_pages);
    snprintf(name, sizeof name, "%s.xml", ah_doc_id(ts->doc) ? ah_doc_id(ts->doc) : "aanhangsel");
    att.data = xml;
  }
  char *out = NULL;
  if (xml || (options & AH_OPT_NO_EMBED))
    out = ah_pdf_finish(ts->out.data, ts->out.len, &ts->tags, &meta, xml ? &att : NULL, len, err);
  free(xml);
  ah_pdf_meta_free(&meta);
  return out;
}

/* ---- entry -------------------------------------------------------------- */

/* The page geometry keeps the reader's thresholds (typography.h): what the
 * reader must take for furniture, notes, tables and body does so. */
static void check_reader_contract(void) {
  assert(BOTTOM < PAGE_H * AH_PAGE_NUMBER_ZONE);
  assert(FOOTER_BASE > PAGE_H * AH_FOOTER_ZONE);
  assert(NOTE_SIZE < BODY_SIZE * AH_SMALL_TYPE && TABLE_SIZE < BODY_SIZE * AH_SMALL_TYPE);
  assert(TABLE_MIN_SIZE > BODY_SIZE * AH_NOTE_NUMBER_TYPE);
  assert(NOTE_NUM_SIZE < BODY_SIZE * AH_NOTE_NUMBER_TYPE);
  assert(TABLE_GAP > 2 * AH_COLUMN_GAP_EM * TABLE_SIZE);
  assert(MASTHEAD_NUMBER_SIZE > BODY_SIZE * AH_MASTHEAD_NUMBER_MIN &&
         MASTHEAD_NUMBER_SIZE < BODY_SIZE * AH_MASTHEAD_NUMBER_MAX);
  assert(MARK_SIZE < BODY_SIZE * AH_SMALL_GLYPH && MARK_RISE > BODY_SIZE * AH_RAISED);
}

static void typeset(typesetter *ts) {
  prepare_notes(ts);
  set_masthead(ts);
  int outline_root = CAIRO_PDF_OUTLINE_ROOT;
  bool first_om = true;
  for (const ah_node *c = ah_doc_root(ts->doc)->first; c && !ts->failed; c = c->next) {
    if (c->type == AH_NODE_OMSCHRIJVING) {
      placement pl = {.x = LEFT, .space_before = first_om ? 0 : BODY_SIZE * 0.8, .elem = ah_tags_elem(&ts->tags, 0, "P")};
      set_paragraph(ts, c, COLUMN, false, &pl);
      first_om = false;
    } else if (c->type == AH_NODE_VRAAG || c->type == AH_NODE_ANTWOORD || c->type == AH_NODE_MEDEDELING) {
      set_section(ts, c, &outline_root);
    }
  }
  place_unreferenced_notes(ts);
  ah_ts_end_document(ts);
}

char *ah_render_pdf(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  check_reader_contract();
  if (ah_render_begin(doc, options, "ah_render_pdf", &options, err)) return NULL;
  typesetter ts = {.doc = doc, .page = 1, .page_empty = true, .err = err};
  ts.surface = cairo_pdf_surface_create_for_stream(collect, &ts.out, PAGE_W, PAGE_H);
  ts.cr = cairo_create(ts.surface);
  ah_tags_init(&ts.tags, ts.cr);
  typeset(&ts);
  /* a drawing cairo refused puts the context, not the surface, in error:
   * everything after it was dropped */
  cairo_status_t st = cairo_status(ts.cr);
  cairo_destroy(ts.cr);
  cairo_surface_finish(ts.surface);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(ts.surface);
  cairo_surface_destroy(ts.surface);
  char *out = NULL;
  size_t n = 0;
  if (ts.failed) {
    /* the reason is in err */
  } else if (st != CAIRO_STATUS_SUCCESS) {
    ah_error_set(err, AH_ERROR_RENDER, "PDF output failed (cairo): %s", cairo_status_to_string(st));
  } else {
    out = finish(&ts, options, &n, err);
  }
  for (size_t i = 0; i < ts.n_notes; i++) g_object_unref(ts.notes[i].layout);
  free(ts.notes);
  free(ts.on_page);
  ah_tags_free(&ts.tags);
  ah_ints_free(&ts.section_pages);
  ah_buf_free(&ts.out);
  if (out && len) *len = n;
  return out;
}

ah_status ah_write_pdf_file(const ah_doc *doc, const char *path, int options, ah_error *err) {
  return (ah_status)ah_write_rendered(doc, path, options, ah_render_pdf, err);
}
