/* Unit tests of source_ownxml.c: ahconv's own XML read back into the tree,
 * exactly, and nothing else read at all. */
#include "harness.h"
#include "source_ownxml.h"

#include <stdlib.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<aanhangsel xmlns=\"urn:ahconv:aanhangsel:1\" versie=\"1\" id=\"ah-tk-20232024-2210\" kamer=\"tk\" " \
             "vergaderjaar=\"2023-2024\" nummer=\"2210\">\n"
#define BRON "  <bron formaat=\"pdf\" paginas=\"2\" converter=\"ahconv 0.1.0\"/>\n"

static const char GOOD[] = HEAD ROOT BRON
    "  <omschrijving type=\"vraag\">Vragen van het lid <vragensteller partij=\"VVD\">Erkens</vragensteller> aan de "
    "<ontvanger>Minister van Klimaat</ontvanger> over <onderwerp>de corridor</onderwerp> (ingezonden "
    "<datum iso=\"2024-07-02\">2 juli 2024</datum>).</omschrijving>\n"
    "  <omschrijving type=\"antwoord\">Antwoord van <beantwoorder functie=\"Minister\" ministerie=\"Klimaat\">Hermans"
    "</beantwoorder> (ontvangen <datum iso=\"2024-07-23\">23 juli 2024</datum>).</omschrijving>\n"
    "  <vraag nummers=\"2 3\" pagina=\"1-2\">\n    <label>Vraag 2 en 3</label>\n"
    "    <al>Hoe &amp; waarom<noot-ref n=\"1\"/> CO<sub>2</sub>?</al>\n"
    "    <lijst>\n      <li>een</li>\n    </lijst>\n"
    "    <tabel>\n      <rij>\n        <cel>a</cel>\n        <cel>b</cel>\n      </rij>\n    </tabel>\n  </vraag>\n"
    "  <noten>\n    <noot n=\"1\" pagina=\"2\">\n      <al>Zie <url>https://example.org/a</url></al>\n    </noot>\n"
    "  </noten>\n</aanhangsel>\n";

static int read(const char *xml, ah_node **root, ah_docmeta *meta, ah_dates *dates, ah_ownxml_source *src) {
  *root = ah_node_new(AH_NODE_DOCUMENT);
  *meta = (ah_docmeta){0};
  memset(dates, 0, sizeof *dates);
  return ah_source_ownxml(xml, strlen(xml), *root, meta, dates, src);
}

static void test_good(void) {
  ah_node *root;
  ah_docmeta meta;
  ah_dates dates;
  ah_ownxml_source src;
  CHECK_INT(read(GOOD, &root, &meta, &dates, &src), 0);
  CHECK_STR(meta.id, "ah-tk-20232024-2210");
  CHECK_INT(meta.nummer, 2210);
  CHECK_INT(meta.pages, 2);
  CHECK_INT(meta.session.first, 2023);
  CHECK_STR(src.converter, "ahconv 0.1.0");
  CHECK_STR(dates.sent, "2024-07-02");
  CHECK_STR(dates.received, "2024-07-23");
  const ah_node *vraag = root->first->next->next;
  CHECK_INT(vraag->type, AH_NODE_VRAAG);
  CHECK_INT(vraag->as.numbers.n, 2);
  CHECK_INT(vraag->page_first, 1);
  CHECK_INT(vraag->page_last, 2);
  char *text = ah_node_text(vraag->first->next);
  CHECK_STR(text, "Hoe & waarom[^1] CO2?");
  free(text);
  const ah_node *noot = root->last->first;
  CHECK_INT(noot->as.note.number, 1);
  CHECK_STR(ah_node_get_attr(root->first->first->next, "partij"), "VVD");
  CHECK_INT(ah_node_check(root, NULL), 0);
  ah_node_free_tree(root);
  ah_docmeta_free(&meta);
  ah_ownxml_source_free(&src);
}

/* GOOD with `from` replaced by `to`: must not read. */
static void refused(const char *from, const char *to) {
  const char *at = strstr(GOOD, from);
  CHECK(at != NULL);
  if (!at) return;
  size_t n = strlen(GOOD) + strlen(to) + 1;
  char *xml = malloc(n);
  snprintf(xml, n, "%.*s%s%s", (int)(at - GOOD), GOOD, to, at + strlen(from));
  ah_node *root;
  ah_docmeta meta;
  ah_dates dates;
  ah_ownxml_source src;
  int rc = read(xml, &root, &meta, &dates, &src);
  if (rc == 0) fprintf(stderr, "read although %s became %s\n", from, to);
  CHECK_INT(rc, -1);
  ah_node_free_tree(root);
  ah_docmeta_free(&meta);
  ah_ownxml_source_free(&src);
  free(xml);
}

/* A document of a bundle says its pages in the file (bron pagina-van,
 * pagina-tot): its XML reads back, as its clean PDF needs it to. */
static void test_bundle_document(void) {
  const char *from = "paginas=\"2\"";
  const char *at = strstr(GOOD, from);
  CHECK(at != NULL);
  if (!at) return;
  char xml[4096];
  snprintf(xml, sizeof xml, "%.*s%s%s", (int)(at - GOOD), GOOD, "paginas=\"2\" pagina-van=\"4\" pagina-tot=\"5\"",
           at + strlen(from));
  ah_node *root;
  ah_docmeta meta;
  ah_dates dates;
  ah_ownxml_source src;
  CHECK_INT(read(xml, &root, &meta, &dates, &src), 0);
  CHECK_INT(meta.pages, 2);
  CHECK_INT(src.page_first, 4);
  CHECK_INT(src.page_last, 5);
  ah_node_free_tree(root);
  ah_docmeta_free(&meta);
  ah_ownxml_source_free(&src);
}

static void test_refused(void) {
  refused("paginas=\"2\"", "paginas=\"2\" pagina-van=\"x\""); /* a bundle's page that is no number */
  refused("paginas=\"2\"", "paginas=\"2\" pagina-tot=\"0\"");
  refused("<label>", "<kop>");                                /* unknown element */
  refused("<al>Hoe", "<al stijl=\"x\">Hoe");                 /* unknown attribute */
  refused("versie=\"1\"", "versie=\"2\"");                    /* another version of the vocabulary */
  refused("urn:ahconv:aanhangsel:1", "urn:other");            /* another namespace */
  refused("<lijst>", "tekst<lijst>");                         /* text where only elements stand */
  refused("<label>", "<!-- x --><label>");                    /* a comment */
  refused(HEAD, HEAD "<!DOCTYPE aanhangsel [<!ENTITY e \"x\">]>\n"); /* a DTD */
  refused("nummers=\"2 3\"", "nummers=\"2 x\"");              /* numbers that do not read */
  refused("pagina=\"1-2\"", "pagina=\"2-1\"");                /* pages out of order */
  refused("<datum iso=\"2024-07-02\">", "<datum iso=\"2024-7-2\">");
  refused("<noot-ref n=\"1\"/>", "<noot-ref n=\"1\">1</noot-ref>");
  refused("<cel>a</cel>", "<al>a</al>");                      /* a tree the invariants refuse */
  refused("</aanhangsel>", "</aanhangsel><!-- after -->");
  refused("</al>\n    <lijst>", "</al");                      /* not well-formed */
}

int main(void) {
  test_good();
  test_bundle_document();
  test_refused();
  return harness_report();
}
