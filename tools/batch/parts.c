/* parts.c — the documents of a bundle in a batch run.
 *
 * Takes: a bundle input done by its worker (batch_input.parts: one per
 * document, each with its own temporary output or error), or the claims of
 * an earlier run.  Gives: each document named by its own id, claimed and
 * renamed into place like any document; a document that failed claimed as
 * a failure naming its pages; then the bundle's own claim, which says the
 * input is done.  A rerun skips the bundle (by its path, or by its bytes
 * when the archive moved) when every part's claim stands.
 *
 * One record per document: a bundle's document whose id an earlier input
 * of the run already has (or an earlier document of the same bundle), and
 * any document whose id a bundle's document already has, is not written
 * again: it is listed (status duplicate, its error naming the input that
 * has the id) and claimed, so a rerun lists it the same way.  Two inputs
 * of one id that are not bundles keep the rule of every run: the later
 * one gets "-2".
 */
#define _POSIX_C_SOURCE 200809L
#include "run.h"

#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void parts_note_id(batch_run *r, const char *id, size_t index) {
  size_t at;
  if (id && *id && !index_get(&r->ids, id, &at)) index_put(&r->ids, id, index);
}

void parts_note_skipped_ids(batch_run *r) {
  for (size_t i = 0; i < r->in.n; i++) {
    const batch_input *it = &r->in.items[i];
    if (!it->skipped || it->leader != i) continue;
    if (it->output && *it->output && !it->duplicate) parts_note_id(r, it->id, i);
    for (int k = 0; k < it->n_parts; k++)
      if (it->parts[k].output && *it->parts[k].output) parts_note_id(r, it->parts[k].id, i);
  }
}

bool parts_duplicate(batch_run *r, batch_input *it, size_t index) {
  size_t at;
  if (!it->id || !*it->id || !index_get(&r->ids, it->id, &at)) return false;
  const batch_input *other = &r->in.items[at];
  if (at == index ? !it->part : !it->part && !other->n_parts) return false;
  ah_buf msg = {0};
  ah_buf_printf(&msg, DUPLICATE_PREFIX "%s is the document of %s already (not written twice)", it->id,
                other->path);
  free(it->error);
  it->error = ah_buf_steal(&msg);
  return true;
}

bool parts_list_duplicate(batch_run *r, batch_input *it) {
  if (it->tmp) unlink(it->tmp);
  free(it->tmp);
  it->tmp = NULL;
  it->ok = false;
  it->duplicate = true;
  it->failure = FAILURE_DOCUMENT; /* claimed: it stands while the file is unchanged */
  bool go_on = run_record_failure(r, it);
  if (go_on) r->tally.failed--; /* listed, not failed */
  return go_on;
}

/* The parts after the one the disk had no room for: their temporary files
 * removed, the bundle not done (its own claim is not written, so the next
 * run converts it again, into the names its parts claimed). */
static bool bundle_not_done(batch_run *r, batch_input *it, int from) {
  for (int k = from; k < it->n_parts; k++)
    if (it->parts[k].tmp) unlink(it->parts[k].tmp);
  for (int k = 0; k < it->n_parts; k++) input_free(&it->parts[k]);
  free(it->parts);
  it->parts = NULL;
  it->n_parts = 0;
  it->state = INPUT_PENDING;
  r->disk_full = true;
  return false;
}

bool parts_commit(batch_run *r, size_t index) {
  batch_input *it = &r->in.items[index];
  for (int k = 0; k < it->n_parts; k++) {
    batch_input *part = &it->parts[k];
    bool go_on;
    if (part->ok && parts_duplicate(r, part, index)) go_on = parts_list_duplicate(r, part);
    else if (part->ok) go_on = run_put_in_place(r, part, index);
    else go_on = run_record_failure(r, part);
    if (!go_on) {
      r->tally.done++; /* the part's own not-done took one off: the bundle's is below */
      return bundle_not_done(r, it, k + 1) || run_not_done_disk_full(r, it);
    }
    if (part->ok) parts_note_id(r, part->id, index);
  }
  batch_claim c = run_claim_of(r, it);
  if (state_append(&r->st, &c) != 0) {
    claim_free(&c);
    bundle_not_done(r, it, it->n_parts);
    return run_not_done_disk_full(r, it);
  }
  state_add(&r->st, c);
  return true;
}

/* The claims of the parts of bundle claim c, each standing (its output
 * there, or its failure standing); false when one does not. */
static bool parts_claims(const batch_run *r, const batch_claim *c, const batch_claim **pc) {
  for (int k = 0; k < c->n_parts; k++) {
    pc[k] = state_claim_of_part(&r->st, c->input, r->opt.format, k + 1);
    if (!pc[k] || strcmp(pc[k]->version, c->version) != 0) return false;
    if (*pc[k]->output) {
      char *full = path_join(r->opt.outdir, pc[k]->output);
      bool there = access(full, F_OK) == 0;
      free(full);
      if (!there) return false;
    } else if (!*pc[k]->error || !state_failure_stands(pc[k], r->opt.timeout_s, r->opt.max_memory_mib)) {
      return false;
    }
  }
  return true;
}

void parts_skip(batch_run *r, size_t index, const batch_claim *c) {
  batch_input *it = &r->in.items[index];
  const batch_claim **pc = ah_xcalloc((size_t)c->n_parts, sizeof *pc);
  if (parts_claims(r, c, pc)) {
    it->parts = ah_xcalloc((size_t)c->n_parts, sizeof *it->parts);
    it->n_parts = it->n_parts_due = c->n_parts;
    for (int k = 0; k < c->n_parts; k++) {
      batch_input *part = &it->parts[k];
      input_part_init(part, it, index, k + 1);
      part->page_first = pc[k]->page_first;
      part->page_last = pc[k]->page_last;
      run_skip_done_before(r, part, index, pc[k]);
      if (!*pc[k]->output) {
        free(part->output);
        part->output = NULL;
      }
    }
    it->skipped = true;
    it->ok = true;
    it->state = INPUT_DONE;
  }
  free(pc);
}
