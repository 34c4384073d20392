/* gzip.c — gzip-compressed bytes in, the plain bytes out.
 *
 * Any input may arrive gzip-compressed (archives store renditions as .pdf.gz
 * or .html.gz); it is recognised by its magic bytes, never by its name.
 * The inflated size is capped so a small hostile file cannot exhaust memory;
 * the cap counts every member of a multi-member file together.
 */
#include "gzip.h"
#include "caps.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

bool ah_is_gzip(const unsigned char *d, size_t len) { return len >= 2 && d[0] == 0x1f && d[1] == 0x8b; }

bool ah_names_gzip(const char *path) {
  size_t n = strlen(path);
  return n > 3 && strcmp(path + n - 3, ".gz") == 0;
}

/* The output buffer grown to hold more, up to the cap across all members. */
static int grow(unsigned char **buf, size_t *cap, ah_error *err) {
  if (*cap >= AH_MAX_INFLATED_BYTES) {
    ah_error_set(err, AH_ERROR_LIMIT, "gzip content larger than %u MiB", AH_MAX_INFLATED_BYTES >> 20);
    return -1;
  }
  *cap = *cap * 2 > AH_MAX_INFLATED_BYTES ? AH_MAX_INFLATED_BYTES : *cap * 2;
  *buf = ah_xrealloc(*buf, *cap);
  return 0;
}

/* One member from in[*pos], appended at buf[*n]; *pos moves past its trailer. */
static int inflate_member(z_stream *zs, const unsigned char *in, size_t len, size_t *pos, unsigned char **buf,
                          size_t *cap, size_t *n, ah_error *err) {
  zs->next_in = (unsigned char *)in + *pos;
  for (;;) {
    if (*n == *cap && grow(buf, cap, err) != 0) return -1;
    size_t in_left = len - (size_t)(zs->next_in - in);
    zs->avail_in = in_left > 0x40000000u ? 0x40000000u : (uInt)in_left;
    zs->next_out = *buf + *n;
    zs->avail_out = (uInt)(*cap - *n > 0x40000000u ? 0x40000000u : *cap - *n);
    int rc = inflate(zs, Z_NO_FLUSH);
    *n = (size_t)(zs->next_out - *buf);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs->avail_out == 0)) {
      ah_error_set(err, AH_ERROR_DAMAGED, "damaged gzip stream%s%s", zs->msg ? ": " : "", zs->msg ? zs->msg : "");
      return -1;
    }
    if (zs->avail_in == 0 && zs->avail_out != 0 && (size_t)(zs->next_in - in) == len) {
      ah_error_set(err, AH_ERROR_DAMAGED, "truncated gzip stream");
      return -1;
    }
  }
  *pos = (size_t)(zs->next_in - in);
  return 0;
}

/* Every member of a multi-member file (`cat a.gz b.gz`, pigz, bgzip) is
 * read, as gzip(1) does: stopping after the first would lose the rest of
 * the text without a word.  Bytes after the last member that do not start
 * another one are refused, not ignored: the file is not what it claims. */
int ah_gunzip(const unsigned char *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  /* 16 + MAX_WBITS: gzip header and trailer, checked by zlib */
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    ah_error_set(err, AH_ERROR_NOMEM, "cannot start the gzip decoder (zlib)");
    return -1;
  }
  /* never above the cap: a first guess past it would let a bomb through */
  size_t cap = len * 4 + 4096, n = 0, pos = 0;
  if (cap > AH_MAX_INFLATED_BYTES) cap = AH_MAX_INFLATED_BYTES;
  unsigned char *buf = ah_xmalloc(cap);
  for (;;) {
    if (inflate_member(&zs, in, len, &pos, &buf, &cap, &n, err) != 0) goto fail;
    if (pos == len) break;
    if (!ah_is_gzip(in + pos, len - pos)) {
      ah_error_set(err, AH_ERROR_DAMAGED, "%zu bytes of trailing data after the gzip stream", len - pos);
      goto fail;
    }
    inflateReset(&zs);
  }
  inflateEnd(&zs);
  *out = buf;
  *out_len = n;
  return 0;
fail:
  inflateEnd(&zs);
  free(buf);
  return -1;
}

/* The reverse, for output named *.gz.  The header carries no time stamp or
 * name, so the same XML always gives the same bytes (batch reruns compare
 * equal). */
int ah_gzip(const void *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    ah_error_set(err, AH_ERROR_COMPRESS, "cannot start the gzip encoder (zlib)");
    return -1;
  }
  size_t cap = deflateBound(&zs, (uLong)len) + 32;
  unsigned char *buf = ah_xmalloc(cap);
  zs.next_in = (unsigned char *)in;
  zs.avail_in = (uInt)len;
  zs.next_out = buf;
  zs.avail_out = (uInt)cap;
  int rc = len > 0x40000000u ? Z_BUF_ERROR : deflate(&zs, Z_FINISH);
  size_t n = (size_t)(zs.next_out - buf);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    free(buf);
    ah_error_set(err, AH_ERROR_COMPRESS, len > 0x40000000u ? "output too large to compress in one piece" : "gzip compression failed (zlib)");
    return -1;
  }
  *out = buf;
  *out_len = n;
  return 0;
}
