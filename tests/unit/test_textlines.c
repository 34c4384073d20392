/* Unit tests of the reader for pages of printed lines (textlines.c: a
 * pdftohtml preview, one <br/> per line), through the public API only. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include "harness.h"
#include "api_helpers.h"

#include <stdlib.h>
#include <string.h>

/* Two printed pages as pdftohtml -i -noframes writes them. */
static const char preview[] =
    "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\" xml:lang=\"\">\n<head>\n"
    "<title>Antwoord op vragen over oefenterreinen</title>\n"
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/>\n</head>\n"
    "<body bgcolor=\"#A0A0A0\" vlink=\"blue\" link=\"blue\">\n"
    "<a name=1></a><b>Tweede Kamer der Staten-Generaal</b><br/>\n"
    "<b>2</b><br/>\n"
    "Vergaderjaar 2025–2026<br/>\n"
    "<b>Aanhangsel van de Handelingen</b><br/>\n"
    "<b>Vragen gesteld door de leden der Kamer, met de daarop door de</b><br/>\n"
    "<b>regering gegeven antwoorden</b><br/>\n"
    "<b>8700</b><br/>\n"
    "Vragen van het lid&#160;<b>Kok</b>&#160;(SP) aan de Minister van Defensie over<br/>\n"
    "<i>oefenterreinen</i>&#160;(ingezonden 3 maart 2025).<br/>\n"
    "Antwoord van Minister&#160;<b>Peters</b>&#160;(Defensie) (ontvangen 21 maart<br/>\n"
    "2025).<br/>\n"
    "Vraag 1<br/>\n"
    "Kent u het onderzoek1&#160;van een Ameri-<br/>\n"
    "kaanse universiteit naar oefenterreinen in Zuid-<br/>\n"
    "Holland?<br/>\n"
    "Antwoord 1<br/>\n"
    "Ja. De uitstoot van CO2 staat in de brief van 3 juni<br/>\n"
    "20252.&#160;Het terrein valt onder de nieuwe wetgeving3.<br/>\n"
    "12&#160;kilometer hek wordt vernieuwd.<br/>\n"
    "Vraag 2 en 3<br/>\n"
    "Wat kost het de tbs-<br/>\n"
    "klinieken, de ggz-<br/>\n"
    "instellingen en de verduur-<br/>\n"
    "zaming? Wie betaalt?<br/>\n"
    "1&#160;Onderzoek naar oefenterreinen, 2024.<br/>\n"
    "2&#160;Kamerstuk 36 600 X, nr. 12.<br/>\n"
    "3&#160;Wet van 1 juli 2024 over de inrichting van<br/>\n"
    "oefenterreinen.<br/>\n"
    "ah-tk-20252026-8700<br/>\n"
    "ISSN 0921 - 7398<br/>\n"
    "’s-Gravenhage 2025<br/>\n"
    "Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel<br/>\n"
    "1<br/>\n"
    "<hr/>\n"
    "<a name=2></a>Antwoord 2 en 3<br/>\n"
    "Twee miljoen euro, uit de begroting van&#160;<br/>\n"
    "Defensie.<br/>\n"
    "Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel<br/>\n"
    "2<br/>\n"
    "<hr/>\n"
    "</body>\n</html>\n";

static ah_doc *open_preview(void) {
  ah_error err = {0};
  ah_doc *doc = open_html(preview, &err);
  CHECK(doc != NULL);
  CHECK_INT(err.code, AH_OK);
  return doc;
}

/* Masthead, colophon and running footer: their facts kept, their text out. */
static void test_furniture(void) {
  ah_doc *doc = open_preview();
  if (!doc) return;
  CHECK_STR(ah_doc_id(doc), "ah-tk-20252026-8700");
  CHECK_STR(ah_doc_kamer(doc), "tk");
  CHECK_STR(ah_doc_vergaderjaar(doc), "2025-2026");
  CHECK_INT(ah_doc_nummer(doc), 8700);
  CHECK_STR(ah_doc_ingezonden(doc), "2025-03-03");
  CHECK_STR(ah_doc_ontvangen(doc), "2025-03-21");
  ah_node *root = ah_doc_root(doc);
  CHECK_CHILD_TYPES(root, "omschrijving omschrijving vraag antwoord vraag antwoord noten");
  char *all = ah_node_text(root);
  CHECK(strstr(all, "Staten-Generaal") == NULL);
  CHECK(strstr(all, "Vergaderjaar") == NULL);
  CHECK(strstr(all, "Aanhangsel") == NULL);
  CHECK(strstr(all, "Vragen gesteld door") == NULL);
  CHECK(strstr(all, "ISSN") == NULL);
  CHECK(strstr(all, "Gravenhage") == NULL);
  CHECK(strstr(all, "ah-tk-") == NULL);
  CHECK(strstr(all, "8700") == NULL);
  free(all);
  /* the omschrijving starts after the masthead and runs over its lines */
  CHECK_TEXT(nth_child(root, AH_NODE_OMSCHRIJVING, 0),
             "Vragen van het lid Kok (SP) aan de Minister van Defensie over oefenterreinen (ingezonden 3 maart "
             "2025).");
  CHECK_TEXT(nth_child(root, AH_NODE_OMSCHRIJVING, 1),
             "Antwoord van Minister Peters (Defensie) (ontvangen 21 maart 2025).");
  CHECK_TEXT(nth_child(nth_child(root, AH_NODE_OMSCHRIJVING, 0), AH_NODE_VRAGENSTELLER, 0), "Kok");
  CHECK_TEXT(nth_child(nth_child(root, AH_NODE_OMSCHRIJVING, 1), AH_NODE_BEANTWOORDER, 0), "Peters");
  /* a paragraph broken by the page footer and page number runs on */
  CHECK_TEXT(nth_child(root, AH_NODE_ANTWOORD, 1), "Antwoord 2 en 3 Twee miljoen euro, uit de begroting van Defensie.");
  ah_doc_free(doc);
}

/* Printed lines back into one paragraph: a hyphen before a lowercase
 * continuation was a line-break hyphen, one before a capital is real. */
static void test_paragraph_joining(void) {
  ah_doc *doc = open_preview();
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  ah_node *v1 = nth_child(root, AH_NODE_VRAAG, 0);
  CHECK_CHILD_TYPES(v1, "label al");
  CHECK_TEXT(nth_child(v1, AH_NODE_PARAGRAPH, 0),
             "Kent u het onderzoek[^1] van een Amerikaanse universiteit naar oefenterreinen in Zuid-Holland?");
  ah_doc_free(doc);
}

/* Without the word list (AHCONV_WORDLIST=""), the rule from before it: a
 * hyphen before a lowercase word goes. */
static void test_joining_without_wordlist(void) {
  setenv("AHCONV_WORDLIST", "", 1);
  ah_doc *doc = open_preview();
  unsetenv("AHCONV_WORDLIST");
  if (!doc) return;
  CHECK_TEXT(nth_child(nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 1), AH_NODE_PARAGRAPH, 0),
             "Wat kost het de tbsklinieken, de ggzinstellingen en de verduurzaming? Wie betaalt?");
  ah_doc_free(doc);
}

/* "N&#160;text" with N the next note number is a note, up to the footer; its
 * marker is N glued to a word, a closing mark or a year before it. */
static void test_notes_and_markers(void) {
  ah_doc *doc = open_preview();
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  ah_node *a1 = nth_child(root, AH_NODE_ANTWOORD, 0);
  /* "12&#160;kilometer" is not note 12 (the next note is 2): body text, and
   * it runs on in the same paragraph */
  CHECK_CHILD_TYPES(a1, "label al");
  ah_node *al = nth_child(a1, AH_NODE_PARAGRAPH, 0);
  CHECK_TEXT(al, "Ja. De uitstoot van CO2 staat in de brief van 3 juni 2025[^2]. Het terrein valt onder de nieuwe "
                 "wetgeving[^3]. 12 kilometer hek wordt vernieuwd.");
  /* CO2 is a formula, not a marker: the 2 stays in the text */
  CHECK_CHILD_TYPES(al, "text noot-ref text noot-ref text");
  CHECK_STR(ah_node_get_literal(ah_node_first_child(al)), "Ja. De uitstoot van CO2 staat in de brief van 3 juni 2025");
  CHECK_INT(ah_node_get_note_number(nth_child(al, AH_NODE_NOTE_REF, 0)), 2);
  CHECK_INT(ah_node_get_note_number(nth_child(al, AH_NODE_NOTE_REF, 1)), 3);
  CHECK_STR(ah_node_get_literal(ah_node_last_child(al)), ". 12 kilometer hek wordt vernieuwd.");

  ah_node *noten = nth_child(root, AH_NODE_NOTEN, 0);
  CHECK_INT(count_children(noten), 3);
  CHECK_INT(ah_node_get_note_number(nth_child(noten, AH_NODE_NOOT, 0)), 1);
  CHECK_INT(ah_node_get_note_number(nth_child(noten, AH_NODE_NOOT, 1)), 2);
  CHECK_INT(ah_node_get_note_number(nth_child(noten, AH_NODE_NOOT, 2)), 3);
  CHECK_STR(ah_node_get_attr(nth_child(noten, AH_NODE_NOOT, 2), "n"), "3");
  CHECK_TEXT(nth_child(noten, AH_NODE_NOOT, 0), "Onderzoek naar oefenterreinen, 2024.");
  CHECK_TEXT(nth_child(noten, AH_NODE_NOOT, 1), "Kamerstuk 36 600 X, nr. 12.");
  /* a note runs over its lines */
  CHECK_TEXT(nth_child(noten, AH_NODE_NOOT, 2), "Wet van 1 juli 2024 over de inrichting van oefenterreinen.");
  CHECK_INT(count_type(root, AH_NODE_NOTE_REF), 3);
  /* a preview knows no pages */
  CHECK_INT(ah_node_get_page_first(nth_child(noten, AH_NODE_NOOT, 0)), 0);
  ah_doc_free(doc);
}

/* A label on a line of its own starts a section; the same words inside a
 * line of text do not. */
static void test_labels(void) {
  ah_doc *doc = open_preview();
  if (!doc) return;
  ah_node *root = ah_doc_root(doc);
  CHECK_NUMBERS(nth_child(root, AH_NODE_VRAAG, 0), "1");
  CHECK_NUMBERS(nth_child(root, AH_NODE_ANTWOORD, 0), "1");
  ah_node *v2 = nth_child(root, AH_NODE_VRAAG, 1);
  CHECK_NUMBERS(v2, "2 3");
  CHECK_TEXT(nth_child(v2, AH_NODE_LABEL, 0), "Vraag 2 en 3");
  CHECK_TEXT(nth_child(v2, AH_NODE_PARAGRAPH, 0),
             "Wat kost het de tbs-klinieken, de ggz-instellingen en de verduurzaming? Wie betaalt?");
  /* the label at the top of page 2 */
  ah_node *a2 = nth_child(root, AH_NODE_ANTWOORD, 1);
  CHECK_NUMBERS(a2, "2 3");
  CHECK_TEXT(nth_child(a2, AH_NODE_LABEL, 0), "Antwoord 2 en 3");
  ah_doc_free(doc);

  /* lines in markup without a masthead: not a preview, but each <br/> still
   * ends a line, so a label alone on its line is found */
  static const char lines[] =
      "<html><body><p>Vragen van het lid Bos (CDA) aan de Minister van Financiën over munten (ingezonden 2 juni "
      "2025).<br/>Antwoord van Minister Heijnen (Financiën) (ontvangen 23 juni 2025).</p>"
      "<p>Vraag 1<br/>Waarom wordt Vraag 1 zo gesteld?<br/>Antwoord 1<br/>Omdat het een Ameri-<br/>kaanse "
      "gewoonte is uit Zuid-<br/>Holland.</p>"
      "<p>Vraag 2, 3, 4 en 5<br/>En de rest?</p><p>Antwoord 2 t/m 5<br/>Volgt.</p></body></html>";
  ah_error err = {0};
  doc = open_html(lines, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  root = ah_doc_root(doc);
  CHECK_CHILD_TYPES(root, "omschrijving omschrijving vraag antwoord vraag antwoord");
  CHECK_TEXT(nth_child(root, AH_NODE_VRAAG, 0), "Vraag 1 Waarom wordt Vraag 1 zo gesteld?");
  CHECK_TEXT(nth_child(nth_child(root, AH_NODE_ANTWOORD, 0), AH_NODE_PARAGRAPH, 0),
             "Omdat het een Amerikaanse gewoonte is uit Zuid-Holland.");
  CHECK_NUMBERS(nth_child(root, AH_NODE_VRAAG, 1), "2 3 4 5");
  CHECK_NUMBERS(nth_child(root, AH_NODE_ANTWOORD, 1), "2 3 4 5");
  CHECK_TEXT(nth_child(root, AH_NODE_ANTWOORD, 1), "Antwoord 2 t/m 5 Volgt.");
  CHECK_STR(ah_doc_ontvangen(doc), "2025-06-23");
  ah_doc_free(doc);
}

/* An address broken at line end goes on without a space. */
static void test_broken_address(void) {
  static const char page[] =
      "<html><body>\n"
      "<b>Tweede Kamer der Staten-Generaal</b><br/>\nVergaderjaar 2024–2025<br/>\n"
      "<b>Aanhangsel van de Handelingen</b><br/>\n<b>8701</b><br/>\n"
      "Vragen van het lid&#160;<b>Kok</b>&#160;(SP) aan de Minister van Defensie over hekken (ingezonden<br/>\n"
      "3 maart 2025).<br/>\n"
      "Vraag 1<br/>\n"
      "Kent u https://www.example.org/defensie/<br/>\n"
      "oefenterreinen-en-hekken-<br/>\n"
      "rapport.pdf en het verslag?<br/>\n"
      "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel<br/>\n1<br/>\n<hr/>\n</body></html>\n";
  ah_error err = {0};
  ah_doc *doc = open_html(page, &err);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_INT(ah_doc_nummer(doc), 8701);
  CHECK_STR(ah_doc_vergaderjaar(doc), "2024-2025");
  CHECK(ah_doc_id(doc) == NULL);
  ah_node *al = nth_child(nth_child(ah_doc_root(doc), AH_NODE_VRAAG, 0), AH_NODE_PARAGRAPH, 0);
  CHECK_CHILD_TYPES(al, "text url text");
  CHECK_TEXT(nth_child(al, AH_NODE_URL, 0), "https://www.example.org/defensie/oefenterreinen-en-hekken-rapport.pdf");
  CHECK_TEXT(al, "Kent u https://www.example.org/defensie/oefenterreinen-en-hekken-rapport.pdf en het verslag?");
  ah_doc_free(doc);
}

int main(void) {
  test_furniture();
  test_paragraph_joining();
  test_joining_without_wordlist();
  test_notes_and_markers();
  test_labels();
  test_broken_address();
  return harness_report();
}
