/* report.h — what a batch run tells: progress, OUTDIR/ahconv-report.csv
 * and the summary line. */
#ifndef AHCONV_BATCH_REPORT_H
#define AHCONV_BATCH_REPORT_H

#include "walk.h"

#include <stddef.h>

#define REPORT_NAME "ahconv-report.csv"

/* Counted while the run goes. */
typedef struct {
  size_t done;    /* committed, skipped ones included */
  size_t failed;
  size_t skipped; /* decided before the run */
  double started; /* seconds_now() */
  long max_rss_kb;
} batch_tally;

/* Counted when the run is over. */
typedef struct {
  size_t ok, failed, failed_before, not_done;
} batch_outcome;

/* One progress line over the last one (for a terminal). */
void report_progress(const batch_inputs *in, const batch_tally *t);

/* Writes OUTDIR/ahconv-report.csv, one row per input done, atomically; an
 * error goes to stderr (the outputs are there all the same). */
void report_write_csv(const char *outdir, const batch_inputs *in);

batch_outcome report_count(const batch_inputs *in);

/* One line on stderr per input that failed in this run. */
void report_failures(const batch_inputs *in);

/* The summary line on stderr; why_not_done says why inputs are left not
 * done, when some are ("interrupted", "stopped", "no space left on
 * device"). */
void report_summary(const batch_inputs *in, const batch_outcome *o, const batch_tally *t, const char *outdir,
                    const char *why_not_done);

#endif
