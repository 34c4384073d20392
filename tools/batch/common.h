/* common.h — what every part of `ahconv batch` shares: the library's own
 * helpers and a few path and clock helpers.
 *
 * The library's internal headers are included here and nowhere else in
 * tools/batch/, so that moving those helpers between library headers
 * changes one line.  From the library, and nothing else: ah_xmalloc,
 * ah_xrealloc, ah_xcalloc, ah_strdup, ah_buf_* (growing strings; these
 * abort when out of memory) and ah_write_file_atomic.
 */
#ifndef AHCONV_BATCH_COMMON_H
#define AHCONV_BATCH_COMMON_H

#include "buffer.h"
#include "io.h"

#include <stdbool.h>

/* "a" + "/" + "b", with no second slash when a ends in one and no slash at
 * all when a or b is empty.  The caller frees. */
char *path_join(const char *a, const char *b);

/* mkdir -p: creates dir and the folders above it; 0, or -1 with errno. */
int make_folders(const char *dir);

/* s ends with suffix, ignoring ASCII case. */
bool ends_with_ci(const char *s, const char *suffix);

/* Seconds on a clock that never jumps: for rates and durations only. */
double seconds_now(void);

#endif
