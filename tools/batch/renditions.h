/* renditions.h — `batch --verify`: the renditions of one document that a
 * run found together, compared (renditions.c). */
#ifndef AHCONV_BATCH_RENDITIONS_H
#define AHCONV_BATCH_RENDITIONS_H

#include "walk.h"

/* Groups the inputs that are renditions of one document — the same name
 * but for the extension in one folder (X.pdf, X.html, X.xml), or the
 * publisher's layout (…/<n>/pdf/X.pdf, …/<n>/html/X.html, …/<n>/xml/X.xml)
 * — and, for each group of two or three whose members were read, compares
 * the first with each other one (as `ahconv verify A B C`) in a child
 * process.  Each member gets the group's number of findings
 * (compare_findings; -1 when the comparison failed). */
void renditions_compare(batch_inputs *in);

#endif
