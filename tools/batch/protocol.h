/* protocol.h — the messages between `ahconv batch` and its workers.
 *
 * A message is a 4-byte length (native byte order: both ends are one
 * program on one machine) and that many bytes: fields, each ended by a NUL
 * byte.  A field is any bytes but NUL, so a path with a line break or a tab
 * in it is one field like any other.
 *
 *   parent -> worker  index, path of each rendition of the document (1 to 6)
 *   worker -> parent  index, "ok", id, vraagnummer, sha256, vragen, antwoorden, noten,
 *                     findings, seconds, temporary output, source (0-based), catalogue,
 *                     temporary verify page, then per rendition: differences from
 *                     the source, error, sha256
 *                     index, "failed", status code, errno, message, seconds, then
 *                     per rendition its error
 *                     or, for a bundle (one PDF of several documents), one message
 *                     per document: index, "part", k (from 0), n, first page, last
 *                     page, "ok" or "failed", id, vraagnummer, sha256, vragen,
 *                     antwoorden, noten, findings, seconds, temporary output,
 *                     catalogue, status code, errno, message; the task is answered
 *                     with part n-1
 */
#ifndef AHCONV_BATCH_PROTOCOL_H
#define AHCONV_BATCH_PROTOCOL_H

#include <stddef.h>

/* No message is longer: a path is at most PATH_MAX, the rest is short. */
#define PROTOCOL_MAX_BYTES (64u * 1024u)
#define PROTOCOL_MAX_FIELDS 40

/* Sends fields[0..n) as one message: 0, or -1 with errno. */
int protocol_send(int fd, const char *const *fields, int n);

/* Receives one message into *buf (grown as needed; the caller frees) and
 * points fields[] at its fields: their number; 0 at end of file before a
 * message; -1 on a read error, a message cut short or malformed (errno
 * EPROTO). */
int protocol_receive(int fd, char **buf, size_t *cap, char **fields, int max_fields);

#endif
