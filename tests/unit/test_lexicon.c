/* Unit tests of lexicon.c, case by case: every recognizer of the domain,
 * what it accepts, what it refuses, and where its match ends. */
#include "harness.h"
#include "caps.h"
#include "lexicon.h"

#include <stdlib.h>

/* bytes matched by a scanner at s, -1 for no match */
static long matched(const char *s, const char *end) { return end ? (long)(end - s) : -1; }

static void test_pubids(void) {
  ah_pubid id;
  const char *s = "ah-tk-20232024-2210";
  CHECK_INT(matched(s, ah_scan_pubid(s, &id)), 19);
  CHECK_INT(id.kamer, AH_KAMER_TK);
  CHECK_INT(id.session.first, 2023);
  CHECK_INT(id.session.second, 2024);
  CHECK_INT(id.number, 2210);
  CHECK(!id.questions_only);
  s = "kv-ek-20202021-7";
  CHECK_INT(matched(s, ah_scan_pubid(s, &id)), 16);
  CHECK_INT(id.kamer, AH_KAMER_EK);
  CHECK(id.questions_only);
  CHECK_INT(id.number, 7);
  /* the number ends at the first non-digit */
  s = "ah-tk-20232024-2210.pdf";
  CHECK_INT(matched(s, ah_scan_pubid(s, &id)), 19);
  CHECK(!ah_is_pubid(s, &id));
  CHECK(ah_is_pubid("ah-ek-20232024-1", &id));
  /* refused: other prefixes and chambers, seven-digit years, no number */
  CHECK(!ah_scan_pubid("ah-xk-20232024-1", &id));
  CHECK(!ah_scan_pubid("stb-tk-20232024-1", &id));
  CHECK(!ah_scan_pubid("ah-tk-2023202-1", &id));
  CHECK(!ah_scan_pubid("ah-tk-20232024-", &id));
  CHECK(!ah_scan_pubid("ah-tk-20232024-123456789", &id)); /* over the cap */
  /* found inside a line, never inside a word */
  const char *start;
  s = "colofon ah-tk-20232024-878 ISSN";
  CHECK_INT(matched(s, ah_find_pubid(s, &id, &start)), 26);
  CHECK_INT(start - s, 8);
  CHECK(!ah_find_pubid("blah-tk-20232024-878", &id, &start));
}

static void test_chambers_and_sessions(void) {
  ah_kamer k;
  ah_session y;
  const char *s = "Tweede Kamer der Staten-Generaal";
  CHECK_INT(matched(s, ah_scan_chamber(s, &k)), 12);
  CHECK_INT(k, AH_KAMER_TK);
  CHECK(ah_is_masthead_chamber(s, &k));
  CHECK(ah_is_masthead_chamber("Eerste Kamer der Staten-Generaal", &k) && k == AH_KAMER_EK);
  CHECK(!ah_is_masthead_chamber("Tweede Kamer der Staten-Generaal, 2024", &k));
  CHECK_INT(ah_find_chamber("Eerste Kamer der Staten-Generaal"), AH_KAMER_EK);
  CHECK_INT(ah_find_chamber("Gemeenteraad"), AH_KAMER_UNKNOWN);
  CHECK_STR(ah_kamer_code(AH_KAMER_TK), "tk");
  CHECK_STR(ah_kamer_code(AH_KAMER_EK), "ek");
  CHECK(ah_kamer_code(AH_KAMER_UNKNOWN) == NULL);
  /* hyphen, en dash, em dash */
  CHECK_INT(matched("2023-2024", ah_scan_session("2023-2024", &y)), 9);
  CHECK_INT(matched("2023\xE2\x80\x93" "2024", ah_scan_session("2023\xE2\x80\x93" "2024", &y)), 11);
  CHECK_INT(y.first * 10000 + y.second, 20232024);
  CHECK(ah_scan_session("2023\xE2\x80\x94" "2024,", &y));
  CHECK(!ah_scan_session("2023/2024", &y));
  CHECK(!ah_scan_session("202-2024", &y));
  const char *start;
  s = "Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel";
  CHECK(ah_find_session(s, &y, &start));
  CHECK_INT(start - s, 27);
  char *str = ah_session_string(&y);
  CHECK_STR(str, "2020-2021");
  free(str);
}

static void test_labels(void) {
  ah_label lb;
  CHECK(ah_parse_label("Vraag 7, 8, 9 10 en 11", &lb));
  CHECK_INT(lb.kind, AH_LABEL_VRAAG);
  CHECK_INT(lb.numbers.n, 5);
  CHECK_INT(lb.numbers.items[0], 7);
  CHECK_INT(lb.numbers.items[4], 11);
  ah_ints_free(&lb.numbers);
  CHECK(ah_parse_label("Antwoord op vragen 4 tot en met 7", &lb));
  CHECK_INT(lb.kind, AH_LABEL_ANTWOORD);
  CHECK_INT(lb.numbers.n, 4);
  CHECK_INT(lb.numbers.items[3], 7);
  ah_ints_free(&lb.numbers);
  CHECK(ah_parse_label("Vragen 3\xE2\x80\x93" "5", &lb));
  CHECK_INT(lb.numbers.n, 3);
  ah_ints_free(&lb.numbers);
  /* a hyphen joins a range: "3-5" is 3, 4 and 5, not 3 and 5 */
  CHECK(ah_parse_label("Vragen 3-5", &lb));
  CHECK_INT(lb.numbers.n, 3);
  if (lb.numbers.n == 3) CHECK_INT(lb.numbers.items[0] * 100 + lb.numbers.items[1] * 10 + lb.numbers.items[2], 345);
  ah_ints_free(&lb.numbers);
  CHECK(ah_parse_label("Antwoord 2 t/m 3", &lb));
  CHECK_INT(lb.numbers.n, 2);
  ah_ints_free(&lb.numbers);
  CHECK(ah_parse_label("Mededeling", &lb));
  CHECK_INT(lb.kind, AH_LABEL_MEDEDELING);
  CHECK_INT(lb.numbers.n, 0);
  CHECK(ah_is_label("Mededeling:"));
  CHECK(ah_is_label("Vraag 999"));
  /* refused: sentences, missing numbers, zero, past the cap, open ranges */
  CHECK(!ah_is_label("Vraag 1 is al beantwoord."));
  CHECK(!ah_is_label("Vraag"));
  CHECK(!ah_is_label("Vraag 0"));
  CHECK(!ah_is_label("Vraag 1000"));
  CHECK(!ah_is_label("Vraag 4294967297"));
  CHECK(ah_is_label_out_of_range("Vraag 4294967297"));
  CHECK(ah_is_label_out_of_range("Vraag 0"));
  CHECK(ah_is_label_out_of_range("Antwoord 3 en 1000"));
  CHECK(!ah_is_label_out_of_range("Vraag 3"));
  CHECK(!ah_is_label_out_of_range("Vraag 4294967297 is al beantwoord."));
  CHECK(!ah_is_label("Vraag 4 tot en met"));
  CHECK(!ah_is_label("Antwoord van Minister De Jonge"));
  char long_label[AH_MAX_LABEL_BYTES + 16] = "Vraag 1";
  for (size_t i = 7; i + 3 < sizeof long_label; i += 3) memcpy(long_label + i, ", 1", 4);
  CHECK(!ah_is_label(long_label));
}

static void test_dates(void) {
  char iso[11];
  const char *s = "3 juni 2021).";
  CHECK_INT(matched(s, ah_scan_date(s, iso)), 11);
  CHECK_STR(iso, "2021-06-03");
  s = "12 augustus 2024";
  CHECK_INT(matched(s, ah_scan_date(s, iso)), 16);
  CHECK_STR(iso, "2024-08-12");
  CHECK(!ah_scan_date("32 mei 2024", iso));
  CHECK(!ah_scan_date("0 mei 2024", iso));
  CHECK(!ah_scan_date("3 juno 2021", iso));
  CHECK(!ah_scan_date("3 juni 21", iso));
  CHECK(!ah_scan_date("99999999999999999999 juni 2021", iso));
  const char *end;
  s = "Vragen … (ingezonden (ingezonden 4 maart 2024).";
  CHECK(ah_find_sent_date(s, iso, &end));
  CHECK_STR(iso, "2024-03-04");
  s = "Antwoord van X (ontvangen 1 mei 2024) over (ontvangen (ontvangen 7 juni 2024).";
  CHECK(ah_find_received_date(s, iso, &end));
  CHECK_STR(iso, "2024-06-07");
  CHECK(ah_has_received_date("Antwoord (ontvangen 7 juni 2024)."));
  CHECK(!ah_has_received_date("Antwoord (ontvangen binnenkort)."));
}

static void test_furniture(void) {
  ah_kamer k;
  ah_session y;
  CHECK(ah_is_running_footer("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"));
  CHECK(ah_is_running_footer("Eerste Kamer, vergaderjaar 2020–2021, Aanhangsel"));
  /* a paper reference in a note starts the same but is no footer */
  CHECK(!ah_is_running_footer("Tweede Kamer, vergaderjaar 2021–2022, 31 839, nr. 812"));
  CHECK(ah_scan_footer_start("Tweede Kamer, vergaderjaar 2021–2022, 31 839, nr. 812", &k));
  CHECK(!ah_scan_footer_start("Tweede Kamerlid", &k));
  CHECK(ah_scan_masthead_session("Vergaderjaar 2023–2024", &y) && y.second == 2024);
  CHECK(!ah_scan_masthead_session("vergaderjaar 2023–2024", &y));
  CHECK(ah_mentions_series("Aanhangsel van de Handelingen"));
  CHECK(ah_is_colophon_line("ISSN 0921 - 7398"));
  CHECK(ah_is_colophon_line("\xE2\x80\x99s-Gravenhage 2024"));
  CHECK(ah_is_colophon_line("'s-Gravenhage 2024"));
  CHECK(!ah_is_colophon_line("Den Haag 2024"));
  /* the writer's lines read back */
  y = (ah_session){2023, 2024};
  char *footer = ah_format_running_footer(AH_KAMER_EK, &y);
  CHECK_STR(footer, "Eerste Kamer, vergaderjaar 2023\xE2\x80\x93" "2024, Aanhangsel");
  CHECK(ah_is_running_footer(footer));
  free(footer);
  char *chamber = ah_format_masthead_chamber(AH_KAMER_TK);
  CHECK(ah_is_masthead_chamber(chamber, &k) && k == AH_KAMER_TK);
  free(chamber);
  char *session = ah_format_masthead_session(&y);
  ah_session back;
  CHECK(ah_scan_masthead_session(session, &back) && back.first == 2023 && back.second == 2024);
  free(session);
}

static void test_sentences(void) {
  const char *after;
  CHECK(ah_starts_omschrijving("Vragen van het lid X"));
  CHECK(ah_starts_omschrijving("Schriftelijke vragen van"));
  CHECK(!ah_starts_omschrijving("Vraag 1"));
  bool notice = true;
  const char *s = "Vragen van X (ingezonden 1 mei 2024). Antwoord van Minister Y (ontvangen 2 mei 2024).";
  CHECK_INT(ah_find_answer_sentence(s, &notice) - s, 38);
  CHECK(!notice);
  s = "Vragen van X. Mededeling van Minister Y (ontvangen 2 mei 2024).";
  CHECK(ah_find_answer_sentence(s, &notice) && notice);
  CHECK(!ah_find_answer_sentence("Antwoord van Minister Y (ontvangen 2 mei 2024).", &notice));
  s = "Vragen van het lid Erkens (VVD) aan de Minister";
  CHECK_INT(ah_find_asker_opener(s, &after) - s, 7);
  CHECK_STR(after, "Erkens (VVD) aan de Minister");
  CHECK_STR(ah_find_addressee_opener(s, &after), " aan de Minister");
  CHECK_STR(after, "de Minister");
  CHECK_STR(ah_scan_party_quantifier("beiden VVD)"), "VVD)");
  CHECK_STR(ah_scan_party_quantifier("allen D66)"), "D66)");
  CHECK(!ah_scan_party_quantifier("VVD)"));
  CHECK_INT(ah_glued_tussenvoegsel("vanDijk", 7), 3);
  CHECK_INT(ah_glued_tussenvoegsel("van derBerg", 11), 7);
  CHECK_INT(ah_glued_tussenvoegsel("van Dijk", 8), 0);
  CHECK_INT(ah_glued_tussenvoegsel("vandaag", 7), 0);
  s = "Minister van Financiën en de Staatssecretaris";
  CHECK_STR(ah_find_addressee_join(s, &after), " en de Staatssecretaris");
  CHECK_STR(after, "Staatssecretaris");
  s = "Minister van X en Minister voor Y";
  CHECK(ah_find_addressee_join(s, &after));
  CHECK_STR(after, "Minister voor Y"); /* the title stays */
  CHECK_STR(ah_find_ministry_preposition("Ministers voor X en van Y"), " voor X en van Y");
  CHECK(ah_is_plural_title("Ministers", 9));
  CHECK(ah_is_plural_title("Staatssecretarissen", 19));
  CHECK(!ah_is_plural_title("Staatssecretaris", 16));
  char *one = ah_singular_title("Staatssecretarissen", 19);
  CHECK_STR(one, "Staatssecretaris");
  free(one);
  CHECK(ah_scan_see_also("Zie ook Aanhangsel"));
  CHECK_STR(ah_find_see_also("… 2024). Zie ook nr. 12."), "Zie ook nr. 12.");
}

/* A figure's caption, not a sentence about a figure. */
static void test_figure_caption(void) {
  CHECK(ah_is_figure_caption("Figuur 1: Aantal meldingen per jaar"));
  CHECK(ah_is_figure_caption("Figuur 12. Klachten"));
  CHECK(!ah_is_figure_caption("Figuur 2 laat de ontwikkeling zien."));
  CHECK(!ah_is_figure_caption("Figuur: zonder nummer"));
  CHECK(!ah_is_figure_caption("Tabel 1: Bedragen"));
}

int main(void) {
  test_figure_caption();
  test_pubids();
  test_chambers_and_sessions();
  test_labels();
  test_dates();
  test_furniture();
  test_sentences();
  return harness_report();
}
