/* io.c — bytes from files and to files.
 *
 * Takes: paths.  Gives: whole-file reads with clear errors, and atomic
 * writes: data goes to a temporary file beside the target, is flushed and
 * renamed into place, so a reader never sees half a file and a failure
 * leaves an existing file as it was; and in-place writes for what cannot
 * be renamed over (a character device, a FIFO).  A replaced file keeps its
 * mode.
 */
#define _POSIX_C_SOURCE 200809L
#include "io.h"
#include "caps.h"
#include "gzip.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


int ah_read_file(const char *path, unsigned char **data, size_t *len, ah_error *err) {
  *data = NULL;
  *len = 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    ah_error_set(err, AH_ERROR_IO, "cannot open: %s", strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ah_error_set(err, AH_ERROR_IO, "cannot read: %s", S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
    close(fd);
    return -1;
  }
  size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536, n = 0;
  if (cap > AH_MAX_INPUT_BYTES + 1) {
    ah_error_set(err, AH_ERROR_LIMIT, "file too large (over %u MiB)", AH_MAX_INPUT_BYTES >> 20);
    close(fd);
    return -1;
  }
  unsigned char *buf = ah_xmalloc(cap);
  for (;;) {
    if (n == cap) {
      if (cap > AH_MAX_INPUT_BYTES) {
        ah_error_set(err, AH_ERROR_LIMIT, "file too large (over %u MiB)", AH_MAX_INPUT_BYTES >> 20);
        free(buf);
        close(fd);
        return -1;
      }
      cap *= 2;
      buf = ah_xrealloc(buf, cap);
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      ah_error_set(err, AH_ERROR_IO, "cannot read: %s", strerror(errno));
      free(buf);
      close(fd);
      return -1;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  *data = buf;
  *len = n;
  return 0;
}

static int write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len) {
    ssize_t w = write(fd, p, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

/* The temporary file's name: "path.tmp.XXXXXX", the file name cut short
 * where the suffix would carry it past NAME_MAX (a legal 254-byte name
 * could not be written at all). */
static void temp_name(char *tmp, size_t size, const char *path, unsigned long r) {
  const char *slash = strrchr(path, '/');
  size_t base = strlen(slash ? slash + 1 : path), keep = strlen(path), suffix = strlen(".tmp.XXXXXX");
  if (base + suffix > NAME_MAX) keep -= base + suffix - NAME_MAX;
  snprintf(tmp, size, "%.*s.tmp.%06lx", (int)keep, path, r & 0xFFFFFF);
}

/* A new file beside `path`, created exclusively with mode 0666 so the
 * process's umask applies as for any plain create: the library never
 * changes the umask (that would race with other threads).  The suffix
 * mixes the time, the pid and a counter; a clash is retried. */
static int create_temp(const char *path, char **tmp_out) {
  size_t size = strlen(path) + 32;
  char *tmp = ah_xmalloc(size);
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  unsigned long seed = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (unsigned long)(uintptr_t)tmp;
  for (int attempt = 0; attempt < 100; attempt++) {
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    temp_name(tmp, size, path, seed >> 33);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) {
      *tmp_out = tmp;
      return fd;
    }
  }
  *tmp_out = tmp;
  errno = EEXIST;
  return -1;
}

int ah_write_file_atomic(const char *path, const void *data, size_t len, ah_error *err) {
  char *tmp;
  /* the temporary name sits in the target's folder so rename stays atomic */
  int fd = create_temp(path, &tmp);
  if (fd < 0) {
    ah_error_set(err, AH_ERROR_IO, "cannot write: %s", strerror(errno));
    free(tmp);
    return -1;
  }
  /* a replaced file keeps its permissions (a private 0600 file must not
   * come back readable by all); set before any byte is written */
  struct stat old;
  int ok = stat(path, &old) != 0 || !S_ISREG(old.st_mode) || fchmod(fd, old.st_mode & 07777) == 0;
  ok = ok && write_all(fd, data, len) == 0 && fsync(fd) == 0;
  int saved = errno;
  if (close(fd) != 0 && ok) ok = 0, saved = errno;
  if (ok && rename(tmp, path) != 0) ok = 0, saved = errno;
  if (!ok) {
    unlink(tmp);
    ah_error_set(err, AH_ERROR_IO, "cannot write: %s", strerror(saved));
  }
  free(tmp);
  return ok ? 0 : -1;
}

int ah_write_output(const char *path, const void *data, size_t len, ah_error *err) {
  if (!ah_names_gzip(path)) return ah_write_file_atomic(path, data, len, err);
  unsigned char *gz;
  size_t gz_len;
  if (ah_gzip(data, len, &gz, &gz_len, err) != 0) return -1;
  int rc = ah_write_file_atomic(path, gz, gz_len, err);
  free(gz);
  return rc;
}

int ah_write_output_in_place(const char *path, const void *data, size_t len, ah_error *err) {
  unsigned char *gz = NULL;
  if (ah_names_gzip(path)) {
    if (ah_gzip(data, len, &gz, &len, err) != 0) return -1;
    data = gz;
  }
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  int ok = fd >= 0 && write_all(fd, data, len) == 0;
  int saved = errno;
  if (fd >= 0 && close(fd) != 0 && ok) ok = 0, saved = errno;
  if (!ok) ah_error_set(err, AH_ERROR_IO, "cannot write: %s", strerror(saved));
  free(gz);
  return ok ? 0 : -1;
}
