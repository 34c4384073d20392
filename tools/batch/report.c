/* report.c — what `ahconv batch` tells about a run.
 *
 * Takes: the inputs with their results and the run's tally.  Gives: the
 * progress line on a terminal, OUTDIR/ahconv-report.csv (one row per input
 * done in this run, skipped ones and files that are not renditions
 * included), one line per failure, the summary line and, after a stop, how
 * to go on.  What goes to the terminal has its control characters shown
 * as \xNN; the CSV quotes what needs quoting (RFC 4180).
 */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include "ahconv.h"
#include "common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void report_progress(const batch_inputs *in, const batch_tally *t) {
  (void)in;
  double elapsed = seconds_now() - t->started;
  /* skipped inputs are counted in done but took no time: only what was
   * converted in this run makes the rate */
  double rate = elapsed > 0 ? (double)t->converted / elapsed : 0;
  size_t to_go = t->to_convert > t->converted ? t->to_convert - t->converted : 0;
  double left = rate > 0 ? (double)to_go / rate : 0;
  fprintf(stderr, "\r%zu/%zu done, %.1f files/s, %d:%02d left, %zu failed   ", t->done, in->n, rate,
          (int)(left / 60), (int)left % 60, t->failed);
  fflush(stderr);
}

typedef struct {
  ah_buf *b;
  char sep; /* ',' or ';' */
  bool nl;  /* decimal comma */
} csv_out;

/* CSV field: quoted when it holds the separator, a quote, a line break or
 * starts with a space; a line break stays in the quotes (RFC 4180). */
static void csv_field(csv_out *o, const char *s) {
  char specials[] = {o->sep, '"', '\n', '\r', 0};
  if (o->b->len && o->b->data[o->b->len - 1] != '\n') ah_buf_putc(o->b, o->sep);
  if (!strpbrk(s, specials) && *s != ' ') {
    ah_buf_puts(o->b, s);
    return;
  }
  ah_buf_putc(o->b, '"');
  for (; *s; s++) {
    if (*s == '"') ah_buf_putc(o->b, '"');
    ah_buf_putc(o->b, *s);
  }
  ah_buf_putc(o->b, '"');
}

static void csv_int(csv_out *o, bool known, int v) {
  char n[24] = "";
  if (known) snprintf(n, sizeof n, "%d", v);
  csv_field(o, n);
}

static void csv_seconds(csv_out *o, double v) {
  char n[32];
  snprintf(n, sizeof n, "%.3f", v);
  char *dot = strchr(n, '.');
  if (o->nl && dot) *dot = ',';
  csv_field(o, n);
}

static const char *or_empty(const char *s) { return s ? s : ""; }

void report_catalogue_field(const char *catalogue, int k, char *b, size_t size) {
  b[0] = 0;
  const char *p = catalogue;
  for (int i = 0; p && i < k; i++) {
    p = strchr(p, CATALOGUE_SEP);
    if (p) p++;
  }
  if (!p) return;
  const char *end = strchr(p, CATALOGUE_SEP);
  size_t n = end ? (size_t)(end - p) : strlen(p);
  if (n >= size) n = size - 1;
  memcpy(b, p, n);
  b[n] = 0;
}

void report_formats(const batch_inputs *in, size_t i, char *b, size_t size) {
  const batch_input *lead = &in->items[in->items[i].leader];
  b[0] = 0;
  for (int k = 0; k < lead->n_members; k++)
    if (lead[k].format && strlen(b) + strlen(lead[k].format) + 2 < size) {
      if (*b) strcat(b, " ");
      strcat(b, lead[k].format);
    }
}

static const char *status_of(const batch_input *it) {
  if (it->duplicate) return "duplicate";
  return it->ignored ? "not-converted" : it->skipped ? "skipped" : it->ok ? "ok" : "failed";
}

/* "source", "compared" (another rendition of a document), or "" */
static const char *role_of(const batch_inputs *in, const batch_input *it) {
  if (it->ignored || in->items[it->leader].n_members < 2) return "";
  return it->source ? "source" : "compared";
}

static void csv_renditions(csv_out *o, const batch_input *it) {
  if (!it->compared) {
    csv_field(o, "");
    csv_field(o, "");
  } else {
    csv_int(o, it->compare_findings >= 0, it->compare_findings);
    csv_field(o, it->compare_findings == 0 ? "yes" : "no");
  }
}

static const char *const header[] = {
    "input", "sha256", "status", "error", "id", "vraagnummer", "vragen", "antwoorden", "noten", "findings",
    "seconds", "output", "renditions_findings", "renditions_agree", "format", "role", "file_sha256", "formats",
    "title", "ingezonden", "ontvangen", "askers", "ontvangers", "answerer", "answered_by_mededeling", "pages",
    "source_format", "differences", "bundle_pages", NULL};

static void csv_row(csv_out *o, const batch_inputs *in, size_t i) {
  const batch_input *it = &in->items[i];
  /* counts only for a document that was read, now or before */
  bool read = it->catalogue != NULL;
  csv_field(o, it->path);
  csv_field(o, or_empty(it->sha256));
  csv_field(o, status_of(it));
  csv_field(o, or_empty(it->error));
  csv_field(o, or_empty(it->id));
  csv_field(o, or_empty(it->vraagnummer));
  csv_int(o, read, it->vragen);
  csv_int(o, read, it->antwoorden);
  csv_int(o, read, it->noten);
  csv_int(o, read, it->findings);
  csv_seconds(o, it->seconds);
  csv_field(o, or_empty(it->output));
  csv_renditions(o, it);
  csv_field(o, or_empty(it->format));
  csv_field(o, role_of(in, it));
  csv_field(o, or_empty(it->file_sha256));
  char f[1024];
  report_formats(in, i, f, sizeof f);
  csv_field(o, it->ignored ? "" : f);
  for (int k = CAT_TITLE; k <= CAT_SOURCE_FORMAT; k++) {
    report_catalogue_field(it->catalogue, k, f, sizeof f);
    csv_field(o, f);
  }
  csv_field(o, or_empty(it->differences));
  /* a bundle's document: its pages in the file */
  if (it->part) snprintf(f, sizeof f, "%d-%d", it->page_first, it->page_last);
  else f[0] = 0;
  csv_field(o, f);
  ah_buf_putc(o->b, '\n');
}

int report_write_csv(const char *outdir, const batch_inputs *in, bool nl) {
  ah_buf csv = {0};
  csv_out o = {.b = &csv, .sep = nl ? ';' : ',', .nl = nl};
  if (nl) ah_buf_puts(&csv, "\xEF\xBB\xBF");
  for (size_t k = 0; header[k]; k++) {
    if (k) ah_buf_putc(&csv, o.sep);
    ah_buf_puts(&csv, header[k]);
  }
  ah_buf_putc(&csv, '\n');
  for (size_t i = 0; i < in->n; i++)
    if (in->items[i].state == INPUT_DONE) csv_row(&o, in, i);
  char *path = path_join(outdir, REPORT_NAME);
  ah_error err = {0};
  int rc = ah_write_file_atomic(path, csv.data, csv.len, &err);
  if (rc != 0) {
    fputs("ahconv: ", stderr);
    report_put_visible(stderr, path);
    fprintf(stderr, ": %s\n", err.message);
  }
  free(path);
  ah_buf_free(&csv);
  return rc == 0 ? 0 : -1;
}

batch_outcome report_count(const batch_inputs *in) {
  batch_outcome o = {0};
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    bool done = it->state == INPUT_DONE;
    o.ignored += done && it->ignored;
    o.ok += done && it->ok;
    o.failed += done && !it->ok && !it->skipped && !it->ignored && !it->duplicate;
    o.duplicates += done && it->duplicate;
    o.failed_before += it->failed_before;
    o.not_done += !done;
    if (!done || it->leader != i) continue;
    /* per document: its source's findings, its renditions' differences */
    for (int k = 0; k < it->n_members; k++) {
      const batch_input *m = it + k;
      if (m->source && m->findings && m->catalogue) o.with_findings++;
      if (m->source && m->compared && m->compare_findings != 0) o.differing++;
    }
  }
  return o;
}

void report_put_visible(FILE *f, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\x%02X", *p);
    else fputc(*p, f);
  }
}

void report_failures(const batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state != INPUT_DONE || it->ok || it->skipped || it->ignored) continue;
    fputs("ahconv: ", stderr);
    report_put_visible(stderr, it->path);
    fputs(": ", stderr);
    report_put_visible(stderr, it->error ? it->error : "failed");
    fputc('\n', stderr);
  }
}

void report_summary(const batch_inputs *in, const batch_outcome *o, const batch_tally *t, const char *outdir,
                    const char *why_not_done, bool csv_written) {
  fprintf(stderr,
          "ahconv batch: %zu inputs: %zu converted, %zu skipped (%zu of them failed before), %zu failed%s%s, %zu "
          "not renditions; %zu documents with findings, %zu whose renditions differ",
          in->n, o->ok, t->skipped, o->failed_before, o->failed, o->not_done ? ", not done: " : "",
          o->not_done ? why_not_done : "", o->ignored, o->with_findings, o->differing);
  if (o->duplicates) fprintf(stderr, ", %zu duplicate%s not written", o->duplicates, o->duplicates == 1 ? "" : "s");
  fprintf(stderr, "; in %.1f s; peak memory per worker %.1f MiB; ", seconds_now() - t->started,
          (double)t->max_rss_kb / 1024.0);
  fputs(csv_written ? "report " : "report NOT written: ", stderr);
  report_put_visible(stderr, outdir);
  fputs("/" REPORT_NAME "\n", stderr);
}

/* an argument as a POSIX shell reads it back */
static void put_quoted(ah_buf *b, const char *s) {
  bool plain = *s != 0;
  for (const char *p = s; *p && plain; p++)
    plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-_.,:=+@%", *p);
  if (plain) {
    ah_buf_puts(b, s);
    return;
  }
  ah_buf_putc(b, '\'');
  for (; *s; s++) {
    if (*s == '\'') ah_buf_puts(b, "'\\''");
    else ah_buf_putc(b, *s);
  }
  ah_buf_putc(b, '\'');
}

char *report_command_line(const batch_tally *t) {
  ah_buf b = {0};
  ah_buf_puts(&b, "ahconv batch");
  for (int i = 0; i < t->argc; i++) {
    ah_buf_putc(&b, ' ');
    put_quoted(&b, t->argv[i]);
  }
  return ah_buf_steal(&b);
}

void report_how_to_go_on(const batch_outcome *o, const batch_tally *t) {
  char *cmd = report_command_line(t);
  fprintf(stderr, "ahconv batch: %zu input%s left to convert; to go on, run the same command again (what is done is "
                  "skipped):\n  ",
          o->not_done, o->not_done == 1 ? "" : "s");
  report_put_visible(stderr, cmd);
  fputc('\n', stderr);
  free(cmd);
}
