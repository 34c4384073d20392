/* index.c — the hash index of `ahconv batch`.
 *
 * Takes: string keys and positions (an input's or a claim's).  Gives: the
 * position of a key in constant time.  Open addressing with linear probing;
 * keys are never removed, so no tombstones are needed.
 */
#include "index.h"

#include "common.h"

#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s) {
  size_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t slot_of(const batch_index *m, const char *key) {
  size_t i = hash(key) & (m->cap - 1);
  while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & (m->cap - 1);
  return i;
}

static void grow(batch_index *m) {
  batch_index bigger = {0};
  bigger.cap = m->cap ? m->cap * 2 : 256;
  bigger.keys = ah_xcalloc(bigger.cap, sizeof *bigger.keys);
  bigger.vals = ah_xcalloc(bigger.cap, sizeof *bigger.vals);
  for (size_t i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      size_t j = slot_of(&bigger, m->keys[i]);
      bigger.keys[j] = m->keys[i]; /* the key moves; no copy */
      bigger.vals[j] = m->vals[i];
    }
  bigger.n = m->n;
  free(m->keys);
  free(m->vals);
  *m = bigger;
}

void index_put(batch_index *m, const char *key, size_t val) {
  if (2 * (m->n + 1) > m->cap) grow(m);
  size_t i = slot_of(m, key);
  if (!m->keys[i]) {
    m->keys[i] = ah_strdup(key);
    m->n++;
  }
  m->vals[i] = val;
}

bool index_get(const batch_index *m, const char *key, size_t *val) {
  if (!m->cap) return false;
  for (size_t i = hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
    if (strcmp(m->keys[i], key) == 0) {
      *val = m->vals[i];
      return true;
    }
  return false;
}

void index_free(batch_index *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}
