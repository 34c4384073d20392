/* ahgen.c — seeded generator of official-layout test documents.
 *
 *   ahgen SEED OUT.pdf OUT.xml
 *   ahgen --seed N --out DIR          (writes DIR/gen-N.pdf and DIR/gen-N.xml)
 *
 * From the seed (splitmix64, nothing from rand()) it invents one fictional
 * Aanhangsel van de Handelingen — askers with parties, addressees, 1–30
 * questions under single and combined labels, answers with paragraphs, lists
 * and small-type tables, or a mededeling in place of the answers, 0–15
 * footnotes whose texts may look like page furniture — typesets it in the
 * official page geometry with the core that samples/mksample.c uses
 * (samples/typeset.h), and writes the XML ahconv must give for it.  The XML
 * comes from the generator's own model, never from ahconv: it is the normalized
 * XML of ../shared/spec/aanhangsel-xml.md without `bron` and without the
 * `pagina` attributes (what AH_OPT_NO_SOURCE gives), so compare it with
 * `ahconv convert` output after `grep -v '<bron '` and
 * `sed 's/ pagina="[^"]*"//'` (tests/gen/generated_test.sh does that).
 *
 * All names, places, titles and texts are made up from the word lists below.
 * Every document is one the converter can read without guessing: a
 * paragraph that is followed by another one ends in a line with room for the
 * next paragraph's first word (the official renditions print no space
 * between paragraphs, so that short line is the only sign), no word is broken
 * at a real hyphen before a lowercase letter, and a URL is broken only after
 * "/" or "-".  Everything else the official typesetter does is fair game.
 *
 * AHGEN_FEATURES=feature,… (or "all") adds what archives really hold; with
 * none set a seed gives the same document as before these existed (every
 * feature's dice are thrown only when it is on):
 *   hyphen      compounds with a real hyphen before a lowercase word
 *               ("tbs-klinieken"), broken at that hyphen at a line end
 *   chart       a bar chart drawn with its axis labels inside and a caption
 *               "Figuur N: …" below it (expected: figuur/bijschrift/tekst)
 *   quote       an indented quotation, hyphenated across lines (one al)
 *   numlist     numbered ("1.") and lettered ("a.") lists with a hanging
 *               indent (expected: lijst/li, the number kept in the item)
 *   cellnote    a note marker in a table cell (noot-ref in the cel)
 *   tablesplit  a table that does not fit is continued on the next page
 *               (expected: one table, rows in order)
 *   notesplit   long notes; one that does not fit is continued at the top
 *               of the next page's note zone (expected: one note)
 *   markerrun   two markers printed "¹˒ ²" (a raised comma between):
 *               two noot-refs, the separator is not text
 */
#include "typeset.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/stat.h>

#define COL_W (COL_R - COL)
#define ROW_PITCH 10.2    /* table rows in small type */

/* ---- random numbers ------------------------------------------------------ */

static uint64_t rng;

static uint64_t next64(void)
{
  uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
static int rnd(int n) { return n <= 1 ? 0 : (int)(next64() % (uint64_t)n); }
static int chance(int percent) { return rnd(100) < percent; }
#define PICK(a) (a[rnd((int)(sizeof a / sizeof a[0]))])

/* AHGEN_AVOID=class,class,… leaves out what provokes a known converter
 * failure, so that the rest can be measured on its own:
 *   furniture  notes that begin like the running footer ("Tweede Kamer, vergaderjaar …")
 *   co2note    a note marker directly after the subscript of CO2
 *   bareurl    web addresses without http(s):// or www.
 *   notedigits a note line that is only digits (the end of a wrapped note)
 *   list       bulleted lists */
static int avoid(const char *cls)
{
  const char *e = getenv("AHGEN_AVOID");
  size_t n = strlen(cls);
  for (const char *p = e; p && (p = strstr(p, cls)); p += n)
    if ((p == e || p[-1] == ',') && (p[n] == 0 || p[n] == ',')) return 1;
  return 0;
}

static int feat(const char *f)
{
  const char *e = getenv("AHGEN_FEATURES");
  size_t n = strlen(f);
  if (e && !strcmp(e, "all")) return 1;
  for (const char *p = e; p && (p = strstr(p, f)); p += n)
    if ((p == e || p[-1] == ',') && (p[n] == 0 || p[n] == ',')) return 1;
  return 0;
}

/* AHGEN_TRACE=FILE: the names of the features this document really uses
 * (a table that was split, a note that was continued, …), one a line, so a
 * test can say which classes its failures fall in. */
static void used(const char *f)
{
  const char *t = getenv("AHGEN_TRACE");
  FILE *o = t ? fopen(t, "a") : NULL;
  if (o) fprintf(o, "%s\n", f), fclose(o);
}

/* AHGEN_DAMAGE=kind,… prints a document that has lost something, for the
 * tests of `ahconv verify` (the XML written is still the undamaged one):
 *   note-text  note 1's number is printed, its text is not
 *   note       note 2 is not printed at all (its marker is) */
static int damage(const char *kind)
{
  const char *e = getenv("AHGEN_DAMAGE");
  size_t n = strlen(kind);
  for (const char *p = e; p && (p = strstr(p, kind)); p += n)
    if ((p == e || p[-1] == ',') && (p[n] == 0 || p[n] == ',')) return 1;
  return 0;
}

/* ---- strings ------------------------------------------------------------- */

typedef struct { char *s; size_t n, cap; } Str;

static void sput(Str *b, const char *t)
{
  size_t l = strlen(t);
  if (b->n + l + 1 > b->cap) {
    b->cap = (b->n + l + 1) * 2 + 64;
    b->s = realloc(b->s, b->cap);
    if (!b->s) abort();
  }
  memcpy(b->s + b->n, t, l + 1);
  b->n += l;
}

static void sprint(Str *b, const char *fmt, ...)
{
  char tmp[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  sput(b, tmp);
}

static const char *sz(const Str *b) { return b->s ? b->s : ""; }

/* Text for the XML: & < > escaped as libxml2's writer does. */
static void xput(Str *x, const char *t)
{
  for (; *t; t++) {
    if (*t == '&') sput(x, "&amp;");
    else if (*t == '<') sput(x, "&lt;");
    else if (*t == '>') sput(x, "&gt;");
    else {
      char c[2] = {*t, 0};
      sput(x, c);
    }
  }
}

/* Printed markup → XML inline content: ^n is a noot-ref, ~n a subscript,
 * {…} a url; bold, italic and break points leave no trace. */
static void markup_xml(Str *x, const char *m)
{
  for (const char *p = m; *p; p++) {
    char c = *p;
    if (c == '^' && p[1] == ',') {
      p++;  /* the raised separator between two markers is not text */
    } else if (c == '^' || c == '~') {
      char num[16];
      int k = 0;
      while (p[1] >= '0' && p[1] <= '9' && k < 15) num[k++] = *++p;
      num[k] = 0;
      if (c == '^') sprint(x, "<noot-ref n=\"%s\"/>", num);
      else sprint(x, "<sub>%s</sub>", num);
    } else if (c == '{') sput(x, "<url>");
    else if (c == '}') sput(x, "</url>");
    else if (c == '*' || c == '_' || c == '=' || c == '|') continue;
    else {
      char t[2] = {c, 0};
      xput(x, t);
    }
  }
}

/* Omschrijvingen are built in two forms at once: the printed markup and the
 * XML with its inline metadata elements. */
typedef struct { Str p, x; } Two;

static void both(Two *t, const char *s) { sput(&t->p, s), xput(&t->x, s); }
static void bothf(Two *t, const char *fmt, ...)
{
  char tmp[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  both(t, tmp);
}

/* ---- word lists (all made up) ------------------------------------------- */

static const char *const NAME_PRE[] = {"", "", "", "", "Van ", "De ", "Van der ", "Ter ", "Van den ", "Ten "};
static const char *const NAME_STEM[] = {"Berk", "Hoog", "Wil", "Dam", "Kort", "Meul", "Stroom", "Brak", "Lind",
                                        "Gaal", "Hol", "Rijp", "Veer", "Zand", "Blom", "Mos", "Kamp", "Wes"};
static const char *const NAME_SUF[] = {"hout", "man", "ink", "stra", "ema", "veld", "huis", "hoek", "dijk",
                                       "er", "sma", "horst", "kamp", "broek"};
static const char *const FIRST[] = {"Inge", "Joost", "Marit", "Sander", "Femke", "Wout", "Lotte", "Bram", "Ilse"};
static const char *const PARTIES[] = {"VVD", "D66", "CDA", "SP", "GroenLinks-PvdA", "PVV", "BBB", "ChristenUnie",
                                      "Volt", "PvdD", "JA21", "SGP", "DENK", "NSC"};
static const char *const MINISTRIES[] = {
    "Infrastructuur en Waterstaat", "Financiën", "Justitie en Veiligheid", "Onderwijs, Cultuur en Wetenschap",
    "Volksgezondheid, Welzijn en Sport", "Binnenlandse Zaken en Koninkrijksrelaties", "Economische Zaken",
    "Sociale Zaken en Werkgelegenheid", "Defensie", "Buitenlandse Zaken", "Klimaat en Groene Groei",
    "Volkshuisvesting en Ruimtelijke Ordening", "Asiel en Migratie",
    "Landbouw, Visserij, Voedselzekerheid en Natuur"};
static const char *const VOOR[] = {"Klimaat en Energie", "Buitenlandse Handel en Ontwikkelingssamenwerking",
                                   "Primair en Voortgezet Onderwijs", "Langdurige Zorg en Sport"};
static const char *const PLACES[] = {"Oostervaart", "Lindendam", "Brekerveen", "Hoogmolen", "Westerzijl",
                                     "Kruisvelde", "Molenhoek aan de Vliet", "Ter Aalst", "Noorderbroek"};
static const char *const CAP_COMPOUND[] = {"Zuid-|Veluwe", "Noord-|Oostervaart", "West-|Brekerveen",
                                           "Midden-|Lindendam", "Oost-|Kruisvelde"};
static const char *const ADJ[] = {"nieuwe", "landelijke", "regionale", "huidige", "struc=tu=re=le",
                                  "fi=nan=ci=ë=le", "tij=de=lij=ke", "di=gi=ta=le", "be=schik=ba=re",
                                  "aan=vul=len=de", "ge=plan=de"};
static const char *const NOUN[] = {"ge=meen=te", "pro=vin=cie", "ver=gun=ning", "on=der=zoek", "re=ge=ling",
                                   "sub=si=die", "ca=pa=ci=teit", "uit=voe=ring", "be=gro=ting", "aan=vraag",
                                   "wacht=lijst", "over=een=komst", "mo=ni=to=ring", "op=vang", "hand=ha=ving",
                                   "aan=pak", "eva=lu=a=tie", "ver=ster=king", "rap=por=ta=ge"};
/* Dutch spelling keeps these hyphens; "|" lets the line break right after it. */
static const char *const LOWER_COMPOUND[] = {"tbs-|kli=nie=ken", "tbs-|klinieken", "btw-|ta=rief", "btw-|tarief",
                                             "ggz-|in=stel=lin=gen", "ggz-|instellingen", "mkb-|be=drij=ven",
                                             "e-|mail=adres", "oud-|mi=nis=ter"};
static const char *const NOUN2[] = {"zorg", "wo=ning", "wa=ter", "stik=stof", "on=der=wijs", "ener=gie",
                                    "ver=keer", "jeugd", "na=tuur", "dijk", "spoor", "haven", "school"};
static const char *const PLURAL[] = {"ge=meen=ten", "aan=vra=gen", "zorg=aan=bie=ders", "wo=nin=gen",
                                     "mel=din=gen", "scho=len", "ver=gun=nin=gen", "klach=ten", "be=drij=ven"};
static const char *const VERB_INF[] = {"ver=be=te=ren", "ver=snel=len", "be=per=ken", "voor=ko=men",
                                       "on=der=steu=nen", "ver=een=vou=di=gen", "af=ron=den"};
static const char *const VERB_PP[] = {"af=ge=rond", "ge=start", "uit=ge=voerd", "ge=ë=va=lu=eerd",
                                      "ge=pu=bli=ceerd", "be=ves=tigd"};
static const char *const PAPERS[] = {"De Dagkoerier", "Het Noorderblad", "Lindendams Dagblad",
                                     "Oostervaarts Nieuwsblad", "De Waterbode"};
static const char *const SITES[] = {"www.voorbeeldkrant.nl", "www.example.org", "nieuws.lindendam.example",
                                    "www.oostervaart-actueel.example", "data.voorbeeld-overheid.example"};
static const char *const PATHWORDS[] = {"nieuws", "rapport", "gemeente", "lindendam", "zwembad", "sluit",
                                        "wachtlijst", "zorg", "onderzoek", "publicaties", "brief", "stikstof",
                                        "besluit", "jaarverslag", "bijlage"};
static const char *const MONTHS[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december"};
static const char *const ROWLABELS[] = {"Aanvragen", "Toegekend", "Afgewezen", "In behandeling", "Bezwaar",
                                        "Meldingen", "Inspecties", "Boetes", "Herstelplannen", "Totaal",
                                        "Provincie Oostervaart", "Regio Lindendam", "Overig"};

/* ---- text pieces --------------------------------------------------------- */

#define SLOT "\x01" /* a place where a note marker may go; resolved before typesetting */

static int doc_year;    /* first year of the vergaderjaar */
static int has_table_ok = 1;

static void name(Str *b)
{
  if (chance(12)) sprint(b, "%s ", PICK(FIRST));
  const char *pre = PICK(NAME_PRE);
  sprint(b, "%s%s%s", pre, PICK(NAME_STEM), PICK(NAME_SUF));
  if (chance(10)) sprint(b, "-%s%s%s", chance(50) ? "van " : "", PICK(NAME_STEM), PICK(NAME_SUF));
}

static void noun(Str *b)
{
  if (feat("hyphen") && chance(25)) {
    sput(b, PICK(LOWER_COMPOUND));
    return;
  }
  if (chance(35)) {
    /* (the list is picked before the first part, as the call this replaced
     * evaluated its arguments, so the seeds keep their documents) */
    const char *second = PICK(NOUN), *first = PICK(NOUN2);
    /* Dutch spelling hyphenates where two vowels would read as another
     * sound: "energie-evaluatie", "energie-uitvoering" (it was written
     * "energieevaluatie" before the converter learnt spelling) */
    size_t fl = strlen(first);
    int clash = fl && first[fl - 1] == 'e' && strchr("eiu", second[0]);
    sprint(b, clash ? "%s-|%s" : "%s=%s", first, second);
  }
  else sput(b, PICK(NOUN));
}

static void np(Str *b)
{
  sput(b, chance(50) ? "de " : "het ");
  if (feat("hyphen") && chance(10)) sput(b, "niet-|wes=ter=se ");
  else if (chance(55)) sprint(b, "%s ", PICK(ADJ));
  noun(b);
  if (chance(30)) {
    sput(b, " in ");
    sput(b, chance(20) ? PICK(CAP_COMPOUND) : PICK(PLACES));
  } else if (chance(20)) {
    sput(b, " van de ");
    noun(b);
  }
}

static void date_text(Str *b, int y)
{
  sprint(b, "%d %s %d", 1 + rnd(28), PICK(MONTHS), y);
}

static void url(Str *b)
{
  sput(b, "{");
  const char *site = PICK(SITES);
  if (chance(85) || (avoid("bareurl") && strncmp(site, "www.", 4))) sput(b, chance(70) ? "https://|" : "http://|");
  sprint(b, "%s/|", site);
  int parts = 1 + rnd(4);
  for (int i = 0; i < parts; i++) {
    if (i) sput(b, "/|");
    if (chance(30)) sprint(b, "%d", doc_year - rnd(3));
    else {
      int w = 1 + rnd(5);
      for (int k = 0; k < w; k++) sprint(b, "%s%s", k ? "-|" : "", PICK(PATHWORDS));
    }
  }
  if (chance(15)) sput(b, ".pdf");
  else if (chance(10)) sprint(b, "#sectie-%d", 1 + rnd(9));   /* no "=": it is markup */
  sput(b, "}");
}

static void title(Str *b)
{
  switch (rnd(5)) {
  case 0: sprint(b, "Gemeente %s stopt met ", PICK(PLACES)), noun(b); break;
  case 1: sput(b, "Wachtlijsten voor "), noun(b), sput(b, " lopen verder op"); break;
  case 2: sput(b, "Onderzoek naar "), noun(b), sprint(b, " in %s vertraagd", PICK(PLACES)); break;
  case 3: sput(b, "Zorgen over "), np(b); break;
  default: sprint(b, "%s krijgt eindelijk ", PICK(PLACES)), noun(b); break;
  }
}

static void cap_first(Str *b, size_t at)
{
  if (b->s && at < b->n && b->s[at] >= 'a' && b->s[at] <= 'z') b->s[at] -= 32;
}

static void kamerstuk(Str *b)
{
  sprint(b, "Kamerstuk %d %03d, nr. %d", 29 + rnd(8), rnd(1000), 1 + rnd(400));
}

static void question(Str *b)
{
  size_t at = b->n;
  switch (rnd(10)) {
  case 0: sput(b, "Bent u bekend met het bericht «"), title(b), sput(b, "»" SLOT "?"); break;
  case 1: sput(b, "Wat is uw reactie op "), np(b), sput(b, "?"); break;
  case 2: sput(b, "Hoeveel "), sput(b, PICK(PLURAL)), sprint(b, " zijn er op dit moment in %s, en hoe verhoudt dit aantal zich tot %d?", PICK(PLACES), doc_year - 1 - rnd(4)); break;
  case 3: sput(b, "Kunt u toelichten waarom "), np(b), sprint(b, " nog niet is %s?", PICK(VERB_PP)); break;
  case 4: sput(b, "Deelt u de mening dat "), np(b), sprint(b, SLOT " moet worden %s?", PICK(VERB_PP)); break;
  case 5: sput(b, "Bent u bereid in overleg met "), np(b), sput(b, " te treden over "), np(b), sput(b, "?"); break;
  case 6: sput(b, "Welke maatregelen neemt u om "), np(b), sprint(b, " te %s?", PICK(VERB_INF)); break;
  case 7: sput(b, avoid("co2note") ? "Klopt het dat de uitstoot van CO~2 door " : "Klopt het dat de uitstoot van CO~2" SLOT " door "), np(b), sprint(b, " in %d met %d procent is gestegen?", doc_year - 1, 2 + rnd(40)); break;
  case 8: sput(b, "Wanneer ontvangt de Kamer "), np(b), sput(b, " (zoals toegezegd in het commissiedebat)" SLOT "?"); break;
  default: sput(b, "In het bericht wordt gesteld dat "), np(b), sprint(b, " is %s." SLOT " Klopt dat?", PICK(VERB_PP)); break;
  }
  cap_first(b, at);
  sput(b, SLOT);
}

static void statement(Str *b)
{
  size_t at = b->n;
  switch (rnd(14)) {
  case 0: sput(b, chance(50) ? "Ja, ik ben bekend met het bericht." : "Nee, dat klopt niet."); break;
  case 1: np(b), sput(b, " wordt op dit moment onderzocht door "), np(b), sput(b, "."); break;
  case 2: sprint(b, "In %d is in totaal %d,%d miljoen euro beschikbaar gesteld voor ", doc_year, 1 + rnd(200), rnd(10)), np(b), sput(b, "."); break;
  case 3: sput(b, "Ik heb "), np(b), sput(b, " gevraagd om voor "), date_text(b, doc_year + 1), sput(b, " een overzicht van "), np(b), sput(b, " te sturen."); break;
  case 4: sput(b, "Het kabinet deelt de zorgen over "), np(b), sput(b, "."); break;
  case 5: sput(b, avoid("co2note") ? "De uitstoot van CO~2 door " : "De uitstoot van CO~2" SLOT " door "), np(b), sprint(b, " is in %d met %d procent gedaald.", doc_year - 1, 1 + rnd(30)); break;
  case 6: sput(b, "Meer informatie is te vinden op "), url(b), sput(b, "."); break;
  case 7: sput(b, "Zie ook de brief van "), date_text(b, doc_year), sput(b, " ("), kamerstuk(b), sput(b, ")" SLOT "."); break;
  case 8: sput(b, "Daarbij wordt samengewerkt met de provincie "), sput(b, PICK(CAP_COMPOUND)), sprint(b, " en de gemeente %s.", PICK(PLACES)); break;
  case 9: sput(b, "Het rapport «"), title(b), sput(b, "»" SLOT " verschijnt naar verwachting in het najaar."); break;
  case 10: sput(b, "Ik verwacht dat "), np(b), sprint(b, " voor de zomer van %d is %s.", doc_year + 1, PICK(VERB_PP)); break;
  case 11: sprint(b, "Het aantal %s is gestegen van %d.%03d naar %d.%03d", PICK(PLURAL), 1 + rnd(9), rnd(1000), 10 + rnd(9), rnd(1000)), sput(b, SLOT " (peildatum "), date_text(b, doc_year), sput(b, ")."); break;
  case 12: sput(b, "Met "), np(b), sprint(b, " wil ik %s" SLOT " dat ", PICK(VERB_INF)), np(b), sput(b, " later komt."); break;
  default: sput(b, "Daarnaast is "), np(b), sprint(b, " %s, zodat ", PICK(VERB_PP)), np(b), sprint(b, " sneller kan worden %s.", PICK(VERB_PP)); break;
  }
  cap_first(b, at);
  sput(b, SLOT);
}

/* ---- the model ------------------------------------------------------------ */

enum { P_PARA, P_ITEM, P_TABLE, P_QUOTE, P_FIGURE };
enum { S_VRAAG, S_ANTWOORD, S_MEDEDELING };

typedef struct {
  int ncols, nrows, caption; /* caption: row 0 is one cell across */
  char cells[12][4][64];
} Table;

/* A bar chart: values per year, the axis labels drawn inside it. */
typedef struct {
  int nbars, first_year, values[8], step, nticks, number;
  char caption[128];
} Figure;

typedef struct {
  int kind;
  Str text;
  Table *tab;
  Figure *fig;
  char mark[8]; /* P_ITEM: "1.", "a." (kept in the item's text); "" a bullet */
} Piece;

typedef struct {
  int type, nums[40], nn;
  char label[200];   /* as printed; empty for a mededeling's "Mededeling" */
  Piece p[24];
  int np;
} Section;

static struct {
  int ek, nummer, mededeling; /* 0 none, 1 after the questions, 2 first (postponement) */
  char id[64];
  Two oms_v, oms_a;
  Section sec[64];
  int nsec;
  Str notes[40];
  int nnotes;
} D;

static Piece *add_piece(Section *s, int kind)
{
  Piece *p = &s->p[s->np++];
  memset(p, 0, sizeof *p);
  p->kind = kind;
  return p;
}

/* "2", "2 en 3", "3, 4, 5 en 6"; now and then "7, 8, 9 10 en 11" (a comma
 * missing, as printed in the corpus) or "4 tot en met 7". */
static void number_list(char *out, size_t cap, const int *nums, int n, int *plural)
{
  Str b = {0};
  *plural = 0;
  if (n >= 3 && chance(8)) {
    sprint(&b, "%d tot en met %d", nums[0], nums[n - 1]);
    *plural = 1;
  } else {
    int missing = n >= 4 && chance(15) ? n - 3 : -1;
    for (int i = 0; i < n; i++) {
      if (i == n - 1 && n > 1) sput(&b, " en ");
      else if (i) sput(&b, i == missing + 1 ? " " : ", ");
      sprint(&b, "%d", nums[i]);
    }
  }
  snprintf(out, cap, "%s", sz(&b));
  free(b.s);
}

static Section *new_section(int type, int first, int n)
{
  Section *s = &D.sec[D.nsec++];
  memset(s, 0, sizeof *s);
  s->type = type;
  s->nn = n;
  for (int i = 0; i < n; i++) s->nums[i] = first + i;
  if (type == S_MEDEDELING) return s;
  char list[160];
  int plural;
  number_list(list, sizeof list, s->nums, n, &plural);
  if (type == S_VRAAG) snprintf(s->label, sizeof s->label, "%s %s", plural ? "Vragen" : "Vraag", list);
  else snprintf(s->label, sizeof s->label, "%s %s", plural ? "Antwoorden" : "Antwoord", list);
  return s;
}

static void gen_question_section(int first, int n)
{
  Section *s = new_section(S_VRAAG, first, n);
  for (int q = 0; q < n; q++) {
    Piece *p = add_piece(s, P_PARA);
    if (chance(25)) statement(&p->text), sput(&p->text, " ");
    int k = 1 + rnd(chance(30) ? 3 : 1);
    for (int i = 0; i < k; i++) {
      if (i) sput(&p->text, " ");
      question(&p->text);
    }
  }
}

static void paragraph_text(Str *t, int sentences)
{
  for (int i = 0; i < sentences; i++) {
    if (i) sput(t, " ");
    statement(t);
  }
}

static void gen_table(Section *s)
{
  Piece *p = add_piece(s, P_PARA);
  paragraph_text(&p->text, rnd(2));
  if (p->text.n) sput(&p->text, " ");
  sput(&p->text, "De cijfers zijn als volgt:");
  Table *t = calloc(1, sizeof *t);
  t->ncols = 2 + rnd(3);
  int r = 0;
  if (chance(40)) {
    t->caption = 1;
    snprintf(t->cells[r++][0], 64, "Overzicht %s %d", "meldingen", doc_year - 1);
  }
  snprintf(t->cells[r][0], 64, "%s", chance(50) ? "Categorie" : "Soort");
  for (int c = 1; c < t->ncols; c++) snprintf(t->cells[r][c], 64, "%d", doc_year - t->ncols + c);
  r++;
  int rows = feat("tablesplit") && chance(40) ? 12 - r - 1 - rnd(3) : 2 + rnd(6);
  int noted = feat("cellnote") && chance(50) ? rnd(rows) : -1;
  for (int i = 0; i < rows; i++, r++) {
    snprintf(t->cells[r][0], 64, "%s%s", ROWLABELS[rnd(12)], i == noted ? SLOT : "");
    for (int c = 1; c < t->ncols; c++) {
      int v = rnd(chance(30) ? 30000 : 400);
      if (v >= 1000) snprintf(t->cells[r][c], 64, "%d.%03d", v / 1000, v % 1000);
      else snprintf(t->cells[r][c], 64, "%d", v);
    }
  }
  t->nrows = r;
  Piece *tp = add_piece(s, P_TABLE);
  tp->tab = t;
}

/* A numbered or lettered list after its introducing sentence. */
static void gen_numbered_list(Section *s)
{
  Piece *p = add_piece(s, P_PARA);
  paragraph_text(&p->text, rnd(2));
  if (p->text.n) sput(&p->text, " ");
  sput(&p->text, chance(50) ? "Daarvoor zijn de volgende stappen gezet:" : "Het gaat om de volgende punten:");
  int items = 2 + rnd(5), letters = chance(40);
  for (int k = 0; k < items; k++) {
    Piece *it = add_piece(s, P_ITEM);
    if (letters) snprintf(it->mark, sizeof it->mark, "%c.", 'a' + k);
    else snprintf(it->mark, sizeof it->mark, "%d.", (1 + k) & 0xff); /* at most 6 items */
    np(&it->text);
    cap_first(&it->text, 0);
    sput(&it->text, " wordt ");
    sput(&it->text, PICK(VERB_PP));
    if (chance(50)) sput(&it->text, ", zodat "), np(&it->text), sprint(&it->text, " kan worden %s", PICK(VERB_PP));
    sput(&it->text, k == items - 1 ? "." SLOT : ";" SLOT);
  }
}

static int figures;

static void gen_figure(Section *s)
{
  Piece *p = add_piece(s, P_PARA);
  paragraph_text(&p->text, rnd(2));
  if (p->text.n) sput(&p->text, " ");
  sprint(&p->text, "Figuur %d laat de ontwikkeling zien.", figures + 1);
  Piece *f = add_piece(s, P_FIGURE);
  Figure *g = f->fig = calloc(1, sizeof *g);
  g->number = ++figures;
  g->nbars = 3 + rnd(4);
  g->first_year = doc_year - g->nbars;
  static const int steps[] = {100, 250, 300, 500, 1000};
  g->step = steps[rnd(5)];
  g->nticks = 4 + rnd(2);
  for (int i = 0; i < g->nbars; i++) g->values[i] = rnd(g->step * g->nticks);
  const char *what = PLURAL[rnd(9)];
  Str c = {0};
  sprint(&c, "Figuur %d: Aantal %s per jaar", g->number, what);
  for (char *q = c.s; *q; q++) if (*q == '=') memmove(q, q + 1, strlen(q)), q--;
  snprintf(g->caption, sizeof g->caption, "%s", c.s);
  free(c.s);
}

/* An indented quotation after its introducing sentence. */
static void gen_quote(Section *s)
{
  Piece *p = add_piece(s, P_PARA);
  paragraph_text(&p->text, rnd(2));
  if (p->text.n) sput(&p->text, " ");
  sput(&p->text, "In de brief staat:");
  Piece *q = add_piece(s, P_QUOTE);
  sput(&q->text, "«");
  paragraph_text(&q->text, 2 + rnd(4));
  sput(&q->text, "»");
}

/* One of the features AHGEN_FEATURES turned on, or 0 (the caller goes on). */
static int gen_new_piece(Section *s)
{
  int k = rnd(4);
  if (k == 0 && feat("numlist")) gen_numbered_list(s);
  else if (k == 1 && feat("chart")) gen_figure(s);
  else if (k == 2 && feat("quote")) gen_quote(s);
  else if (k == 3 && (feat("cellnote") || feat("tablesplit")) && has_table_ok) gen_table(s);
  else return 0;
  return 1;
}

static void gen_answer_section(int first, int n, int verbosity)
{
  Section *s = new_section(S_ANTWOORD, first, n);
  int paras = 1 + rnd(verbosity);
  for (int i = 0; i < paras && s->np < 18; i++) {
    int what = rnd(100);
    if (what < 12 && s->np < 10 && !avoid("list")) {            /* a bulleted list */
      Piece *p = add_piece(s, P_PARA);
      paragraph_text(&p->text, rnd(2));
      if (p->text.n) sput(&p->text, " ");
      sput(&p->text, "Het gaat om:");
      int items = 2 + rnd(4);
      for (int k = 0; k < items; k++) {
        Piece *it = add_piece(s, P_ITEM);
        np(&it->text);
        cap_first(&it->text, 0);
        if (chance(40)) sput(&it->text, " en "), np(&it->text);
        if (chance(20)) sput(&it->text, " "), url(&it->text);
        sput(&it->text, k == items - 1 ? "." SLOT : ";" SLOT);
      }
    } else if (what < 18 && has_table_ok && s->np < 10) {
      gen_table(s);
    } else if (what < 30 && s->np < 10 && (feat("numlist") || feat("chart") || feat("quote") || feat("cellnote") || feat("tablesplit")) &&
               gen_new_piece(s)) {
      continue;
    } else {
      Piece *p = add_piece(s, P_PARA);
      paragraph_text(&p->text, 1 + rnd(6));
    }
  }
}

static void note_text(Str *b)
{
  int y = doc_year - 1 - rnd(5);
  int kind = rnd(11);
  if (kind < 2 && avoid("furniture")) kind = 2;
  switch (kind) {
  case 0: sprint(b, "Tweede Kamer, vergaderjaar %d–%d, %d %03d, nr. %d", y, y + 1, 29 + rnd(8), rnd(1000), 1 + rnd(900)); break;
  case 1: sprint(b, "Eerste Kamer, vergaderjaar %d–%d, %d %03d, %c", y, y + 1, 35 + rnd(3), rnd(1000), "ABCDE"[rnd(5)]); break;
  case 2: kamerstuk(b); break;
  case 3: sprint(b, "Kamerstukken II %d/%02d, %d %03d, nr. %d", y, (y + 1) % 100, 29 + rnd(8), rnd(1000), 1 + rnd(400)); break;
  case 4: sprint(b, "Aanhangsel Handelingen II %d/%02d, nr. %d", y, (y + 1) % 100, 1 + rnd(3000)); break;
  case 5: sprint(b, "Handelingen II %d/%02d, nr. %d, item %d", y, (y + 1) % 100, 1 + rnd(100), 1 + rnd(30)); break;
  case 6: url(b); break;
  case 7: sprint(b, "%s, ", PICK(PAPERS)), date_text(b, doc_year), sput(b, " ("), url(b), sput(b, ")"); break;
  case 8: sprint(b, "Brief van de Minister van %s van ", PICK(MINISTRIES)), date_text(b, y), sput(b, " over "), np(b), sput(b, ", "), kamerstuk(b), sput(b, "."); break;
  case 9: sput(b, "Zie het antwoord op vraag "), sprint(b, "%d.", 1 + rnd(9)); break;
  default: title(b), sput(b, " (rapport, "), date_text(b, y), sprint(b, "), p. %d", 2 + rnd(80)); break;
  }
}

/* A note long enough to be continued on the next page (notesplit). */
static void long_note(Str *b)
{
  int k = 2 + rnd(3);
  for (int i = 0; i < k; i++) sput(b, " Zie daarover ook "), np(b), sput(b, ".");
}

static void new_note(Str *out)
{
  sprint(out, "^%d", ++D.nnotes);
  note_text(&D.notes[D.nnotes]);
  if (feat("notesplit") && chance(60)) long_note(&D.notes[D.nnotes]);
}

/* One text with its slots resolved into out; *want notes still to place among
 * the *left slots still to come. */
static void resolve_text(const char *t, Str *out, int *want, int *left, int eager)
{
  for (const char *c = t; *c; c++) {
    if (*c != SLOT[0]) {
      char ch[2] = {*c, 0};
      sput(out, ch);
      continue;
    }
    if (eager ? D.nnotes < 30 && chance(70) : rnd(*left) < *want) {
      if (*want) (*want)--;
      new_note(out);
      if (feat("markerrun") && *want > 0 && chance(10)) {
        (*want)--;
        sput(out, "^,");  /* printed "¹˒ ²" */
        new_note(out);
      }
    }
    (*left)--;
  }
  if (!out->s) sput(out, "");
}

static int count_slots(const char *t)
{
  int n = 0;
  for (const char *c = t; c && *c; c++) n += *c == SLOT[0];
  return n;
}

/* Chooses which of the marker slots get a note (K of them, uniformly), numbers
 * them in reading order and drops the rest; a table's slots are in its cells. */
static void resolve_slots(int budget)
{
  int slots = 0;
  for (int i = 0; i < D.nsec; i++)
    for (int k = 0; k < D.sec[i].np; k++) {
      Piece *p = &D.sec[i].p[k];
      slots += count_slots(p->text.s);
      for (int r = 0; p->tab && r < p->tab->nrows; r++) slots += count_slots(p->tab->cells[r][0]);
    }
  int want = budget < slots ? budget : slots, left = slots;
  for (int i = 0; i < D.nsec; i++)
    for (int k = 0; k < D.sec[i].np; k++) {
      Piece *p = &D.sec[i].p[k];
      if (p->text.s) {
        Str out = {0};
        resolve_text(p->text.s, &out, &want, &left, 0);
        free(p->text.s);
        p->text = out;
      }
      for (int r = 0; p->tab && r < p->tab->nrows; r++) {
        Str out = {0};
        resolve_text(p->tab->cells[r][0], &out, &want, &left, 1);  /* only cellnote puts slots there */
        snprintf(p->tab->cells[r][0], 64, "%s", out.s);
        free(out.s);
      }
    }
}

/* ---- omschrijvingen ------------------------------------------------------ */

static int days_in(int m, int y) { return m == 2 ? (y % 4 ? 28 : 29) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31; }

typedef struct { int d, m, y; } Date;

static void date_both(Two *t, Date dt)
{
  char txt[64];
  snprintf(txt, sizeof txt, "%d %s %d", dt.d, MONTHS[dt.m - 1], dt.y);
  sput(&t->p, txt);
  sprint(&t->x, "<datum iso=\"%04d-%02d-%02d\">%s</datum>", dt.y, dt.m, dt.d, txt);
}

static void gen_omschrijving(Date in, Date out)
{
  Two *v = &D.oms_v;
  int nask = chance(55) ? 1 : 2 + rnd(chance(30) ? 3 : 1);
  char names[5][96], parties[5][32];
  for (int i = 0; i < nask; i++) {
    Str n = {0};
    name(&n);
    snprintf(names[i], sizeof names[i], "%s", n.s);
    free(n.s);
    snprintf(parties[i], sizeof parties[i], "%s", PICK(PARTIES));
  }
  int shared = nask > 1 && chance(45);
  if (shared)
    for (int i = 1; i < nask; i++) snprintf(parties[i], sizeof parties[i], "%s", parties[0]);
  both(v, nask == 1 ? "Vragen van het lid " : "Vragen van de leden ");
  for (int i = 0; i < nask; i++) {
    if (i) both(v, i == nask - 1 ? " en " : ", ");
    sprint(&v->p, "*%s*", names[i]);
    sprint(&v->x, "<vragensteller partij=\"%s\">", parties[i]);
    xput(&v->x, names[i]);
    sput(&v->x, "</vragensteller>");
    if (!shared) bothf(v, " (%s)", parties[i]);
  }
  if (shared) bothf(v, " (%s %s)", nask == 2 ? "beiden" : "allen", parties[0]);
  both(v, " aan de ");
  /* addressees */
  const char *m1 = PICK(MINISTRIES), *m2 = PICK(MINISTRIES), *m3 = PICK(MINISTRIES);
  while (m2 == m1) m2 = PICK(MINISTRIES);
  while (m3 == m1 || m3 == m2) m3 = PICK(MINISTRIES);
  const char *t1 = chance(70) ? "Minister" : "Staatssecretaris", *t2 = chance(60) ? "Minister" : "Staatssecretaris";
  int form = rnd(100);
  if (form < 45) {
    if (chance(15)) {
      const char *vo = PICK(VOOR);
      sprint(&v->p, "Minister voor %s", vo), sprint(&v->x, "<ontvanger>Minister voor %s</ontvanger>", vo);
    } else {
      sprint(&v->p, "%s van %s", t1, m1), sprint(&v->x, "<ontvanger>%s van %s</ontvanger>", t1, m1);
    }
  } else if (form < 75) {
    sprint(&v->p, "%s van %s en de %s van %s", t1, m1, t2, m2);
    sprint(&v->x, "<ontvanger>%s van %s</ontvanger> en de <ontvanger>%s van %s</ontvanger>", t1, m1, t2, m2);
  } else if (form < 87) {
    const char *pl = chance(70) ? "Ministers" : "Staatssecretarissen";
    const char *sg = pl[0] == 'M' ? "Minister" : "Staatssecretaris";
    sprint(&v->p, "%s van %s en van %s", pl, m1, m2);
    sprint(&v->x, "<ontvanger>%s van %s</ontvanger> en <ontvanger>%s van %s</ontvanger>", sg, m1, sg, m2);
  } else if (form < 95) {
    sprint(&v->p, "Staatssecretaris en de Minister van %s", m1);
    sprint(&v->x, "<ontvanger>Staatssecretaris van %s</ontvanger> en de <ontvanger>Minister van %s</ontvanger>", m1, m1);
  } else {
    sprint(&v->p, "%s van %s, de %s van %s en de Minister van %s", t1, m1, t2, m2, m3);
    sprint(&v->x, "<ontvanger>%s van %s</ontvanger>, de <ontvanger>%s van %s</ontvanger> en de "
                  "<ontvanger>Minister van %s</ontvanger>", t1, m1, t2, m2, m3);
  }
  both(v, " over ");
  Str subj = {0};
  if (chance(60)) sput(&subj, "het bericht «"), title(&subj), sput(&subj, "»");
  else np(&subj);
  int ital = chance(30);
  sprint(&v->p, "%s%s%s", ital ? "_" : "", subj.s, ital ? "_" : "");
  sput(&v->x, "<onderwerp>"), markup_xml(&v->x, subj.s), sput(&v->x, "</onderwerp>");
  free(subj.s);
  both(v, " (ingezonden ");
  date_both(v, in);
  both(v, ").");

  /* the answering sentence */
  Two *a = &D.oms_a;
  const char *func = chance(70) ? "Minister" : "Staatssecretaris";
  const char *min = chance(70) ? m1 : PICK(MINISTRIES);
  Str who = {0};
  name(&who);
  bothf(a, "%s van %s ", D.mededeling ? "Mededeling" : "Antwoord", func);
  sprint(&a->p, "*%s*", who.s);
  sprint(&a->x, "<beantwoorder functie=\"%s\" ministerie=\"%s\">", func, min);
  xput(&a->x, who.s);
  sput(&a->x, "</beantwoorder>");
  free(who.s);
  bothf(a, " (%s)", min);
  if (chance(30)) bothf(a, ", mede namens de %s van %s", chance(50) ? "Minister" : "Staatssecretaris", m2);
  both(a, " (ontvangen ");
  date_both(a, out);
  both(a, ").");
  if (!D.mededeling && chance(25)) {
    char zie[128];
    snprintf(zie, sizeof zie, "Aanhangsel Handelingen, vergaderjaar %d–%d, nr. %d", doc_year, doc_year + 1,
             1 + rnd(D.nummer > 1 ? D.nummer - 1 : 1));
    sprint(&a->p, " Zie ook %s.", zie);
    sput(&a->x, " Zie ook <zie-ook>"), xput(&a->x, zie), sput(&a->x, "</zie-ook>.");
  }
}

/* ---- pages ----------------------------------------------------------------- */

#define MAXNOTES 40
static Line note_lines[MAXNOTES][8];
static int note_nl[MAXNOTES];
/* A page's note zone: entries of note n, lines l0..l1-1 (l0 > 0: the rest of
 * a note continued from the page before, printed first, without number). */
typedef struct { int n, l0, l1; } NoteEnt;
static struct {
  int page, at_top;
  double y;
  NoteEnt ent[MAXNOTES];
  int nent, nlines;
  NoteEnt carry; /* what the next page's note zone begins with; n 0: nothing */
} pg;
static char footer[128];

static double first_note_base(int nlines) { return LAST_NOTE - (nlines - 1) * NOTE_PITCH; }

static void finish_page(void)
{
  if (pg.nent) {
    double y = first_note_base(pg.nlines);
    hrule(COL, COL + 56.69, y - 11.4);
    for (int i = 0; i < pg.nent; i++) {
      NoteEnt *e = &pg.ent[i];
      int n = e->n;
      char num[8];
      snprintf(num, sizeof num, "%d", n);
      int lost = damage("note") && n == 2, text_lost = lost || (damage("note-text") && n == 1);
      if (!lost && e->l0 == 0) text_at(num, COL, y - NOTE_NUM_UP, NOTE_NUM);
      for (int l = e->l0; l < e->l1; l++, y += NOTE_PITCH)
        if (!text_lost) text_at(note_lines[n][l].text, NOTE_X, y, NOTE);
    }
  }
  char num[8];
  int st = 0;
  snprintf(num, sizeof num, "%d", pg.page);
  text_at(num, COL_R - walk(num, strlen(num), 0, 0, 9.0595, &st, 0), FOOT_Y, 9.0595);
  text_at(footer, COL, FOOT_Y, 9.0595);
  cairo_show_page(cr);
}

static int colophon_year;

static void new_page(void)
{
  if (pg.page) finish_page();
  pg.page++, pg.nent = pg.nlines = 0, pg.at_top = 1;
  if (pg.carry.n) {
    pg.ent[pg.nent++] = pg.carry;
    pg.nlines = pg.carry.l1 - pg.carry.l0;
    pg.carry.n = 0;
  }
  pg.y = (pg.page == 1 ? FIRST_P1 : FIRST_PN) - PITCH;
  if (pg.page > 1) return;
  char buf[128];
  text_at(D.ek ? "*Eerste Kamer der Staten-Generaal*" : "*Tweede Kamer der Staten-Generaal*", LEFT, 43.94, 18.1191);
  text_at(D.ek ? "*1*" : "*2*", 487.45, 66.16, 51.1597);
  hrule(LEFT, COL_R, 85.3);
  snprintf(buf, sizeof buf, "Vergaderjaar %d–%d", doc_year, doc_year + 1);
  text_at(buf, LEFT, 100.74, 9.5924);
  text_at("*Aanhangsel van de Handelingen*", COL, 100.74, 9.978);
  hrule(LEFT, COL_R, 139.04);
  text_fit("*Vragen gesteld door de leden der Kamer, met de daarop door de*", COL, 157.61, 9.0595, COL_R - COL);
  text_fit("*regering gegeven antwoorden*", COL, 167.19, 9.0595, COL_R - COL);
  snprintf(buf, sizeof buf, "*%d*", D.nummer);
  text_at(buf, COL, 268.21, 12.7899);
  text_at(D.id, LEFT, 724.2, 5.862);
  text_at("ISSN 0921 - 7398", LEFT, 730.6, 5.862);
  snprintf(buf, sizeof buf, "’s-Gravenhage %d", colophon_year);
  text_at(buf, LEFT, 737.0, 5.862);
}

/* The note numbers of the markers in a printed line ("^," is no marker). */
static int line_refs(const char *text, int *refs, int max)
{
  int nr = 0;
  for (const char *q = strchr(text, '^'); q && nr < max; q = strchr(q + 1, '^'))
    if (q[1] >= '0' && q[1] <= '9') refs[nr++] = atoi(q + 1);
  return nr;
}

/* The notes of a line's markers go into this page's note zone. */
static void add_notes(const int *refs, int nr)
{
  for (int i = 0; i < nr; i++) {
    pg.ent[pg.nent++] = (NoteEnt){refs[i], 0, note_nl[refs[i]]};
    pg.nlines += note_nl[refs[i]];
  }
}

/* notesplit: a line at `base` whose last marker's note does not fit whole
 * takes what fits of that note (one line at least) and carries the rest to
 * the next page.  Returns 1 when it did. */
static int split_last_note(const int *refs, int nr, double base, int keep)
{
  if (!feat("notesplit") || !nr || pg.carry.n) return 0;
  int n = refs[nr - 1], before = pg.nlines;
  for (int i = 0; i + 1 < nr; i++) before += note_nl[refs[i]];
  for (int k = note_nl[n] - 1; k >= 1; k--)
    if (base + keep * PITCH <= first_note_base(before + k) - NOTE_CLEAR) {
      add_notes(refs, nr - 1);
      pg.ent[pg.nent++] = (NoteEnt){n, 0, k};
      pg.nlines += k;
      pg.carry = (NoteEnt){n, k, note_nl[n]};
      used("notesplit");
      return 1;
    }
  return 0;
}

/* One body line below the previous one; see mksample.c's place(). */
static void place(const Line *ln, double x, double gap, int keep, const char *bullet)
{
  int refs[16], nr = line_refs(ln->text, refs, 16), split = 0;
  if (strstr(ln->text, "^,")) used("markerrun");
  for (;;) {
    int lines = pg.nlines;
    for (int i = 0; i < nr; i++) lines += note_nl[refs[i]];
    double base = pg.y + PITCH + (pg.at_top ? 0 : gap);
    double max = lines ? first_note_base(lines) - NOTE_CLEAR : BODY_MAX;
    if (base + keep * PITCH <= max || pg.at_top) break;
    if ((split = split_last_note(refs, nr, base, keep))) break;
    new_page();
  }
  pg.y += PITCH + (pg.at_top ? 0 : gap);
  pg.at_top = 0;
  int st = ln->style;
  if (bullet) text_at(bullet, COL, pg.y, BODY);
  walk(ln->text, strlen(ln->text), x, pg.y, BODY, &st, 1);
  if (!split) add_notes(refs, nr);
}

#define QUOTE_IN 14.17 /* an indented quotation: 5 mm in on both sides */

static void paragraph(const char *src, double gap, const char *bullet, double in)
{
  static Line lines[160];
  double x = bullet ? BULLET_IN : COL + in;
  int n = break_text(src, COL_R - in - x, BODY, lines, 160);
  for (int i = 0; i < n; i++) {
    place(&lines[i], x, i ? 0 : gap, 0, bullet && !i ? bullet : NULL);
    size_t l = strlen(lines[i].text);
    if (i + 1 < n && l && lines[i].text[l - 1] == '-' && lines[i + 1].text[0] >= 'a' && lines[i + 1].text[0] <= 'z' &&
        strstr(src, "-|")) {
      char w[64];
      size_t st = l;
      while (st && lines[i].text[st - 1] != ' ') st--;
      snprintf(w, sizeof w, "%.*s|", (int)(l - st), lines[i].text + st);
      for (size_t c = 0; c < sizeof LOWER_COMPOUND / sizeof *LOWER_COMPOUND; c++)
        if (!strncmp(LOWER_COMPOUND[c], w, strlen(w)) || !strcmp(w, "niet-|")) {
          used("hyphen");
          break;
        }
    }
  }
}

static double mw(const char *s, size_t n, double size)
{
  int st = 0;
  return walk(s, n, 0, 0, size, &st, 0);
}

static double body_max(void) { return pg.nlines ? first_note_base(pg.nlines) - NOTE_CLEAR : BODY_MAX; }

/* Small type, rows on one baseline each: the first column left-aligned at
 * the body's edge, the others right-aligned on fixed column edges.  Markers
 * in a row's first cell put their notes on the row's page.  With tablesplit
 * a table that does not fit goes on at the top of the next page. */
static void table(const Table *t)
{
  int all[48], na = 0;
  for (int r = 0; r < t->nrows; r++) na += line_refs(t->cells[r][0], all + na, 48 - na);
  int lines = pg.nlines;
  for (int i = 0; i < na; i++) lines += note_nl[all[i]];
  double h = PITCH + (t->nrows - 1) * ROW_PITCH;
  double max = lines ? first_note_base(lines) - NOTE_CLEAR : BODY_MAX;
  int split = feat("tablesplit") && t->nrows > 4;
  if (!pg.at_top && pg.y + h + PITCH > max && (!split || pg.y + 3 * ROW_PITCH + PITCH > max)) new_page();
  double y = pg.at_top ? pg.y + PITCH : pg.y + PITCH + PITCH * 0.6;
  for (int r = 0; r < t->nrows; r++, y += ROW_PITCH) {
    int refs[8], nr = line_refs(t->cells[r][0], refs, 8);
    int l = pg.nlines;
    for (int i = 0; i < nr; i++) l += note_nl[refs[i]];
    if (split && r && y > (l ? first_note_base(l) - NOTE_CLEAR : BODY_MAX)) {
      used("tablesplit");
      new_page();
      y = pg.y + PITCH;
    }
    add_notes(refs, nr);
    if (nr) used("cellnote");
    text_at(t->cells[r][0], COL, y, NOTE);
    if (t->caption && r == 0) continue;
    for (int c = 1; c < t->ncols; c++) {
      double right = COL_R - (t->ncols - 1 - c) * 62.0;
      text_at(t->cells[r][c], right - mw(t->cells[r][c], strlen(t->cells[r][c]), NOTE), y, NOTE);
    }
  }
  pg.y = y - ROW_PITCH + PITCH * 0.6;
  pg.at_top = 0;
}

#define FIG_H 96.0 /* plot area of a chart */

static void fig_text(const char *s, double x, double base)
{
  text_at(s, x, base, NOTE);
}

static void thousands(char *out, size_t cap, int v)
{
  if (v >= 1000) snprintf(out, cap, "%d.%03d", v / 1000, v % 1000);
  else snprintf(out, cap, "%d", v);
}

/* A bar chart: y-axis labels right-aligned left of the axis, one bar per
 * year with its year below, and the caption in body type below the chart. */
static void figure(const Figure *g)
{
  double h = FIG_H + 2 * ROW_PITCH + 2 * PITCH;
  if (!pg.at_top && pg.y + h > body_max()) new_page();
  double top = pg.y + PITCH + (pg.at_top ? 0 : PITCH), ax = COL + 40, bottom = top + FIG_H;
  double span = g->step * g->nticks;
  used("chart");
  for (int t = g->nticks; t >= 0; t--) {
    char lab[16];
    thousands(lab, sizeof lab, t * g->step);
    double y = bottom - FIG_H * t / g->nticks;
    fig_text(lab, ax - 4 - mw(lab, strlen(lab), NOTE), y + 2.4);
    hrule(ax, ax + 3, y);
  }
  hrule(ax, COL_R - 40, bottom);
  cairo_set_line_width(cr, 0.283);
  cairo_move_to(cr, ax, top), cairo_line_to(cr, ax, bottom), cairo_stroke(cr);
  double slot = (COL_R - 40 - ax) / g->nbars;
  for (int i = 0; i < g->nbars; i++) {
    double bh = FIG_H * g->values[i] / span, x = ax + i * slot + slot * 0.25;
    cairo_set_source_rgb(cr, 0.55, 0.6, 0.7);
    cairo_rectangle(cr, x, bottom - bh, slot * 0.5, bh);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    char yr[8];
    snprintf(yr, sizeof yr, "%d", g->first_year + i);
    fig_text(yr, x + slot * 0.25 - mw(yr, strlen(yr), NOTE) / 2, bottom + ROW_PITCH);
  }
  pg.y = bottom + ROW_PITCH + PITCH;
  pg.at_top = 0;
  text_at(g->caption, COL, pg.y, BODY);
  pg.y += PITCH * 0.6;
}

/* ---- making a paragraph end visibly ------------------------------------- */

static double last_line_width(const char *src)
{
  static Line lines[160];
  int n = break_text(src, COL_W, BODY, lines, 160);
  if (!n) return 0;
  int st = lines[n - 1].style;
  return walk(lines[n - 1].text, strlen(lines[n - 1].text), 0, 0, BODY, &st, 0);
}

static double first_word_width(const char *src)
{
  size_t n = strcspn(src, " ");
  return mw(src, n, BODY);
}

/* A paragraph followed by another paragraph must end in a line the next
 * paragraph's first word would have fitted on; otherwise the break between
 * them is invisible in print.  Such a paragraph gets one more sentence. */
static void make_ends_visible(void)
{
  for (int i = 0; i < D.nsec; i++) {
    Section *s = &D.sec[i];
    for (int k = 0; k + 1 < s->np; k++) {
      if (s->p[k].kind != P_PARA || s->p[k + 1].kind != P_PARA) continue;
      for (int tries = 0; tries < 20; tries++) {
        double room = COL_W - last_line_width(s->p[k].text.s);
        if (room > first_word_width(s->p[k + 1].text.s) + 3.0 + 12.0) break;
        sput(&s->p[k].text, chance(50) ? " Dat is van belang." : " Ik kom daar in het najaar op terug.");
      }
    }
  }
}

/* ---- output ---------------------------------------------------------------- */

/* The words drawn inside a chart, in reading order (top to bottom: the
 * y-axis labels, then the years), apart from its caption. */
static void write_figure(Str *x, const Figure *g)
{
  sput(x, "\n    <figuur>\n      <bijschrift>"), xput(x, g->caption), sput(x, "</bijschrift>\n      <tekst>");
  for (int t = g->nticks; t >= 0; t--) {
    char lab[16];
    thousands(lab, sizeof lab, t * g->step);
    sprint(x, "%s ", lab);
  }
  for (int i = 0; i < g->nbars; i++) sprint(x, i ? " %d" : "%d", g->first_year + i);
  sput(x, "</tekst>\n    </figuur>");
}

static int write_xml(const char *path)
{
  Str x = {0};
  sput(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  sprint(&x, "<aanhangsel xmlns=\"urn:ahconv:aanhangsel:1\" versie=\"1\" id=\"%s\" kamer=\"%s\" "
             "vergaderjaar=\"%d-%d\" nummer=\"%d\">", D.id, D.ek ? "ek" : "tk", doc_year, doc_year + 1, D.nummer);
  sprint(&x, "\n  <omschrijving type=\"vraag\">%s</omschrijving>", sz(&D.oms_v.x));
  sprint(&x, "\n  <omschrijving type=\"%s\">%s</omschrijving>", D.mededeling ? "mededeling" : "antwoord",
         sz(&D.oms_a.x));
  for (int i = 0; i < D.nsec; i++) {
    Section *s = &D.sec[i];
    static const char *const el[] = {"vraag", "antwoord", "mededeling"};
    sprint(&x, "\n  <%s", el[s->type]);
    if (s->type != S_MEDEDELING) {
      sput(&x, " nummers=\"");
      for (int k = 0; k < s->nn; k++) sprint(&x, k ? " %d" : "%d", s->nums[k]);
      sput(&x, "\"");
    }
    sput(&x, ">");
    if (s->label[0]) sput(&x, "\n    <label>"), xput(&x, s->label), sput(&x, "</label>");
    for (int k = 0; k < s->np; k++) {
      Piece *p = &s->p[k];
      if (p->kind == P_PARA || p->kind == P_QUOTE) {
        sput(&x, "\n    <al>"), markup_xml(&x, p->text.s), sput(&x, "</al>");
      } else if (p->kind == P_FIGURE) {
        write_figure(&x, p->fig);
      } else if (p->kind == P_ITEM) {
        if (k == 0 || s->p[k - 1].kind != P_ITEM) sput(&x, "\n    <lijst>");
        sput(&x, "\n      <li>");
        if (p->mark[0]) sprint(&x, "%s ", p->mark);
        markup_xml(&x, p->text.s), sput(&x, "</li>");
        if (k + 1 == s->np || s->p[k + 1].kind != P_ITEM) sput(&x, "\n    </lijst>");
      } else {
        Table *t = p->tab;
        sput(&x, "\n    <tabel>");
        for (int r = 0; r < t->nrows; r++) {
          sput(&x, "\n      <rij>");
          int cols = t->caption && r == 0 ? 1 : t->ncols;
          for (int c = 0; c < cols; c++)
            sput(&x, "\n        <cel>"), markup_xml(&x, t->cells[r][c]), sput(&x, "</cel>");
          sput(&x, "\n      </rij>");
        }
        sput(&x, "\n    </tabel>");
      }
    }
    sprint(&x, "\n  </%s>", el[s->type]);
  }
  if (D.nnotes) {
    sput(&x, "\n  <noten>");
    for (int n = 1; n <= D.nnotes; n++) {
      sprint(&x, "\n    <noot n=\"%d\">\n      <al>", n);
      markup_xml(&x, D.notes[n].s);
      sput(&x, "</al>\n    </noot>");
    }
    sput(&x, "\n  </noten>");
  }
  sput(&x, "\n</aanhangsel>\n");
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(x.s, f);
  free(x.s);
  return fclose(f);
}

/* ---- the document ---------------------------------------------------------- */

static void generate(uint64_t seed)
{
  rng = seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL;
  memset(&D, 0, sizeof D);
  figures = 0;
  D.ek = chance(25);
  doc_year = 2019 + rnd(8);
  D.nummer = D.ek ? 1 + rnd(120) : 1 + rnd(3200);
  snprintf(D.id, sizeof D.id, "ah-%s-%d%d-%d", D.ek ? "ek" : "tk", doc_year, doc_year + 1, D.nummer);
  snprintf(footer, sizeof footer, "%s Kamer, vergaderjaar %d–%d, Aanhangsel", D.ek ? "Eerste" : "Tweede",
           doc_year, doc_year + 1);
  int r = rnd(100);
  D.mededeling = r < 8 ? 1 : r < 13 ? 2 : 0;

  /* dates: sent in the vergaderjaar, answered 1–9 weeks later */
  Date in = {1 + rnd(28), 0, 0};
  int mi = rnd(11); /* september .. juli */
  in.m = (8 + mi) % 12 + 1;
  in.y = in.m >= 9 ? doc_year : doc_year + 1;
  Date out = in;
  for (int d = 7 + rnd(56); d > 0; d--)
    if (++out.d > days_in(out.m, out.y)) {
      out.d = 1;
      if (++out.m > 12) out.m = 1, out.y++;
    }
  colophon_year = out.y;
  gen_omschrijving(in, out);

  int longdoc = chance(8); /* 20–30 questions with long answers: up to 15 pages */
  int nq = longdoc ? 20 + rnd(11) : 1 + rnd(chance(30) ? 30 : 10);
  int verbosity = longdoc ? 5 + rnd(4) : 1 + rnd(chance(25) ? 6 : 3);
  /* answer groups: usually one question each, sometimes two to four */
  int groups[40][2], ng = 0;
  for (int q = 1; q <= nq;) {
    int g = chance(78) ? 1 : 2 + rnd(3);
    if (q + g - 1 > nq) g = nq - q + 1;
    groups[ng][0] = q, groups[ng][1] = g, ng++;
    q += g;
  }
  if (D.mededeling == 2) {
    Section *s = new_section(S_MEDEDELING, 0, 0);
    Piece *p = add_piece(s, P_PARA);
    sput(&p->text, "De vragen kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord, "
                   "omdat voor de beantwoording afstemming nodig is met ");
    np(&p->text);
    sput(&p->text, ". Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.");
  }
  int answers_after = D.mededeling == 0 && chance(10);
  for (int g = 0; g < ng; g++) {
    int q = groups[g][0], n = groups[g][1];
    if (n > 1 && chance(50)) gen_question_section(q, n);
    else
      for (int k = 0; k < n; k++) gen_question_section(q + k, 1);
    if (!D.mededeling && !answers_after) gen_answer_section(q, n, verbosity);
  }
  if (answers_after)
    for (int g = 0; g < ng; g++) gen_answer_section(groups[g][0], groups[g][1], verbosity);
  if (D.mededeling == 1) {
    Section *s = new_section(S_MEDEDELING, 0, 0);
    Piece *p = add_piece(s, P_PARA);
    sput(&p->text, "De schriftelijke vragen over ");
    np(&p->text);
    sput(&p->text, " zijn beantwoord middels een brief over ");
    np(&p->text);
    sput(&p->text, " (");
    kamerstuk(&p->text);
    sput(&p->text, ") op ");
    date_text(&p->text, colophon_year);
    sput(&p->text, "." SLOT);
  }
  int budget = chance(20) ? 0 : 1 + rnd(15);
  resolve_slots(budget);
  make_ends_visible();
}

static void typeset(void)
{
  for (int n = 1; n <= D.nnotes; n++)
    for (int tries = 0;; tries++) {
      note_nl[n] = break_text(D.notes[n].s, COL_R - NOTE_X, NOTE, note_lines[n], 8);
      int digits = 0;
      for (int l = 1; l < note_nl[n]; l++)
        digits |= strspn(note_lines[n][l].text, "0123456789{}|=") == strlen(note_lines[n][l].text);
      if (!digits || !avoid("notedigits") || tries > 5) break;
      sput(&D.notes[n], " (bijlage)");
    }
  memset(&pg, 0, sizeof pg);
  new_page();
  paragraph(sz(&D.oms_v.p), 0, NULL, 0);
  paragraph(sz(&D.oms_a.p), OMS_GAP, NULL, 0);
  for (int i = 0; i < D.nsec; i++) {
    Section *s = &D.sec[i];
    if (s->type == S_MEDEDELING && D.mededeling == 2) {
      paragraph(s->p[0].text.s, PITCH, NULL, 0);
      continue;
    }
    Line label = {"", 0};
    snprintf(label.text, sizeof label.text, "%s", s->type == S_MEDEDELING ? "Mededeling" : s->label);
    place(&label, COL, PITCH, s->type == S_MEDEDELING ? 2 : 1, NULL);
    for (int k = 0; k < s->np; k++) {
      Piece *p = &s->p[k];
      double gap = s->type == S_MEDEDELING && k == 0 ? PITCH : 0;
      if (p->kind == P_TABLE) table(p->tab);
      else if (p->kind == P_FIGURE) figure(p->fig);
      else if (p->kind == P_ITEM) paragraph(p->text.s, gap, p->mark[0] ? p->mark : "•", 0);
      else paragraph(p->text.s, gap, NULL, p->kind == P_QUOTE ? QUOTE_IN : 0);
      if (p->kind == P_QUOTE) used("quote");
      if (p->kind == P_ITEM && p->mark[0] && (k == 0 || s->p[k - 1].kind != P_ITEM)) used("numlist");
    }
  }
  if (pg.carry.n) new_page(); /* the rest of a note continued: a page of its own */
  finish_page();
}

static int run(uint64_t seed, const char *pdf, const char *xml)
{
  generate(seed);
  cairo_surface_t *surf = cairo_pdf_surface_create(pdf, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "ahconv tests/gen/ahgen.c");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00Z");
  cr = cairo_create(surf);
  cairo_set_source_rgb(cr, 0, 0, 0);
  typeset();
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  int rc = cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surf);
  if (rc) {
    fprintf(stderr, "ahgen: writing %s failed\n", pdf);
    return 1;
  }
  if (write_xml(xml)) {
    fprintf(stderr, "ahgen: %s: %s\n", xml, strerror(errno));
    return 1;
  }
  for (int i = 0; i < D.nsec; i++)
    for (int k = 0; k < D.sec[i].np; k++)
      free(D.sec[i].p[k].text.s), free(D.sec[i].p[k].tab), free(D.sec[i].p[k].fig);
  for (int n = 0; n <= D.nnotes; n++) free(D.notes[n].s);
  free(D.oms_v.p.s), free(D.oms_v.x.s), free(D.oms_a.p.s), free(D.oms_a.x.s);
  return 0;
}

static int usage(void)
{
  fprintf(stderr, "usage: ahgen SEED OUT.pdf OUT.xml\n"
                  "       ahgen --seed N [--count K] --out DIR   (DIR/gen-N.pdf, DIR/gen-N.xml, …)\n");
  return 2;
}

int main(int argc, char **argv)
{
  ts_fonts fonts;
  ts_fonts_init(&fonts);
  int rc = 0;
  if (argc == 4 && argv[1][0] != '-') {
    rc = run(strtoull(argv[1], NULL, 10), argv[2], argv[3]);
  } else {
    const char *dir = NULL;
    unsigned long long seed = 0, count = 1;
    int have_seed = 0;
    for (int i = 1; i < argc; i++) {
      if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10), have_seed = 1;
      else if (!strcmp(argv[i], "--count") && i + 1 < argc) count = strtoull(argv[++i], NULL, 10);
      else if (!strcmp(argv[i], "--out") && i + 1 < argc) dir = argv[++i];
      else return usage();
    }
    if (!dir || !have_seed) return usage();
    mkdir(dir, 0777);
    for (unsigned long long s = seed; s < seed + count && !rc; s++) {
      char pdf[4096], xml[4096];
      snprintf(pdf, sizeof pdf, "%s/gen-%llu.pdf", dir, s);
      snprintf(xml, sizeof xml, "%s/gen-%llu.xml", dir, s);
      rc = run(s, pdf, xml);
    }
  }
  ts_fonts_done(&fonts);
  return rc;
}
