/* naming.c — choosing output names for `ahconv batch`.
 *
 * Takes: an input with its id, the claims of the state file and the names
 * already given in this run.  Gives: a name below OUTDIR that is the
 * input's own, the same for any number of workers (inputs are named in
 * input order) and for a rerun (an input keeps the name it claimed).
 */
#define _POSIX_C_SOURCE 200809L
#include "naming.h"

#include "common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const batch_claim *naming_claim_of(const batch_state *s, const batch_input *it, const char *format) {
  if (it->part) { /* a bundle's document: the claim of that part */
    const batch_claim *c = it->claimed_as ? state_claim_of_part(s, it->claimed_as, format, it->part) : NULL;
    if (!c && it->real) c = state_claim_of_part(s, it->real, format, it->part);
    return c;
  }
  /* found by its bytes under another path: an archive moved or renamed */
  const batch_claim *by_content = it->claimed_as ? state_claim_of_input(s, it->claimed_as, format) : NULL;
  if (by_content) return by_content;
  const batch_claim *c = it->real ? state_claim_of_input(s, it->real, format) : NULL;
  return c ? c : state_claim_of_input(s, it->path, format);
}

char *naming_stem(const char *path) {
  const char *slash = strrchr(path, '/');
  char *s = ah_strdup(slash ? slash + 1 : path);
  if (ends_with_ci(s, ".gz")) s[strlen(s) - 3] = 0;
  char *dot = strrchr(s, '.');
  if (dot && dot != s) *dot = 0;
  return s;
}

/* rel (below OUTDIR) can be the output of input index, whose own claim is
 * mine (or NULL): no other input claims it, no earlier input of this run
 * has it, and no file ahconv did not write is there. */
static bool is_free_for(const batch_naming *nm, const batch_input *it, const batch_claim *mine, size_t index,
                        const char *rel) {
  const batch_claim *owner = state_claim_of_output(nm->state, rel);
  bool owner_is_me =
      owner == mine || (owner && it->real && strcmp(owner->input, it->real) == 0 && owner->part == it->part);
  if (owner && !owner_is_me) return false;
  size_t by;
  /* an earlier input of this run, or an earlier part of this bundle (the
   * parts are named in order, under the bundle's index) */
  if (index_get(&nm->taken, rel, &by) && (by < index || (by == index && it->part))) return false;
  if (owner) return true; /* claimed, so written by ahconv */
  char *full = path_join(nm->outdir, rel);
  bool foreign = access(full, F_OK) == 0;
  free(full);
  return !foreign;
}

/* The folder of a document below the root: the input's, less a last
 * pdf/, html/ or xml/ (the publisher's layout keeps each rendition in
 * such a folder; the document is the folder above).  The caller frees. */
static char *document_subdir(const char *subdir) {
  char *d = ah_strdup(subdir);
  char *slash = strrchr(d, '/');
  char *last = slash ? slash + 1 : d;
  if (!strcmp(last, "pdf") || !strcmp(last, "html") || !strcmp(last, "xml")) *(slash ? slash : d) = 0;
  return d;
}

char *naming_choose(const batch_naming *nm, const batch_input *it, size_t index) {
  const batch_claim *mine = naming_claim_of(nm->state, it, nm->format);
  char *base = it->id && *it->id ? ah_strdup(it->id) : naming_stem(it->path);
  char *result = NULL;
  char *dir = document_subdir(it->subdir);
  if (nm->prefix) {
    char *in_prefix = path_join(nm->prefix, dir);
    free(dir);
    dir = in_prefix;
  }
  for (int k = 1; !result; k++) {
    char name[1024];
    if (k == 1) snprintf(name, sizeof name, "%s%s", base, nm->ext);
    else snprintf(name, sizeof name, "%s-%d%s", base, k, nm->ext);
    char *rel = path_join(dir, name);
    if (is_free_for(nm, it, mine, index, rel)) result = rel;
    else free(rel);
  }
  free(base);
  free(dir);
  return result;
}

void naming_take(batch_naming *nm, const char *output, size_t index) { index_put(&nm->taken, output, index); }

void naming_free(batch_naming *nm) { index_free(&nm->taken); }
