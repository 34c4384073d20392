/* Unit tests of meta.c: the omschrijving sentences to metadata elements. */
#include "harness.h"
#include "lexicon.h"
#include "meta.h"

#include <stdlib.h>

/* Text of the k-th child element of `type` below an omschrijving, or NULL. */
static const ah_node *nth(const ah_node *om, ah_node_type type, int k) {
  for (const ah_node *c = om->first; c; c = c->next)
    if (c->type == type && k-- == 0) return c;
  return NULL;
}
static const char *text_of(const ah_node *n) { return n && n->first ? n->first->as.literal : NULL; }

static char last_date[11];

static ah_node *omschrijving(const char *type, const char *sentence) {
  ah_node *om = ah_node_new(AH_NODE_OMSCHRIJVING);
  om->as.omschrijving = strcmp(type, "vraag") == 0 ? AH_OMSCHRIJVING_VRAAG : AH_OMSCHRIJVING_ANTWOORD;
  ah_meta_omschrijving(om, sentence, last_date);
  return om;
}

static void test_question_sentence(void) {
  ah_node *om = omschrijving("vraag",
      "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister van Sociale "
      "Zaken en Werkgelegenheid over de TOZO (ingezonden 3 juni 2021).");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 0)), "Van Weyenberg");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 1)), "Romke de Jong");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 2)), "Kat");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 2), "partij"), "D66");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 0), "partij"), "D66");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Minister van Sociale Zaken en Werkgelegenheid");
  CHECK(nth(om, AH_NODE_ONTVANGER, 1) == NULL);
  CHECK_STR(text_of(nth(om, AH_NODE_ONDERWERP, 0)), "de TOZO");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2021-06-03");
  CHECK_STR(last_date, "2021-06-03"); /* the date the sentence gives back */
  /* the sentence text survives: all children together give it back */
  char *all = ah_node_text(om);
  CHECK_STR(all, "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister van Sociale "
                 "Zaken en Werkgelegenheid over de TOZO (ingezonden 3 juni 2021).");
  free(all);
  ah_node_free_tree(om);
}

static void test_askers_typos(void) {
  ah_node *om = omschrijving("vraag",
      "Vragen van het lid Faber-van de Klashorst(PVV) aan de Minister Justitie en Veiligheid over x (ingezonden 6 mei 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 0)), "Faber-van de Klashorst");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 0), "partij"), "PVV");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Minister Justitie en Veiligheid");
  ah_node_free_tree(om);

  om = omschrijving("vraag", "Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris van "
                             "Financiën en de Minister van Sociale Zaken over iets (ingezonden 29 mei 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 0)), "Van Eijk");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 0), "partij"), "VVD");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 1)), "Aartsen");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 1), "partij"), "VVD");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Staatssecretaris van Financiën");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 1)), "Minister van Sociale Zaken");
  ah_node_free_tree(om);

  om = omschrijving("vraag", "Vragen van het lid Inge vanDijk (CDA) aan de Minister van X over y (ingezonden 1 mei 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 0)), "Inge van Dijk");
  ah_node_free_tree(om);
}

static void test_distributed_addressees(void) {
  ah_node *om = omschrijving("vraag", "Vragen van het lid A (SP) aan de Ministers van Buitenlandse Zaken en voor "
                                      "Buitenlandse Handel en Ontwikkelingssamenwerking over z (ingezonden 5 juni 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Minister van Buitenlandse Zaken");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 1)), "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking");
  ah_node_free_tree(om);

  om = omschrijving("vraag", "Vragen van het lid A (SP) aan de Staatssecretarissen van Volksgezondheid, Welzijn en "
                             "Sport en van Binnenlandse Zaken over z (ingezonden 5 juni 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Staatssecretaris van Volksgezondheid, Welzijn en Sport");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 1)), "Staatssecretaris van Binnenlandse Zaken");
  ah_node_free_tree(om);

  om = omschrijving("vraag", "Vragen van het lid A (SP) aan de Staatssecretaris en de Minister van Volksgezondheid, "
                             "Welzijn en Sport over z (ingezonden 21 juni 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Staatssecretaris van Volksgezondheid, Welzijn en Sport");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 1)), "Minister van Volksgezondheid, Welzijn en Sport");
  ah_node_free_tree(om);
}

static void test_answer_sentence(void) {
  ah_node *om = omschrijving("antwoord",
      "Antwoord van Staatssecretaris Gräper-van Koolwijk (Onderwijs, Cultuur en Wetenschap) (ontvangen 5 april 2024). "
      "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1379.");
  const ah_node *b = nth(om, AH_NODE_BEANTWOORDER, 0);
  CHECK_STR(text_of(b), "Gräper-van Koolwijk");
  CHECK_STR(ah_node_get_attr(b, "functie"), "Staatssecretaris");
  CHECK_STR(ah_node_get_attr(b, "ministerie"), "Onderwijs, Cultuur en Wetenschap");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2024-04-05");
  CHECK_STR(text_of(nth(om, AH_NODE_ZIE_OOK, 0)), "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1379");
  ah_node_free_tree(om);

  om = omschrijving("mededeling", "Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) "
                                  "(ontvangen (ontvangen 7 juni 2024).");
  CHECK_STR(text_of(nth(om, AH_NODE_BEANTWOORDER, 0)), "De Jonge");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2024-06-07");
  ah_node_free_tree(om);
}

/* The wording of older years: "Schriftelijke vragen", three askers each with a party. */
static void test_older_wording(void) {
  ah_node *om = omschrijving("vraag",
      "Schriftelijke vragen van de leden Kuik (CDA), Bikker (ChristenUnie) en Verkuijlen (VVD) aan de "
      "Staatssecretaris van Justitie en Veiligheid over het bericht «Centrum tegen Kinderhandel slaat alarm: "
      "«Pa of ma soms pooier eigen kind»» (ingezonden 20 oktober 2022).");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 0)), "Kuik");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 0), "partij"), "CDA");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 1)), "Bikker");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 1), "partij"), "ChristenUnie");
  CHECK_STR(text_of(nth(om, AH_NODE_VRAGENSTELLER, 2)), "Verkuijlen");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_VRAGENSTELLER, 2), "partij"), "VVD");
  CHECK_STR(text_of(nth(om, AH_NODE_ONTVANGER, 0)), "Staatssecretaris van Justitie en Veiligheid");
  CHECK_STR(text_of(nth(om, AH_NODE_ONDERWERP, 0)),
            "het bericht «Centrum tegen Kinderhandel slaat alarm: «Pa of ma soms pooier eigen kind»»");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2022-10-20");
  ah_node_free_tree(om);

  om = omschrijving("antwoord", "Antwoord van Staatssecretaris Van der Burg (Justitie en Veiligheid) (ontvangen "
                                "1 december 2022). Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 691.");
  CHECK_STR(text_of(nth(om, AH_NODE_BEANTWOORDER, 0)), "Van der Burg");
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2022-12-01");
  CHECK_STR(text_of(nth(om, AH_NODE_ZIE_OOK, 0)), "Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 691");
  ah_node_free_tree(om);
}

/* Found by the fuzzer: the addressees are only "de", the article's space
 * lies past their end; the range underflowed. */
static void test_addressee_only_article(void) {
  ah_node *om = omschrijving("vraag", "Vragen van het lid Vis (LMN) aan de (ingezonden 3 juni 2021).");
  CHECK(nth(om, AH_NODE_ONTVANGER, 0) == NULL);
  CHECK_STR(ah_node_get_attr(nth(om, AH_NODE_DATUM, 0), "iso"), "2021-06-03");
  char *all = ah_node_text(om);
  CHECK_STR(all, "Vragen van het lid Vis (LMN) aan de (ingezonden 3 juni 2021).");
  free(all);
  ah_node_free_tree(om);
}

int main(void) {
  test_addressee_only_article();
  test_older_wording();
  test_question_sentence();
  test_askers_typos();
  test_distributed_addressees();
  test_answer_sentence();
  return harness_report();
}
