/* Unit tests of the HTML reader (source_html.c and what it feeds), through
 * the public API only: a page in memory goes in with ah_doc_open_memory, the
 * tree that comes out is walked with ah_node_* / ah_iter_*. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "api_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- official publication markup --------------------------------------- */

static const char official[] =
    "<!DOCTYPE html><html lang=\"nl\"><head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"DC.identifier\" scheme=\"OVERHEIDop.ParlID\" content=\"ah-tk-20252026-8600\">\n"
    "<meta name=\"OVERHEIDop.aanhangselNummer\" content=\"8600\">\n"
    "<meta name=\"OVERHEIDop.vergaderjaar\" content=\"2025-2026\">\n"
    "<meta name=\"DC.creator\" content=\"Tweede Kamer der Staten-Generaal\">\n"
    "<title>Vragen over de muntenpers</title></head><body>\n"
    "<div id=\"kopregel\"><p>Zoeken in officiële publicaties</p></div>\n"
    "<div id=\"broodtekst\">\n"
    "<h1 class=\"kamervraagomschrijving_kop no-toc\"><a id=\"d1e1\" name=\"d1e1\"></a>Vragen van de leden Aksoy en Bos "
    "(beiden VVD) aan de Minister van Financiën over de muntenpers (ingezonden 2 juni 2025).</h1>\n"
    "<h1 class=\"kamervraagomschrijving_kop no-toc\">Antwoord van Minister Heijnen (Financiën) (ontvangen 23 juni "
    "2025).</h1>\n"
    "<div class=\"vraag\"><h2 class=\"stuktitel no-toc\"><a id=\"d1e5\" name=\"d1e5\"></a>Vraag 1</h2>\n"
    "<p>Kent u het rapport<a class=\"nootnum supernote-click-ID-1\" href=\"#ID-1\">1</a> over de pers?</p></div>\n"
    "<div class=\"antwoord\"><h2 class=\"stuktitel no-toc\">Antwoord 1</h2>\n"
    "<p>Ja.</p><p>Het rapport verscheen in mei.<a class=\"nootnum\" href=\"#ID-2\">2</a></p></div>\n"
    "<div class=\"vraag\"><h2 class=\"stuktitel no-toc\">Vraag 2 en 3</h2><p>Wat kost de pers?</p></div>\n"
    "<div class=\"antwoord\"><h2 class=\"stuktitel no-toc\">Antwoord 2 en 3</h2><p>Twee miljoen euro.</p></div>\n"
    "<div id=\"noten\"><hr />\n"
    "<div class=\"voet noot snp-mouseoffset snb-pinned notedefault\" id=\"supernote-note-ID-1\">"
    "<h5 class=\"note-close\"><a class=\"note-close\" href=\"#close-ID-1\">X</a> Noot</h5>"
    "<sup><span class=\"nootnum\"><a id=\"ID-1\" name=\"ID-1\"></a>1</span></sup>"
    "<p>Rapport van de Munt, mei 2025.</p></div>\n"
    "<div class=\"voet noot\" id=\"supernote-note-ID-2\"><sup><span class=\"nootnum\">2</span></sup>"
    "<p><a href=\"https://www.example.org/munt\" class=\"externe_link\">https://www.example.org/munt</a></p></div>\n"
    "</div></div>\n"
    "<div id=\"voetregel\"><p>Voettekst van de site</p></div>\n"
    "</body></html>\n";

static void test_official_document(void) {
  ah_error err = {0};
  ah_doc *doc = open_html(official, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_INT(err.code, AH_OK);
  CHECK_STR(ah_doc_source_format(doc), "html");
  CHECK_STR(ah_doc_source_name(doc), "test.html");
  CHECK_INT(ah_doc_pages(doc), 0);
  CHECK_INT(strlen(ah_doc_sha256(doc)), 64);
  CHECK_STR(ah_doc_ingezonden(doc), "2025-06-02");
  CHECK_STR(ah_doc_ontvangen(doc), "2025-06-23");

  ah_node *root = ah_doc_root(doc);
  CHECK_INT(ah_node_get_type(root), AH_NODE_DOCUMENT);
  /* the site's header and footer outside div#broodtekst are not text */
  CHECK_CHILD_TYPES(root, "omschrijving omschrijving vraag antwoord vraag antwoord noten");
  CHECK_STR(ah_node_get_attr(nth_child(root, AH_NODE_OMSCHRIJVING, 0), "type"), "vraag");
  CHECK_STR(ah_node_get_attr(nth_child(root, AH_NODE_OMSCHRIJVING, 1), "type"), "antwoord");
  CHECK_TEXT(nth_child(root, AH_NODE_OMSCHRIJVING, 0),
             "Vragen van de leden Aksoy en Bos (beiden VVD) aan de Minister van Financiën over de muntenpers "
             "(ingezonden 2 juni 2025).");

  ah_node *v1 = nth_child(root, AH_NODE_VRAAG, 0);
  CHECK_NUMBERS(v1, "1");
  CHECK_CHILD_TYPES(v1, "label al");
  CHECK_TEXT(ah_node_first_child(v1), "Vraag 1");
  ah_node *al = nth_child(v1, AH_NODE_PARAGRAPH, 0);
  CHECK_TEXT(al, "Kent u het rapport[^1] over de pers?");
  /* the marker is a node of its own between two text nodes */
  CHECK_CHILD_TYPES(al, "text noot-ref text");
  ah_node *ref = nth_child(al, AH_NODE_NOTE_REF, 0);
  CHECK_INT(ah_node_get_note_number(ref), 1);
  CHECK_STR(ah_node_get_attr(ref, "n"), "1");
  CHECK_STR(ah_node_get_literal(ah_node_first_child(al)), "Kent u het rapport");
  CHECK_STR(ah_node_get_literal(ah_node_last_child(al)), " over de pers?");
  CHECK(ah_node_first_child(ref) == NULL);
  /* HTML has no pages */
  CHECK_INT(ah_node_get_page_first(v1), 0);
  CHECK_INT(ah_node_get_page_last(v1), 0);

  ah_node *a1 = nth_child(root, AH_NODE_ANTWOORD, 0);
  CHECK_NUMBERS(a1, "1");
  CHECK_CHILD_TYPES(a1, "label al al");
  CHECK_TEXT(nth_child(a1, AH_NODE_PARAGRAPH, 0), "Ja.");
  CHECK_TEXT(nth_child(a1, AH_NODE_PARAGRAPH, 1), "Het rapport verscheen in mei.[^2]");

  ah_node *v2 = nth_child(root, AH_NODE_VRAAG, 1);
  CHECK_NUMBERS(v2, "2 3");
  CHECK_TEXT(nth_child(v2, AH_NODE_LABEL, 0), "Vraag 2 en 3");
  ah_node *a2 = nth_child(root, AH_NODE_ANTWOORD, 1);
  CHECK_NUMBERS(a2, "2 3");
  CHECK_TEXT(nth_child(a2, AH_NODE_LABEL, 0), "Antwoord 2 en 3");
  CHECK_TEXT(a2, "Antwoord 2 en 3 Twee miljoen euro.");

  ah_node *noten = nth_child(root, AH_NODE_NOTEN, 0);
  CHECK_INT(count_children(noten), 2);
  ah_node *n1 = nth_child(noten, AH_NODE_NOOT, 0), *n2 = nth_child(noten, AH_NODE_NOOT, 1);
  CHECK_INT(ah_node_get_note_number(n1), 1);
  CHECK_STR(ah_node_get_attr(n1, "n"), "1");
  /* "X Noot", the popup's close button, is not part of the note */
  CHECK_TEXT(n1, "Rapport van de Munt, mei 2025.");
  CHECK_INT(ah_node_get_note_number(n2), 2);
  ah_node *url = ah_node_first_child(nth_child(n2, AH_NODE_PARAGRAPH, 0));
  CHECK_INT(ah_node_get_type(url), AH_NODE_URL);
  CHECK_TEXT(url, "https://www.example.org/munt");

  CHECK_INT(count_type(root, AH_NODE_NOTE_REF), 2);
  CHECK_INT(count_type(root, AH_NODE_LABEL), 4);
  ah_doc_free(doc);
}

/* The omschrijving sentences, read through the same page: one element per
 * asker with the shared party, the addressee, subject, dates, answerer. */
static void test_official_omschrijving(void) {
  ah_error err = {0};
  ah_doc *doc = open_html(official, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  ah_node *q = nth_child(root, AH_NODE_OMSCHRIJVING, 0);
  CHECK_TEXT(nth_child(q, AH_NODE_VRAGENSTELLER, 0), "Aksoy");
  CHECK_STR(ah_node_get_attr(nth_child(q, AH_NODE_VRAGENSTELLER, 0), "partij"), "VVD");
  CHECK_TEXT(nth_child(q, AH_NODE_VRAGENSTELLER, 1), "Bos");
  CHECK_STR(ah_node_get_attr(nth_child(q, AH_NODE_VRAGENSTELLER, 1), "partij"), "VVD");
  CHECK(nth_child(q, AH_NODE_VRAGENSTELLER, 2) == NULL);
  CHECK_TEXT(nth_child(q, AH_NODE_ONTVANGER, 0), "Minister van Financiën");
  CHECK_TEXT(nth_child(q, AH_NODE_ONDERWERP, 0), "de muntenpers");
  CHECK_STR(ah_node_get_attr(nth_child(q, AH_NODE_DATUM, 0), "iso"), "2025-06-02");
  CHECK_TEXT(nth_child(q, AH_NODE_DATUM, 0), "2 juni 2025");
  ah_node *a = nth_child(root, AH_NODE_OMSCHRIJVING, 1);
  ah_node *who = nth_child(a, AH_NODE_BEANTWOORDER, 0);
  CHECK_TEXT(who, "Heijnen");
  CHECK_STR(ah_node_get_attr(who, "functie"), "Minister");
  CHECK_STR(ah_node_get_attr(who, "ministerie"), "Financiën");
  CHECK_STR(ah_node_get_attr(nth_child(a, AH_NODE_DATUM, 0), "iso"), "2025-06-23");
  ah_doc_free(doc);
}

/* ---- head meta ---------------------------------------------------------- */

static void test_head_meta(void) {
  ah_error err = {0};
  ah_doc *doc = open_html(official, &err);
  CHECK(doc != NULL);
  CHECK_STR(ah_doc_id(doc), "ah-tk-20252026-8600");
  CHECK_STR(ah_doc_kamer(doc), "tk");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2025-2026");
  CHECK_INT(ah_doc_nummer(doc), 8600);
  ah_doc_free(doc);

  /* no DC.identifier: number, year and chamber from the OVERHEIDop meta and
   * DC.creator */
  static const char overheidop[] =
      "<html><head><meta name=\"OVERHEIDop.aanhangselNummer\" content=\" 77 \">"
      "<meta name=\"OVERHEIDop.vergaderjaar\" content=\"2024-2025\">"
      "<meta name=\"DC.creator\" content=\"Eerste Kamer der Staten-Generaal\"></head><body>"
      "<div id=\"broodtekst\"><div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>Waarom?</p></div>"
      "</div></body></html>";
  doc = open_html(overheidop, &err);
  CHECK(doc != NULL);
  CHECK(ah_doc_id(doc) == NULL);
  CHECK_STR(ah_doc_kamer(doc), "ek");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2024-2025");
  CHECK_INT(ah_doc_nummer(doc), 77);
  ah_doc_free(doc);

  /* DC.identifier alone gives chamber, year and number too */
  static const char identifier[] =
      "<html><head><meta name=\"DC.identifier\" content=\"ah-ek-20232024-123\"></head><body>"
      "<div id=\"broodtekst\"><div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>Waarom?</p></div>"
      "</div></body></html>";
  doc = open_html(identifier, &err);
  CHECK(doc != NULL);
  CHECK_STR(ah_doc_id(doc), "ah-ek-20232024-123");
  CHECK_STR(ah_doc_kamer(doc), "ek");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2023-2024");
  CHECK_INT(ah_doc_nummer(doc), 123);
  /* no omschrijving and no dates: those getters are NULL */
  CHECK(ah_doc_ingezonden(doc) == NULL);
  CHECK(ah_doc_ontvangen(doc) == NULL);
  ah_doc_free(doc);

  /* an empty page head: nothing */
  static const char bare[] =
      "<html><head><meta name=\"DC.identifier\" content=\"\"><meta name=\"DC.creator\" content=\"Iemand\"></head>"
      "<body><div id=\"broodtekst\"><div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>Waarom?</p></div>"
      "</div></body></html>";
  doc = open_html(bare, &err);
  CHECK(doc != NULL);
  CHECK(ah_doc_id(doc) == NULL);
  CHECK(ah_doc_kamer(doc) == NULL);
  CHECK(ah_doc_vergaderjaar(doc) == NULL);
  CHECK_INT(ah_doc_nummer(doc), 0);
  ah_doc_free(doc);
}

/* ---- the mededeling class ----------------------------------------------- */

static void test_kamervraagopmerking(void) {
  static const char page[] =
      "<html><body><div id=\"broodtekst\">"
      "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Smit (SP) aan de Minister van Defensie over "
      "de kazerne (ingezonden 1 september 2025).</h1>"
      "<h1 class=\"kamervraagomschrijving_kop\">Mededeling van Minister Brinkman (Defensie) (ontvangen 22 september "
      "2025).</h1>"
      "<div class=\"kamervraagopmerking\"><h2 class=\"kamervraagopmerking_kop\">Mededeling</h2>"
      "<p>De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.</p></div>"
      "</div></body></html>";
  ah_error err = {0};
  ah_doc *doc = open_html(page, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  CHECK_CHILD_TYPES(root, "omschrijving omschrijving mededeling");
  CHECK_STR(ah_node_get_attr(nth_child(root, AH_NODE_OMSCHRIJVING, 1), "type"), "mededeling");
  ah_node *m = nth_child(root, AH_NODE_MEDEDELING, 0);
  /* the heading "Mededeling" is no label: a mededeling has no number */
  CHECK_CHILD_TYPES(m, "al");
  CHECK_TEXT(m, "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.");
  CHECK_INT(ah_node_get_numbers(m, NULL), 0);
  CHECK_STR(ah_doc_ontvangen(doc), "2025-09-22");
  ah_doc_free(doc);
}

/* ---- markup without the official classes -------------------------------- */

/* ---- hostile input ------------------------------------------------------ */

static void test_entities_not_expanded(void) {
  /* an external entity that points at a real file with a known secret */
  char path[] = "/tmp/ahconv-test-entity-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  static const char secret[] = "GEHEIM-7f3a9c";
  CHECK_INT(write(fd, secret, strlen(secret)), (long)strlen(secret));
  close(fd);
  char page[4096];
  snprintf(page, sizeof page,
           "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
           "<!ENTITY xxe SYSTEM \"file://%s\">\n"
           "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x.txt\">\n"
           "<!ENTITY lol \"lol\">\n"
           "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
           "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
           "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
           "]>\n<html><body><div id=\"broodtekst\">"
           "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Jansen (SP) aan de Minister van Financiën "
           "over &lol; (ingezonden 1 oktober 2025).</h1>"
           "<div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>A &xxe; B &net; C &lol4; D &amp; E</p></div>"
           "</div></body></html>",
           path);
  ah_error err = {0};
  ah_doc *doc = open_html(page, &err);
  CHECK(doc != NULL);
  if (doc) {
    ah_node *root = ah_doc_root(doc);
    /* the references stay as the text they are; ordinary &amp; is decoded */
    CHECK_TEXT(nth_child(nth_child(root, AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0),
               "A &xxe; B &net; C &lol4; D & E");
    CHECK_TEXT(nth_child(nth_child(root, AH_NODE_OMSCHRIJVING, 0), AH_NODE_ONDERWERP, 0), "&lol;");
    size_t len = 0;
    char *xml = ah_render_xml(doc, AH_OPT_NO_SOURCE, &len, &err);
    CHECK(xml != NULL);
    if (xml) {
      CHECK(strstr(xml, secret) == NULL);
      CHECK(strstr(xml, "lollol") == NULL);
      CHECK(strstr(xml, "<al>A &amp;xxe; B &amp;net; C &amp;lol4; D &amp; E</al>") != NULL);
      CHECK(len < 2000);
    }
    free(xml);
  }
  ah_doc_free(doc);
  unlink(path);
}

/* Nesting far deeper than any document: no crash, no stack exhaustion, and
 * no silent cut: the page is refused whole, naming the limit. */
static void test_deep_nesting(void) {
  enum { DEPTH = 100000 };
  static const char open[] = "<div>", close[] = "</div>";
  static const char head[] = "<html><body><div id=\"broodtekst\"><div class=\"vraag\">"
                             "<h2 class=\"stuktitel\">Vraag 1</h2><p>Ondiep.</p></div>";
  static const char inner[] = "<div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 2</h2><p>Diep.</p></div>";
  static const char tail[] = "</div></body></html>";
  size_t cap = sizeof head + sizeof inner + sizeof tail + DEPTH * (sizeof open + sizeof close);
  char *page = malloc(cap), *p = page;
  p += sprintf(p, "%s", head);
  for (int i = 0; i < DEPTH; i++) p += sprintf(p, "%s", open);
  p += sprintf(p, "%s", inner);
  for (int i = 0; i < DEPTH; i++) p += sprintf(p, "%s", close);
  p += sprintf(p, "%s", tail);
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_memory(page, (size_t)(p - page), "deep.html", AH_OPT_DEFAULT, &err);
  CHECK(doc == NULL);
  CHECK_INT(err.code, AH_ERROR_LIMIT);
  CHECK_STR(err.message, "HTML nested deeper than 200 elements");
  ah_doc_free(doc);

  /* deep inline nesting inside a paragraph */
  cap = 256 + DEPTH * 8;
  char *q = page = realloc(page, cap);
  q += sprintf(q, "<html><body><div id=\"broodtekst\"><div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>");
  for (int i = 0; i < DEPTH; i++) q += sprintf(q, "<b>");
  q += sprintf(q, "x</p></div></div></body></html>");
  err = (ah_error){0};
  doc = ah_doc_open_memory(page, (size_t)(q - page), "deep.html", AH_OPT_DEFAULT, &err);
  CHECK(doc == NULL);
  CHECK_INT(err.code, AH_ERROR_LIMIT);
  ah_doc_free(doc);
  free(page);
}

/* ---- what is refused ---------------------------------------------------- */

static void test_refused(void) {
  ah_error err = {0};
  static const char no_questions[] = "<html><body><p>Gewoon een pagina over iets anders.</p></body></html>";
  CHECK(open_html(no_questions, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_NOT_AANHANGSEL);
  CHECK_STR(err.message, "no Vraag or Antwoord found: not an Aanhangsel document");

  CHECK(open_html("Vraag 1\nplain text, not markup\n", &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK_STR(err.message, "not a PDF, HTML or publisher XML document");

  CHECK(ah_doc_open_memory("", 0, "leeg.html", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_EMPTY);
  CHECK_STR(err.message, "empty file");

  CHECK(ah_doc_open_memory(NULL, 5, "x.html", AH_OPT_DEFAULT, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);

  /* a NULL error pointer is allowed */
  CHECK(ah_doc_open_memory(no_questions, strlen(no_questions), NULL, AH_OPT_DEFAULT, NULL) == NULL);
}

/* ---- where a block stood ------------------------------------------------- */

/* The element path of each block (the page's elements numbered once, no
 * longer by counting the siblings again per block): an index only where
 * the element has a namesake among its siblings, as xmlGetNodePath gives. */
static void test_source_paths(void) {
  static const char page[] =
      "<html><body><div><p>Vragen van het lid Kuipers (BBB) aan de Minister (ingezonden 12 januari 2026).</p></div>"
      "<div><h2>Vraag 1</h2><span>x</span><p>Wanneer?</p><ul><li>Een</li><li>Twee</li></ul></div>\n"
      "<section><p>Antwoord 1</p></section><p>Nu.</p><table><tr><td>a</td></tr></table></body></html>";
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_memory(page, strlen(page), "test.html", AH_OPT_POSITIONS, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  CHECK_STR(ah_node_get_source_path(nth_child(root, AH_NODE_OMSCHRIJVING, 0)), "/html/body/div[1]/p");
  ah_node *vraag = nth_child(root, AH_NODE_VRAAG, 0), *antwoord = nth_child(root, AH_NODE_ANTWOORD, 0);
  CHECK_STR(ah_node_get_source_path(nth_child(vraag, AH_NODE_LABEL, 0)), "/html/body/div[2]/h2");
  CHECK_STR(ah_node_get_source_path(nth_child(vraag, AH_NODE_PARAGRAPH, 0)), "/html/body/div[2]"); /* the span's x */
  CHECK_STR(ah_node_get_source_path(nth_child(vraag, AH_NODE_PARAGRAPH, 1)), "/html/body/div[2]/p");
  ah_node *list = nth_child(vraag, AH_NODE_LIST, 0);
  CHECK_STR(ah_node_get_source_path(nth_child(list, AH_NODE_ITEM, 1)), "/html/body/div[2]/ul/li[2]");
  CHECK_STR(ah_node_get_source_path(nth_child(antwoord, AH_NODE_LABEL, 0)), "/html/body/section/p");
  CHECK_STR(ah_node_get_source_path(nth_child(antwoord, AH_NODE_PARAGRAPH, 0)), "/html/body/p");
  CHECK_STR(ah_node_get_source_path(nth_child(antwoord, AH_NODE_TABLE, 0)), "/html/body/table");
  CHECK_INT(ah_node_get_source_line(nth_child(antwoord, AH_NODE_PARAGRAPH, 0)), 2);
  ah_doc_free(doc);

  /* 3,000 paragraphs side by side: each numbered among its namesakes */
  size_t cap = 64 * 1024, len = 0;
  char *many = malloc(cap);
  len += (size_t)snprintf(many + len, cap - len, "<html><body><p>Vraag 1</p><p>Waarom?</p><p>Antwoord 1</p>");
  for (int i = 0; i < 3000; i++) len += (size_t)snprintf(many + len, cap - len, "<p>w%d</p>\n", i);
  snprintf(many + len, cap - len, "</body></html>");
  doc = ah_doc_open_memory(many, strlen(many), "test.html", AH_OPT_POSITIONS, &err);
  CHECK(doc != NULL);
  if (doc) {
    antwoord = nth_child(ah_doc_root(doc), AH_NODE_ANTWOORD, 0);
    CHECK_STR(ah_node_get_source_path(nth_child(antwoord, AH_NODE_PARAGRAPH, 0)), "/html/body/p[4]");
    CHECK_STR(ah_node_get_source_path(nth_child(antwoord, AH_NODE_PARAGRAPH, 2999)), "/html/body/p[3003]");
    CHECK_INT(ah_node_get_source_line(nth_child(antwoord, AH_NODE_PARAGRAPH, 2999)), 3000);
    CHECK_TEXT(nth_child(antwoord, AH_NODE_PARAGRAPH, 2999), "w2999");
  }
  ah_doc_free(doc);
  free(many);
}

/* Bytes taken as UTF-8 (no charset, or UTF-8 declared) that are not: each
 * invalid sequence is one U+FFFD and the number a loss; a page declaring
 * another charset is decoded by it, nothing lost. */
static void test_invalid_utf8(void) {
  static const char *const heads[] = {"", "<meta charset=\"utf-8\">"};
  for (int i = 0; i < 2; i++) {
    char page[512];
    snprintf(page, sizeof page,
             "<html><head>%s</head><body><p>Vraag 1</p><p>Klopt \xFF\xFE of \xC0\x80 of \xE2\x80?</p>"
             "<p>Antwoord 1</p><p>Nee.</p></body></html>", heads[i]);
    ah_error err = {0};
    ah_doc *doc = open_html(page, &err);
    CHECK(doc != NULL);
    if (!doc) continue;
    CHECK_TEXT(nth_child(nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0),
               "Klopt \xEF\xBF\xBD\xEF\xBF\xBD of \xEF\xBF\xBD\xEF\xBF\xBD of \xEF\xBF\xBD?");
    CHECK_INT(ah_doc_lost_count(doc), 1);
    CHECK_INT(ah_doc_lost_kind(doc, 0), AH_LOST_ENCODING);
    CHECK_STR(ah_doc_lost_text(doc, 0, NULL), "5 invalid UTF-8 sequences replaced by U+FFFD");
    ah_doc_free(doc);
  }
  static const char cp1252[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>Vraag 1</p>"
                               "<p>Kost het \x80 5?</p><p>Antwoord 1</p><p>Nee.</p></body></html>";
  ah_error err = {0};
  ah_doc *doc = open_html(cp1252, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_TEXT(nth_child(nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0), "Kost het \xE2\x82\xAC 5?");
  CHECK_INT(ah_doc_lost_count(doc), 0);
  ah_doc_free(doc);
}

int main(void) {
  test_official_document();
  test_official_omschrijving();
  test_head_meta();
  test_kamervraagopmerking();
  test_entities_not_expanded();
  test_deep_nesting();
  test_refused();
  test_source_paths();
  test_invalid_utf8();
  return harness_report();
}
