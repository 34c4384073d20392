/* state.c — the state file of `ahconv batch`, OUTDIR/.ahconv-state.
 *
 * Takes: OUTDIR and claims (input, its size and time, format, version,
 * output name or error).  Gives: the claims of earlier runs, found by input
 * or by output, and new claims appended one line at a time.  The format is
 * in state.h.  Every file the batch writes is claimed before it is renamed
 * into place, so a file nobody claims was not written by ahconv.
 */
#define _POSIX_C_SOURCE 200809L
#include "state.h"

#include "common.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIELDS 13

static char *copy_or_empty(const char *field) { return ah_strdup(strcmp(field, "-") ? field : ""); }

bool state_parse_line(char *line, batch_claim *c) {
  char *f[FIELDS];
  int n = 0;
  for (char *save = NULL, *t = strtok_r(line, "\t", &save); t && n < FIELDS; t = strtok_r(NULL, "\t", &save))
    f[n++] = t;
  if (n != FIELDS) return false;
  memset(c, 0, sizeof *c);
  c->version = ah_strdup(f[0]);
  c->format = ah_strdup(f[1]);
  c->input = ah_strdup(f[2]);
  c->size = atoll(f[3]);
  c->mtime_ns = atoll(f[4]);
  c->sha256 = ah_strdup(f[5]);
  c->id = copy_or_empty(f[6]);
  c->vragen = atoi(f[7]);
  c->antwoorden = atoi(f[8]);
  c->noten = atoi(f[9]);
  c->findings = atoi(f[10]);
  c->output = copy_or_empty(f[11]);
  c->error = copy_or_empty(f[12]);
  return true;
}

static const char *dash_if_empty(const char *field) { return *field ? field : "-"; }

char *state_format_line(const batch_claim *c) {
  ah_buf line = {0};
  ah_buf_printf(&line, "%s\t%s\t%s\t%lld\t%lld\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\n", c->version, c->format, c->input,
                c->size, c->mtime_ns, dash_if_empty(c->sha256), dash_if_empty(c->id), c->vragen, c->antwoorden,
                c->noten, c->findings, dash_if_empty(c->output), dash_if_empty(c->error));
  return ah_buf_steal(&line);
}

static char *input_key(const char *format, const char *input) { return path_join(format, input); }

void state_add(batch_state *s, batch_claim c) {
  char *key = input_key(c.format, c.input);
  size_t i;
  if (index_get(&s->by_input, key, &i)) {
    claim_free(&s->items[i]);
  } else {
    if (s->n == s->cap) s->items = ah_xrealloc(s->items, (s->cap = s->cap ? s->cap * 2 : 64) * sizeof *s->items);
    i = s->n++;
    index_put(&s->by_input, key, i);
  }
  s->items[i] = c;
  /* the output's earlier owner, if any, is left in by_output:
   * state_claim_of_output checks the claim still names that output */
  if (*c.output) index_put(&s->by_output, c.output, i);
  free(key);
}

/* Reads the claims of f.  When its last line was cut short (a kill or a
 * full disk during an append), *cut_at is where that line starts, else -1. */
static void read_claims(batch_state *s, FILE *f, long long *cut_at) {
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  long long complete = 0;
  *cut_at = -1;
  while ((len = getline(&line, &cap, f)) > 0) {
    if (line[len - 1] != '\n') { /* only the last line can lack it */
      *cut_at = complete;
      break;
    }
    complete += len;
    line[len - 1] = 0;
    batch_claim c;
    if (state_parse_line(line, &c)) state_add(s, c);
  }
  free(line);
}

int state_load(batch_state *s, const char *outdir) {
  memset(s, 0, sizeof *s);
  char *path = path_join(outdir, STATE_NAME);
  FILE *f = fopen(path, "r");
  long long cut_at = -1;
  if (f) {
    read_claims(s, f, &cut_at);
    fclose(f);
  }
  s->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  free(path);
  /* Without this the next claim would be glued to the cut line and read
   * back as one line: a wrong claim for the cut input, none for the new. */
  if (s->fd >= 0 && cut_at >= 0 && ftruncate(s->fd, (off_t)cut_at) != 0) {
    close(s->fd);
    s->fd = -1;
  }
  return s->fd < 0 ? -1 : 0;
}

int state_append(batch_state *s, const batch_claim *c) {
  char *line = state_format_line(c);
  size_t n = strlen(line);
  /* one write per line: a short one (a full disk) can only leave the last
   * line cut short, and the next state_load cuts it off */
  int rc = write(s->fd, line, n) == (ssize_t)n ? 0 : -1;
  free(line);
  return rc;
}

const batch_claim *state_claim_of_input(const batch_state *s, const char *input, const char *format) {
  char *key = input_key(format, input);
  size_t i;
  bool found = index_get(&s->by_input, key, &i);
  free(key);
  return found ? &s->items[i] : NULL;
}

const batch_claim *state_claim_of_output(const batch_state *s, const char *output) {
  size_t i;
  if (!index_get(&s->by_output, output, &i) || strcmp(s->items[i].output, output) != 0) return NULL;
  return &s->items[i];
}

void claim_free(batch_claim *c) {
  free(c->input);
  free(c->output);
  free(c->format);
  free(c->version);
  free(c->sha256);
  free(c->id);
  free(c->error);
}

void state_free(batch_state *s) {
  for (size_t i = 0; i < s->n; i++) claim_free(&s->items[i]);
  free(s->items);
  index_free(&s->by_input);
  index_free(&s->by_output);
  if (s->fd > 0) close(s->fd);
  s->items = NULL;
  s->n = s->cap = 0;
  s->fd = 0;
}
