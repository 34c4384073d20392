/* Unit tests of the publisher-XML reader (source_xml.c) and the metadata
 * record (registratie.c), through the public API only: a document in memory
 * goes in with ah_doc_open_memory, a record with ah_doc_read_metadata_*,
 * and the tree, the getters and the XML that come out are checked. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "api_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ah_doc *open_xml(const char *xml, ah_error *err) {
  return ah_doc_open_memory(xml, strlen(xml), "test.xml", AH_OPT_DEFAULT, err);
}

#define HEAD                                                                                          \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<officiele-publicatie><metadata>"                     \
  "<meta name=\"OVERHEIDop.externMetadataRecord\" scheme=\"\" "                                       \
  "content=\"https://example.org/ah-tk-20252026-8700/metadata.xml\"/></metadata><kamervragen>"      \
  "<kamervraagkop><tekstregel inhoud=\"vergaderjaar\">Vergaderjaar 2025-2026</tekstregel>"            \
  "<tekstregel inhoud=\"kameraanduiding\">Tweede Kamer der Staten-Generaal</tekstregel>"              \
  "<tekstregel inhoud=\"overig\">\n\t\tVragen gesteld door de leden der Kamer\n\t</tekstregel></kamervraagkop>" \
  "<kamervraagnummer>8700</kamervraagnummer>"                                                         \
  "<kamervraagomschrijving type=\"vraag\">Vragen van de leden <naam><achternaam>Aksoy</achternaam></naam> en " \
  "<naam><voornaam>Jan de </voornaam><achternaam>Bos</achternaam></naam> (beiden VVD) aan de Minister van " \
  "Financiën over <kamervraagonderwerp>de muntenpers</kamervraagonderwerp> (ingezonden <datum "      \
  "isodatum=\"2025-06-02\">2 juni 2025</datum>).</kamervraagomschrijving>"                            \
  "<kamervraagomschrijving type=\"antwoord\">Antwoord van Minister <naam><achternaam>Heijnen</achternaam></naam> " \
  "(<organisatie afkorting=\"FIN\">Financiën</organisatie>) (ontvangen <datum isodatum=\"2025-06-23\">23 juni " \
  "2025</datum>).</kamervraagomschrijving>"
#define TAIL "</kamervragen></officiele-publicatie>\n"

static const char rich[] = HEAD
    "<vraag><nr status=\"officieel\">Vraag 1</nr><al>Kent u het rapport<noot id=\"a1\" type=\"voet\"><noot.nr>1"
    "</noot.nr><noot.al>Rapport van de <nadruk type=\"cur\">Munt</nadruk>, mei 2025.</noot.al></noot> over de "
    "pers?</al></vraag>"
    "<antwoord><nr status=\"officieel\">Antwoord 1</nr><al>Ja, de uitstoot van CO<inf>2</inf> op 3 m<sup>2</sup>."
    "</al><al>Zie <extref doc=\"stb-2020-118\">Staatsblad 2020, 118</extref>.<noot id=\"a2\" type=\"voet\">"
    "<noot.nr>2</noot.nr><noot.al>Eerste alinea.</noot.al><noot.al><extref doc=\"https://example.org/x\">"
    "https://example.org/x</extref></noot.al></noot></al>"
    "<lijst type=\"ongemarkeerd\"><li><li.nr>\xE2\x80\xA2</li.nr><al>eerste punt;</al></li>"
    "<li><li.nr>2.</li.nr><al>tweede punt.</al></li></lijst>"
    "<tabel><tgroup cols=\"2\"><colspec colname=\"c1\"/><thead><row><entry><al>Jaar</al></entry>"
    "<entry><al>Bedrag</al></entry></row></thead><tbody><row><entry><al>2024</al></entry><entry><al>1 mln</al>"
    "</entry></row></tbody></tgroup></tabel></antwoord>"
    "<vraag><nr>Vraag 2 en 3</nr><al>Wat <onbekend>kost</onbekend> de pers?<?xpp afbm?></al></vraag>"
    "<antwoord><nr>Antwoord 2 en 3</nr><al>Twee<br/>miljoen.</al><tussenkop>Verder</tussenkop></antwoord>"
    TAIL;

static void test_rich_document(void) {
  ah_error err = {0};
  ah_doc *doc = open_xml(rich, &err);
  CHECK(doc != NULL);
  if (!doc) {
    fprintf(stderr, "  %s\n", err.message);
    return;
  }
  CHECK_STR(ah_doc_source_format(doc), "xml");
  CHECK_STR(ah_doc_id(doc), "ah-tk-20252026-8700");
  CHECK_STR(ah_doc_kamer(doc), "tk");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2025-2026");
  CHECK_INT(ah_doc_nummer(doc), 8700);
  CHECK_STR(ah_doc_ingezonden(doc), "2025-06-02");
  CHECK_STR(ah_doc_ontvangen(doc), "2025-06-23");
  CHECK_INT(ah_doc_has_registratie(doc), 0);
  CHECK_INT(ah_doc_lost_count(doc), 0);
  ah_node *root = ah_doc_root(doc);
  char *types = child_types(root);
  CHECK_STR(types, "omschrijving omschrijving vraag antwoord vraag antwoord noten");
  free(types);
  ah_node *om = nth_child(root, AH_NODE_OMSCHRIJVING, 0);
  CHECK_TEXT(nth_child(om, AH_NODE_VRAGENSTELLER, 1), "Jan de Bos");
  CHECK_TEXT(nth_child(om, AH_NODE_ONDERWERP, 0), "de muntenpers");
  ah_node *v1 = nth_child(root, AH_NODE_VRAAG, 0);
  CHECK_TEXT(nth_child(v1, AH_NODE_PARAGRAPH, 0), "Kent u het rapport[^1] over de pers?");
  ah_node *a1 = nth_child(root, AH_NODE_ANTWOORD, 0);
  CHECK_TEXT(nth_child(a1, AH_NODE_PARAGRAPH, 0), "Ja, de uitstoot van CO2 op 3 m2.");
  CHECK_INT(count_type(a1, AH_NODE_SUB), 1);
  CHECK_INT(count_type(a1, AH_NODE_SUP), 1);
  CHECK_TEXT(nth_child(a1, AH_NODE_PARAGRAPH, 1), "Zie Staatsblad 2020, 118.[^2]");
  ah_node *list = nth_child(a1, AH_NODE_LIST, 0);
  CHECK_INT(list ? count_children(list) : 0, 2);
  CHECK_TEXT(list ? nth_child(list, AH_NODE_ITEM, 0) : NULL, "eerste punt;");
  CHECK_TEXT(list ? nth_child(list, AH_NODE_ITEM, 1) : NULL, "2. tweede punt.");
  ah_node *table = nth_child(a1, AH_NODE_TABLE, 0);
  CHECK_INT(table ? count_children(table) : 0, 2);
  ah_node *v2 = nth_child(root, AH_NODE_VRAAG, 1);
  char *nums = numbers_of(v2);
  CHECK_STR(nums, "2 3");
  free(nums);
  CHECK_TEXT(nth_child(v2, AH_NODE_PARAGRAPH, 0), "Wat kost de pers?");
  ah_node *a2 = nth_child(root, AH_NODE_ANTWOORD, 1);
  CHECK_TEXT(nth_child(a2, AH_NODE_PARAGRAPH, 0), "Twee miljoen.");
  CHECK_TEXT(nth_child(a2, AH_NODE_PARAGRAPH, 1), "Verder");
  ah_node *noten = nth_child(root, AH_NODE_NOTEN, 0);
  CHECK_TEXT(noten ? nth_child(noten, AH_NODE_NOOT, 0) : NULL, "Rapport van de Munt, mei 2025.");
  CHECK_TEXT(noten ? nth_child(noten, AH_NODE_NOOT, 1) : NULL, "Eerste alinea. https://example.org/x");
  CHECK_INT(ah_verify(doc, NULL, NULL), 0);
  ah_doc_free(doc);
}

/* A mededeling: the heading "Mededeling" as an al or as kop/titel is no
 * text; another heading is. */
static void test_mededeling(void) {
  static const char *const forms[] = {"<al>Mededeling</al>", "<kop><titel>Mededeling</titel></kop>",
                                      "<kop><titel>Uitstel</titel></kop>"};
  static const char *const want[] = {"De vragen zijn beantwoord bij brief.", "De vragen zijn beantwoord bij brief.",
                                     "Uitstel De vragen zijn beantwoord bij brief."};
  for (int i = 0; i < 3; i++) {
    char xml[4096];
    snprintf(xml, sizeof xml,
             "<kamervragen><kamervraagnummer>5</kamervraagnummer><kamervraagomschrijving type=\"vraag\">Vragen van "
             "het lid Aksoy (VVD) aan de Minister van Financiën (ingezonden 2 juni 2025).</kamervraagomschrijving>"
             "<kamervraagomschrijving type=\"mededeling\">Mededeling van Minister Heijnen (Financiën) (ontvangen "
             "23 juni 2025).</kamervraagomschrijving><vraag><nr>Vraag 1</nr><al>Waarom?</al></vraag>"
             "<kamervraagopmerking>%s<al>De vragen zijn beantwoord bij brief.</al></kamervraagopmerking>"
             "</kamervragen>",
             forms[i]);
    ah_error err = {0};
    ah_doc *doc = open_xml(xml, &err);
    CHECK(doc != NULL);
    if (!doc) continue;
    ah_node *root = ah_doc_root(doc);
    ah_node *om = nth_child(root, AH_NODE_OMSCHRIJVING, 1);
    CHECK_STR(om ? ah_node_get_attr(om, "type") : NULL, "mededeling");
    ah_node *med = nth_child(root, AH_NODE_MEDEDELING, 0);
    CHECK_TEXT(med, want[i]);
    CHECK_INT(med ? count_type(med, AH_NODE_LABEL) : 1, 0);
    CHECK_INT(ah_doc_nummer(doc), 5);
    CHECK(ah_doc_id(doc) == NULL); /* no pointer, no record: the id is not printed */
    ah_doc_free(doc);
  }
}

static void count_note_findings(const char *element, const char *what, void *user) {
  (void)what;
  if (strstr(element, "noot")) ++*(int *)user;
}

/* Older markup: omschr, nummer, a nootref to a noot kept apart. */
static void test_older_markup(void) {
  static const char xml[] =
      "<kamervragen><omschr>Vragen van het lid Aksoy (VVD) aan de Minister van Financiën (ingezonden 2 juni "
      "2025).</omschr><vraag><nummer>Vraag 1</nummer><al>Klopt dat?<nootref refid=\"n9\"/></al></vraag>"
      "<antwoord><nummer>Antwoord 1</nummer><al>Ja.</al></antwoord>"
      "<noot id=\"n9\" type=\"voet\"><noot.nr>1</noot.nr><noot.al>Een bron.</noot.al></noot></kamervragen>";
  ah_error err = {0};
  ah_doc *doc = open_xml(xml, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  CHECK_TEXT(nth_child(nth_child(root, AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0), "Klopt dat?[^1]");
  CHECK_TEXT(nth_child(nth_child(root, AH_NODE_NOTEN, 0), AH_NODE_NOOT, 0), "Een bron.");
  int note_findings = 0;
  ah_verify(doc, count_note_findings, &note_findings);
  CHECK_INT(note_findings, 0); /* the marker found its note (no id or year printed: those are reported) */
  ah_doc_free(doc);
}

/* A nootref naming no noot: the marker is lost, and listed as lost. */
static void test_dangling_nootref(void) {
  static const char xml[] =
      "<kamervragen><omschr>Vragen van het lid Aksoy (VVD) aan de Minister van Financiën (ingezonden 2 juni "
      "2025).</omschr><vraag><nr>Vraag 1</nr><al>Klopt dat?<nootref refid=\"weg\"/></al></vraag>"
      "<antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord></kamervragen>";
  ah_error err = {0};
  ah_doc *doc = open_xml(xml, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_INT(ah_doc_lost_count(doc), 1);
  CHECK_INT(ah_doc_lost_kind(doc, 0), AH_LOST_MARKUP);
  CHECK_STR(ah_doc_lost_text(doc, 0, NULL), "(a note marker, nootref refid=\"weg\", naming no note of the document)");
  ah_doc_free(doc);
}

/* Entities are never expanded or fetched; what they stood for is reported. */
static void test_hostile(void) {
  static const char entity[] =
      "<?xml version=\"1.0\"?><!DOCTYPE kamervragen [<!ENTITY e \"geheim\"><!ENTITY f SYSTEM "
      "\"file:///etc/hostname\">]><kamervragen><vraag><nr>Vraag 1</nr><al>a &e; &f; b &amp; &#233;</al></vraag>"
      "</kamervragen>";
  ah_error err = {0};
  ah_doc *doc = open_xml(entity, &err);
  CHECK(doc != NULL);
  if (doc) {
    CHECK_TEXT(nth_child(nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0), "a b & \xC3\xA9");
    CHECK_INT(ah_doc_lost_count(doc), 2);
    CHECK_STR(ah_doc_lost_text(doc, 0, NULL), "&e; (an entity reference, not expanded)");
    CHECK_INT(ah_doc_lost_kind(doc, 1), AH_LOST_MARKUP);
    ah_doc_free(doc);
  }
  static const char broken[] = "<kamervragen><vraag><nr>Vraag 1</nr><al>open</vraag></kamervragen>";
  CHECK(open_xml(broken, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK(strncmp(err.message, "publisher XML: not well-formed (line 1: ", 40) == 0);
  static const char undefined[] = "<kamervragen><vraag><nr>Vraag 1</nr><al>&nergens;</al></vraag></kamervragen>";
  CHECK(open_xml(undefined, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  static const char other[] = "<officiele-publicatie><kamerstuk><al>Geen vragen.</al></kamerstuk></officiele-publicatie>";
  CHECK(open_xml(other, &err) == NULL);
  CHECK_INT(err.code, AH_ERROR_NOT_AANHANGSEL);
}

/* ---- the metadata record ------------------------------------------------- */

static const char gegevens[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata_gegevens>\n"
    "<metadata name=\"DC.title\" scheme=\"\" content=\"Antwoord op vragen over de muntenpers\"/>\n"
    "<metadata name=\"OVERHEIDop.indiener\" scheme=\"\" content=\"A. Aksoy\"/>\n"
    "<metadata name=\"OVERHEIDop.indiener\" scheme=\"\" content=\" J.  (Jan) de Bos \"/>\n"
    "<metadata name=\"OVERHEIDop.ontvanger\" scheme=\"\" content=\"H. Heijnen\"/>\n"
    "<metadata name=\"OVERHEIDop.vraagnummer\" scheme=\"\" content=\"2025Z01234\"/>\n"
    "<metadata name=\"OVERHEIDop.datumOntvangst\" scheme=\"DCTERMS.W3CDTF\" content=\"2025-06-23\"/>\n"
    "<metadata name=\"OVERHEID.category\" scheme=\"x\" content=\"Financiën | Munt\"/>\n"
    "<metadata name=\"DC.identifier\" scheme=\"OVERHEIDop.ParlID\" content=\"ah-tk-20252026-8700\"/>\n"
    "</metadata_gegevens>\n";

static const char owms[] =
    "<owms-metadata xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    "xmlns:overheid=\"http://standaarden.overheid.nl/owms/terms/\" "
    "xmlns:overheidop=\"http://standaarden.overheid.nl/oep/meta/\"><owmskern>"
    "<dcterms:identifier>ah-tk-20252026-8700</dcterms:identifier></owmskern><oep>"
    "<overheidop:vraagnummer>2025Z01234</overheidop:vraagnummer><overheidop:indiener>A. Aksoy</overheidop:indiener>"
    "<overheidop:datumOntvangst>2025-02-29</overheidop:datumOntvangst>"
    "<overheid:category scheme=\"x\">Financiën | Munt</overheid:category></oep></owms-metadata>";

static void test_record(void) {
  ah_error err = {0};
  ah_doc *doc = open_xml(rich, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_INT(ah_doc_read_metadata_memory(doc, gegevens, strlen(gegevens), &err), AH_OK);
  CHECK_INT(ah_doc_has_registratie(doc), 1);
  CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  CHECK_STR(ah_doc_datum_ontvangst(doc), "2025-06-23");
  CHECK_STR(ah_doc_ontvanger_naam(doc), "H. Heijnen");
  CHECK_STR(ah_doc_registratie_titel(doc), "Antwoord op vragen over de muntenpers");
  CHECK_INT(ah_doc_indiener_count(doc), 2);
  CHECK_STR(ah_doc_indiener(doc, 1), "J. (Jan) de Bos");
  CHECK(ah_doc_indiener(doc, 2) == NULL);
  CHECK_INT(ah_doc_categorie_count(doc), 1);
  CHECK_STR(ah_doc_categorie(doc, 0), "Financiën | Munt");
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, NULL, &err);
  CHECK(xml && strstr(xml, "<registratie vraagnummer=\"2025Z01234\" datum-ontvangst=\"2025-06-23\" "
                           "titel=\"Antwoord op vragen over de muntenpers\">\n    <indiener>A. Aksoy</indiener>"));
  CHECK(xml && strstr(xml, "<ontvanger-naam>H. Heijnen</ontvanger-naam>\n    <categorie>Financiën | Munt</categorie>"
                           "\n  </registratie>\n  <omschrijving"));
  free(xml);
  xml = ah_render_xml(doc, AH_OPT_NO_SOURCE, NULL, &err);
  CHECK(xml && !strstr(xml, "<registratie"));
  free(xml);
  /* the other form replaces the record; an impossible date is not kept */
  CHECK_INT(ah_doc_read_metadata_memory(doc, owms, strlen(owms), &err), AH_OK);
  CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  CHECK(ah_doc_datum_ontvangst(doc) == NULL);
  CHECK(ah_doc_ontvanger_naam(doc) == NULL);
  CHECK_INT(ah_doc_indiener_count(doc), 1);
  /* a record whose elements nest past the cap is refused whole, not read
   * in part (its deep indiener was skipped without a word) */
  {
    static char deep[4096];
    size_t n = (size_t)snprintf(deep, sizeof deep, "%s", "<owms-metadata xmlns:overheidop=\"http://standaarden.overheid.nl/oep/meta/\">"
                                                        "<oep><overheidop:vraagnummer>2025Z09999</overheidop:vraagnummer>");
    for (int i = 0; i < 210; i++) n += (size_t)snprintf(deep + n, sizeof deep - n, "<x>");
    n += (size_t)snprintf(deep + n, sizeof deep - n, "<overheidop:indiener>B. Diep</overheidop:indiener>");
    for (int i = 0; i < 210; i++) n += (size_t)snprintf(deep + n, sizeof deep - n, "</x>");
    n += (size_t)snprintf(deep + n, sizeof deep - n, "</oep></owms-metadata>");
    ah_error derr = {0};
    CHECK_INT(ah_doc_read_metadata_memory(doc, deep, n, &derr), AH_ERROR_FORMAT);
    CHECK_INT(derr.code, AH_ERROR_FORMAT);
    CHECK(strstr(derr.message, "metadata record nested deeper than 200 elements") != NULL);
    CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  }
  /* a record of another publication is refused and changes nothing */
  char other[sizeof gegevens];
  memcpy(other, gegevens, sizeof gegevens);
  memcpy(strstr(other, "8700\"/>"), "8701", 4);
  CHECK_INT(ah_doc_read_metadata_memory(doc, other, strlen(other), &err), AH_ERROR_FORMAT);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK_STR(err.message, "the metadata record is for ah-tk-20252026-8701, the document is ah-tk-20252026-8700");
  CHECK_INT(ah_doc_indiener_count(doc), 1);
  /* not a record */
  CHECK_INT(ah_doc_read_metadata_memory(doc, rich, strlen(rich), &err), AH_ERROR_FORMAT);
  CHECK_INT(err.code, AH_ERROR_FORMAT);
  CHECK_INT(ah_doc_read_metadata_memory(doc, "", 0, &err), AH_ERROR_EMPTY);
  CHECK_INT(err.code, AH_ERROR_EMPTY);
  CHECK_INT(ah_doc_read_metadata_memory(NULL, gegevens, strlen(gegevens), &err), AH_ERROR_USAGE);
  CHECK_INT(err.code, AH_ERROR_USAGE);
  /* NULL data is a misuse, whatever the length; the record stays */
  CHECK_INT(ah_doc_read_metadata_memory(doc, NULL, 3, &err), AH_ERROR_USAGE);
  CHECK_STR(err.message, "no data");
  CHECK_INT(ah_doc_indiener_count(doc), 1);
  /* success clears an error left by an earlier call */
  CHECK_INT(ah_doc_read_metadata_memory(doc, owms, strlen(owms), &err), AH_OK);
  CHECK_INT(err.code, AH_OK);
  CHECK_STR(err.message, "");
  ah_doc_free(doc);
  /* a record given as the input is named for what it is */
  CHECK(open_xml(gegevens, &err) == NULL);
  CHECK(strstr(err.message, "a metadata record, not a rendition") != NULL);
}

/* A document without an id takes the record's. */
static void test_record_gives_id(void) {
  static const char xml[] = "<kamervragen><vraag><nr>Vraag 1</nr><al>Waarom?</al></vraag></kamervragen>";
  ah_error err = {0};
  ah_doc *doc = open_xml(xml, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK(ah_doc_id(doc) == NULL);
  CHECK_INT(ah_doc_read_metadata_memory(doc, gegevens, strlen(gegevens), &err), AH_OK);
  CHECK_STR(ah_doc_id(doc), "ah-tk-20252026-8700");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2025-2026");
  CHECK_INT(ah_doc_nummer(doc), 8700);
  ah_doc_free(doc);
}

/* The record beside the input: X.metadata.xml, or the publisher's folders. */
static void test_record_beside(void) {
  char dir[] = "/tmp/ahconv-test-xml-XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(!"mkdtemp");
    return;
  }
  char path[256], meta[256];
  snprintf(path, sizeof path, "%s/ah-tk-20252026-8700.xml", dir);
  snprintf(meta, sizeof meta, "%s/ah-tk-20252026-8700.metadata.xml", dir);
  FILE *f = fopen(path, "w");
  fputs(rich, f);
  fclose(f);
  f = fopen(meta, "w");
  fputs(gegevens, f);
  fclose(f);
  ah_error err = {0};
  ah_doc *doc = ah_doc_open_file(path, AH_OPT_DEFAULT, &err);
  CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  CHECK_STR(ah_doc_metadata_file(doc), meta);
  ah_doc_free(doc);
  doc = ah_doc_open_file(path, AH_OPT_NO_METADATA_FILE, &err);
  CHECK(doc && !ah_doc_has_registratie(doc));
  ah_doc_free(doc);
  unlink(meta);
  /* …/<id>/1/xml/X.xml with …/<id>/1/metadata/metadata.xml */
  char sub[64], xmldir[128], metadir[128];
  snprintf(sub, sizeof sub, "%s/1", dir);
  snprintf(xmldir, sizeof xmldir, "%s/xml", sub);
  snprintf(metadir, sizeof metadir, "%s/metadata", sub);
  mkdir(sub, 0700), mkdir(xmldir, 0700), mkdir(metadir, 0700);
  char path2[300], meta2[300];
  snprintf(path2, sizeof path2, "%s/ah-tk-20252026-8700.xml", xmldir);
  snprintf(meta2, sizeof meta2, "%s/metadata.xml", metadir);
  rename(path, path2);
  f = fopen(meta2, "w");
  fputs(owms, f);
  fclose(f);
  doc = ah_doc_open_file(path2, AH_OPT_DEFAULT, &err);
  CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  CHECK_STR(ah_doc_metadata_file(doc), meta2);
  ah_doc_free(doc);
  unlink(meta2), unlink(path2), rmdir(metadir), rmdir(xmldir), rmdir(sub), rmdir(dir);
}

/* The HTML head carries the record too (read_meta_item). */
static void test_html_head(void) {
  static const char html[] =
      "<html><head><meta name=\"DC.identifier\" content=\"ah-tk-20252026-8700\">"
      "<meta name=\"OVERHEIDop.vraagnummer\" content=\"2025Z01234\">"
      "<meta name=\"OVERHEIDop.indiener\" content=\"A. Aksoy\"></head><body><div id=\"broodtekst\">"
      "<div class=\"vraag\"><h2 class=\"stuktitel\">Vraag 1</h2><p>Waarom?</p></div></div></body></html>";
  ah_error err = {0};
  ah_doc *doc = open_html(html, &err);
  CHECK(doc != NULL);
  CHECK_STR(ah_doc_vraagnummer(doc), "2025Z01234");
  CHECK_INT(ah_doc_indiener_count(doc), 1);
  CHECK(ah_doc_metadata_file(doc) == NULL);
  ah_doc_free(doc);
}

int main(void) {
  test_older_markup();
  test_dangling_nootref();
  test_rich_document();
  test_mededeling();
  test_hostile();
  test_record();
  test_record_gives_id();
  test_record_beside();
  test_html_head();
  return harness_report();
}
