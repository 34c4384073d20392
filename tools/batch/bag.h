/* bag.h — `batch --bag`: OUTDIR as a BagIt bag with PREMIS records (bag.c). */
#ifndef AHCONV_BATCH_BAG_H
#define AHCONV_BATCH_BAG_H

#include "walk.h"

#include <stdbool.h>
#include <time.h>

/* The payload folder below OUTDIR: every output of a bagged run is in it. */
#define BAG_PAYLOAD "data"

/* Opens OUTDIR's bag for a run: its bagit.txt removed until bag_finish.
 * 0, or -1 with errno. */
int bag_open(const char *outdir);

/* The PREMIS 3 record of the conversion of the document whose first
 * rendition is lead (its renditions follow it), output below OUTDIR:
 * data/premis/<output's path below data/, less its extension>.premis.xml.
 * only_if_missing: an earlier run's record is kept (a skipped document).
 * 0, or -1 after a message. */
int bag_write_premis(const char *outdir, const batch_input *lead, const char *output, time_t when,
                     bool only_if_missing);

/* The rendition it copied unchanged to data/originals/<its folder>/<name>
 * (left as it is when a copy with its bytes is there).  0, or -1 after a
 * message. */
int bag_copy_original(const char *outdir, const batch_input *it);

/* The tag files: manifest-sha256.txt over every file below data/,
 * bag-info.txt, bagit.txt, tagmanifest-sha256.txt (over those and the
 * reports).  0, or -1 after a message (then no bagit.txt is left). */
int bag_finish(const char *outdir, time_t when);

#endif
