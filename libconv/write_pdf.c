/* write_pdf.c — the document tree in, a clean re-typeset PDF out.
 *
 * Takes: an ah_doc.  Gives: an A4 PDF (cairo's PDF surface, Pango for line
 * breaking and shaping, DejaVu from Debian's fonts-dejavu-core embedded by
 * cairo) that says exactly what the XML says: masthead, omschrijvingen, each
 * Vraag / Antwoord / Mededeling with its label, paragraphs, lists and tables,
 * footnotes at the foot of the page of their first marker, a running footer
 * with the publication id and the page number; an outline entry per section,
 * markers linked to their notes, and the document's metadata.
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

/* ---- state -------------------------------------------------------------- */


static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length) {
  ah_buf_put(closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ---- pages -------------------------------------------------------------- */

/* One line of plain text in one font, unbroken. */
static PangoLayout *plain_layout(typesetter *ts, const char *family, double size, bool bold, const char *text) {
  PangoLayout *lay = pango_cairo_create_layout(ts->cr);
  PangoFontDescription *fd = ah_pdf_font(family, size, bold, false);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_text(lay, text, -1);
  return lay;
}

static void show_text(typesetter *ts, const char *family, double size, bool bold, double x, double base,
                      const char *text, bool align_right) {
  PangoLayout *lay = plain_layout(ts, family, size, bold, text);
  PangoRectangle logical;
  pango_layout_get_extents(lay, NULL, &logical);
  double w = (double)logical.width / PANGO_SCALE;
  double ascent = (double)pango_layout_get_baseline(lay) / PANGO_SCALE;
  cairo_move_to(ts->cr, align_right ? x - w : x, base - ascent);
  pango_cairo_show_layout(ts->cr, lay);
  g_object_unref(lay);
}

/* show_text as the content of elem */
static void show_piece(typesetter *ts, int elem, const char *family, double size, bool bold, double x, double base,
                       const char *text, bool align_right) {
  ah_tags_begin(&ts->tags, elem);
  show_text(ts, family, size, bold, x, base, text, align_right);
  ah_tags_end(&ts->tags);
}

/* A rule, an artifact of the layout. */
static void rule(typesetter *ts, double width, double x0, double x1, double y) {
  ah_tags_begin_artifact(&ts->tags, AH_ARTIFACT_LAYOUT);
  cairo_set_line_width(ts->cr, width);
  cairo_move_to(ts->cr, x0, y);
  cairo_line_to(ts->cr, x1, y);
  cairo_stroke(ts->cr);
  ah_tags_end(&ts->tags);
}

static void draw_notes(typesetter *ts) {
  if (!ts->n_on_page) return;
  double total = NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) total += ts->notes[ts->on_page[i]].height + NOTE_GAP;
  double y = BOTTOM - total;
  rule(ts, 0.5, LEFT, LEFT + 100, y + 3);
  y += NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) {
    note_box *nb = &ts->notes[ts->on_page[i]];
    nb->page = ts->page;
    char attrs[64], num[16];
    snprintf(attrs, sizeof attrs, "name='noot-%d'", nb->number);
    cairo_tag_begin(ts->cr, CAIRO_TAG_DEST, attrs);
    double base = y + (double)pango_layout_get_baseline(nb->layout) / PANGO_SCALE;
    snprintf(num, sizeof num, "%d", nb->number);
    show_piece(ts, ah_tags_elem(&ts->tags, nb->elem, "Lbl"), SERIF, NOTE_NUM_SIZE, false, LEFT, base - NOTE_NUM_RISE,
               num, false);
    ah_tags_begin(&ts->tags, nb->elem);
    cairo_move_to(ts->cr, LEFT + NOTE_INDENT, y);
    pango_cairo_show_layout(ts->cr, nb->layout);
    ah_tags_end(&ts->tags);
    cairo_tag_end(ts->cr, CAIRO_TAG_DEST);
    y += nb->height + NOTE_GAP;
  }
  ts->n_on_page = 0;
}

static void draw_footer(typesetter *ts) {
  ah_tags_begin_artifact(&ts->tags, AH_ARTIFACT_FOOTER);
  char *left = ah_format_running_footer(ah_doc_meta(ts->doc)->kamer, &ah_doc_meta(ts->doc)->session);
  show_text(ts, SANS, FOOTER_SIZE, false, LEFT, FOOTER_BASE, left, false);
  free(left);
  const char *id = ah_doc_id(ts->doc);
  ah_buf right = {0};
  ah_buf_printf(&right, "%s%s%d", id ? id : "", id ? "   " : "", ts->page);
  show_text(ts, SANS, FOOTER_SIZE, false, PAGE_W - LEFT, FOOTER_BASE, right.data, true);
  ah_buf_free(&right);
  ah_tags_end(&ts->tags);
}

static void end_page(typesetter *ts) {
  draw_notes(ts);
  draw_footer(ts);
  cairo_show_page(ts->cr);
}

static void new_page(typesetter *ts) {
  end_page(ts);
  ts->page++;
  ts->y = TOP;
  ts->page_empty = true;
}

static double notes_height(const typesetter *ts, const int *extra, size_t n_extra) {
  double h = 0;
  size_t count = ts->n_on_page;
  for (size_t i = 0; i < ts->n_on_page; i++) h += ts->notes[ts->on_page[i]].height + NOTE_GAP;
  for (size_t i = 0; i < n_extra; i++) h += ts->notes[extra[i]].height + NOTE_GAP, count++;
  return count ? h + NOTES_RULE : 0;
}

ptrdiff_t ah_ts_find_note(const typesetter *ts, int number) {
  for (size_t i = 0; i < ts->n_notes; i++)
    if (ts->notes[i].number == number) return (ptrdiff_t)i;
  return -1;
}

/* Room for `height` more on this page, with the notes it brings along. */
void ah_ts_make_room(typesetter *ts, double height, const int *notes, size_t n_notes) {
  if (!ts->page_empty && ts->y + height + notes_height(ts, notes, n_notes) > BOTTOM) new_page(ts);
}


static bool in_line(const PangoLayoutLine *line, int at) {
  return at >= line->start_index && at < line->start_index + line->length;
}

/* The notes the markers of this line call onto the page, each once. */
static size_t line_notes(const typesetter *ts, const rich *r, const PangoLayoutLine *line, int notes[64]) {
  size_t n = 0;
  for (size_t m = 0; m < r->n_markers && n < 64; m++) {
    if (!in_line(line, r->marker_at[m])) continue;
    ptrdiff_t k = ah_ts_find_note(ts, r->marker_note[m]);
    bool dup = false;
    for (size_t j = 0; j < n; j++) dup = dup || notes[j] == k;
    if (k >= 0 && !ts->notes[k].placed && !dup) notes[n++] = (int)k;
  }
  return n;
}

/* Each marker of the line: a Reference holding the Link to its note, and
 * the Note itself after the Reference of its first marker. */
void ah_ts_link_markers(typesetter *ts, PangoLayout *lay, const rich *r, const PangoLayoutLine *line,
                         const placement *pl, double height) {
  for (size_t m = 0; m < r->n_markers; m++) {
    int at = r->marker_at[m];
    if (!in_line(line, at)) continue;
    PangoRectangle pos;
    pango_layout_index_to_pos(lay, at, &pos);
    char attrs[160], alt[32];
    snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] dest='noot-%d'", pl->x + (double)pos.x / PANGO_SCALE,
             ts->y, (double)pos.width / PANGO_SCALE + 1, height, r->marker_note[m]);
    int link = ah_tags_elem(&ts->tags, ah_tags_elem(&ts->tags, pl->elem, "Reference"), "Link");
    snprintf(alt, sizeof alt, "Noot %d", r->marker_note[m]);
    ah_tags_set_alt(&ts->tags, link, alt);
    ah_tags_link(&ts->tags, link, attrs);
    ptrdiff_t k = ah_ts_find_note(ts, r->marker_note[m]);
    if (k >= 0 && ts->notes[k].placed && ts->notes[k].elem < 0) {
      ts->notes[k].elem = ah_tags_elem(&ts->tags, pl->elem, "Note");
      snprintf(alt, sizeof alt, "noot-%d", ts->notes[k].number);
      ah_tags_set_id(&ts->tags, ts->notes[k].elem, alt);
    }
  }
}

/* Sets a laid-out paragraph line by line, breaking pages as needed; the
 * notes of its markers go to the page of each marker's line. */
static void place_layout(typesetter *ts, PangoLayout *lay, const rich *r, const placement *pl) {
  if (!ts->page_empty) ts->y += pl->space_before;
  PangoLayoutIter *it = pango_layout_get_iter(lay);
  bool first = true;
  do {
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    double top = (double)logical.y / PANGO_SCALE;
    double height = (double)logical.height / PANGO_SCALE;
    double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - top;
    int notes[64];
    size_t n = line_notes(ts, r, line, notes);
    ah_ts_make_room(ts, height, notes, n);
    if (!ts->section_page) ts->section_page = ts->page;
    double base = ts->y + baseline;
    if (first && pl->outline) {
      char attrs[64];
      snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", ts->page, pl->x, ts->y);
      cairo_pdf_surface_add_outline(ts->surface, *pl->outline_parent, pl->outline, attrs, 0);
    }
    if (first && pl->bullet)
      show_piece(ts, pl->bullet_elem, SERIF, r->size, false, pl->x - BULLET_INDENT + 4, base, pl->bullet, false);
    ah_tags_begin(&ts->tags, pl->elem);
    cairo_move_to(ts->cr, pl->x, base);
    pango_cairo_show_layout_line(ts->cr, line);
    ah_tags_end(&ts->tags);
    for (size_t j = 0; j < n; j++) {
      ts->notes[notes[j]].placed = true;
      ts->on_page[ts->n_on_page++] = (size_t)notes[j];
    }
    ah_ts_link_markers(ts, lay, r, line, pl, height);
    ts->y += height;
    ts->page_empty = false;
    first = false;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

static void set_paragraph(typesetter *ts, const ah_node *para, double width, bool bold, const placement *pl) {
  rich r;
  ah_rich_init(&r, BODY_SIZE);
  ah_rich_put_inlines(&r, para);
  PangoLayout *lay = ah_rich_layout(ts->cr, &r, SERIF, width, bold);
  place_layout(ts, lay, &r, pl);
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

static void set_blocks(typesetter *ts, const ah_node *section, int sect) {
  double line = BODY_SIZE * 1.2;
  const ah_node *prev = NULL;
  for (const ah_node *c = section->first; c; prev = c, c = c->next) {
    double gap = prev && prev->type == AH_NODE_LABEL ? line * 0.3 : line * 0.6;
    if (c->type == AH_NODE_PARAGRAPH) {
      placement pl = {.x = LEFT, .space_before = gap, .elem = ah_tags_elem(&ts->tags, sect, "P")};
      set_paragraph(ts, c, COLUMN, false, &pl);
    } else if (c->type == AH_NODE_LIST) {
      set_list(ts, c, gap, sect);
    } else if (c->type == AH_NODE_TABLE) {
      ah_ts_set_table(ts, c, gap, sect);
    }
  }
}

static void set_section(typesetter *ts, const ah_node *s, int *outline_parent) {
  double line = BODY_SIZE * 1.2;
  int sect = ah_tags_elem(&ts->tags, 0, "Sect");
  ts->section_page = 0;
  const ah_node *label = s->first && s->first->type == AH_NODE_LABEL ? s->first : NULL;
  char *title = label ? ah_node_text(label) : ah_strdup(s->type == AH_NODE_MEDEDELING ? "Mededeling" : "");
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
    place_layout(ts, lay, &r, &pl);
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
  show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_CHAMBER_SIZE, true, LEFT, 70.0, line, false);
  free(line);
  if (ah_doc_meta(d)->session.first) {
    line = ah_format_masthead_session(&ah_doc_meta(d)->session);
    show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_SESSION_SIZE, false, LEFT, 86.0, line, false);
    free(line);
  }
  show_piece(ts, ah_tags_elem(t, 0, "P"), SANS, MASTHEAD_SENTENCE_SIZE, false, LEFT, 100.0, ah_series_sentence, false);
  int h1 = ah_tags_elem(t, 0, "H1");
  show_piece(ts, h1, SANS, MASTHEAD_SERIES_SIZE, true, LEFT, 124.0, ah_series_name, false);
  /* the number, large, ends the masthead: the reader takes what stands
   * above it for furniture */
  if (ah_doc_nummer(d)) {
    char num[16];
    snprintf(num, sizeof num, "%d", ah_doc_nummer(d));
    show_piece(ts, h1, SANS, MASTHEAD_NUMBER_SIZE, true, PAGE_W - LEFT, 124.0, num, true);
  }
  rule(ts, 0.8, LEFT, PAGE_W - LEFT, 134.0);
  ts->y = 150.0;
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
    int *note_pages = ah_xcalloc(ts->n_notes + 1, sizeof *note_pages);
    for (size_t i = 0; i < ts->n_notes; i++) note_pages[i] = ts->notes[i].page;
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
  for (const ah_node *c = ah_doc_root(ts->doc)->first; c; c = c->next) {
    if (c->type == AH_NODE_OMSCHRIJVING) {
      placement pl = {.x = LEFT, .space_before = first_om ? 0 : BODY_SIZE * 0.8, .elem = ah_tags_elem(&ts->tags, 0, "P")};
      set_paragraph(ts, c, COLUMN, false, &pl);
      first_om = false;
    } else if (c->type == AH_NODE_VRAAG || c->type == AH_NODE_ANTWOORD || c->type == AH_NODE_MEDEDELING) {
      set_section(ts, c, &outline_root);
    }
  }
  place_unreferenced_notes(ts);
  end_page(ts);
}

char *ah_render_pdf(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  check_reader_contract();
  if (ah_render_begin(doc, options, "ah_render_pdf", &options, err)) return NULL;
  typesetter ts = {.doc = doc, .page = 1, .page_empty = true};
  ts.surface = cairo_pdf_surface_create_for_stream(collect, &ts.out, PAGE_W, PAGE_H);
  ts.cr = cairo_create(ts.surface);
  ah_tags_init(&ts.tags, ts.cr);
  typeset(&ts);
  cairo_destroy(ts.cr);
  cairo_surface_finish(ts.surface);
  cairo_status_t st = cairo_surface_status(ts.surface);
  cairo_surface_destroy(ts.surface);
  char *out = NULL;
  size_t n = 0;
  if (st != CAIRO_STATUS_SUCCESS)
    ah_error_set(err, AH_ERROR_RENDER, "PDF output failed (cairo): %s", cairo_status_to_string(st));
  else out = finish(&ts, options, &n, err);
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
