/* digest.h — SHA-256 of bytes, as the lowercase hex the outputs carry. */
#ifndef AHCONV_DIGEST_H
#define AHCONV_DIGEST_H

#include <stddef.h>

#define AH_SHA256_HEX_LEN 64

/* The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL in
 * out[0..AH_SHA256_HEX_LEN]. */
void ah_sha256_hex(const void *data, size_t len, char out[AH_SHA256_HEX_LEN + 1]);

/* The same, in a new string (free()). */
char *ah_sha256_hex_dup(const void *data, size_t len);

#endif
