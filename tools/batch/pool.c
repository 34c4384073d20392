/* pool.c — the worker processes of `ahconv batch`, seen from the parent.
 *
 * Takes: the inputs and a folder for temporary outputs.  Gives: each input
 * converted by one of N forked workers (worker.c), its output in a
 * temporary file and its result in the input, handed to the caller in
 * input order.
 *
 * The messages are framed (protocol.h): a task is an index and a path, any
 * bytes but NUL.  A worker has one task at a time.  A worker that dies
 * (crash, out of memory) fails its input and is replaced; workers die with
 * the parent.
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
  pid_t pid;    /* 0: not running */
  int to, from; /* pipes: tasks out, results in */
  long busy;    /* input index + 1, 0 idle */
} batch_worker;

typedef struct {
  batch_worker *workers;
  const pool_config *cfg;
  batch_inputs *in;
  long *max_rss_kb;
  char *msg; /* result message buffer */
  size_t msg_cap;
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

/* ---- the parent's side -------------------------------------------------- */

/* Starts worker k; the child closes the pipes of the other workers, or
 * their task pipes would never reach end of file. */
static int start_worker(batch_worker *ws, int k, const pool_config *cfg) {
  int task[2], result[2];
  if (pipe2(task, O_CLOEXEC) != 0) return -1;
  if (pipe2(result, O_CLOEXEC) != 0) {
    close(task[0]);
    close(task[1]);
    return -1;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    /* a worker dies with its parent, however the parent dies */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0);
    signal(SIGINT, SIG_IGN); /* the parent decides; it kills us */
    signal(SIGTERM, SIG_DFL);
    for (int j = 0; j < cfg->jobs; j++)
      if (j != k && ws[j].pid) {
        close(ws[j].to);
        close(ws[j].from);
      }
    close(task[1]);
    close(result[0]);
    worker_config wc = {.tmpdir = cfg->tmpdir, .pdf = cfg->pdf};
    worker_run(task[0], result[1], &wc);
    _exit(0);
  }
  close(task[0]);
  close(result[1]);
  ws[k] = (batch_worker){.pid = pid, .to = task[1], .from = result[0]};
  return 0;
}

static int start_all(pool *p) {
  for (int k = 0; k < p->cfg->jobs; k++)
    if (start_worker(p->workers, k, p->cfg) != 0) {
      fprintf(stderr, "ahconv: cannot start a worker: %s\n", strerror(errno));
      for (int j = 0; j < k; j++) kill(p->workers[j].pid, SIGKILL);
      return -1;
    }
  return 0;
}

static void note_rss(pool *p, const struct rusage *ru) {
  if (ru->ru_maxrss > *p->max_rss_kb) *p->max_rss_kb = ru->ru_maxrss;
}

static void send_task(batch_worker *w, size_t index, const char *path) {
  char number[24];
  snprintf(number, sizeof number, "%zu", index);
  const char *f[] = {number, path};
  if (protocol_send(w->to, f, 2) == 0) w->busy = (long)index + 1;
}

/* Gives each idle worker the next pending input; returns where to look for
 * the next one. */
static size_t hand_out(pool *p, size_t next) {
  batch_inputs *in = p->in;
  for (int k = 0; k < p->cfg->jobs; k++) {
    batch_worker *w = &p->workers[k];
    while (next < in->n && in->items[next].state != INPUT_PENDING) next++;
    if (w->pid && !w->busy && next < in->n) {
      in->items[next].state = INPUT_RUNNING;
      send_task(w, next, in->items[next].path);
      if (!w->busy) in->items[next].state = INPUT_PENDING;
    }
  }
  return next;
}

/* A result message of worker w (its fields f[0..n)). */
static void take_result(pool *p, batch_worker *w, char **f, int n) {
  if (n < 6 || !w->busy || strtoul(f[0], NULL, 10) != (unsigned long)(w->busy - 1)) return;
  batch_input *it = &p->in->items[w->busy - 1];
  it->state = INPUT_DONE;
  w->busy = 0;
  if (strcmp(f[1], "ok") == 0 && n == 10) {
    it->ok = true;
    it->id = ah_strdup(f[2]);
    it->sha256 = ah_strdup(f[3]);
    it->vragen = atoi(f[4]);
    it->antwoorden = atoi(f[5]);
    it->noten = atoi(f[6]);
    it->findings = atoi(f[7]);
    it->seconds = atof(f[8]);
    it->tmp = ah_strdup(f[9]);
  } else {
    it->ok = false;
    it->error = ah_strdup(f[4]);
    it->seconds = atof(f[5]);
  }
}

/* A worker died (crash, out of memory): its input fails. */
static void worker_lost(pool *p, batch_worker *w) {
  int status = 0;
  struct rusage ru;
  if (wait4(w->pid, &status, 0, &ru) > 0) note_rss(p, &ru);
  if (w->busy) {
    batch_input *it = &p->in->items[w->busy - 1];
    it->state = INPUT_DONE;
    it->ok = false;
    char msg[128];
    if (WIFSIGNALED(status)) snprintf(msg, sizeof msg, "converter crashed (signal %d)", WTERMSIG(status));
    else snprintf(msg, sizeof msg, "converter stopped (exit %d)", WEXITSTATUS(status));
    it->error = ah_strdup(msg);
  }
  close(w->from);
  close(w->to);
  w->pid = 0;
  w->busy = 0;
}

/* Waits for busy workers and takes their results; a lost worker is
 * replaced.  With no worker busy, restarts the ones that are gone. */
static void wait_for_results(pool *p) {
  int jobs = p->cfg->jobs;
  fd_set set;
  FD_ZERO(&set);
  int maxfd = -1;
  for (int k = 0; k < jobs; k++)
    if (p->workers[k].pid && p->workers[k].busy) {
      FD_SET(p->workers[k].from, &set);
      if (p->workers[k].from > maxfd) maxfd = p->workers[k].from;
    }
  if (maxfd < 0) {
    for (int k = 0; k < jobs; k++)
      if (!p->workers[k].pid && start_worker(p->workers, k, p->cfg) != 0) stop_signal = SIGTERM;
    return;
  }
  if (select(maxfd + 1, &set, NULL, NULL, NULL) < 0) return; /* EINTR: the caller looks at stop_signal */
  for (int k = 0; k < jobs; k++) {
    batch_worker *w = &p->workers[k];
    if (!w->pid || !w->busy || !FD_ISSET(w->from, &set)) continue;
    char *f[PROTOCOL_MAX_FIELDS];
    int n = protocol_receive(w->from, &p->msg, &p->msg_cap, f, PROTOCOL_MAX_FIELDS);
    if (n > 0) {
      take_result(p, w, f, n);
    } else {
      worker_lost(p, w);
      if (start_worker(p->workers, k, p->cfg) != 0) w->pid = 0;
    }
  }
}

/* Closing the task pipe ends a worker; after a stop signal it is killed. */
static void stop_all(pool *p) {
  for (int k = 0; k < p->cfg->jobs; k++) {
    batch_worker *w = &p->workers[k];
    if (!w->pid) continue;
    close(w->to);
    if (stop_signal) kill(w->pid, SIGKILL);
    int status;
    struct rusage ru;
    if (wait4(w->pid, &status, 0, &ru) > 0) note_rss(p, &ru);
    close(w->from);
  }
}

int pool_run(batch_inputs *in, const pool_config *cfg, long *max_rss_kb) {
  pool p = {.workers = ah_xcalloc((size_t)cfg->jobs, sizeof *p.workers), .cfg = cfg, .in = in,
            .max_rss_kb = max_rss_kb};
  if (start_all(&p) != 0) {
    free(p.workers);
    return -1;
  }
  size_t next = 0, commit_at = 0;
  while (commit_at < in->n && !stop_signal) {
    next = hand_out(&p, next);
    while (commit_at < in->n && in->items[commit_at].state == INPUT_DONE) cfg->commit(cfg->user, commit_at++);
    if (commit_at >= in->n) break;
    wait_for_results(&p);
  }
  free(p.msg);
  stop_all(&p);
  free(p.workers);
  return 0;
}
