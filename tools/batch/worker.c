/* worker.c — a worker process of `ahconv batch`.
 *
 * Takes: tasks (an input's index and path) on a pipe.  Gives: each input
 * converted into a temporary file under OUTDIR/.ahconv-tmp and one answer
 * per task on the other pipe: its id, sha256, counts, time and file, or its
 * error (the library's status code, the errno of a failed write and the
 * message).  The parent names and renames the files; a worker never writes
 * anything under a final name.
 *
 * --max-memory is the worker's address space (RLIMIT_AS).  Past it an
 * allocation fails; the library, GLib and poppler abort on that, and some
 * code would crash on the NULL.  A worker that dies of SIGABRT, SIGSEGV or
 * SIGBUS while its last allocation failed (errno ENOMEM) or with less than
 * a quarter of its address space left exits with WORKER_EXIT_MEMORY
 * instead, so the parent can say "exceeded M MiB" rather than "crashed".
 *
 * Test hooks, read from the environment; only the test scripts set them:
 *  - AHCONV_TEST_HOLD_INPUT=S with AHCONV_TEST_HOLD_FIFO=F: before
 *    converting an input whose path contains S, the worker opens the FIFO F
 *    and reads it to its end.  The test's open of F for writing returns once
 *    a worker is there; the worker goes on when the test closes F.  (A run
 *    stopped at a known point, without sleeping.)
 *  - AHCONV_TEST_WORKER_EXIT=S: after converting an input whose path
 *    contains S, the worker closes its task pipe, answers and exits: a
 *    worker gone while idle, between two tasks.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include "worker.h"

#include "ahconv.h"
#include "common.h"
#include "protocol.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define WORKER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_ASAN 1
#endif
#endif

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

/* Writes bytes to a new file in tmpdir, its name into tmp.  Not synced: the
 * run syncs the file system once at its end (see batch.c).  0, or the errno
 * of the failure (ENOSPC: the disk is full) with err set and no file left. */
static int write_temp_output(const char *tmpdir, const char *bytes, size_t n, char *tmp, size_t tmp_size,
                             ah_error *err) {
  snprintf(tmp, tmp_size, "%s/out.XXXXXX", tmpdir);
  int fd = mkstemp(tmp);
  bool written = fd >= 0;
  int saved = errno;
  for (size_t off = 0; written && off < n;) {
    ssize_t w = write(fd, bytes + off, n - off);
    if (w < 0 && errno == EINTR) continue;
    written = w > 0;
    saved = w < 0 ? errno : ENOSPC; /* a write of 0 bytes: no room */
    off += w > 0 ? (size_t)w : 0;
  }
  if (fd >= 0) {
    /* mkstemp makes 0600; give the file the mode a plain create would */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (close(fd) != 0 && written) written = false, saved = errno;
  }
  if (written) return 0;
  err->code = AH_ERROR_IO;
  snprintf(err->message, sizeof err->message, "cannot write: %s", strerror(saved));
  if (fd >= 0) unlink(tmp);
  return saved ? saved : EIO;
}

static void answer_ok(int fd, const char *index, const ah_doc *doc, double seconds, const char *tmp) {
  int vragen, antwoorden, noten;
  count_sections(doc, &vragen, &antwoorden, &noten);
  size_t findings = ah_verify(doc, NULL, NULL);
  const char *id = ah_doc_id(doc);
  char counts[4][24], secs[32];
  snprintf(counts[0], sizeof counts[0], "%d", vragen);
  snprintf(counts[1], sizeof counts[1], "%d", antwoorden);
  snprintf(counts[2], sizeof counts[2], "%d", noten);
  snprintf(counts[3], sizeof counts[3], "%zu", findings);
  snprintf(secs, sizeof secs, "%.3f", seconds);
  const char *vraagnummer = ah_doc_vraagnummer(doc);
  const char *f[] = {index, "ok", id ? id : "", vraagnummer ? vraagnummer : "", ah_doc_sha256(doc), counts[0],
                     counts[1], counts[2], counts[3], secs, tmp};
  protocol_send(fd, f, 11);
}

static void answer_failed(int fd, const char *index, const ah_error *err, int write_errno, double seconds) {
  char code[16], errno_text[16], secs[32];
  snprintf(code, sizeof code, "%d", (int)err->code);
  snprintf(errno_text, sizeof errno_text, "%d", write_errno);
  snprintf(secs, sizeof secs, "%.3f", seconds);
  const char *f[] = {index, "failed", code, errno_text, err->message[0] ? err->message : ah_status_string(err->code),
                     secs};
  protocol_send(fd, f, 6);
}

static void convert_one(int answers, const char *index, const char *path, const worker_config *cfg) {
  double started = seconds_now();
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_file(path, AH_OPT_DEFAULT, &err);
  char *bytes = NULL;
  size_t n = 0;
  if (doc)
    bytes = cfg->pdf ? ah_render_pdf(doc, AH_OPT_DEFAULT, &n, &err) : ah_render_xml(doc, AH_OPT_DEFAULT, &n, &err);
  char tmp[4096] = "";
  int write_errno = 0;
  if (bytes && (write_errno = write_temp_output(cfg->tmpdir, bytes, n, tmp, sizeof tmp, &err)) != 0) {
    free(bytes);
    bytes = NULL;
  }
  double seconds = seconds_now() - started;
  if (bytes) answer_ok(answers, index, doc, seconds, tmp);
  else answer_failed(answers, index, &err, write_errno, seconds);
  free(bytes);
  ah_doc_free(doc);
}

/* ---- the memory limit ---------------------------------------------------- */

static size_t limit_bytes; /* 0: none */

bool worker_can_limit_memory(void) {
#ifdef WORKER_ASAN
  return false;
#else
  return true;
#endif
}

/* Less than a quarter of the address space left: mapping that much fails. */
static bool address_space_low(void) {
  size_t probe = limit_bytes / 4;
  void *p = mmap(NULL, probe, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return true;
  munmap(p, probe);
  return false;
}

static void on_fatal_signal(int sig) {
  int e = errno;
  if (limit_bytes && (e == ENOMEM || address_space_low())) _exit(WORKER_EXIT_MEMORY);
  raise(sig); /* the handler was reset: dies of sig */
}

static void limit_memory(int mib) {
  if (mib <= 0 || !worker_can_limit_memory()) return;
  limit_bytes = (size_t)mib << 20;
  struct rlimit rl = {.rlim_cur = limit_bytes, .rlim_max = limit_bytes};
  if (setrlimit(RLIMIT_AS, &rl) != 0) {
    limit_bytes = 0;
    return;
  }
  struct sigaction sa = {0};
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGABRT, &sa, NULL);
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
}

/* ---- test hooks (see the top of this file) ----------------------------- */

static bool hook_matches(const char *name, const char *path) {
  const char *s = getenv(name);
  return s && *s && strstr(path, s);
}

static void hold_if_asked(const char *path) {
  const char *fifo = getenv("AHCONV_TEST_HOLD_FIFO");
  if (!fifo || !hook_matches("AHCONV_TEST_HOLD_INPUT", path)) return;
  int fd = open(fifo, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  char c;
  for (;;) {
    ssize_t r = read(fd, &c, 1);
    if (r > 0 || (r < 0 && errno == EINTR)) continue;
    break;
  }
  close(fd);
}

/* ---- the worker's life --------------------------------------------------- */

void worker_run(int task_fd, int result_fd, const worker_config *cfg) {
  limit_memory(cfg->max_memory_mib);
  char *buf = NULL;
  size_t cap = 0;
  char *f[2];
  while (protocol_receive(task_fd, &buf, &cap, f, 2) == 2) {
    hold_if_asked(f[1]);
    bool exit_after = hook_matches("AHCONV_TEST_WORKER_EXIT", f[1]);
    if (exit_after) close(task_fd); /* gone before the parent sends the next task */
    convert_one(result_fd, f[0], f[1], cfg);
    if (exit_after) _exit(0);
  }
  free(buf);
  close(task_fd);
  close(result_fd);
}
