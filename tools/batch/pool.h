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
  int timeout_s;      /* wall time per input; 0: none */
  int max_memory_mib; /* address space per worker; 0: none */
  bool verify_pages;  /* a verify page per document whose renditions differ */
  bool every_page;    /* … or per document of several renditions */
  /* Called for each input once it and every input before it are done, in
   * input order: the caller puts outputs in place there.  False stops the
   * run: OUTDIR's disk is full. */
  bool (*commit)(void *user, size_t index);
  void *user;
} pool_config;

typedef enum {
  POOL_DONE,      /* every input committed */
  POOL_STOPPED,   /* a stop signal came (pool_stop_signal) */
  POOL_DISK_FULL, /* writing an output found OUTDIR's disk full */
  POOL_NO_WORKERS /* no worker could be started (after a message) */
} pool_end;

/* Converts every INPUT_PENDING document of in (its leader and the
 * renditions after it, group.h) in one task, filling in its result (ok, id,
 * sha256, counts, seconds and the temporary output file; or the error and
 * its kind), and hands each to cfg->commit in input order.  An input over
 * the time limit has its worker killed and fails "timed out after N s";
 * one over the memory limit fails "exceeded M MiB"; a worker that dies,
 * busy or idle, is replaced.  Returns when all are committed or the run
 * stops; inputs not committed then are left INPUT_PENDING (not done), their
 * temporary files removed.  The largest resident set of any worker, in
 * KiB, goes to *max_rss_kb when larger. */
pool_end pool_run(batch_inputs *in, const pool_config *cfg, long *max_rss_kb);

/* SIGINT and SIGTERM ask pool_run to stop (it then kills the workers);
 * SIGPIPE is ignored (a dead worker's pipe is a failed input, not an end). */
void pool_catch_signals(void);

/* The signal that asked to stop, or 0. */
int pool_stop_signal(void);

#endif
