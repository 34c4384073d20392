/* walk.c — the inputs of `ahconv batch`.
 *
 * Takes: files and folders named on the command line.  Gives: the list of
 * inputs, each with its size and modification time (a rerun compares them)
 * and its folder below the root (mirrored in OUTDIR).  Folders are read in
 * name order so that every run sees the inputs in the same order: names,
 * and a collision's "-2", depend on it.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "walk.h"

#include "common.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* deep enough for any archive, shallow enough to stop a symlink loop */
#define MAX_FOLDER_DEPTH 64

void inputs_add(batch_inputs *in, const char *path, const char *subdir, const struct stat *st) {
  if (in->n == in->cap) {
    in->cap = in->cap ? in->cap * 2 : 64;
    in->items = ah_xrealloc(in->items, in->cap * sizeof *in->items);
  }
  batch_input *it = &in->items[in->n++];
  memset(it, 0, sizeof *it);
  it->path = ah_strdup(path);
  it->subdir = ah_strdup(subdir);
  it->size = (long long)st->st_size;
  it->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* The publisher's metadata records: read for the rendition beside them
 * (the library finds them), never converted themselves. */
static bool is_metadata_record_name(const char *name) {
  static const char *const records[] = {".metadata.xml", ".metadata_owms.xml", ".metadata.xml.gz", NULL};
  for (int i = 0; records[i]; i++)
    if (ends_with_ci(name, records[i])) return true;
  return !strcmp(name, "metadata.xml") || !strcmp(name, "metadata_owms.xml");
}

/* The folders of records in the publisher's layout (…/<id>/<n>/metadata/). */
static bool is_metadata_folder(const char *name) { return !strcmp(name, "metadata") || !strcmp(name, "metadataowms"); }

/* .pdf .html .htm .xml (the publisher's XML), each optionally .gz */
static bool is_rendition_name(const char *name) {
  static const char *const exts[] = {".pdf",    ".html",    ".htm",    ".xml",   ".pdf.gz",
                                     ".html.gz", ".htm.gz", ".xml.gz", NULL};
  if (is_metadata_record_name(name)) return false;
  for (int i = 0; exts[i]; i++)
    if (ends_with_ci(name, exts[i])) return true;
  return false;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The visible entries of dir, sorted; NULL with *n 0 when there are none
 * or dir cannot be read. */
static char **sorted_entries(const char *dir, size_t *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char **names = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (*n == cap) names = ah_xrealloc(names, (cap = cap ? cap * 2 : 32) * sizeof *names);
    names[(*n)++] = ah_strdup(e->d_name);
  }
  closedir(d);
  if (*n) qsort(names, *n, sizeof *names, compare_names);
  return names;
}

static bool is_same_folder(const char *dir, const char *real_other) {
  if (!real_other) return false;
  char *real = realpath(dir, NULL);
  bool same = real && strcmp(real, real_other) == 0;
  free(real);
  return same;
}

static void walk(batch_inputs *in, const char *dir, const char *subdir, const char *outdir_real, int depth) {
  /* OUTDIR inside an input folder: its outputs are not inputs */
  if (depth > MAX_FOLDER_DEPTH || is_same_folder(dir, outdir_real)) return;
  size_t n;
  char **names = sorted_entries(dir, &n);
  for (size_t i = 0; i < n; i++) {
    char *path = path_join(dir, names[i]);
    struct stat st;
    if (stat(path, &st) == 0) {
      if (S_ISDIR(st.st_mode) && is_metadata_folder(names[i])) {
        /* records only: they go with the renditions beside the folder */
      } else if (S_ISDIR(st.st_mode)) {
        char *sub = path_join(subdir, names[i]);
        walk(in, path, sub, outdir_real, depth + 1);
        free(sub);
      } else if (S_ISREG(st.st_mode) && is_rendition_name(names[i])) {
        inputs_add(in, path, subdir, &st);
      }
    }
    free(path);
    free(names[i]);
  }
  free(names);
}

int inputs_gather(batch_inputs *in, const char *const *roots, int n_roots, const char *outdir_real) {
  /* one that cannot be read is reported, the rest go on */
  int missing = 0;
  for (int i = 0; i < n_roots; i++) {
    struct stat st;
    if (stat(roots[i], &st) != 0) {
      fprintf(stderr, "ahconv: %s: cannot open: %s\n", roots[i], strerror(errno));
      missing++;
    } else if (S_ISDIR(st.st_mode)) {
      walk(in, roots[i], "", outdir_real, 0);
    } else {
      inputs_add(in, roots[i], "", &st);
    }
  }
  return missing;
}

void inputs_free(batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) {
    batch_input *it = &in->items[i];
    free(it->path);
    free(it->subdir);
    free(it->error);
    free(it->id);
    free(it->sha256);
    free(it->output);
    free(it->tmp);
    free(it->vraagnummer);
  }
  free(in->items);
  in->items = NULL;
  in->n = in->cap = 0;
}
