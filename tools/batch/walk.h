/* walk.h — the inputs of a batch run and what became of each. */
#ifndef AHCONV_BATCH_WALK_H
#define AHCONV_BATCH_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

typedef enum { INPUT_PENDING, INPUT_RUNNING, INPUT_DONE } batch_input_state;

typedef struct {
  char *path;   /* as given or found */
  char *subdir; /* folder below the given folder, "" for a file given */
  long long size, mtime_ns;
  /* what became of it */
  batch_input_state state;
  bool ok, skipped, failed_before;
  char *error, *id, *sha256, *output, *tmp; /* NULL when not known */
  char *vraagnummer; /* from the publisher's metadata record; NULL when none (or skipped) */
  bool compared;        /* batch --verify: compared with the other renditions of its document */
  int compare_findings; /* the differences found then; -1: the comparison failed */
  int vragen, antwoorden, noten, findings;
  double seconds;
} batch_input;

typedef struct {
  batch_input *items;
  size_t n, cap;
} batch_inputs;

/* Appends one input with the size and time of st. */
void inputs_add(batch_inputs *in, const char *path, const char *subdir, const struct stat *st);

/* Appends the inputs named on the command line: a file as it is, a folder's
 * renditions (.pdf .html .htm .xml, each optionally .gz) recursively, in
 * name order, hidden entries, the publisher's metadata records (*.metadata.xml,
 * metadata.xml, metadata_owms.xml, metadata/ folders) and the folder
 * outdir_real (may be NULL) left out.
 * A root that cannot be read is reported on stderr; returns how many. */
int inputs_gather(batch_inputs *in, const char *const *roots, int n_roots, const char *outdir_real);

/* Frees the strings of every input and the list; leaves files alone. */
void inputs_free(batch_inputs *in);

#endif
