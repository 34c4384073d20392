/* batch.c — `ahconv batch`: whole folders of renditions, converted by a pool
 * of worker processes, resumable, reported.
 *
 * Takes: OUTDIR and input files or folders.  Gives: one output per input in
 * OUTDIR (folders mirrored, named by publication id), OUTDIR/ahconv-report.csv
 * and a summary line; exit 0 only when nothing failed.
 *
 * The parts: walk.c finds the inputs, state.c keeps OUTDIR/.ahconv-state,
 * pool.c runs the workers, naming.c names the outputs, report.c tells; this
 * file reads the options and runs them in order, and puts each output in
 * place.
 *
 * How it stays safe:
 *  - workers (fork) convert into temporary files under OUTDIR/.ahconv-tmp;
 *    only the parent names and renames them into place, in input order, so
 *    the names (and a collision's "-2") are the same for any -j;
 *  - before an output is renamed into place, its claim (input, size, mtime,
 *    output name) is appended to OUTDIR/.ahconv-state: every file this tool
 *    wrote is claimed, and a file nobody claims is never overwritten;
 *  - a rerun skips an input whose claim matches (same file, same format,
 *    same ahconv) and whose output exists; --force redoes it into the same
 *    name;
 *  - SIGINT and SIGTERM stop the workers and remove temporary files; after
 *    SIGKILL the next run removes them.  Nothing partial is ever under a
 *    final name, because every output arrives by rename.
 *  - Files are not synced one by one (that costs more than converting a
 *    small document); the run ends, or stops on a signal, with one syncfs()
 *    of OUTDIR's file system.  A kill loses nothing written: the kernel
 *    still has it; only a power cut during a run could.
 */
#define _GNU_SOURCE /* syncfs */
#include "batch.h"

#include "ahconv.h"
#include "common.h"
#include "naming.h"
#include "options.h"
#include "pool.h"
#include "renditions.h"
#include "report.h"
#include "state.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_DIR ".ahconv-tmp"

typedef struct {
  batch_options opt;
  const char *ext; /* of the outputs: ".xml" or ".pdf" */
  bool progress;   /* progress line on stderr */
  batch_inputs in;
  batch_state st;
  batch_naming names;
  char *tmpdir;
  batch_tally tally;
} batch_run;

/* ---- putting outputs in place ------------------------------------------- */

static void fail_input(batch_run *r, batch_input *it, const char *message) {
  it->ok = false;
  free(it->error);
  it->error = ah_strdup(message);
  r->tally.failed++;
}

/* The claim of an input done in this run: its output, or its error. */
static batch_claim claim_of(const batch_run *r, const batch_input *it) {
  batch_claim c = {.input = ah_strdup(it->path), .format = ah_strdup(r->opt.format),
                   .version = ah_strdup(ah_version()), .size = it->size, .mtime_ns = it->mtime_ns};
  if (!it->ok) {
    c.output = ah_strdup("");
    c.sha256 = ah_strdup("");
    c.id = ah_strdup("");
    c.error = ah_strdup(it->error ? it->error : "failed");
    return c;
  }
  c.output = ah_strdup(it->output);
  c.sha256 = ah_strdup(it->sha256);
  c.id = ah_strdup(it->id ? it->id : "");
  c.error = ah_strdup("");
  c.vragen = it->vragen;
  c.antwoorden = it->antwoorden;
  c.noten = it->noten;
  c.findings = it->findings;
  return c;
}

/* A failed input is claimed too: a rerun need not try it again unchanged. */
static void record_failure(batch_run *r, const batch_input *it) {
  r->tally.failed++;
  batch_claim c = claim_of(r, it);
  if (state_append(&r->st, &c) == 0) state_add(&r->st, c);
  else claim_free(&c);
}

/* Names the output of a converted input, claims it, renames it into place. */
static void put_in_place(batch_run *r, size_t index) {
  batch_input *it = &r->in.items[index];
  it->output = naming_choose(&r->names, &r->in, index);
  naming_take(&r->names, it->output, index);
  char *full = path_join(r->opt.outdir, it->output);
  char *dir = ah_strdup(full);
  *strrchr(dir, '/') = 0;
  batch_claim c = claim_of(r, it);
  char msg[512];
  if (make_folders(dir) != 0) {
    snprintf(msg, sizeof msg, "%s: cannot create folder: %s", dir, strerror(errno));
    fail_input(r, it, msg);
    unlink(it->tmp);
    claim_free(&c);
  } else if (state_append(&r->st, &c) != 0) {
    fail_input(r, it, "cannot record the output in " STATE_NAME);
    unlink(it->tmp);
    claim_free(&c);
  } else if (rename(it->tmp, full) != 0) {
    /* claimed already: the claim stays, the name is the input's */
    snprintf(msg, sizeof msg, "%s: cannot write: %s", it->output, strerror(errno));
    fail_input(r, it, msg);
    unlink(it->tmp);
    state_add(&r->st, c);
  } else {
    state_add(&r->st, c);
  }
  free(dir);
  free(full);
}

/* pool_config.commit: called in input order. */
static void commit(void *user, size_t index) {
  batch_run *r = user;
  batch_input *it = &r->in.items[index];
  r->tally.done++;
  if (it->skipped) {
    /* nothing to put in place */
  } else if (!it->ok) {
    record_failure(r, it);
  } else {
    put_in_place(r, index);
  }
  if (r->progress) report_progress(&r->in, &r->tally);
}

/* ---- what an earlier run did -------------------------------------------- */

/* An unchanged input that failed before would fail again. */
static void skip_failed_before(batch_input *it, const batch_claim *c) {
  it->skipped = it->failed_before = true;
  it->state = INPUT_DONE;
  ah_buf msg = {0};
  ah_buf_printf(&msg, "failed before: %s", c->error);
  it->error = ah_buf_steal(&msg);
}

static void skip_done_before(batch_run *r, size_t i, const batch_claim *c) {
  batch_input *it = &r->in.items[i];
  it->skipped = true;
  it->state = INPUT_DONE;
  it->ok = false;
  it->output = ah_strdup(c->output);
  naming_take(&r->names, c->output, i);
  it->sha256 = ah_strdup(c->sha256);
  it->id = ah_strdup(c->id);
  it->vragen = c->vragen;
  it->antwoorden = c->antwoorden;
  it->noten = c->noten;
  it->findings = c->findings;
}

/* Inputs with a matching claim and an existing output are skipped. */
static void mark_skipped(batch_run *r) {
  if (r->opt.force) return;
  for (size_t i = 0; i < r->in.n; i++) {
    batch_input *it = &r->in.items[i];
    const batch_claim *c = state_claim_of_input(&r->st, it->path, r->opt.format);
    if (!c || c->size != it->size || c->mtime_ns != it->mtime_ns || strcmp(c->version, ah_version()) != 0) continue;
    if (*c->error) {
      skip_failed_before(it, c);
      continue;
    }
    char *full = path_join(r->opt.outdir, c->output);
    bool there = access(full, F_OK) == 0;
    free(full);
    if (there) skip_done_before(r, i, c);
  }
  for (size_t i = 0; i < r->in.n; i++) r->tally.skipped += r->in.items[i].skipped;
}

/* ---- the run ------------------------------------------------------------ */

static void remove_tmpdir(const char *tmpdir) {
  DIR *d = opendir(tmpdir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)))
      if (e->d_name[0] != '.') {
        char *p = path_join(tmpdir, e->d_name);
        unlink(p);
        free(p);
      }
    closedir(d);
  }
  rmdir(tmpdir);
}

/* OUTDIR, the inputs, the state file and an empty temporary folder; 0, or
 * -1 after a message.  *missing counts the inputs that cannot be read. */
static int prepare(batch_run *r, int *missing) {
  const char *outdir = r->opt.outdir;
  if (make_folders(outdir) != 0) {
    fprintf(stderr, "ahconv: %s: cannot create folder: %s\n", outdir, strerror(errno));
    return -1;
  }
  char *outdir_real = realpath(outdir, NULL);
  *missing = inputs_gather(&r->in, r->opt.roots, r->opt.n_roots, outdir_real);
  free(outdir_real);
  if (state_load(&r->st, outdir) != 0) {
    fprintf(stderr, "ahconv: %s/%s: cannot write: %s\n", outdir, STATE_NAME, strerror(errno));
    return -1;
  }
  r->tmpdir = path_join(outdir, TMP_DIR);
  remove_tmpdir(r->tmpdir); /* left by a run that was killed */
  if (mkdir(r->tmpdir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "ahconv: %s: cannot create folder: %s\n", r->tmpdir, strerror(errno));
    return -1;
  }
  return 0;
}

static int convert_all(batch_run *r) {
  r->progress = !r->opt.quiet && isatty(2);
  r->tally.started = seconds_now();
  int jobs = r->opt.jobs;
  if (jobs > (int)r->in.n) jobs = r->in.n ? (int)r->in.n : 1;
  pool_config cfg = {.jobs = jobs, .tmpdir = r->tmpdir, .pdf = r->opt.pdf, .commit = commit, .user = r};
  int rc = pool_run(&r->in, &cfg, &r->tally.max_rss_kb);
  if (r->progress) fputc('\n', stderr);
  return rc;
}

static void sync_outdir(const char *outdir) {
  int fd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    syncfs(fd);
    close(fd);
  }
}

static void free_run(batch_run *r) {
  /* converted, but never put in place: the run stopped first */
  for (size_t i = 0; i < r->in.n; i++) {
    batch_input *it = &r->in.items[i];
    if (it->tmp && it->state == INPUT_DONE && !it->output) unlink(it->tmp);
  }
  inputs_free(&r->in);
  state_free(&r->st);
  naming_free(&r->names);
  free(r->tmpdir);
}

int ahconv_batch(int argc, char **argv) {
  batch_run r = {0};
  int usage = options_batch(argc, argv, &r.opt);
  if (usage) return usage;
  r.ext = r.opt.pdf ? ".pdf" : ".xml";
  r.names = (batch_naming){.outdir = r.opt.outdir, .format = r.opt.format, .ext = r.ext, .state = &r.st};
  int missing = 0;
  if (prepare(&r, &missing) != 0) {
    free_run(&r);
    return 2;
  }
  mark_skipped(&r);
  pool_catch_signals();
  int rc = convert_all(&r);
  if (r.opt.verify && !pool_stop_signal()) renditions_compare(&r.in);
  remove_tmpdir(r.tmpdir);
  report_write_csv(r.opt.outdir, &r.in);
  sync_outdir(r.opt.outdir);

  batch_outcome outcome = report_count(&r.in);
  report_failures(&r.in);
  int stop_signal = pool_stop_signal();
  if (!r.opt.quiet || outcome.failed || stop_signal)
    report_summary(&r.in, &outcome, &r.tally, r.opt.outdir, stop_signal);
  free_run(&r);
  if (stop_signal) return 128 + stop_signal;
  /* 0 only when every input has its output: a file that failed before and
   * was skipped still has none */
  return rc != 0 || outcome.failed || outcome.failed_before || missing ? 2 : 0;
}
