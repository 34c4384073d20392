/* lock.h — one `ahconv batch` per OUTDIR at a time. */
#ifndef AHCONV_BATCH_LOCK_H
#define AHCONV_BATCH_LOCK_H

#define LOCK_NAME ".ahconv-lock"

/* Takes the advisory lock on OUTDIR/.ahconv-lock (flock) and writes this
 * process's id into it: the open file, to be kept open for the run (the
 * lock goes with it, and with the process; the run empties the file before
 * it closes it), or -1 after one line on stderr naming the process that
 * holds it. */
int lock_outdir(const char *outdir);

#endif
