/* pdf_structure.c — the clean PDF's structure tree, built with libqpdf.
 *
 * Takes: cairo's file opened in qpdf, whose structure tree is a flat list
 * of pieces (one per cairo tag, in the order begun: pdf_tags.h says why),
 * and the typesetter's record of elements and pieces.  Gives: a new
 * structure tree — Document, its headings, paragraphs, sections, lists,
 * tables, notes and links, each with its marked content in reading order —
 * with a parent tree for every marked-content id and link annotation, an
 * ID tree for the notes, page furniture turned into artifacts in the
 * content streams, link annotations with a description and the print flag,
 * and the pages' tab order following the structure.  cairo's own elements
 * are left unreferenced, so the writer drops them.
 */
#include "pdf_structure.h"
#include "pdf_content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int page;         /* 0-based; -1 when the piece marked nothing */
  size_t mcid_from; /* its MCIDs: b->mcids.items[mcid_from, mcid_from + n_mcids) */
  size_t n_mcids;
  qpdf_oh annot; /* a link piece's annotation; 0: none */
} piece_info;

typedef struct {
  qpdf_data q;
  const ah_tags *tags;
  piece_info *pieces;
  ah_ints mcids;
  qpdf_oh *pages;
  int *page_ids;
  int n_pages;
  qpdf_oh *elems;
  qpdf_oh tree; /* the new StructTreeRoot */
} builder;

static int page_index(const builder *b, qpdf_oh page) {
  int id = qpdf_oh_get_object_id(b->q, page);
  for (int i = 0; i < b->n_pages; i++)
    if (b->page_ids[i] == id) return i;
  return -1;
}

static const char *cairo_name(ah_piece_kind kind) {
  return kind == AH_PIECE_CONTENT ? "/Span" : kind == AH_PIECE_ARTIFACT ? "/Private" : "/Link";
}

/* One kid of a cairo element: an MCID, a marked-content reference or an
 * object reference (a link's annotation). */
static void read_kid(builder *b, piece_info *p, qpdf_oh kid) {
  qpdf_data q = b->q;
  if (qpdf_oh_is_integer(q, kid)) {
    ah_ints_push(&b->mcids, qpdf_oh_get_int_value_as_int(q, kid));
    p->n_mcids++;
  } else if (qpdf_oh_is_dictionary_of_type(q, kid, "/OBJR", "")) {
    p->annot = qpdf_oh_get_key(q, kid, "/Obj");
  } else if (qpdf_oh_is_dictionary_of_type(q, kid, "/MCR", "")) {
    p->page = page_index(b, qpdf_oh_get_key(q, kid, "/Pg"));
    ah_ints_push(&b->mcids, qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, kid, "/MCID")));
    p->n_mcids++;
  }
}

/* cairo's flat list, checked against the record piece by piece. */
static int read_pieces(builder *b, ah_error *err) {
  qpdf_data q = b->q;
  qpdf_oh list = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot"), "/K");
  if (qpdf_oh_is_dictionary(q, list)) list = qpdf_oh_wrap_in_array(q, list);
  int n = qpdf_oh_get_array_n_items(q, list);
  if (n < 0 || (size_t)n != b->tags->n_pieces) {
    ah_error_set(err, AH_ERROR_RENDER, "cairo's structure tree has %d pieces, the typesetter drew %zu", n,
                 b->tags->n_pieces);
    return -1;
  }
  b->pieces = ah_xcalloc((size_t)n + 1, sizeof *b->pieces);
  for (int i = 0; i < n; i++) {
    qpdf_oh e = qpdf_oh_get_array_item(q, list, i);
    piece_info *p = &b->pieces[i];
    if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, e, "/S"), cairo_name(b->tags->pieces[i].kind))) {
      ah_error_set(err, AH_ERROR_RENDER, "cairo's structure element %d is not the piece the typesetter drew", i);
      return -1;
    }
    p->page = page_index(b, qpdf_oh_get_key(q, e, "/Pg"));
    p->mcid_from = b->mcids.n;
    qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
    if (qpdf_oh_is_array(q, k))
      for (int j = 0; j < qpdf_oh_get_array_n_items(q, k); j++) read_kid(b, p, qpdf_oh_get_array_item(q, k, j));
    else read_kid(b, p, k);
  }
  return 0;
}

static qpdf_oh mcr(builder *b, int page, int mcid) {
  qpdf_data q = b->q;
  qpdf_oh d = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/MCR"));
  qpdf_oh_replace_key(q, d, "/Pg", b->pages[page]);
  qpdf_oh_replace_key(q, d, "/MCID", qpdf_oh_new_integer(q, mcid));
  return d;
}

/* An element's kids: child elements, its marked content (a bare MCID on
 * the element's own page), a link's annotation. */
static qpdf_oh element_kids(builder *b, const ah_elem *e, int own_page) {
  qpdf_data q = b->q;
  qpdf_oh kids = qpdf_oh_new_array(q);
  for (size_t i = 0; i < e->n_kids; i++) {
    if (!e->kids[i].is_piece) {
      qpdf_oh_append_item(q, kids, b->elems[e->kids[i].index]);
      continue;
    }
    const piece_info *p = &b->pieces[e->kids[i].index];
    for (size_t m = 0; m < p->n_mcids && p->page >= 0; m++) {
      int mcid = b->mcids.items[p->mcid_from + m];
      qpdf_oh_append_item(q, kids, p->page == own_page ? qpdf_oh_new_integer(q, mcid) : mcr(b, p->page, mcid));
    }
    if (p->annot && p->page >= 0) {
      qpdf_oh objr = qpdf_oh_new_dictionary(q);
      qpdf_oh_replace_key(q, objr, "/Type", qpdf_oh_new_name(q, "/OBJR"));
      qpdf_oh_replace_key(q, objr, "/Pg", b->pages[p->page]);
      qpdf_oh_replace_key(q, objr, "/Obj", p->annot);
      qpdf_oh_append_item(q, kids, objr);
    }
  }
  return kids;
}

static void fill_element(builder *b, size_t i) {
  qpdf_data q = b->q;
  const ah_elem *e = &b->tags->elems[i];
  qpdf_oh d = b->elems[i];
  char name[32];
  snprintf(name, sizeof name, "/%s", e->type);
  qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/StructElem"));
  qpdf_oh_replace_key(q, d, "/S", qpdf_oh_new_name(q, name));
  qpdf_oh_replace_key(q, d, "/P", e->parent >= 0 ? b->elems[e->parent] : b->tree);
  int own_page = -1;
  for (size_t k = 0; k < e->n_kids && own_page < 0; k++)
    if (e->kids[k].is_piece && b->pieces[e->kids[k].index].n_mcids) own_page = b->pieces[e->kids[k].index].page;
  if (own_page >= 0) qpdf_oh_replace_key(q, d, "/Pg", b->pages[own_page]);
  qpdf_oh_replace_key(q, d, "/K", element_kids(b, e, own_page));
  if (e->id) qpdf_oh_replace_key(q, d, "/ID", qpdf_oh_new_string(q, e->id));
  if (e->alt) qpdf_oh_replace_key(q, d, "/Alt", qpdf_oh_new_unicode_string(q, e->alt));
}

/* ---- parent tree -------------------------------------------------------- */

typedef struct {
  int key;
  qpdf_oh value;
} num_entry;

static int by_key(const void *a, const void *b) {
  const num_entry *x = a, *y = b;
  return (x->key > y->key) - (x->key < y->key);
}

/* The structure parent key of a page or annotation, given one if cairo did not. */
static int parent_key(builder *b, qpdf_oh owner, const char *key, int *next) {
  qpdf_oh k = qpdf_oh_get_key(b->q, owner, key);
  if (qpdf_oh_is_integer(b->q, k)) return qpdf_oh_get_int_value_as_int(b->q, k);
  qpdf_oh_replace_key(b->q, owner, key, qpdf_oh_new_integer(b->q, *next));
  return (*next)++;
}

/* For each page, the element owning each of its MCIDs (null: an
 * artifact); for each link annotation, its Link element. */
static qpdf_oh parent_tree(builder *b, int *next_key) {
  qpdf_data q = b->q;
  const ah_tags *t = b->tags;
  num_entry *entries = ah_xcalloc((size_t)b->n_pages + t->n_pieces + 1, sizeof *entries);
  size_t n = 0;
  *next_key = 0;
  for (int pg = 0; pg < b->n_pages; pg++) {
    qpdf_oh k = qpdf_oh_get_key(q, b->pages[pg], "/StructParents");
    if (qpdf_oh_is_integer(q, k) && qpdf_oh_get_int_value_as_int(q, k) >= *next_key)
      *next_key = qpdf_oh_get_int_value_as_int(q, k) + 1;
  }
  for (size_t i = 0; i < t->n_pieces; i++)
    if (b->pieces[i].annot) {
      qpdf_oh k = qpdf_oh_get_key(q, b->pieces[i].annot, "/StructParent");
      if (qpdf_oh_is_integer(q, k) && qpdf_oh_get_int_value_as_int(q, k) >= *next_key)
        *next_key = qpdf_oh_get_int_value_as_int(q, k) + 1;
    }
  for (int pg = 0; pg < b->n_pages; pg++) {
    int max = -1;
    for (size_t i = 0; i < t->n_pieces; i++)
      for (size_t m = 0; b->pieces[i].page == pg && m < b->pieces[i].n_mcids; m++)
        if (b->mcids.items[b->pieces[i].mcid_from + m] > max) max = b->mcids.items[b->pieces[i].mcid_from + m];
    if (max < 0) continue;
    qpdf_oh arr = qpdf_oh_new_array(q);
    for (int m = 0; m <= max; m++) qpdf_oh_append_item(q, arr, qpdf_oh_new_null(q));
    for (size_t i = 0; i < t->n_pieces; i++)
      for (size_t m = 0; b->pieces[i].page == pg && m < b->pieces[i].n_mcids && t->pieces[i].elem >= 0; m++)
        qpdf_oh_set_array_item(q, arr, b->mcids.items[b->pieces[i].mcid_from + m], b->elems[t->pieces[i].elem]);
    entries[n++] = (num_entry){parent_key(b, b->pages[pg], "/StructParents", next_key), arr};
  }
  for (size_t i = 0; i < t->n_pieces; i++)
    if (b->pieces[i].annot)
      entries[n++] = (num_entry){parent_key(b, b->pieces[i].annot, "/StructParent", next_key), b->elems[t->pieces[i].elem]};
  qsort(entries, n, sizeof *entries, by_key);
  qpdf_oh nums = qpdf_oh_new_array(q);
  for (size_t i = 0; i < n; i++) {
    qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, entries[i].key));
    qpdf_oh_append_item(q, nums, entries[i].value);
  }
  free(entries);
  qpdf_oh tree = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, tree, "/Nums", nums);
  return tree;
}

/* ---- the notes' IDs ------------------------------------------------------ */

typedef struct {
  const char *id;
  qpdf_oh elem;
} id_entry;

static int by_id(const void *a, const void *b) {
  return strcmp(((const id_entry *)a)->id, ((const id_entry *)b)->id);
}

static qpdf_oh id_tree(builder *b) {
  qpdf_data q = b->q;
  id_entry *ids = ah_xcalloc(b->tags->n_elems + 1, sizeof *ids);
  size_t n = 0;
  for (size_t i = 0; i < b->tags->n_elems; i++)
    if (b->tags->elems[i].id) ids[n++] = (id_entry){b->tags->elems[i].id, b->elems[i]};
  qsort(ids, n, sizeof *ids, by_id); /* a name tree's keys in byte order */
  qpdf_oh names = qpdf_oh_new_array(q);
  for (size_t i = 0; i < n; i++) {
    qpdf_oh_append_item(q, names, qpdf_oh_new_string(q, ids[i].id));
    qpdf_oh_append_item(q, names, ids[i].elem);
  }
  free(ids);
  qpdf_oh tree = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, tree, "/Names", names);
  return tree;
}

/* ---- artifacts, annotations, tab order ---------------------------------- */

/* Each page's marked content tagged with its element's type, the furniture
 * as artifacts. */
static int mark_content(builder *b, ah_error *err) {
  qpdf_data q = b->q;
  const ah_tags *t = b->tags;
  ah_content_mark *marks = ah_xcalloc(b->mcids.n + 1, sizeof *marks);
  for (int pg = 0; pg < b->n_pages; pg++) {
    size_t n = 0;
    for (size_t i = 0; i < t->n_pieces; i++)
      for (size_t m = 0; b->pieces[i].page == pg && m < b->pieces[i].n_mcids; m++)
        marks[n++] = (ah_content_mark){b->mcids.items[b->pieces[i].mcid_from + m],
                                       t->pieces[i].elem >= 0 ? t->elems[t->pieces[i].elem].type : NULL,
                                       t->pieces[i].artifact};
    unsigned char *content = NULL;
    size_t len = 0, out_len = 0, untagged = 0;
    if (qpdf_oh_get_page_content_data(q, b->pages[pg], &content, &len) & QPDF_ERRORS) {
      free(marks);
      ah_error_set(err, AH_ERROR_RENDER, "cannot read page %d of cairo's PDF (qpdf)", pg + 1);
      return -1;
    }
    char *out = ah_pdf_mark_content((const char *)content, len, marks, n, &out_len, &untagged);
    free(content);
    qpdf_oh stream = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)out, out_len, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, b->pages[pg], "/Contents", stream);
    qpdf_oh_replace_key(q, b->pages[pg], "/Tabs", qpdf_oh_new_name(q, "/S"));
    free(out);
    if (untagged) {
      free(marks);
      ah_error_set(err, AH_ERROR_RENDER, "page %d has content outside the structure", pg + 1);
      return -1;
    }
  }
  free(marks);
  return 0;
}

static void describe_links(builder *b) {
  qpdf_data q = b->q;
  for (size_t i = 0; i < b->tags->n_pieces; i++) {
    if (!b->pieces[i].annot) continue;
    const char *alt = b->tags->elems[b->tags->pieces[i].elem].alt;
    if (alt) qpdf_oh_replace_key(q, b->pieces[i].annot, "/Contents", qpdf_oh_new_unicode_string(q, alt));
    qpdf_oh_replace_key(q, b->pieces[i].annot, "/F", qpdf_oh_new_integer(q, 4)); /* print */
  }
}

/* ---- entry -------------------------------------------------------------- */

static int build(builder *b, ah_error *err) {
  qpdf_data q = b->q;
  b->n_pages = qpdf_get_num_pages(q);
  if (b->n_pages <= 0) {
    ah_error_set(err, AH_ERROR_RENDER, "cairo's PDF has no pages (qpdf)");
    return -1;
  }
  b->pages = ah_xcalloc((size_t)b->n_pages, sizeof *b->pages);
  b->page_ids = ah_xcalloc((size_t)b->n_pages, sizeof *b->page_ids);
  for (int i = 0; i < b->n_pages; i++) {
    b->pages[i] = qpdf_get_page_n(q, (size_t)i);
    b->page_ids[i] = qpdf_oh_get_object_id(q, b->pages[i]);
  }
  if (read_pieces(b, err) != 0 || mark_content(b, err) != 0) return -1;
  b->tree = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
  b->elems = ah_xcalloc(b->tags->n_elems + 1, sizeof *b->elems);
  for (size_t i = 0; i < b->tags->n_elems; i++) b->elems[i] = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
  for (size_t i = 0; i < b->tags->n_elems; i++) fill_element(b, i);
  int next_key;
  qpdf_oh_replace_key(q, b->tree, "/Type", qpdf_oh_new_name(q, "/StructTreeRoot"));
  qpdf_oh_replace_key(q, b->tree, "/K", b->elems[0]);
  qpdf_oh_replace_key(q, b->tree, "/ParentTree", parent_tree(b, &next_key));
  qpdf_oh_replace_key(q, b->tree, "/ParentTreeNextKey", qpdf_oh_new_integer(q, next_key));
  qpdf_oh_replace_key(q, b->tree, "/IDTree", id_tree(b));
  qpdf_oh_replace_key(q, qpdf_get_root(q), "/StructTreeRoot", b->tree);
  describe_links(b);
  return 0;
}

int ah_pdf_structure(qpdf_data q, const ah_tags *tags, ah_error *err) {
  builder b = {.q = q, .tags = tags};
  int rc = build(&b, err);
  if (rc == 0 && qpdf_has_error(q)) {
    ah_error_set(err, AH_ERROR_RENDER, "structure tree: %s", qpdf_get_error_full_text(q, qpdf_get_error(q)));
    rc = -1;
  }
  free(b.pieces);
  ah_ints_free(&b.mcids);
  free(b.pages);
  free(b.page_ids);
  free(b.elems);
  return rc;
}
