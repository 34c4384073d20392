/* lock.c — the lock that keeps two `ahconv batch` runs out of one OUTDIR.
 *
 * Takes: OUTDIR.  Gives: an open OUTDIR/.ahconv-lock holding an exclusive
 * flock() and the pid of the run holding it, or the refusal naming that
 * pid.  Two runs on one OUTDIR would remove each other's temporary folder
 * and race for output names.  The lock is advisory and lasts as long as the
 * open file: it goes when the run ends, however it ends (its workers share
 * the open file and die with it).  The file stays: removing it would let a
 * third run lock a new file while the second still holds the old one.  On
 * a file system that has no locks the run goes on without one, saying so.
 */
#define _DEFAULT_SOURCE /* flock */
#include "lock.h"

#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* The pid written by the holder: its digits, or "unknown" (it has only
 * just taken the lock). */
static void holder_of(int fd, char *pid, size_t size) {
  ssize_t n = pread(fd, pid, size - 1, 0);
  size_t len = 0;
  while (n > 0 && len < (size_t)n && pid[len] >= '0' && pid[len] <= '9') len++;
  pid[len] = 0;
  if (!len) snprintf(pid, size, "unknown");
}

int lock_outdir(const char *outdir) {
  char *path = path_join(outdir, LOCK_NAME);
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  int err = errno;
  free(path);
  if (fd < 0) {
    fprintf(stderr, "ahconv: %s/%s: cannot write: %s\n", outdir, LOCK_NAME, strerror(err));
    return -1;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    err = errno;
    char pid[32];
    if (err == ENOLCK || err == EOPNOTSUPP || err == ENOSYS) {
      /* a file system without locks: run as before there was one */
      fprintf(stderr, "ahconv: %s: cannot lock (%s); going on without the lock\n", outdir, strerror(err));
      return fd;
    }
    if (err == EWOULDBLOCK) {
      holder_of(fd, pid, sizeof pid);
      fprintf(stderr, "ahconv: %s: in use by another ahconv batch (pid %s)\n", outdir, pid);
    } else {
      fprintf(stderr, "ahconv: %s/%s: cannot lock: %s\n", outdir, LOCK_NAME, strerror(err));
    }
    close(fd);
    return -1;
  }
  char pid[32];
  int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
    /* the lock holds all the same; only the pid in a refusal is lost */
  }
  return fd;
}
