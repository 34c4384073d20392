/* Unit tests of the public API's contracts (include/ahconv.h), through the
 * public API only: every misuse gives its documented error and nothing
 * crashes; option masks; the iterator's events, reset and leaves; markers
 * to notes; pages of blocks and markers; plain text; the metadata getters;
 * the version; ah_write_*_file's return values.
 *
 *   test_api SAMPLE.pdf SAMPLE.html      (the bundled sample's renditions) */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "api_helpers.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *pdf_path, *html_path;

#define CHECK_ERR(err, want_code, want_message)                                      \
  do {                                                                               \
    CHECK_INT((err).code, want_code);                                                \
    CHECK_STR((err).message, want_message);                                          \
  } while (0)

/* ---- misuse -------------------------------------------------------------- */

static void test_open_misuse(void) {
  ah_error err = {AH_OK, "stale"};
  CHECK(ah_doc_open_file(NULL, AH_OPT_DEFAULT, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "no path");
  CHECK(ah_doc_open_file(pdf_path, 1 << 30, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "unknown option bits 0x40000000 (ah_doc_open_file takes 0xf)");
  CHECK(ah_doc_open_memory(NULL, 10, "x.pdf", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "no data");
  CHECK(ah_doc_open_memory(NULL, 0, NULL, AH_OPT_DEFAULT, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "no data");
  CHECK(ah_doc_open_memory("<p>x</p>", 8, NULL, 0x10, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "unknown option bits 0x10 (ah_doc_open_memory takes 0xf)");
  /* no error value at all: still no crash */
  CHECK(ah_doc_open_file(NULL, AH_OPT_DEFAULT, NULL) == NULL);
  CHECK(ah_doc_open_memory(NULL, 3, NULL, -1, NULL) == NULL);
  /* success clears a stale error */
  strcpy(err.message, "stale");
  err.code = AH_ERROR_IO;
  ah_doc *doc = ah_doc_open_file(pdf_path, AH_OPT_DEFAULT, &err);
  CHECK(doc != NULL);
  CHECK_ERR(err, AH_OK, "");
  ah_doc_free(doc);
  ah_doc_free(NULL);
}

/* The split entry points: misuse, and a file of one document gives one. */
static void test_split(void) {
  ah_error err = {AH_OK, "stale"};
  ah_doc **docs = (ah_doc **)&err;
  size_t n = 7;
  CHECK_INT(ah_doc_open_split_file(NULL, AH_OPT_DEFAULT, &docs, &n, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no path");
  CHECK(docs == NULL && n == 0);
  CHECK_INT(ah_doc_open_split_file(pdf_path, AH_OPT_DEFAULT, NULL, &n, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no place for the documents");
  CHECK_INT(ah_doc_open_split_file(pdf_path, 1 << 30, &docs, &n, NULL), AH_ERROR_USAGE);
  CHECK_INT(ah_doc_open_split_memory(NULL, 4, "x.pdf", AH_OPT_DEFAULT, &docs, &n, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no data");
  CHECK_INT(ah_doc_open_split_memory("x", 0, "x.pdf", AH_OPT_DEFAULT, &docs, &n, &err), AH_ERROR_EMPTY);
  CHECK_INT(ah_doc_open_split_memory("nothing", 7, "x", AH_OPT_DEFAULT, &docs, &n, &err), AH_ERROR_FORMAT);
  CHECK(docs == NULL && n == 0);
  /* one document: one, standing for the whole file */
  CHECK_INT(ah_doc_open_split_file(pdf_path, AH_OPT_NO_EMBED, &docs, &n, &err), AH_OK);
  CHECK_ERR(err, AH_OK, "");
  CHECK_INT(n, 1);
  CHECK_STR(ah_doc_id(docs[0]), "ah-tk-20252026-9999");
  CHECK_INT(ah_doc_file_page_first(docs[0]), 0);
  CHECK_INT(ah_doc_file_page_last(docs[0]), 0);
  ah_docs_free(docs, n);
  CHECK_INT(ah_doc_open_split_file(html_path, AH_OPT_DEFAULT, &docs, &n, &err), AH_OK);
  CHECK_INT(n, 1);
  CHECK_STR(ah_doc_source_format(docs[0]), "html");
  ah_docs_free(docs, n);
  ah_docs_free(NULL, 0);
  CHECK_INT(ah_doc_file_page_first(NULL), 0);
  CHECK_INT(ah_doc_file_page_last(NULL), 0);
  CHECK_STR(ah_status_string(AH_ERROR_BUNDLE), "the file holds several documents");
}

typedef char *(*render_fn)(const ah_doc *, int, size_t *, ah_error *);
typedef ah_status (*write_fn)(const ah_doc *, const char *, int, ah_error *);

static const struct {
  const char *name;
  render_fn render;
  write_fn write;
} outputs[] = {
    {"ah_render_xml", ah_render_xml, ah_write_xml_file},
    {"ah_render_pdf", ah_render_pdf, ah_write_pdf_file},
    {"ah_render_json", ah_render_json, ah_write_json_file},
    {"ah_render_text", ah_render_text, ah_write_text_file},
};

static void test_render_misuse(ah_doc *doc) {
  for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
    ah_error err = {0};
    size_t len = 77;
    CHECK(outputs[i].render(NULL, AH_OPT_DEFAULT, &len, &err) == NULL);
    CHECK_ERR(err, AH_ERROR_USAGE, "no document");
    CHECK_INT(len, 77); /* untouched on failure */
    CHECK(outputs[i].render(doc, 1 << 5, NULL, &err) == NULL);
    char want[128];
    snprintf(want, sizeof want, "unknown option bits 0x20 (%s takes 0x7)", outputs[i].name);
    CHECK_ERR(err, AH_ERROR_USAGE, want);
    CHECK(outputs[i].render(NULL, AH_OPT_DEFAULT, NULL, NULL) == NULL);
    /* the write functions: a NULL or empty path, a NULL document */
    CHECK_INT(outputs[i].write(doc, NULL, AH_OPT_DEFAULT, &err), AH_ERROR_USAGE);
    CHECK_ERR(err, AH_ERROR_USAGE, "no path");
    CHECK_INT(outputs[i].write(doc, "", AH_OPT_DEFAULT, &err), AH_ERROR_USAGE);
    CHECK_ERR(err, AH_ERROR_USAGE, "empty path");
    CHECK_INT(outputs[i].write(NULL, "/tmp/never-written", AH_OPT_DEFAULT, &err), AH_ERROR_USAGE);
    CHECK_ERR(err, AH_ERROR_USAGE, "no document");
    CHECK_INT(outputs[i].write(doc, "/tmp/never-written", 1 << 9, &err), AH_ERROR_USAGE);
    CHECK_INT(outputs[i].write(doc, NULL, AH_OPT_DEFAULT, NULL), AH_ERROR_USAGE);
    CHECK(access("/tmp/never-written", F_OK) != 0);
  }
}

static void test_null_getters(void) {
  CHECK(ah_doc_id(NULL) == NULL);
  CHECK(ah_doc_kamer(NULL) == NULL);
  CHECK(ah_doc_vergaderjaar(NULL) == NULL);
  CHECK_INT(ah_doc_nummer(NULL), 0);
  CHECK(ah_doc_ingezonden(NULL) == NULL);
  CHECK(ah_doc_ontvangen(NULL) == NULL);
  CHECK(ah_doc_source_format(NULL) == NULL);
  CHECK(ah_doc_source_name(NULL) == NULL);
  CHECK(ah_doc_sha256(NULL) == NULL);
  CHECK_INT(ah_doc_pages(NULL), 0);
  CHECK(ah_doc_root(NULL) == NULL);
  CHECK_INT(ah_doc_lost_count(NULL), 0);
  int page = 9;
  CHECK(ah_doc_lost_text(NULL, 0, &page) == NULL);
  CHECK_INT(page, 0);
  CHECK_INT(ah_doc_lost_kind(NULL, 0), AH_LOST_NONE);
  CHECK_INT(ah_doc_vragensteller_count(NULL), 0);
  CHECK(ah_doc_vragensteller(NULL, 0) == NULL);
  CHECK(ah_doc_vragensteller_partij(NULL, 0) == NULL);
  CHECK_INT(ah_doc_ontvanger_count(NULL), 0);
  CHECK(ah_doc_ontvanger(NULL, 0) == NULL);
  CHECK(ah_doc_onderwerp(NULL) == NULL);
  CHECK_INT(ah_doc_beantwoorder_count(NULL), 0);
  CHECK(ah_doc_beantwoorder(NULL, 0) == NULL);
  CHECK(ah_doc_beantwoorder_functie(NULL, 0) == NULL);
  CHECK(ah_doc_beantwoorder_ministerie(NULL, 0) == NULL);
  CHECK_INT(ah_doc_zie_ook_count(NULL), 0);
  CHECK(ah_doc_zie_ook(NULL, 0) == NULL);

  CHECK_INT(ah_node_get_type(NULL), AH_NODE_NONE);
  CHECK(ah_node_parent(NULL) == NULL);
  CHECK(ah_node_first_child(NULL) == NULL);
  CHECK(ah_node_last_child(NULL) == NULL);
  CHECK(ah_node_next(NULL) == NULL);
  CHECK(ah_node_previous(NULL) == NULL);
  CHECK(ah_node_get_literal(NULL) == NULL);
  CHECK(ah_node_text(NULL) == NULL);
  CHECK(ah_node_plain_text(NULL) == NULL);
  CHECK(ah_node_get_attr(NULL, "n") == NULL);
  const int *nums = (const int *)&page;
  CHECK_INT(ah_node_get_numbers(NULL, &nums), 0);
  CHECK(nums == NULL);
  CHECK_INT(ah_node_get_numbers(NULL, NULL), 0);
  CHECK_INT(ah_node_get_note_number(NULL), 0);
  CHECK(ah_node_note_of(NULL) == NULL);
  CHECK_INT(ah_node_get_page_first(NULL), 0);
  CHECK_INT(ah_node_get_page_last(NULL), 0);

  CHECK(ah_iter_new(NULL) == NULL);
  CHECK_INT(ah_iter_next(NULL), AH_EVENT_DONE);
  CHECK(ah_iter_get_node(NULL) == NULL);
  CHECK(ah_iter_get_root(NULL) == NULL);
  CHECK_INT(ah_iter_get_event_type(NULL), AH_EVENT_NONE);
  CHECK_INT(ah_iter_reset(NULL, NULL, AH_EVENT_ENTER), AH_ERROR_USAGE);
  ah_iter_free(NULL);

  CHECK_INT(ah_verify(NULL, NULL, NULL), 0);
  CHECK_INT(ah_compare(NULL, NULL, NULL, NULL), 0);
  CHECK_STR(ah_status_string((ah_status)999), "unknown error");
  CHECK_STR(ah_status_string(AH_ERROR_USAGE), "invalid argument");
  CHECK_STR(ah_node_type_string((ah_node_type)999), "none");
  CHECK_STR(ah_node_type_string(AH_NODE_NOTE_REF), "noot-ref");
  ah_free(NULL);
}

static void count_finding(const ah_finding *f, void *user) { (void)f, ++*(size_t *)user; }

/* The rest of the header: the record, boxes, findings as data, the report,
 * the version (no argument to misuse: their fixed values). */
static void test_more_misuse(ah_doc *doc) {
  CHECK_INT(ah_doc_has_registratie(NULL), 0);
  CHECK(ah_doc_vraagnummer(NULL) == NULL);
  CHECK(ah_doc_datum_ontvangst(NULL) == NULL);
  CHECK(ah_doc_registratie_titel(NULL) == NULL);
  CHECK(ah_doc_ontvanger_naam(NULL) == NULL);
  CHECK_INT(ah_doc_indiener_count(NULL), 0);
  CHECK(ah_doc_indiener(NULL, 0) == NULL);
  CHECK_INT(ah_doc_categorie_count(NULL), 0);
  CHECK(ah_doc_categorie(NULL, 0) == NULL);
  CHECK(ah_doc_metadata_file(NULL) == NULL);
  CHECK(ah_doc_indiener(doc, 99) == NULL);
  ah_error err = {AH_OK, ""};
  CHECK_INT(ah_doc_read_metadata_file(NULL, pdf_path, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no document");
  CHECK_INT(ah_doc_read_metadata_file(doc, NULL, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no path");
  CHECK_INT(ah_doc_read_metadata_file(doc, "", &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "empty path");
  CHECK_INT(ah_doc_read_metadata_file(doc, NULL, NULL), AH_ERROR_USAGE);
  CHECK_INT(ah_doc_read_metadata_memory(NULL, "x", 1, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no document");
  CHECK_INT(ah_doc_read_metadata_memory(doc, NULL, 3, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no data");
  CHECK_INT(ah_doc_read_metadata_memory(doc, NULL, 0, NULL), AH_ERROR_USAGE);
  CHECK_INT(ah_doc_has_registratie(doc), 0); /* the refused calls left none */

  double x = 7;
  CHECK_INT(ah_node_get_box_count(NULL), 0);
  CHECK_INT(ah_node_get_box(NULL, 0, &x, NULL, NULL, NULL), 0);
  CHECK(x == 7); /* untouched */
  CHECK_INT(ah_node_get_source_line(NULL), 0);
  CHECK(ah_node_get_source_path(NULL) == NULL);

  size_t n = 0;
  CHECK_INT(ah_verify_ex(NULL, count_finding, &n), 0);
  CHECK_INT(ah_compare_ex(NULL, doc, count_finding, &n), 0);
  CHECK_INT(ah_compare_ex(doc, NULL, count_finding, &n), 0);
  CHECK_INT(n, 0);
  CHECK_INT(ah_verify_ex(doc, NULL, NULL), ah_verify(doc, NULL, NULL)); /* counted, no callback */
  CHECK_INT(ah_finding_get_class(NULL), 0);
  CHECK_STR(ah_finding_class_string((ah_finding_class)999), "other");
  CHECK(ah_finding_get_element(NULL) == NULL);
  CHECK(ah_finding_get_what(NULL) == NULL);
  CHECK(ah_finding_get_node(NULL, 0) == NULL);
  size_t first = 5, count = 5;
  CHECK_INT(ah_finding_get_words(NULL, 0, &first, &count), 0);
  CHECK_INT((int)(first + count), 10); /* untouched */
  CHECK_INT(ah_finding_get_page(NULL), 0);

  size_t len = 77, findings = 77;
  CHECK(ah_render_report_html(NULL, doc, NULL, NULL, &findings, &len, &err) == NULL);
  CHECK_ERR(err, AH_ERROR_USAGE, "no document");
  CHECK_INT(len, 77);
  CHECK(ah_render_report_html(NULL, NULL, NULL, NULL, NULL, NULL, NULL) == NULL);
  /* a NULL path is refused, not handed on (it crashed in the gzip test) */
  CHECK_INT(ah_write_report_file(doc, NULL, NULL, NULL, NULL, &findings, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no path");
  CHECK_INT(ah_write_report_file(doc, NULL, NULL, NULL, "", NULL, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "empty path");
  CHECK_INT(ah_write_report_file(NULL, doc, NULL, NULL, "/tmp/never-written", NULL, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no document");
  CHECK_INT(ah_write_report_file(doc, NULL, NULL, NULL, NULL, NULL, NULL), AH_ERROR_USAGE);
  CHECK_INT(findings, 77);
  const ah_doc *docs[3] = {doc, NULL, NULL};
  CHECK(ah_render_report_html_n(NULL, NULL, 1, &findings, &len, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK(ah_render_report_html_n(docs, NULL, 0, NULL, NULL, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK_INT(ah_write_report_file_n(docs, NULL, 1, NULL, NULL, &err), AH_ERROR_USAGE);
  CHECK_ERR(err, AH_ERROR_USAGE, "no path");
  CHECK_INT(ah_write_report_file_n(docs, NULL, 1, "", NULL, NULL), AH_ERROR_USAGE);
  CHECK(access("/tmp/never-written", F_OK) != 0);

  CHECK(ah_version() != NULL);
  CHECK_INT(ah_version_number(), AHCONV_VERSION_NUMBER);
}

/* ---- options ------------------------------------------------------------- */

static void test_no_source_at_open(ah_doc *plain) {
  ah_error err;
  ah_doc *doc = ah_doc_open_file(pdf_path, AH_OPT_NO_SOURCE, &err);
  CHECK(doc != NULL);
  char *a = ah_render_xml(doc, AH_OPT_DEFAULT, NULL, &err);
  char *b = ah_render_xml(plain, AH_OPT_NO_SOURCE, NULL, &err);
  CHECK(a && b && strcmp(a, b) == 0);
  CHECK(a && !strstr(a, "<bron") && !strstr(a, "pagina="));
  free(a);
  free(b);
  a = ah_render_json(doc, AH_OPT_DEFAULT, NULL, &err);
  CHECK(a && !strstr(a, "\"bron\"") && !strstr(a, "\"pagina\""));
  ah_free(a);
  a = ah_render_text(doc, AH_OPT_DEFAULT, NULL, &err);
  CHECK(a && !strstr(a, "bron: "));
  ah_free(a);
  ah_doc_free(doc);
}

/* ---- the iterator -------------------------------------------------------- */

static void test_iterator(ah_doc *doc) {
  ah_node *root = ah_doc_root(doc);
  ah_iter *it = ah_iter_new(root);
  CHECK(ah_iter_get_root(it) == root);
  CHECK_INT(ah_iter_get_event_type(it), AH_EVENT_NONE);
  CHECK(ah_iter_get_node(it) == NULL);
  int enters = 0, exits = 0, leaf_exits = 0, leaves = 0;
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    CHECK_INT(ah_iter_get_event_type(it), ev);
    ah_node_type t = ah_node_get_type(ah_iter_get_node(it));
    bool leaf = t == AH_NODE_TEXT || t == AH_NODE_NOTE_REF;
    if (ev == AH_EVENT_ENTER) enters++, leaves += leaf;
    else exits++, leaf_exits += leaf;
  }
  CHECK_INT(leaf_exits, 0);
  CHECK_INT(enters - leaves, exits); /* every other node gets its EXIT */
  CHECK_INT(leaves, 62); /* 58 TEXT, 4 NOTE_REF */
  CHECK_INT(exits, 58);   /* 45 blocks, 9 metadata inlines, 2 url, 2 sub */
  CHECK_INT(ah_iter_get_event_type(it), AH_EVENT_DONE);
  CHECK_INT(ah_iter_next(it), AH_EVENT_DONE);
  CHECK(ah_iter_get_node(it) == root);

  /* start over */
  CHECK_INT(ah_iter_reset(it, root, AH_EVENT_NONE), AH_OK);
  CHECK_INT(ah_iter_next(it), AH_EVENT_ENTER);
  CHECK(ah_iter_get_node(it) == root);
  /* skip a vraag's children: EXIT on it goes on with its next sibling */
  ah_node *vraag = nth_child(root, AH_NODE_VRAAG, 0);
  CHECK_INT(ah_iter_reset(it, vraag, AH_EVENT_EXIT), AH_OK);
  CHECK_INT(ah_iter_next(it), AH_EVENT_ENTER);
  CHECK(ah_iter_get_node(it) == ah_node_next(vraag));
  /* refused: a leaf's EXIT, a node outside the root, NONE below the root */
  ah_node *label_text = ah_node_first_child(ah_node_first_child(vraag));
  CHECK_INT(ah_node_get_type(label_text), AH_NODE_TEXT);
  CHECK_INT(ah_iter_reset(it, label_text, AH_EVENT_EXIT), AH_ERROR_USAGE);
  CHECK_INT(ah_iter_reset(it, vraag, AH_EVENT_NONE), AH_ERROR_USAGE);
  CHECK_INT(ah_iter_reset(it, vraag, AH_EVENT_DONE), AH_ERROR_USAGE);
  CHECK_INT(ah_iter_reset(it, NULL, AH_EVENT_ENTER), AH_ERROR_USAGE);
  CHECK(ah_iter_get_node(it) == ah_node_next(vraag)); /* unchanged */
  ah_iter *sub = ah_iter_new(vraag);
  CHECK_INT(ah_iter_reset(sub, root, AH_EVENT_ENTER), AH_ERROR_USAGE);
  CHECK_INT(ah_iter_next(sub), AH_EVENT_ENTER);
  CHECK(ah_iter_get_node(sub) == vraag);
  ah_iter_free(sub);
  ah_iter_free(it);
}

/* ---- markers, pages, text ------------------------------------------------ */

static void test_markers(ah_doc *doc, bool pdf) {
  static const int want_pages[] = {1, 2, 2, 3};
  int n = 0;
  ah_iter *it = ah_iter_new(ah_doc_root(doc));
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *ref = ah_iter_get_node(it);
    if (ah_node_get_type(ref) != AH_NODE_NOTE_REF) continue;
    ah_node *noot = ah_node_note_of(ref);
    CHECK_INT(ah_node_get_type(noot), AH_NODE_NOOT);
    CHECK_INT(ah_node_get_note_number(noot), n + 1);
    CHECK_INT(ah_node_get_note_number(ref), n + 1);
    CHECK_INT(ah_node_get_page_first(ref), pdf ? want_pages[n] : 0);
    CHECK_INT(ah_node_get_page_last(ref), pdf ? want_pages[n] : 0);
    /* the note of a marker is printed on the marker's page */
    if (pdf) CHECK_INT(ah_node_get_page_first(noot), want_pages[n]);
    n++;
  }
  ah_iter_free(it);
  CHECK_INT(n, 4);
  CHECK(ah_node_note_of(ah_doc_root(doc)) == NULL); /* not a marker */
}

static void test_pages(ah_doc *doc) {
  ah_node *root = ah_doc_root(doc);
  CHECK_INT(ah_node_get_page_first(root), 1);
  CHECK_INT(ah_node_get_page_last(root), 3);
  ah_node *antwoord = nth_child(root, AH_NODE_ANTWOORD, 1); /* Antwoord 2 en 3 */
  CHECK_NUMBERS(antwoord, "2 3");
  ah_node *lijst = nth_child(antwoord, AH_NODE_LIST, 0);
  ah_node *li = nth_child(lijst, AH_NODE_ITEM, 2);
  CHECK_INT(ah_node_get_page_first(lijst), 2);
  CHECK_INT(ah_node_get_page_first(li), 2);
  CHECK_INT(ah_node_get_page_last(li), 2);
  CHECK_INT(ah_node_get_page_first(nth_child(antwoord, AH_NODE_LABEL, 0)), 2);
  ah_node *noten = nth_child(root, AH_NODE_NOTEN, 0);
  CHECK_INT(ah_node_get_page_first(noten), 1);
  CHECK_INT(ah_node_get_page_last(noten), 3);
  CHECK_INT(ah_node_get_page_first(nth_child(root, AH_NODE_OMSCHRIJVING, 1)), 1);
  /* every block has its pages; inlines other than markers have none */
  ah_iter *it = ah_iter_new(root);
  ah_event_type ev;
  int blocks = 0, unpaged = 0, paged_inlines = 0;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *n = ah_iter_get_node(it);
    ah_node_type t = ah_node_get_type(n);
    if (ev != AH_EVENT_ENTER) continue;
    bool block = t <= AH_NODE_CELL;
    blocks += block;
    if (block && !ah_node_get_page_first(n)) unpaged++;
    if (!block && t != AH_NODE_NOTE_REF && ah_node_get_page_first(n)) paged_inlines++;
  }
  ah_iter_free(it);
  CHECK_INT(blocks, 45);
  CHECK_INT(unpaged, 0);
  CHECK_INT(paged_inlines, 0);
}

static void test_text(ah_doc *doc) {
  ah_node *vraag = nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 0);
  ah_node *al = nth_child(vraag, AH_NODE_PARAGRAPH, 0);
  static const char words[] = "Bent u bekend met het bericht «Nieuwe sluizen vertraagd» en met het onderliggende "
                              "rapport%s van de Inspectie Leefomgeving en Transport over de staat van de sluizen in het "
                              "hoofdvaarwegennet?";
  char want[512];
  snprintf(want, sizeof want, words, "[^1]");
  CHECK_TEXT(al, want);
  char *plain = ah_node_plain_text(al);
  snprintf(want, sizeof want, words, "");
  CHECK_STR(plain, want);
  ah_free(plain);
  /* a node without text gives "", not NULL */
  ah_node *ref = nth_child(al, AH_NODE_NOTE_REF, 0);
  CHECK_TEXT(ref, "[^1]");
  plain = ah_node_plain_text(ref);
  CHECK_STR(plain, "");
  free(plain);
  CHECK_STR(ah_node_get_attr(ref, "n"), "1");
  CHECK(ah_node_get_attr(ref, NULL) == NULL);
  CHECK(ah_node_get_attr(ref, "partij") == NULL);
}

/* ---- metadata, version, writing ------------------------------------------ */

static void test_metadata(ah_doc *doc) {
  CHECK_INT(ah_doc_vragensteller_count(doc), 2);
  CHECK_STR(ah_doc_vragensteller(doc, 0), "Jansen");
  CHECK_STR(ah_doc_vragensteller_partij(doc, 0), "VVD");
  CHECK_STR(ah_doc_vragensteller(doc, 1), "De Vries-van Dam");
  CHECK_STR(ah_doc_vragensteller_partij(doc, 1), "GroenLinks-PvdA");
  CHECK(ah_doc_vragensteller(doc, 2) == NULL);
  CHECK(ah_doc_vragensteller_partij(doc, 2) == NULL);
  CHECK_INT(ah_doc_ontvanger_count(doc), 2);
  CHECK_STR(ah_doc_ontvanger(doc, 0), "Minister van Infrastructuur en Waterstaat");
  CHECK_STR(ah_doc_ontvanger(doc, 1), "Staatssecretaris van Financiën");
  CHECK(ah_doc_ontvanger(doc, 2) == NULL);
  CHECK_STR(ah_doc_onderwerp(doc), "het bericht «Nieuwe sluizen vertraagd»");
  CHECK_INT(ah_doc_beantwoorder_count(doc), 1);
  CHECK_STR(ah_doc_beantwoorder(doc, 0), "Bakker");
  CHECK_STR(ah_doc_beantwoorder_functie(doc, 0), "Minister");
  CHECK_STR(ah_doc_beantwoorder_ministerie(doc, 0), "Infrastructuur en Waterstaat");
  CHECK(ah_doc_beantwoorder(doc, 1) == NULL);
  CHECK_INT(ah_doc_zie_ook_count(doc), 1);
  CHECK_STR(ah_doc_zie_ook(doc, 0), "Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 9876");
  CHECK_STR(ah_doc_ingezonden(doc), "2025-09-03");
  CHECK_STR(ah_doc_ontvangen(doc), "2025-09-24");
}

static void test_version(void) {
  CHECK_INT(AHCONV_VERSION_NUMBER, 0x000100);
  CHECK_INT(ah_version_number(), AHCONV_VERSION_NUMBER);
  char want[32];
  snprintf(want, sizeof want, "%d.%d.%d", AHCONV_VERSION_MAJOR, AHCONV_VERSION_MINOR, AHCONV_VERSION_PATCH);
  CHECK_STR(ah_version(), want);
  CHECK_STR(AHCONV_VERSION_STRING, want);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = malloc((size_t)n + 1);
  *len = fread(data, 1, (size_t)n, f);
  fclose(f);
  return data;
}

/* Each writer returns AH_OK and writes the renderer's bytes. */
static void test_write(ah_doc *doc) {
  char path[] = "/tmp/ahconv-test-api-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
    ah_error err = {AH_ERROR_IO, "stale"};
    size_t want_len = 0, got_len = 0;
    char *want = outputs[i].render(doc, AH_OPT_DEFAULT, &want_len, &err);
    CHECK_INT(outputs[i].write(doc, path, AH_OPT_DEFAULT, &err), AH_OK);
    CHECK_ERR(err, AH_OK, "");
    char *got = slurp(path, &got_len);
    CHECK(want && got && want_len == got_len && memcmp(want, got, want_len) == 0);
    CHECK_INT(want ? (long)strlen(want) == (long)want_len || i == 1 : 0, 1);
    free(want);
    free(got);
  }
  unlink(path);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_api SAMPLE.pdf SAMPLE.html\n");
    return 2;
  }
  pdf_path = argv[1];
  html_path = argv[2];
  ah_error err;
  ah_doc *pdf = ah_doc_open_file(pdf_path, AH_OPT_DEFAULT, &err);
  ah_doc *html = ah_doc_open_file(html_path, AH_OPT_DEFAULT, &err);
  if (!pdf || !html) {
    fprintf(stderr, "test_api: cannot open the samples\n");
    return 1;
  }
  test_open_misuse();
  test_split();
  test_render_misuse(pdf);
  test_null_getters();
  test_more_misuse(pdf);
  test_no_source_at_open(pdf);
  test_iterator(pdf);
  test_markers(pdf, true);
  test_markers(html, false);
  test_pages(pdf);
  test_text(pdf);
  test_metadata(pdf);
  test_metadata(html);
  test_version();
  test_write(pdf);
  ah_doc_free(pdf);
  ah_doc_free(html);
  return harness_report();
}
