/* pdf_tags.c — the record of the clean PDF's logical structure and of the
 * pieces of content cairo marks (pdf_tags.h says why it is kept this way).
 *
 * Takes: the typesetter's calls as it draws.  Gives: the elements with their
 * children in reading order, and the pieces in the order cairo sees them.
 */
#include "pdf_tags.h"
#include "buffer.h"

#include <assert.h>
#include <stdlib.h>

static const char CAIRO_CONTENT[] = "Span", CAIRO_ARTIFACT[] = "Private";

void ah_tags_init(ah_tags *t, cairo_t *cr) {
  *t = (ah_tags){.cr = cr};
  ah_tags_elem(t, -1, "Document");
}

void ah_tags_free(ah_tags *t) {
  for (size_t i = 0; i < t->n_elems; i++) {
    free(t->elems[i].kids);
    free(t->elems[i].id);
    free(t->elems[i].alt);
  }
  free(t->elems);
  free(t->pieces);
  *t = (ah_tags){0};
}

static void add_kid(ah_tags *t, int parent, bool is_piece, int index) {
  ah_elem *e = &t->elems[parent];
  if (e->n_kids == e->cap_kids) {
    e->cap_kids = e->cap_kids ? e->cap_kids * 2 : 4;
    e->kids = ah_xreallocarray(e->kids, e->cap_kids, sizeof *e->kids);
  }
  e->kids[e->n_kids++] = (ah_kid){is_piece, index};
}

int ah_tags_elem(ah_tags *t, int parent, const char *type) {
  if (t->n_elems == t->cap_elems) {
    t->cap_elems = t->cap_elems ? t->cap_elems * 2 : 64;
    t->elems = ah_xreallocarray(t->elems, t->cap_elems, sizeof *t->elems);
  }
  int index = (int)t->n_elems++;
  t->elems[index] = (ah_elem){.type = type, .parent = parent};
  if (parent >= 0) add_kid(t, parent, false, index);
  return index;
}

void ah_tags_set_id(ah_tags *t, int elem, const char *id) {
  free(t->elems[elem].id);
  t->elems[elem].id = ah_strdup(id);
}

void ah_tags_set_alt(ah_tags *t, int elem, const char *alt) {
  free(t->elems[elem].alt);
  t->elems[elem].alt = ah_strdup(alt);
}

static void add_piece(ah_tags *t, ah_piece_kind kind, int elem, const char *artifact) {
  if (t->n_pieces == t->cap_pieces) {
    t->cap_pieces = t->cap_pieces ? t->cap_pieces * 2 : 256;
    t->pieces = ah_xreallocarray(t->pieces, t->cap_pieces, sizeof *t->pieces);
  }
  int index = (int)t->n_pieces++;
  t->pieces[index] = (ah_piece){kind, elem, artifact};
  if (elem >= 0) add_kid(t, elem, true, index);
}

void ah_tags_begin(ah_tags *t, int elem) {
  assert(!t->open && elem >= 0 && (size_t)elem < t->n_elems);
  add_piece(t, AH_PIECE_CONTENT, elem, NULL);
  cairo_tag_begin(t->cr, CAIRO_CONTENT, "");
  t->open = true;
}

void ah_tags_begin_artifact(ah_tags *t, const char *properties) {
  assert(!t->open);
  add_piece(t, AH_PIECE_ARTIFACT, -1, properties);
  cairo_tag_begin(t->cr, CAIRO_ARTIFACT, "");
  t->open = true;
}

void ah_tags_end(ah_tags *t) {
  assert(t->open);
  bool artifact = t->pieces[t->n_pieces - 1].kind == AH_PIECE_ARTIFACT;
  cairo_tag_end(t->cr, artifact ? CAIRO_ARTIFACT : CAIRO_CONTENT);
  t->open = false;
}

void ah_tags_link(ah_tags *t, int link_elem, const char *attributes) {
  assert(!t->open);
  add_piece(t, AH_PIECE_LINK, link_elem, NULL);
  cairo_tag_begin(t->cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end(t->cr, CAIRO_TAG_LINK);
}
