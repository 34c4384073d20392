/* options.c — the command line of ahconv, read into one struct per command.
 *
 * Takes: the arguments after a command's name.  Gives: that command's
 * options, or a usage error on stderr with exit status 2.  The commands
 * themselves (ahconv.c, batch/batch.c) only see usable options.
 */
#define _POSIX_C_SOURCE 200809L
#include "options.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char ahconv_usage_text[] =
    "usage: ahconv convert [-f xml|pdf|json|text] [--no-embed] [--positions] [--metadata FILE]\n"
    "                      [-o OUT] INPUT\n"
    "       ahconv convert --split [-f …] [--no-embed] [--positions] -o OUTDIR INPUT\n"
    "       ahconv batch [-f xml|pdf] [-j N] [--timeout S] [--max-memory M] [--force]\n"
    "                    [--quiet] [--html] [--verify] [--csv-dialect nl|rfc]\n"
    "                    [--bag] [--bag-originals]\n"
    "                    -o OUTDIR INPUT_OR_DIR...\n"
    "       ahconv verify [--html REPORT] INPUT\n"
    "       ahconv verify [--html REPORT] INPUT_A INPUT_B [INPUT_C]\n"
    "       ahconv --version | --help\n"
    "\n"
    "INPUT is an Aanhangsel van de Handelingen rendition: PDF, HTML, the\n"
    "publisher's XML or ahconv's own XML (read back to what the original\n"
    "gave), each optionally gzip-compressed; the type comes from the\n"
    "content.  The publisher's metadata record (X.metadata.xml beside X.xml,\n"
    "X.pdf or X.html, or metadata/metadata.xml in the publisher's folders) is\n"
    "read when found; --metadata FILE names it.\n"
    "\n"
    "convert   write the normalized XML (-f xml, the default), a clean,\n"
    "          re-typeset PDF (-f pdf), the same content as JSON (-f json) or\n"
    "          plain text (-f text) to OUT, or to standard output (no -o, or\n"
    "          -o -).  OUT is written to a temporary file and renamed into\n"
    "          place, so a failure never leaves a partial file or touches an\n"
    "          existing one; a link to a file replaces that file; a device or\n"
    "          FIFO is written in place; the input itself, a folder or anything\n"
    "          else is refused; an OUT ending in .gz is written gzip-compressed.\n"
    "          A clean PDF carries the document's XML, and ahconv reads such a\n"
    "          PDF from it when it matches (same ahconv version, checksum in its\n"
    "          XMP); --no-embed neither embeds the XML nor reads it.\n"
    "          --positions: each block's page and box (PDF) or element line and\n"
    "          path (HTML) as attributes.\n"
    "          A PDF holding several documents (a bundle, each with its own\n"
    "          masthead) is refused, its documents and pages listed; --split\n"
    "          writes each document to OUTDIR (made if missing) as ID.xml (.pdf,\n"
    "          .json, .txt), bron naming its pages in the file; any other\n"
    "          INPUT gives one file there.\n"
    "batch     convert many: folders are walked (.pdf, .html, .htm, .xml, and\n"
    "          .gz of them; metadata records are read for the rendition beside\n"
    "          them, not converted; any other file is listed as not converted),\n"
    "          their subfolders mirrored in OUTDIR.  The renditions of one\n"
    "          document (X.xml, X.html, X.pdf in one folder, or the publisher's\n"
    "          xml/ html/ pdf/ folders) give one output, named by its id, read\n"
    "          from the publisher's XML, else the HTML, else the PDF; the others\n"
    "          are compared with it.  N worker processes (default: the cores);\n"
    "          inputs already converted are skipped, known by their bytes (a\n"
    "          moved archive too; --force: redo); progress on a terminal;\n"
    "          OUTDIR/ahconv-report.csv lists every file (--csv-dialect nl:\n"
    "          semicolons and a byte-order mark, for a Dutch-locale spreadsheet).\n"
    "          An input that takes over S seconds (default 120) or needs over M\n"
    "          MiB (default 2048) fails and its worker is replaced; 0: no limit.\n"
    "          --html: also OUTDIR/ahconv-report.html, the same as a web page,\n"
    "          and a verify page (X.verify.html) for each document whose\n"
    "          renditions differ; --verify: for every document of several.\n"
    "          Exit 0 all well, 1 findings or renditions that differ, 2 an\n"
    "          input failed, 130 interrupted (run the same command to go on).\n"
    "          --bag: OUTDIR as a BagIt bag (RFC 8493): outputs under data/ with\n"
    "          a PREMIS record of each conversion (data/premis/), manifests and\n"
    "          bag-info.txt; --bag-originals: the renditions copied in too.\n"
    "verify    with one INPUT: check nothing was lost (every printed line in\n"
    "          the output or page furniture, numbering of questions and notes\n"
    "          without gaps or duplicates, an antwoord for every vraag, every\n"
    "          marker with its note and every note referred to, in order, id,\n"
    "          number and dates).\n"
    "          With two or three: check the renditions say the same (metadata,\n"
    "          every vraag, antwoord, mededeling and note; three are compared\n"
    "          A with B and A with C).  Prints one finding per line on standard\n"
    "          output, naming the renditions compared, nothing when all is well.\n"
    "          A bundle is a finding (\"X.pdf: bundle: holds 2 documents: …\"),\n"
    "          and each of its documents is checked (\"X.pdf (ID): …\").\n"
    "          --html REPORT: also a self-contained web page of the findings,\n"
    "          each with the text of both renditions and the PDF's printed page.\n"
    "\n"
    "-f, -o, -j, -q and -h are short for --format, --output, --jobs, --quiet and\n"
    "--help.\n"
    "\n"
    "exit status: 0 ok, 1 verify found something, 2 unusable input (batch: any\n"
    "input failed) or usage\n";

int usage_error(const char *msg) {
  fprintf(stderr, "ahconv: %s\n%s", msg, ahconv_usage_text);
  return 2;
}

static bool is_option(const char *arg, const char *short_name, const char *long_name) {
  return strcmp(arg, short_name) == 0 || (long_name && strcmp(arg, long_name) == 0);
}

/* "-" alone is not an option: it is taken as an INPUT */
static bool looks_like_option(const char *arg) { return arg[0] == '-' && arg[1]; }

static int unknown_option(const char *arg) {
  char msg[128];
  snprintf(msg, sizeof msg, "unknown option %.60s", arg);
  return usage_error(msg);
}

/* The value of the option at argv[*i], which moves *i on; NULL when the
 * option is the last argument. */
static const char *option_value(int argc, char **argv, int *i) { return ++*i < argc ? argv[*i] : NULL; }

static int read_format(const char *format, bool *pdf) {
  *pdf = strcmp(format, "pdf") == 0;
  if (*pdf || strcmp(format, "xml") == 0) return 0;
  char msg[128];
  snprintf(msg, sizeof msg, "unknown format %.60s (known: xml, pdf)", format);
  return usage_error(msg);
}

static int read_convert_format(const char *format, output_format *out) {
  static const char *const names[] = {[FORMAT_XML] = "xml", [FORMAT_PDF] = "pdf", [FORMAT_JSON] = "json",
                                      [FORMAT_TEXT] = "text"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(format, names[i]) == 0) {
      *out = (output_format)i;
      return 0;
    }
  char msg[128];
  snprintf(msg, sizeof msg, "unknown format %.60s (known: xml, pdf, json, text)", format);
  return usage_error(msg);
}

int options_convert(int argc, char **argv, convert_options *o) {
  *o = (convert_options){0};
  const char *format = "xml";
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (is_option(a, "-f", "--format")) {
      if (!(format = option_value(argc, argv, &i))) return usage_error("-f needs a format");
    } else if (is_option(a, "-o", "--output")) {
      if (!(o->output = option_value(argc, argv, &i)) || !*o->output) return usage_error("-o needs a file name");
    } else if (is_option(a, "--no-embed", NULL)) {
      o->no_embed = true;
    } else if (is_option(a, "--positions", NULL)) {
      o->positions = true;
    } else if (is_option(a, "--split", NULL)) {
      o->split = true;
    } else if (is_option(a, "--metadata", NULL)) {
      if (!(o->metadata = option_value(argc, argv, &i))) return usage_error("--metadata needs a file name");
    } else if (looks_like_option(a)) {
      return unknown_option(a);
    } else if (o->input) {
      return usage_error("convert takes one INPUT");
    } else {
      o->input = a;
    }
  }
  if (!o->input) return usage_error("convert needs an INPUT");
  if (o->split && (!o->output || strcmp(o->output, "-") == 0)) return usage_error("--split needs -o OUTDIR");
  if (o->split && o->metadata) return usage_error("--split reads each document's record beside INPUT, not --metadata");
  return read_convert_format(format, &o->format);
}

int options_verify(int argc, char **argv, verify_options *o) {
  *o = (verify_options){0};
  for (int i = 0; i < argc; i++) {
    if (is_option(argv[i], "--html", NULL)) {
      if (!(o->html = option_value(argc, argv, &i)) || !*o->html) return usage_error("--html needs a file name");
      continue;
    }
    if (looks_like_option(argv[i])) return unknown_option(argv[i]);
    if (o->n == 3) return usage_error("verify takes one, two or three INPUTs");
    o->inputs[o->n++] = argv[i];
  }
  return o->n ? 0 : usage_error("verify needs an INPUT");
}

/* -j N, --jobs N and -jN; *i moves past N */
static bool is_jobs_option(const char *arg) {
  return is_option(arg, "-j", "--jobs") || (strncmp(arg, "-j", 2) == 0 && isdigit((unsigned char)arg[2]));
}

static int read_jobs(int argc, char **argv, int *i, int *jobs) {
  const char *a = argv[*i];
  const char *num = a[2] && a[1] == 'j' ? a + 2 : NULL; /* "-j2" */
  if (!num && !(num = option_value(argc, argv, i))) return usage_error("-j needs a number");
  char *end;
  long j = strtol(num, &end, 10);
  if (*end || j < 1 || j > 256) return usage_error("-j needs a number from 1 to 256");
  *jobs = (int)j;
  return 0;
}

/* --timeout S, --max-memory M: a whole number from 0 to max */
static int read_limit(int argc, char **argv, int *i, int max, int *value) {
  const char *name = argv[*i];
  const char *num = option_value(argc, argv, i);
  char *end = NULL;
  long v = num ? strtol(num, &end, 10) : -1;
  if (!num || !*num || *end || v < 0 || v > max) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s needs a whole number from 0 to %d (0: no limit)", name, max);
    return usage_error(msg);
  }
  *value = (int)v;
  return 0;
}

/* One argument (and its value) at argv[*i]: 0, or the usage error's status. */
static int read_batch_argument(int argc, char **argv, int *i, batch_options *o) {
  const char *a = argv[*i];
  if (is_option(a, "-f", "--format")) {
    if (!(o->format = option_value(argc, argv, i))) return usage_error("-f needs a format");
  } else if (is_jobs_option(a)) {
    return read_jobs(argc, argv, i, &o->jobs);
  } else if (is_option(a, "-o", "--output")) {
    if (!(o->outdir = option_value(argc, argv, i)) || !*o->outdir) return usage_error("-o needs a folder");
  } else if (is_option(a, "--timeout", NULL)) {
    return read_limit(argc, argv, i, 7 * 24 * 3600, &o->timeout_s);
  } else if (is_option(a, "--max-memory", NULL)) {
    return read_limit(argc, argv, i, 1024 * 1024, &o->max_memory_mib);
  } else if (is_option(a, "--force", NULL)) {
    o->force = true;
  } else if (is_option(a, "--quiet", "-q")) {
    o->quiet = true;
  } else if (is_option(a, "--html", NULL)) {
    o->html = true;
  } else if (is_option(a, "--verify", NULL)) {
    o->verify = true;
  } else if (is_option(a, "--bag", NULL)) {
    o->bag = true;
  } else if (is_option(a, "--bag-originals", NULL)) {
    o->bag = o->bag_originals = true;
  } else if (is_option(a, "--csv-dialect", NULL)) {
    const char *d = option_value(argc, argv, i);
    if (!d || (strcmp(d, "nl") != 0 && strcmp(d, "rfc") != 0)) return usage_error("--csv-dialect needs nl or rfc");
    o->csv_nl = strcmp(d, "nl") == 0;
  } else if (looks_like_option(a)) {
    return unknown_option(a);
  } else {
    o->roots[o->n_roots++] = a;
  }
  return 0;
}

int options_batch(int argc, char **argv, batch_options *o) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  *o = (batch_options){.format = "xml", .jobs = cores < 1 ? 1 : (int)cores, .timeout_s = BATCH_DEFAULT_TIMEOUT_S,
                       .max_memory_mib = BATCH_DEFAULT_MAX_MEMORY_MIB, .roots = (const char **)argv};
  for (int i = 0; i < argc; i++) {
    int rc = read_batch_argument(argc, argv, &i, o);
    if (rc) return rc;
  }
  if (!o->outdir) return usage_error("batch needs -o OUTDIR");
  if (!o->n_roots) return usage_error("batch needs an INPUT or a folder");
  return read_format(o->format, &o->pdf);
}
