/* pdf_tags.h — the clean PDF's logical structure as the typesetter meets it
 * (pdf_tags.c); pdf_finish.c turns it into the PDF's structure tree.
 *
 * cairo 1.16 writes structure tags, but only what it can hold on one stack:
 * content drawn while an element is open belongs to it, so the footer and
 * the notes drawn at a page break would land inside the paragraph running
 * over it; it marks the content of leaf elements only, so a paragraph with a
 * note reference inside would lose its text; and it knows no artifacts.  So
 * cairo is used as a marker only: every drawing goes inside one short cairo
 * tag (a "piece": "Span" for content, "Private" for page furniture, "Link"
 * for a link annotation), never nested, and the logical elements with their
 * order of pieces and child elements are recorded here.  cairo's structure
 * tree is then a flat list of the pieces in the order they were begun, each
 * with its page and marked-content id, and pdf_finish.c builds the real tree
 * from this record and that list.
 */
#ifndef AHCONV_PDF_TAGS_H
#define AHCONV_PDF_TAGS_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
  AH_PIECE_CONTENT,  /* cairo tag "Span": content of an element */
  AH_PIECE_ARTIFACT, /* cairo tag "Private": page furniture, an artifact */
  AH_PIECE_LINK      /* cairo's link tag: a link annotation of a Link element */
} ah_piece_kind;

typedef struct {
  ah_piece_kind kind;
  int elem;             /* the element it belongs to; -1 for an artifact */
  const char *artifact; /* an artifact's property list, "/Type /Pagination /Subtype /Footer" */
} ah_piece;

/* One child of an element, in reading order: a piece or an element. */
typedef struct {
  bool is_piece;
  int index;
} ah_kid;

typedef struct {
  const char *type; /* standard structure type: "Sect", "H2", "P", "Note", … */
  int parent;       /* -1 for the root (Document) */
  char *id;         /* a Note's ID ("noot-3"), else NULL */
  char *alt;        /* a Link's alternate description ("Noot 3"), else NULL */
  ah_kid *kids;
  size_t n_kids, cap_kids;
} ah_elem;

typedef struct {
  cairo_t *cr;
  ah_elem *elems; /* elems[0] is the Document */
  size_t n_elems, cap_elems;
  ah_piece *pieces;
  size_t n_pieces, cap_pieces;
  bool open; /* a piece is open */
} ah_tags;

/* Starts the record with the Document element (index 0). */
void ah_tags_init(ah_tags *t, cairo_t *cr);
void ah_tags_free(ah_tags *t);
/* A new element of `type` (a static string) as the last child of parent. */
int ah_tags_elem(ah_tags *t, int parent, const char *type);
/* Sets a Note's ID or a Link's alternate description (copied). */
void ah_tags_set_id(ah_tags *t, int elem, const char *id);
void ah_tags_set_alt(ah_tags *t, int elem, const char *alt);
/* What is drawn between begin and end is the content of elem, or an
 * artifact described by `properties`.  Pieces do not nest. */
void ah_tags_begin(ah_tags *t, int elem);
void ah_tags_begin_artifact(ah_tags *t, const char *properties);
void ah_tags_end(ah_tags *t);
/* A link annotation (cairo link attributes) belonging to the Link element. */
void ah_tags_link(ah_tags *t, int link_elem, const char *attributes);

/* Artifact properties */
#define AH_ARTIFACT_FOOTER "/Type /Pagination /Subtype /Footer"
#define AH_ARTIFACT_LAYOUT "/Type /Layout"

#endif
