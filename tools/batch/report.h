/* report.h — what a batch run tells: progress, OUTDIR/ahconv-report.csv
 * and the summary line. */
#ifndef AHCONV_BATCH_REPORT_H
#define AHCONV_BATCH_REPORT_H

#include "walk.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define REPORT_NAME "ahconv-report.csv"
/* a document's verify page beside its output: X.xml -> X.verify.html */
#define VERIFY_PAGE_EXT ".verify.html"

/* The catalogue fields of a document (batch_input.catalogue), in this
 * order, joined by CATALOGUE_SEP. */
#define CATALOGUE_SEP '\x1f'
enum {
  CAT_TITLE,
  CAT_INGEZONDEN,
  CAT_ONTVANGEN,
  CAT_ASKERS,
  CAT_ONTVANGERS,
  CAT_ANSWERER,
  CAT_MEDEDELING, /* "yes" / "no" */
  CAT_PAGES,
  CAT_SOURCE_FORMAT,
  CAT_MEDEDELINGEN,
  CAT_FIELDS
};

/* Counted while the run goes. */
typedef struct {
  size_t done;       /* committed, skipped ones included */
  size_t failed;
  size_t skipped;    /* decided before the run */
  size_t to_convert; /* pending when the run began */
  size_t converted;  /* committed in this run, not skipped */
  double started;    /* seconds_now() */
  long max_rss_kb;
  /* for the reports: the command and when it ran */
  int argc;
  const char *const *argv;
  time_t run_date;
} batch_tally;

/* Counted when the run is over. */
typedef struct {
  size_t ok, failed, failed_before, not_done, ignored;
  size_t with_findings; /* documents (their sources) verify finds something in */
  size_t differing;     /* documents whose renditions differ */
  size_t duplicates;    /* documents not written: another input has their id (run.h) */
} batch_outcome;

/* One progress line over the last one (for a terminal). */
void report_progress(const batch_inputs *in, const batch_tally *t);

/* Writes OUTDIR/ahconv-report.csv, one row per input done, atomically:
 * RFC 4180 (commas), or with nl semicolons, decimal commas and a UTF-8
 * byte-order mark, as a spreadsheet in a Dutch locale opens it.  0, or -1
 * after a message on stderr (the outputs are there all the same). */
int report_write_csv(const char *outdir, const batch_inputs *in, bool nl);

/* Field k (CAT_*) of a catalogue into b (empty when there is none). */
void report_catalogue_field(const char *catalogue, int k, char *b, size_t size);

/* The formats of the document of input i, "xml html pdf". */
void report_formats(const batch_inputs *in, size_t i, char *b, size_t size);

batch_outcome report_count(const batch_inputs *in);

/* s on stream f with every control character shown as \xNN: a file name
 * never moves a terminal's cursor or changes its colours. */
void report_put_visible(FILE *f, const char *s);

/* One line on stderr per input that failed in this run. */
void report_failures(const batch_inputs *in);

/* The summary line on stderr; why_not_done says why inputs are left not
 * done, when some are ("interrupted", "stopped", "no space left on
 * device"); csv_written false: the report could not be written, and the
 * line says so. */
void report_summary(const batch_inputs *in, const batch_outcome *o, const batch_tally *t, const char *outdir,
                    const char *why_not_done, bool csv_written);

/* After a stop: how many inputs are left, and the command that goes on. */
void report_how_to_go_on(const batch_outcome *o, const batch_tally *t);

/* The command line, each argument quoted for a POSIX shell when it needs
 * it.  The caller frees. */
char *report_command_line(const batch_tally *t);

#endif
