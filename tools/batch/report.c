/* report.c — what `ahconv batch` tells about a run.
 *
 * Takes: the inputs with their results and the run's tally.  Gives: the
 * progress line on a terminal, OUTDIR/ahconv-report.csv (one row per input
 * done in this run, skipped ones included), one line per failure and the
 * summary line.
 */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include "common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void report_progress(const batch_inputs *in, const batch_tally *t) {
  double elapsed = seconds_now() - t->started;
  size_t converted = t->done - t->skipped;
  double rate = elapsed > 0 ? (double)converted / elapsed : 0;
  double left = rate > 0 ? (double)(in->n - t->done) / rate : 0;
  fprintf(stderr, "\r%zu/%zu done, %.1f files/s, %d:%02d left, %zu failed   ", t->done, in->n, rate,
          (int)(left / 60), (int)left % 60, t->failed);
  fflush(stderr);
}

/* CSV field: quoted when it holds a comma, quote or line break; a line
 * break becomes a space, so one input is one line */
static void csv_field(ah_buf *csv, const char *s) {
  if (!strpbrk(s, ",\"\n\r")) {
    ah_buf_puts(csv, s);
    return;
  }
  ah_buf_putc(csv, '"');
  for (; *s; s++) {
    if (*s == '"') ah_buf_putc(csv, '"');
    ah_buf_putc(csv, *s == '\n' || *s == '\r' ? ' ' : *s);
  }
  ah_buf_putc(csv, '"');
}

static const char *or_empty(const char *s) { return s ? s : ""; }

static void csv_row(ah_buf *csv, const batch_input *it) {
  const char *status = it->skipped ? "skipped" : it->ok ? "ok" : "failed";
  csv_field(csv, it->path);
  ah_buf_putc(csv, ',');
  csv_field(csv, or_empty(it->sha256));
  ah_buf_printf(csv, ",%s,", status);
  csv_field(csv, or_empty(it->error));
  ah_buf_putc(csv, ',');
  csv_field(csv, or_empty(it->id));
  ah_buf_putc(csv, ',');
  csv_field(csv, or_empty(it->vraagnummer));
  /* counts only for a document that was read, now or before */
  if (it->ok || (it->skipped && !it->failed_before))
    ah_buf_printf(csv, ",%d,%d,%d,%d,%.3f,", it->vragen, it->antwoorden, it->noten, it->findings, it->seconds);
  else
    ah_buf_printf(csv, ",,,,,%.3f,", it->seconds);
  csv_field(csv, or_empty(it->output));
  if (it->compared && it->compare_findings >= 0) ah_buf_printf(csv, ",%d", it->compare_findings);
  else ah_buf_puts(csv, it->compared ? ",failed" : ",");
  ah_buf_putc(csv, '\n');
}

void report_write_csv(const char *outdir, const batch_inputs *in) {
  ah_buf csv = {0};
  ah_buf_puts(&csv, "input,sha256,status,error,id,vraagnummer,vragen,antwoorden,noten,findings,seconds,output,renditions_findings\n");
  for (size_t i = 0; i < in->n; i++)
    if (in->items[i].state == INPUT_DONE) csv_row(&csv, &in->items[i]);
  char *path = path_join(outdir, REPORT_NAME);
  ah_error err = {0};
  if (ah_write_file_atomic(path, csv.data, csv.len, &err) != 0) fprintf(stderr, "ahconv: %s: %s\n", path, err.message);
  free(path);
  ah_buf_free(&csv);
}

batch_outcome report_count(const batch_inputs *in) {
  batch_outcome o = {0};
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    bool done = it->state == INPUT_DONE;
    o.ok += done && it->ok;
    o.failed += done && !it->ok && !it->skipped;
    o.failed_before += it->failed_before;
    o.not_done += !done;
  }
  return o;
}

void report_failures(const batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) {
    const batch_input *it = &in->items[i];
    if (it->state == INPUT_DONE && !it->ok && !it->skipped)
      fprintf(stderr, "ahconv: %s: %s\n", it->path, it->error ? it->error : "failed");
  }
}

void report_summary(const batch_inputs *in, const batch_outcome *o, const batch_tally *t, const char *outdir,
                    const char *why_not_done) {
  fprintf(stderr,
          "ahconv batch: %zu inputs: %zu converted, %zu skipped (%zu of them failed before), %zu failed%s%s in "
          "%.1f s; peak memory per worker %.1f MiB; report %s/%s\n",
          in->n, o->ok, t->skipped, o->failed_before, o->failed, o->not_done ? ", not done: " : "",
          o->not_done ? why_not_done : "", seconds_now() - t->started, (double)t->max_rss_kb / 1024.0, outdir,
          REPORT_NAME);
}
