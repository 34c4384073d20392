/* write_report.c — findings in, one self-contained HTML page out.
 *
 * Takes: one document (its ah_verify findings) or two renditions (their
 * ah_compare findings), read through ah_verify_ex / ah_compare_ex.  Gives:
 * an HTML page with no script and no external file: a summary (document,
 * renditions, findings by class, a list of them), then per finding the
 * block of each rendition side by side, the differing words marked (bold,
 * underlined and highlighted: readable without colour), and for a PDF
 * rendition kept with AH_OPT_POSITIONS the printed page around the block as
 * an embedded PNG with the words outlined.  Every piece of document text
 * goes through ah_buf_put_escaped(): the page's markup is only ever ours.
 *
 * It lives in the library because it needs what only the library has: the
 * PDF's pages through poppler and cairo, and the tree's provenance.
 */
#include "document.h"
#include "identity.h"
#include "findings.h"
#include "io.h"
#include "report_pdf.h"
#include "report_units.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pixels per point of a page image, and the margin around a block */
#define IMAGE_SCALE 1.5
#define LOST_PAGE_SCALE 0.9
#define CROP_MARGIN 14.0
/* blocks shown per side of one finding */
enum { MAX_UNITS_SHOWN = 3, N_CLASSES = AH_FINDING_CHARACTERS + 1 };

typedef struct {
  const ah_doc *doc[2];
  const char *name[2];
  report_pdf *pdf[2];
  int sides;
  ah_buf body, toc;
  size_t count, by_class[N_CLASSES];
} report;

static const char side_letter[2] = {'A', 'B'};

/* "page 2" / "pages 2–3" (PDF) or "line 41, /html/body/…" (HTML) */
static void location(ah_buf *b, const ah_node *n) {
  size_t boxes = ah_node_get_box_count(n);
  if (boxes) {
    int first = ah_node_get_box(n, 0, NULL, NULL, NULL, NULL);
    int last = ah_node_get_box(n, boxes - 1, NULL, NULL, NULL, NULL);
    if (last != first) ah_buf_printf(b, "pages %d–%d", first, last);
    else ah_buf_printf(b, "page %d", first);
  } else if (ah_node_get_source_line(n)) {
    ah_buf_printf(b, "line %d", ah_node_get_source_line(n));
    if (ah_node_get_source_path(n)) {
      ah_buf_puts(b, ", <code>");
      ah_buf_put_escaped(b, ah_node_get_source_path(n));
      ah_buf_puts(b, "</code>");
    }
  }
}

/* One block's words, those in [first, end) of the compared text marked;
 * where the other rendition has words and this one none, a marked gap. */
static void unit_html(ah_buf *b, const report_unit *u, size_t first, size_t end) {
  char *t = ah_node_text(u->node);
  ah_words w = ah_words_split(t);
  free(t);
  ah_buf_puts(b, "<p class=\"block\">");
  bool open = false, any = false;
  for (size_t i = 0; i <= w.n; i++) {
    size_t g = u->first + i;
    if (first == end && g == first) {
      ah_buf_puts(b, any ? " " : "");
      ah_buf_puts(b, "<strong class=\"d\" title=\"the other rendition has words here\">[…]</strong>");
      any = true;
    }
    if (i == w.n) break;
    bool mark = g >= first && g < end;
    if (open && !mark) ah_buf_puts(b, "</strong>");
    ah_buf_puts(b, any ? " " : "");
    if (mark && !open) ah_buf_puts(b, "<strong class=\"d\">");
    open = mark;
    any = true;
    ah_buf_put_escaped(b, w.items[i]);
  }
  if (open) ah_buf_puts(b, "</strong>");
  ah_buf_puts(b, "</p>\n");
  ah_words_free(&w);
}

/* The blocks of `units` a finding shows: those holding its words, else the
 * first ones; [*from, *to). */
static void shown_units(const report_units *u, bool words, size_t first, size_t count, bool all, size_t *from,
                        size_t *to) {
  *from = 0;
  *to = u->n < (all ? MAX_UNITS_SHOWN : 1) ? u->n : (all ? MAX_UNITS_SHOWN : 1);
  if (!words || !u->n) return;
  size_t end = first + (count ? count : 1);
  size_t a = u->n, z = 0;
  for (size_t i = 0; i < u->n; i++) {
    size_t ua = u->items[i].first, uz = ua + u->items[i].n;
    if (ua < end && uz > first && a == u->n) a = i;
    if (ua < end && uz > first) z = i + 1;
  }
  if (a == u->n) a = u->n - 1, z = u->n; /* words added at the very end */
  if (z - a > MAX_UNITS_SHOWN) z = a + MAX_UNITS_SHOWN;
  *from = a;
  *to = z;
}

static void add_box(ah_box **v, size_t *n, const ah_box *b) {
  *v = ah_xreallocarray(*v, *n + 1, sizeof **v);
  (*v)[(*n)++] = *b;
}

/* The image at its own size (1.5 pixels per point: 10 pt type is 15 px),
 * narrowed by the style sheet when the column is narrower. */
static void image_html(ah_buf *b, report_pdf *pdf, const ah_box *crop, const ah_box *marks, size_t n_marks,
                       const ah_box *outlines, size_t n_outlines, double scale, const char *alt) {
  int w = 0, h = 0;
  char *png = report_pdf_png(pdf, crop, marks, n_marks, outlines, n_outlines, scale, &w, &h);
  if (!png) return;
  ah_buf_printf(b, "<p class=\"page\"><img src=\"data:image/png;base64,%s\" width=\"%d\" height=\"%d\" alt=\"", png, w,
                h);
  ah_buf_put_escaped(b, alt);
  ah_buf_puts(b, "\"></p>\n");
  free(png);
}

/* The page images of the shown blocks: one per page (at most two), cropped
 * to the blocks with a margin; the differing words filled, or the blocks
 * outlined when the finding names no words. */
static void images_html(ah_buf *b, report *r, int side, const report_units *u, size_t from, size_t to, size_t first,
                        size_t count) {
  report_pdf *pdf = r->pdf[side];
  if (!pdf) return;
  ah_box *marks = NULL, *boxes = NULL;
  size_t n_marks = 0, n_boxes = 0;
  for (size_t i = from; i < to; i++) {
    const report_unit *un = &u->items[i];
    size_t a = first > un->first ? first - un->first : 0, z = first + count;
    if (count && z > un->first && a < un->n) report_word_boxes(pdf, un, a, (z - un->first < un->n ? z - un->first : un->n) - a, &marks, &n_marks);
    for (size_t k = 0; k < ah_node_get_box_count(un->node); k++) {
      ah_box bx;
      bx.page = ah_node_get_box(un->node, k, &bx.x0, &bx.y0, &bx.x1, &bx.y1);
      add_box(&boxes, &n_boxes, &bx);
    }
  }
  int pages_done = 0, done[2] = {0, 0};
  for (size_t k = 0; k < n_boxes && pages_done < 2; k++) {
    int page = boxes[k].page;
    if (page == done[0] || page == done[1]) continue;
    bool has_marks = false;
    for (size_t m = 0; m < n_marks; m++) has_marks |= marks[m].page == page;
    if (n_marks && !has_marks) continue; /* this page holds none of the words */
    ah_box crop = boxes[k];
    for (size_t j = k + 1; j < n_boxes; j++)
      if (boxes[j].page == page) {
        if (boxes[j].x0 < crop.x0) crop.x0 = boxes[j].x0;
        if (boxes[j].y0 < crop.y0) crop.y0 = boxes[j].y0;
        if (boxes[j].x1 > crop.x1) crop.x1 = boxes[j].x1;
        if (boxes[j].y1 > crop.y1) crop.y1 = boxes[j].y1;
      }
    crop.x0 -= CROP_MARGIN, crop.y0 -= CROP_MARGIN, crop.x1 += CROP_MARGIN, crop.y1 += CROP_MARGIN;
    ah_box *pm = NULL, *po = NULL;
    size_t npm = 0, npo = 0;
    for (size_t m = 0; m < n_marks; m++)
      if (marks[m].page == page) add_box(&pm, &npm, &marks[m]);
    for (size_t j = 0; j < n_boxes && !n_marks; j++)
      if (boxes[j].page == page) add_box(&po, &npo, &boxes[j]);
    char alt[256];
    snprintf(alt, sizeof alt, "Printed page %d of rendition %c around this text%s", page, side_letter[side],
             npm ? "; the differing words are filled and outlined" : "; the blocks are outlined");
    image_html(b, pdf, &crop, pm, npm, po, npo, IMAGE_SCALE, alt);
    free(pm);
    free(po);
    done[pages_done++] = page;
  }
  free(marks);
  free(boxes);
}

/* One side of a finding: its node's blocks and page images. */
static void node_html(ah_buf *b, report *r, int side, const ah_node *node, const ah_finding *f) {
  report_units u;
  report_units_of(node, &u);
  size_t first = 0, count = 0;
  bool words = ah_finding_get_words(f, side, &first, &count);
  size_t from, to;
  shown_units(&u, words, first, count, f->cls == AH_FINDING_MISSING, &from, &to);
  const ah_node *label = ah_node_first_child(node);
  if (ah_node_get_type(label) == AH_NODE_LABEL && (!words || from == 0)) {
    char *t = ah_node_text(label);
    ah_buf_puts(b, "<p class=\"label\">");
    ah_buf_put_escaped(b, t);
    ah_buf_puts(b, "</p>\n");
    free(t);
  }
  if (from > 0) ah_buf_printf(b, "<p class=\"more\">… %zu block%s before</p>\n", from, from == 1 ? "" : "s");
  for (size_t i = from; i < to; i++) {
    ah_buf_puts(b, "<div class=\"unit\"><p class=\"loc\">");
    location(b, u.items[i].node);
    ah_buf_puts(b, "</p>\n");
    unit_html(b, &u.items[i], words ? first : SIZE_MAX, words ? first + count : SIZE_MAX);
    ah_buf_puts(b, "</div>\n");
  }
  if (to < u.n) ah_buf_printf(b, "<p class=\"more\">… %zu block%s after</p>\n", u.n - to, u.n - to == 1 ? "" : "s");
  if (!u.n) ah_buf_puts(b, "<p class=\"none\">(no text)</p>\n");
  images_html(b, r, side, &u, from, to, words ? first : 0, words ? count : 0);
  report_units_free(&u);
}

/* A lost line's page, whole and small. */
static void lost_page_html(ah_buf *b, report *r, int page) {
  double w, h;
  if (!report_pdf_page_size(r->pdf[0], page, &w, &h)) return;
  ah_box crop = {page, 0, 0, w, h};
  char alt[128];
  snprintf(alt, sizeof alt, "Printed page %d of rendition A, whole", page);
  image_html(b, r->pdf[0], &crop, NULL, 0, NULL, 0, LOST_PAGE_SCALE, alt);
}

static void side_html(ah_buf *b, report *r, int side, const ah_finding *f) {
  const ah_node *node = ah_finding_get_node(f, side);
  ah_buf_printf(b, "<div class=\"side\">\n<h4>%c: ", side_letter[side]);
  ah_buf_put_escaped(b, r->name[side]);
  ah_buf_puts(b, "</h4>\n");
  if (node) node_html(b, r, side, node, f);
  else if (f->cls == AH_FINDING_MISSING) ah_buf_puts(b, "<p class=\"none\">Not in this rendition.</p>\n");
  else if (f->page && r->pdf[side]) lost_page_html(b, r, f->page);
  else ah_buf_puts(b, "<p class=\"none\">No block concerned.</p>\n");
  ah_buf_puts(b, "</div>\n");
}

static void on_finding(const ah_finding *f, void *user) {
  report *r = user;
  size_t n = ++r->count;
  if ((size_t)f->cls < N_CLASSES) r->by_class[f->cls]++;
  const char *cls = ah_finding_class_string(f->cls);
  ah_buf *b = &r->body;
  ah_buf_printf(b, "<div class=\"finding\" id=\"f%zu\">\n<h3><span class=\"n\">%zu.</span> ", n, n);
  ah_buf_put_escaped(b, f->element);
  ah_buf_printf(b, " <span class=\"cls\">%s</span></h3>\n<p class=\"what\">", cls);
  ah_buf_put_escaped(b, f->what);
  ah_buf_puts(b, "</p>\n");
  bool any = f->node[0] || f->node[1] || (f->page && r->pdf[0]) || f->cls == AH_FINDING_MISSING;
  if (any) {
    ah_buf_printf(b, "<div class=\"sides%s\">\n", r->sides == 2 ? " two" : "");
    for (int s = 0; s < r->sides; s++) side_html(b, r, s, f);
    ah_buf_puts(b, "</div>\n");
  }
  ah_buf_puts(b, "</div>\n");
  ah_buf_printf(&r->toc, "<li><a href=\"#f%zu\">", n);
  ah_buf_put_escaped(&r->toc, f->element);
  ah_buf_printf(&r->toc, "</a> <span class=\"cls\">%s</span></li>\n", cls);
}

static const char style_sheet[] =
    "body{font:15px/1.45 'DejaVu Sans',Arial,sans-serif;color:#111;background:#fff;margin:1.5em auto;"
    "max-width:80em;padding:0 1em}\n"
    "h1{font-size:1.45em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}\n"
    "table{border-collapse:collapse}th,td{border:1px solid #888;padding:.2em .6em;text-align:left;"
    "vertical-align:top}\n"
    "dt{font-weight:bold}dd{margin:0 0 .4em 1.5em}code{font-size:.9em;word-break:break-all}\n"
    ".finding{border:1px solid #888;border-radius:4px;padding:.5em 1em;margin:1em 0}\n"
    ".finding h3{font-size:1.05em;margin:.2em 0}.n{color:#444}\n"
    ".cls{font-weight:normal;font-size:.8em;border:1px solid #555;border-radius:3px;padding:0 .35em}\n"
    ".what{font-family:'DejaVu Sans Mono',monospace;font-size:.85em;white-space:pre-wrap;word-break:break-word}\n"
    ".sides{display:block}.sides.two{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}\n"
    ".side{min-width:0}.side h4{font-size:.95em;margin:.4em 0;word-break:break-all}\n"
    ".loc,.more,.none{color:#444;font-size:.85em;margin:.2em 0}.label{font-weight:bold;margin:.2em 0}\n"
    ".block{font-family:'DejaVu Serif',Georgia,serif;margin:.2em 0 .6em}\n"
    "strong.d{background:#ffd84d;text-decoration:underline;text-decoration-thickness:2px;"
    "text-underline-offset:2px;padding:0 .1em}\n"
    ".page img{max-width:100%;height:auto;border:1px solid #999}\n"
    ".clean{font-size:1.1em;border-left:5px solid #286;padding:.2em .8em}\n"
    "@media print{@page{size:A4;margin:14mm}body{font-size:9.5pt;max-width:none;margin:0;padding:0}"
    ".finding{break-inside:avoid;page-break-inside:avoid;border-color:#000}a{color:#000;text-decoration:none}"
    "strong.d{background:none;outline:1px solid #000}.toc{columns:2}}\n";

static void rendition_html(ah_buf *b, report *r, int side) {
  const ah_doc *d = r->doc[side];
  ah_buf_printf(b, "<dt>Rendition %c</dt><dd>", side_letter[side]);
  ah_buf_put_escaped(b, r->name[side]);
  ah_buf_puts(b, " (");
  ah_buf_put_escaped(b, ah_doc_source_format(d));
  if (ah_doc_pages(d)) ah_buf_printf(b, ", %d page%s", ah_doc_pages(d), ah_doc_pages(d) == 1 ? "" : "s");
  ah_buf_puts(b, "), sha256 <code>");
  ah_buf_put_escaped(b, ah_doc_sha256(d));
  ah_buf_puts(b, "</code>");
  if (!r->pdf[side] && strcmp(ah_doc_source_format(d), "pdf") == 0) ah_buf_puts(b, " — its pages are not shown");
  ah_buf_puts(b, "</dd>\n");
}

static void summary_html(ah_buf *b, report *r) {
  const char *id = ah_doc_id(r->doc[0]);
  ah_buf_puts(b, "<div role=\"region\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<dl>\n");
  ah_buf_puts(b, "<dt>Document</dt><dd>");
  ah_buf_put_escaped(b, id ? id : "(no publication id)");
  ah_buf_puts(b, "</dd>\n");
  for (int s = 0; s < r->sides; s++) rendition_html(b, r, s);
  ah_buf_printf(b, "<dt>Findings</dt><dd>%zu</dd>\n</dl>\n", r->count);
  if (!r->count) {
    ah_buf_puts(b, r->sides == 2 ? "<p class=\"clean\">No findings: both renditions say the same.</p>\n"
                                 : "<p class=\"clean\">No findings: nothing printed is missing from the output, "
                                   "and numbering, notes and markers are consistent.</p>\n");
  } else {
    ah_buf_puts(b, "<table>\n<caption>Findings by class</caption>\n<thead><tr><th scope=\"col\">class</th>"
                   "<th scope=\"col\">findings</th></tr></thead>\n<tbody>\n");
    for (int c = 1; c < N_CLASSES; c++)
      if (r->by_class[c])
        ah_buf_printf(b, "<tr><td>%s</td><td>%zu</td></tr>\n", ah_finding_class_string(c), r->by_class[c]);
    ah_buf_puts(b, "</tbody>\n</table>\n<h3>All findings</h3>\n<ol class=\"toc\">\n");
    ah_buf_put(b, r->toc.data, r->toc.len);
    ah_buf_puts(b, "</ol>\n");
  }
  ah_buf_puts(b, "</div>\n");
}

static char *assemble(report *r, size_t *len) {
  ah_buf b = {0};
  const char *id = ah_doc_id(r->doc[0]);
  ah_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  ah_buf_puts(&b, r->sides == 2 ? "ahconv verify: renditions compared: " : "ahconv verify: ");
  ah_buf_put_escaped(&b, id ? id : r->name[0]);
  ah_buf_printf(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<div role=\"banner\"><h1>", style_sheet);
  ah_buf_puts(&b, r->sides == 2 ? "Do the renditions say the same? " : "Is the rendition complete? ");
  ah_buf_put_escaped(&b, id ? id : r->name[0]);
  ah_buf_puts(&b, "</h1>\n<p>" AH_CONVERTER " verify report.</p></div>\n<div role=\"main\">\n");
  summary_html(&b, r);
  if (r->count) {
    ah_buf_puts(&b, "<div role=\"region\" aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n");
    ah_buf_puts(&b, "<p>Differing words are <strong class=\"d\">bold, underlined and highlighted</strong>; on a "
                    "printed page they are filled, outlined and underlined.</p>\n");
    ah_buf_put(&b, r->body.data, r->body.len);
    ah_buf_puts(&b, "</div>\n");
  }
  ah_buf_puts(&b, "</div>\n</body>\n</html>\n");
  *len = b.len;
  return ah_buf_steal(&b);
}

char *ah_render_report_html(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                            size_t *findings, size_t *len, ah_error *err) {
  ah_error_clear(err);
  if (!a) {
    ah_error_set(err, AH_ERROR_USAGE, "no document");
    return NULL;
  }
  report r = {.doc = {a, b}, .sides = b ? 2 : 1};
  r.name[0] = name_a ? name_a : ah_doc_source_name(a) ? ah_doc_source_name(a) : "A";
  r.name[1] = !b ? NULL : name_b ? name_b : ah_doc_source_name(b) ? ah_doc_source_name(b) : "B";
  for (int s = 0; s < r.sides; s++) r.pdf[s] = report_pdf_open(r.doc[s]);
  if (b) ah_compare_ex(a, b, on_finding, &r);
  else ah_verify_ex(a, on_finding, &r);
  size_t n;
  char *html = assemble(&r, &n);
  for (int s = 0; s < r.sides; s++) report_pdf_close(r.pdf[s]);
  ah_buf_free(&r.body);
  ah_buf_free(&r.toc);
  if (findings) *findings = r.count;
  if (len) *len = n;
  return html;
}

ah_status ah_write_report_file(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                               const char *path, size_t *findings, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  ah_error_clear(err);
  if (!a || !path || !*path) { /* checked first: the output's name decides gzip */
    ah_error_set(err, AH_ERROR_USAGE, !a ? "no document" : path ? "empty path" : "no path");
    return AH_ERROR_USAGE;
  }
  size_t len;
  char *html = ah_render_report_html(a, b, name_a, name_b, findings, &len, err);
  if (!html) return err->code;
  int rc = ah_write_output(path, html, len, err);
  free(html);
  return rc == 0 ? AH_OK : err->code;
}
