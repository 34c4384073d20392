/* Unit tests of layout.c on hand-made pages: furniture out, paragraphs by
 * geometry, line-end hyphens decided, footnotes paired with their numbers. */
#include "harness.h"
#include "layout.h"

#include <stdlib.h>

#define BODY 8.53
#define LEFT 202.7
#define RIGHT 517.0

static void add(ah_lines *l, int page, double x0, double x1, double base, double size, const char *text, int style) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->items = realloc(l->items, l->cap * sizeof *l->items);
  }
  ah_line *ln = &l->items[l->n++];
  memset(ln, 0, sizeof *ln);
  ln->page = page;
  ln->x0 = x0;
  ln->x1 = x1;
  ln->base = base;
  ln->top = base - size * 0.75;
  ln->size = size;
  ah_spans_add(&ln->spans, text, strlen(text), style);
  const char *sp = strchr(text, ' ');
  ln->first_word_width = (sp ? (double)(sp - text) : (double)strlen(text)) * size * 0.5;
}

/* A body line: full width unless `end` says where it stops. */
static double y;
static void body(ah_lines *l, int page, const char *text, double end) {
  add(l, page, LEFT, end, y, BODY, text, 0);
  y += 9.58;
}

static ah_lines make_document(void) {
  ah_lines l = {0};
  l.pages = 2;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, 36.9, 280, 44, 18.12, "Tweede Kamer der Staten-Generaal", AH_STYLE_BOLD);
  add(&l, 0, 36.9, 140, 100, 9.59, "Vergaderjaar 2023–2024", 0);
  add(&l, 0, LEFT, 380, 100, 9.98, "Aanhangsel van de Handelingen", AH_STYLE_BOLD);
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  body(&l, 0, "Vragen van het lid Erkens (VVD) aan de Minister van X over de voortgang", RIGHT - 2);
  body(&l, 0, "(ingezonden 2 juli 2024).", 300);
  y += 9.58;
  body(&l, 0, "Vraag 1", 235);
  body(&l, 0, "Hoe kan het dat de Ameri-", RIGHT - 1);
  body(&l, 0, "kaanse knelpunten in Zuid-", RIGHT - 1);
  body(&l, 0, "Holland en https://www.example.org/rapport-", RIGHT - 1);
  body(&l, 0, "sluizen nu pas blijken?", 330);
  body(&l, 0, "Tweede alinea van de vraag.", 320);
  add(&l, 0, 36.9, 110, 725, 5.86, "ah-tk-20232024-2210", 0);
  add(&l, 0, 36.9, 100, 731, 5.86, "ISSN 0921 - 7398", 0);
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  add(&l, 0, 516.5, 521, 737, 9.06, "1", 0);
  /* page 2: an answer with a note marker, and two footnotes at the foot */
  y = 36;
  body(&l, 1, "Antwoord 1", 240);
  add(&l, 1, LEFT, RIGHT - 1, y, BODY, "Het rapport", 0);
  ah_spans_add(&l.items[l.n - 1].spans, "1", 1, AH_STYLE_SUP);
  ah_spans_add(&l.items[l.n - 1].spans, " noemt dit.", 11, 0);
  l.items[l.n - 1].x1 = 300;
  y += 9.58;
  add(&l, 1, LEFT, 206, 655, 4.49, "1", 0);
  add(&l, 1, 208.9, 480, 658, 6.93, "Kamerstuk 32 813, nr. 1061, met een lange", 0);
  add(&l, 1, 208.9, 300, 666, 6.93, "tweede regel", 0);
  add(&l, 1, LEFT, 206, 671, 4.49, "2", 0);
  /* a note that cites a paper in the footer's words: its place makes it a note */
  add(&l, 1, 208.9, 400, 674, 6.93, "Tweede Kamer, vergaderjaar 2021–2022, 31 839, nr. 812", 0);
  add(&l, 1, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  add(&l, 1, 516.5, 521, 737, 9.06, "2", 0);
  return l;
}

/* A block's text; a table's cells joined by tabs and its rows by line breaks. */
static char *block_text(const ah_flow *f, size_t i) {
  const ah_block *b = &f->items[i];
  if (b->kind != AH_BLOCK_TABLE) return ah_spans_text(&b->spans);
  ah_buf out = {0};
  for (size_t r = 0; r < b->rows.n; r++)
    for (size_t c = 0; c < b->rows.items[r].n; c++) {
      char *t = ah_spans_text(&b->rows.items[r].cells[c]);
      ah_buf_puts(&out, c ? "\t" : r ? "\n" : "");
      ah_buf_puts(&out, t);
      free(t);
    }
  return ah_buf_steal(&out);
}

/* Two pages: a note at the foot of page 1; at the foot of page 2 small type
 * without a number, either a plain line (the note runs on) or a row of two
 * cells on one baseline (a table that ends the page). */
static ah_lines make_run_on(bool table) {
  ah_lines l = {0};
  l.pages = 2;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  body(&l, 0, "Vraag 1", 235);
  add(&l, 0, LEFT, 300, y, BODY, "Wat staat er", 0);
  ah_spans_add(&l.items[l.n - 1].spans, "1", 1, AH_STYLE_SUP);
  ah_spans_add(&l.items[l.n - 1].spans, "?", 1, 0);
  y += 9.58;
  add(&l, 0, LEFT, 206, 655, 4.49, "1", 0);
  add(&l, 0, 208.9, 480, 658, 6.93, "Een lange noot die op de volgende", 0);
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  y = 36;
  body(&l, 1, "Antwoord 1", 240);
  body(&l, 1, "Dit staat er.", 300);
  if (table) {
    add(&l, 1, LEFT, 250, 100, 6.93, "Jaar", 0);
    add(&l, 1, 300, 330, 100, 6.93, "2024", 0);
  } else {
    add(&l, 1, 208.9, 400, 100, 6.93, "bladzijde verder gaat.", 0);
  }
  add(&l, 1, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  return l;
}

static void test_note_runs_on(void) {
  for (int table = 0; table < 2; table++) {
    ah_lines l = make_run_on(table);
    ah_flow f;
    ah_docmeta meta = {0};
    ah_losses losses = {0};
    ah_error err = {0};
    CHECK_INT(ah_layout(&l, &f, &meta, &losses, &err), 0);
    CHECK_INT(losses.n, 0);
    ah_docmeta_free(&meta);
    ah_losses_free(&losses);
    size_t notes = 0, tables = 0;
    for (size_t i = 0; i < f.n; i++) {
      char *t = block_text(&f, i);
      if (f.items[i].kind == AH_BLOCK_NOTE) {
        notes++;
        CHECK_STR(t, table ? "Een lange noot die op de volgende" : "Een lange noot die op de volgende bladzijde verder gaat.");
      } else if (f.items[i].kind == AH_BLOCK_TABLE) {
        tables++;
        CHECK_STR(t, "Jaar\t2024");
      }
      free(t);
    }
    CHECK_INT(notes, 1);
    CHECK_INT(tables, table ? 1 : 0);
    ah_flow_free(&f);
    ah_lines_free(&l);
  }
}

/* A table line opened by the continuation mark (a wide table in ahconv's
 * clean PDF) goes on with the row above it; a mark on the first line opens
 * no row of its own (nothing above) and stays text. */
static void test_table_row_continues(void) {
  ah_lines l = {0};
  l.pages = 1;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  body(&l, 0, "Antwoord 1", 240);
  body(&l, 0, "De cijfers:", 300);
  add(&l, 0, LEFT, 400, 330, 6.93, "K1\tK2", 0);
  add(&l, 0, LEFT, 400, 339, 6.93, "\xE2\x86\xAA\tK3\tK4", 0);
  add(&l, 0, LEFT, 400, 348, 6.93, "a\tb", 0);
  add(&l, 0, LEFT, 250, 357, 6.93, "\xE2\x86\xAA", 0); /* the mark a piece of its own */
  add(&l, 0, 300, 400, 357, 6.93, "c\td", 0);
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  ah_flow f;
  ah_docmeta meta = {0};
  ah_losses losses = {0};
  ah_error err = {0};
  CHECK_INT(ah_layout(&l, &f, &meta, &losses, &err), 0);
  CHECK_INT(losses.n, 0);
  size_t tables = 0;
  for (size_t i = 0; i < f.n; i++) {
    if (f.items[i].kind != AH_BLOCK_TABLE) continue;
    char *t = block_text(&f, i);
    CHECK_STR(t, "K1\tK2\tK3\tK4\na\tb\tc\td");
    free(t);
    tables++;
  }
  CHECK_INT(tables, 1);
  ah_docmeta_free(&meta);
  ah_losses_free(&losses);
  ah_flow_free(&f);
  ah_lines_free(&l);
}

/* A note number printed with no note text beside it is reported lost,
 * with its page; nothing else is. */
static void test_orphan_note_number(void) {
  ah_lines l = make_document();
  add(&l, 1, LEFT, 206, 690, 4.49, "3", 0);
  ah_flow f;
  ah_docmeta meta = {0};
  ah_losses losses = {0};
  ah_error err = {0};
  CHECK_INT(ah_layout(&l, &f, &meta, &losses, &err), 0);
  CHECK_INT(losses.n, 1);
  if (losses.n) {
    CHECK_INT(losses.items[0].kind, AH_LOST_NOTE_NUMBER);
    CHECK_INT(losses.items[0].page, 2);
    CHECK_STR(losses.items[0].text, "3");
  }
  ah_losses_free(&losses);
  ah_docmeta_free(&meta);
  ah_flow_free(&f);
  ah_lines_free(&l);
}

/* Lays out l (and frees it): whether texts a and b each came out as a
 * block of their own. */
static bool blocks_of_their_own(ah_lines *l, const char *a, const char *b) {
  ah_flow f;
  ah_docmeta meta = {0};
  ah_losses losses = {0};
  ah_error err = {0};
  CHECK_INT(ah_layout(l, &f, &meta, &losses, &err), 0);
  bool first = false, second = false;
  for (size_t i = 0; i < f.n; i++) {
    char *t = block_text(&f, i);
    first = first || !strcmp(t, a);
    second = second || !strcmp(t, b);
    free(t);
  }
  ah_losses_free(&losses);
  ah_docmeta_free(&meta);
  ah_flow_free(&f);
  ah_lines_free(l);
  return first && second;
}

/* A short document of labels, one-line paragraphs and blank lines: most
 * baseline steps are gaps, so the lower quartile of the steps is one; the
 * line pitch is the plain line feed, and two full-width one-line
 * paragraphs set apart by a blank line stay two. */
static void test_pitch_of_a_short_document(void) {
  ah_lines l = {0};
  l.pages = 1;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  body(&l, 0, "Vragen van het lid Erkens (VVD) aan de Minister van X over de voortgang", RIGHT - 2);
  body(&l, 0, "(ingezonden 2 juli 2024).", 300);
  static const char *const lines[] = {"Vraag 1", "Is het waar dat de sluis in Zuid-Holland dicht is?",
                                      "Wanneer gaat de sluis weer open voor de scheepvaart?", "Antwoord 1",
                                      "Ja.", "Vraag 2", "Waarom?", "Antwoord 2", "Daarom."};
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    y += 6; /* a blank line before each: 15.58 a step, a plain line feed 9.58 */
    body(&l, 0, lines[i], i == 1 || i == 2 ? RIGHT - 1 : 300);
  }
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  CHECK(blocks_of_their_own(&l, lines[1], lines[2]));
}

/* A short document without blank lines, mostly short lines: the share of
 * lines that sets the right edge falls on a short one, so the two widest
 * lines set it; a line that stopped though the next word would have fit
 * still ends its paragraph. */
static void test_right_edge_of_a_short_document(void) {
  ah_lines l = {0};
  l.pages = 1;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  static const struct {
    const char *text;
    double end;
  } lines[] = {{"Vragen van het lid Erkens (VVD) aan de Minister van X over de voortgang", RIGHT - 2},
               {"van de sluizen in Zuid-Holland en de kosten daarvan voor de regio", RIGHT - 2},
               {"(ingezonden 2 juli 2024).", 300},
               {"Vraag 1", 235},
               {"Is het waar dat de sluis dicht is?", 390},
               {"Wanneer gaat de sluis weer open?", 380},
               {"Antwoord 1", 240},
               {"Ja, sinds maandag.", 330},
               {"Vraag 2", 235},
               {"Waarom duurt het zo lang?", 350},
               {"Antwoord 2", 240},
               {"Door de storing.", 320},
               {"Vraag 3", 235},
               {"Wat kost het?", 300},
               {"Antwoord 3", 240},
               {"Niets.", 280}};
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) body(&l, 0, lines[i].text, lines[i].end);
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  CHECK(blocks_of_their_own(&l, lines[4].text, lines[5].text));
}

/* Lays out a one-page answer of lines {x0, x1, text} after a label; the
 * flow's blocks from the answer on, as "[li]" + text per block, joined by
 * " | ", into out. */
typedef struct {
  double x0, x1;
  const char *text;
} placed_line;

static void answer_blocks(const placed_line *lines, size_t n, char *out, size_t cap) {
  ah_lines l = {0};
  l.pages = 1;
  l.page_width = 558.4;
  l.page_height = 771.0;
  add(&l, 0, LEFT, 237, 268, 12.79, "2210", AH_STYLE_BOLD);
  y = 297;
  body(&l, 0, "Vragen van het lid Erkens (VVD) aan de Minister van X over de voortgang", RIGHT - 2);
  body(&l, 0, "(ingezonden 2 juli 2024).", 300);
  y += 9.58;
  body(&l, 0, "Antwoord 1", 240);
  for (size_t i = 0; i < n; i++) {
    add(&l, 0, lines[i].x0, lines[i].x1, y, BODY, lines[i].text, 0);
    y += 9.58;
  }
  add(&l, 0, LEFT, 410, 737, 9.06, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", 0);
  ah_flow f;
  ah_docmeta meta = {0};
  ah_losses losses = {0};
  ah_error err = {0};
  CHECK_INT(ah_layout(&l, &f, &meta, &losses, &err), 0);
  out[0] = 0;
  for (size_t i = 0, on = 0; i < f.n; i++) {
    char *t = block_text(&f, i);
    if (!strcmp(t, "Antwoord 1")) on = 1;
    else if (on)
      snprintf(out + strlen(out), cap - strlen(out), "%s%s%s", out[0] ? " | " : "", f.items[i].list_item ? "[li]" : "", t);
    free(t);
  }
  ah_losses_free(&losses);
  ah_docmeta_free(&meta);
  ah_flow_free(&f);
  ah_lines_free(&l);
}

/* An indented quotation (set in 14 pt on both sides) is one paragraph: its
 * full lines stop 14 pt short of the column's edge and are not paragraph
 * ends, its hyphenation is undone, and the paragraphs before and after it
 * (at the column's edge) are paragraphs of their own. */
static void test_indented_quotation(void) {
  static const placed_line lines[] = {
      {LEFT, RIGHT - 1, "Het kabinet heeft de brief gelezen en neemt de aanbevelingen over. In"},
      {LEFT, 300, "de brief staat:"},
      {LEFT + 14.2, RIGHT - 14.5, "«De gemeente heeft de aanvul-"},
      {LEFT + 14.2, RIGHT - 16, "lende regeling voor de zomer afgerond. Ik kom daar"},
      {LEFT + 14.2, 330, "op terug.»"},
      {LEFT, 300, "Dat is van belang."}};
  char got[1024];
  answer_blocks(lines, sizeof lines / sizeof *lines, got, sizeof got);
  CHECK_STR(got, "Het kabinet heeft de brief gelezen en neemt de aanbevelingen over. In de brief staat: | "
                 "«De gemeente heeft de aanvullende regeling voor de zomer afgerond. Ik kom daar op terug.» | "
                 "Dat is van belang.");
}

/* Numbered and lettered items with a hanging indent are list items, the
 * number kept; a one-line item is one by its neighbour's number; a
 * paragraph that starts "3." without either stays a paragraph. */
static void test_numbered_list(void) {
  static const placed_line lines[] = {{LEFT, 300, "Het gaat om:"},
                                      {LEFT, RIGHT - 1, "a. de eerste maatregel, die over twee regels"},
                                      {LEFT + 14.2, 330, "loopt;"},
                                      {LEFT, 330, "b. de tweede;"},
                                      {LEFT, 330, "c. de derde."},
                                      {LEFT, 300, "1. Eén regel."},
                                      {LEFT, 330, "3. Drie is een getal."}};
  char got[1024];
  answer_blocks(lines, sizeof lines / sizeof *lines, got, sizeof got);
  CHECK_STR(got, "Het gaat om: | [li]a. de eerste maatregel, die over twee regels loopt; | [li]b. de tweede; | "
                 "[li]c. de derde. | 1. Eén regel. | 3. Drie is een getal.");
}

/* A masthead on page `page`: the chamber in large type, the number in
 * bold below it (at `number_base`), `bold` or not. */
static void masthead(ah_lines *l, int page, double number_base, bool bold) {
  add(l, page, 36.9, 280, 44, 18.12, "Tweede Kamer der Staten-Generaal", AH_STYLE_BOLD);
  add(l, page, LEFT, 237, number_base, 12.79, "2210", bold ? AH_STYLE_BOLD : 0);
  l->items[l->n - 1].bold = bold;
}

/* Where a document starts: page 1, and a later page that opens with a
 * masthead of its own; a large bold number lower on the page, or one with
 * no chamber above it, or a plain one, starts nothing. */
static void test_document_starts(void) {
  ah_lines l = {0};
  l.pages = 6;
  l.page_width = 558.4;
  l.page_height = 771.0;
  for (int p = 0; p < 6; p++) {
    y = 300;
    for (int k = 0; k < 20; k++) body(&l, p, "Vraag 1 met een regel tekst van de volle breedte hier", RIGHT - 1);
  }
  masthead(&l, 0, 268, true);
  masthead(&l, 2, 268, true);  /* a second document */
  masthead(&l, 3, 700, true);  /* the number low on the page: text */
  masthead(&l, 4, 268, false); /* not bold: text */
  add(&l, 5, LEFT, 237, 268, 12.79, "2211", AH_STYLE_BOLD); /* no chamber above */
  l.items[l.n - 1].bold = true;
  /* the source gives lines page by page */
  for (size_t i = 1; i < l.n; i++)
    for (size_t j = i; j > 0 && l.items[j - 1].page > l.items[j].page; j--) {
      ah_line t = l.items[j];
      l.items[j] = l.items[j - 1];
      l.items[j - 1] = t;
    }
  int *starts;
  size_t n = ah_layout_document_starts(&l, &starts);
  CHECK_INT(n, 2);
  CHECK_INT(starts[0], 0);
  CHECK_INT(n > 1 ? starts[1] : -1, 2);
  free(starts);
  ah_lines_free(&l);
}

/* A real hyphen at a line's end before a word with a note marker glued to
 * it: the word list is asked about the word without the marker. */
static void test_hyphen_before_marker(void) {
  static const placed_line lines[] = {{LEFT, RIGHT - 1, "Deelt u de mening dat het aantal plaatsen in de tbs-"},
                                      {LEFT, 330, "klinieken1 moet stijgen?"}};
  char got[1024];
  answer_blocks(lines, sizeof lines / sizeof *lines, got, sizeof got);
  CHECK_STR(got, "Deelt u de mening dat het aantal plaatsen in de tbs-klinieken1 moet stijgen?");
}

int main(void) {
  test_hyphen_before_marker();
  test_indented_quotation();
  test_numbered_list();
  test_document_starts();
  test_right_edge_of_a_short_document();
  test_pitch_of_a_short_document();
  test_orphan_note_number();
  ah_lines l = make_document();
  ah_flow f;
  ah_docmeta meta = {0};
  ah_losses losses = {0};
  ah_error err = {0};
  CHECK_INT(ah_layout(&l, &f, &meta, &losses, &err), 0);
  CHECK_INT(losses.n, 0); /* every line is furniture or in a block */
  CHECK_STR(meta.id, "ah-tk-20232024-2210");
  CHECK_INT(meta.kamer, AH_KAMER_TK);
  CHECK_INT(meta.session.first, 2023);
  CHECK_INT(meta.session.second, 2024);
  CHECK_INT(meta.nummer, 2210);
  CHECK_INT(meta.pages, 2);
  ah_docmeta_free(&meta);

  const char *want[] = {
      "Vragen van het lid Erkens (VVD) aan de Minister van X over de voortgang (ingezonden 2 juli 2024).",
      "Vraag 1",
      /* Ameri-/kaanse joins; Zuid-/Holland keeps its hyphen; the URL keeps its own */
      "Hoe kan het dat de Amerikaanse knelpunten in Zuid-Holland en https://www.example.org/rapport-sluizen nu pas blijken?",
      "Tweede alinea van de vraag.",
      "Antwoord 1",
      "Het rapport1 noemt dit.",
  };
  size_t n_para = 0;
  for (size_t i = 0; i < f.n; i++) {
    if (f.items[i].kind != AH_BLOCK_PARA) continue;
    char *t = block_text(&f, i);
    if (n_para < sizeof want / sizeof *want) CHECK_STR(t, want[n_para]);
    free(t);
    n_para++;
  }
  CHECK_INT(n_para, 6);
  /* the marker stays raised for the structure stage */
  size_t notes = 0;
  for (size_t i = 0; i < f.n; i++) {
    if (f.items[i].kind != AH_BLOCK_NOTE) continue;
    char *t = block_text(&f, i);
    if (notes == 0) {
      CHECK_INT(f.items[i].note_number, 1);
      CHECK_STR(t, "Kamerstuk 32 813, nr. 1061, met een lange tweede regel");
      CHECK_INT(f.items[i].page_first, 2);
    } else {
      CHECK_INT(f.items[i].note_number, 2);
      CHECK_STR(t, "Tweede Kamer, vergaderjaar 2021–2022, 31 839, nr. 812");
    }
    free(t);
    notes++;
  }
  CHECK_INT(notes, 2);
  bool raised = false;
  for (size_t i = 0; i < f.n; i++)
    for (size_t k = 0; k < f.items[i].spans.n; k++)
      if ((f.items[i].spans.items[k].style & AH_STYLE_SUP) && strcmp(f.items[i].spans.items[k].text, "1") == 0)
        raised = true;
  CHECK(raised);
  ah_flow_free(&f);
  ah_lines_free(&l);

  test_note_runs_on();
  test_table_row_continues();

  /* no text at all: a scanned PDF */
  ah_lines empty = {0};
  empty.pages = 1;
  CHECK_INT(ah_layout(&empty, &f, &meta, &losses, &err), -1);
  ah_docmeta_free(&meta);
  CHECK_INT(err.code, AH_ERROR_NOT_AANHANGSEL);
  ah_flow_free(&f);
  return harness_report();
}
