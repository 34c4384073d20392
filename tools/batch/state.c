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

#define FIELDS 13 /* at least; up to 22 (state.h) */
/* the 14th field of a line whose text fields are escaped (see state.h) */
#define ESCAPED "escaped"

/* "\t", "\n", "\r" and "\\" back to the byte; another backslash stays */
static char *unescape(const char *s) {
  ah_buf b = {0};
  for (; *s; s++) {
    char c = *s;
    if (c == '\\' && s[1]) {
      char e = s[1];
      c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;
      if (c) s++;
      else c = '\\';
    }
    ah_buf_putc(&b, c);
  }
  return ah_buf_steal(&b);
}

static void put_escaped(ah_buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '\t') ah_buf_puts(b, "\\t");
    else if (*s == '\n') ah_buf_puts(b, "\\n");
    else if (*s == '\r') ah_buf_puts(b, "\\r");
    else if (*s == '\\') ah_buf_puts(b, "\\\\");
    else ah_buf_putc(b, *s);
  }
}

/* A text field: "-" is empty (when dash_is_empty), escapes undone in an
 * escaped line. */
static char *text_field(const char *field, bool escaped, bool dash_is_empty) {
  if (dash_is_empty && strcmp(field, "-") == 0) return ah_strdup("");
  return escaped ? unescape(field) : ah_strdup(field);
}

bool state_parse_line(char *line, batch_claim *c) {
  char *f[FIELDS + 9];
  int n = 0;
  for (char *save = NULL, *t = strtok_r(line, "\t", &save); t && n < FIELDS + 9; t = strtok_r(NULL, "\t", &save))
    f[n++] = t;
  if (n < FIELDS) return false;
  bool escaped = n > FIELDS && strcmp(f[FIELDS], ESCAPED) == 0;
  memset(c, 0, sizeof *c);
  c->version = ah_strdup(f[0]);
  c->format = ah_strdup(f[1]);
  c->input = text_field(f[2], escaped, false);
  c->size = atoll(f[3]);
  c->mtime_ns = atoll(f[4]);
  c->sha256 = ah_strdup(f[5]);
  c->id = text_field(f[6], escaped, true);
  c->vragen = atoi(f[7]);
  c->antwoorden = atoi(f[8]);
  c->noten = atoi(f[9]);
  c->findings = atoi(f[10]);
  c->output = text_field(f[11], escaped, true);
  c->error = text_field(f[12], escaped, true);
  c->vraagnummer = n > FIELDS + 1 && escaped ? text_field(f[14], true, true) : ah_strdup("");
  c->file_sha256 = n > 15 && escaped ? text_field(f[15], true, true) : ah_strdup("");
  c->compared = n > 16 && strcmp(f[16], "-") != 0;
  c->compare_findings = c->compared ? atoi(f[16]) : 0;
  c->catalogue = n > 17 && escaped ? text_field(f[17], true, true) : ah_strdup("");
  c->member = n > 18 && strcmp(f[18], "member") == 0;
  c->source = n > 19 ? strcmp(f[19], "source") == 0 : !c->member;
  c->differences = n > 20 && escaped ? text_field(f[20], true, true) : ah_strdup("");
  if (n > 21 && sscanf(f[21], "%d/%d %d-%d", &c->part, &c->n_parts, &c->page_first, &c->page_last) < 2)
    c->part = c->n_parts = 0;
  return true;
}

/* tab, then the field escaped, "-" when empty */
static void put_field(ah_buf *line, const char *field) {
  ah_buf_putc(line, '\t');
  put_escaped(line, *field ? field : "-");
}

char *state_format_line(const batch_claim *c) {
  ah_buf line = {0};
  ah_buf_printf(&line, "%s\t%s", c->version, c->format);
  put_field(&line, c->input);
  ah_buf_printf(&line, "\t%lld\t%lld", c->size, c->mtime_ns);
  put_field(&line, c->sha256);
  put_field(&line, c->id);
  ah_buf_printf(&line, "\t%d\t%d\t%d\t%d", c->vragen, c->antwoorden, c->noten, c->findings);
  put_field(&line, c->output);
  put_field(&line, c->error);
  ah_buf_puts(&line, "\t" ESCAPED);
  put_field(&line, c->vraagnummer ? c->vraagnummer : "");
  put_field(&line, c->file_sha256 ? c->file_sha256 : "");
  if (c->compared) ah_buf_printf(&line, "\t%d", c->compare_findings);
  else ah_buf_puts(&line, "\t-");
  put_field(&line, c->catalogue ? c->catalogue : "");
  ah_buf_puts(&line, c->member ? "\tmember" : "\towner");
  ah_buf_puts(&line, c->source ? "\tsource" : "\t-");
  put_field(&line, c->differences ? c->differences : "");
  if (c->part) ah_buf_printf(&line, "\t%d/%d %d-%d", c->part, c->n_parts, c->page_first, c->page_last);
  else if (c->n_parts) ah_buf_printf(&line, "\t0/%d", c->n_parts);
  else ah_buf_puts(&line, "\t-");
  ah_buf_putc(&line, '\n');
  return ah_buf_steal(&line);
}

/* format/input; a bundle's part k: "k", a line break, format/input (no
 * format starts with a digit) */
static char *input_key(const char *format, const char *input, int part) {
  char *key = path_join(format, input);
  if (!part) return key;
  ah_buf k = {0};
  ah_buf_printf(&k, "%d\n%s", part, key);
  free(key);
  return ah_buf_steal(&k);
}

/* format, a line break (no format holds one), sha256 */
static char *content_key(const char *format, const char *sha256) {
  ah_buf k = {0};
  ah_buf_printf(&k, "%s\n%s", format, sha256);
  return ah_buf_steal(&k);
}

void state_add(batch_state *s, batch_claim c) {
  char *key = input_key(c.format, c.input, c.part);
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
  if (*c.output && !c.member) index_put(&s->by_output, c.output, i);
  if (c.file_sha256 && *c.file_sha256 && !c.part) { /* a bundle is found by its own claim */
    char *ck = content_key(c.format, c.file_sha256);
    index_put(&s->by_content, ck, i);
    free(ck);
  }
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

bool state_failure_stands(const batch_claim *c, int timeout_s, int max_memory_mib) {
  int limit;
  if (sscanf(c->error, "timed out after %d s", &limit) == 1) return timeout_s && timeout_s <= limit;
  if (sscanf(c->error, "exceeded %d MiB", &limit) == 1) return max_memory_mib && max_memory_mib <= limit;
  /* failures of the machine, as earlier versions claimed them; and a
   * bundle refused whole ("holds 2 documents: ..."), as versions before
   * batch split bundles claimed it: split now */
  static const char *const retried[] = {"cannot ", "converter crashed", "converter stopped", "file too large",
                                        "out of memory", "PDF output failed", "holds "};
  for (size_t i = 0; i < sizeof retried / sizeof *retried; i++)
    if (strncmp(c->error, retried[i], strlen(retried[i])) == 0) return false;
  return true;
}

const batch_claim *state_claim_of_part(const batch_state *s, const char *input, const char *format, int part) {
  char *key = input_key(format, input, part);
  size_t i;
  bool found = index_get(&s->by_input, key, &i);
  free(key);
  return found ? &s->items[i] : NULL;
}

const batch_claim *state_claim_of_input(const batch_state *s, const char *input, const char *format) {
  char *key = input_key(format, input, 0);
  size_t i;
  bool found = index_get(&s->by_input, key, &i);
  free(key);
  return found ? &s->items[i] : NULL;
}

const batch_claim *state_claim_of_content(const batch_state *s, const char *file_sha256, const char *format) {
  if (!file_sha256 || !*file_sha256) return NULL;
  char *key = content_key(format, file_sha256);
  size_t i;
  bool found = index_get(&s->by_content, key, &i);
  free(key);
  /* a later claim for the same input may have replaced it (the file changed) */
  return found && !strcmp(s->items[i].file_sha256, file_sha256) ? &s->items[i] : NULL;
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
  free(c->vraagnummer);
  free(c->error);
  free(c->file_sha256);
  free(c->catalogue);
  free(c->differences);
}

void state_free(batch_state *s) {
  for (size_t i = 0; i < s->n; i++) claim_free(&s->items[i]);
  free(s->items);
  index_free(&s->by_input);
  index_free(&s->by_output);
  index_free(&s->by_content);
  if (s->fd > 0) close(s->fd);
  s->items = NULL;
  s->n = s->cap = 0;
  s->fd = 0;
}
