/* Unit tests of tools/batch/common.c: make_folders and path_join at their
 * edges.  make_folders("") once read past its buffer (`batch -o ""`); the
 * sanitizer build (tests/run.sh) is what sees such a read. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include "batch/common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_make_folders_empty(void) {
  errno = 0;
  CHECK_INT(make_folders(""), -1);
  CHECK_INT(errno, ENOENT);
}

static void test_make_folders(const char *base) { /* base: under 4096 bytes */
  char path[4200];
  snprintf(path, sizeof path, "%s/a/b/c", base);
  CHECK_INT(make_folders(path), 0);
  struct stat st;
  CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
  CHECK_INT(make_folders(path), 0); /* there already: no failure */
  snprintf(path, sizeof path, "%s/a/b/c/", base);
  CHECK_INT(make_folders(path), 0); /* a trailing slash */
  snprintf(path, sizeof path, "%s/file", base);
  FILE *f = fopen(path, "w");
  if (f) fclose(f);
  snprintf(path, sizeof path, "%s/file/sub", base);
  errno = 0;
  CHECK_INT(make_folders(path), -1);
  CHECK_INT(errno, ENOTDIR);
  CHECK_INT(make_folders("/"), 0);
}

static void test_path_join(void) {
  char *p;
  CHECK_STR(p = path_join("a", "b"), "a/b");
  free(p);
  CHECK_STR(p = path_join("a/", "b"), "a/b");
  free(p);
  CHECK_STR(p = path_join("", "b"), "b");
  free(p);
  CHECK_STR(p = path_join("a", ""), "a");
  free(p);
  CHECK_STR(p = path_join("", ""), "");
  free(p);
}

int main(void) {
  const char *tmp = getenv("TMPDIR");
  char base[4096];
  snprintf(base, sizeof base, "%s/test_batch_paths.XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(base)) {
    perror("mkdtemp");
    return 1;
  }
  test_make_folders_empty();
  test_make_folders(base);
  test_path_join();
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
  if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", base);
  return harness_report();
}
