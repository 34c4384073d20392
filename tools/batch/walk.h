/* walk.h — the inputs of a batch run and what became of each. */
#ifndef AHCONV_BATCH_WALK_H
#define AHCONV_BATCH_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

typedef enum { INPUT_PENDING, INPUT_RUNNING, INPUT_DONE } batch_input_state;

/* Why an input failed: what a rerun does with it depends on it. */
typedef enum {
  FAILURE_NONE,
  FAILURE_DOCUMENT,    /* the file itself (damaged, encrypted, not an Aanhangsel, ...) */
  FAILURE_LIMIT,       /* over --timeout or --max-memory */
  FAILURE_ENVIRONMENT, /* the machine (permissions, I/O, a crashed worker) */
  FAILURE_NOT_A_FILE   /* found by the walk: not a regular file, a dangling link */
} batch_failure;

typedef struct batch_input {
  char *path;   /* as given or found */
  char *real;   /* canonical (realpath): the input's identity; NULL for one failed in the walk */
  char *subdir; /* folder below the given folder, "" for a file given */
  long long size, mtime_ns;
  /* what became of it */
  batch_input_state state;
  bool ok, skipped, failed_before;
  batch_failure failure;
  char *vraagnummer;    /* from the publisher's metadata record; NULL when none */
  bool compared;        /* batch --verify: compared with the other renditions of its document */
  int compare_findings; /* the differences found then; -1: the comparison failed */
  char *error, *id, *sha256, *output, *tmp; /* NULL when not known */
  int vragen, antwoorden, noten, findings;
  double seconds;
  /* its document (group.c): the renditions of one publication stand
   * together, the one the rule prefers first (the leader); only the leader
   * is handed to a worker, which reads the document from the first
   * rendition that opens and compares the others with it */
  size_t leader;     /* index of its group's first member; its own index when alone */
  int n_members;     /* on a leader: its group's members, itself included, from it on */
  bool source;       /* the rendition the document was read from */
  bool ignored;      /* not a rendition: listed with why (error), never converted */
  char *file_sha256; /* of the file's bytes as they are: its identity for a rerun */
  char *format;      /* "xml", "html", "pdf" (by its name) */
  char *catalogue;   /* the document's catalogue fields (report.h); NULL when not read */
  char *differences; /* the first differences from the source, one a line; NULL: none */
  char *report_tmp;  /* batch --verify --html: the document's verify page, not yet in place */
  char *report;      /* its name below OUTDIR once in place */
  char *claimed_as;  /* the input of the earlier claim found by its bytes; NULL: none */
  /* A bundle (a PDF of several documents, split by its worker): one part
   * per document, in file order, each with its own result, output, claim,
   * report row and PREMIS record; the input itself has no output.  Once
   * the run is over, inputs_flatten puts the parts in the input's place. */
  struct batch_input *parts;
  int n_parts, n_parts_due;
  int part;                  /* on a part: its place in the bundle, from 1; 0 on any other input */
  int page_first, page_last; /* on a part: its pages in the file */
  bool duplicate;            /* its id is written by another input already (batch.c): listed, not written */
  bool no_room;              /* a part's output found the disk full: the input is not done */
} batch_input;

typedef struct {
  batch_input *items;
  size_t n, cap;
} batch_inputs;

/* Appends a file that is not a rendition: listed, done, with why. */
void inputs_add_ignored(batch_inputs *in, const char *path, const char *subdir, const char *why);

/* Appends one input with the size and time of st. */
void inputs_add(batch_inputs *in, const char *path, const char *subdir, const struct stat *st);

/* Appends an input that failed before any conversion (it is not a file a
 * worker can read): done, with its error. */
void inputs_add_failed(batch_inputs *in, const char *path, const char *subdir, const char *error);

/* Appends the inputs named on the command line: a file as it is, a folder's
 * renditions (.pdf .html .htm .xml, each optionally .gz; not the
 * publisher's metadata records or metadata/ folders) recursively, in name
 * order, hidden entries and the folder outdir (its stat; may be NULL) left
 * out; links followed once (walk.c).  A root that cannot be read is
 * reported on stderr; returns how many. */
int inputs_gather(batch_inputs *in, const char *const *roots, int n_roots, const struct stat *outdir);

/* Frees the strings of every input and the list; leaves files alone. */
void inputs_free(batch_inputs *in);

/* Part k (from 1) of bundle it, the input at index: the bundle's file,
 * folder, format and bytes, done, its own result still to come. */
void input_part_init(batch_input *part, const batch_input *it, size_t index, int k);

/* Frees the strings and parts of one input (not the input itself). */
void input_free(batch_input *it);

/* Puts the parts of each bundle done in its place (a row each, their
 * leader themselves), the bundle's own entry dropped. */
void inputs_flatten(batch_inputs *in);

#endif
