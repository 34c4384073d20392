/* group.c — the documents of a batch run: which inputs are renditions of
 * one publication, and what each file is (its bytes' SHA-256).
 *
 * Takes: the inputs as the walk found them.  Gives: the same inputs, each
 * with its format and file_sha256, reordered so that the renditions of one
 * document stand together, the one the rule prefers first (the leader,
 * handed to a worker for the whole document), at the place of the
 * document's first rendition in name order; every other input keeps its
 * place.
 *
 * One document: the same name but for the extension in one folder (X.xml,
 * X.html, X.pdf, each perhaps .gz), or the publisher's layout
 * (…/<n>/xml/X.xml, …/<n>/html/X.html, …/<n>/pdf/X.pdf).
 *
 * The rule: publisher XML, then HTML, then PDF.  The publisher's XML is
 * what the other two are made from: its text, notes and metadata are
 * marked up, not recovered; the HTML is marked up too but drops some of
 * the XML's structure; the PDF's text is recovered from the printed
 * layout, the most inference and so the most room for a reading error.
 */
#define _GNU_SOURCE /* memrchr */
#include "group.h"

#include "common.h"

#include <glib.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "x.html.gz" -> "html"; NULL for a name of no rendition's extension */
static const char *format_of_name(const char *path) {
  static const char *const exts[][2] = {{".xml", "xml"}, {".html", "html"}, {".htm", "html"}, {".pdf", "pdf"}};
  char *name = ah_strdup(path);
  if (ends_with_ci(name, ".gz")) name[strlen(name) - 3] = 0;
  const char *f = NULL;
  for (size_t i = 0; i < sizeof exts / sizeof *exts && !f; i++)
    if (ends_with_ci(name, exts[i][0])) f = exts[i][1];
  free(name);
  return f;
}

/* 0 for the rendition the rule prefers most */
static int rank_of(const char *format) {
  if (!format) return 3;
  return !strcmp(format, "xml") ? 0 : !strcmp(format, "html") ? 1 : 2;
}

char *group_document_key(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t dir_len = (size_t)(base - path);
  static const char *const folders[] = {"pdf/", "html/", "xml/", NULL};
  for (int i = 0; folders[i]; i++) {
    size_t f = strlen(folders[i]);
    if (dir_len >= f && !strncmp(base - f, folders[i], f) && (dir_len == f || base[-(long)f - 1] == '/')) {
      dir_len -= f;
      break;
    }
  }
  size_t n = strlen(base);
  if (n > 3 && !strcasecmp(base + n - 3, ".gz")) n -= 3;
  const char *dot = memrchr(base, '.', n);
  if (dot && dot > base) n = (size_t)(dot - base);
  ah_buf key = {0};
  ah_buf_put(&key, path, dir_len);
  ah_buf_putc(&key, '\n'); /* no file name holds one: folder and name stay apart */
  ah_buf_put(&key, base, n);
  return ah_buf_steal(&key);
}

typedef struct {
  char *key;   /* NULL: stands alone (failed in the walk, not a rendition) */
  size_t first; /* the input order of its document's first rendition */
  int rank;
  size_t index;
} placed;

static int compare_placed(const void *x, const void *y) {
  const placed *a = x, *b = y;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  if (a->rank != b->rank) return a->rank - b->rank;
  return (a->index > b->index) - (a->index < b->index);
}

/* Each input's place: its document's first appearance, then the rule. */
static placed *place_all(batch_inputs *in) {
  placed *p = ah_xreallocarray(NULL, in->n, sizeof *p);
  GHashTable *first = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i < in->n; i++) {
    batch_input *it = &in->items[i];
    bool alone = it->state != INPUT_PENDING || !it->format;
    p[i] = (placed){.key = alone ? NULL : group_document_key(it->path), .first = i, .rank = rank_of(it->format),
                    .index = i};
    if (!p[i].key) continue;
    gpointer at;
    if (g_hash_table_lookup_extended(first, p[i].key, NULL, &at)) p[i].first = (size_t)GPOINTER_TO_SIZE(at);
    else g_hash_table_insert(first, p[i].key, GSIZE_TO_POINTER(i));
  }
  g_hash_table_destroy(first);
  qsort(p, in->n, sizeof *p, compare_placed);
  return p;
}

void group_documents(batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) {
    const char *f = format_of_name(in->items[i].path);
    in->items[i].format = f ? ah_strdup(f) : NULL;
  }
  if (!in->n) return;
  placed *p = place_all(in);
  batch_input *items = ah_xreallocarray(NULL, in->cap, sizeof *items);
  for (size_t i = 0; i < in->n; i++) items[i] = in->items[p[i].index];
  free(in->items);
  in->items = items;
  for (size_t i = 0, lead = 0; i < in->n; i++) {
    batch_input *it = &in->items[i];
    bool joins = i > 0 && p[i].key && p[lead].key && !strcmp(p[i].key, p[lead].key) &&
                 in->items[lead].n_members < GROUP_MAX_MEMBERS;
    if (!joins) lead = i;
    it->leader = lead;
    it->n_members = 1;
    if (joins) in->items[lead].n_members++;
  }
  for (size_t i = 0; i < in->n; i++) free(p[i].key);
  free(p);
}

/* (group.h) */
char *group_file_sha256(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  /* Nettle, as the library's digest.c: GLib's checksum was a tenth of a
   * batch's time */
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  unsigned char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) sha256_update(&ctx, n, buf);
  bool bad = ferror(f);
  fclose(f);
  if (bad) return NULL;
  uint8_t sum[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof sum, sum);
  char *hex = ah_xmalloc(2 * sizeof sum + 1);
  for (size_t i = 0; i < sizeof sum; i++) snprintf(hex + 2 * i, 3, "%02x", sum[i]);
  return hex;
}

void group_hash_files(batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) {
    batch_input *it = &in->items[i];
    if (it->state == INPUT_PENDING && !it->file_sha256) it->file_sha256 = group_file_sha256(it->path);
  }
}
