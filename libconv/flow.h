/* flow.h — the intermediates between the stages (see ARCHITECTURE.md):
 * printed lines (what a PDF source gives), the flow of blocks (what every
 * reader gives the structure stage), and the document facts a rendition
 * prints outside its text, which travel beside the flow, not in it.
 */
#ifndef AHCONV_FLOW_H
#define AHCONV_FLOW_H

#include "buffer.h"
#include "lexicon.h"
#include "registratie.h"
#include <stdbool.h>
#include <stddef.h>

/* ---- inline spans -------------------------------------------------------- */

enum {
  AH_STYLE_BOLD = 1 << 0,
  AH_STYLE_ITALIC = 1 << 1,
  AH_STYLE_SUP = 1 << 2,    /* raised: a note marker or a real superscript */
  AH_STYLE_SUB = 1 << 3,    /* lowered: a real subscript (CO2) */
  AH_STYLE_NOTEREF = 1 << 4, /* a known note marker (HTML: a.nootnum) */
  AH_STYLE_NOT_MARKER = 1 << 5 /* with SUP: the markup says a real superscript, never a
                                  note marker (the publisher's XML marks notes apart) */
};

typedef struct {
  char *text; /* UTF-8; "" for a marker */
  int style;
  int page;   /* 1-based page its first character was printed on; 0: unknown (HTML) */
  int note;   /* AH_STYLE_NOTEREF: the number of the note it marks (1..AH_MAX_NOTE_NUMBER) */
} ah_span;

typedef struct {
  ah_span *items;
  size_t n, cap;
} ah_spans;

/* Appends text; a span of the same style as the last one is merged into it,
 * so consumers see maximal runs — except a NOTEREF span, which is always one
 * marker of its own. */
void ah_spans_add(ah_spans *s, const char *text, size_t len, int style);
/* The same with the page the text was printed on: a new span takes it, a
 * merged one keeps its own unless it had none. */
void ah_spans_add_on(ah_spans *s, const char *text, size_t len, int style, int page);
/* A known note marker (the markup says it is one): a NOTEREF span of its
 * own carrying the note's number, never digits to be parsed again. */
void ah_spans_add_marker(ah_spans *s, int note, int page);
/* Sets the page of every span that has none (a printed line's spans). */
void ah_spans_set_page(ah_spans *s, int page);
/* Appends every span of src, with its page. */
void ah_spans_append(ah_spans *dst, const ah_spans *src);
void ah_spans_free(ah_spans *s);
/* Plain text of the spans (style dropped), caller frees. */
char *ah_spans_text(const ah_spans *s);

/* ---- printed lines: a PDF source's output -------------------------------- */

typedef struct {
  int page;                /* 0-based */
  double x0, x1;           /* left and right edge */
  double top, base;        /* top of the line box and its baseline (y grows downward) */
  double size;             /* dominant font size of the line */
  bool bold;               /* every letter bold */
  ah_spans spans;
  double first_word_width; /* width of the first word, for paragraph decisions */
} ah_line;

typedef struct {
  ah_line *items;
  size_t n, cap;
  int pages;
  double page_width, page_height;
} ah_lines;

void ah_lines_free(ah_lines *l);

/* ---- where a block was printed -------------------------------------------- */

/* A box on a PDF page in points, from the page's top left corner, y growing
 * downward (poppler's text coordinates). */
typedef struct {
  int page; /* 1-based */
  double x0, y0, x1, y1;
} ah_box;

/* Provenance: PDF boxes, one per page the block was printed on (the union
 * of its lines there); HTML: the element the block came from. */
typedef struct {
  ah_box *boxes;
  size_t n, cap;
  int line;   /* HTML: the element's source line (xmlGetLineNo), 0: unknown */
  char *path; /* HTML: the element's path (xmlGetNodePath), NULL: unknown */
} ah_pos;

/* Widens the box of `page` to hold the rectangle, or adds one for it. */
void ah_pos_add(ah_pos *p, int page, double x0, double y0, double x1, double y1);
/* Adds every box of src, and its line and path when p has none. */
void ah_pos_merge(ah_pos *p, const ah_pos *src);
bool ah_pos_empty(const ah_pos *p);
void ah_pos_free(ah_pos *p);

/* ---- the flow: every reader's output ------------------------------------- */

/* A table row: its cells, each a run of spans like a paragraph's. */
typedef struct {
  ah_spans *cells;
  size_t n, cap;
} ah_row;

typedef struct {
  ah_row *items;
  size_t n, cap;
} ah_rows;

/* PARA: a paragraph or list item; NOTE: a footnote's text; TABLE: rows of
 * cells (ah_block.rows); FIGURE: a chart or picture, its caption in spans
 * and the words drawn inside it in figure_words. */
typedef enum { AH_BLOCK_PARA, AH_BLOCK_NOTE, AH_BLOCK_TABLE, AH_BLOCK_FIGURE } ah_block_kind;

typedef struct {
  ah_block_kind kind;
  int page_first, page_last; /* 1-based; 0 when unknown (HTML) */
  int note_number;           /* AH_BLOCK_NOTE */
  bool after_gap;            /* vertical space before it: a new section may start */
  bool list_item;            /* starts with a bullet */
  ah_label_kind section;     /* the markup opened a vraag/antwoord/mededeling here */
  ah_spans spans;            /* PARA, NOTE: the text; FIGURE: the caption */
  ah_rows rows;              /* TABLE */
  ah_spans figure_words;     /* FIGURE: the words drawn inside, in reading order */
  ah_pos pos;                /* where it was printed */
} ah_block;

/* Table builder: a new row, and a new cell at the end of the last row (a
 * row is opened when there is none).  The cell's pointer lives until the
 * next cell or row is added. */
void ah_block_add_row(ah_block *b);
ah_spans *ah_block_add_cell(ah_block *b);

typedef struct {
  ah_block *items;
  size_t n, cap;
} ah_flow;

void ah_flow_free(ah_flow *f);
/* Frees what a block holds (a block built aside, never added). */
void ah_block_free(ah_block *b);
/* A new empty block at the end; the pointer lives until the next add. */
ah_block *ah_flow_add(ah_flow *f, ah_block_kind kind);

/* ---- what a rendition says about the publication ------------------------- */

typedef struct {
  char *id;             /* "ah-tk-20232024-2210", as printed */
  ah_kamer kamer;
  ah_session session;   /* first == 0: unknown */
  int nummer;           /* the Aanhangsel number, 0: unknown */
  int pages;            /* PDF pages, 0 for other renditions */
  ah_registratie record;/* the publisher's metadata record, where the rendition
                           carries it (an HTML page's head meta) */
} ah_docmeta;

/* Takes the id, when none is known yet. */
void ah_docmeta_take_id(ah_docmeta *m, const char *id, size_t len);
/* What the id says fills what the rendition did not print elsewhere. */
void ah_docmeta_complete_from_id(ah_docmeta *m);
void ah_docmeta_free(ah_docmeta *m);

/* The dates the omschrijving sentences carry, as ISO strings ("" if none):
 * the structure stage finds them, ahconv's own XML carries them. */
typedef struct {
  char sent[11];     /* ingezonden: the question's first date */
  char received[11]; /* ontvangen: the first date of an answer or notice */
} ah_dates;

/* ---- what no block holds ------------------------------------------------- */

/* Text the rendition printed that the reader could not place: verify
 * reports each, so nothing is lost without a word. */
/* (ah_lost_kind is public: ahconv.h) */
typedef struct {
  ah_lost_kind kind;
  int page; /* 1-based, 0: unknown */
  char *text;
} ah_lost;

typedef struct {
  ah_lost *items;
  size_t n, cap;
} ah_losses;

void ah_losses_add(ah_losses *l, ah_lost_kind kind, int page, const char *text);
void ah_losses_free(ah_losses *l);

#endif
