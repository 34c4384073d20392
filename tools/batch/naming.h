/* naming.h — the names of a batch run's outputs. */
#ifndef AHCONV_BATCH_NAMING_H
#define AHCONV_BATCH_NAMING_H

#include "index.h"
#include "state.h"
#include "walk.h"

#include <stddef.h>

typedef struct {
  const char *outdir;
  const char *format;       /* "xml" or "pdf": claims are per format */
  const char *ext;          /* ".xml" or ".pdf" */
  const char *prefix;       /* a folder below OUTDIR every output goes in ("data" for a bag); NULL: none */
  const batch_state *state; /* who wrote which output, in earlier runs too */
  batch_index taken;        /* output names given in this run -> input */
} batch_naming;

/* The claim of input it for a format: the one found by its bytes
 * (claimed_as), else under its canonical path, else (a
 * state file of an earlier version, which kept inputs as given) under its
 * path as given; NULL when there is none. */
const batch_claim *naming_claim_of(const batch_state *s, const batch_input *it, const char *format);

/* "x/brief.pdf.gz" -> "brief"; the caller frees. */
char *naming_stem(const char *path);

/* The output name below OUTDIR of it, the input at index (a bundle's
 * part: at its bundle's index; it is named by its own id, its claim is
 * the part's): its folder mirrored
 * (less a last pdf/, html/ or xml/: the publisher's layout),
 * its id (else its file's stem), the extension; "-2", "-3", … when an
 * earlier input of this run has that name, another input claims it, or a
 * file ahconv did not write is there.  The caller frees. */
char *naming_choose(const batch_naming *nm, const batch_input *it, size_t index);

/* Records that output is input index's in this run. */
void naming_take(batch_naming *nm, const char *output, size_t index);

void naming_free(batch_naming *nm);

#endif
