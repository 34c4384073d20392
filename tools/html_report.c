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
#include <time.h>

/* The report never replaces a file read, under any name: a rendition or
 * the metadata record a rendition read (found beside it). */
static bool is_an_input(const char *path, ah_doc *const docs[], const char *const names[], int n) {
  struct stat out, in;
  if (stat(path, &out) != 0) return false;
  for (int i = 0; i < n; i++) {
    const char *record = ah_doc_metadata_file(docs[i]);
    if (stat(names[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;
    if (record && stat(record, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return true;
  }
  return false;
}

int html_report_verify(const char *path, ah_doc *const docs[], const char *const names[], int n) {
  if (is_an_input(path, docs, names, n)) {
    fprintf(stderr, "ahconv: %s: cannot write: is an input file\n", path);
    return 2;
  }
  ah_error err = {0};
  if (ah_write_report_file_n((const ah_doc *const *)docs, names, (size_t)n, path, NULL, &err) != AH_OK) {
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

static const char *status_of(const batch_input *it) {
  if (it->duplicate) return "duplicate";
  return it->ignored ? "not converted" : it->skipped ? "skipped" : it->ok ? "ok" : "failed";
}

static bool has_counts(const batch_input *it) { return it->catalogue != NULL; }

/* A path, escaped, that may break after a slash but nowhere else (not at
 * the hyphens of an id): each segment unbroken, a break chance between. */
static void put_path(ah_buf *b, const char *path) {
  for (const char *p = path; *p;) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) + 1 : strlen(p);
    char *part = ah_strdup(p);
    part[n] = 0;
    ah_buf_puts(b, "<span class=\"seg\">");
    ah_buf_put_escaped(b, part);
    ah_buf_puts(b, "</span>");
    free(part);
    if (slash) ah_buf_puts(b, "<wbr>");
    p += n;
  }
}

/* An id: never broken. */
static void put_id(ah_buf *b, const char *id) {
  ah_buf_puts(b, "<span class=\"id\">");
  ah_buf_put_escaped(b, id);
  ah_buf_puts(b, "</span>");
}

static void output_cell(ah_buf *b, const batch_input *it) {
  ah_buf_puts(b, "<td>");
  if (it->output) {
    ah_buf_puts(b, "<a href=\"");
    href(b, it->output);
    ah_buf_puts(b, "\">");
    put_path(b, it->output);
    ah_buf_puts(b, "</a>");
  }
  ah_buf_puts(b, "</td>");
}

static void text_cell(ah_buf *b, const char *s) {
  ah_buf_puts(b, "<td>");
  ah_buf_put_escaped(b, s);
  ah_buf_puts(b, "</td>");
}

static void agree_cell(ah_buf *b, const batch_input *it) {
  if (!it->compared) ah_buf_puts(b, "<td></td>");
  else if (it->compare_findings == 0) ah_buf_puts(b, "<td>agree</td>");
  else if (it->compare_findings < 0) ah_buf_puts(b, "<td>not compared</td>");
  else ah_buf_printf(b, "<td class=\"differ\">%d differences</td>", it->compare_findings);
}

static void input_row(ah_buf *b, const batch_inputs *in, size_t i) {
  const batch_input *it = &in->items[i];
  ah_buf_puts(b, "<tr><td>");
  put_path(b, it->path);
  if (it->part) ah_buf_printf(b, " (pages %d-%d)", it->page_first, it->page_last);
  /* the error under the status: one column fewer, and the table fits */
  ah_buf_printf(b, "</td><td>%s", status_of(it));
  if (it->error) {
    ah_buf_puts(b, "<div class=\"why\">");
    ah_buf_put_escaped(b, it->error);
    ah_buf_puts(b, "</div>");
  }
  ah_buf_puts(b, "</td><td>");
  put_id(b, it->id ? it->id : "");
  ah_buf_puts(b, "</td>");
  text_cell(b, it->vraagnummer);
  char f[512];
  report_catalogue_field(it->catalogue, CAT_TITLE, f, sizeof f);
  text_cell(b, f);
  report_catalogue_field(it->catalogue, CAT_PAGES, f, sizeof f);
  ah_buf_printf(b, "<td class=\"num\">%s</td>", strcmp(f, "0") ? f : "");
  if (has_counts(it))
    ah_buf_printf(b, "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>",
                  it->vragen, it->antwoorden, it->noten, it->findings);
  else
    ah_buf_puts(b, "<td></td><td></td><td></td><td></td>");
  agree_cell(b, it);
  output_cell(b, it);
  ah_buf_puts(b, "</tr>\n");
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
    if (it->state != INPUT_DONE || it->ok || it->ignored || (it->skipped && !it->failed_before)) continue;
    ah_buf_puts(b, "<tr><td>");
    put_path(b, it->path);
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
    put_path(b, it->path);
    ah_buf_puts(b, "</td><td>");
    put_id(b, it->id ? it->id : "");
    ah_buf_printf(b, "</td><td class=\"num\">%d</td>", it->findings);
    output_cell(b, it);
    ah_buf_puts(b, "</tr>\n");
  }
  ah_buf_puts(b, "</tbody>\n</table>\n");
}

/* A document whose renditions differ: each rendition against the source,
 * with the differences found, and a link to its verify page. */
static void differing_document(ah_buf *b, const batch_inputs *in, size_t lead) {
  const batch_input *l = &in->items[lead];
  ah_buf_puts(b, "<section class=\"doc\"><h3>");
  put_id(b, l->id && *l->id ? l->id : l->path);
  ah_buf_puts(b, "</h3>\n");
  if (l->report) {
    ah_buf_puts(b, "<p><a href=\"");
    href(b, l->report);
    ah_buf_puts(b, "\">The verify page of this document</a>, each difference with both texts.</p>\n");
  }
  ah_buf_puts(b, "<ul>\n");
  for (int k = 0; k < l->n_members; k++) {
    const batch_input *m = l + k;
    ah_buf_puts(b, "<li>");
    put_path(b, m->path);
    if (m->source) ah_buf_puts(b, " — the source</li>\n");
    else if (m->compare_findings < 0) ah_buf_puts(b, " — not compared: it did not open</li>\n");
    else ah_buf_printf(b, " — %d difference%s from the source", m->compare_findings, m->compare_findings == 1 ? "" : "s");
    if (!m->source && m->compare_findings >= 0 && m->differences) {
      ah_buf_puts(b, ":<pre>");
      ah_buf_put_escaped(b, m->differences);
      ah_buf_puts(b, "</pre></li>\n");
    } else if (!m->source && m->compare_findings >= 0) {
      ah_buf_puts(b, "</li>\n");
    }
  }
  ah_buf_puts(b, "</ul></section>\n");
}

/* Each document of several renditions is compared; those that differ are
 * shown with their differences. */
static void renditions_table(ah_buf *b, const batch_inputs *in) {
  size_t compared = 0, differing = 0;
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE || it->leader != i || it->n_members < 2) continue;
    compared++;
    for (int k = 0; k < it->n_members; k++) differing += it[k].source && it[k].compare_findings != 0;
  }
  ah_buf_puts(b, "<h2 id=\"renditions\">Renditions that differ</h2>\n");
  if (!compared) {
    ah_buf_puts(b, "<p>No document was found in more than one rendition.</p>\n");
    return;
  }
  ah_buf_printf(b, "<p>%zu document%s found in more than one rendition; the renditions of %zu differ.</p>\n",
                compared, compared == 1 ? "" : "s", differing);
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE || it->leader != i || it->n_members < 2) continue;
    bool differs = false;
    for (int k = 0; k < it->n_members; k++) differs = differs || (it[k].source && it[k].compare_findings != 0);
    if (differs) differing_document(b, in, i);
  }
}

static const char batch_style[] =
    "body{font:15px/1.45 'DejaVu Sans',Arial,sans-serif;color:#111;background:#fff;margin:1.5em auto;"
    "max-width:90em;padding:0 1em}\n"
    "h1{font-size:1.45em}h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}\n"
    "table{border-collapse:collapse;margin:.5em 0}caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
    "th,td{border:1px solid #888;padding:.2em .5em;text-align:left;vertical-align:top}\n"
    ".id,.seg{white-space:nowrap}table.sortable{font-size:.9em}.why{font-size:.85em;color:#444;min-width:16em}td.differ{color:#a00;font-weight:bold}pre{white-space:pre-wrap;margin:.3em 0;"
    "font-size:.9em;background:#f4f4f4;padding:.3em}\n"
    "section.doc{border-left:3px solid #a00;padding-left:.8em;margin:1em 0}h3{font-size:1.05em;margin:.2em 0}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}th[aria-sort]{text-decoration:underline}\n"
    "th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;text-align:left}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1.2em}dt{font-weight:bold}dd{margin:0}\n"
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

/* When, by what and on what the run was made. */
static void run_facts(ah_buf *b, const char *outdir, const batch_tally *t, const batch_options *opt) {
  char date[64];
  struct tm tm;
  gmtime_r(&t->run_date, &tm);
  strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", &tm);
  ah_buf_printf(b, "<dl>\n<dt>Run</dt><dd>%s</dd>\n<dt>ahconv</dt><dd>%s</dd>\n<dt>Command</dt><dd><code>", date,
                ah_version());
  char *cmd = report_command_line(t);
  ah_buf_put_escaped(b, cmd);
  free(cmd);
  ah_buf_puts(b, "</code></dd>\n<dt>Source folders</dt><dd>");
  for (int i = 0; i < opt->n_roots; i++) {
    if (i) ah_buf_puts(b, "<br>");
    put_path(b, opt->roots[i]);
  }
  ah_buf_puts(b, "</dd>\n<dt>Output folder</dt><dd>");
  put_path(b, outdir);
  ah_buf_puts(b, "</dd>\n</dl>\n");
}

static void totals(const batch_inputs *in, ah_buf *b, const batch_tally *t, size_t *failed,
                   size_t *with_findings) {
  size_t ok = 0, skipped = 0, findings = 0, done = 0;
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE) continue;
    done++;
    ok += it->ok && !it->skipped;
    skipped += it->skipped;
    *failed += !it->ok && !it->ignored && (!it->skipped || it->failed_before);
    if (has_counts(it) && it->findings) (*with_findings)++, findings += (size_t)it->findings;
  }
  double elapsed = seconds_now() - t->started;
  double rate = elapsed > 0 ? (double)t->converted / elapsed : 0;
  ah_buf_printf(b,
                "<dl>\n<dt>Inputs</dt><dd>%zu (%zu done)</dd>\n<dt>Converted</dt><dd>%zu</dd>\n"
                "<dt>Skipped (converted or failed before)</dt><dd>%zu</dd>\n<dt>Failed</dt><dd>%zu</dd>\n"
                "<dt>Documents with findings</dt><dd>%zu (%zu findings)</dd>\n"
                "<dt>Time</dt><dd>%.1f s, %.1f files/s</dd>\n</dl>\n",
                in->n, done, ok, skipped, *failed, *with_findings, findings, elapsed, rate);
}

void html_report_batch(const char *outdir, const batch_inputs *in, const batch_tally *t, const batch_options *opt) {
  ah_buf b = {0};
  ah_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>ahconv batch "
                    "report</title>\n<style>\n%s</style>\n</head>\n<body>\n<div role=\"main\">\n<h1>ahconv batch "
                    "report</h1>\n",
                batch_style);
  size_t failed = 0, with_findings = 0;
  run_facts(&b, outdir, t, opt);
  totals(in, &b, t, &failed, &with_findings);
  ah_buf_puts(&b, "<p>The same rows as <a href=\"" REPORT_NAME "\">" REPORT_NAME "</a>.</p>\n");
  failures_table(&b, in, failed);
  findings_table(&b, in, with_findings);
  renditions_table(&b, in);
  ah_buf_puts(&b, "<h2 id=\"inputs\">Every input</h2>\n");
  static const char *const cols[] = {"input", "status", "id", "vraagnummer", "title", "pages", "vragen", "antwoorden", "noten",
                                     "findings", "renditions", "output", NULL};
  table_start(&b, "inputs-table", "Every input of this run, a document's renditions together", cols);
  for (size_t i = 0; i < in->n; i++)
    if (in->items[i].state == INPUT_DONE) input_row(&b, in, i);
  ah_buf_printf(&b, "</tbody>\n</table>\n</div>\n<script>\n%s</script>\n</body>\n</html>\n", sort_script);
  char *path = path_join(outdir, HTML_REPORT_NAME);
  ah_error err = {0};
  if (ah_write_file_atomic(path, b.data, b.len, &err) != 0) fprintf(stderr, "ahconv: %s: %s\n", path, err.message);
  free(path);
  ah_buf_free(&b);
}
