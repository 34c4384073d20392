/* worker.c — a worker process of `ahconv batch`.
 *
 * Takes: tasks (a document's index and the paths of its renditions, the
 * rule's choice first) on a pipe.  Gives: the document read from the first
 * rendition that opens, converted into a temporary file under
 * OUTDIR/.ahconv-tmp, each other rendition compared with it, and one answer
 * per task on the other pipe: its id, sha256, counts, catalogue fields,
 * time and file and each rendition's differences, or its error (the
 * library's status code, the errno of a failed write and the message).
 * A PDF given alone that holds several documents (a bundle) is split:
 * one answer per document, each with its own temporary file, all in the
 * one task.
 * Comparing here, not in a process of its own, puts the comparison under
 * the same --timeout, --max-memory and death with the parent as the
 * conversion.  The parent names and renames the files; a worker never writes
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
 *    A bundle's document k (from 2) is held so when "PATH#k" contains S:
 *    the first is converted, the rest waits.
 *  - AHCONV_TEST_PART_FAIL=N: a bundle's document N fails as one without
 *    an id does.
 *  - AHCONV_TEST_WORKER_EXIT=S: after converting an input whose path
 *    contains S, the worker closes its task pipe, answers and exits: a
 *    worker gone while idle, between two tasks.
 */
#define _GNU_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include "worker.h"

#include "ahconv.h"
#include "common.h"
#include "group.h"
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

#define GROUP_MAX GROUP_MAX_MEMBERS

#if defined(__SANITIZE_ADDRESS__)
#define WORKER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_ASAN 1
#endif
#endif

/* One rendition of the task's document. */
typedef struct {
  const char *path;
  ah_doc *doc; /* NULL when it did not open */
  ah_error err;
} member;

typedef struct {
  int vragen, antwoorden, mededelingen, noten;
} section_counts;

static section_counts count_sections(const ah_doc *doc) {
  section_counts c = {0};
  for (ah_node *n = ah_node_first_child(ah_doc_root(doc)); n; n = ah_node_next(n)) {
    ah_node_type t = ah_node_get_type(n);
    if (t == AH_NODE_VRAAG) c.vragen++;
    else if (t == AH_NODE_ANTWOORD) c.antwoorden++;
    else if (t == AH_NODE_MEDEDELING) c.mededelingen++;
    else if (t == AH_NODE_NOTEN)
      for (ah_node *k = ah_node_first_child(n); k; k = ah_node_next(k)) c.noten++;
  }
  return c;
}

/* "a; b (P); c": a list of names, each with its party when it has one */
static void put_names(ah_buf *b, size_t n, const char *(*name)(const ah_doc *, size_t),
                      const char *(*extra)(const ah_doc *, size_t), const ah_doc *doc) {
  for (size_t i = 0; i < n; i++) {
    const char *x = extra ? extra(doc, i) : NULL;
    ah_buf_printf(b, "%s%s", i ? "; " : "", name(doc, i) ? name(doc, i) : "");
    if (x && *x) ah_buf_printf(b, " (%s)", x);
  }
}

static const char *or_empty(const char *s) { return s ? s : ""; }

/* The catalogue fields (report.h), joined by CATALOGUE_SEP. */
static char *catalogue_of(const ah_doc *doc, const section_counts *c, int pages) {
  ah_buf b = {0};
  const char *title = ah_doc_onderwerp(doc);
  if (!title || !*title) title = ah_doc_registratie_titel(doc);
  ah_buf_printf(&b, "%s\x1f%s\x1f%s\x1f", or_empty(title), or_empty(ah_doc_ingezonden(doc)),
                or_empty(ah_doc_ontvangen(doc)));
  put_names(&b, ah_doc_vragensteller_count(doc), ah_doc_vragensteller, ah_doc_vragensteller_partij, doc);
  ah_buf_putc(&b, '\x1f');
  put_names(&b, ah_doc_ontvanger_count(doc), ah_doc_ontvanger, NULL, doc);
  ah_buf_putc(&b, '\x1f');
  put_names(&b, ah_doc_beantwoorder_count(doc), ah_doc_beantwoorder, ah_doc_beantwoorder_functie, doc);
  ah_buf_printf(&b, "\x1f%s\x1f%d\x1f%s\x1f%d", c->mededelingen ? "yes" : "no", pages,
                or_empty(ah_doc_source_format(doc)), c->mededelingen);
  return ah_buf_steal(&b);
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

static const char *error_text(const ah_error *err) {
  return err->message[0] ? err->message : ah_status_string(err->code);
}

/* The document's verify page (its source against the first other rendition
 * that opened) in a temporary file; "" in tmp when there is none. */
static void write_verify_page(const worker_config *cfg, member *m, int n, int source, char *tmp, size_t size) {
  tmp[0] = 0;
  int other = -1;
  for (int k = 0; k < n && other < 0; k++)
    if (k != source && m[k].doc) other = k;
  if (!cfg->verify_pages || other < 0) return;
  if (!cfg->every_page && !ah_compare(m[source].doc, m[other].doc, NULL, NULL)) return;
  ah_error err = {0};
  size_t len = 0;
  char *html = ah_render_report_html(m[source].doc, m[other].doc, m[source].path, m[other].path, NULL, &len, &err);
  if (html && write_temp_output(cfg->tmpdir, html, len, tmp, size, &err) != 0) tmp[0] = 0;
  free(html);
}

/* ah_finding_fn: "element: what" lines, the first DIFF_LINES of them */
#define DIFF_LINES 20
static void add_line(const char *element, const char *what, void *user) {
  ah_buf *b = user;
  size_t lines = 0;
  for (size_t i = 0; i < b->len; i++) lines += b->data[i] == '\n';
  if (lines < DIFF_LINES) ah_buf_printf(b, "%s: %.300s\n", element, what);
  else if (lines == DIFF_LINES) ah_buf_puts(b, "…\n");
}

/* index, "ok", id, vraagnummer, sha256, vragen, antwoorden, noten, findings,
 * seconds, tmp, source, catalogue, verify page, then per rendition: its
 * differences from the source ("" for the source, -1: did not open), the
 * first of them as lines, its error, its sha256 */
static void answer_ok(int fd, const char *index, member *m, int n, int source, double seconds, const char *tmp,
                      const char *page) {
  const ah_doc *doc = m[source].doc;
  section_counts c = count_sections(doc);
  int pages = 0;
  for (int k = 0; k < n; k++)
    if (m[k].doc && ah_doc_pages(m[k].doc) > pages) pages = ah_doc_pages(m[k].doc);
  char num[5][24], secs[32], src[16], diff[GROUP_MAX][24];
  snprintf(num[0], 24, "%d", c.vragen);
  snprintf(num[1], 24, "%d", c.antwoorden);
  snprintf(num[2], 24, "%d", c.noten);
  snprintf(num[3], 24, "%zu", ah_verify(doc, NULL, NULL));
  snprintf(secs, sizeof secs, "%.3f", seconds);
  snprintf(src, sizeof src, "%d", source);
  char *cat = catalogue_of(doc, &c, pages);
  const char *f[PROTOCOL_MAX_FIELDS] = {index, "ok", or_empty(ah_doc_id(doc)), or_empty(ah_doc_vraagnummer(doc)),
                                        ah_doc_sha256(doc), num[0], num[1], num[2], num[3], secs, tmp, src, cat,
                                        page};
  int nf = 14;
  ah_buf lines[GROUP_MAX] = {{0}};
  for (int k = 0; k < n; k++) {
    ah_buf_puts(&lines[k], "");
    if (k == source) diff[k][0] = 0;
    else snprintf(diff[k], 24, "%ld", m[k].doc ? (long)ah_compare(doc, m[k].doc, add_line, &lines[k]) : -1L);
    f[nf++] = diff[k];
    f[nf++] = lines[k].data;
    f[nf++] = m[k].doc ? "" : error_text(&m[k].err);
    f[nf++] = m[k].doc ? ah_doc_sha256(m[k].doc) : "";
  }
  protocol_send(fd, f, nf);
  for (int k = 0; k < n; k++) ah_buf_free(&lines[k]);
  free(cat);
}

/* index, "failed", status code, errno, message, seconds, then each
 * rendition's own error */
static void answer_failed(int fd, const char *index, const ah_error *err, int write_errno, double seconds, member *m,
                          int n) {
  char code[16], errno_text[16], secs[32];
  snprintf(code, sizeof code, "%d", (int)err->code);
  snprintf(errno_text, sizeof errno_text, "%d", write_errno);
  snprintf(secs, sizeof secs, "%.3f", seconds);
  const char *f[PROTOCOL_MAX_FIELDS] = {index, "failed", code, errno_text, error_text(err), secs};
  int nf = 6;
  for (int k = 0; k < n; k++) f[nf++] = m[k].doc ? "" : error_text(&m[k].err);
  protocol_send(fd, f, nf);
}

/* ---- a bundle ----------------------------------------------------------- */

static void hold_if_asked(const char *path); /* a test hook, below */

/* Test hook: with AHCONV_TEST_PART_FAIL=N, part N (from 1) of every bundle
 * fails as a part without an id does (a test makes that case without a
 * PDF built for it). */
static bool part_fails_by_hook(size_t k) {
  const char *s = getenv("AHCONV_TEST_PART_FAIL");
  return s && *s && (size_t)atol(s) == k + 1;
}

/* Part k of n of a bundle, converted: index, "part", k, n, first page, last
 * page, "ok" or "failed", id, vraagnummer, sha256, vragen, antwoorden,
 * noten, findings, seconds, temporary output, catalogue, status code,
 * errno, message. */
static void answer_part(int fd, const char *index, ah_doc *doc, size_t k, size_t n, const worker_config *cfg,
                        double started) {
  ah_error err = {0};
  char *bytes = NULL, tmp[4096] = "";
  size_t len = 0;
  int write_errno = 0;
  const char *id = ah_doc_id(doc);
  if (!id || !*id || part_fails_by_hook(k)) {
    err.code = AH_ERROR_NOT_AANHANGSEL;
    snprintf(err.message, sizeof err.message, "document %zu of %zu (pages %d-%d): no publication id", k + 1, n,
             ah_doc_file_page_first(doc), ah_doc_file_page_last(doc));
  } else {
    bytes = cfg->pdf ? ah_render_pdf(doc, AH_OPT_DEFAULT, &len, &err) : ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  }
  if (bytes && (write_errno = write_temp_output(cfg->tmpdir, bytes, len, tmp, sizeof tmp, &err)) != 0) tmp[0] = 0;
  section_counts c = count_sections(doc);
  char num[12][24];
  snprintf(num[0], 24, "%zu", k);
  snprintf(num[1], 24, "%zu", n);
  snprintf(num[2], 24, "%d", ah_doc_file_page_first(doc));
  snprintf(num[3], 24, "%d", ah_doc_file_page_last(doc));
  snprintf(num[4], 24, "%d", c.vragen);
  snprintf(num[5], 24, "%d", c.antwoorden);
  snprintf(num[6], 24, "%d", c.noten);
  snprintf(num[7], 24, "%zu", *tmp ? ah_verify(doc, NULL, NULL) : 0);
  snprintf(num[8], 24, "%.3f", seconds_now() - started);
  snprintf(num[9], 24, "%d", (int)err.code);
  snprintf(num[10], 24, "%d", write_errno);
  char *cat = catalogue_of(doc, &c, ah_doc_pages(doc));
  const char *f[PROTOCOL_MAX_FIELDS] = {index, "part", num[0], num[1], num[2], num[3], *tmp ? "ok" : "failed",
                                        or_empty(id), or_empty(ah_doc_vraagnummer(doc)), or_empty(ah_doc_sha256(doc)),
                                        num[4], num[5], num[6], num[7], num[8], tmp, cat, num[9], num[10],
                                        *tmp ? "" : error_text(&err)};
  protocol_send(fd, f, 20);
  free(cat);
  free(bytes);
}

/* A PDF of several documents: each converted on its own, one answer per
 * part, in file order; all under this task's --timeout and --max-memory.
 * When the file cannot be split, one "failed" answer as for any input. */
static void convert_bundle(int answers, const char *path, const char *index, const worker_config *cfg,
                           double started) {
  ah_doc **docs = NULL;
  size_t n = 0;
  member m = {.path = path};
  if (ah_doc_open_split_file(path, AH_OPT_DEFAULT, &docs, &n, &m.err) != AH_OK) {
    answer_failed(answers, index, &m.err, 0, seconds_now() - started, &m, 1);
    return;
  }
  /* the split's time is the first document's */
  for (size_t k = 0; k < n; k++) {
    char tag[4200];
    snprintf(tag, sizeof tag, "%s#%zu", path, k + 1);
    if (k) hold_if_asked(tag); /* a test's hold between two documents */
    answer_part(answers, index, docs[k], k, n, cfg, k ? seconds_now() : started);
  }
  ah_docs_free(docs, n);
}

/* A document: every rendition opened, the first that opens (the rule's
 * order) converted, the others compared with it; a bundle given alone is
 * split (convert_bundle). */
static void convert_document(int answers, char **paths, int n, const char *index, const worker_config *cfg) {
  double started = seconds_now();
  member m[GROUP_MAX] = {{0}};
  int source = -1;
  int options = cfg->verify_pages && n > 1 ? AH_OPT_POSITIONS : AH_OPT_DEFAULT;
  for (int k = 0; k < n; k++) {
    m[k].path = paths[k];
    m[k].doc = ah_doc_open_file(paths[k], options, &m[k].err);
    if (m[k].doc && source < 0) source = k;
  }
  if (n == 1 && !m[0].doc && m[0].err.code == AH_ERROR_BUNDLE) {
    convert_bundle(answers, paths[0], index, cfg, started);
    return;
  }
  ah_error err = source < 0 ? m[0].err : (ah_error){0};
  char *bytes = NULL;
  size_t len = 0;
  if (source >= 0)
    bytes = cfg->pdf ? ah_render_pdf(m[source].doc, AH_OPT_DEFAULT, &len, &err)
                     : ah_render_xml(m[source].doc, AH_OPT_DEFAULT, &len, &err);
  char tmp[4096] = "", page[4096] = "";
  int write_errno = 0;
  if (bytes && (write_errno = write_temp_output(cfg->tmpdir, bytes, len, tmp, sizeof tmp, &err)) != 0) {
    free(bytes);
    bytes = NULL;
  }
  if (bytes) write_verify_page(cfg, m, n, source, page, sizeof page);
  double seconds = seconds_now() - started;
  if (bytes) answer_ok(answers, index, m, n, source, seconds, tmp, page);
  else answer_failed(answers, index, &err, write_errno, seconds, m, n);
  free(bytes);
  for (int k = 0; k < n; k++) ah_doc_free(m[k].doc);
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
  char *f[GROUP_MAX + 1];
  int n;
  while ((n = protocol_receive(task_fd, &buf, &cap, f, GROUP_MAX + 1)) >= 2) {
    hold_if_asked(f[1]);
    bool exit_after = hook_matches("AHCONV_TEST_WORKER_EXIT", f[1]);
    if (exit_after) close(task_fd); /* gone before the parent sends the next task */
    convert_document(result_fd, f + 1, n - 1, f[0], cfg);
    if (exit_after) _exit(0);
  }
  free(buf);
  close(task_fd);
  close(result_fd);
}
