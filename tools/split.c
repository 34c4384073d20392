/* split.c — `ahconv convert --split -o OUTDIR INPUT`.
 *
 * Takes: the convert options.  Gives: OUTDIR/ID.xml (.pdf, .json, .txt)
 * for every document the input holds: each document of a bundle (a PDF of
 * several documents, which plain convert refuses), or the one document of
 * any other input.  A document without an id is named by the input and its
 * place in the file; a second document of the same id gets "-2".
 */
#include "split.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *extension(output_format f) {
  static const char *const ext[] = {[FORMAT_XML] = "xml", [FORMAT_PDF] = "pdf", [FORMAT_JSON] = "json",
                                    [FORMAT_TEXT] = "txt"};
  return ext[f];
}

/* The input's file name without folders and its last extension. */
static void input_stem(const char *input, char *stem, size_t size) {
  const char *slash = strrchr(input, '/');
  snprintf(stem, size, "%s", slash ? slash + 1 : input);
  char *dot = strrchr(stem, '.');
  if (dot && dot != stem) *dot = 0;
}

/* OUTDIR/NAME.EXT for document i; a name taken before gets "-2", "-3". */
static char *output_path(const convert_options *opt, ah_doc **docs, size_t i) {
  char name[512];
  const char *id = ah_doc_id(docs[i]);
  if (id) {
    int same = 1;
    for (size_t j = 0; j < i; j++)
      if (ah_doc_id(docs[j]) && strcmp(ah_doc_id(docs[j]), id) == 0) same++;
    if (same > 1) snprintf(name, sizeof name, "%s-%d", id, same);
    else snprintf(name, sizeof name, "%s", id);
  } else {
    char stem[256];
    input_stem(opt->input, stem, sizeof stem);
    snprintf(name, sizeof name, "%s-%zu", stem, i + 1);
  }
  size_t len = strlen(opt->output) + strlen(name) + 8;
  char *path = malloc(len);
  if (path) snprintf(path, len, "%s/%s.%s", opt->output, name, extension(opt->format));
  return path;
}

static int write_one(const convert_options *opt, ah_doc **docs, size_t i, output_renderer render, int options) {
  char *path = output_path(opt, docs, i);
  if (!path) {
    fprintf(stderr, "ahconv: out of memory\n");
    return 2;
  }
  output_target target;
  int rc = output_resolve(path, opt->input, &target);
  if (rc == 0) rc = output_write(&target, docs[i], render, options);
  output_free(&target);
  free(path);
  return rc;
}

int convert_split(const convert_options *opt, output_renderer render, int options) {
  ah_error err = {0};
  ah_doc **docs = NULL;
  size_t n = 0;
  if (ah_doc_open_split_file(opt->input, options, &docs, &n, &err) != AH_OK) {
    fprintf(stderr, "ahconv: %s: %s\n", opt->input, err.message[0] ? err.message : ah_status_string(err.code));
    return 2;
  }
  int rc = 0;
  if (mkdir(opt->output, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "ahconv: %s: %s\n", opt->output, strerror(errno));
    rc = 2;
  }
  struct stat st;
  if (rc == 0 && (stat(opt->output, &st) != 0 || !S_ISDIR(st.st_mode))) {
    fprintf(stderr, "ahconv: %s: not a folder (--split writes one file per document into it)\n", opt->output);
    rc = 2;
  }
  for (size_t i = 0; i < n && rc == 0; i++) rc = write_one(opt, docs, i, render, options);
  ah_docs_free(docs, n);
  return rc;
}
