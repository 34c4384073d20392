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
#include "bag.h"
#include "common.h"
#include "group.h"
#include "index.h"
#include "lock.h"
#include "naming.h"
#include "options.h"
#include "pool.h"
#include "report.h"
#include "run.h"
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
#include <time.h>
#include <unistd.h>

#define TMP_DIR ".ahconv-tmp"

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

static char *dup_or_empty(const char *s) { return ah_strdup(s ? s : ""); }

/* The claim of an input done in this run: its document's output (its
 * group's first rendition owns it, group.h), or its error. */
batch_claim run_claim_of(const batch_run *r, const batch_input *it) {
  const batch_input *lead = it->part ? it : &r->in.items[it->leader];
  batch_claim c = {.input = ah_strdup(it->real ? it->real : it->path), .format = ah_strdup(r->opt.format),
                   .version = ah_strdup(ah_version()), .size = it->size, .mtime_ns = it->mtime_ns};
  c.file_sha256 = dup_or_empty(it->file_sha256);
  c.member = lead != it;
  c.output = dup_or_empty(lead->output);
  c.error = ah_strdup(it->ok ? "" : it->error ? it->error : "failed");
  c.sha256 = dup_or_empty(it->sha256);
  c.id = dup_or_empty(it->id);
  c.vraagnummer = dup_or_empty(it->vraagnummer);
  c.catalogue = dup_or_empty(it->catalogue);
  c.differences = dup_or_empty(it->differences);
  c.compared = it->compared;
  c.compare_findings = it->compare_findings;
  c.source = it->source;
  c.vragen = it->vragen;
  c.antwoorden = it->antwoorden;
  c.noten = it->noten;
  c.findings = it->findings;
  c.part = it->part;
  c.n_parts = it->part ? r->in.items[it->leader].n_parts : it->n_parts;
  c.page_first = it->page_first;
  c.page_last = it->page_last;
  return c;
}

bool run_is_disk_full(int err) { return err == ENOSPC || err == EDQUOT; }

/* An input that could not be put in place for want of room: not done, like
 * those after it.  Returns false, which stops the run. */
bool run_not_done_disk_full(batch_run *r, batch_input *it) {
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
bool run_record_failure(batch_run *r, batch_input *it) {
  if (it->failure != FAILURE_DOCUMENT && it->failure != FAILURE_LIMIT) {
    r->tally.failed++;
    return true;
  }
  batch_claim c = run_claim_of(r, it);
  int rc = state_append(&r->st, &c), err = errno;
  if (rc == 0) state_add(&r->st, c);
  else claim_free(&c);
  if (rc != 0 && run_is_disk_full(err)) return run_not_done_disk_full(r, it);
  r->tally.failed++;
  return true;
}

/* The document's verify page beside its output: X.xml -> X.verify.html.
 * Like the reports, rewritten by every run that makes it. */
static void place_verify_page(batch_run *r, batch_input *it) {
  if (!it->report_tmp) return;
  char *dot = strrchr(it->output, '.');
  ah_buf name = {0};
  ah_buf_put(&name, it->output, dot ? (size_t)(dot - it->output) : strlen(it->output));
  ah_buf_puts(&name, VERIFY_PAGE_EXT);
  char *full = path_join(r->opt.outdir, name.data);
  if (rename(it->report_tmp, full) == 0) it->report = ah_buf_steal(&name);
  else unlink(it->report_tmp), ah_buf_free(&name);
  free(full);
  free(it->report_tmp);
  it->report_tmp = NULL;
}

bool run_put_in_place(batch_run *r, batch_input *it, size_t index) {
  it->output = naming_choose(&r->names, it, index);
  naming_take(&r->names, it->output, index);
  char *full = path_join(r->opt.outdir, it->output);
  char *dir = ah_strdup(full);
  *strrchr(dir, '/') = 0;
  batch_claim c = run_claim_of(r, it);
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
  if (!err) place_verify_page(r, it);
  if (!err) return true;
  if (run_is_disk_full(err)) return run_not_done_disk_full(r, it);
  fail_input(r, it, msg);
  unlink(it->tmp);
  return true;
}

/* Another rendition of a document: claimed with the document's output (or,
 * when the document failed, as a failure of its own).  False when the disk
 * is full. */
static bool claim_member(batch_run *r, batch_input *it) {
  const batch_input *lead = &r->in.items[it->leader];
  if (!lead->output) {
    it->duplicate = lead->duplicate && it->ok; /* not written as its document is not */
    if (it->ok) {
      it->ok = false;
      it->failure = FAILURE_ENVIRONMENT;
      free(it->error);
      it->error = ah_strdup(lead->error ? lead->error : "the document's output was not written");
    }
    if (it->duplicate) it->failure = FAILURE_DOCUMENT; /* claimed like its document: a rerun lists it again */
    return run_record_failure(r, it);
  }
  free(it->output);
  it->output = ah_strdup(lead->output);
  batch_claim c = run_claim_of(r, it);
  int rc = state_append(&r->st, &c), err = errno;
  if (rc == 0) state_add(&r->st, c);
  else claim_free(&c);
  if (rc != 0 && run_is_disk_full(err)) return run_not_done_disk_full(r, it);
  if (!it->ok) r->tally.failed++;
  return true;
}

/* pool_config.commit: called in input order; false stops the run (the
 * disk is full). */
static bool commit(void *user, size_t index) {
  batch_run *r = user;
  batch_input *it = &r->in.items[index];
  r->tally.done++;
  bool go_on = true;
  if (it->skipped || it->ignored || it->failure == FAILURE_NOT_A_FILE) {
    /* nothing to put in place */
  } else if (it->leader != index) {
    go_on = claim_member(r, it);
  } else if (it->n_parts) {
    go_on = parts_commit(r, index);
  } else if (it->tmp && parts_duplicate(r, it, index)) {
    go_on = parts_list_duplicate(r, it);
  } else if (it->tmp) {
    go_on = run_put_in_place(r, it, index);
  } else {
    go_on = run_record_failure(r, it);
  }
  if (go_on && it->ok && it->leader == index && !it->n_parts) parts_note_id(r, it->id, index);
  if (go_on && !it->skipped && !it->ignored) r->tally.converted++;
  if (r->progress) report_progress(&r->in, &r->tally);
  return go_on;
}

/* ---- what an earlier run did -------------------------------------------- */

/* An unchanged input whose document failed before would fail again. */
static void skip_failed_before(batch_input *it, const batch_claim *c) {
  it->skipped = true;
  it->state = INPUT_DONE;
  free(it->error);
  it->duplicate = strncmp(c->error, DUPLICATE_PREFIX, strlen(DUPLICATE_PREFIX)) == 0;
  it->failed_before = !it->duplicate; /* a duplicate is listed as it was */
  ah_buf msg = {0};
  ah_buf_printf(&msg, "%s%s", it->duplicate ? "" : "failed before: ", c->error);
  it->error = ah_buf_steal(&msg);
}

static char *dup_or_null(const char *s) { return s && *s ? ah_strdup(s) : NULL; }

/* The document's report of an earlier run, when it is still there. */
static char *verify_page_of(const batch_run *r, const char *output) {
  char *dot = strrchr(output, '.');
  ah_buf name = {0};
  ah_buf_put(&name, output, dot ? (size_t)(dot - output) : strlen(output));
  ah_buf_puts(&name, VERIFY_PAGE_EXT);
  char *full = path_join(r->opt.outdir, name.data);
  bool there = access(full, F_OK) == 0;
  free(full);
  if (there) return ah_buf_steal(&name);
  ah_buf_free(&name);
  return NULL;
}

void run_skip_done_before(batch_run *r, batch_input *it, size_t i, const batch_claim *c) {
  it->skipped = true;
  it->state = INPUT_DONE;
  it->ok = false;
  it->failed_before = *c->error != 0; /* this rendition failed; another gave the document */
  if (it->failed_before) skip_failed_before(it, c);
  it->output = ah_strdup(c->output);
  if (it->leader == i && *c->output) naming_take(&r->names, c->output, i);
  if (it->leader == i) it->report = verify_page_of(r, c->output);
  it->sha256 = ah_strdup(c->sha256);
  it->id = ah_strdup(c->id);
  it->vraagnummer = dup_or_null(c->vraagnummer);
  it->catalogue = dup_or_null(c->catalogue);
  it->differences = dup_or_null(c->differences);
  it->compared = c->compared;
  it->compare_findings = c->compare_findings;
  it->source = c->source;
  it->vragen = c->vragen;
  it->antwoorden = c->antwoorden;
  it->noten = c->noten;
  it->findings = c->findings;
}

/* The claim of an input of this run: its own, by its path, when its bytes
 * are the same; else one of another path with its bytes, when no input of
 * this run has that path (the archive moved, or was spelled otherwise);
 * else (a claim of an earlier version, without the bytes' sha256) by its
 * path, size and time.  NULL when there is none of this ahconv. */
static const batch_claim *claim_of_input(const batch_run *r, const batch_index *paths, const batch_input *it) {
  const batch_claim *c = naming_claim_of(&r->st, it, r->opt.format);
  if (c && *c->file_sha256 && (!it->file_sha256 || strcmp(c->file_sha256, it->file_sha256) != 0)) c = NULL;
  else if (c && !*c->file_sha256 && (c->size != it->size || c->mtime_ns != it->mtime_ns)) c = NULL;
  if (!c) {
    size_t at;
    c = state_claim_of_content(&r->st, it->file_sha256, r->opt.format);
    if (c && index_get(paths, c->input, &at)) c = NULL;
  }
  return c && !strcmp(c->version, ah_version()) ? c : NULL;
}

/* A document is skipped when every rendition of it has a claim and they
 * name one output that is there, or all failed in a way that stands. */
static void skip_document(batch_run *r, const batch_index *paths, size_t lead) {
  int n = r->in.items[lead].n_members;
  const batch_claim *c[GROUP_MAX_MEMBERS] = {NULL};
  bool failed = true;
  for (int k = 0; k < n; k++) {
    if (r->in.items[lead + (size_t)k].state != INPUT_PENDING) return;
    if (!(c[k] = claim_of_input(r, paths, &r->in.items[lead + (size_t)k]))) return;
    if (strcmp(c[k]->output, c[0]->output) != 0) return;
    if (n == 1 && c[0]->n_parts && !c[0]->part) { /* a bundle done before: its parts' claims decide */
      parts_skip(r, lead, c[0]);
      return;
    }
    failed = failed && *c[k]->error && state_failure_stands(c[k], r->opt.timeout_s, r->opt.max_memory_mib);
  }
  if (!*c[0]->output) {
    if (failed)
      for (int k = 0; k < n; k++) skip_failed_before(&r->in.items[lead + (size_t)k], c[k]);
    return;
  }
  char *full = path_join(r->opt.outdir, c[0]->output);
  bool there = access(full, F_OK) == 0;
  free(full);
  if (there)
    for (int k = 0; k < n; k++) run_skip_done_before(r, &r->in.items[lead + (size_t)k], lead + (size_t)k, c[k]);
}

static void mark_skipped(batch_run *r) {
  batch_index paths = {0}; /* the inputs of this run, canonical */
  for (size_t i = 0; i < r->in.n; i++)
    if (r->in.items[i].real) index_put(&paths, r->in.items[i].real, i);
  /* an input found by its bytes keeps the name its claim gave it */
  for (size_t i = 0; i < r->in.n; i++) {
    batch_input *it = &r->in.items[i];
    const batch_claim *c = it->state == INPUT_PENDING ? claim_of_input(r, &paths, it) : NULL;
    if (c && it->real && strcmp(c->input, it->real) != 0) it->claimed_as = ah_strdup(c->input);
  }
  if (!r->opt.force)
    for (size_t i = 0; i < r->in.n; i++)
      if (r->in.items[i].leader == i) skip_document(r, &paths, i);
  index_free(&paths);
  parts_note_skipped_ids(r);
  for (size_t i = 0; i < r->in.n; i++) {
    r->tally.skipped += r->in.items[i].skipped;
    r->tally.to_convert += r->in.items[i].state == INPUT_PENDING;
  }
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
  group_documents(&r->in);
  group_hash_files(&r->in);
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
                     .max_memory_mib = r->opt.max_memory_mib, .verify_pages = r->opt.html,
                     .every_page = r->opt.html && r->opt.verify, .commit = commit, .user = r};
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
  index_free(&r->ids);
  free(r->tmpdir);
  if (r->lock_fd >= 0) {
    /* no pid while nobody holds it; an error here changes nothing */
    if (ftruncate(r->lock_fd, 0) != 0) {
    }
    close(r->lock_fd);
  }
}

/* batch --bag: the PREMIS record of each document (kept for one an earlier
 * run did) and, with --bag-originals, each rendition copied in.  0, or -1
 * after a message. */
static int bag_payload(batch_run *r) {
  int rc = 0;
  for (size_t i = 0; i < r->in.n; i++) {
    batch_input *it = &r->in.items[i];
    if (it->state != INPUT_DONE || it->ignored || !it->file_sha256) continue;
    if (r->opt.bag_originals && bag_copy_original(r->opt.outdir, it) != 0) rc = -1;
    if (it->leader == i && it->output && *it->output &&
        bag_write_premis(r->opt.outdir, it, it->output, r->tally.run_date, it->skipped) != 0)
      rc = -1;
  }
  return rc;
}

/* The exit status of a run that was not stopped: 2 when an input failed
 * (now or before) or could not be read, 1 when a document has findings,
 * its renditions differ or a bundle's document is another's duplicate,
 * else 0. */
static int exit_status(const batch_outcome *o, int rc, int missing) {
  if (rc != 0 || o->failed || o->failed_before || o->not_done || missing) return 2;
  return o->with_findings || o->differing || o->duplicates ? 1 : 0;
}

int ahconv_batch(int argc, char **argv) {
  batch_run r = {.lock_fd = -1};
  /* options_batch gathers the inputs at the front of argv: the command as
   * given, for the reports, is kept first */
  char **given = ah_xreallocarray(NULL, (size_t)argc + 1, sizeof *given);
  memcpy(given, argv, (size_t)argc * sizeof *given);
  int usage = options_batch(argc, argv, &r.opt);
  if (usage) {
    free(given);
    return usage;
  }
  r.ext = r.opt.pdf ? ".pdf" : ".xml";
  r.names = (batch_naming){.outdir = r.opt.outdir, .format = r.opt.format, .ext = r.ext, .state = &r.st,
                           .prefix = r.opt.bag ? BAG_PAYLOAD : NULL};
  r.tally.argc = argc;
  r.tally.argv = (const char *const *)given;
  r.tally.run_date = time(NULL);
  int missing = 0, rc_bag = 0;
  if (prepare(&r, &missing) != 0) {
    free_run(&r);
    free(given);
    return 2;
  }
  if (r.opt.bag && bag_open(r.opt.outdir) != 0) rc_bag = -1;
  mark_skipped(&r);
  pool_catch_signals();
  int rc = convert_all(&r);
  remove_tmpdir(r.tmpdir);
  inputs_flatten(&r.in); /* a bundle's documents: a row and a record each */
  bool bag_end = r.opt.bag && !pool_stop_signal() && !r.disk_full;
  if (bag_end) rc_bag |= bag_payload(&r);
  bool csv_written = report_write_csv(r.opt.outdir, &r.in, r.opt.csv_nl) == 0;
  if (r.opt.html) html_report_batch(r.opt.outdir, &r.in, &r.tally, &r.opt);
  if (bag_end && rc_bag == 0) rc_bag = bag_finish(r.opt.outdir, r.tally.run_date);
  sync_outdir(r.opt.outdir);

  batch_outcome outcome = report_count(&r.in);
  report_failures(&r.in);
  int stop_signal = pool_stop_signal();
  const char *why_not_done = stop_signal == SIGINT ? "interrupted" : r.disk_full ? "no space left on device" : "stopped";
  if (!r.opt.quiet || outcome.failed || outcome.not_done || stop_signal || !csv_written)
    report_summary(&r.in, &outcome, &r.tally, r.opt.outdir, why_not_done, csv_written);
  if (stop_signal || outcome.not_done) report_how_to_go_on(&outcome, &r.tally);
  int status = stop_signal ? 128 + stop_signal : exit_status(&outcome, rc || !csv_written || rc_bag, missing);
  free_run(&r);
  free(given);
  return status;
}
