/* protocol.c — framed messages between `ahconv batch` and its workers
 * (the format is in protocol.h).
 *
 * Takes: fields (strings).  Gives: one write per message, and the fields
 * back on the other side, whatever bytes they hold besides NUL.
 */
#define _POSIX_C_SOURCE 200809L
#include "protocol.h"

#include "common.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* n bytes: 1, 0 at end of file before the first byte, -1 otherwise */
static int read_all(int fd, char *p, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) {
      if (got == 0) return 0;
      errno = EPROTO; /* cut short: the other end died mid-message */
      return -1;
    }
    got += (size_t)r;
  }
  return 1;
}

int protocol_send(int fd, const char *const *fields, int n) {
  ah_buf msg = {0};
  uint32_t len = 0;
  ah_buf_put(&msg, (const char *)&len, sizeof len);
  for (int i = 0; i < n; i++) ah_buf_put(&msg, fields[i], strlen(fields[i]) + 1);
  len = (uint32_t)(msg.len - sizeof len);
  memcpy(msg.data, &len, sizeof len);
  /* one write: a message never interleaves with another */
  int rc = len <= PROTOCOL_MAX_BYTES ? write_all(fd, msg.data, msg.len) : (errno = E2BIG, -1);
  ah_buf_free(&msg);
  return rc;
}

int protocol_receive(int fd, char **buf, size_t *cap, char **fields, int max_fields) {
  uint32_t len;
  int r = read_all(fd, (char *)&len, sizeof len);
  if (r <= 0) return r;
  if (len == 0 || len > PROTOCOL_MAX_BYTES) {
    errno = EPROTO;
    return -1;
  }
  if (*cap < len) *buf = ah_xrealloc(*buf, *cap = len);
  if (read_all(fd, *buf, len) != 1) {
    errno = EPROTO;
    return -1;
  }
  if ((*buf)[len - 1] != 0) { /* every field ends in NUL */
    errno = EPROTO;
    return -1;
  }
  int n = 0;
  for (char *p = *buf; p < *buf + len && n < max_fields; p += strlen(p) + 1) fields[n++] = p;
  return n;
}
