/* lexicon.h — the words and numbers of this domain, recognized in one place
 * (like cmark's scanners): publication ids, chamber names, session years,
 * labels and their number lists, Dutch dates, the lines of the masthead,
 * running footer and colophon, and the phrases of the omschrijving
 * sentences (askers, parties, addressees, answerer, dates, "Zie ook").
 *
 * Every scanner looks at the text AT its argument and returns a pointer just
 * past what it matched, or NULL when nothing matches there; the finders
 * search forward and also say where the match starts.  No other module
 * spells out these words.
 */
#ifndef AHCONV_LEXICON_H
#define AHCONV_LEXICON_H

#include "buffer.h"
#include <stdbool.h>
#include <stddef.h>

/* ---- chambers and years -------------------------------------------------- */

typedef enum { AH_KAMER_UNKNOWN = 0, AH_KAMER_TK, AH_KAMER_EK } ah_kamer;

/* "tk" / "ek" (the id's and the XML's spelling), NULL when unknown. */
const char *ah_kamer_code(ah_kamer k);
/* "tk" / "ek" at s. */
const char *ah_scan_kamer_code(const char *s, ah_kamer *k);
/* "Tweede Kamer" / "Eerste Kamer" at s. */
const char *ah_scan_chamber(const char *s, ah_kamer *k);
/* The first chamber name anywhere in s; AH_KAMER_UNKNOWN if none. */
ah_kamer ah_find_chamber(const char *s);

/* A session: "2023–2024" (hyphen, en or em dash between). */
typedef struct {
  int first, second;
} ah_session;

const char *ah_scan_session(const char *s, ah_session *y);
/* The first session anywhere in s; NULL if none. */
const char *ah_find_session(const char *s, ah_session *y, const char **start);
/* "2023-2024", the XML's spelling; caller frees. */
char *ah_session_string(const ah_session *y);

/* ---- publication ids ----------------------------------------------------- */

/* ah-tk-20232024-2210: the Aanhangsel's publication id ("kv-" for the
 * questions published alone), with its parts. */
typedef struct {
  ah_kamer kamer;
  ah_session session;
  int number;
  bool questions_only; /* "kv-" */
} ah_pubid;

const char *ah_scan_pubid(const char *s, ah_pubid *id);
/* The first id in s that does not continue a word; NULL if none. */
const char *ah_find_pubid(const char *s, ah_pubid *id, const char **start);
/* Exactly an id, nothing around it. */
bool ah_is_pubid(const char *s, ah_pubid *id);

/* ---- labels -------------------------------------------------------------- */

typedef enum { AH_LABEL_NONE = 0, AH_LABEL_VRAAG, AH_LABEL_ANTWOORD, AH_LABEL_MEDEDELING } ah_label_kind;

typedef struct {
  ah_label_kind kind;
  ah_ints numbers; /* empty for a mededeling */
} ah_label;

/* The whole of s is a section heading: "Vraag 2 en 3", "Antwoord 5",
 * "Antwoord op vragen 4 tot en met 6", "Mededeling".  On success the
 * caller frees lb->numbers (ah_ints_free). */
bool ah_parse_label(const char *s, ah_label *lb);
bool ah_is_label(const char *s);
/* s would be a label but for its numbers: one is 0 or past
 * AH_MAX_LABEL_NUMBER ("Vraag 4294967297").  Such a line is text. */
bool ah_is_label_out_of_range(const char *s);

/* ---- dates --------------------------------------------------------------- */

/* "3 juni 2021" at s -> "2021-06-03". */
const char *ah_scan_date(const char *s, char iso[11]);

/* ---- page furniture ------------------------------------------------------ */

/* "Tweede Kamer, vergaderjaar " at s: how the running footer starts. */
const char *ah_scan_footer_start(const char *s, ah_kamer *k);
/* The whole running footer: "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel". */
bool ah_is_running_footer(const char *s);
/* "Tweede Kamer der Staten-Generaal", the masthead's first line. */
bool ah_is_masthead_chamber(const char *s, ah_kamer *k);
/* "Vergaderjaar 2023–2024" at s (the masthead's session line). */
const char *ah_scan_masthead_session(const char *s, ah_session *y);
/* The masthead names the series: "Aanhangsel van de Handelingen". */
bool ah_mentions_series(const char *s);
/* Colophon lines other than the id: "ISSN 0921-7398", "’s-Gravenhage 2024". */
bool ah_is_colophon_line(const char *s);

/* The same lines written, for the clean PDF (what the recognizers above
 * read back).  Each returns a new string; caller frees. */
char *ah_format_masthead_chamber(ah_kamer k);        /* "Tweede Kamer der Staten-Generaal" */
char *ah_format_masthead_session(const ah_session *y); /* "Vergaderjaar 2023–2024" */
char *ah_format_running_footer(ah_kamer k, const ah_session *y);
/* "Aanhangsel van de Handelingen" and the standing sentence under it. */
extern const char ah_series_name[];
/* The mark opening a table line that goes on with the row above it. */
extern const char ah_row_continues[];
extern const char ah_series_sentence[];

/* ---- the omschrijving sentences ------------------------------------------ */

/* A line that opens an omschrijving ("Vragen van …", "Antwoord van …"). */
bool ah_starts_omschrijving(const char *s);
/* The answering sentence inside s, not at its very start: "Antwoord van …",
 * "Antwoorden van …", "Mededeling van …"; NULL if none.  *is_notice says
 * it is a "Mededeling van". */
const char *ah_find_answer_sentence(const char *s, bool *is_notice);
/* s starts the answering sentence's kind: "Antwoord" / "Mededeling". */
bool ah_starts_answer(const char *s);
bool ah_starts_notice(const char *s);
/* "Zie ook " at s: the cross-reference that may follow the answer. */
const char *ah_scan_see_also(const char *s);
/* The last (or first) "Zie ook " in s. */
const char *ah_find_see_also(const char *s);
/* "(ontvangen 7 juni 2024)" somewhere in s: the answer has arrived. */
bool ah_has_received_date(const char *s);

/* Sentence phrases; each finder returns where the phrase starts (NULL if
 * absent) and sets *after past it. */
/* "van het lid ", "van de leden ", "van het Kamerlid ", …: the askers follow. */
const char *ah_find_asker_opener(const char *s, const char **after);
/* " aan ": the addressees follow.  " over ": the subject follows.  " van ":
 * the answerer follows "Antwoord". */
const char *ah_find_addressee_opener(const char *s, const char **after);
const char *ah_find_subject_opener(const char *s, const char **after);
const char *ah_find_answerer_opener(const char *s, const char **after);
/* "(ingezonden 3 juni 2021)" / "(ontvangen 21 juni 2021)": the date, also
 * after a doubled keyword ("(ontvangen (ontvangen 7 juni 2024)").  The
 * first sending-in date, the last receipt date.  Returns the date's start
 * and sets *end past it. */
const char *ah_find_sent_date(const char *s, char iso[11], const char **end);
const char *ah_find_received_date(const char *s, char iso[11], const char **end);
/* "(ingezonden" anywhere from s: where the question sentence's date part begins. */
const char *ah_find_sent_marker(const char *s);
/* "(ontvangen" at s. */
const char *ah_scan_received_marker(const char *s);
/* "beiden " / "allen " at s: one party for all the askers before it. */
const char *ah_scan_party_quantifier(const char *s);
/* A tussenvoegsel at s followed directly by a capital ("vanDijk"): the
 * prefix's length, 0 if none. */
size_t ah_glued_tussenvoegsel(const char *s, size_t len);
/* " en " at s: names and addressees are listed with it. */
const char *ah_scan_and(const char *s);
/* "de " / "het " at s: an article before an addressee. */
const char *ah_scan_article(const char *s);
/* " van " / " voor " in s: where an addressee's ministry starts. */
const char *ah_find_ministry_preposition(const char *s);
/* Between two addressees: " en de ", " en het ", ", de ", ", het " (article
 * skipped, *after past it) or " en Minister …" (the title kept, *after at
 * the title). */
const char *ah_find_addressee_join(const char *s, const char **after);
/* " en van " / " en voor ": the next ministry of a plural title. */
const char *ah_find_ministry_join(const char *s, const char **after);
/* " en de " between two titles sharing a ministry. */
const char *ah_find_shared_ministry_join(const char *s, const char **after);
/* "Ministers", "Staatssecretarissen" (the whole title of len bytes);
 * ah_singular_title gives "Minister", "Staatssecretaris"; caller frees. */
bool ah_is_plural_title(const char *t, size_t len);
char *ah_singular_title(const char *t, size_t len);

/* A figure's caption as printed: "Figuur 2: …" or "Figuur 2. …" (a
 * sentence "Figuur 2 laat … zien." is not one). */
bool ah_is_figure_caption(const char *line);

#endif
