/* split.h — `ahconv convert --split`: one output per document (split.c). */
#ifndef AHCONV_TOOLS_SPLIT_H
#define AHCONV_TOOLS_SPLIT_H

#include "options.h"
#include "output.h"

/* Opens every document of opt->input (a bundle's, or the one) and writes
 * each to opt->output as a folder, named by its id and the format's
 * extension: 0, or 2 after one line on stderr.  Nothing is written when
 * the input cannot be opened. */
int convert_split(const convert_options *opt, output_renderer render, int options);

#endif
