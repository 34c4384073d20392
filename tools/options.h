/* options.h — the command line of ahconv: its usage text and the options
 * of each command. */
#ifndef AHCONV_TOOLS_OPTIONS_H
#define AHCONV_TOOLS_OPTIONS_H

#include <stdbool.h>

extern const char ahconv_usage_text[];

/* "ahconv: msg" and the usage text on stderr; returns the exit status, 2. */
int usage_error(const char *msg);

/* Each options_* function reads the arguments after the command's name:
 * 0 when they are usable, else the exit status after a usage error. */

/* ahconv convert [-f xml|pdf] [-o OUT] [--metadata FILE] INPUT */
typedef struct {
  const char *input;
  const char *output; /* NULL: standard output */
  const char *metadata; /* the publisher's metadata record, NULL: found beside INPUT or none */
  bool pdf;
} convert_options;
int options_convert(int argc, char **argv, convert_options *o);

/* ahconv verify INPUT [INPUT_B [INPUT_C]] */
typedef struct {
  const char *inputs[3];
  int n;
} verify_options;
int options_verify(int argc, char **argv, verify_options *o);

/* ahconv batch [-f xml|pdf] [-j N] [--force] [--quiet] -o OUTDIR INPUT_OR_DIR... */
typedef struct {
  const char *format; /* "xml" or "pdf" */
  bool pdf;
  const char *outdir;
  int jobs; /* 1 to 256; default the number of cores */
  bool force, quiet;
  bool verify; /* compare the renditions of one document found together */
  /* the inputs, gathered at the front of argv itself: nothing to free */
  const char **roots;
  int n_roots;
} batch_options;
int options_batch(int argc, char **argv, batch_options *o);

#endif
