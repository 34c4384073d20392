/* html_report.c — the web pages of `ahconv verify --html` and `ahconv
 * batch --html`.
 *
 * Takes: opened documents (verify) or a batch run's inputs with their
 * results.  Gives: one self-contained HTML file: verify's is the
 * library's ah_render_report_html; batch's is written here (the run's
 * data live in the tool), from the same rows as ahconv-report.csv.  Every
 * value goes through ah_buf_put_escaped(): a file name or an error message is never markup.
 */
#define _POSIX_C_SOURCE 200809L
#include "html_report.h"

#include "batch/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The report never replaces an input, under any name. */
static bool is_an_input(const char *path, const char *const names[2], int n) {
  struct stat out, in;
  if (stat(path, &out) != 0) return false;
  for (int i = 0; i < n; i++)
    if (stat(names[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;
  return false;
}

int html_report_verify(const char *path, ah_doc *const docs[2], const char *const names[2], int n) {
  if (is_an_input(path, names, n)) {
    fprintf(stderr, "ahconv: %s: cannot write: is an input file\n", path);
    return 2;
  }
  ah_error err = {0};
  if (ah_write_report_file(docs[0], n == 2 ? docs[1] : NULL, names[0], n == 2 ? names[1] : NULL, path, NULL, &err) !=
      AH_OK) {
    fprintf(stderr, "ahconv: %s: %s\n", path, err.message[0] ? err.message : ah_status_string(err.code));
    return 2;
  }
  return 0;
}

/* A relative link to a file below OUTDIR: each path segment as it is, but
 * for the characters a URL path cannot hold, percent-encoded. */
static void href(ah_buf *b, const char *path) {
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-_.~", *p))
      ah_buf_putc(b, (char)*p);
    else
      ah_buf_printf(b, "%%%02X", *p);
  }
}

static const char *status_of(const batch_input *it) { return it->skipped ? "skipped" : it->ok ? "ok" : "failed"; }

static bool has_counts(const batch_input *it) { return it->ok || (it->skipped && !it->failed_before); }

static void output_cell(ah_buf *b, const batch_input *it) {
  ah_buf_puts(b, "<td>");
  if (it->output) {
    ah_buf_puts(b, "<a href=\"");
    href(b, it->output);
    ah_buf_puts(b, "\">");
    ah_buf_put_escaped(b, it->output);
    ah_buf_puts(b, "</a>");
  }
  ah_buf_puts(b, "</td>");
}

static void input_row(ah_buf *b, const batch_input *it) {
  ah_buf_puts(b, "<tr><td>");
  ah_buf_put_escaped(b, it->path);
  ah_buf_printf(b, "</td><td>%s</td><td>", status_of(it));
  ah_buf_put_escaped(b, it->id);
  ah_buf_puts(b, "</td><td>");
  ah_buf_put_escaped(b, it->vraagnummer);
  ah_buf_puts(b, "</td>");
  if (has_counts(it))
    ah_buf_printf(b, "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>",
                  it->vragen, it->antwoorden, it->noten, it->findings);
  else
    ah_buf_puts(b, "<td></td><td></td><td></td><td></td>");
  ah_buf_printf(b, "<td class=\"num\">%.3f</td>", it->seconds);
  output_cell(b, it);
  ah_buf_puts(b, "<td>");
  ah_buf_put_escaped(b, it->error);
  ah_buf_puts(b, "</td></tr>\n");
}

static void table_start(ah_buf *b, const char *id, const char *caption, const char *const *cols) {
  ah_buf_printf(b, "<table class=\"sortable\" id=\"%s\">\n<caption>%s</caption>\n<thead><tr>", id, caption);
  for (size_t i = 0; cols[i]; i++) ah_buf_printf(b, "<th scope=\"col\">%s</th>", cols[i]);
  ah_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

static void failures_table(ah_buf *b, const batch_inputs *in, size_t failed) {
  ah_buf_puts(b, "<h2 id=\"failures\">Failures</h2>\n");
  if (!failed) {
    ah_buf_puts(b, "<p>No input failed.</p>\n");
    return;
  }
  static const char *const cols[] = {"input", "status", "error", NULL};
  table_start(b, "failures-table", "Inputs without an output, with their errors", cols);
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE || it->ok || (it->skipped && !it->failed_before)) continue;
    ah_buf_puts(b, "<tr><td>");
    ah_buf_put_escaped(b, it->path);
    ah_buf_printf(b, "</td><td>%s</td><td>", status_of(it));
    ah_buf_put_escaped(b, it->error ? it->error : "failed");
    ah_buf_puts(b, "</td></tr>\n");
  }
  ah_buf_puts(b, "</tbody>\n</table>\n");
}

static void findings_table(ah_buf *b, const batch_inputs *in, size_t with_findings) {
  ah_buf_puts(b, "<h2 id=\"with-findings\">Documents with findings</h2>\n");
  if (!with_findings) {
    ah_buf_puts(b, "<p>No converted document has findings.</p>\n");
    return;
  }
  ah_buf_puts(b, "<p>Run <code>ahconv verify --html REPORT.html INPUT</code> to see a document's findings.</p>\n");
  static const char *const cols[] = {"input", "id", "findings", "output", NULL};
  table_start(b, "findings-table", "Converted documents that verify finds something in", cols);
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE || !has_counts(it) || !it->findings) continue;
    ah_buf_puts(b, "<tr><td>");
    ah_buf_put_escaped(b, it->path);
    ah_buf_puts(b, "</td><td>");
    ah_buf_put_escaped(b, it->id);
    ah_buf_printf(b, "</td><td class=\"num\">%d</td>", it->findings);
    output_cell(b, it);
    ah_buf_puts(b, "</tr>\n");
  }
  ah_buf_puts(b, "</tbody>\n</table>\n");
}

/* batch --verify: each document whose renditions were compared, with what
 * the comparison found (the same on each of its renditions' rows). */
static void renditions_table(ah_buf *b, const batch_inputs *in) {
  size_t compared = 0, differing = 0;
  for (size_t i = 0; i < in->n; i++) {
    compared += in->items[i].compared;
    differing += in->items[i].compared && in->items[i].compare_findings != 0;
  }
  if (!compared) return;
  ah_buf_puts(b, "<h2 id=\"renditions\">Renditions that differ</h2>\n");
  if (!differing) {
    ah_buf_printf(b, "<p>The renditions of every document compared agree (%zu inputs).</p>\n", compared);
    return;
  }
  ah_buf_puts(b, "<p>Run <code>ahconv verify --html REPORT.html A B [C]</code> on a document's renditions to see "
                 "the differences.</p>\n");
  static const char *const cols[] = {"input", "id", "vraagnummer", "differences", NULL};
  table_start(b, "renditions-table", "Inputs whose renditions of one document differ", cols);
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (!it->compared || it->compare_findings == 0) continue;
    ah_buf_puts(b, "<tr><td>");
    ah_buf_put_escaped(b, it->path);
    ah_buf_puts(b, "</td><td>");
    ah_buf_put_escaped(b, it->id);
    ah_buf_puts(b, "</td><td>");
    ah_buf_put_escaped(b, it->vraagnummer);
    if (it->compare_findings < 0) ah_buf_puts(b, "</td><td>not compared: a rendition failed</td></tr>\n");
    else ah_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", it->compare_findings);
  }
  ah_buf_puts(b, "</tbody>\n</table>\n");
}

static const char batch_style[] =
    "body{font:15px/1.45 'DejaVu Sans',Arial,sans-serif;color:#111;background:#fff;margin:1.5em auto;"
    "max-width:90em;padding:0 1em}\n"
    "h1{font-size:1.45em}h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}\n"
    "table{border-collapse:collapse;margin:.5em 0}caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
    "th,td{border:1px solid #888;padding:.2em .5em;text-align:left;vertical-align:top;word-break:break-word}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}th[aria-sort]{text-decoration:underline}\n"
    "th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;text-align:left}\n"
    "dt{font-weight:bold}dd{margin:0 0 .4em 1.5em}\n"
    "@media print{@page{size:A4 landscape;margin:12mm}body{font-size:8.5pt;max-width:none;margin:0;padding:0}"
    "a{color:#000;text-decoration:none}tr{break-inside:avoid}}\n";

/* Sorting by a click on a column's heading; without it the page is the
 * same tables in input order. */
static const char sort_script[] =
    "document.querySelectorAll('table.sortable').forEach(function(t){\n"
    " t.querySelectorAll('th').forEach(function(th,col){\n"
    "  var b=document.createElement('button');b.type='button';b.textContent=th.textContent;\n"
    "  th.textContent='';th.appendChild(b);\n"
    "  b.addEventListener('click',function(){\n"
    "   var up=th.getAttribute('aria-sort')!=='ascending';\n"
    "   t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});\n"
    "   th.setAttribute('aria-sort',up?'ascending':'descending');\n"
    "   var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);\n"
    "   rows.sort(function(x,y){var a=x.cells[col].textContent,c=y.cells[col].textContent;\n"
    "    var na=parseFloat(a),nc=parseFloat(c);\n"
    "    var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return up?r:-r;});\n"
    "   rows.forEach(function(r){body.appendChild(r);});\n"
    "  });\n"
    " });\n"
    "});\n";

static void totals(ah_buf *b, const char *outdir, const batch_inputs *in, const batch_tally *t, size_t *failed,
                   size_t *with_findings) {
  size_t ok = 0, skipped = 0, findings = 0, done = 0;
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE) continue;
    done++;
    ok += it->ok && !it->skipped;
    skipped += it->skipped;
    *failed += !it->ok && (!it->skipped || it->failed_before);
    if (has_counts(it) && it->findings) (*with_findings)++, findings += (size_t)it->findings;
  }
  double elapsed = seconds_now() - t->started;
  double rate = elapsed > 0 ? (double)(done - skipped) / elapsed : 0;
  ah_buf_puts(b, "<dl>\n<dt>Output folder</dt><dd>");
  ah_buf_put_escaped(b, outdir);
  ah_buf_printf(b,
                "</dd>\n<dt>Inputs</dt><dd>%zu (%zu done)</dd>\n<dt>Converted</dt><dd>%zu</dd>\n"
                "<dt>Skipped (converted or failed before)</dt><dd>%zu</dd>\n<dt>Failed</dt><dd>%zu</dd>\n"
                "<dt>Documents with findings</dt><dd>%zu (%zu findings)</dd>\n"
                "<dt>Time</dt><dd>%.1f s, %.1f files/s</dd>\n</dl>\n",
                in->n, done, ok, skipped, *failed, *with_findings, findings, elapsed, rate);
}

void html_report_batch(const char *outdir, const batch_inputs *in, const batch_tally *t) {
  ah_buf b = {0};
  ah_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>ahconv batch "
                    "report</title>\n<style>\n%s</style>\n</head>\n<body>\n<div role=\"main\">\n<h1>ahconv batch "
                    "report</h1>\n",
                batch_style);
  size_t failed = 0, with_findings = 0;
  totals(&b, outdir, in, t, &failed, &with_findings);
  ah_buf_puts(&b, "<p>The same rows as <a href=\"" REPORT_NAME "\">" REPORT_NAME "</a>.</p>\n");
  failures_table(&b, in, failed);
  findings_table(&b, in, with_findings);
  renditions_table(&b, in);
  ah_buf_puts(&b, "<h2 id=\"inputs\">Every input</h2>\n");
  static const char *const cols[] = {"input", "status", "id", "vraagnummer", "vragen", "antwoorden", "noten", "findings",
                                     "seconds", "output", "error", NULL};
  table_start(&b, "inputs-table", "Every input of this run, in input order", cols);
  for (size_t i = 0; i < in->n; i++)
    if (in->items[i].state == INPUT_DONE) input_row(&b, &in->items[i]);
  ah_buf_printf(&b, "</tbody>\n</table>\n</div>\n<script>\n%s</script>\n</body>\n</html>\n", sort_script);
  char *path = path_join(outdir, HTML_REPORT_NAME);
  ah_error err = {0};
  if (ah_write_file_atomic(path, b.data, b.len, &err) != 0) fprintf(stderr, "ahconv: %s: %s\n", path, err.message);
  free(path);
  ah_buf_free(&b);
}
