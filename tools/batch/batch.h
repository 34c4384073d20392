/* batch.h — the `batch` command of the ahconv tool (tools/batch/). */
#ifndef AHCONV_TOOLS_BATCH_H
#define AHCONV_TOOLS_BATCH_H

/* ahconv batch [-f xml|pdf] [-j N] [--force] [--quiet] -o OUTDIR INPUT_OR_DIR...
 * argv holds the arguments after "batch".  Returns the exit status. */
int ahconv_batch(int argc, char **argv);

#endif
