/* bag.c — `batch --bag`: OUTDIR as a BagIt bag (RFC 8493).
 *
 * Takes: OUTDIR, whose outputs the run put under OUTDIR/data/, and the
 * documents of the run.  Gives: per document a PREMIS 3 record of its
 * conversion (data/premis/<id>.premis.xml: the renditions with their
 * sha256, the output with its sha256, the tool and version, the outcome,
 * verify's findings and the renditions' differences); with
 * --bag-originals each rendition copied unchanged under data/originals/;
 * and at the end of a run that was not stopped the bag's tag files:
 * bagit.txt, manifest-sha256.txt (every file under data/), bag-info.txt
 * (Bagging-Date, Payload-Oxum, Bag-Software-Agent) and
 * tagmanifest-sha256.txt.  A run opens the bag by removing bagit.txt
 * first, so a run that stops midway leaves no bag that claims to be
 * complete; the next run ends in a complete one, skipped documents
 * included (their records and outputs are under data/ already).
 */
#define _GNU_SOURCE /* strdup of dirent names */
#include "bag.h"

#include "ahconv.h"
#include "common.h"
#include "group.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int bag_open(const char *outdir) {
  char *p = path_join(outdir, "bagit.txt");
  int rc = unlink(p) == 0 || errno == ENOENT ? 0 : -1;
  free(p);
  return rc;
}

static int write_text(const char *outdir, const char *name, const ah_buf *b) {
  char *p = path_join(outdir, name);
  ah_error err = {0};
  int rc = ah_write_file_atomic(p, b->data ? b->data : "", b->len, &err);
  if (rc != 0) fprintf(stderr, "ahconv: %s: %s\n", p, err.message);
  free(p);
  return rc;
}

/* ---- PREMIS ------------------------------------------------------------- */

static void premis_object(ah_buf *b, const char *id, const char *sha256, long long size, const char *format) {
  ah_buf_puts(b, "  <object xsi:type=\"file\">\n    <objectIdentifier><objectIdentifierType>local</objectIdentifierType>"
                 "<objectIdentifierValue>");
  ah_buf_put_escaped(b, id);
  ah_buf_puts(b, "</objectIdentifierValue></objectIdentifier>\n    <objectCharacteristics>"
                 "<compositionLevel>0</compositionLevel>\n      <fixity><messageDigestAlgorithm>SHA-256"
                 "</messageDigestAlgorithm><messageDigest>");
  ah_buf_put_escaped(b, sha256 ? sha256 : "");
  ah_buf_printf(b, "</messageDigest></fixity>\n      <size>%lld</size>\n      <format><formatDesignation><formatName>",
                size);
  ah_buf_put_escaped(b, format);
  ah_buf_puts(b, "</formatName></formatDesignation></format>\n    </objectCharacteristics>\n  </object>\n");
}

static void linking_object(ah_buf *b, const char *id, const char *role) {
  ah_buf_puts(b, "    <linkingObjectIdentifier><linkingObjectIdentifierType>local</linkingObjectIdentifierType>"
                 "<linkingObjectIdentifierValue>");
  ah_buf_put_escaped(b, id);
  ah_buf_printf(b, "</linkingObjectIdentifierValue><linkingObjectRole>%s</linkingObjectRole>"
                   "</linkingObjectIdentifier>\n", role);
}

/* The event: a normalization, its outcome and what verify found. */
static void premis_event(ah_buf *b, const batch_input *lead, const char *output, const char *when) {
  const batch_input *src = lead;
  int differ = 0;
  for (int k = 0; k < lead->n_members; k++) {
    if (lead[k].source) src = lead + k;
    differ += lead[k].compared && !lead[k].source && lead[k].compare_findings != 0;
  }
  ah_buf_puts(b, "  <event>\n    <eventIdentifier><eventIdentifierType>local</eventIdentifierType>"
                 "<eventIdentifierValue>conversion of ");
  ah_buf_put_escaped(b, output);
  ah_buf_printf(b, " at %s</eventIdentifierValue></eventIdentifier>\n"
                   "    <eventType>normalization</eventType>\n    <eventDateTime>%s</eventDateTime>\n"
                   "    <eventDetailInformation><eventDetail>ahconv batch: read from the %s rendition, written as "
                   "normalized XML or a clean PDF</eventDetail></eventDetailInformation>\n",
                when, when, src->format ? src->format : "");
  ah_buf_printf(b, "    <eventOutcomeInformation><eventOutcome>%s</eventOutcome>\n      <eventOutcomeDetail>"
                   "<eventOutcomeDetailNote>verify findings: %d; renditions compared: %d, differing: %d"
                   "</eventOutcomeDetailNote></eventOutcomeDetail>\n    </eventOutcomeInformation>\n",
                src->findings || differ ? "success with findings" : "success", src->findings,
                lead->n_members - 1, differ);
  ah_buf_printf(b, "    <linkingAgentIdentifier><linkingAgentIdentifierType>local</linkingAgentIdentifierType>"
                   "<linkingAgentIdentifierValue>ahconv %s</linkingAgentIdentifierValue>"
                   "<linkingAgentRole>executing program</linkingAgentRole></linkingAgentIdentifier>\n",
                ah_version());
  for (int k = 0; k < lead->n_members; k++) linking_object(b, lead[k].path, "source");
  linking_object(b, output, "outcome");
  ah_buf_puts(b, "  </event>\n");
}

/* data/x/ID.xml -> data/premis/x/ID.premis.xml; caller frees */
static char *premis_name(const char *output) {
  size_t skip = strlen(BAG_PAYLOAD) + 1;
  const char *rel = strncmp(output, BAG_PAYLOAD "/", skip) ? output : output + skip;
  ah_buf name = {0};
  const char *dot = strrchr(rel, '.');
  ah_buf_printf(&name, BAG_PAYLOAD "/premis/%.*s.premis.xml", (int)(dot ? dot - rel : (long)strlen(rel)), rel);
  return ah_buf_steal(&name);
}

int bag_write_premis(const char *outdir, const batch_input *lead, const char *output, time_t when,
                     bool only_if_missing) {
  char *name = premis_name(output);
  char *there = path_join(outdir, name);
  bool have = access(there, F_OK) == 0;
  free(there);
  if (have && only_if_missing) {
    free(name);
    return 0;
  }
  char *full = path_join(outdir, output);
  char *sha = group_file_sha256(full);
  struct stat st = {0};
  stat(full, &st);
  free(full);
  char stamp[32];
  struct tm tm;
  gmtime_r(&when, &tm);
  strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  ah_buf b = {0};
  ah_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<premis xmlns=\"http://www.loc.gov/premis/v3\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0\">\n");
  for (int k = 0; k < lead->n_members; k++)
    premis_object(&b, lead[k].path, lead[k].file_sha256, lead[k].size, lead[k].format ? lead[k].format : "");
  premis_object(&b, output, sha, (long long)st.st_size, strstr(output, ".pdf") ? "pdf" : "xml");
  premis_event(&b, lead, output, stamp);
  ah_buf_printf(&b, "  <agent>\n    <agentIdentifier><agentIdentifierType>local</agentIdentifierType>"
                    "<agentIdentifierValue>ahconv %s</agentIdentifierValue></agentIdentifier>\n"
                    "    <agentName>ahconv</agentName>\n    <agentType>software</agentType>\n"
                    "    <agentVersion>%s</agentVersion>\n  </agent>\n</premis>\n",
                ah_version(), ah_version());
  free(sha);
  char *dir = path_join(outdir, name);
  *strrchr(dir, '/') = 0;
  int rc = make_folders(dir) == 0 ? write_text(outdir, name, &b) : -1;
  free(dir);
  free(name);
  ah_buf_free(&b);
  return rc;
}

/* ---- the originals ------------------------------------------------------ */

/* A copy of a file, byte for byte, written atomically; 0 or -1. */
static int copy_file(const char *from, const char *to) {
  unsigned char *data = NULL;
  size_t len = 0;
  ah_error err = {0};
  if (ah_read_file(from, &data, &len, &err) != 0) return -1;
  int rc = ah_write_file_atomic(to, (const char *)data, len, &err);
  free(data);
  return rc;
}

int bag_copy_original(const char *outdir, const batch_input *it) {
  const char *slash = strrchr(it->path, '/');
  char *sub = path_join(BAG_PAYLOAD "/originals", it->subdir);
  char *rel = path_join(sub, slash ? slash + 1 : it->path);
  char *full = path_join(outdir, rel);
  char *dir = ah_strdup(full);
  *strrchr(dir, '/') = 0;
  struct stat st;
  int rc = 0;
  /* there already from an earlier run, the same bytes: kept */
  char *have = stat(full, &st) == 0 && (long long)st.st_size == it->size ? group_file_sha256(full) : NULL;
  if (!have || !it->file_sha256 || strcmp(have, it->file_sha256) != 0)
    rc = make_folders(dir) == 0 ? copy_file(it->path, full) : -1;
  if (rc != 0) fprintf(stderr, "ahconv: %s: cannot copy the original into the bag\n", full);
  free(have);
  free(dir);
  free(full);
  free(rel);
  free(sub);
  return rc;
}

/* ---- the tag files ------------------------------------------------------ */

typedef struct {
  ah_buf manifest;
  unsigned long long octets, streams;
} payload;

/* A path in a manifest: CR, LF and % percent-encoded (RFC 8493, 2.1.3). */
static void put_manifest_path(ah_buf *b, const char *p) {
  for (; *p; p++) {
    if (*p == '\r') ah_buf_puts(b, "%0D");
    else if (*p == '\n') ah_buf_puts(b, "%0A");
    else if (*p == '%') ah_buf_puts(b, "%25");
    else ah_buf_putc(b, *p);
  }
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every file below rel (relative to the bag), in name order. */
static int walk_payload(const char *bagdir, const char *rel, payload *pl) {
  char *dir = path_join(bagdir, rel);
  DIR *d = opendir(dir);
  free(dir);
  if (!d) return -1;
  char **names = NULL;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
      names = ah_xreallocarray(names, n + 1, sizeof *names);
      names[n++] = ah_strdup(e->d_name);
    }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, compare_names);
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    char *r = path_join(rel, names[i]);
    char *full = path_join(bagdir, r);
    struct stat st;
    if (rc == 0 && lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
      rc = walk_payload(bagdir, r, pl);
    } else if (rc == 0 && S_ISREG(st.st_mode)) {
      char *sha = group_file_sha256(full);
      if (!sha) rc = -1;
      else ah_buf_printf(&pl->manifest, "%s  ", sha), put_manifest_path(&pl->manifest, r), ah_buf_putc(&pl->manifest, '\n');
      pl->octets += (unsigned long long)st.st_size;
      pl->streams++;
      free(sha);
    }
    free(full);
    free(r);
    free(names[i]);
  }
  free(names);
  return rc;
}

/* "sha256  name" of a tag file, appended to b */
static int tag_line(ah_buf *b, const char *bagdir, const char *name) {
  char *full = path_join(bagdir, name);
  char *sha = group_file_sha256(full);
  free(full);
  if (!sha) return 0; /* not there: not listed */
  ah_buf_printf(b, "%s  %s\n", sha, name);
  free(sha);
  return 0;
}

int bag_finish(const char *outdir, time_t when) {
  payload pl = {0};
  ah_buf_puts(&pl.manifest, "");
  int rc = walk_payload(outdir, BAG_PAYLOAD, &pl);
  char date[16];
  struct tm tm;
  gmtime_r(&when, &tm);
  strftime(date, sizeof date, "%Y-%m-%d", &tm);
  ah_buf info = {0}, version = {0}, tags = {0};
  ah_buf_printf(&info, "Bagging-Date: %s\nPayload-Oxum: %llu.%llu\nBag-Software-Agent: ahconv %s\n", date,
                pl.octets, pl.streams, ah_version());
  ah_buf_puts(&version, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
  if (rc == 0) rc = write_text(outdir, "manifest-sha256.txt", &pl.manifest);
  if (rc == 0) rc = write_text(outdir, "bag-info.txt", &info);
  if (rc == 0) rc = write_text(outdir, "bagit.txt", &version);
  static const char *const tag_files[] = {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "ahconv-report.csv",
                                          "ahconv-report.html", NULL};
  for (int i = 0; rc == 0 && tag_files[i]; i++) rc = tag_line(&tags, outdir, tag_files[i]);
  if (rc == 0) rc = write_text(outdir, "tagmanifest-sha256.txt", &tags);
  if (rc != 0) {
    fprintf(stderr, "ahconv: %s: the bag could not be completed\n", outdir);
    bag_open(outdir); /* no bagit.txt: not a bag that claims to be complete */
  }
  ah_buf_free(&pl.manifest);
  ah_buf_free(&info);
  ah_buf_free(&version);
  ah_buf_free(&tags);
  return rc;
}
