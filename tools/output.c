/* output.c — the output of `ahconv convert`, and what it must not do to
 * what is already there.
 *
 * Takes: OUT as given and the input's name.  Gives: where to write, or a
 * refusal; then the write.  A regular file is replaced by rename (a
 * temporary file beside it, so a failure leaves it as it was); a symbolic
 * link to a regular file replaces the file it points to and stays a link
 * (the temporary file goes beside the target, where the rename is atomic);
 * a character device (/dev/null) or a FIFO cannot be renamed over, so it is
 * opened and written in place; "-" is standard output, and so is a link to
 * the file open as standard output (/dev/stdout with `>> log`: appended to,
 * not replaced), likewise for standard error.  No file read is ever
 * written over, under any name: not the input, not the metadata record
 * named by --metadata or found beside the input (known once the document
 * is open: output_check_record); and nothing else (a directory,
 * a socket, a block device, a link to nowhere) is replaced.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "output.h"

#include "batch/common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int refuse(const char *out, const char *why) {
  fprintf(stderr, "ahconv: %s: cannot write: %s\n", out, why);
  return 2;
}

static const char *kind_name(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISSOCK(mode)) return "is a socket";
  if (S_ISBLK(mode)) return "is a block device";
  return "is not a regular file";
}

static bool same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* OUT exists (st, links followed): what to do with it. */
static int resolve_existing(const char *out, const char *input, const struct stat *st, bool is_link,
                            output_target *t) {
  struct stat other;
  if (stat(input, &other) == 0 && same_file(&other, st)) return refuse(out, "is the input file");
  if (is_link && fstat(1, &other) == 0 && same_file(&other, st)) {
    t->kind = OUTPUT_STDOUT;
    return 0;
  }
  if (is_link && fstat(2, &other) == 0 && same_file(&other, st)) {
    t->kind = OUTPUT_STDERR;
    return 0;
  }
  if (S_ISCHR(st->st_mode) || S_ISFIFO(st->st_mode)) {
    t->kind = OUTPUT_IN_PLACE;
    t->path = ah_strdup(out);
    return 0;
  }
  if (!S_ISREG(st->st_mode)) return refuse(out, kind_name(st->st_mode));
  t->kind = OUTPUT_REPLACE;
  t->path = is_link ? realpath(out, NULL) : ah_strdup(out);
  if (!t->path) return refuse(out, strerror(errno));
  return 0;
}

int output_resolve(const char *out, const char *input, output_target *t) {
  *t = (output_target){.kind = OUTPUT_STDOUT, .name = out ? out : "standard output", .input = input};
  if (!out || strcmp(out, "-") == 0) return 0;
  struct stat lst, st;
  if (lstat(out, &lst) != 0) {
    /* nothing there (or a folder on the way is missing): the write says */
    t->kind = OUTPUT_REPLACE;
    t->path = ah_strdup(out);
    return 0;
  }
  bool is_link = S_ISLNK(lst.st_mode);
  if (stat(out, &st) != 0) return refuse(out, is_link && errno == ENOENT ? "dangling symbolic link" : strerror(errno));
  return resolve_existing(out, input, &st, is_link, t);
}

int output_check_record(const output_target *t, const char *record) {
  struct stat out, rec;
  if (!record || t->kind != OUTPUT_REPLACE || stat(t->path, &out) != 0 || stat(record, &rec) != 0) return 0;
  return same_file(&out, &rec) ? refuse(t->name, "is the metadata record read") : 0;
}

static int write_stream(FILE *f, const char *name, const char *data, size_t len) {
  if (fwrite(data, 1, len, f) != len || fflush(f) != 0) {
    fprintf(stderr, "ahconv: %s: write failed\n", name);
    return 2;
  }
  return 0;
}

int output_write(const output_target *t, const ah_doc *doc, output_renderer render, int options) {
  ah_error err = {0};
  size_t len = 0;
  char *bytes = render(doc, options, &len, &err);
  if (!bytes) {
    fprintf(stderr, "ahconv: %s: %s\n", t->input, err.message[0] ? err.message : ah_status_string(err.code));
    return 2;
  }
  int rc;
  if (t->kind == OUTPUT_STDOUT) rc = write_stream(stdout, "standard output", bytes, len);
  else if (t->kind == OUTPUT_STDERR) rc = write_stream(stderr, "standard error", bytes, len);
  else if (t->kind == OUTPUT_IN_PLACE) rc = ah_write_output_in_place(t->path, bytes, len, &err);
  else rc = ah_write_output(t->path, bytes, len, &err);
  free(bytes);
  if (rc < 0) {
    fprintf(stderr, "ahconv: %s: %s\n", t->name, err.message[0] ? err.message : ah_status_string(err.code));
    rc = 2;
  }
  return rc;
}

void output_free(output_target *t) {
  free(t->path);
  t->path = NULL;
}
