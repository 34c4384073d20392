/* options.h — the command line of ahconv: its usage text and the options
 * of each command. */
#ifndef AHCONV_TOOLS_OPTIONS_H
#define AHCONV_TOOLS_OPTIONS_H

#include <stdbool.h>

/* Per input, by default: a real document converts in under a tenth of a
 * second in a worker of about 100 MiB of address space; these leave a wide
 * margin and still stop a runaway file. */
#define BATCH_DEFAULT_TIMEOUT_S 120
#define BATCH_DEFAULT_MAX_MEMORY_MIB 2048

extern const char ahconv_usage_text[];

/* "ahconv: msg" and the usage text on stderr; returns the exit status, 2. */
int usage_error(const char *msg);

/* Each options_* function reads the arguments after the command's name:
 * 0 when they are usable, else the exit status after a usage error. */

/* ahconv convert [-f xml|pdf|json|text] [--no-embed] [--positions] [--metadata FILE] [-o OUT] INPUT
 * ahconv convert --split [-f …] … -o OUTDIR INPUT */
typedef enum { FORMAT_XML, FORMAT_PDF, FORMAT_JSON, FORMAT_TEXT } output_format;
typedef struct {
  const char *input;
  const char *output;   /* NULL: standard output */
  const char *metadata; /* the publisher's metadata record, NULL: found beside INPUT or none */
  output_format format;
  bool no_embed;  /* neither read nor write an embedded XML */
  bool positions; /* --positions: where each block was printed, as attributes */
  bool split;     /* --split: every document of a bundle, -o names a folder */
} convert_options;
int options_convert(int argc, char **argv, convert_options *o);

/* ahconv verify [--html REPORT] INPUT [INPUT_B [INPUT_C]] */
typedef struct {
  const char *inputs[3];
  int n;
  const char *html; /* --html: the findings report to write, NULL: none */
} verify_options;
int options_verify(int argc, char **argv, verify_options *o);

/* ahconv batch [-f xml|pdf] [-j N] [--timeout S] [--max-memory M] [--force]
 *              [--quiet] -o OUTDIR INPUT_OR_DIR... */
typedef struct {
  const char *format; /* "xml" or "pdf" */
  bool pdf;
  const char *outdir;
  int jobs;           /* 1 to 256; default the number of cores */
  int timeout_s;      /* wall time per input; 0: none */
  int max_memory_mib; /* address space per worker; 0: none */
  bool force, quiet;
  bool html;          /* --html: OUTDIR/ahconv-report.html beside the CSV */
  bool verify; /* with --html: a verify page for every document of several renditions */
  bool csv_nl; /* --csv-dialect nl: semicolons, decimal commas, a byte-order mark */
  bool bag, bag_originals; /* --bag: OUTDIR as a BagIt bag; --bag-originals: with the renditions */
  /* the inputs, gathered at the front of argv itself: nothing to free */
  const char **roots;
  int n_roots;
} batch_options;
int options_batch(int argc, char **argv, batch_options *o);

#endif
