/* io.h — file helpers shared by the library and the command line tool. */
#ifndef AHCONV_IO_H
#define AHCONV_IO_H
#include "ahconv.h"
#include <stddef.h>
int ah_read_file(const char *path, unsigned char **data, size_t *len, ah_error *err);
int ah_write_file_atomic(const char *path, const void *data, size_t len, ah_error *err);
/* ah_write_file_atomic, gzip-compressed when the path ends in ".gz" */
int ah_write_output(const char *path, const void *data, size_t len, ah_error *err);
/* Writes into an existing file that cannot be replaced by rename (a
 * character device such as /dev/null, a FIFO): opened for writing without
 * creating or truncating it; gzip-compressed when the path ends in ".gz". */
int ah_write_output_in_place(const char *path, const void *data, size_t len, ah_error *err);
#endif
