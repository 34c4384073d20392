/* worker.c — a worker process of `ahconv batch`.
 *
 * Takes: tasks (an input's index and path) on a pipe.  Gives: each input
 * converted into a temporary file under OUTDIR/.ahconv-tmp and one answer
 * per task on the other pipe: its id, sha256, counts, time and file, or its
 * error (the library's status code, the errno of a failed write and the
 * message).  The parent names and renames the files; a worker never writes
 * anything under a final name.
 */
#define _POSIX_C_SOURCE 200809L
#include "worker.h"

#include "ahconv.h"
#include "common.h"
#include "protocol.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  const char *f[] = {index, "ok", id ? id : "", ah_doc_sha256(doc), counts[0], counts[1], counts[2], counts[3],
                     secs, tmp};
  protocol_send(fd, f, 10);
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

void worker_run(int task_fd, int result_fd, const worker_config *cfg) {
  char *buf = NULL;
  size_t cap = 0;
  char *f[2];
  while (protocol_receive(task_fd, &buf, &cap, f, 2) == 2) convert_one(result_fd, f[0], f[1], cfg);
  free(buf);
  close(task_fd);
  close(result_fd);
}
