/* pool.c — the worker processes of `ahconv batch` and their pipe protocol.
 *
 * Takes: the inputs and a folder for temporary outputs.  Gives: each input
 * converted by one of N forked workers, its output in a temporary file and
 * its result in the input, handed to the caller in input order.
 *
 * The protocol, one line each way per input:
 *   parent -> worker  index \t path
 *   worker -> parent  index \t ok \t id \t sha256 \t vragen \t antwoorden \t
 *                     noten \t findings \t seconds \t tmp \t vraagnummer
 *                     index \t failed \t message \t seconds
 * A worker has one task at a time, so a result line never waits behind
 * another in the parent's buffer.  A worker that dies (crash, out of
 * memory) fails its input and is replaced; workers die with the parent.
 */
#define _GNU_SOURCE /* pipe2, wait4 */
#include "pool.h"

#include "ahconv.h"
#include "common.h"

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
  FILE *results;
  long busy;    /* input index + 1, 0 idle */
} batch_worker;

typedef struct {
  batch_worker *workers;
  const pool_config *cfg;
  batch_inputs *in;
  long *max_rss_kb;
  char *line; /* result line buffer */
  size_t line_cap;
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

/* ---- the worker's side -------------------------------------------------- */

static void count_sections(const ah_doc *doc, int *vragen, int *antwoorden, int *noten) {
  *vragen = *antwoorden = *noten = 0;
  for (ah_node *n = ah_node_first_child(ah_doc_root(doc)); n; n = ah_node_next(n)) {
    ah_node_type t = ah_node_get_type(n);
    if (t == AH_NODE_VRAAG) ++*vragen;
    else if (t == AH_NODE_ANTWOORD) ++*antwoorden;
    else if (t == AH_NODE_NOTEN)
      for (ah_node *c = ah_node_first_child(n); c; c = ah_node_next(c)) ++*noten;
  }
}

/* A message fit for one field of a protocol line. */
static void one_line(char *s) {
  for (; *s; s++)
    if (*s == '\t' || *s == '\n' || *s == '\r') *s = ' ';
}

/* Writes bytes to a new file in tmpdir, its name into tmp.  Not synced: the
 * run syncs the file system once at its end (see batch.c).  0, or -1 with
 * err set and no file left. */
static int write_temp_output(const char *tmpdir, const char *bytes, size_t n, char *tmp, size_t tmp_size,
                             ah_error *err) {
  snprintf(tmp, tmp_size, "%s/out.XXXXXX", tmpdir);
  int fd = mkstemp(tmp);
  bool written = fd >= 0;
  for (size_t off = 0; written && off < n;) {
    ssize_t w = write(fd, bytes + off, n - off);
    if (w < 0 && errno == EINTR) continue;
    written = w > 0;
    off += w > 0 ? (size_t)w : 0;
  }
  if (fd >= 0) {
    /* mkstemp makes 0600; give the file the mode a plain create would */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (close(fd) != 0) written = false;
  }
  if (written) return 0;
  err->code = AH_ERROR_IO;
  snprintf(err->message, sizeof err->message, "cannot write: %s", strerror(errno));
  if (fd >= 0) unlink(tmp);
  return -1;
}

static void answer_ok(FILE *answers, const char *index, const ah_doc *doc, double seconds, const char *tmp) {
  int vragen, antwoorden, noten;
  count_sections(doc, &vragen, &antwoorden, &noten);
  size_t findings = ah_verify(doc, NULL, NULL);
  const char *id = ah_doc_id(doc);
  char vraagnummer[64];
  snprintf(vraagnummer, sizeof vraagnummer, "%s", ah_doc_vraagnummer(doc) ? ah_doc_vraagnummer(doc) : "-");
  one_line(vraagnummer);
  fprintf(answers, "%s\tok\t%s\t%s\t%d\t%d\t%d\t%zu\t%.3f\t%s\t%s\n", index, id && *id ? id : "-",
          ah_doc_sha256(doc), vragen, antwoorden, noten, findings, seconds, tmp, vraagnummer);
}

static void answer_failed(FILE *answers, const char *index, const ah_error *err, double seconds) {
  char msg[sizeof err->message];
  snprintf(msg, sizeof msg, "%s", err->message[0] ? err->message : ah_status_string(err->code));
  one_line(msg);
  fprintf(answers, "%s\tfailed\t%s\t%.3f\n", index, msg, seconds);
}

static void convert_one(FILE *answers, const char *index, const char *path, const char *tmpdir, bool pdf) {
  double started = seconds_now();
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_file(path, AH_OPT_DEFAULT, &err);
  char *bytes = NULL;
  size_t n = 0;
  if (doc) bytes = pdf ? ah_render_pdf(doc, AH_OPT_DEFAULT, &n, &err) : ah_render_xml(doc, AH_OPT_DEFAULT, &n, &err);
  char tmp[4096] = "";
  if (bytes && write_temp_output(tmpdir, bytes, n, tmp, sizeof tmp, &err) != 0) {
    free(bytes);
    bytes = NULL;
  }
  double seconds = seconds_now() - started;
  if (bytes) answer_ok(answers, index, doc, seconds, tmp);
  else answer_failed(answers, index, &err, seconds);
  fflush(answers);
  free(bytes);
  ah_doc_free(doc);
}

/* The worker's life: tasks until the parent closes the task pipe. */
static void work(int in_fd, int out_fd, const char *tmpdir, bool pdf) {
  FILE *tasks = fdopen(in_fd, "r");
  FILE *answers = fdopen(out_fd, "w");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, tasks)) > 0) {
    if (line[len - 1] == '\n') line[len - 1] = 0;
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    convert_one(answers, line, tab + 1, tmpdir, pdf);
  }
  free(line);
  fclose(tasks);
  fclose(answers);
}

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
    work(task[0], result[1], cfg->tmpdir, cfg->pdf);
    _exit(0);
  }
  close(task[0]);
  close(result[1]);
  ws[k] = (batch_worker){.pid = pid, .to = task[1], .from = result[0], .results = fdopen(result[0], "r")};
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
  ah_buf line = {0};
  ah_buf_printf(&line, "%zu\t%s\n", index, path);
  if (write(w->to, line.data, line.len) == (ssize_t)line.len) w->busy = (long)index + 1;
  ah_buf_free(&line);
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

static void take_result(pool *p, batch_worker *w, char *line) {
  char *f[11];
  int n = 0;
  for (char *save = NULL, *t = strtok_r(line, "\t\n", &save); t && n < 11; t = strtok_r(NULL, "\t\n", &save))
    f[n++] = t;
  if (n < 4) return;
  size_t index = (size_t)atol(f[0]);
  if (index >= p->in->n) return;
  batch_input *it = &p->in->items[index];
  it->state = INPUT_DONE;
  w->busy = 0;
  if (strcmp(f[1], "ok") == 0 && n == 11) {
    it->ok = true;
    it->id = ah_strdup(strcmp(f[2], "-") ? f[2] : "");
    it->sha256 = ah_strdup(f[3]);
    it->vragen = atoi(f[4]);
    it->antwoorden = atoi(f[5]);
    it->noten = atoi(f[6]);
    it->findings = atoi(f[7]);
    it->seconds = atof(f[8]);
    it->tmp = ah_strdup(f[9]);
    it->vraagnummer = strcmp(f[10], "-") ? ah_strdup(f[10]) : NULL;
  } else {
    it->ok = false;
    it->error = ah_strdup(f[2]);
    it->seconds = atof(f[3]);
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
  fclose(w->results);
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
    if (getline(&p->line, &p->line_cap, w->results) > 0) {
      take_result(p, w, p->line);
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
    fclose(w->results);
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
  free(p.line);
  stop_all(&p);
  free(p.workers);
  return 0;
}
