/* pool.c — the worker processes of `ahconv batch`, seen from the parent.
 *
 * Takes: the inputs and a folder for temporary outputs.  Gives: each input
 * converted by one of N forked workers (worker.c), its output in a
 * temporary file and its result in the input, handed to the caller in
 * input order.
 *
 * The messages are framed (protocol.h): a task is an index and a path, any
 * bytes but NUL.  A worker has one task at a time, and a deadline for it:
 * the parent's select() wakes at the earliest, and a worker past its
 * deadline is killed.  A worker that dies (crash, out of memory, killed)
 * fails its input, if it had one, and is replaced; one that died while idle
 * is found by the end of file on its pipe, or by a task that cannot be
 * sent, and replaced without failing anything.  Workers die with the
 * parent.
 */
#define _GNU_SOURCE /* pipe2, wait4 */
#include "pool.h"

#include "ahconv.h"
#include "common.h"
#include "protocol.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
  pid_t pid;       /* 0: not running */
  int to, from;    /* pipes: tasks out, results in */
  long busy;       /* input index + 1, 0 idle */
  double started;  /* seconds_now() when the task was sent */
  double deadline; /* seconds_now() past which the task is killed; 0: none */
} batch_worker;

typedef struct {
  batch_worker *workers;
  const pool_config *cfg;
  batch_inputs *in;
  long *max_rss_kb;
  char *msg; /* result message buffer */
  size_t msg_cap;
  int restarts; /* workers started since an input was last decided */
  pool_end end; /* POOL_DONE while the run goes on */
} pool;

static volatile sig_atomic_t stop_signal = 0;
static void on_signal(int sig) { stop_signal = sig; }

void pool_catch_signals(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
}

int pool_stop_signal(void) { return stop_signal; }

/* ---- starting and losing workers ---------------------------------------- */

/* The child's side of start_worker: never returns. */
static void become_worker(pool *p, int k, int task_fd, int result_fd, pid_t parent) {
  /* a worker dies with its parent, however the parent dies */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  signal(SIGINT, SIG_IGN); /* the parent decides; it kills us */
  signal(SIGTERM, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  /* the pipes of the other workers: or their task pipes would never end */
  for (int j = 0; j < p->cfg->jobs; j++)
    if (j != k && p->workers[j].pid) {
      close(p->workers[j].to);
      close(p->workers[j].from);
    }
  worker_config wc = {.tmpdir = p->cfg->tmpdir, .pdf = p->cfg->pdf, .max_memory_mib = p->cfg->max_memory_mib,
                      .verify_pages = p->cfg->verify_pages, .every_page = p->cfg->every_page};
  worker_run(task_fd, result_fd, &wc);
  _exit(0);
}

static int start_worker(pool *p, int k) {
  int task[2], result[2];
  if (pipe2(task, O_CLOEXEC) != 0) return -1;
  if (pipe2(result, O_CLOEXEC) != 0) {
    close(task[0]);
    close(task[1]);
    return -1;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    close(task[1]);
    close(result[0]);
    become_worker(p, k, task[0], result[1], parent);
  }
  close(task[0]);
  close(result[1]);
  if (pid < 0) {
    close(task[1]);
    close(result[0]);
    return -1;
  }
  p->workers[k] = (batch_worker){.pid = pid, .to = task[1], .from = result[0]};
  return 0;
}

/* Starts the workers that are not running: 0, or -1 after a message when
 * one cannot be started or workers keep dying before they decide an input. */
static int start_missing(pool *p) {
  for (int k = 0; k < p->cfg->jobs; k++) {
    if (p->workers[k].pid) continue;
    if (p->restarts++ > 2 * p->cfg->jobs + 2) {
      fprintf(stderr, "ahconv: workers keep dying before they convert anything; stopped\n");
      return -1;
    }
    if (start_worker(p, k) != 0) {
      fprintf(stderr, "ahconv: cannot start a worker: %s\n", strerror(errno));
      return -1;
    }
  }
  return 0;
}

static void note_rss(pool *p, const struct rusage *ru) {
  if (ru->ru_maxrss > *p->max_rss_kb) *p->max_rss_kb = ru->ru_maxrss;
}

/* Waits for a worker that has ended (or is killed) and closes its pipes. */
static int reap(pool *p, batch_worker *w) {
  int status = 0;
  struct rusage ru;
  if (wait4(w->pid, &status, 0, &ru) > 0) note_rss(p, &ru);
  close(w->from);
  close(w->to);
  w->pid = 0;
  return status;
}

/* The parts of a bundle received so far, their temporary files removed. */
static void drop_parts(batch_input *it) {
  for (int k = 0; k < it->n_parts; k++) {
    if (it->parts[k].tmp) unlink(it->parts[k].tmp);
    input_free(&it->parts[k]);
  }
  free(it->parts);
  it->parts = NULL;
  it->n_parts = 0;
  it->no_room = false;
}

/* The document of busy worker w is decided: each of its renditions failed
 * with msg (a bundle whole: the parts it answered are dropped). */
static void fail_task(pool *p, batch_worker *w, batch_failure kind, const char *msg) {
  batch_input *lead = &p->in->items[w->busy - 1];
  drop_parts(lead);
  for (int k = 0; k < lead->n_members; k++) {
    batch_input *it = lead + k;
    it->state = INPUT_DONE;
    it->ok = false;
    it->failure = kind;
    free(it->error);
    it->error = ah_strdup(msg);
    it->seconds = seconds_now() - w->started; /* the worker's own count, when it answers */
  }
  w->busy = 0;
  p->restarts = 0;
}

/* Worker w is gone (end of file on its pipe, a task it did not take, a
 * message it should not have sent): its input fails, if it had one. */
static void worker_lost(pool *p, batch_worker *w, bool kill_it) {
  if (kill_it) kill(w->pid, SIGKILL);
  int status = reap(p, w);
  if (!w->busy) return;
  char msg[128];
  batch_failure kind = FAILURE_ENVIRONMENT;
  if (WIFEXITED(status) && WEXITSTATUS(status) == WORKER_EXIT_MEMORY) {
    kind = FAILURE_LIMIT;
    snprintf(msg, sizeof msg, "exceeded %d MiB", p->cfg->max_memory_mib);
  } else if (WIFSIGNALED(status)) {
    snprintf(msg, sizeof msg, "converter crashed (signal %d)", WTERMSIG(status));
  } else {
    snprintf(msg, sizeof msg, "converter stopped (exit %d)", WEXITSTATUS(status));
  }
  fail_task(p, w, kind, msg);
}

static void time_out(pool *p, batch_worker *w) {
  kill(w->pid, SIGKILL);
  reap(p, w);
  char msg[64];
  snprintf(msg, sizeof msg, "timed out after %d s", p->cfg->timeout_s);
  fail_task(p, w, FAILURE_LIMIT, msg);
}

/* ---- tasks and results -------------------------------------------------- */

/* Test hook: with AHCONV_TEST_TIMEOUT_ONLY=S set, --timeout applies only to
 * inputs whose path contains S, so a test gives its hanging input a short
 * limit without racing the good inputs against a busy machine's clock. */
static bool timeout_applies(const char *path) {
  const char *s = getenv("AHCONV_TEST_TIMEOUT_ONLY");
  return !s || !*s || strstr(path, s);
}

/* Gives each idle worker the next pending input; returns where to look for
 * the next one.  A worker that cannot take its task died while idle: it is
 * replaced and the input stays pending. */
static size_t hand_out(pool *p, size_t next) {
  batch_inputs *in = p->in;
  if (start_missing(p) != 0) p->end = POOL_NO_WORKERS;
  for (int k = 0; k < p->cfg->jobs && p->end == POOL_DONE; k++) {
    batch_worker *w = &p->workers[k];
    while (next < in->n && (in->items[next].state != INPUT_PENDING || in->items[next].leader != next)) next++;
    if (!w->pid || w->busy || next >= in->n) continue;
    char number[24];
    snprintf(number, sizeof number, "%zu", next);
    const char *f[PROTOCOL_MAX_FIELDS] = {number};
    int n = in->items[next].n_members;
    for (int m = 0; m < n; m++) f[1 + m] = in->items[next + (size_t)m].path;
    if (protocol_send(w->to, f, 1 + n) != 0) {
      worker_lost(p, w, true);
      if (start_missing(p) != 0) p->end = POOL_NO_WORKERS;
      k--; /* the new worker takes it */
      continue;
    }
    for (int m = 0; m < n; m++) in->items[next + (size_t)m].state = INPUT_RUNNING;
    w->busy = (long)next + 1;
    w->started = seconds_now();
    w->deadline = p->cfg->timeout_s && timeout_applies(in->items[next].path) ? w->started + p->cfg->timeout_s : 0;
  }
  return next;
}

static batch_failure failure_of(ah_status code) {
  switch (code) {
  case AH_ERROR_EMPTY:
  case AH_ERROR_FORMAT:
  case AH_ERROR_DAMAGED:
  case AH_ERROR_ENCRYPTED:
  case AH_ERROR_NOT_AANHANGSEL:
  case AH_ERROR_BUNDLE: return FAILURE_DOCUMENT; /* stands until the file changes */
  default: return FAILURE_ENVIRONMENT;
  }
}

/* index, "failed", code, errno, message, seconds */
static void take_failure(pool *p, batch_worker *w, char **f, int n) {
  batch_input *it = &p->in->items[w->busy - 1];
  int code = atoi(f[2]), write_errno = atoi(f[3]);
  if (write_errno == ENOSPC || write_errno == EDQUOT) {
    /* the disk, not the input: not done, and the run stops */
    for (int k = 0; k < it->n_members; k++) it[k].state = INPUT_PENDING;
    w->busy = 0;
    p->end = POOL_DISK_FULL;
    return;
  }
  char msg[64];
  if (code == AH_ERROR_NOMEM && p->cfg->max_memory_mib && worker_can_limit_memory()) {
    snprintf(msg, sizeof msg, "exceeded %d MiB", p->cfg->max_memory_mib);
    fail_task(p, w, FAILURE_LIMIT, msg);
  } else {
    fail_task(p, w, failure_of((ah_status)code), f[4]);
  }
  it->seconds = atof(f[5]);
  /* each rendition's own error: the leader's is the document's */
  for (int k = 1; k < it->n_members && 6 + k < n; k++)
    if (*f[6 + k]) {
      free(it[k].error);
      it[k].error = ah_strdup(f[6 + k]);
    }
}

/* What the document's answer says of one of its renditions: the
 * document's fields (every rendition's row shows them), and its own
 * differences from the source (at[0]), error (at[1]) and sha256 (at[2]).
 * The source's differences are the sum of the others'; -1 when one did not
 * open.  at: its differences, their lines, its error, its sha256. */
static void take_rendition(batch_input *it, bool source, char **f, int at) {
  it->state = INPUT_DONE;
  it->ok = !*f[at + 2];
  it->failure = it->ok ? FAILURE_NONE : FAILURE_DOCUMENT;
  it->error = it->ok ? NULL : ah_strdup(f[at + 2]);
  it->differences = *f[at + 1] ? ah_strdup(f[at + 1]) : NULL;
  it->source = source;
  it->id = ah_strdup(f[2]);
  it->vraagnummer = *f[3] ? ah_strdup(f[3]) : NULL;
  it->sha256 = ah_strdup(*f[at + 3] ? f[at + 3] : f[4]);
  it->vragen = atoi(f[5]);
  it->antwoorden = atoi(f[6]);
  it->noten = atoi(f[7]);
  it->findings = atoi(f[8]);
  it->catalogue = ah_strdup(f[12]);
  it->compared = !source;
  it->compare_findings = source ? 0 : atoi(f[at]);
}

/* The source's differences: the sum of the others', -1 when one did not
 * open; not compared when it stands alone. */
static void sum_differences(batch_input *lead) {
  batch_input *src = NULL;
  int sum = 0;
  for (int k = 0; k < lead->n_members; k++) {
    if (lead[k].source) src = lead + k;
    else if (lead[k].compare_findings < 0 || sum < 0) sum = -1;
    else sum += lead[k].compare_findings;
  }
  if (!src || lead->n_members < 2) return;
  src->compared = true;
  src->compare_findings = sum;
}

/* index, "part", k, n, first, last, "ok"/"failed", id, vraagnummer, sha256,
 * vragen, antwoorden, noten, findings, seconds, tmp, catalogue, code,
 * errno, message: false when it is not the part that was due. */
static bool take_part(pool *p, batch_worker *w, char **f) {
  batch_input *it = &p->in->items[w->busy - 1];
  int k = atoi(f[2]), n = atoi(f[3]);
  if (n < 1 || n > 100000 || k != it->n_parts || (it->parts && n != it->n_parts_due) || k >= n ||
      it->n_members != 1)
    return false;
  if (!it->parts) it->parts = ah_xcalloc((size_t)(it->n_parts_due = n), sizeof *it->parts);
  batch_input *part = &it->parts[it->n_parts++];
  input_part_init(part, it, (size_t)(w->busy - 1), k + 1);
  part->page_first = atoi(f[4]);
  part->page_last = atoi(f[5]);
  part->ok = strcmp(f[6], "ok") == 0;
  part->failure = part->ok ? FAILURE_NONE : failure_of((ah_status)atoi(f[17]));
  part->error = part->ok ? NULL : ah_strdup(f[19]);
  part->id = *f[7] ? ah_strdup(f[7]) : NULL;
  part->vraagnummer = *f[8] ? ah_strdup(f[8]) : NULL;
  part->sha256 = ah_strdup(f[9]);
  part->vragen = atoi(f[10]);
  part->antwoorden = atoi(f[11]);
  part->noten = atoi(f[12]);
  part->findings = atoi(f[13]);
  part->seconds = atof(f[14]);
  part->tmp = *f[15] ? ah_strdup(f[15]) : NULL;
  part->catalogue = ah_strdup(f[16]);
  int write_errno = atoi(f[18]);
  if (write_errno == ENOSPC || write_errno == EDQUOT) it->no_room = true;
  if (it->n_parts < n) return true; /* more to come, in the same task */
  w->busy = 0;
  p->restarts = 0;
  if (it->no_room) { /* the disk, not the input: not done, and the run stops */
    drop_parts(it);
    it->state = INPUT_PENDING;
    p->end = POOL_DISK_FULL;
    return true;
  }
  it->state = INPUT_DONE;
  it->ok = true;
  for (int j = 0; j < it->n_parts; j++) it->seconds += it->parts[j].seconds;
  return true;
}

/* A result message of busy worker w (its fields f[0..n)); false when it is
 * not one. */
static bool take_result(pool *p, batch_worker *w, char **f, int n) {
  if (!w->busy || strtoul(f[0], NULL, 10) != (unsigned long)(w->busy - 1)) return false;
  batch_input *it = &p->in->items[w->busy - 1];
  if (strcmp(f[1], "part") == 0 && n == 20) return take_part(p, w, f);
  if (strcmp(f[1], "failed") == 0 && n == 6 + it->n_members) {
    take_failure(p, w, f, n);
    return true;
  }
  if (strcmp(f[1], "ok") != 0 || n != 14 + 4 * it->n_members) return false;
  int source = atoi(f[11]);
  for (int k = 0; k < it->n_members; k++) take_rendition(it + k, k == source, f, 14 + 4 * k);
  sum_differences(it);
  it->tmp = ah_strdup(f[10]);
  it->report_tmp = *f[13] ? ah_strdup(f[13]) : NULL;
  it->seconds = atof(f[9]);
  w->busy = 0;
  p->restarts = 0;
  return true;
}

/* select() on every worker's result pipe, until the earliest deadline. */
static int wait_readable(pool *p, fd_set *set) {
  FD_ZERO(set);
  int maxfd = -1;
  double earliest = 0;
  for (int k = 0; k < p->cfg->jobs; k++) {
    const batch_worker *w = &p->workers[k];
    if (!w->pid) continue;
    FD_SET(w->from, set);
    if (w->from > maxfd) maxfd = w->from;
    if (w->busy && w->deadline && (!earliest || w->deadline < earliest)) earliest = w->deadline;
  }
  struct timeval tv, *tvp = NULL;
  if (earliest) {
    double left = earliest - seconds_now();
    if (left < 0) left = 0;
    tv.tv_sec = (time_t)left;
    tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6) + 1;
    tvp = &tv;
  }
  return select(maxfd + 1, set, NULL, NULL, tvp);
}

/* Waits for results and takes them; a worker lost or past its deadline
 * (killed) leaves its slot empty for hand_out to fill. */
static void wait_for_results(pool *p) {
  fd_set set;
  if (wait_readable(p, &set) < 0) return; /* EINTR: the caller looks at stop_signal */
  for (int k = 0; k < p->cfg->jobs; k++) {
    batch_worker *w = &p->workers[k];
    if (!w->pid || !FD_ISSET(w->from, &set)) continue;
    char *f[PROTOCOL_MAX_FIELDS];
    int n = protocol_receive(w->from, &p->msg, &p->msg_cap, f, PROTOCOL_MAX_FIELDS);
    if (n <= 0 || !take_result(p, w, f, n)) worker_lost(p, w, n != 0);
  }
  double now = seconds_now();
  for (int k = 0; k < p->cfg->jobs; k++) {
    batch_worker *w = &p->workers[k];
    if (w->pid && w->busy && w->deadline && now >= w->deadline) time_out(p, w);
  }
}

/* ---- the run ------------------------------------------------------------ */

/* Closing the task pipe ends a worker; a busy one, or any after a stop
 * signal, is killed. */
static void stop_all(pool *p) {
  for (int k = 0; k < p->cfg->jobs; k++) {
    batch_worker *w = &p->workers[k];
    if (!w->pid) continue;
    close(w->to);
    w->to = -1;
    if (stop_signal || w->busy) kill(w->pid, SIGKILL);
    int status;
    struct rusage ru;
    if (wait4(w->pid, &status, 0, &ru) > 0) note_rss(p, &ru);
    close(w->from);
    w->pid = 0;
  }
}

/* An input converted (or running) in this run but not committed: not done. */
static void leave_undone(batch_input *it) {
  if (it->skipped || it->ignored || it->failure == FAILURE_NOT_A_FILE) return;
  drop_parts(it);
  if (it->state == INPUT_PENDING) return;
  it->source = it->compared = false;
  if (it->tmp) unlink(it->tmp);
  if (it->report_tmp) unlink(it->report_tmp);
  free(it->tmp);
  free(it->report_tmp);
  free(it->catalogue);
  free(it->differences);
  it->report_tmp = it->catalogue = it->differences = NULL;
  free(it->error);
  free(it->id);
  free(it->vraagnummer);
  free(it->sha256);
  it->tmp = it->error = it->id = it->vraagnummer = it->sha256 = NULL;
  it->ok = false;
  it->failure = FAILURE_NONE;
  it->state = INPUT_PENDING;
}

/* Commits the inputs done, in order, from *at: false when a commit stops
 * the run. */
static bool commit_done(pool *p, size_t *at) {
  while (*at < p->in->n && p->in->items[*at].state == INPUT_DONE)
    if (!p->cfg->commit(p->cfg->user, (*at)++)) return false;
  return true;
}

pool_end pool_run(batch_inputs *in, const pool_config *cfg, long *max_rss_kb) {
  pool p = {.workers = ah_xcalloc((size_t)cfg->jobs, sizeof *p.workers), .cfg = cfg, .in = in,
            .max_rss_kb = max_rss_kb, .end = POOL_DONE};
  if (start_missing(&p) != 0) p.end = POOL_NO_WORKERS;
  size_t next = 0, commit_at = 0;
  while (p.end != POOL_NO_WORKERS && !stop_signal) {
    /* what came back is put in place before more is handed out: a batch
     * killed once a worker holds input N has the outputs of what it had
     * back, however fast the conversions */
    if (!commit_done(&p, &commit_at)) p.end = POOL_DISK_FULL;
    if (p.end == POOL_DONE) next = hand_out(&p, next);
    if (commit_at >= in->n || p.end != POOL_DONE) break;
    wait_for_results(&p);
  }
  if (stop_signal && commit_at < in->n && p.end == POOL_DONE) p.end = POOL_STOPPED;
  free(p.msg);
  stop_all(&p);
  free(p.workers);
  for (size_t i = commit_at; i < in->n; i++) leave_undone(&in->items[i]);
  return p.end;
}
