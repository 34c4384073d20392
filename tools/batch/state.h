/* state.h — OUTDIR/.ahconv-state: which input gave which output.
 *
 * One line per input done, fields separated by tabs:
 *   version format input size mtime_ns sha256 id vragen antwoorden noten
 *   findings output error escaped vraagnummer
 * "-" stands for an empty field.  A failed input has output "-" and its
 * error, so a rerun need not try an unchanged file again; a written one has
 * error "-".  Only failures of the document itself and failures over a
 * limit are claimed (see state_failure_stands).  Lines are only ever appended; a later line for the same
 * format and input replaces an earlier one.  A last line without its line
 * break (cut short by a kill or a full disk) is not a claim, and loading
 * the file cuts it off, so the next line appended starts a line of its own.
 *
 * The 14th field, the word "escaped", says that the text fields (input,
 * id, output, error) hold a tab, a line break, a carriage return and a
 * backslash as \t, \n, \r and \\: a path may hold any byte but NUL.
 * Lines of 13 fields (written before the escapes) are read as they are:
 * their fields cannot hold a tab or a line break, and a backslash in them
 * is a backslash.  The 15th field, the vraagnummer from the publisher's
 * metadata record (escaped, "-" when none), is missing from lines written
 * before it was kept: read as none.
 *
 * Fields 16 to 21, missing from older lines (read as empty, "owner",
 * "source"):
 * the SHA-256 of the input file's bytes (a rerun finds an input by it, so a
 * moved or renamed archive is not converted again), the differences of the
 * rendition from the document's source ("-": not compared, -1: the
 * comparison failed), the document's catalogue fields (report.h), and
 * "owner" when the output is this input's own, "member" when it is the
 * output of another rendition of the same document (the first rendition
 * of the document, group.h, owns it), and "source" when the document was
 * read from this rendition, else "-".  Field 21: the first differences
 * from the source, one a line (escaped), "-" when none.  Field 22, a
 * bundle (a PDF of several documents, missing from older lines: none):
 * "k/n first-last" on the claim of its document k of n (from 1; its pages
 * in the file), "0/n" on the claim of the bundle itself, "-" on any other.
 * The parts' claims are appended before the bundle's own: only that one
 * says the input is done, and a rerun skips the bundle when every part's
 * claim stands.
 */
#ifndef AHCONV_BATCH_STATE_H
#define AHCONV_BATCH_STATE_H

#include "index.h"

#include <stdbool.h>
#include <stddef.h>

#define STATE_NAME ".ahconv-state"

typedef struct {
  char *input, *output, *format, *version, *sha256, *id;
  char *vraagnummer; /* "" when the document has no metadata record */
  char *error; /* "" when the output was written */
  char *file_sha256; /* of the input's bytes; "" when not known */
  char *catalogue;   /* "" when not known */
  char *differences; /* the first differences from the source, one a line; "" none */
  bool compared, member, source; /* member: another rendition owns the output */
  int compare_findings;
  long long size, mtime_ns;
  int vragen, antwoorden, noten, findings;
  int part, n_parts;         /* a bundle: part k (from 1) of n, or the bundle itself (0 of n); 0 of 0 otherwise */
  int page_first, page_last; /* a part's pages in the file */
} batch_claim;

typedef struct {
  batch_claim *items;
  size_t n, cap;
  batch_index by_input;  /* format and input -> claim */
  batch_index by_output; /* output -> claim (check: a claim may have moved on) */
  batch_index by_content; /* format and file sha256 -> claim */
  int fd;                /* appended to; 0 before state_load */
} batch_state;

/* Parses one line (without its line break), cutting it up in place: true
 * when it has the 13 fields (and perhaps "escaped").  *c then owns copies of them, with "-" read as
 * "" in id, output and error (sha256 keeps its "-": only a written output's
 * claim is read for its sha256).  False leaves *c untouched. */
bool state_parse_line(char *line, batch_claim *c);

/* The line of c, line break included; the caller frees. */
char *state_format_line(const batch_claim *c);

/* Reads OUTDIR/.ahconv-state, if there is one, and opens it for appending
 * (created when missing), a last line cut short cut off.  0, or -1 with
 * errno when it cannot be opened or cut. */
int state_load(batch_state *s, const char *outdir);

/* Appends c's line to the file; 0, or -1 when not all of it was written. */
int state_append(batch_state *s, const batch_claim *c);

/* Takes c (and its strings) into s, replacing a claim for the same format
 * and input. */
void state_add(batch_state *s, batch_claim c);

/* Whether failed claim c still stands for a run with these limits (0: none)
 * on an unchanged file: a failure of the document does; one over a limit
 * ("timed out after N s", "exceeded M MiB") does while the limit is no
 * larger; any other (a permission, an I/O error, a crash: in a state file
 * of an earlier version, which claimed every failure; a bundle refused
 * whole, "holds N documents: ...", before batch split bundles) does not,
 * and the input is tried again. */
bool state_failure_stands(const batch_claim *c, int timeout_s, int max_memory_mib);

/* The claim of part k (from 1) of the bundle input for a format, or NULL. */
const batch_claim *state_claim_of_part(const batch_state *s, const char *input, const char *format, int part);

/* The claim of an input for a format, or NULL. */
const batch_claim *state_claim_of_input(const batch_state *s, const char *input, const char *format);

/* The claim of the input whose bytes have this SHA-256, for a format, or
 * NULL. */
const batch_claim *state_claim_of_content(const batch_state *s, const char *file_sha256, const char *format);

/* The claim whose output is output, or NULL. */
const batch_claim *state_claim_of_output(const batch_state *s, const char *output);

void claim_free(batch_claim *c);

/* Frees every claim and closes the file. */
void state_free(batch_state *s);

#endif
