/* ahconv — command line front end of libahconv.
 *
 * A thin layer: the commands' options are read in options.c, what
 * `convert -o` may write over is decided in output.c, `batch` lives in
 * batch/, messages and exit codes live here; every decision about
 * documents lives in the library.
 *
 * Exit status: 0 ok, 1 verify found problems, 2 unusable input or usage.
 */
#include "ahconv.h"
#include "batch/batch.h"
#include "html_report.h"
#include "options.h"
#include "output.h"
#include "split.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *file, const ah_error *err) {
  fprintf(stderr, "ahconv: %s: %s%s\n", file, err->message[0] ? err->message : ah_status_string(err->code),
          err->code == AH_ERROR_BUNDLE ? "; convert them with --split" : "");
  return 2;
}

/* The renderer of each output format. */
static const output_renderer renderers[] = {
    [FORMAT_XML] = ah_render_xml,
    [FORMAT_PDF] = ah_render_pdf,
    [FORMAT_JSON] = ah_render_json,
    [FORMAT_TEXT] = ah_render_text,
};

static int cmd_convert(int argc, char **argv) {
  convert_options opt;
  int usage = options_convert(argc, argv, &opt);
  if (usage) return usage;
  int options = (opt.no_embed ? AH_OPT_NO_EMBED : 0) | (opt.positions ? AH_OPT_POSITIONS : 0) |
                (opt.metadata ? AH_OPT_NO_METADATA_FILE : 0);
  if (opt.split) return convert_split(&opt, renderers[opt.format], options);
  output_target target;
  int rc = output_resolve(opt.output, opt.input, &target);
  if (rc) return rc;
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_file(opt.input, options, &err);
  if (!doc) {
    output_free(&target);
    return fail(opt.input, &err);
  }
  if (opt.metadata && ah_doc_read_metadata_file(doc, opt.metadata, &err) != AH_OK) rc = fail(opt.metadata, &err);
  else rc = output_check_record(&target, ah_doc_metadata_file(doc));
  if (!rc) rc = output_write(&target, doc, renderers[opt.format], options & ~AH_OPT_NO_METADATA_FILE);
  ah_doc_free(doc);
  output_free(&target);
  return rc;
}

typedef struct {
  const char *prefix; /* "file" or "a vs b" */
} finding_context;

static void print_finding(const char *element, const char *what, void *user) {
  const finding_context *ctx = user;
  printf("%s: %s: %s\n", ctx->prefix, element, what);
}

/* Prints the findings of one document, or of the first compared with
 * each other one ("a vs b: …", "a vs c: …": every finding names the two
 * renditions), on standard output and counts them into *findings; -1 when
 * out of memory. */
static int print_findings(const verify_options *opt, ah_doc *const docs[3], size_t *findings) {
  if (opt->n == 1) {
    finding_context ctx = {opt->inputs[0]};
    *findings = ah_verify(docs[0], print_finding, &ctx);
    return 0;
  }
  *findings = 0;
  for (int k = 1; k < opt->n; k++) {
    size_t len = strlen(opt->inputs[0]) + strlen(opt->inputs[k]) + 5;
    char *prefix = malloc(len);
    if (!prefix) return -1;
    snprintf(prefix, len, "%s vs %s", opt->inputs[0], opt->inputs[k]);
    finding_context ctx = {prefix};
    *findings += ah_compare(docs[0], docs[k], print_finding, &ctx);
    free(prefix);
  }
  return 0;
}

static void free_docs(ah_doc *docs[3]) {
  for (int i = 0; i < 3; i++) ah_doc_free(docs[i]);
}

/* verify of a bundle: the bundle itself is a finding, then each of its
 * documents is checked as one INPUT is ("X.pdf (ID): …"); exit 1, or 2
 * when the documents cannot be opened. */
static int verify_bundle(const verify_options *opt, const ah_error *bundle) {
  printf("%s: bundle: %s (convert them with --split)\n", opt->inputs[0], bundle->message);
  ah_error err = {0};
  ah_doc **docs = NULL;
  size_t n = 0;
  if (ah_doc_open_split_file(opt->inputs[0], AH_OPT_DEFAULT, &docs, &n, &err) != AH_OK) return fail(opt->inputs[0], &err);
  for (size_t i = 0; i < n; i++) {
    const char *id = ah_doc_id(docs[i]);
    size_t len = strlen(opt->inputs[0]) + (id ? strlen(id) : 8) + 8;
    char *prefix = malloc(len);
    if (!prefix) break;
    snprintf(prefix, len, "%s (%s)", opt->inputs[0], id ? id : "no id");
    finding_context ctx = {prefix};
    ah_verify(docs[i], print_finding, &ctx);
    free(prefix);
  }
  ah_docs_free(docs, n);
  if (opt->html) fprintf(stderr, "ahconv: %s: no report for a bundle: verify each document of convert --split\n", opt->html);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "ahconv: standard output: write failed\n");
    return 2;
  }
  return 1;
}

static int cmd_verify(int argc, char **argv) {
  verify_options opt;
  int usage = options_verify(argc, argv, &opt);
  if (usage) return usage;
  ah_doc *docs[3] = {NULL, NULL, NULL};
  for (int i = 0; i < opt.n; i++) {
    ah_error err = {0};
    docs[i] = ah_doc_open_file(opt.inputs[i], opt.html ? AH_OPT_POSITIONS : AH_OPT_DEFAULT, &err);
    if (!docs[i] && err.code == AH_ERROR_BUNDLE && opt.n == 1) return verify_bundle(&opt, &err);
    if (!docs[i]) {
      int rc = fail(opt.inputs[i], &err);
      free_docs(docs);
      return rc;
    }
  }
  size_t findings = 0;
  int printed = print_findings(&opt, docs, &findings);
  if (printed == 0 && opt.html && html_report_verify(opt.html, docs, opt.inputs, opt.n) != 0) printed = -1;
  free_docs(docs);
  if (printed != 0) return 2;
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
