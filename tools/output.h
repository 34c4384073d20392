/* output.h — where `ahconv convert -o OUT` writes, decided before the
 * conversion from what is already at OUT. */
#ifndef AHCONV_TOOLS_OUTPUT_H
#define AHCONV_TOOLS_OUTPUT_H

#include "ahconv.h"

#include <stdbool.h>

typedef enum {
  OUTPUT_STDOUT,   /* no -o, or -o -, or a link to standard output (/dev/stdout) */
  OUTPUT_STDERR,   /* a link to standard error (/dev/stderr) */
  OUTPUT_REPLACE,  /* a new or regular file: temporary file beside it, renamed */
  OUTPUT_IN_PLACE  /* a character device or FIFO: opened and written */
} output_kind;

typedef struct {
  output_kind kind;
  const char *name;  /* OUT as given, for messages */
  const char *input; /* named when rendering fails */
  char *path;       /* the file written: OUT, or where its symbolic links lead */
} output_target;

/* Decides where OUT (NULL: standard output) goes for INPUT: 0, or 2 after
 * one line on stderr naming OUT when OUT is the input itself (same device
 * and inode), a directory, a socket, a block device or a dangling symbolic
 * link. */
int output_resolve(const char *out, const char *input, output_target *t);

/* Once the document is open and its record read: 0, or 2 after one line on
 * stderr when the target is the metadata record the document read
 * (ah_doc_metadata_file: found beside the input or given with --metadata;
 * NULL: none). */
int output_check_record(const output_target *t, const char *record);

/* One of the library's renderers: ah_render_xml, ah_render_pdf, … */
typedef char *(*output_renderer)(const ah_doc *doc, int options, size_t *len, ah_error *err);

/* Renders doc with `render` and the option bits to the target: 0, or 2
 * after one line on stderr. */
int output_write(const output_target *t, const ah_doc *doc, output_renderer render, int options);

void output_free(output_target *t);

#endif
