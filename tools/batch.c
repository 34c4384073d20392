/* batch.c — `ahconv batch`: whole folders of renditions, converted by a pool
 * of worker processes, resumable, reported.
 *
 * Takes: OUTDIR and input files or folders.  Gives: one output per input in
 * OUTDIR (folders mirrored, named by publication id), OUTDIR/ahconv-report.csv
 * and a summary line; exit 0 only when nothing failed.
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
#define _GNU_SOURCE
#include "ahconv.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"

/* ---- small helpers ------------------------------------------------------ */

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fputs("ahconv: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fputs("ahconv: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}

static char *join(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *p = xmalloc(n);
  snprintf(p, n, "%s%s%s", a, *a && a[strlen(a) - 1] != '/' && *b ? "/" : "", b);
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool ends_with_ci(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* .pdf .html .htm, each optionally .gz */
static bool is_rendition_name(const char *name) {
  static const char *const exts[] = {".pdf", ".html", ".htm", ".pdf.gz", ".html.gz", ".htm.gz", NULL};
  for (int i = 0; exts[i]; i++)
    if (ends_with_ci(name, exts[i])) return true;
  return false;
}

/* "x/brief.pdf.gz" -> "brief" */
static char *stem(const char *path) {
  const char *slash = strrchr(path, '/');
  char *s = xstrdup(slash ? slash + 1 : path);
  if (ends_with_ci(s, ".gz")) s[strlen(s) - 3] = 0;
  char *dot = strrchr(s, '.');
  if (dot && dot != s) *dot = 0;
  return s;
}

static int mkdirs(const char *dir) {
  char *p = xstrdup(dir);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
      free(p);
      return -1;
    }
    *s = '/';
  }
  int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
  free(p);
  return rc;
}

/* CSV field: quoted when it holds a comma, quote or line break */
static void csv_field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
  }
  fputc('"', f);
}

/* ---- inputs ------------------------------------------------------------- */

typedef struct {
  char *path;    /* as given or found */
  char *subdir;  /* folder below the given folder, "" for a file given */
  long long size, mtime_ns;
  /* result */
  enum { PENDING, RUNNING, DONE } state;
  bool ok, skipped, failed_before;
  char *error, *id, *sha256, *output, *tmp;
  int vragen, antwoorden, noten, findings;
  double seconds;
} input;

typedef struct {
  input *items;
  size_t n, cap;
} inputs;

static void add_input(inputs *in, const char *path, const char *subdir, const struct stat *st) {
  if (in->n == in->cap) {
    in->cap = in->cap ? in->cap * 2 : 64;
    in->items = xrealloc(in->items, in->cap * sizeof *in->items);
  }
  input *it = &in->items[in->n++];
  memset(it, 0, sizeof *it);
  it->path = xstrdup(path);
  it->subdir = xstrdup(subdir);
  it->size = (long long)st->st_size;
  it->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Files of a folder, recursively, in name order (so every run sees the same
 * order); hidden entries and OUTDIR itself are left out. */
static void walk(inputs *in, const char *dir, const char *subdir, const char *outdir_real, int depth) {
  if (depth > 64) return;
  char *real = realpath(dir, NULL);
  bool is_out = real && outdir_real && strcmp(real, outdir_real) == 0;
  free(real);
  if (is_out) return;
  DIR *d = opendir(dir);
  if (!d) return;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) names = xrealloc(names, (cap = cap ? cap * 2 : 32) * sizeof *names);
    names[n++] = xstrdup(e->d_name);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_name);
  for (size_t i = 0; i < n; i++) {
    char *path = join(dir, names[i]);
    struct stat st;
    if (stat(path, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        char *sub = join(subdir, names[i]);
        walk(in, path, sub, outdir_real, depth + 1);
        free(sub);
      } else if (S_ISREG(st.st_mode) && is_rendition_name(names[i])) {
        add_input(in, path, subdir, &st);
      }
    }
    free(path);
    free(names[i]);
  }
  free(names);
}

/* ---- a string index: archives have tens of thousands of inputs ---------- */

typedef struct {
  char **keys;   /* NULL: empty slot */
  size_t *vals;
  size_t cap, n; /* cap a power of two, kept under half full */
} index_map;

static size_t hash(const char *s) {
  size_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static void index_put(index_map *m, const char *key, size_t val);

static void index_grow(index_map *m) {
  index_map bigger = {0};
  bigger.cap = m->cap ? m->cap * 2 : 256;
  bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
  bigger.vals = calloc(bigger.cap, sizeof *bigger.vals);
  if (!bigger.keys || !bigger.vals) {
    fputs("ahconv: out of memory\n", stderr);
    exit(2);
  }
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      index_put(&bigger, m->keys[i], m->vals[i]);
      free(m->keys[i]);
    }
  free(m->keys);
  free(m->vals);
  *m = bigger;
}

static void index_put(index_map *m, const char *key, size_t val) {
  if (2 * (m->n + 1) > m->cap) index_grow(m);
  size_t i = hash(key) & (m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & (m->cap - 1);
  if (!m->keys[i]) {
    m->keys[i] = xstrdup(key);
    m->n++;
  }
  m->vals[i] = val;
}

static bool index_get(const index_map *m, const char *key, size_t *val) {
  if (!m->cap) return false;
  for (size_t i = hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
    if (strcmp(m->keys[i], key) == 0) {
      *val = m->vals[i];
      return true;
    }
  return false;
}

static void index_free(index_map *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
}

/* ---- the state file: who wrote which output ----------------------------- */

typedef struct {
  char *input, *output, *format, *version, *sha256, *id;
  char *error; /* "" when the output was written */
  long long size, mtime_ns;
  int vragen, antwoorden, noten, findings;
} claim;

typedef struct {
  claim *items;
  size_t n, cap;
  index_map by_input;  /* "format \t input" -> claim */
  index_map by_output; /* output -> claim (check: a claim may have moved on) */
  int fd;              /* appended to */
} state;

#define STATE_NAME ".ahconv-state"
#define TMP_DIR ".ahconv-tmp"
#define REPORT_NAME "ahconv-report.csv"

static void free_claim(claim *c) {
  free(c->input);
  free(c->output);
  free(c->format);
  free(c->version);
  free(c->sha256);
  free(c->id);
  free(c->error);
}

/* One line per input done: version \t format \t input \t size \t mtime \t
 * sha256 \t id \t vragen \t antwoorden \t noten \t findings \t output \t
 * error; "-" for an empty field.  A failed input has output "-" and its
 * error: a rerun need not try an unchanged file again. */
static bool parse_claim(char *line, claim *c) {
  char *f[13];
  int n = 0;
  for (char *save = NULL, *t = strtok_r(line, "\t", &save); t && n < 13; t = strtok_r(NULL, "\t", &save)) f[n++] = t;
  if (n != 13) return false;
  memset(c, 0, sizeof *c);
  c->version = xstrdup(f[0]);
  c->format = xstrdup(f[1]);
  c->input = xstrdup(f[2]);
  c->size = atoll(f[3]);
  c->mtime_ns = atoll(f[4]);
  c->sha256 = xstrdup(f[5]);
  c->id = xstrdup(strcmp(f[6], "-") ? f[6] : "");
  c->vragen = atoi(f[7]);
  c->antwoorden = atoi(f[8]);
  c->noten = atoi(f[9]);
  c->findings = atoi(f[10]);
  c->output = xstrdup(strcmp(f[11], "-") ? f[11] : "");
  c->error = xstrdup(strcmp(f[12], "-") ? f[12] : "");
  return true;
}

static char *input_key(const char *format, const char *path) { return join(format, path); }

static void add_claim(state *s, claim c) {
  /* a later claim for the same input replaces the earlier one */
  char *key = input_key(c.format, c.input);
  size_t i;
  if (index_get(&s->by_input, key, &i)) {
    free_claim(&s->items[i]);
  } else {
    if (s->n == s->cap) s->items = xrealloc(s->items, (s->cap = s->cap ? s->cap * 2 : 64) * sizeof *s->items);
    i = s->n++;
    index_put(&s->by_input, key, i);
  }
  s->items[i] = c;
  if (*c.output) index_put(&s->by_output, c.output, i);
  free(key);
}

static int load_state(state *s, const char *outdir) {
  memset(s, 0, sizeof *s);
  char *path = join(outdir, STATE_NAME);
  FILE *f = fopen(path, "r");
  if (f) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
      if (line[len - 1] != '\n') break; /* cut short by a kill: not a claim */
      line[len - 1] = 0;
      claim c;
      if (parse_claim(line, &c)) add_claim(s, c);
    }
    free(line);
    fclose(f);
  }
  s->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  free(path);
  return s->fd < 0 ? -1 : 0;
}

static const claim *claim_of_input(const state *s, const char *path, const char *format) {
  char *key = input_key(format, path);
  size_t i;
  bool found = index_get(&s->by_input, key, &i);
  free(key);
  return found ? &s->items[i] : NULL;
}

static const claim *claim_of_output(const state *s, const char *output) {
  size_t i;
  if (!index_get(&s->by_output, output, &i) || strcmp(s->items[i].output, output) != 0) return NULL;
  return &s->items[i];
}

static int append_claim(state *s, const claim *c) {
  char *buf = NULL;
  int n = asprintf(&buf, "%s\t%s\t%s\t%lld\t%lld\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\n", c->version, c->format,
                   c->input, c->size, c->mtime_ns, *c->sha256 ? c->sha256 : "-", *c->id ? c->id : "-", c->vragen,
                   c->antwoorden, c->noten, c->findings, *c->output ? c->output : "-", *c->error ? c->error : "-");
  if (n < 0) return -1;
  int rc = write(s->fd, buf, (size_t)n) == n ? 0 : -1;
  free(buf);
  return rc;
}

/* ---- workers ------------------------------------------------------------ */

typedef struct {
  pid_t pid;
  int to, from;   /* pipes: tasks out, results in */
  FILE *results;
  long busy;      /* input index + 1, 0 idle */
  long max_rss_kb;
} worker;

/* Counts the sections of a converted document. */
static void count(const ah_doc *doc, int *vragen, int *antwoorden, int *noten) {
  *vragen = *antwoorden = *noten = 0;
  for (ah_node *n = ah_node_first_child(ah_doc_root(doc)); n; n = ah_node_next(n)) {
    ah_node_type t = ah_node_get_type(n);
    if (t == AH_NODE_VRAAG) ++*vragen;
    else if (t == AH_NODE_ANTWOORD) ++*antwoorden;
    else if (t == AH_NODE_NOTEN)
      for (ah_node *c = ah_node_first_child(n); c; c = ah_node_next(c)) ++*noten;
  }
}

static void one_line(char *s) {
  for (; *s; s++)
    if (*s == '\t' || *s == '\n' || *s == '\r') *s = ' ';
}

/* A worker: reads "index \t path" lines, converts, answers with one line:
 *   index \t ok \t id \t sha256 \t vragen \t antwoorden \t noten \t findings \t seconds \t tmp
 *   index \t failed \t message \t seconds */
static void work(int in_fd, int out_fd, const char *tmpdir, bool pdf) {
  FILE *in = fdopen(in_fd, "r");
  FILE *out = fdopen(out_fd, "w");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, in)) > 0) {
    if (line[len - 1] == '\n') line[len - 1] = 0;
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    const char *index = line, *path = tab + 1;
    double t0 = now();
    ah_error err = {0};
    ah_doc *doc = ah_doc_open_file(path, AH_OPT_DEFAULT, &err);
    char *bytes = NULL;
    size_t n = 0;
    if (doc) bytes = pdf ? ah_render_pdf(doc, AH_OPT_DEFAULT, &n, &err) : ah_render_xml(doc, AH_OPT_DEFAULT, &n, &err);
    char tmp[4096] = "";
    if (bytes) {
      snprintf(tmp, sizeof tmp, "%s/out.XXXXXX", tmpdir);
      int fd = mkstemp(tmp);
      bool written = fd >= 0;
      for (size_t off = 0; written && off < n;) {
        ssize_t w = write(fd, bytes + off, n - off);
        if (w < 0 && errno == EINTR) continue;
        written = w > 0;
        off += w > 0 ? (size_t)w : 0;
      }
      if (fd >= 0) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
        if (close(fd) != 0) written = false;
      }
      if (!written) {
        snprintf(err.message, sizeof err.message, "cannot write: %s", strerror(errno));
        if (fd >= 0) unlink(tmp);
        free(bytes);
        bytes = NULL;
      }
    }
    double seconds = now() - t0;
    if (bytes) {
      int v, a, nt;
      count(doc, &v, &a, &nt);
      size_t findings = ah_verify(doc, NULL, NULL);
      const char *id = ah_doc_id(doc);
      fprintf(out, "%s\tok\t%s\t%s\t%d\t%d\t%d\t%zu\t%.3f\t%s\n", index, id && *id ? id : "-",
              ah_doc_sha256(doc), v, a, nt, findings, seconds, tmp);
    } else {
      char msg[sizeof err.message];
      snprintf(msg, sizeof msg, "%s", err.message[0] ? err.message : ah_status_string(err.code));
      one_line(msg);
      fprintf(out, "%s\tfailed\t%s\t%.3f\n", index, msg, seconds);
    }
    fflush(out);
    free(bytes);
    ah_doc_free(doc);
  }
  free(line);
  fclose(in);
  fclose(out);
}

static volatile sig_atomic_t stop_signal = 0;
static void on_signal(int sig) { stop_signal = sig; }

/* Starts worker k of ws; the child closes the pipes of the other workers,
 * or their task pipes would never reach end of file. */
static int start_worker(worker *ws, int jobs, int k, const char *tmpdir, bool pdf) {
  worker *w = &ws[k];
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
    for (int j = 0; j < jobs; j++)
      if (j != k && ws[j].pid) {
        close(ws[j].to);
        close(ws[j].from);
      }
    close(task[1]);
    close(result[0]);
    work(task[0], result[1], tmpdir, pdf);
    _exit(0);
  }
  close(task[0]);
  close(result[1]);
  w->pid = pid;
  w->to = task[1];
  w->from = result[0];
  w->results = fdopen(result[0], "r");
  w->busy = 0;
  return 0;
}

/* ---- the run ------------------------------------------------------------ */

typedef struct {
  const char *outdir, *format, *ext;
  bool force, quiet, progress, pdf;
  inputs in;
  state st;
  char *tmpdir;
  size_t done, failed, skipped;
  index_map taken; /* output names given in this run -> input */
  double started;
  long max_rss_kb;
} run;

static void progress(run *r) {
  if (!r->progress) return;
  double elapsed = now() - r->started;
  size_t converted = r->done - r->skipped;
  double rate = elapsed > 0 ? (double)converted / elapsed : 0;
  double left = rate > 0 ? (double)(r->in.n - r->done) / rate : 0;
  fprintf(stderr, "\r%zu/%zu done, %.1f files/s, %d:%02d left, %zu failed   ", r->done, r->in.n, rate,
          (int)(left / 60), (int)left % 60, r->failed);
  fflush(stderr);
}

/* The output's name below OUTDIR: mirrored folder, the id (else the input's
 * name), the format's extension; "-2", "-3", … when another input has it, or
 * a file this tool did not write is there. */
static char *choose_name(run *r, size_t index) {
  input *it = &r->in.items[index];
  const claim *mine = claim_of_input(&r->st, it->path, r->format);
  char *base = it->id && *it->id ? xstrdup(it->id) : stem(it->path);
  char *result = NULL;
  for (int k = 1; !result; k++) {
    char name[1024];
    if (k == 1) snprintf(name, sizeof name, "%s%s", base, r->ext);
    else snprintf(name, sizeof name, "%s-%d%s", base, k, r->ext);
    char *rel = join(it->subdir, name);
    const claim *owner = claim_of_output(&r->st, rel);
    size_t by;
    bool taken_in_run = index_get(&r->taken, rel, &by) && by < index;
    char *full = join(r->outdir, rel);
    bool foreign = !owner && access(full, F_OK) == 0;
    free(full);
    bool free_for_me = (!owner || owner == mine || (mine && strcmp(owner->input, it->path) == 0)) &&
                       !taken_in_run && !foreign;
    if (free_for_me) result = rel;
    else free(rel);
  }
  free(base);
  return result;
}

static void fail_input(run *r, input *it, const char *message) {
  it->ok = false;
  free(it->error);
  it->error = xstrdup(message);
  r->failed++;
}

/* Puts a finished input's output in place: claim, then rename. */
static void commit(run *r, size_t index) {
  input *it = &r->in.items[index];
  r->done++;
  if (it->skipped) return;
  if (!it->ok) {
    r->failed++;
    claim c = {.input = xstrdup(it->path), .output = xstrdup(""), .format = xstrdup(r->format),
               .version = xstrdup(ah_version()), .sha256 = xstrdup(""), .id = xstrdup(""),
               .error = xstrdup(it->error ? it->error : "failed"), .size = it->size, .mtime_ns = it->mtime_ns};
    if (append_claim(&r->st, &c) == 0) add_claim(&r->st, c);
    else free_claim(&c);
    return;
  }
  it->output = choose_name(r, index);
  index_put(&r->taken, it->output, index);
  char *full = join(r->outdir, it->output);
  char *dir = xstrdup(full);
  *strrchr(dir, '/') = 0;
  claim c = {.input = xstrdup(it->path), .output = xstrdup(it->output), .format = xstrdup(r->format),
             .version = xstrdup(ah_version()), .sha256 = xstrdup(it->sha256), .id = xstrdup(it->id ? it->id : ""),
             .size = it->size, .mtime_ns = it->mtime_ns, .vragen = it->vragen, .antwoorden = it->antwoorden,
             .noten = it->noten, .findings = it->findings, .error = xstrdup("")};
  if (mkdirs(dir) != 0) {
    char msg[512];
    snprintf(msg, sizeof msg, "%s: cannot create folder: %s", dir, strerror(errno));
    fail_input(r, it, msg);
    unlink(it->tmp);
    free_claim(&c);
  } else if (append_claim(&r->st, &c) != 0) {
    fail_input(r, it, "cannot record the output in " STATE_NAME);
    unlink(it->tmp);
    free_claim(&c);
  } else if (rename(it->tmp, full) != 0) {
    char msg[512];
    snprintf(msg, sizeof msg, "%s: cannot write: %s", it->output, strerror(errno));
    fail_input(r, it, msg);
    unlink(it->tmp);
    add_claim(&r->st, c);
  } else {
    add_claim(&r->st, c);
  }
  free(dir);
  free(full);
}

static void take_result(run *r, worker *w, char *line) {
  char *f[10];
  int n = 0;
  for (char *save = NULL, *t = strtok_r(line, "\t\n", &save); t && n < 10; t = strtok_r(NULL, "\t\n", &save))
    f[n++] = t;
  if (n < 4) return;
  size_t index = (size_t)atol(f[0]);
  if (index >= r->in.n) return;
  input *it = &r->in.items[index];
  it->state = DONE;
  w->busy = 0;
  if (strcmp(f[1], "ok") == 0 && n == 10) {
    it->ok = true;
    it->id = xstrdup(strcmp(f[2], "-") ? f[2] : "");
    it->sha256 = xstrdup(f[3]);
    it->vragen = atoi(f[4]);
    it->antwoorden = atoi(f[5]);
    it->noten = atoi(f[6]);
    it->findings = atoi(f[7]);
    it->seconds = atof(f[8]);
    it->tmp = xstrdup(f[9]);
  } else {
    it->ok = false;
    it->error = xstrdup(f[2]);
    it->seconds = atof(f[3]);
  }
}

/* A worker died (crash, out of memory): its input fails, a new one starts. */
static void worker_lost(run *r, worker *w) {
  int status = 0;
  struct rusage ru;
  if (wait4(w->pid, &status, 0, &ru) > 0 && ru.ru_maxrss > r->max_rss_kb) r->max_rss_kb = ru.ru_maxrss;
  if (w->busy) {
    input *it = &r->in.items[w->busy - 1];
    it->state = DONE;
    it->ok = false;
    char msg[128];
    if (WIFSIGNALED(status)) snprintf(msg, sizeof msg, "converter crashed (signal %d)", WTERMSIG(status));
    else snprintf(msg, sizeof msg, "converter stopped (exit %d)", WEXITSTATUS(status));
    it->error = xstrdup(msg);
  }
  fclose(w->results);
  close(w->to);
  w->pid = 0;
  w->busy = 0;
}

static void send_task(worker *w, size_t index, const char *path) {
  char *line = NULL;
  int n = asprintf(&line, "%zu\t%s\n", index, path);
  if (n > 0 && write(w->to, line, (size_t)n) == n) w->busy = (long)index + 1;
  free(line);
}

static void write_report(run *r) {
  char *path = join(r->outdir, REPORT_NAME);
  char *tmp = join(r->outdir, REPORT_NAME ".tmp");
  FILE *f = fopen(tmp, "w");
  if (!f) {
    fprintf(stderr, "ahconv: %s: cannot write: %s\n", path, strerror(errno));
    free(path);
    free(tmp);
    return;
  }
  fputs("input,sha256,status,error,id,vragen,antwoorden,noten,findings,seconds,output\n", f);
  for (size_t i = 0; i < r->in.n; i++) {
    input *it = &r->in.items[i];
    if (it->state != DONE) continue;
    const char *status = it->skipped ? "skipped" : it->ok ? "ok" : "failed";
    csv_field(f, it->path);
    fputc(',', f);
    csv_field(f, it->sha256 ? it->sha256 : "");
    fprintf(f, ",%s,", status);
    csv_field(f, it->error ? it->error : "");
    fputc(',', f);
    csv_field(f, it->id ? it->id : "");
    if (it->ok || (it->skipped && !it->failed_before))
      fprintf(f, ",%d,%d,%d,%d,%.3f,", it->vragen, it->antwoorden, it->noten, it->findings, it->seconds);
    else
      fprintf(f, ",,,,,%.3f,", it->seconds);
    csv_field(f, it->output ? it->output : "");
    fputc('\n', f);
  }
  bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
  ok = fclose(f) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) {
    fprintf(stderr, "ahconv: %s: cannot write: %s\n", path, strerror(errno));
    unlink(tmp);
  }
  free(path);
  free(tmp);
}

/* Inputs with a matching claim and an existing output are skipped. */
static void mark_skipped(run *r) {
  if (r->force) return;
  for (size_t i = 0; i < r->in.n; i++) {
    input *it = &r->in.items[i];
    const claim *c = claim_of_input(&r->st, it->path, r->format);
    if (!c || c->size != it->size || c->mtime_ns != it->mtime_ns || strcmp(c->version, ah_version()) != 0) continue;
    if (*c->error) {
      /* failed before, unchanged since: it would fail again */
      it->skipped = it->failed_before = true;
      it->state = DONE;
      char *msg = NULL;
      if (asprintf(&msg, "failed before: %s", c->error) < 0) msg = NULL;
      it->error = msg ? msg : xstrdup("failed before");
      continue;
    }
    char *full = join(r->outdir, c->output);
    bool there = access(full, F_OK) == 0;
    free(full);
    if (!there) continue;
    it->skipped = true;
    it->state = DONE;
    it->ok = false;
    it->output = xstrdup(c->output);
    index_put(&r->taken, c->output, i);
    it->sha256 = xstrdup(c->sha256);
    it->id = xstrdup(c->id);
    it->vragen = c->vragen;
    it->antwoorden = c->antwoorden;
    it->noten = c->noten;
    it->findings = c->findings;
  }
}

static void remove_tmpdir(const char *tmpdir) {
  DIR *d = opendir(tmpdir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)))
      if (e->d_name[0] != '.') {
        char *p = join(tmpdir, e->d_name);
        unlink(p);
        free(p);
      }
    closedir(d);
  }
  rmdir(tmpdir);
}

static int run_pool(run *r, int jobs) {
  worker *ws = calloc((size_t)jobs, sizeof *ws);
  if (!ws) return -1;
  for (int k = 0; k < jobs; k++)
    if (start_worker(ws, jobs, k, r->tmpdir, r->pdf) != 0) {
      fprintf(stderr, "ahconv: cannot start a worker: %s\n", strerror(errno));
      for (int j = 0; j < k; j++) kill(ws[j].pid, SIGKILL);
      free(ws);
      return -1;
    }
  size_t next = 0, commit_at = 0;
  char *line = NULL;
  size_t cap = 0;
  while (commit_at < r->in.n && !stop_signal) {
    /* hand out work */
    for (int k = 0; k < jobs; k++) {
      while (next < r->in.n && r->in.items[next].state != PENDING) next++;
      if (ws[k].pid && !ws[k].busy && next < r->in.n) {
        r->in.items[next].state = RUNNING;
        send_task(&ws[k], next, r->in.items[next].path);
        if (!ws[k].busy) r->in.items[next].state = PENDING;
      }
    }
    /* commit what is finished, in input order */
    while (commit_at < r->in.n && r->in.items[commit_at].state == DONE) commit(r, commit_at++), progress(r);
    if (commit_at >= r->in.n) break;
    /* wait for a result */
    fd_set set;
    FD_ZERO(&set);
    int maxfd = -1;
    for (int k = 0; k < jobs; k++)
      if (ws[k].pid && ws[k].busy) {
        FD_SET(ws[k].from, &set);
        if (ws[k].from > maxfd) maxfd = ws[k].from;
      }
    if (maxfd < 0) {
      /* no worker left alive: start them again */
      for (int k = 0; k < jobs; k++)
        if (!ws[k].pid && start_worker(ws, jobs, k, r->tmpdir, r->pdf) != 0) stop_signal = SIGTERM;
      continue;
    }
    if (select(maxfd + 1, &set, NULL, NULL, NULL) < 0) continue; /* EINTR: look at stop_signal */
    for (int k = 0; k < jobs; k++) {
      if (!ws[k].pid || !ws[k].busy || !FD_ISSET(ws[k].from, &set)) continue;
      if (getline(&line, &cap, ws[k].results) > 0) {
        take_result(r, &ws[k], line);
      } else {
        worker_lost(r, &ws[k]);
        if (start_worker(ws, jobs, k, r->tmpdir, r->pdf) != 0) ws[k].pid = 0;
      }
    }
  }
  free(line);
  for (int k = 0; k < jobs; k++) {
    if (!ws[k].pid) continue;
    close(ws[k].to); /* end of tasks: the worker exits */
    if (stop_signal) kill(ws[k].pid, SIGKILL);
    int status;
    struct rusage ru;
    if (wait4(ws[k].pid, &status, 0, &ru) > 0 && ru.ru_maxrss > r->max_rss_kb) r->max_rss_kb = ru.ru_maxrss;
    fclose(ws[k].results);
  }
  free(ws);
  return 0;
}

static void free_run(run *r);

static int batch_usage(const char *msg) {
  fprintf(stderr, "ahconv: %s\n%s", msg, ahconv_usage_text);
  return 2;
}

int ahconv_batch(int argc, char **argv) {
  run r = {.format = "xml", .ext = ".xml"};
  int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs < 1) jobs = 1;
  /* inputs are gathered at the front of argv itself: nothing to free on an
   * early return */
  const char **roots = (const char **)argv;
  int n_roots = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
      if (++i >= argc) return batch_usage("-f needs a format");
      r.format = argv[i];
    } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") || (!strncmp(a, "-j", 2) && isdigit((unsigned char)a[2]))) {
      const char *num = a[2] && a[1] == 'j' ? a + 2 : NULL; /* "-j2" */
      if (!num && ++i >= argc) return batch_usage("-j needs a number");
      if (!num) num = argv[i];
      char *end;
      long j = strtol(num, &end, 10);
      if (*end || j < 1 || j > 256) return batch_usage("-j needs a number from 1 to 256");
      jobs = (int)j;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (++i >= argc) return batch_usage("-o needs a folder");
      r.outdir = argv[i];
    } else if (!strcmp(a, "--force")) {
      r.force = true;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      r.quiet = true;
    } else if (a[0] == '-' && a[1]) {
      char msg[128];
      snprintf(msg, sizeof msg, "unknown option %.60s", a);
      return batch_usage(msg);
    } else {
      roots[n_roots++] = a;
    }
  }
  if (!r.outdir) return batch_usage("batch needs -o OUTDIR");
  if (!n_roots) return batch_usage("batch needs an INPUT or a folder");
  if (strcmp(r.format, "xml") && strcmp(r.format, "pdf")) {
    char msg[128];
    snprintf(msg, sizeof msg, "unknown format %.60s (known: xml, pdf)", r.format);
    return batch_usage(msg);
  }
  r.pdf = !strcmp(r.format, "pdf");
  r.ext = r.pdf ? ".pdf" : ".xml";
  if (mkdirs(r.outdir) != 0) {
    fprintf(stderr, "ahconv: %s: cannot create folder: %s\n", r.outdir, strerror(errno));
    return 2;
  }
  char *outdir_real = realpath(r.outdir, NULL);

  /* inputs; one that cannot be read is reported, the rest go on */
  int missing = 0;
  for (int i = 0; i < n_roots; i++) {
    struct stat st;
    if (stat(roots[i], &st) != 0) {
      fprintf(stderr, "ahconv: %s: cannot open: %s\n", roots[i], strerror(errno));
      missing++;
    } else if (S_ISDIR(st.st_mode)) {
      walk(&r.in, roots[i], "", outdir_real, 0);
    } else {
      add_input(&r.in, roots[i], "", &st);
    }
  }
  free(outdir_real);

  if (load_state(&r.st, r.outdir) != 0) {
    fprintf(stderr, "ahconv: %s/%s: cannot write: %s\n", r.outdir, STATE_NAME, strerror(errno));
    free_run(&r);
    return 2;
  }
  r.tmpdir = join(r.outdir, TMP_DIR);
  remove_tmpdir(r.tmpdir); /* left by a run that was killed */
  if (mkdir(r.tmpdir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "ahconv: %s: cannot create folder: %s\n", r.tmpdir, strerror(errno));
    free_run(&r);
    return 2;
  }
  mark_skipped(&r);
  for (size_t i = 0; i < r.in.n; i++) r.skipped += r.in.items[i].skipped;

  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  r.progress = !r.quiet && isatty(2);
  r.started = now();
  if (jobs > (int)r.in.n) jobs = r.in.n ? (int)r.in.n : 1;
  int rc = run_pool(&r, jobs);
  if (r.progress) fputc('\n', stderr);
  remove_tmpdir(r.tmpdir);
  write_report(&r);
  int outfd = open(r.outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (outfd >= 0) {
    syncfs(outfd);
    close(outfd);
  }

  size_t ok = 0;
  for (size_t i = 0; i < r.in.n; i++) ok += r.in.items[i].state == DONE && r.in.items[i].ok;
  r.failed = 0;
  for (size_t i = 0; i < r.in.n; i++) r.failed += r.in.items[i].state == DONE && !r.in.items[i].ok && !r.in.items[i].skipped;
  for (size_t i = 0; i < r.in.n; i++)
    if (r.in.items[i].state == DONE && !r.in.items[i].ok && !r.in.items[i].skipped)
      fprintf(stderr, "ahconv: %s: %s\n", r.in.items[i].path, r.in.items[i].error ? r.in.items[i].error : "failed");
  size_t not_done = 0, failed_before = 0;
  for (size_t i = 0; i < r.in.n; i++) not_done += r.in.items[i].state != DONE;
  for (size_t i = 0; i < r.in.n; i++) failed_before += r.in.items[i].failed_before;
  if (!r.quiet || r.failed || stop_signal)
    fprintf(stderr,
            "ahconv batch: %zu inputs: %zu converted, %zu skipped (%zu of them failed before), %zu failed%s%s in "
            "%.1f s; peak memory per worker %.1f MiB; report %s/%s\n",
            r.in.n, ok, r.skipped, failed_before, r.failed, not_done ? ", not done: " : "",
            not_done ? (stop_signal == SIGINT ? "interrupted" : "stopped") : "", now() - r.started,
            (double)r.max_rss_kb / 1024.0, r.outdir, REPORT_NAME);

  free_run(&r);
  if (stop_signal) return 128 + stop_signal;
  /* 0 only when every input has its output: a file that failed before and
   * was skipped still has none */
  return rc != 0 || r.failed || failed_before || missing ? 2 : 0;
}

static void free_run(run *r) {
  for (size_t i = 0; i < r->in.n; i++) {
    input *it = &r->in.items[i];
    if (it->tmp && it->state == DONE && !it->output) unlink(it->tmp);
    free(it->path);
    free(it->subdir);
    free(it->error);
    free(it->id);
    free(it->sha256);
    free(it->output);
    free(it->tmp);
  }
  free(r->in.items);
  for (size_t i = 0; i < r->st.n; i++) free_claim(&r->st.items[i]);
  free(r->st.items);
  index_free(&r->st.by_input);
  index_free(&r->st.by_output);
  index_free(&r->taken);
  if (r->st.fd > 0) close(r->st.fd);
  free(r->tmpdir);
}
