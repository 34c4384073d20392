/* internal.h — types shared by the pipeline stages; never installed.
 *
 * The stages:  source_pdf.c  bytes  -> ah_lines  (text lines with geometry and style)
 *              source_html.c bytes  -> ah_flow   (HTML needs no layout stage)
 *              layout.c      lines  -> ah_flow   (paragraph blocks and footnotes, furniture out)
 *              structure.c   flow   -> ah_node tree (labels, omschrijving, mededeling, notes)
 *              meta.c        omschrijving text -> inline metadata nodes
 *              write_xml.c   tree   -> XML
 */
#ifndef AHCONV_INTERNAL_H
#define AHCONV_INTERNAL_H

#include "ahconv.h"
#include <stdbool.h>
#include <stddef.h>

/* ---- errors ---- */
void ah_error_set(ah_error *err, ah_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- gzip.c ---- */
bool ah_is_gzip(const unsigned char *d, size_t len);
int ah_gunzip(const unsigned char *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err);
int ah_gzip(const void *in, size_t len, unsigned char **out, size_t *out_len, ah_error *err);
/* the path names a gzip file: "*.gz" */
bool ah_names_gzip(const char *path);

/* ---- growing strings ---- */
typedef struct {
  char *data;
  size_t len, cap;
} ah_buf;
void ah_buf_put(ah_buf *b, const char *s, size_t n);
void ah_buf_puts(ah_buf *b, const char *s);
void ah_buf_putc(ah_buf *b, char c);
void ah_buf_printf(ah_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *ah_buf_steal(ah_buf *b); /* returns data (never NULL), resets b */
void ah_buf_free(ah_buf *b);
char *ah_strdup(const char *s);
char *ah_strndup(const char *s, size_t n);
void *ah_xmalloc(size_t n);
void *ah_xrealloc(void *p, size_t n);
void *ah_xcalloc(size_t n, size_t m);

/* ---- inline spans: the currency between layout and structure ---- */
enum {
  AH_STYLE_BOLD = 1 << 0,
  AH_STYLE_ITALIC = 1 << 1,
  AH_STYLE_SUP = 1 << 2, /* raised: a note marker or a real superscript */
  AH_STYLE_SUB = 1 << 3, /* lowered: a real subscript (CO2) */
  AH_STYLE_NOTEREF = 1 << 4 /* a known note marker (HTML: a.nootnum) */
};

typedef struct {
  char *text; /* UTF-8 */
  int style;
} ah_span;

typedef struct {
  ah_span *items;
  size_t n, cap;
} ah_spans;

void ah_spans_add(ah_spans *s, const char *text, size_t len, int style);
void ah_spans_free(ah_spans *s);
/* Plain text of the spans (style dropped), caller frees. */
char *ah_spans_text(const ah_spans *s);

/* ---- source stage output: one text line as printed ---- */
typedef struct {
  int page;           /* 0-based */
  double x0, x1;      /* left and right edge */
  double top, base;   /* top of the line box and its baseline (y grows downward) */
  double size;        /* dominant font size of the line */
  bool bold;          /* every letter bold */
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
int ah_source_pdf(const void *data, size_t len, ah_lines *out, ah_error *err);

/* ---- layout stage output ---- */
/* A TABLE block's text has cells separated by '\t' and rows by '\n'. */
typedef enum { AH_BLOCK_PARA, AH_BLOCK_NOTE, AH_BLOCK_TABLE } ah_block_kind;

typedef struct {
  ah_block_kind kind;
  int page_first, page_last; /* 1-based; 0 when unknown (HTML) */
  int note_number;           /* AH_BLOCK_NOTE */
  bool after_gap;            /* vertical space before it: a new section may start */
  bool list_item;            /* starts with a bullet */
  ah_node_type section;      /* HTML: heading of a div.vraag/.antwoord/…, NONE elsewhere */
  ah_spans spans;
} ah_block;

typedef struct {
  ah_block *items;
  size_t n, cap;
  /* furniture the layout stage read off the pages */
  char *id;           /* from the colophon */
  char *kamer;        /* "tk" / "ek" */
  char *vergaderjaar; /* "2023-2024" */
  int nummer;
  int pages;
} ah_flow;

void ah_flow_free(ah_flow *f);
ah_block *ah_flow_add(ah_flow *f, ah_block_kind kind);
int ah_layout(const ah_lines *lines, ah_flow *out, ah_error *err);
/* source_html.c: an HTML page straight to the flow (markup already says
 * what a paragraph is, so there is no layout stage) */
int ah_source_html(const void *data, size_t len, ah_flow *out, ah_error *err);
/* layout.c: appends one printed line to a paragraph whose plain text so far
 * is `text` (kept in step), deciding what the line break was: a space, a
 * hyphenation, a real hyphen, or a URL broken in two. */
void ah_join_line(ah_spans *para, ah_buf *text, const ah_spans *next, const char *next_text);
/* textlines.c: blocks holding "\n" line ends (an HTML preview of printed
 * pages) rebuilt into paragraphs, labels, notes; furniture dropped. */
void ah_text_lines(ah_flow *flow);

/* ---- nodes ---- */
struct ah_node {
  ah_node_type type;
  ah_node *parent, *first, *last, *next, *prev;
  char *literal;
  int *nums;
  size_t n_nums;
  int note;
  int page_first, page_last;
  char **attrs; /* name, value, name, value, …, NULL */
  size_t n_attrs;
};

ah_node *ah_node_new(ah_node_type type);
ah_node *ah_node_append(ah_node *parent, ah_node_type type);
ah_node *ah_node_append_text(ah_node *parent, const char *text, size_t len);
void ah_node_set_attr(ah_node *node, const char *name, const char *value);
void ah_node_free_tree(ah_node *node);
/* Inline metadata nodes of one type from all omschrijvingen, joined by sep;
 * with_party appends " (party)" to each.  Caller frees. */
char *ah_omschrijving_meta(const ah_node *root, ah_node_type type, const char *sep, bool with_party);

struct ah_doc {
  ah_node *root;
  char *id, *kamer, *vergaderjaar;
  int nummer;
  char *format, *source_name, *sha256;
  char *ingezonden, *ontvangen;
  int pages;
};

/* structure.c: flow -> tree under doc->root */
int ah_structure(ah_doc *doc, ah_flow *flow, ah_error *err);
/* meta.c: fill an omschrijving node from its sentence */
void ah_meta_omschrijving(ah_node *omschrijving, const char *sentence);
/* "3 juni 2021" at s -> "2021-06-03"; returns chars consumed, 0 if none */
size_t ah_parse_dutch_date(const char *s, char iso[11]);
/* "Vraag 2 en 3", "Antwoord 5", "Mededeling": a section heading. */
bool ah_is_label(const char *text);
/* Adds text to a paragraph-like node, marking URLs. */
void ah_append_inline_text(ah_node *parent, const char *text);

/* text utilities (text.c) */
char *ah_normalize_space(const char *s); /* collapse runs of white space, trim */
bool ah_starts_with(const char *s, const char *prefix);
/* Nothing but ASCII digits, and at least one. */
bool ah_is_digits(const char *s);
/* Bytes of a bullet glyph at t (•, ▪, …), 0 if none. */
size_t ah_bullet_glyph_length(const char *t);

#endif
