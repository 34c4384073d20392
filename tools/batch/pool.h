/* pool.h — the worker processes of `ahconv batch`. */
#ifndef AHCONV_BATCH_POOL_H
#define AHCONV_BATCH_POOL_H

#include "walk.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
  int jobs;           /* worker processes, at least 1 */
  const char *tmpdir; /* where workers write their outputs */
  bool pdf;           /* PDF output, else XML */
  /* Called for each input once it and every input before it are done, in
   * input order: the caller puts outputs in place there. */
  void (*commit)(void *user, size_t index);
  void *user;
} pool_config;

/* Converts every INPUT_PENDING input of in, filling in its result (ok, id,
 * sha256, counts, seconds and the temporary output file; or the error),
 * and hands each to cfg->commit in input order.  Returns when all are
 * committed or a stop signal came; 0, or -1 when no worker could start.
 * The largest resident set of any worker, in KiB, goes to *max_rss_kb when
 * larger. */
int pool_run(batch_inputs *in, const pool_config *cfg, long *max_rss_kb);

/* SIGINT and SIGTERM ask pool_run to stop (it then kills the workers);
 * SIGPIPE is ignored (a dead worker's pipe is a failed input, not an end). */
void pool_catch_signals(void);

/* The signal that asked to stop, or 0. */
int pool_stop_signal(void);

#endif
