/* Unit tests of files in and out (io.c, gzip.c, write_xml.c's file path,
 * document.c's open errors), through the public API only: atomic writes,
 * gzip output, the errors of ah_doc_open_file, gzip input. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "api_helpers.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static const char page_html[] =
    "<html><head><meta name=\"DC.identifier\" content=\"ah-tk-20252026-8900\"></head><body>"
    "<div id=\"broodtekst\">"
    "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (VVD) aan de Minister van Financiën over "
    "de muntenpers (ingezonden 2 juni 2025).</h1>"
    "<h1 class=\"kamervraagomschrijving_kop\">Antwoord van Minister Heijnen (Financiën) (ontvangen 23 juni "
    "2025).</h1>"
    "<div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>Waarom?</p></div>"
    "<div class=\"antwoord\"><h2 class=\"stuktitel\">Antwoord 1</h2><p>Daarom.</p></div>"
    "</div></body></html>";

static char dir[64];

static char *path_in(const char *name) {
  static char buf[4][256];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
  return buf[k];
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names in the test folder, sorted, joined by spaces; caller frees. */
static char *listing(void) {
  char *names[64];
  int n = 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && (e = readdir(d)) && n < 64)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
  if (d) closedir(d);
  qsort(names, (size_t)n, sizeof *names, cmp_str);
  size_t len = 1;
  for (int i = 0; i < n; i++) len += strlen(names[i]) + 1;
  char *s = calloc(1, len);
  for (int i = 0; i < n; i++) {
    if (i) strcat(s, " ");
    strcat(s, names[i]);
    free(names[i]);
  }
  return s;
}

#define CHECK_LISTING(want)                                                          \
  do {                                                                               \
    char *l_ = listing();                                                            \
    CHECK_STR(l_, want);                                                             \
    free(l_);                                                                        \
  } while (0)

/* A whole file, NUL-terminated; *len its size (NULL if unreadable). */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t r;
  while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (n + 1 == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  buf[n] = 0;
  if (len) *len = n;
  return buf;
}

static void put(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_INT(fwrite(data, 1, len, f), (long)len);
  fclose(f);
}

/* gzip (or gunzip) with zlib itself, independent of the library. */
static unsigned char *zlib_gzip(const void *data, size_t len, size_t *out_len) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  size_t cap = deflateBound(&zs, (uLong)len) + 64;
  unsigned char *out = malloc(cap);
  zs.next_in = (unsigned char *)data;
  zs.avail_in = (uInt)len;
  zs.next_out = out;
  zs.avail_out = (uInt)cap;
  CHECK_INT(deflate(&zs, Z_FINISH), Z_STREAM_END);
  *out_len = cap - zs.avail_out;
  deflateEnd(&zs);
  return out;
}

static char *zlib_gunzip(const unsigned char *data, size_t len, size_t *out_len) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  inflateInit2(&zs, 16 + MAX_WBITS);
  size_t cap = len * 20 + 4096;
  char *out = malloc(cap);
  zs.next_in = (unsigned char *)data;
  zs.avail_in = (uInt)len;
  zs.next_out = (unsigned char *)out;
  zs.avail_out = (uInt)cap - 1;
  int rc = inflate(&zs, Z_FINISH);
  CHECK_INT(rc, Z_STREAM_END);
  *out_len = cap - 1 - zs.avail_out;
  out[*out_len] = 0;
  inflateEnd(&zs);
  return out;
}

static ah_doc *open_page(void) {
  ah_error err = {0};
  ah_doc *doc = open_html(page_html, &err);
  CHECK(doc != NULL);
  return doc;
}

/* ---- writing ------------------------------------------------------------ */

static void test_write_plain(void) {
  ah_doc *doc = open_page();
  if (!doc) return;
  ah_error err = {0};
  size_t len;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  CHECK(xml != NULL);
  CHECK_INT(len, strlen(xml));
  CHECK_INT(ah_write_xml_file(doc, path_in("out.xml"), AH_OPT_DEFAULT, &err), 0);
  CHECK_INT(err.code, AH_OK);
  size_t got_len = 0;
  char *got = slurp(path_in("out.xml"), &got_len);
  CHECK_INT(got_len, len);
  CHECK(got && memcmp(got, xml, len) == 0);
  /* nothing else in the folder: the temporary file was renamed */
  CHECK_LISTING("out.xml");
  /* the mode a plain create would give (umask 022 set in main) */
  struct stat st;
  CHECK_INT(stat(path_in("out.xml"), &st), 0);
  CHECK_INT(st.st_mode & 0777, 0644);
  free(got);
  free(xml);

  /* an existing file is replaced by rename, not overwritten in place: a
   * second name for the old file keeps the old bytes */
  put(path_in("old.xml"), "oud\n", 4);
  CHECK_INT(link(path_in("old.xml"), path_in("keep.xml")), 0);
  CHECK_INT(ah_write_xml_file(doc, path_in("old.xml"), AH_OPT_NO_SOURCE, &err), 0);
  char *kept = slurp(path_in("keep.xml"), NULL);
  CHECK_STR(kept, "oud\n");
  free(kept);
  char *fresh = slurp(path_in("old.xml"), NULL);
  char *no_source = ah_render_xml(doc, AH_OPT_NO_SOURCE, NULL, &err);
  CHECK_STR(fresh, no_source);
  CHECK(fresh && strstr(fresh, "<bron") == NULL);
  free(fresh);
  free(no_source);
  CHECK_LISTING("keep.xml old.xml out.xml");
  unlink(path_in("keep.xml"));
  unlink(path_in("old.xml"));
  unlink(path_in("out.xml"));
  ah_doc_free(doc);
}

static void test_write_failures(void) {
  ah_doc *doc = open_page();
  if (!doc) return;
  ah_error err = {0};
  put(path_in("existing.xml"), "bestaand\n", 9);

  /* into a folder that does not exist */
  CHECK_INT(ah_write_xml_file(doc, path_in("missing/out.xml"), AH_OPT_DEFAULT, &err), AH_ERROR_IO);
  CHECK_INT(err.code, AH_ERROR_IO);
  CHECK_STR(err.message, "cannot write: No such file or directory");
  CHECK_LISTING("existing.xml");

  /* onto a folder: the rename fails, the temporary file goes */
  CHECK_INT(mkdir(path_in("folder.xml"), 0755), 0);
  CHECK_INT(ah_write_xml_file(doc, path_in("folder.xml"), AH_OPT_DEFAULT, &err), AH_ERROR_IO);
  CHECK_INT(err.code, AH_ERROR_IO);
  CHECK_STR(err.message, "cannot write: Is a directory");
  CHECK_LISTING("existing.xml folder.xml");
  rmdir(path_in("folder.xml"));

  /* the write itself fails half way (file size limit): the existing file
   * keeps its bytes and no temporary file is left */
  struct rlimit saved, small;
  CHECK_INT(getrlimit(RLIMIT_FSIZE, &saved), 0);
  small = saved;
  small.rlim_cur = 100;
  void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
  CHECK_INT(setrlimit(RLIMIT_FSIZE, &small), 0);
  int rc = ah_write_xml_file(doc, path_in("existing.xml"), AH_OPT_DEFAULT, &err);
  setrlimit(RLIMIT_FSIZE, &saved);
  signal(SIGXFSZ, old_handler);
  CHECK_INT(rc, AH_ERROR_IO);
  CHECK_INT(err.code, AH_ERROR_IO);
  CHECK_STR(err.message, "cannot write: File too large");
  char *still = slurp(path_in("existing.xml"), NULL);
  CHECK_STR(still, "bestaand\n");
  free(still);
  CHECK_LISTING("existing.xml");

  /* no document */
  CHECK_INT(ah_write_xml_file(NULL, path_in("none.xml"), AH_OPT_DEFAULT, &err), AH_ERROR_USAGE);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK_STR(err.message, "no document");
  CHECK(ah_render_xml(NULL, AH_OPT_DEFAULT, NULL, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK_LISTING("existing.xml");
  unlink(path_in("existing.xml"));
  ah_doc_free(doc);
}

static void test_write_gzip(void) {
  ah_doc *doc = open_page();
  if (!doc) return;
  ah_error err = {0};
  size_t len;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  CHECK_INT(ah_write_xml_file(doc, path_in("a.xml.gz"), AH_OPT_DEFAULT, &err), 0);
  CHECK_INT(ah_write_xml_file(doc, path_in("b.xml.gz"), AH_OPT_DEFAULT, &err), 0);
  size_t a_len = 0, b_len = 0;
  unsigned char *a = (unsigned char *)slurp(path_in("a.xml.gz"), &a_len);
  unsigned char *b = (unsigned char *)slurp(path_in("b.xml.gz"), &b_len);
  CHECK(a && b);
  if (a && b) {
    /* gzip magic, deflate, no flags (no file name), no time stamp */
    CHECK(a_len > 18);
    CHECK_INT(a[0], 0x1f);
    CHECK_INT(a[1], 0x8b);
    CHECK_INT(a[2], 8);
    CHECK_INT(a[3], 0);
    CHECK_INT(a[4] | a[5] | a[6] | a[7], 0);
    /* the same document gives the same bytes, whatever the file's name */
    CHECK_INT(a_len, b_len);
    CHECK(a_len == b_len && memcmp(a, b, a_len) == 0);
    /* and they inflate to the XML ah_render_xml gives */
    size_t plain_len = 0;
    char *plain = zlib_gunzip(a, a_len, &plain_len);
    CHECK_INT(plain_len, len);
    CHECK_STR(plain, xml);
    free(plain);
  }
  CHECK_LISTING("a.xml.gz b.xml.gz");
  free(a);
  free(b);
  free(xml);
  unlink(path_in("a.xml.gz"));
  unlink(path_in("b.xml.gz"));
  ah_doc_free(doc);
}

/* ---- reading ------------------------------------------------------------ */

static void test_open_errors(void) {
  ah_error err = {0};
  CHECK(ah_doc_open_file(path_in("absent.html"), AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_IO);
  CHECK_STR(err.message, "cannot open: No such file or directory");

  put(path_in("empty.html"), "", 0);
  CHECK(ah_doc_open_file(path_in("empty.html"), AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_EMPTY);
  CHECK_STR(err.message, "empty file");
  unlink(path_in("empty.html"));

  CHECK(ah_doc_open_file(dir, AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_IO);
  CHECK_STR(err.message, "cannot read: is a directory");

  CHECK(ah_doc_open_file(NULL, AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK_STR(err.message, "no path");

  put(path_in("notes.txt"), "Vraag 1\nWaarom?\n", 16);
  CHECK(ah_doc_open_file(path_in("notes.txt"), AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK_STR(err.message, "not a PDF, HTML or publisher XML document");
  unlink(path_in("notes.txt"));

  /* a NULL error pointer is allowed */
  CHECK(ah_doc_open_file(path_in("absent.html"), AH_OPT_DEFAULT, NULL) == NULL);

  /* the codes' own words, for a caller without a message */
  CHECK_STR(ah_status_string(AH_ERROR_IO), "cannot read or write file");
  CHECK_STR(ah_status_string(AH_ERROR_EMPTY), "empty input");
  CHECK_STR(ah_status_string(AH_ERROR_DAMAGED), "damaged document");
  CHECK_LISTING("");
}

static void test_open_file(void) {
  ah_error err = {0};
  put(path_in("pagina.html"), page_html, strlen(page_html));
  ah_doc *doc = ah_doc_open_file(path_in("pagina.html"), AH_OPT_DEFAULT, &err);
  CHECK(doc != NULL);
  if (doc) {
    CHECK_INT(err.code, AH_OK);
    /* the base name is recorded, not the path */
    CHECK_STR(ah_doc_source_name(doc), "pagina.html");
    CHECK_STR(ah_doc_source_format(doc), "html");
    CHECK_STR(ah_doc_id(doc), "ah-tk-20252026-8900");
  }
  ah_doc_free(doc);
  unlink(path_in("pagina.html"));
}

static void test_gzip_input(void) {
  ah_error err = {0};
  ah_doc *plain = open_page();
  if (!plain) return;
  size_t gz_len;
  unsigned char *gz = zlib_gzip(page_html, strlen(page_html), &gz_len);
  put(path_in("pagina.html.gz"), gz, gz_len);
  ah_doc *doc = ah_doc_open_file(path_in("pagina.html.gz"), AH_OPT_DEFAULT, &err);
  CHECK(doc != NULL);
  if (doc) {
    CHECK_STR(ah_doc_source_name(doc), "pagina.html.gz");
    CHECK_STR(ah_doc_source_format(doc), "html");
    /* the checksum is of the rendition after gunzip */
    CHECK_STR(ah_doc_sha256(doc), ah_doc_sha256(plain));
    char *x1 = ah_render_xml(doc, AH_OPT_NO_SOURCE, NULL, &err);
    char *x2 = ah_render_xml(plain, AH_OPT_NO_SOURCE, NULL, &err);
    CHECK_STR(x1, x2);
    free(x1);
    free(x2);
  }
  ah_doc_free(doc);

  /* cut off half way */
  put(path_in("kort.html.gz"), gz, gz_len / 2);
  CHECK(ah_doc_open_file(path_in("kort.html.gz"), AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_DAMAGED);
  CHECK_STR(err.message, "truncated gzip stream");
  /* cut off just before the end (the trailer is missing its last bytes) */
  put(path_in("kort.html.gz"), gz, gz_len - 3);
  CHECK(ah_doc_open_file(path_in("kort.html.gz"), AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_DAMAGED);
  CHECK_STR(err.message, "truncated gzip stream");
  unlink(path_in("kort.html.gz"));

  /* a wrong checksum in the trailer */
  unsigned char *bad = malloc(gz_len);
  memcpy(bad, gz, gz_len);
  bad[gz_len - 8] ^= 0xff;
  CHECK(ah_doc_open_memory(bad, gz_len, "kapot.html.gz", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_DAMAGED);
  CHECK_STR(err.message, "damaged gzip stream: incorrect data check");
  free(bad);

  /* one layer only */
  size_t gz2_len;
  unsigned char *gz2 = zlib_gzip(gz, gz_len, &gz2_len);
  CHECK(ah_doc_open_memory(gz2, gz2_len, "dubbel.html.gz.gz", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK_STR(err.message, "gzip inside gzip");
  free(gz2);

  /* gzip of nothing */
  size_t empty_len;
  unsigned char *empty = zlib_gzip("", 0, &empty_len);
  CHECK(ah_doc_open_memory(empty, empty_len, "leeg.html.gz", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_EMPTY);
  CHECK_STR(err.message, "empty file inside gzip");
  free(empty);

  free(gz);
  unlink(path_in("pagina.html.gz"));
  CHECK_LISTING("");
  ah_doc_free(plain);
}

int main(void) {
  umask(022);
  snprintf(dir, sizeof dir, "/tmp/ahconv-test-io-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_write_plain();
  test_write_failures();
  test_write_gzip();
  test_open_errors();
  test_open_file();
  test_gzip_input();
  rmdir(dir);
  return harness_report();
}
