/* run.h — one `ahconv batch` run, shared by batch.c and parts.c (a
 * bundle's documents). */
#ifndef AHCONV_BATCH_RUN_H
#define AHCONV_BATCH_RUN_H

#include "index.h"
#include "naming.h"
#include "options.h"
#include "report.h"
#include "state.h"
#include "walk.h"

#include <stdbool.h>
#include <stddef.h>

/* The error of a document not written because another input has its id
 * (a claim's error starts so: a rerun lists it again, not as a failure). */
#define DUPLICATE_PREFIX "duplicate: "

typedef struct {
  batch_options opt;
  const char *ext; /* of the outputs: ".xml" or ".pdf" */
  bool progress;   /* progress line on stderr */
  batch_inputs in;
  batch_state st;
  batch_naming names;
  batch_index ids; /* id -> the input whose document has it (this run, in input order, and skipped ones) */
  char *tmpdir;
  batch_tally tally;
  bool disk_full; /* an output found no room: the run stopped */
  int lock_fd;    /* OUTDIR/.ahconv-lock, held for the run; -1 none */
} batch_run;

/* batch.c */

/* The claim of input (or bundle part) it done in this run: its document's
 * output (its group's first rendition owns it, group.h), or its error. */
batch_claim run_claim_of(const batch_run *r, const batch_input *it);

bool run_is_disk_full(int err);

/* it could not be put in place for want of room: not done, like those
 * after it.  Returns false, which stops the run. */
bool run_not_done_disk_full(batch_run *r, batch_input *it);

/* A failure of the document itself or over a limit is claimed (it stands
 * while the file is unchanged); any other is not.  False when the claim
 * found the disk full. */
bool run_record_failure(batch_run *r, batch_input *it);

/* Names the output of converted input it (at index; a bundle's part at
 * its bundle's), claims it, renames it into place.  False when the disk
 * is full. */
bool run_put_in_place(batch_run *r, batch_input *it, size_t index);

/* it (at index) as claim c of an earlier run says: skipped. */
void run_skip_done_before(batch_run *r, batch_input *it, size_t i, const batch_claim *c);

/* parts.c */

/* Commits the documents of bundle input index, in file order, then the
 * bundle's own claim.  False when the disk is full. */
bool parts_commit(batch_run *r, size_t index);

/* A bundle whose claim c (of an earlier run) stands: skipped when every
 * part's claim stands too, its parts rebuilt from them. */
void parts_skip(batch_run *r, size_t index, const batch_claim *c);

/* Whether the document of it (at index) is not to be written: its id is
 * a bundle's document's already, or it is a bundle's document whose id
 * an earlier input (or an earlier document of its bundle) has. */
bool parts_duplicate(batch_run *r, batch_input *it, size_t index);

/* Lists it as a duplicate (its error says whose id it has), claims that,
 * removes its temporary output.  False when the disk is full. */
bool parts_list_duplicate(batch_run *r, batch_input *it);

/* Records that the input at index has the document of id (the first one
 * stays). */
void parts_note_id(batch_run *r, const char *id, size_t index);

/* The ids of the documents skipped (done before). */
void parts_note_skipped_ids(batch_run *r);

#endif
