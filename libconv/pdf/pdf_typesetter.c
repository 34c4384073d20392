/* pdf_typesetter.c — the typesetter's services to the clean PDF's stages:
 * pages, their notes and footer, and the placing of laid-out lines.
 *
 * Takes: the typesetter state (pdf_typesetter.h) and what write_pdf.c and
 * pdf_table.c lay out.  Gives: lines placed on pages, page breaks with
 * room for the notes the lines call, the notes drawn at the foot of their
 * page, the running footer, markers linked to their notes, each drawing a
 * piece of its logical element (pdf_tags.c).  It calls neither write_pdf.c
 * nor pdf_table.c: they call it.
 */
#include "pdf_geometry.h"
#include "pdf_typesetter.h"
#include "lexicon.h"

#include <cairo-pdf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of plain text in one font, unbroken. */
static PangoLayout *plain_layout(typesetter *ts, const char *family, double size, bool bold, const char *text) {
  PangoLayout *lay = pango_cairo_create_layout(ts->cr);
  PangoFontDescription *fd = ah_pdf_font(family, size, bold, false);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_text(lay, text, -1);
  return lay;
}

void ah_ts_show_text(typesetter *ts, const char *family, double size, bool bold, double x, double base,
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
void ah_ts_show_piece(typesetter *ts, int elem, const char *family, double size, bool bold, double x, double base,
                       const char *text, bool align_right) {
  ah_tags_begin(&ts->tags, elem);
  ah_ts_show_text(ts, family, size, bold, x, base, text, align_right);
  ah_tags_end(&ts->tags);
}

/* A rule, an artifact of the layout. */
void ah_ts_rule(typesetter *ts, double width, double x0, double x1, double y) {
  ah_tags_begin_artifact(&ts->tags, AH_ARTIFACT_LAYOUT);
  cairo_set_line_width(ts->cr, width);
  cairo_move_to(ts->cr, x0, y);
  cairo_line_to(ts->cr, x1, y);
  cairo_stroke(ts->cr);
  ah_tags_end(&ts->tags);
}

/* The top and height of line `line` of a note's layout, from the layout's
 * top (past the last line: its height, 0). */
static double line_top(const note_box *nb, int line, double *height) {
  PangoLayoutIter *it = pango_layout_get_iter(nb->layout);
  double top = nb->height;
  if (height) *height = 0;
  for (int i = 0;; i++) {
    if (i == line) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, NULL, &logical);
      top = (double)logical.y / PANGO_SCALE;
      if (height) *height = (double)logical.height / PANGO_SCALE;
      break;
    }
    if (!pango_layout_iter_next_line(it)) break;
  }
  pango_layout_iter_free(it);
  return top;
}

/* What is left of the i-th note of the page: all of it, or for the first
 * the lines not yet drawn on an earlier page. */
static double note_left(const typesetter *ts, size_t i) {
  const note_box *nb = &ts->notes[ts->on_page[i]];
  return i == 0 && ts->first_line ? nb->height - line_top(nb, ts->first_line, NULL) : nb->height;
}

/* The note's number, as its Lbl, beside the baseline `base` of its first line. */
static void note_number(typesetter *ts, const note_box *nb, double base) {
  char num[16];
  snprintf(num, sizeof num, "%d", nb->number);
  ah_ts_show_piece(ts, ah_tags_elem(&ts->tags, nb->elem, "Lbl"), SERIF, NOTE_NUM_SIZE, false, LEFT, base - NOTE_NUM_RISE,
                   num, false);
}

/* Lines `from` on of a note, drawn from *y down while they fit above
 * BOTTOM; the first line not drawn, -1 when all were. */
static int note_lines(typesetter *ts, note_box *nb, int from, double *y) {
  PangoLayoutIter *it = pango_layout_get_iter(nb->layout);
  int line = 0, next = -1;
  do {
    if (line < from) continue;
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    double height = (double)logical.height / PANGO_SCALE;
    double base = *y + (double)(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
    if (*y + height > BOTTOM) {
      next = line;
      break;
    }
    if (line == 0) note_number(ts, nb, base);
    ah_tags_begin(&ts->tags, nb->elem);
    cairo_move_to(ts->cr, LEFT + NOTE_INDENT, base);
    pango_cairo_show_layout_line(ts->cr, pango_layout_iter_get_line_readonly(it));
    ah_tags_end(&ts->tags);
    *y += height;
  } while (++line, pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return next;
}

/* Notes taller than the room below the body: set from just below it, line
 * by line, and what does not fit goes on at the top of the next page's
 * note zone (the reader takes small type above a page's first note number,
 * after a page with notes, for the rest of that page's last note).  y: the
 * top of the zone. */
static void draw_notes_running_on(typesetter *ts, double y) {
  double first;
  line_top(&ts->notes[ts->on_page[0]], ts->first_line, &first);
  if (y + NOTES_RULE + first > BOTTOM) return; /* not a line fits: all of them go on */
  ah_ts_rule(ts, 0.5, LEFT, LEFT + 100, y + 3);
  y += NOTES_RULE;
  size_t i = 0;
  int next = -1;
  for (int from = ts->first_line; i < ts->n_on_page; i++, from = 0) {
    note_box *nb = &ts->notes[ts->on_page[i]];
    char attrs[64];
    snprintf(attrs, sizeof attrs, "name='noot-%d'", nb->number);
    if (!from) nb->page = ts->page, cairo_tag_begin(ts->cr, CAIRO_TAG_DEST, attrs);
    next = note_lines(ts, nb, from, &y);
    if (!from) cairo_tag_end(ts->cr, CAIRO_TAG_DEST);
    if (next != 0 || from) nb->page_last = ts->page;
    if (next >= 0) break;
    y += NOTE_GAP;
  }
  /* the notes not (wholly) drawn stay, the first from line `next` */
  memmove(ts->on_page, ts->on_page + i, (ts->n_on_page - i) * sizeof *ts->on_page);
  ts->n_on_page -= i;
  ts->first_line = ts->n_on_page ? next : 0;
}

static void draw_notes(typesetter *ts) {
  if (!ts->n_on_page) return;
  double total = NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) total += note_left(ts, i) + NOTE_GAP;
  double y = BOTTOM - total;
  /* (a note that fits may overlap the body's last line box by a rounding) */
  double body_end = ts->page_empty ? TOP : ts->drawn_to;
  if (y < body_end - 0.5 || ts->first_line) {
    draw_notes_running_on(ts, y < body_end + NOTE_GAP ? body_end + NOTE_GAP : y);
    return;
  }
  ah_ts_rule(ts, 0.5, LEFT, LEFT + 100, y + 3);
  y += NOTES_RULE;
  for (size_t i = 0; i < ts->n_on_page; i++) {
    note_box *nb = &ts->notes[ts->on_page[i]];
    nb->page = nb->page_last = ts->page;
    char attrs[64];
    snprintf(attrs, sizeof attrs, "name='noot-%d'", nb->number);
    cairo_tag_begin(ts->cr, CAIRO_TAG_DEST, attrs);
    note_number(ts, nb, y + (double)pango_layout_get_baseline(nb->layout) / PANGO_SCALE);
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
  ah_ts_show_text(ts, SANS, FOOTER_SIZE, false, LEFT, FOOTER_BASE, left, false);
  free(left);
  const char *id = ah_doc_id(ts->doc);
  ah_buf right = {0};
  ah_buf_printf(&right, "%s%s%d", id ? id : "", id ? "   " : "", ts->page);
  ah_ts_show_text(ts, SANS, FOOTER_SIZE, false, PAGE_W - LEFT, FOOTER_BASE, right.data, true);
  ah_buf_free(&right);
  ah_tags_end(&ts->tags);
}

void ah_ts_end_page(typesetter *ts) {
  draw_notes(ts);
  draw_footer(ts);
  cairo_show_page(ts->cr);
}

static double notes_height(const typesetter *ts, const int *extra, size_t n_extra) {
  double h = 0;
  size_t count = ts->n_on_page;
  for (size_t i = 0; i < ts->n_on_page; i++) h += note_left(ts, i) + NOTE_GAP;
  for (size_t i = 0; i < n_extra; i++) h += ts->notes[extra[i]].height + NOTE_GAP, count++;
  return count ? h + NOTES_RULE : 0;
}

static void next_page(typesetter *ts) {
  ts->page++;
  ts->y = TOP;
  ts->page_empty = true;
}

/* A page's notes that did not fit go on over pages of their own while
 * they would not fit under a body line. */
static void new_page(typesetter *ts) {
  ah_ts_end_page(ts);
  next_page(ts);
  while (ts->n_on_page && ts->first_line && TOP + notes_height(ts, NULL, 0) > BOTTOM) {
    ah_ts_end_page(ts);
    next_page(ts);
  }
}

void ah_ts_end_document(typesetter *ts) {
  ah_ts_end_page(ts);
  while (ts->n_on_page) {
    next_page(ts);
    ah_ts_end_page(ts);
  }
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

/* The notes the markers of this line call onto the page, each once, into
 * *notes (emptied first): as many as the line has, never a fixed few. */
static void line_notes(const typesetter *ts, const rich *r, const PangoLayoutLine *line, ah_ints *notes) {
  notes->n = 0;
  for (size_t m = 0; m < r->n_markers; m++) {
    if (!in_line(line, r->marker_at[m])) continue;
    ptrdiff_t k = ah_ts_find_note(ts, r->marker_note[m]);
    if (k >= 0 && !ts->notes[k].placed && !ah_ints_contains(notes, (int)k)) ah_ints_push(notes, (int)k);
  }
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
void ah_ts_place_layout(typesetter *ts, PangoLayout *lay, const rich *r, const placement *pl) {
  if (!ts->page_empty) ts->y += pl->space_before;
  PangoLayoutIter *it = pango_layout_get_iter(lay);
  ah_ints notes = {0};
  bool first = true;
  do {
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    double top = (double)logical.y / PANGO_SCALE;
    double height = (double)logical.height / PANGO_SCALE;
    double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - top;
    line_notes(ts, r, line, &notes);
    ah_ts_make_room(ts, height, notes.items, notes.n);
    if (!ts->section_page) ts->section_page = ts->page;
    double base = ts->y + baseline;
    if (first && pl->outline) {
      char attrs[64];
      snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", ts->page, pl->x, ts->y);
      cairo_pdf_surface_add_outline(ts->surface, *pl->outline_parent, pl->outline, attrs, 0);
    }
    if (first && pl->bullet)
      ah_ts_show_piece(ts, pl->bullet_elem, SERIF, r->size, false, pl->x - BULLET_INDENT + 4, base, pl->bullet, false);
    ah_tags_begin(&ts->tags, pl->elem);
    cairo_move_to(ts->cr, pl->x, base);
    pango_cairo_show_layout_line(ts->cr, line);
    ah_tags_end(&ts->tags);
    for (size_t j = 0; j < notes.n; j++) {
      ts->notes[notes.items[j]].placed = true;
      ts->on_page[ts->n_on_page++] = (size_t)notes.items[j];
    }
    ah_ts_link_markers(ts, lay, r, line, pl, height);
    ts->y += height;
    ts->drawn_to = ts->y;
    ts->page_empty = false;
    first = false;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  ah_ints_free(&notes);
}

void ah_ts_fail(typesetter *ts, ah_status code, const char *fmt, ...) {
  if (ts->failed) return;
  ts->failed = true;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ah_error_set(ts->err, code, "%s", msg);
}
