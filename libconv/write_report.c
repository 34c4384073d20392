/* write_report.c — findings in, one self-contained HTML page out.
 *
 * Takes: one document (its ah_verify findings) or two or three renditions
 * (the ah_compare findings of the first against each other one), read
 * through ah_verify_ex / ah_compare_ex.  Gives:
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

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A block's page image is rendered at IMAGE_SCALE pixels per point and
 * shown at IMAGE_SHOWN CSS pixels per point: 9 pt body text is 16 px on
 * the page at 100% zoom, as large as the page's own text (and sharp on a
 * screen of 1.5 pixels per CSS
 * pixel); a lost line's page is shown whole and small.  The margin
 * around a block, in points, then grown or shrunk so no line is cut. */
#define IMAGE_SCALE 2.7
#define IMAGE_SHOWN 1.8
#define LOST_PAGE_SCALE 0.9
#define CROP_MARGIN 14.0
/* blocks shown per side of one finding */
enum { MAX_UNITS_SHOWN = 3, N_CLASSES = AH_FINDING_CHARACTERS + 1, MAX_DOCS = 3 };
/* Findings shown with their printed page; those after show their text
 * only.  A page image is about half a megabyte of base64: 1,000 pages with
 * 2,999 findings made an 888 MB page when every finding had its images,
 * 50 keep it to tens of megabytes. */
enum { MAX_IMAGED_FINDINGS = 50 };

typedef struct {
  const ah_doc *doc[MAX_DOCS];
  const char *name[MAX_DOCS];
  report_pdf *pdf[MAX_DOCS];
  int n_docs;
  int sides; /* of one finding: 1 (verify) or 2 (a compared pair) */
  int other; /* the rendition on a finding's side 1: B, then C */
  ah_buf body, toc;
  size_t count, by_class[N_CLASSES];
} report;

static const char side_letter[MAX_DOCS] = {'A', 'B', 'C'};

/* The rendition shown on a finding's side (0: A; 1: the one compared). */
static int doc_of(const report *r, int side) { return side ? r->other : 0; }

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

/* One block's words, those `marked` (by their place in the compared text;
 * NULL: none) marked; where the other rendition has words and this one
 * none (first == end), a marked gap. */
static void unit_html(ah_buf *b, const report_unit *u, size_t first, size_t end, const bool *marked) {
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
    bool mark = marked && g >= first && g < end && marked[g];
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

/* The words of a node's compared text, block by block as report_units_of
 * has them; *out owns them. */
static void compared_words(const ah_node *node, ah_words *out) {
  report_units u;
  ah_report_units_of(node, &u);
  *out = (ah_words){0};
  for (size_t i = 0; i < u.n; i++) {
    char *t = ah_node_text(u.items[i].node);
    ah_words w = ah_words_split(t);
    free(t);
    out->items = ah_xreallocarray(out->items, out->n + w.n + 1, sizeof *out->items);
    for (size_t k = 0; k < w.n; k++) out->items[out->n++] = w.items[k], w.items[k] = NULL;
    ah_words_free(&w);
  }
  ah_report_units_free(&u);
}

/* Words longer than this on a side are marked whole, not aligned. */
enum { MAX_ALIGNED_WORDS = 600 };

/* Which words of the compared text of a finding's `side` differ: those of
 * its range not in a longest common subsequence with the other side's
 * range, so the unchanged words between two differences stay unmarked.
 * The whole range when there is no other side or a range is too long.
 * `total`: the words of the side's blocks.  Caller frees; NULL when the
 * finding names no words. */
static bool *differing_words(const ah_finding *f, int side, size_t total) {
  size_t a0, an, b0, bn;
  const ah_node *mine = ah_finding_get_node(f, side), *other = ah_finding_get_node(f, !side);
  if (!mine || !ah_finding_get_words(f, side, &a0, &an)) return NULL;
  ah_words wa, wb = {0};
  compared_words(mine, &wa);
  /* as long as any index the blocks can ask for */
  bool *diff = ah_xcalloc((total > wa.n ? total : wa.n) + a0 + an + 1, sizeof *diff);
  for (size_t i = a0; i < a0 + an; i++) diff[i] = true;
  if (other && ah_finding_get_words(f, !side, &b0, &bn) && an <= MAX_ALIGNED_WORDS && bn <= MAX_ALIGNED_WORDS) {
    compared_words(other, &wb);
    if (a0 + an <= wa.n && b0 + bn <= wb.n) {
      /* l[i][j]: the common subsequence of a[i..] and b[j..] */
      size_t *l = ah_xcalloc((an + 1) * (bn + 1), sizeof *l);
      for (size_t i = an; i-- > 0;)
        for (size_t j = bn; j-- > 0;)
          l[i * (bn + 1) + j] = !strcmp(wa.items[a0 + i], wb.items[b0 + j]) ? l[(i + 1) * (bn + 1) + j + 1] + 1
                                : l[(i + 1) * (bn + 1) + j] > l[i * (bn + 1) + j + 1] ? l[(i + 1) * (bn + 1) + j]
                                                                                   : l[i * (bn + 1) + j + 1];
      for (size_t i = 0, j = 0; i < an && j < bn;) {
        if (!strcmp(wa.items[a0 + i], wb.items[b0 + j])) diff[a0 + i++] = false, j++;
        else if (l[(i + 1) * (bn + 1) + j] >= l[i * (bn + 1) + j + 1]) i++;
        else j++;
      }
      free(l);
    }
  }
  ah_words_free(&wa);
  ah_words_free(&wb);
  return diff;
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

/* The image rendered at `scale` pixels per point, shown at `shown` CSS
 * pixels per point (never narrowed: its block scrolls sideways in a narrow
 * column, so the text stays readable). */
static void image_html(ah_buf *b, report_pdf *pdf, const ah_box *crop, const ah_box *marks, size_t n_marks,
                       const ah_box *outlines, size_t n_outlines, double scale, double shown, const char *alt) {
  int w = 0, h = 0;
  char *png = ah_report_pdf_png(pdf, crop, marks, n_marks, outlines, n_outlines, scale, &w, &h);
  if (!png) return;
  ah_buf_printf(b, "<p class=\"page\"><img src=\"data:image/png;base64,%s\" width=\"%d\" height=\"%d\" alt=\"", png,
                (int)(w * shown / scale + 0.5), (int)(h * shown / scale + 0.5));
  ah_buf_put_escaped(b, alt);
  ah_buf_puts(b, "\"></p>\n");
  free(png);
}

/* The crop around a block, its margin taken in or out so that no printed
 * line is cut: a word reaching over the crop's top or bottom edge is taken
 * in whole when it overlaps the block, else left out (the edge moves to
 * its gap). */
static void whole_lines(report_pdf *pdf, const ah_box *block, ah_box *crop) {
  ah_box around = {crop->page, crop->x0, crop->y0 - CROP_MARGIN, crop->x1, crop->y1 + CROP_MARGIN};
  pdf_words w = {0};
  ah_report_pdf_words(pdf, &around, &w);
  for (size_t i = 0; i < w.n; i++) {
    const ah_box *x = &w.items[i].box;
    bool cut = (x->y0 < crop->y0 && x->y1 > crop->y0) || (x->y0 < crop->y1 && x->y1 > crop->y1);
    if (!cut) continue;
    if (x->y1 > block->y0 && x->y0 < block->y1) {
      crop->y0 = fmin(crop->y0, x->y0 - 2), crop->y1 = fmax(crop->y1, x->y1 + 2);
    } else if (x->y1 <= block->y0) {
      crop->y0 = fmax(crop->y0, x->y1 + 0.5);
    } else {
      crop->y1 = fmin(crop->y1, x->y0 - 0.5);
    }
  }
  ah_pdf_words_free(&w);
}

/* The page images of the shown blocks: one per page (at most two), cropped
 * to the blocks with a margin; the differing words filled, or the blocks
 * outlined when the finding names no words. */
static void images_html(ah_buf *b, report *r, int side, const report_units *u, size_t from, size_t to, size_t first,
                        size_t count, const bool *marked) {
  report_pdf *pdf = r->pdf[doc_of(r, side)];
  if (!pdf || r->count > MAX_IMAGED_FINDINGS) return;
  ah_box *marks = NULL, *boxes = NULL;
  size_t n_marks = 0, n_boxes = 0;
  for (size_t i = from; i < to; i++) {
    const report_unit *un = &u->items[i];
    /* each run of marked words of the block */
    for (size_t k = 0; marked && count && k < un->n;) {
      size_t g = un->first + k;
      if (g < first || g >= first + count || !marked[g]) {
        k++;
        continue;
      }
      size_t run = 1;
      while (k + run < un->n && g + run < first + count && marked[g + run]) run++;
      ah_report_word_boxes(pdf, un, k, run, &marks, &n_marks);
      k += run;
    }
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
    ah_box block_of_page = crop;
    crop.x0 -= CROP_MARGIN, crop.y0 -= CROP_MARGIN, crop.x1 += CROP_MARGIN, crop.y1 += CROP_MARGIN;
    ah_box *pm = NULL, *po = NULL;
    size_t npm = 0, npo = 0;
    for (size_t m = 0; m < n_marks; m++)
      if (marks[m].page == page) add_box(&pm, &npm, &marks[m]);
    for (size_t j = 0; j < n_boxes && !n_marks; j++)
      if (boxes[j].page == page) add_box(&po, &npo, &boxes[j]);
    char alt[256];
    snprintf(alt, sizeof alt, "Printed page %d of rendition %c around this text%s", page, side_letter[doc_of(r, side)],
             npm ? "; the differing words are filled and outlined" : "; the blocks are outlined");
    whole_lines(pdf, &block_of_page, &crop);
    image_html(b, pdf, &crop, pm, npm, po, npo, IMAGE_SCALE, IMAGE_SHOWN, alt);
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
  ah_report_units_of(node, &u);
  size_t first = 0, count = 0;
  bool words = ah_finding_get_words(f, side, &first, &count);
  bool *marked = words ? differing_words(f, side, u.words) : NULL;
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
    unit_html(b, &u.items[i], words ? first : SIZE_MAX, words ? first + count : SIZE_MAX, marked);
    ah_buf_puts(b, "</div>\n");
  }
  if (to < u.n) ah_buf_printf(b, "<p class=\"more\">… %zu block%s after</p>\n", u.n - to, u.n - to == 1 ? "" : "s");
  if (!u.n) ah_buf_puts(b, "<p class=\"none\">(no text)</p>\n");
  images_html(b, r, side, &u, from, to, words ? first : 0, words ? count : 0, marked);
  free(marked);
  ah_report_units_free(&u);
}

/* A lost line's page, whole and small. */
static void lost_page_html(ah_buf *b, report *r, int page) {
  double w, h;
  if (r->count > MAX_IMAGED_FINDINGS || !ah_report_pdf_page_size(r->pdf[0], page, &w, &h)) return;
  ah_box crop = {page, 0, 0, w, h};
  char alt[128];
  snprintf(alt, sizeof alt, "Printed page %d of rendition A, whole", page);
  ah_buf_puts(b, "<div class=\"lost\">");
  image_html(b, r->pdf[0], &crop, NULL, 0, NULL, 0, LOST_PAGE_SCALE, LOST_PAGE_SCALE, alt);
  ah_buf_puts(b, "</div>");
}

static void side_html(ah_buf *b, report *r, int side, const ah_finding *f) {
  const ah_node *node = ah_finding_get_node(f, side);
  int k = doc_of(r, side);
  ah_buf_printf(b, "<div class=\"side\">\n<h4>%c: ", side_letter[k]);
  ah_buf_put_escaped(b, r->name[k]);
  ah_buf_puts(b, "</h4>\n");
  if (node) node_html(b, r, side, node, f);
  else if (f->cls == AH_FINDING_MISSING) ah_buf_puts(b, "<p class=\"none\">Not in this rendition.</p>\n");
  else if (f->page && r->pdf[k]) lost_page_html(b, r, f->page);
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
  ah_buf_printf(b, " <span class=\"cls\">%s</span>", cls);
  if (r->n_docs > 2) ah_buf_printf(b, " <span class=\"cls\">A vs %c</span>", side_letter[r->other]);
  ah_buf_puts(b, "</h3>\n<p class=\"what\">");
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
  ah_buf_printf(&r->toc, "</a> <span class=\"cls\">%s</span>", cls);
  if (r->n_docs > 2) ah_buf_printf(&r->toc, " <span class=\"cls\">A vs %c</span>", side_letter[r->other]);
  ah_buf_puts(&r->toc, "</li>\n");
}

static const char style_sheet[] =
    "body{font:15px/1.45 'DejaVu Sans',Arial,sans-serif;color:#111;background:#fff;margin:1.5em auto;"
    "max-width:96em;padding:0 1em}\n"
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
    ".page{overflow-x:auto}.page img{max-width:none;border:1px solid #999}.lost img{max-width:100%;height:auto}\n"
    ".capped{border-left:5px solid #a60;padding:.2em .8em}\n"
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
  for (int s = 0; s < r->n_docs; s++) rendition_html(b, r, s);
  ah_buf_printf(b, "<dt>Findings</dt><dd>%zu</dd>\n</dl>\n", r->count);
  if (!r->count) {
    ah_buf_puts(b, r->n_docs > 2    ? "<p class=\"clean\">No findings: all renditions say the same.</p>\n"
                   : r->sides == 2 ? "<p class=\"clean\">No findings: both renditions say the same.</p>\n"
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
    if (r->count > MAX_IMAGED_FINDINGS && (r->pdf[0] || r->pdf[1] || r->pdf[2]))
      ah_buf_printf(&b, "<p class=\"capped\">The printed page is shown for the first %d findings only; the other "
                        "%zu show their text without it (a page with every image would run to hundreds of "
                        "megabytes).</p>\n",
                    (int)MAX_IMAGED_FINDINGS, r->count - MAX_IMAGED_FINDINGS);
    ah_buf_put(&b, r->body.data, r->body.len);
    ah_buf_puts(&b, "</div>\n");
  }
  ah_buf_puts(&b, "</div>\n</body>\n</html>\n");
  *len = b.len;
  return ah_buf_steal(&b);
}

char *ah_render_report_html_n(const ah_doc *const *docs, const char *const *names, size_t n, size_t *findings,
                              size_t *len, ah_error *err) {
  if (!docs || n < 1 || n > MAX_DOCS) {
    ah_error_set(err, AH_ERROR_USAGE, "from 1 to %d renditions", MAX_DOCS);
    return NULL;
  }
  report r = {.n_docs = (int)n, .sides = n > 1 ? 2 : 1};
  for (size_t i = 0; i < n; i++) {
    if (!docs[i]) {
      ah_error_set(err, AH_ERROR_USAGE, "no document");
      return NULL;
    }
    const char *given = names ? names[i] : NULL;
    static const char *const letters[MAX_DOCS] = {"A", "B", "C"};
    r.doc[i] = docs[i];
    r.name[i] = given ? given : ah_doc_source_name(docs[i]) ? ah_doc_source_name(docs[i]) : letters[i];
    r.pdf[i] = ah_report_pdf_open(docs[i]);
  }
  if (n == 1) ah_verify_ex(docs[0], on_finding, &r);
  for (r.other = 1; r.other < r.n_docs; r.other++) ah_compare_ex(docs[0], docs[r.other], on_finding, &r);
  size_t bytes;
  char *html = assemble(&r, &bytes);
  for (size_t i = 0; i < n; i++) ah_report_pdf_close(r.pdf[i]);
  ah_buf_free(&r.body);
  ah_buf_free(&r.toc);
  if (findings) *findings = r.count;
  if (len) *len = bytes;
  return html;
}

char *ah_render_report_html(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                            size_t *findings, size_t *len, ah_error *err) {
  ah_error_clear(err);
  if (!a) {
    ah_error_set(err, AH_ERROR_USAGE, "no document");
    return NULL;
  }
  const ah_doc *docs[2] = {a, b};
  const char *names[2] = {name_a, name_b};
  return ah_render_report_html_n(docs, names, b ? 2 : 1, findings, len, err);
}

ah_status ah_write_report_file_n(const ah_doc *const *docs, const char *const *names, size_t n, const char *path,
                                 size_t *findings, ah_error *err) {
  ah_error local;
  if (!err) err = &local;
  ah_error_clear(err);
  if (!path || !*path) { /* checked first: the output's name decides gzip */
    ah_error_set(err, AH_ERROR_USAGE, path ? "empty path" : "no path");
    return AH_ERROR_USAGE;
  }
  size_t len;
  char *html = ah_render_report_html_n(docs, names, n, findings, &len, err);
  if (!html) return err->code;
  int rc = ah_write_output(path, html, len, err);
  free(html);
  return rc == 0 ? AH_OK : err->code;
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
