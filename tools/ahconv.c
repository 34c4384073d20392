/* ahconv — command line front end of libahconv.
 *
 * A thin layer: argument parsing, messages and exit codes live here; every
 * decision about documents lives in the library.
 *
 * Exit status: 0 ok, 1 verify found problems, 2 unusable input or usage.
 */
#include "ahconv.h"
#include "batch.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char ahconv_usage_text[] =
    "usage: ahconv convert [-f xml|pdf] [-o OUT] INPUT\n"
    "       ahconv batch [-f xml|pdf] [-j N] [--force] [--quiet] -o OUTDIR INPUT_OR_DIR...\n"
    "       ahconv verify INPUT\n"
    "       ahconv verify INPUT_A INPUT_B\n"
    "       ahconv --version | --help\n"
    "\n"
    "INPUT is an Aanhangsel van de Handelingen rendition: PDF or HTML, either\n"
    "optionally gzip-compressed; the type comes from the content.\n"
    "\n"
    "convert   write the normalized XML (-f xml, the default) or a clean,\n"
    "          re-typeset PDF (-f pdf) to OUT, or to standard output.  OUT is\n"
    "          written to a temporary file and renamed into place, so a failure\n"
    "          never leaves a partial file or touches an existing one; an OUT\n"
    "          ending in .gz is written gzip-compressed.\n"
    "batch     convert many: folders are walked (.pdf, .html, .htm, and .gz of\n"
    "          them), their subfolders mirrored in OUTDIR; each output is named\n"
    "          by its publication id; N worker processes (default: the cores);\n"
    "          inputs already converted are skipped (--force: redo); progress on\n"
    "          a terminal; OUTDIR/ahconv-report.csv lists every input.\n"
    "verify    with one INPUT: check it is complete (numbering without gaps or\n"
    "          duplicates, an antwoord for every vraag, every note marker with\n"
    "          its note and every note referred to, id, number and dates).\n"
    "          With two: check both renditions say the same (metadata, every\n"
    "          vraag, antwoord, mededeling and note).  Prints one finding per\n"
    "          line on standard output, nothing when all is well.\n"
    "\n"
    "exit status: 0 ok, 1 verify found something, 2 unusable input (batch: any\n"
    "input failed) or usage\n";

static int usage_error(const char *msg) {
  fprintf(stderr, "ahconv: %s\n%s", msg, ahconv_usage_text);
  return 2;
}

static int fail(const char *file, const ah_error *err) {
  fprintf(stderr, "ahconv: %s: %s\n", file, err->message[0] ? err->message : ah_status_string(err->code));
  return 2;
}

static int write_stdout(const char *data, size_t len) {
  if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
    fprintf(stderr, "ahconv: standard output: write failed\n");
    return 2;
  }
  return 0;
}

static int cmd_convert(int argc, char **argv) {
  const char *format = "xml", *out = NULL, *input = NULL;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
      if (++i >= argc) return usage_error("-f needs a format");
      format = argv[i];
    } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
      if (++i >= argc) return usage_error("-o needs a file name");
      out = argv[i];
    } else if (a[0] == '-' && a[1]) {
      char msg[128];
      snprintf(msg, sizeof msg, "unknown option %.60s", a);
      return usage_error(msg);
    } else if (input) {
      return usage_error("convert takes one INPUT");
    } else {
      input = a;
    }
  }
  if (!input) return usage_error("convert needs an INPUT");
  bool pdf = strcmp(format, "pdf") == 0;
  if (!pdf && strcmp(format, "xml") != 0) {
    char msg[128];
    snprintf(msg, sizeof msg, "unknown format %.60s (known: xml, pdf)", format);
    return usage_error(msg);
  }

  ah_error err = {0};
  ah_doc *doc = ah_doc_open_file(input, AH_OPT_DEFAULT, &err);
  if (!doc) return fail(input, &err);
  int rc = 0;
  if (out) {
    int written = pdf ? ah_write_pdf_file(doc, out, AH_OPT_DEFAULT, &err)
                      : ah_write_xml_file(doc, out, AH_OPT_DEFAULT, &err);
    if (written != 0) rc = fail(out, &err);
  } else {
    size_t len;
    char *bytes = pdf ? ah_render_pdf(doc, AH_OPT_DEFAULT, &len, &err) : ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
    if (!bytes) rc = fail(input, &err);
    else rc = write_stdout(bytes, len);
    free(bytes);
  }
  ah_doc_free(doc);
  return rc;
}

typedef struct {
  const char *prefix; /* "file" or "a vs b" */
} finding_context;

static void print_finding(const char *element, const char *what, void *user) {
  const finding_context *ctx = user;
  printf("%s: %s: %s\n", ctx->prefix, element, what);
}

static int cmd_verify(int argc, char **argv) {
  const char *inputs[2];
  int n = 0;
  for (int i = 0; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1]) {
      char msg[128];
      snprintf(msg, sizeof msg, "unknown option %.60s", argv[i]);
      return usage_error(msg);
    }
    if (n == 2) return usage_error("verify takes one or two INPUTs");
    inputs[n++] = argv[i];
  }
  if (!n) return usage_error("verify needs an INPUT");
  ah_doc *docs[2] = {NULL, NULL};
  for (int i = 0; i < n; i++) {
    ah_error err = {0};
    docs[i] = ah_doc_open_file(inputs[i], AH_OPT_DEFAULT, &err);
    if (!docs[i]) {
      int rc = fail(inputs[i], &err);
      ah_doc_free(docs[0]);
      return rc;
    }
  }
  size_t findings;
  if (n == 1) {
    finding_context ctx = {inputs[0]};
    findings = ah_verify(docs[0], print_finding, &ctx);
  } else {
    size_t len = strlen(inputs[0]) + strlen(inputs[1]) + 5;
    char *prefix = malloc(len);
    if (!prefix) return 2;
    snprintf(prefix, len, "%s vs %s", inputs[0], inputs[1]);
    finding_context ctx = {prefix};
    findings = ah_compare(docs[0], docs[1], print_finding, &ctx);
    free(prefix);
  }
  ah_doc_free(docs[0]);
  ah_doc_free(docs[1]);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "ahconv: standard output: write failed\n");
    return 2;
  }
  return findings ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) return usage_error("missing command");
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(ahconv_usage_text, stdout);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("ahconv %s\n", ah_version());
    return 0;
  }
  if (strcmp(cmd, "convert") == 0) return cmd_convert(argc - 2, argv + 2);
  if (strcmp(cmd, "verify") == 0) return cmd_verify(argc - 2, argv + 2);
  if (strcmp(cmd, "batch") == 0) return ahconv_batch(argc - 2, argv + 2);
  char msg[128];
  snprintf(msg, sizeof msg, "unknown command %.60s", cmd);
  return usage_error(msg);
}
