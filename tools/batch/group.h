/* group.h — the documents of a batch run (group.c). */
#ifndef AHCONV_BATCH_GROUP_H
#define AHCONV_BATCH_GROUP_H

#include "walk.h"

/* More renditions of one name than this (X.pdf, X.pdf.gz, X.html, X.htm,
 * X.xml, …) start a second document. */
#define GROUP_MAX_MEMBERS 6

/* The document an input is a rendition of: its folder (the folder above, in
 * the publisher's pdf/ html/ xml/ layout) and its name without ".gz" and
 * extension.  The caller frees. */
char *group_document_key(const char *path);

/* Sets each input's format by its name, and reorders the inputs so that a
 * document's renditions stand together, publisher XML first, then HTML,
 * then PDF (leader, n_members); see group.c for why. */
void group_documents(batch_inputs *in);

/* The SHA-256 of a file's bytes, hex; NULL when it cannot be read.  The
 * caller frees. */
char *group_file_sha256(const char *path);

/* The SHA-256 of each pending input's bytes (file_sha256); NULL when the
 * file cannot be read (the worker then says why). */
void group_hash_files(batch_inputs *in);

#endif
