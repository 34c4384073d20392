/* Unit tests of ah_verify (one document's consistency) and ah_compare (two
 * renditions), through the public API only: pages in official markup are
 * opened from memory and every finding is checked as the callback gets it. */
#include "harness.h"
#include "api_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every finding as "element|what\n", in the order reported. */
typedef struct {
  char text[8192];
  size_t n;
} findings;

static void collect(const char *element, const char *what, void *user) {
  findings *f = user;
  size_t len = strlen(f->text);
  snprintf(f->text + len, sizeof f->text - len, "%s|%s\n", element, what);
  f->n++;
}

static const char default_head[] =
    "<meta name=\"DC.identifier\" content=\"ah-tk-20252026-8801\">";
static const char default_omschrijving[] =
    "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (VVD) aan de Minister van Financiën over de "
    "muntenpers (ingezonden 2 juni 2025).</h1>"
    "<h1 class=\"kamervraagomschrijving_kop\">Antwoord van Minister Heijnen (Financiën) (ontvangen 23 juni "
    "2025).</h1>";

/* An official page: head meta, omschrijving, sections and notes as given
 * (NULL: the defaults above, "" for none). */
static ah_doc *page(const char *head, const char *omschrijving, const char *sections, const char *notes) {
  static char buf[16384];
  snprintf(buf, sizeof buf,
           "<html><head>%s</head><body><div id=\"broodtekst\">%s%s<div id=\"noten\">%s</div></div></body></html>",
           head ? head : default_head, omschrijving ? omschrijving : default_omschrijving, sections, notes);
  ah_error err = {0};
  ah_doc *doc = open_html(buf, &err);
  if (!doc) fprintf(stderr, "cannot open test page: %s\n", err.message);
  CHECK(doc != NULL);
  return doc;
}

#define V(label, text) "<div class=\"vraag\"><h2 class=\"stuktitel\">" label "</h2><p>" text "</p></div>"
#define A(label, text) "<div class=\"antwoord\"><h2 class=\"stuktitel\">" label "</h2><p>" text "</p></div>"
#define REF(n) "<a class=\"nootnum\" href=\"#n" #n "\">" #n "</a>"
#define NOTE(n, text) "<div class=\"voet noot\"><sup><span class=\"nootnum\">" #n "</span></sup><p>" text "</p></div>"

/* Runs ah_verify on doc, checks the count it returns against the findings
 * collected and the findings against `want`. */
static void check_verify(ah_doc *doc, const char *want) {
  if (!doc) return;
  findings f = {{0}, 0};
  size_t count = ah_verify(doc, collect, &f);
  CHECK_INT(count, f.n);
  CHECK_STR(f.text, want);
  /* without a callback the count is the same */
  CHECK_INT(ah_verify(doc, NULL, NULL), count);
  ah_doc_free(doc);
}

static void test_clean_document(void) {
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?" REF(1)) A("Antwoord 1", "Daarom.")
                                    V("Vraag 2 en 3", "Hoe? Wanneer?") A("Antwoord 2 en 3", "Zo, morgen."),
                    NOTE(1, "Een bron.")),
               "");
  CHECK_INT(ah_verify(NULL, collect, NULL), 0);
}

static void test_numbering_gap(void) {
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom.") V("Vraag 3", "Hoe?")
                                    A("Antwoord 3", "Zo.") V("Vraag 4", "Wie?") A("Antwoord 4", "Zij."),
                    ""),
               "vraag|number 2 missing (numbers run to 4)\n"
               "antwoord|number 2 missing (numbers run to 4)\n");
  /* the gap at the very start: Vraag 1 and its Antwoord lost */
  check_verify(page(NULL, NULL, V("Vraag 2", "Hoe?") A("Antwoord 2", "Zo.") V("Vraag 3", "Wie?") A("Antwoord 3", "Zij."),
                    ""),
               "vraag|number 1 missing (numbers run to 3)\n"
               "antwoord|number 1 missing (numbers run to 3)\n");
  /* a combined label covers its numbers: no gap */
  check_verify(page(NULL, NULL, V("Vraag 1, 2 en 3", "Drie vragen.") A("Antwoord 1 tot en met 3", "Drie antwoorden."),
                    ""),
               "");
}

static void test_duplicate(void) {
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") V("Vraag 2 en 3", "Hoe? Wanneer?") V("Vraag 3", "Nog eens?")
                                    A("Antwoord 1", "Daarom.") A("Antwoord 2 en 3", "Zo, morgen."),
                    ""),
               "Vraag 3|vraag number 3 appears twice\n");
}

static void test_unanswered(void) {
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") V("Vraag 2", "Hoe?") A("Antwoord 1", "Daarom."), ""),
               "Vraag 2|no antwoord for vraag 2\n");
  /* and the reverse: an antwoord whose vraag is not there */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom.") A("Antwoord 2", "Ook."), ""),
               "Antwoord 2|no vraag 2 for this antwoord\n");
  /* a mededeling stands in for the answers */
  check_verify(page(NULL,
                    "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (VVD) aan de Minister van "
                    "Financiën over de muntenpers (ingezonden 2 juni 2025).</h1>"
                    "<h1 class=\"kamervraagomschrijving_kop\">Mededeling van Minister Heijnen (Financiën) (ontvangen "
                    "23 juni 2025).</h1>",
                    V("Vraag 1", "Waarom?") V("Vraag 2", "Hoe?")
                        "<div class=\"kamervraagopmerking\"><p>De beantwoording duurt langer.</p></div>",
                    ""),
               "");
  /* a section with its label and nothing else */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") "<div class=\"antwoord\"><h2 class=\"stuktitel\">Antwoord 1</h2></div>",
                    ""),
               "Antwoord 1|no text\n");
}

/* Markup has no pages to lose: an HTML page whose last paragraph stops
 * mid-sentence is not judged (a PDF's is: tests/regression,
 * pdf-last-page-missing). */
static void test_ending(void) {
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom zijn wij met de gemeente in gesprek over"),
                    ""),
               "");
}

static void test_notes(void) {
  /* a marker whose note is missing */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom" REF(1) "?") A("Antwoord 1", "Daarom" REF(2) "."),
                    NOTE(1, "Een bron.")),
               "Antwoord 1|marker 2 has no note\n");
  /* a note no marker refers to */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom" REF(1) "?") A("Antwoord 1", "Daarom."),
                    NOTE(1, "Een bron.") NOTE(2, "Een vergeten bron.")),
               "noot 2|no marker refers to this note\n");
  /* a note number printed twice */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom" REF(1) "?") A("Antwoord 1", "Daarom."),
                    NOTE(1, "Een bron.") NOTE(1, "Nog een bron.")),
               "noot 1|note number appears twice\n");
  /* the gap at the very start: note 1 lost with its marker, notes 2 and 3
   * kept (a check counting from 2 would see nothing) */
  check_verify(page(NULL, NULL, V("Vraag 1", "Waarom" REF(2) "?") A("Antwoord 1", "Daarom" REF(3) "."),
                    NOTE(2, "Een bron.") NOTE(3, "Nog een bron.")),
               "noten|note number 1 missing (numbers run to 3)\n");
}

static void test_missing_metadata(void) {
  check_verify(page("",
                    "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (VVD) aan de Minister van "
                    "Financiën over de muntenpers.</h1>"
                    "<h1 class=\"kamervraagomschrijving_kop\">Antwoord van Minister Heijnen (Financiën).</h1>",
                    V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom."), ""),
               "aanhangsel|no publication id\n"
               "aanhangsel|no Aanhangsel number\n"
               "aanhangsel|no vergaderjaar\n"
               "omschrijving vraag|no date of sending in (ingezonden)\n"
               "omschrijving antwoord|no date of receipt (ontvangen)\n");
  /* not yet answered: no receipt date is expected */
  check_verify(page(NULL,
                    "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (VVD) aan de Minister van "
                    "Financiën over de muntenpers (ingezonden 2 juni 2025).</h1>",
                    V("Vraag 1", "Waarom?"), ""),
               "Vraag 1|no antwoord for vraag 1\n");
}

/* ---- two renditions ----------------------------------------------------- */

static void check_compare(ah_doc *a, ah_doc *b, const char *want) {
  if (!a || !b) {
    ah_doc_free(a);
    ah_doc_free(b);
    return;
  }
  findings f = {{0}, 0};
  size_t count = ah_compare(a, b, collect, &f);
  CHECK_INT(count, f.n);
  CHECK_STR(f.text, want);
  CHECK_INT(ah_compare(a, b, NULL, NULL), count);
  ah_doc_free(a);
  ah_doc_free(b);
}

#define Q1M(word, more) \
  V("Vraag 1", "Bent u bekend" more " met het bericht «Nieuwe sluizen " word "» en met het rapport?" REF(1))
#define Q1(word) Q1M(word, "")
#define ANSWERS A("Antwoord 1", "Ja.") V("Vraag 2", "Wat kost het?") A("Antwoord 2", "Veel.")

static void test_compare_same(void) {
  check_compare(page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron.")),
                page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron.")), "");
  /* NULL documents: nothing to compare */
  ah_doc *a = page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron."));
  CHECK_INT(ah_compare(a, NULL, collect, NULL), 0);
  CHECK_INT(ah_compare(NULL, a, collect, NULL), 0);
  ah_doc_free(a);
}

static void test_compare_changed_word(void) {
  check_compare(page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron.")),
                page(NULL, NULL, Q1("versneld") ANSWERS, NOTE(1, "Een bron.")),
                "Vraag 1|text differs at word 9: A has \"… bericht «Nieuwe sluizen [vertraagd»] en met het …\", "
                "B has \"… bericht «Nieuwe sluizen [versneld»] en met het …\"\n");
  /* in a note, and in the omschrijving with its party */
  check_compare(page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Kamerstuk 36 600 A, nr. 2.")),
                page(NULL,
                     "<h1 class=\"kamervraagomschrijving_kop\">Vragen van het lid Aksoy (CDA) aan de Minister van "
                     "Financiën over de muntenpers (ingezonden 2 juni 2025).</h1>"
                     "<h1 class=\"kamervraagomschrijving_kop\">Antwoord van Minister Heijnen (Financiën) (ontvangen 23 "
                     "juni 2025).</h1>",
                     Q1("vertraagd") ANSWERS, NOTE(1, "Kamerstuk 36 600 A, nr. 3.")),
                "vragenstellers|A has \"Aksoy (VVD)\", B has \"Aksoy (CDA)\"\n"
                "omschrijving vraag|text differs at word 6: A has \"… het lid Aksoy [(VVD)] aan de Minister …\", "
                "B has \"… het lid Aksoy [(CDA)] aan de Minister …\"\n"
                "noot 1|text differs at word 6: A has \"… 600 A, nr. [2.]\", B has \"… 600 A, nr. [3.]\"\n");
}

static void test_compare_extra_note(void) {
  /* B has a second marker, after "bekend", and its note.  (Not right after
   * marker 1: two adjacent a.nootnum markers are read as one, "12".) */
  check_compare(page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron.")),
                page(NULL, NULL, Q1M("vertraagd", REF(2)) ANSWERS, NOTE(1, "Een bron.") NOTE(2, "Nog een bron.")),
                "Vraag 1|text differs at word 3: A has \"Bent u [bekend] met het bericht …\", "
                "B has \"Bent u [bekend[^2]] met het bericht …\"\n"
                "noot 2|only in B\n");
  /* the same the other way round */
  check_compare(page(NULL, NULL, A("Antwoord 1", "Ja.") V("Vraag 1", "Wat?"), NOTE(1, "Een bron.")),
                page(NULL, NULL, A("Antwoord 1", "Ja.") V("Vraag 1", "Wat?"), ""),
                "noot 1|only in A\n");
}

static void test_compare_renumbered(void) {
  check_compare(page(NULL, NULL, V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom.") V("Vraag 2", "Hoe?")
                                     A("Antwoord 2", "Zo."),
                     ""),
                page("<meta name=\"DC.identifier\" content=\"ah-tk-20252026-8802\">", NULL,
                     V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom.") V("Vraag 3", "Hoe?") A("Antwoord 3", "Zo."),
                     ""),
                "id|A has \"ah-tk-20252026-8801\", B has \"ah-tk-20252026-8802\"\n"
                "nummer|A has \"8801\", B has \"8802\"\n"
                "Vraag 2|only in A\n"
                "Antwoord 2|only in A\n"
                "Vraag 3|only in B\n"
                "Antwoord 3|only in B\n");
  /* the same numbers under another label still pair up */
  check_compare(page(NULL, NULL, V("Vraag 1 en 2", "Waarom? Hoe?") A("Antwoord 1 en 2", "Daarom."), ""),
                page(NULL, NULL, V("Vraag 1, 2", "Waarom? Hoe?") A("Antwoord 1 t/m 2", "Daarom."), ""), "");
}

/* The same findings as data: class, the nodes concerned, the differing
 * words as indexes into the compared text, and where the blocks stand. */
typedef struct {
  char text[2048];
} ex_findings;

static void collect_ex(const ah_finding *f, void *user) {
  ex_findings *e = user;
  size_t len = strlen(e->text), first = 0, count = 0;
  const ah_node *a = ah_finding_get_node(f, 0), *b = ah_finding_get_node(f, 1);
  snprintf(e->text + len, sizeof e->text - len, "%s|%s|%s|%s", ah_finding_class_string(ah_finding_get_class(f)),
           ah_finding_get_element(f), a ? ah_node_type_string(ah_node_get_type(a)) : "-",
           b ? ah_node_type_string(ah_node_get_type(b)) : "-");
  for (int side = 0; side < 2 && ah_finding_get_words(f, side, &first, &count); side++) {
    len = strlen(e->text);
    snprintf(e->text + len, sizeof e->text - len, "|%zu+%zu", first, count);
  }
  len = strlen(e->text);
  snprintf(e->text + len, sizeof e->text - len, "\n");
}

static void test_findings_as_data(void) {
  ah_doc *a = page(NULL, NULL, Q1("vertraagd") ANSWERS, NOTE(1, "Een bron."));
  ah_doc *b = page(NULL, NULL, Q1("versneld") ANSWERS, "");
  if (!a || !b) return;
  ex_findings e = {{0}};
  CHECK_INT(ah_compare_ex(a, b, collect_ex, &e), 2);
  CHECK_STR(e.text, "text|Vraag 1|vraag|vraag|8+1|8+1\n"
                    "missing|noot 1|noot|-\n");
  /* an HTML block knows its element: the first paragraph of Vraag 1 */
  const ah_node *vraag = ah_node_next(ah_node_next(ah_node_first_child(ah_doc_root(a))));
  const ah_node *al = ah_node_next(ah_node_first_child(vraag));
  CHECK_INT(ah_node_get_type(al), AH_NODE_PARAGRAPH);
  CHECK_INT(ah_node_get_source_line(al), 1);
  CHECK_STR(ah_node_get_source_path(al), "/html/body/div/div[1]/p");
  CHECK_INT(ah_node_get_box_count(al), 0);
  CHECK_INT(ah_node_get_box(al, 0, NULL, NULL, NULL, NULL), 0);
  memset(&e, 0, sizeof e);
  CHECK_INT(ah_verify_ex(b, collect_ex, &e), 1);
  CHECK_STR(e.text, "notes|Vraag 1|vraag|-\n");
  ah_doc_free(a);
  ah_doc_free(b);
}

/* The report of n renditions: 1 to 3, no NULL document; with three, each
 * finding says its pair and the findings against C are on the page. */
static void test_report_n(void) {
  ah_doc *a = page(NULL, NULL, V("Vraag 1", "Waarom?") A("Antwoord 1", "Daarom."), "");
  ah_doc *c = page(NULL, NULL, V("Vraag 1", "Waarom niet?") A("Antwoord 1", "Daarom."), "");
  const ah_doc *docs[4] = {a, a, c, a};
  const char *names[3] = {"a.html", "b.html", "c.html"};
  ah_error err = {0};
  size_t n = 99, len = 0;
  CHECK(ah_render_report_html_n(docs, names, 0, &n, &len, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  CHECK(ah_render_report_html_n(docs, names, 4, &n, &len, &err) == NULL);
  CHECK(ah_render_report_html_n(NULL, names, 1, &n, &len, &err) == NULL);
  const ah_doc *with_null[2] = {a, NULL};
  CHECK(ah_render_report_html_n(with_null, NULL, 2, &n, &len, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  char *html = ah_render_report_html_n(docs, names, 3, &n, &len, &err);
  CHECK(html != NULL);
  if (html) {
    CHECK_INT(n, 1);
    CHECK(strstr(html, "<dt>Rendition C</dt><dd>c.html") != NULL);
    CHECK(strstr(html, "<span class=\"cls\">A vs C</span></h3>") != NULL);
    CHECK(strstr(html, "<h4>C: c.html</h4>") != NULL);
    CHECK(strstr(html, "A vs B") == NULL);
    free(html);
  }
  /* two renditions through the old entry point: no pair named */
  html = ah_render_report_html(a, c, "a.html", "c.html", &n, &len, &err);
  CHECK(html != NULL && strstr(html, "A vs") == NULL && strstr(html, "<h4>B: c.html</h4>") != NULL);
  free(html);
  ah_doc_free(a);
  ah_doc_free(c);
}

int main(void) {
  test_clean_document();
  test_numbering_gap();
  test_duplicate();
  test_unanswered();
  test_ending();
  test_notes();
  test_missing_metadata();
  test_compare_same();
  test_compare_changed_word();
  test_compare_extra_note();
  test_compare_renumbered();
  test_findings_as_data();
  test_report_n();
  return harness_report();
}
