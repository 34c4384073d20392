/* mksample.c — writes the fictional sample document ah-tk-20252026-9999.pdf.
 *
 * The project cannot ship official PDFs, so it typesets its own Aanhangsel
 * with the page geometry of the official ones (measured with poppler on the
 * 2023–2024 corpus).  Line breaking, hyphenation and footnote placement are
 * done here rather than by Pango, so that every baseline lands exactly where
 * the official typesetter puts it; Pango only measures and draws runs.
 *
 *   cc -O2 -std=c11 -Wall -Wextra samples/mksample.c \
 *      $(pkg-config --cflags --libs pangocairo cairo) -o /tmp/mksample
 *   /tmp/mksample samples/ah-tk-20252026-9999.pdf [samples/ah-tk-20252026-9999.expected.txt]
 *
 * Markup in the content strings (none of these characters occurs in the text):
 *   *bold*  _italic_  ^1 note marker  ~2 subscript digit
 *   =  hyphenation point: invisible unless the word breaks there, then "-"
 *   |  break point that adds nothing (URLs, and after a real hyphen)
 * The geometry, run drawing and line breaking live in typeset.h, shared with
 * the test document generator tests/gen/ahgen.c.
 */
#include "typeset.h"


static const char *OMS_VRAAG =
  "Vragen van de leden *Jansen* (VVD) en *De Vries-van Dam* (GroenLinks-PvdA) aan de Minister "
  "van Infrastructuur en Waterstaat en de Staatssecretaris van Financiën over _het bericht "
  "«Nieuwe sluizen vertraagd»_ (ingezonden 3 september 2025).";
static const char *OMS_ANTW =
  "Antwoord van Minister *Bakker* (Infrastructuur en Waterstaat), mede namens de "
  "Staatssecretaris van Financiën (ontvangen 24 september 2025). Zie ook Aanhangsel "
  "Handelingen, vergaderjaar 2025–2026, nr. 9876.";

/* One vraag or antwoord; a paragraph starting with "• " is a list item. */
typedef struct { const char *label; const char *paras[8]; } Block;

static const Block BLOCKS[] = {
  {"Vraag 1", {
    "Bent u bekend met het bericht «Nieuwe sluizen vertraagd» en met het onder=lig=gende "
    "rapport^1 van de Inspectie Leefomgeving en Transport over de staat van de sluizen in het "
    "hoofd=vaar=wegen=net?"}},
  {"Antwoord 1", {
    "Ja, ik ben bekend met het bericht en met het rapport. De Inspectie heeft op verzoek van mijn "
    "ministerie onderzocht hoe het beheer, het onderhoud en de vervanging van de sluizen in het "
    "hoofd=vaar=wegen=net verlopen. Het volledige rapport met de bijlagen is te raadplegen via "
    "https://|www.example.org/|publicaties/|2025/|inspectie/|vervanging-sluizen-hoofdvaarwegennet.pdf.",
    "Het rapport bevestigt het beeld dat ik uw Kamer eerder heb geschetst: een groot deel van de "
    "sluizen is gebouwd in de jaren vijftig en zestig van de vorige eeuw en nadert het einde van de "
    "technische levensduur. Rijkswaterstaat heeft de vervanging van deze kunst=werken daarom "
    "opgenomen in een meerjarig programma, waarin de volgorde wordt bepaald door de technische "
    "staat, het belang voor de scheepvaart en de mogelijkheden om werkzaamheden te combineren."}},
  {"Vraag 2 en 3", {
    "Klopt het dat de oplevering van de nieuwe sluizen bij Gorinchem en Krimpen aan den IJssel met "
    "ten minste drie jaar wordt uitgesteld? Wat zijn hiervan de oorzaken?",
    "Welke gevolgen heeft dit uitstel voor de binnenvaart en voor de verduur=za=ming van de "
    "sector, in het bijzonder voor de uitstoot van CO~2?"}},
  {"Antwoord 2 en 3", {
    "Ja, dat klopt. De aannemer heeft in het voorjaar van 2025 gemeld dat de oplevering niet eerder "
    "dan in 2030 kan plaatsvinden, terwijl de oor=spron=ke=lij=ke planning uitging van de zomer van "
    "2027. De belangrijkste oorzaken zijn:",
    "• de gestegen prijzen van staal en beton, waardoor het tweede deelcontract opnieuw moest "
    "worden aanbesteed;",
    "• het tekort aan technisch personeel bij aannemers, ingenieursbureaus en bij Rijkswaterstaat "
    "zelf;",
    "• de langere doorlooptijd van de vergunning=verlening voor de stikstof=depositie tijdens de "
    "bouw^2.",
    "Rijkswaterstaat onderzoekt op dit moment samen met de provincie Zuid-|Holland en de betrokken "
    "gemeenten hoe de hinder voor de scheepvaart tijdens de bouw zo klein mogelijk kan blijven. "
    "Daarbij wordt onder meer gekeken naar langere be=dienings=tijden van de bestaande sluizen, het "
    "vooraf aankondigen van stremmingen en een betere spreiding van het scheep=vaart=verkeer over "
    "de dag. De bestaande sluizen blijven tot de in=ge=bruik=name van de nieuwe sluizen in bedrijf; "
    "daarvoor is extra onderhoud ingepland, zodat de kans op onvoorziene storingen beperkt blijft.",
    "Het uitstel heeft ook gevolgen voor de verduur=za=ming van de binnenvaart. Schepen moeten "
    "langer wachten en varen in sommige gevallen om, wat leidt tot een hoger brand=stof=ver=bruik. "
    "De extra uitstoot van CO~2 door omvaren en wachttijden wordt geraamd op ongeveer 12 kiloton "
    "per jaar zolang de nieuwe sluizen niet in gebruik zijn. Om dit te beperken versnelt "
    "Rijkswaterstaat de aanleg van walstroom=voor=zie=ningen bij de wachtplaatsen, zodat schepen "
    "hun motoren en aggregaten tijdens het wachten kunnen uitzetten. Ook worden de gegevens over "
    "verwachte wachttijden eerder en nauw=keu=ri=ger met de sector gedeeld, zodat schippers hun "
    "vaarsnelheid en route daarop kunnen afstemmen. Ik heb de branche=organisaties gevraagd om in "
    "het najaar samen met Rijkswaterstaat te bezien welke aanvullende maatregelen mogelijk zijn."}},
  {"Vraag 4", {
    "Wat zijn de extra kosten van de vertraging en uit welk budget worden deze betaald? Hoe worden "
    "schippers gecompenseerd die door de stremmingen inkomsten mislopen, en worden die "
    "vergoedingen fiscaal belast?"}},
  {"Antwoord 4", {
    "De meerkosten van de vertraging worden op dit moment geraamd op 140 tot 180 miljoen euro "
    "(prijspeil 2025). Het grootste deel daarvan bestaat uit de hogere aanneemsom voor het tweede "
    "deelcontract; daarnaast zijn er kosten voor het langer in stand houden van de bestaande "
    "sluizen en voor de maatregelen om de hinder te beperken. De meerkosten worden gedekt binnen "
    "het Mobiliteitsfonds^3, door de planning van enkele andere projecten in het programma "
    "Vervanging en Renovatie aan te passen. Ik informeer uw Kamer bij de eerst=vol=gende "
    "begrotings=wijziging over de precieze verdeling.",
    "Schippers die aan=toon=baar schade lijden door een stremming die langer duurt dan vooraf is "
    "aan=ge=kon=digd, kunnen een beroep doen op de bestaande regeling nadeel=compensatie. De "
    "Staatssecretaris van Financiën laat mij weten dat een dergelijke vergoeding voor een "
    "ondernemer tot de winst uit onderneming behoort en dus op de gebruikelijke wijze wordt "
    "belast, net als de inkomsten die zij vervangt. Dat is niet anders dan bij ver=ge=lijk=bare "
    "regelingen in andere sectoren."}},
  {"Vraag 5", {
    "Bent u bereid deze vragen afzonderlijk en vóór het commissiedebat Scheepvaart te "
    "beantwoorden?"}},
  {"Antwoord 5", {
    "De vragen zijn zo snel als mogelijk beantwoord. Voor het commissiedebat Scheepvaart van "
    "15 oktober 2025 ontvangt uw Kamer daarnaast de half=jaar=lijkse voortgangs=brief over het "
    "programma Vervanging en Renovatie^4, waarin ik nader inga op de planning van de sluizen bij "
    "Gorinchem en Krimpen aan den IJssel."}},
};

static const char *NOTES[] = {
  NULL,
  "https://www.example.org/rapport-sluizen-2025",
  "Brief van 12 juni 2025 over de voortgang van het programma Vervanging en Renovatie, "
  "Kamerstuk 35 570 A, nr. 72, bijlage 3 (stikstofdepositie tijdens de bouwfase).",
  "Kamerstuk 36 600 A, nr. 2",
  "Kamerstuk 35 570 A, nr. 80",
};
#define NNOTES ((int)(sizeof NOTES / sizeof NOTES[0]) - 1)

/* ---- pages -------------------------------------------------------------- */

static Line note_lines[NNOTES + 1][4];
static int note_nl[NNOTES + 1];
static struct {
  int page, at_top;
  double y;                 /* baseline of the last body line */
  int notes[NNOTES], nnotes, nlines;
} pg;

static double first_note_base(int nlines) { return LAST_NOTE - (nlines - 1) * NOTE_PITCH; }

/* Notes are set at the foot of the page whose body holds their marker,
 * bottom-aligned just above the running footer. */
static void finish_page(void)
{
  if (pg.nnotes) {
    double y = first_note_base(pg.nlines);
    hrule(COL, COL + 56.69, y - 11.4);
    for (int i = 0; i < pg.nnotes; i++) {
      int n = pg.notes[i];
      char num[8];
      snprintf(num, sizeof num, "%d", n);
      text_at(num, COL, y - NOTE_NUM_UP, NOTE_NUM);
      for (int l = 0; l < note_nl[n]; l++, y += NOTE_PITCH)
        text_at(note_lines[n][l].text, NOTE_X, y, NOTE);
    }
  }
  char num[8];  /* number first, so that cairo positions both absolutely */
  int st = 0;
  snprintf(num, sizeof num, "%d", pg.page);
  text_at(num, COL_R - walk(num, strlen(num), 0, 0, 9.0595, &st, 0), FOOT_Y, 9.0595);
  text_at("Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel", COL, FOOT_Y, 9.0595);
  cairo_show_page(cr);
}

static void new_page(void)
{
  if (pg.page) finish_page();
  pg.page++, pg.nnotes = pg.nlines = 0, pg.at_top = 1;
  pg.y = (pg.page == 1 ? FIRST_P1 : FIRST_PN) - PITCH;
  if (pg.page > 1) return;
  text_at("*Tweede Kamer der Staten-Generaal*", LEFT, 43.94, 18.1191);
  text_at("*2*", 487.45, 66.16, 51.1597);
  hrule(LEFT, COL_R, 85.3);
  text_at("Vergaderjaar 2025–2026", LEFT, 100.74, 9.5924);
  text_at("*Aanhangsel van de Handelingen*", COL, 100.74, 9.978);
  hrule(LEFT, COL_R, 139.04);
  text_fit("*Vragen gesteld door de leden der Kamer, met de daarop door de*", COL, 157.61, 9.0595,
           COL_R - COL);
  text_fit("*regering gegeven antwoorden*", COL, 167.19, 9.0595, COL_R - COL);
  text_at("*9999*", COL, 268.21, 12.7899);
  text_at("ah-tk-20252026-9999", LEFT, 724.2, 5.862);
  text_at("ISSN 0921 - 7398", LEFT, 730.6, 5.862);
  text_at("’s-Gravenhage 2025", LEFT, 737.0, 5.862);
}

/* Places one body line below the previous one (gap = extra space, dropped
 * at the top of a page).  keep > 0 demands room for that many more lines,
 * so a label never ends a page.  A line moves to the next page when it or
 * the notes it references would not fit above the notes. */
static void place(const Line *ln, double x, double gap, int keep, const char *bullet)
{
  int refs[8], nr = 0;
  for (const char *q = strchr(ln->text, '^'); q && nr < 8; q = strchr(q + 1, '^'))
    refs[nr++] = atoi(q + 1);
  for (;;) {
    int lines = pg.nlines;
    for (int i = 0; i < nr; i++) lines += note_nl[refs[i]];
    double base = pg.y + PITCH + (pg.at_top ? 0 : gap);
    double max = lines ? first_note_base(lines) - NOTE_CLEAR : BODY_MAX;
    if (base + keep * PITCH <= max || pg.at_top) break;
    new_page();
  }
  pg.y += PITCH + (pg.at_top ? 0 : gap);
  pg.at_top = 0;
  int st = ln->style;
  if (bullet) text_at(bullet, COL, pg.y, BODY);   /* first: cairo places it absolutely */
  walk(ln->text, strlen(ln->text), x, pg.y, BODY, &st, 1);
  for (int i = 0; i < nr; i++) {
    pg.notes[pg.nnotes++] = refs[i];
    pg.nlines += note_nl[refs[i]];
  }
}

static void paragraph(const char *src, double gap)
{
  Line lines[40];
  int bul = strncmp(src, "• ", strlen("• ")) == 0;
  double x = bul ? BULLET_IN : COL;
  int n = break_text(bul ? src + strlen("• ") : src, COL_R - x, BODY, lines, 40);
  for (int i = 0; i < n; i++)
    place(&lines[i], x, i ? 0 : gap, 0, bul && !i ? "•" : NULL);
}

/* The plain text a converter must recover: markup removed, note markers as
 * [^n], paragraphs and list items joined with single spaces. */
static void plain(FILE *f, const char *s)
{
  for (; *s; s++) {
    if (*s == '^' || *s == '~') {
      int note = *s == '^';
      if (note) fputs("[^", f);
      while (s[1] >= '0' && s[1] <= '9') fputc(*++s, f);
      if (note) fputc(']', f);
    } else if (!strchr("*_=|", *s)) fputc(*s, f);
  }
}

/* One line per vraag/antwoord ("label<TAB>text"), then one per note. */
static int write_expected(const char *path)
{
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  for (size_t b = 0; b < sizeof BLOCKS / sizeof BLOCKS[0]; b++) {
    fprintf(f, "%s\t", BLOCKS[b].label);
    for (int i = 0; BLOCKS[b].paras[i]; i++) {
      if (i) fputc(' ', f);
      plain(f, BLOCKS[b].paras[i]);
    }
    fputc('\n', f);
  }
  for (int n = 1; n <= NNOTES; n++) {
    fprintf(f, "Noot %d\t", n);
    plain(f, NOTES[n]);
    fputc('\n', f);
  }
  return fclose(f);
}

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s out.pdf [expected.txt]\n", argv[0]);
    return 2;
  }
  cairo_surface_t *surf = cairo_pdf_surface_create(argv[1], PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
    "Antwoord op vragen van de leden Jansen en De Vries-van Dam over «Nieuwe sluizen vertraagd»");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "ahconv samples/mksample.c");
  /* a fixed date keeps the committed file reproducible */
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, "2025-09-24T00:00:00Z");
  cr = cairo_create(surf);
  cairo_set_source_rgb(cr, 0, 0, 0);

  ts_fonts fonts;
  ts_fonts_init(&fonts);

  for (int n = 1; n <= NNOTES; n++)
    note_nl[n] = break_text(NOTES[n], COL_R - NOTE_X, NOTE, note_lines[n], 4);

  new_page();
  paragraph(OMS_VRAAG, 0);
  paragraph(OMS_ANTW, OMS_GAP);
  for (size_t b = 0; b < sizeof BLOCKS / sizeof BLOCKS[0]; b++) {
    Line label = {"", 0};
    snprintf(label.text, sizeof label.text, "%s", BLOCKS[b].label);
    place(&label, COL, PITCH, 1, NULL);           /* one blank line before */
    for (int i = 0; BLOCKS[b].paras[i]; i++) paragraph(BLOCKS[b].paras[i], 0);
  }
  finish_page();

  cairo_destroy(cr);
  cairo_surface_finish(surf);   /* a surface that failed to open fails here too */
  int rc = cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surf);
  ts_fonts_done(&fonts);
  if (rc) {
    fprintf(stderr, "%s: writing %s failed\n", argv[0], argv[1]);
    return 1;
  }

  if (argc == 3 && write_expected(argv[2])) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}
