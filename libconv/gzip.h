/* gzip.h — one layer of gzip, in and out (gzip.c). */
#ifndef AHCONV_GZIP_H
#define AHCONV_GZIP_H

#include "buffer.h"

bool ah_is_gzip(const unsigned char *d, size_t len);
/* Inflates every member; over AH_MAX_INFLATED_BYTES (all members together):
 * AH_ERROR_LIMIT; damaged, truncated or followed by other bytes:
 * AH_ERROR_DAMAGED. */
int ah_gunzip(const unsigned char *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err);
/* Deflates with no time stamp or name (same input, same bytes);
 * AH_ERROR_COMPRESS when zlib fails. */
int ah_gzip(const void *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err);
/* The path names a gzip file: "*.gz". */
bool ah_names_gzip(const char *path);

#endif
