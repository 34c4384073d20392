/* walk.c — the inputs of `ahconv batch`.
 *
 * Takes: files and folders named on the command line.  Gives: the list of
 * inputs, each with its size and modification time (a rerun compares them),
 * its canonical path (its identity in the state file, however it was
 * spelled) and its folder below the root (mirrored in OUTDIR).  Folders are
 * read in name order so that every run sees the inputs in the same order:
 * names, and a collision's "-2", depend on it.
 *
 * Symbolic links are followed, once: a folder is known by its device and
 * inode and walked the first time it is reached, a file by its canonical
 * path and taken the first time, so a link to a folder above (or to itself)
 * makes no loop and no duplicate.  What cannot be converted is reported as
 * a failed input rather than left out (and a file that is not a rendition
 * is listed with why): a dangling link (when its name is a
 * rendition's, or has no extension and could have been a folder), a FIFO,
 * device or socket with a rendition's name, a folder that cannot be read.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "walk.h"

#include "common.h"
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* deep enough for any archive */
#define MAX_FOLDER_DEPTH 64

typedef struct {
  batch_inputs *in;
  batch_index seen;           /* "d:dev:ino" of folders walked, "f:" canonical paths taken */
  const struct stat *outdir;  /* left out of the walk; may be NULL */
} walker;

/* True the first time key is seen. */
static bool first_visit(walker *w, const char *key) {
  size_t v;
  if (index_get(&w->seen, key, &v)) return false;
  index_put(&w->seen, key, 1);
  return true;
}

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
  it->leader = in->n - 1;
  it->n_members = 1;
}

void inputs_add_failed(batch_inputs *in, const char *path, const char *subdir, const char *error) {
  struct stat none = {0};
  inputs_add(in, path, subdir, &none);
  batch_input *it = &in->items[in->n - 1];
  it->state = INPUT_DONE;
  it->failure = FAILURE_NOT_A_FILE;
  it->error = ah_strdup(error);
}

void inputs_add_ignored(batch_inputs *in, const char *path, const char *subdir, const char *why) {
  struct stat none = {0};
  inputs_add(in, path, subdir, &none);
  batch_input *it = &in->items[in->n - 1];
  it->state = INPUT_DONE;
  it->ignored = true;
  it->error = ah_strdup(why);
}

/* A file in a folder that is not a rendition (an ODT, an image, a stray
 * file): never converted, but listed, so every file of the archive is
 * accounted for. */
static void add_ignored_file(batch_inputs *in, const char *path, const char *name, const char *subdir) {
  const char *dot = strrchr(name, '.');
  char why[160];
  if (dot && dot != name && strlen(dot) < 16)
    snprintf(why, sizeof why, "not a rendition (%s): only PDF, HTML and the publisher's XML are converted", dot);
  else snprintf(why, sizeof why, "not a rendition: only PDF, HTML and the publisher's XML are converted");
  inputs_add_ignored(in, path, subdir, why);
}

/* The failure of an input that is neither a folder nor a regular file. */
static void add_not_regular(batch_inputs *in, const char *path, const char *subdir, mode_t mode) {
  const char *kind = S_ISFIFO(mode) ? "a FIFO" : S_ISCHR(mode) ? "a character device" : S_ISBLK(mode) ? "a block device"
                     : S_ISSOCK(mode) ? "a socket" : "of an unknown kind";
  char msg[64];
  snprintf(msg, sizeof msg, "not a regular file (%s)", kind);
  inputs_add_failed(in, path, subdir, msg);
}

/* .pdf .html .htm, each optionally .gz */
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

/* .pdf .html .htm .xml (the publisher's XML), each optionally .gz; not a
 * metadata record */
static bool is_rendition_name(const char *name) {
  static const char *const exts[] = {".pdf", ".html", ".htm", ".xml", ".pdf.gz", ".html.gz", ".htm.gz", ".xml.gz", NULL};
  if (is_metadata_record_name(name)) return false;
  for (int i = 0; exts[i]; i++)
    if (ends_with_ci(name, exts[i])) return true;
  return false;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The visible entries of dir, sorted; NULL with *n 0 when there are none
 * or dir cannot be read (then *err is its errno). */
static char **sorted_entries(const char *dir, size_t *n, int *err) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) {
    *err = errno;
    return NULL;
  }
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

/* A regular file: taken once, under its canonical path. */
static void add_file(walker *w, const char *path, const char *subdir, const struct stat *st) {
  char *real = realpath(path, NULL);
  if (!real) real = ah_strdup(path);
  char *key = path_join("f:", real);
  if (first_visit(w, key)) {
    inputs_add(w->in, path, subdir, st);
    w->in->items[w->in->n - 1].real = real;
    real = NULL;
  }
  free(key);
  free(real);
}

/* A name that could have been an input: a rendition's, or one without an
 * extension (a folder's). */
static bool could_be_input(const char *name) { return is_rendition_name(name) || !strchr(name, '.'); }

static void walk_folder(walker *w, const char *dir, const char *subdir, int depth);

/* An entry whose stat failed with err: a link that leads nowhere is
 * reported; anything else that vanished meanwhile is passed over. */
static void add_broken_link(walker *w, const char *path, const char *name, const char *subdir, int err) {
  struct stat lst;
  if (lstat(path, &lst) != 0 || !S_ISLNK(lst.st_mode) || !could_be_input(name)) return;
  char msg[160];
  if (err == ENOENT) snprintf(msg, sizeof msg, "dangling symbolic link");
  else if (err == ELOOP) snprintf(msg, sizeof msg, "symbolic link loop");
  else snprintf(msg, sizeof msg, "cannot open: %s", strerror(err));
  inputs_add_failed(w->in, path, subdir, msg);
}

static void walk_entry(walker *w, const char *dir, const char *name, const char *subdir, int depth) {
  char *path = path_join(dir, name);
  struct stat st;
  if (stat(path, &st) != 0) {
    add_broken_link(w, path, name, subdir, errno);
  } else if (S_ISDIR(st.st_mode) && is_metadata_folder(name)) {
    /* records only: they go with the renditions beside the folder */
  } else if (S_ISDIR(st.st_mode)) {
    char *sub = path_join(subdir, name);
    walk_folder(w, path, sub, depth + 1);
    free(sub);
  } else if (is_rendition_name(name)) {
    if (S_ISREG(st.st_mode)) add_file(w, path, subdir, &st);
    else add_not_regular(w->in, path, subdir, st.st_mode);
  } else if (S_ISREG(st.st_mode) && !is_metadata_record_name(name)) {
    add_ignored_file(w->in, path, name, subdir);
  }
  free(path);
}

static void walk_folder(walker *w, const char *dir, const char *subdir, int depth) {
  struct stat st;
  if (stat(dir, &st) != 0 || depth > MAX_FOLDER_DEPTH) return;
  /* OUTDIR inside an input folder: its outputs are not inputs */
  if (w->outdir && st.st_dev == w->outdir->st_dev && st.st_ino == w->outdir->st_ino) return;
  char key[64];
  snprintf(key, sizeof key, "d:%llu:%llu", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
  if (!first_visit(w, key)) return;
  size_t n;
  int err = 0;
  char **names = sorted_entries(dir, &n, &err);
  if (err) {
    char msg[160];
    snprintf(msg, sizeof msg, "cannot open folder: %s", strerror(err));
    inputs_add_failed(w->in, dir, subdir, msg);
  }
  for (size_t i = 0; i < n; i++) {
    walk_entry(w, dir, names[i], subdir, depth);
    free(names[i]);
  }
  free(names);
}

int inputs_gather(batch_inputs *in, const char *const *roots, int n_roots, const struct stat *outdir) {
  walker w = {.in = in, .outdir = outdir};
  /* one that cannot be read is reported, the rest go on */
  int missing = 0;
  for (int i = 0; i < n_roots; i++) {
    struct stat st;
    if (stat(roots[i], &st) != 0) {
      fprintf(stderr, "ahconv: %s: cannot open: %s\n", roots[i], strerror(errno));
      missing++;
    } else if (S_ISDIR(st.st_mode)) {
      walk_folder(&w, roots[i], "", 0);
    } else if (S_ISREG(st.st_mode)) {
      add_file(&w, roots[i], "", &st);
    } else {
      add_not_regular(in, roots[i], "", st.st_mode); /* never opened: a FIFO would block */
    }
  }
  index_free(&w.seen);
  return missing;
}

void input_part_init(batch_input *part, const batch_input *it, size_t index, int k) {
  *part = (batch_input){.path = ah_strdup(it->path), .real = it->real ? ah_strdup(it->real) : NULL,
                        .subdir = ah_strdup(it->subdir), .size = it->size, .mtime_ns = it->mtime_ns,
                        .state = INPUT_DONE, .leader = index, .n_members = 1, .source = true,
                        .format = ah_strdup(it->format ? it->format : "pdf"), .part = k,
                        .file_sha256 = it->file_sha256 ? ah_strdup(it->file_sha256) : NULL,
                        .claimed_as = it->claimed_as ? ah_strdup(it->claimed_as) : NULL};
}

void input_free(batch_input *it) {
  free(it->path);
  free(it->real);
  free(it->subdir);
  free(it->error);
  free(it->id);
  free(it->vraagnummer);
  free(it->sha256);
  free(it->output);
  free(it->tmp);
  free(it->file_sha256);
  free(it->format);
  free(it->catalogue);
  free(it->differences);
  free(it->claimed_as);
  free(it->report_tmp);
  free(it->report);
  for (int k = 0; k < it->n_parts; k++) input_free(&it->parts[k]);
  free(it->parts);
  it->parts = NULL;
  it->n_parts = 0;
}

void inputs_free(batch_inputs *in) {
  for (size_t i = 0; i < in->n; i++) input_free(&in->items[i]);
  free(in->items);
  in->items = NULL;
  in->n = in->cap = 0;
}

void inputs_flatten(batch_inputs *in) {
  size_t n = 0;
  for (size_t i = 0; i < in->n; i++) n += in->items[i].n_parts && in->items[i].state == INPUT_DONE ? (size_t)in->items[i].n_parts : 1;
  if (n == in->n) return;
  batch_input *items = ah_xcalloc(n, sizeof *items);
  size_t at = 0, *moved = ah_xcalloc(in->n, sizeof *moved); /* old index -> new */
  for (size_t i = 0; i < in->n; i++) {
    batch_input *it = &in->items[i];
    moved[i] = at;
    if (!it->n_parts || it->state != INPUT_DONE) {
      items[at++] = *it;
      continue;
    }
    for (int k = 0; k < it->n_parts; k++, at++) {
      items[at] = it->parts[k];
      items[at].leader = at;
      items[at].n_members = 1;
    }
    free(it->parts);
    it->parts = NULL;
    it->n_parts = 0;
    input_free(it);
  }
  for (size_t i = 0; i < n; i++)
    if (!items[i].part) items[i].leader = moved[items[i].leader];
  free(moved);
  free(in->items);
  in->items = items;
  in->n = in->cap = n;
}
