/* index.h — a string-keyed hash index of positions.  Archives have tens of
 * thousands of inputs: claims and output names are found through it, not
 * by scanning. */
#ifndef AHCONV_BATCH_INDEX_H
#define AHCONV_BATCH_INDEX_H

#include <stdbool.h>
#include <stddef.h>

/* All zero is an empty index. */
typedef struct {
  char **keys;   /* NULL: empty slot */
  size_t *vals;
  size_t cap, n; /* cap a power of two, kept under half full */
} batch_index;

/* Sets key (copied) to val, replacing any earlier val. */
void index_put(batch_index *m, const char *key, size_t val);

/* The val of key in *val; false when key is not there. */
bool index_get(const batch_index *m, const char *key, size_t *val);

void index_free(batch_index *m);

#endif
