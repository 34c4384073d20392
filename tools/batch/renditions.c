/* renditions.c — `batch --verify` (renditions.h).
 *
 * Takes: the inputs after conversion.  Gives: for each document found in two
 * or three renditions, the number of differences `ahconv verify A B [C]`
 * would print, on every rendition's report row.
 *
 * The renditions are read again in a child process per document, so a crash
 * or a runaway input fails that comparison and not the run; the child has
 * COMPARE_SECONDS to finish.
 */
#define _GNU_SOURCE /* memrchr */
#include "renditions.h"

#include "ahconv.h"
#include "common.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

/* time one document's renditions may take to be read and compared */
#define COMPARE_SECONDS 300
#define MAX_RENDITIONS 3

/* The document an input is a rendition of: its folder (the folder above, in
 * the publisher's pdf/ html/ xml/ layout) and its name without ".gz" and
 * extension.  Caller frees. */
static char *document_key(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t dir_len = (size_t)(base - path);
  static const char *const folders[] = {"pdf/", "html/", "xml/", NULL};
  for (int i = 0; folders[i]; i++) {
    size_t f = strlen(folders[i]);
    if (dir_len >= f && !strncmp(base - f, folders[i], f) && (dir_len == f || base[-(long)f - 1] == '/')) {
      dir_len -= f;
      break;
    }
  }
  size_t n = strlen(base);
  if (n > 3 && !strcasecmp(base + n - 3, ".gz")) n -= 3;
  const char *dot = memrchr(base, '.', n);
  if (dot && dot > base) n = (size_t)(dot - base);
  ah_buf key = {0};
  ah_buf_put(&key, path, dir_len);
  ah_buf_putc(&key, '\n'); /* no file name holds one: folder and name stay apart */
  ah_buf_put(&key, base, n);
  return ah_buf_steal(&key);
}

static bool was_read(const batch_input *it) { return it->ok || (it->skipped && !it->failed_before); }

/* In the child: open every rendition, compare the first with the others. */
static long compare_in_child(const batch_inputs *in, const size_t *members, size_t n) {
  ah_doc *docs[MAX_RENDITIONS] = {NULL};
  long findings = 0;
  for (size_t k = 0; k < n && findings >= 0; k++) {
    ah_error err = {0};
    docs[k] = ah_doc_open_file(in->items[members[k]].path, AH_OPT_DEFAULT, &err);
    if (!docs[k]) findings = -1;
  }
  for (size_t k = 1; k < n && findings >= 0; k++) findings += (long)ah_compare(docs[0], docs[k], NULL, NULL);
  for (size_t k = 0; k < n; k++) ah_doc_free(docs[k]);
  return findings;
}

/* One document's renditions compared in a child process: the findings, or
 * -1 when the child failed. */
static long compare_group(const batch_inputs *in, const size_t *members, size_t n) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    close(fds[0]);
    signal(SIGINT, SIG_IGN);
    alarm(COMPARE_SECONDS);
    long findings = compare_in_child(in, members, n);
    ssize_t w = write(fds[1], &findings, sizeof findings);
    _exit(w == (ssize_t)sizeof findings ? 0 : 1);
  }
  close(fds[1]);
  long findings = -1;
  if (read(fds[0], &findings, sizeof findings) != (ssize_t)sizeof findings) findings = -1;
  close(fds[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) continue;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? findings : -1;
}

typedef struct {
  char *key;
  size_t index;
} keyed;

/* By document, then in input order. */
static int compare_keyed(const void *x, const void *y) {
  const keyed *a = x, *b = y;
  int c = strcmp(a->key, b->key);
  return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The group of inputs [from, to) of one document: compared when two or
 * three renditions were all read. */
static void compare_document(batch_inputs *in, const keyed *order, size_t from, size_t to) {
  size_t n = to - from;
  if (n < 2 || n > MAX_RENDITIONS) return;
  size_t members[MAX_RENDITIONS];
  for (size_t k = 0; k < n; k++) {
    members[k] = order[from + k].index;
    if (!was_read(&in->items[members[k]])) return;
  }
  long findings = compare_group(in, members, n);
  for (size_t k = 0; k < n; k++) {
    in->items[members[k]].compared = true;
    in->items[members[k]].compare_findings = (int)findings;
  }
}

void renditions_compare(batch_inputs *in) {
  if (!in->n) return;
  keyed *order = ah_xreallocarray(NULL, in->n, sizeof *order);
  for (size_t i = 0; i < in->n; i++) order[i] = (keyed){document_key(in->items[i].path), i};
  qsort(order, in->n, sizeof *order, compare_keyed);
  for (size_t from = 0, to; from < in->n; from = to) {
    for (to = from + 1; to < in->n && !strcmp(order[to].key, order[from].key);) to++;
    compare_document(in, order, from, to);
  }
  for (size_t i = 0; i < in->n; i++) free(order[i].key);
  free(order);
}
