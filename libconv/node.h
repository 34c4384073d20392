/* node.h — the document tree's node (cmark's node.h): links, pages, and the
 * data of each type in a union, so a node carries exactly what its type
 * means.  The public accessors in ahconv.h read it; ah_node_get_attr maps
 * the XML attribute names onto these fields.
 */
#ifndef AHCONV_NODE_H
#define AHCONV_NODE_H

#include "ahconv.h"
#include "buffer.h"
#include "flow.h"
#include <stdbool.h>
#include <stddef.h>

/* The last value of ah_node_type, for loops over every type. */
#define AH_NODE_LAST_TYPE AH_NODE_FIGURE_TEXT

typedef enum { AH_OMSCHRIJVING_VRAAG, AH_OMSCHRIJVING_ANTWOORD, AH_OMSCHRIJVING_MEDEDELING } ah_omschrijving_kind;

struct ah_node {
  ah_node_type type;
  ah_node *parent, *first, *last, *next, *prev;
  int page_first, page_last; /* 1-based, 0: unknown; VRAAG/ANTWOORD/MEDEDELING/NOOT */
  ah_pos *pos;               /* where it was printed, NULL: unknown (see ah_node_set_pos) */
  union {
    char *literal;                    /* TEXT */
    ah_ints numbers;                  /* VRAAG, ANTWOORD: the label's numbers */
    struct {
      int number;
      char text[12];                  /* the number as the "n" attribute */
    } note;                           /* NOOT, NOTE_REF */
    ah_omschrijving_kind omschrijving;/* OMSCHRIJVING */
    char *party;                      /* VRAGENSTELLER, NULL: none printed */
    char iso[11];                     /* DATUM: "2024-06-07" */
    struct {
      char *function, *ministry;      /* "Minister", "BZ"; ministry may be NULL */
    } answerer;                       /* BEANTWOORDER */
  } as;
};

/* ---- attributes: one table per node type (node.c) ----------------------- */

/* How a value is kept, for writers that type it (JSON). */
typedef enum { AH_ATTR_TEXT, AH_ATTR_NUMBER, AH_ATTR_NUMBERS, AH_ATTR_PAGES } ah_attr_kind;
typedef enum { AH_ATTR_TYPE, AH_ATTR_NUMMERS, AH_ATTR_PAGINA, AH_ATTR_N, AH_ATTR_PARTIJ, AH_ATTR_ISO,
               AH_ATTR_FUNCTIE, AH_ATTR_MINISTERIE } ah_attr_id;

typedef struct {
  const char *name; /* as the XML, the JSON and ah_node_get_attr spell it */
  ah_attr_id id;
  ah_attr_kind kind;
  bool position;    /* where it was printed: left out with AH_OPT_NO_SOURCE */
} ah_attr_def;

/* The attributes a node of this type can have, in the schema's order; *n
 * gets their number (0: none, and NULL is returned). */
const ah_attr_def *ah_node_attr_defs(ah_node_type type, size_t *n);
/* The attribute's value as the XML writes it, into *out (emptied first);
 * false when the node has none (a party not printed, no page). */
bool ah_node_attr_text(const ah_node *node, const ah_attr_def *a, ah_buf *out);
/* Sets the attribute `name` from its XML text (ahconv's own XML read back);
 * false when the type has no such attribute, it was set already, or the
 * value does not read. */
bool ah_node_attr_read(ah_node *node, const char *name, const char *value);

ah_node *ah_node_new(ah_node_type type);
ah_node *ah_node_append(ah_node *parent, ah_node_type type);
/* Consecutive text is kept in one TEXT node, so consumers never see split
 * words; returns that node (or the last child when len is 0). */
ah_node *ah_node_append_text(ah_node *parent, const char *text, size_t len);
void ah_node_set_note_number(ah_node *node, int number);
void ah_node_free_tree(ah_node *node);
/* The node was printed at `pos` (a paragraph, list item, cell, label,
 * table, note or marker): a copy is kept; an empty pos is not kept. */
void ah_node_set_pos(ah_node *node, const ah_pos *pos);
/* Takes a node (and its subtree) out of the tree and frees it. */
void ah_node_unlink_free(ah_node *node);

/* Types whose nodes never have children (the iterator gives no EXIT). */
bool ah_node_is_leaf(ah_node_type type);
/* The omschrijving kind's XML spelling: "vraag", "antwoord", "mededeling". */
const char *ah_omschrijving_kind_string(ah_omschrijving_kind kind);

/* Inline metadata nodes of one type from all omschrijvingen, joined by sep;
 * with_party appends " (party)" to each.  Caller frees. */
char *ah_omschrijving_meta(const ah_node *root, ah_node_type type, const char *sep, bool with_party);

/* The tree's invariants (cmark_node_check): links agree both ways, each
 * child type is allowed under its parent, leaves have no children, TEXT has
 * valid UTF-8, numbers and pages are in range.  Returns the number of
 * violations and describes the first in *report (may be NULL).  Tests run
 * it after every conversion; debug builds assert it in ah_doc_open_*. */
size_t ah_node_check(const ah_node *root, ah_buf *report);

#endif
