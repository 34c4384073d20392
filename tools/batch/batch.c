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
 *  - one run per OUTDIR at a time (lock.c): a second is refused before it
 *    touches anything;
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
#include "lock.h"
#include "naming.h"
#include "options.h"
#include "pool.h"
#include "renditions.h"
#include "report.h"
#include "../html_report.h"
#include "state.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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
  bool disk_full; /* an output found no room: the run stopped */
  int lock_fd;    /* OUTDIR/.ahconv-lock, held for the run; -1 none */
} batch_run;

/* ---- putting outputs in place ------------------------------------------- */

/* An output that could not be put in place: the machine's failure, tried
 * again by the next run. */
static void fail_input(batch_run *r, batch_input *it, const char *message) {
  it->ok = false;
  it->failure = FAILURE_ENVIRONMENT;
  free(it->error);
  it->error = ah_strdup(message);
  r->tally.failed++;
}

/* The claim of an input done in this run: its output, or its error. */
static batch_claim claim_of(const batch_run *r, const batch_input *it) {
  batch_claim c = {.input = ah_strdup(it->real ? it->real : it->path), .format = ah_strdup(r->opt.format),
                   .version = ah_strdup(ah_version()), .size = it->size, .mtime_ns = it->mtime_ns};
  if (!it->ok) {
    c.output = ah_strdup("");
    c.sha256 = ah_strdup("");
    c.id = ah_strdup("");
    c.vraagnummer = ah_strdup("");
    c.error = ah_strdup(it->error ? it->error : "failed");
    return c;
  }
  c.output = ah_strdup(it->output);
  c.sha256 = ah_strdup(it->sha256);
  c.id = ah_strdup(it->id ? it->id : "");
  c.vraagnummer = ah_strdup(it->vraagnummer ? it->vraagnummer : "");
  c.error = ah_strdup("");
  c.vragen = it->vragen;
  c.antwoorden = it->antwoorden;
  c.noten = it->noten;
  c.findings = it->findings;
  return c;
}

static bool is_disk_full(int err) { return err == ENOSPC || err == EDQUOT; }

/* An input that could not be put in place for want of room: not done, like
 * those after it.  Returns false, which stops the run. */
static bool not_done_disk_full(batch_run *r, batch_input *it) {
  if (it->tmp) unlink(it->tmp);
  free(it->tmp);
  free(it->output);
  it->tmp = it->output = NULL;
  it->ok = false;
  it->state = INPUT_PENDING;
  r->tally.done--;
  r->disk_full = true;
  return false;
}

/* A failure of the document itself (damaged, encrypted, not an Aanhangsel,
 * ...) or over a limit is claimed too: a rerun need not try it again while
 * the file (and the limit) stay as they are.  Any other failure (a
 * permission, an I/O error, a crashed worker, a FIFO) is not: the next run
 * tries again.  False when the claim found the disk full. */
static bool record_failure(batch_run *r, batch_input *it) {
  if (it->failure != FAILURE_DOCUMENT && it->failure != FAILURE_LIMIT) {
    r->tally.failed++;
    return true;
  }
  batch_claim c = claim_of(r, it);
  int rc = state_append(&r->st, &c), err = errno;
  if (rc == 0) state_add(&r->st, c);
  else claim_free(&c);
  if (rc != 0 && is_disk_full(err)) return not_done_disk_full(r, it);
  r->tally.failed++;
  return true;
}

/* Names the output of a converted input, claims it, renames it into place.
 * False when the disk is full (the input is then not done). */
static bool put_in_place(batch_run *r, size_t index) {
  batch_input *it = &r->in.items[index];
  it->output = naming_choose(&r->names, &r->in, index);
  naming_take(&r->names, it->output, index);
  char *full = path_join(r->opt.outdir, it->output);
  char *dir = ah_strdup(full);
  *strrchr(dir, '/') = 0;
  batch_claim c = claim_of(r, it);
  char msg[512];
  int err = 0;
  if (make_folders(dir) != 0) {
    err = errno;
    snprintf(msg, sizeof msg, "%s: cannot create folder: %s", dir, strerror(err));
    claim_free(&c);
  } else if (state_append(&r->st, &c) != 0) {
    err = errno;
    snprintf(msg, sizeof msg, "cannot record the output in %s", STATE_NAME);
    claim_free(&c);
  } else if (rename(it->tmp, full) != 0) {
    err = errno;
    snprintf(msg, sizeof msg, "%s: cannot write: %s", it->output, strerror(err));
    state_add(&r->st, c); /* claimed already: the claim stays, the name is the input's */
  } else {
    state_add(&r->st, c);
  }
  free(dir);
  free(full);
  if (!err) return true;
  if (is_disk_full(err)) return not_done_disk_full(r, it);
  fail_input(r, it, msg);
  unlink(it->tmp);
  return true;
}

/* pool_config.commit: called in input order; false stops the run (the
 * disk is full). */
static bool commit(void *user, size_t index) {
  batch_run *r = user;
  batch_input *it = &r->in.items[index];
  r->tally.done++;
  bool go_on = true;
  if (it->skipped) {
    /* nothing to put in place */
  } else if (!it->ok) {
    go_on = record_failure(r, it);
  } else {
    go_on = put_in_place(r, index);
  }
  if (r->progress) report_progress(&r->in, &r->tally);
  return go_on;
}

/* ---- what an earlier run did -------------------------------------------- */

/* An unchanged input whose document failed before would fail again. */
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
  it->vraagnummer = *c->vraagnummer ? ah_strdup(c->vraagnummer) : NULL;
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
    if (it->state != INPUT_PENDING) continue; /* failed in the walk */
    const batch_claim *c = naming_claim_of(&r->st, it, r->opt.format);
    if (!c || c->size != it->size || c->mtime_ns != it->mtime_ns || strcmp(c->version, ah_version()) != 0) continue;
    if (*c->error) {
      if (state_failure_stands(c, r->opt.timeout_s, r->opt.max_memory_mib)) skip_failed_before(it, c);
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
  /* before anything in OUTDIR is touched: another run may be using it */
  if ((r->lock_fd = lock_outdir(outdir)) < 0) return -1;
  struct stat out_st;
  bool have_out = stat(outdir, &out_st) == 0;
  *missing = inputs_gather(&r->in, r->opt.roots, r->opt.n_roots, have_out ? &out_st : NULL);
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
  pool_config cfg = {.jobs = jobs, .tmpdir = r->tmpdir, .pdf = r->opt.pdf, .timeout_s = r->opt.timeout_s,
                     .max_memory_mib = r->opt.max_memory_mib, .commit = commit, .user = r};
  pool_end end = pool_run(&r->in, &cfg, &r->tally.max_rss_kb);
  if (r->progress) fputc('\n', stderr);
  if (end == POOL_DISK_FULL) r->disk_full = true;
  if (r->disk_full) {
    size_t not_done = 0;
    for (size_t i = 0; i < r->in.n; i++) not_done += r->in.items[i].state != INPUT_DONE;
    fprintf(stderr,
            "ahconv: %s: no space left on device; stopped with %zu input%s not done (run again when there is "
            "room)\n",
            r->opt.outdir, not_done, not_done == 1 ? "" : "s");
  }
  return end == POOL_NO_WORKERS ? -1 : 0;
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
  if (r->lock_fd >= 0) {
    /* no pid while nobody holds it; an error here changes nothing */
    if (ftruncate(r->lock_fd, 0) != 0) {
    }
    close(r->lock_fd);
  }
}

int ahconv_batch(int argc, char **argv) {
  batch_run r = {.lock_fd = -1};
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
  if (r.opt.html) html_report_batch(r.opt.outdir, &r.in, &r.tally);
  sync_outdir(r.opt.outdir);

  batch_outcome outcome = report_count(&r.in);
  report_failures(&r.in);
  int stop_signal = pool_stop_signal();
  const char *why_not_done = stop_signal == SIGINT ? "interrupted" : r.disk_full ? "no space left on device" : "stopped";
  if (!r.opt.quiet || outcome.failed || outcome.not_done || stop_signal)
    report_summary(&r.in, &outcome, &r.tally, r.opt.outdir, why_not_done);
  free_run(&r);
  if (stop_signal) return 128 + stop_signal;
  /* 0 only when every input has its output: a file that failed before and
   * was skipped still has none */
  return rc != 0 || outcome.failed || outcome.failed_before || outcome.not_done || missing ? 2 : 0;
}
