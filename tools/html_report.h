/* html_report.h — the web pages of `verify --html` and `batch --html`. */
#ifndef AHCONV_TOOLS_HTML_REPORT_H
#define AHCONV_TOOLS_HTML_REPORT_H

#include "ahconv.h"
#include "batch/report.h"
#include "batch/walk.h"
#include "options.h"

#define HTML_REPORT_NAME "ahconv-report.html"

/* verify --html PATH: the library's findings report of docs[0] alone, or
 * of docs[0] against each other one (n up to 3), the renditions named as
 * given on the command line; written atomically, never over a rendition or
 * a metadata record a rendition read.  0, or 2 after a message on stderr. */
int html_report_verify(const char *path, ah_doc *const docs[], const char *const names[], int n);

/* batch --html: OUTDIR/ahconv-report.html beside the CSV, the same rows as
 * a page: the run (date, ahconv version, command, source folders), totals,
 * rate, failures with their errors, documents with findings, documents
 * whose renditions differ with the differences and a link to each one's
 * verify page, every input (sortable by column with a small inline script;
 * the page reads the same without it).  An error goes to stderr. */
void html_report_batch(const char *outdir, const batch_inputs *in, const batch_tally *t, const batch_options *opt);

#endif
