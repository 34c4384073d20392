/* write_json.c — the document tree in, JSON out.
 *
 * Takes: an ah_doc.  Gives: one JSON object per document with the content
 * of the XML (write_xml.c) in the shape schema/aanhangsel.schema.json
 * describes: the metadata as typed fields, the omschrijvingen with their
 * inline elements, the sections in the order printed, the notes.  Keys are
 * always written in the same order and every key the schema requires is
 * present (null when the value is absent), so the same document always
 * gives the same bytes and consumers need no existence checks.
 *
 * Text appears twice on purpose: "inhoud" is the exact inline content
 * (strings and objects for noot-ref, sup, sub, url and the metadata
 * elements), "tekst" the same as one string with markers as [^n] for
 * consumers that only want the words.
 */
#include "document.h"
#include "identity.h"
#include "findings.h"
#include "json.h"
#include "registratie.h"

#include <stdlib.h>
#include <string.h>

/* ---- the tree ------------------------------------------------------------ */

static void write_pages(ah_json *w, const ah_node *n, bool with_pages) {
  if (!with_pages || !n->page_first) return;
  ah_json_key(w, "pagina");
  ah_json_begin_object(w, true);
  ah_json_int_member(w, "eerste", n->page_first);
  ah_json_int_member(w, "laatste", n->page_last);
  ah_json_end_object(w);
}

/* Each attribute of an inline element: the same names as the XML's, from
 * node.c's table; a marker's page as a number. */
static void write_inline_attributes(ah_json *w, const ah_node *n, bool with_pages) {
  size_t count;
  const ah_attr_def *defs = ah_node_attr_defs(n->type, &count);
  ah_buf value = {0};
  for (size_t i = 0; i < count; i++) {
    if (defs[i].kind == AH_ATTR_NUMBER) ah_json_int_member(w, defs[i].name, ah_node_get_note_number(n));
    else if (defs[i].kind == AH_ATTR_TEXT)
      ah_json_string_member(w, defs[i].name, ah_node_attr_text(n, &defs[i], &value) ? value.data : NULL);
  }
  ah_buf_free(&value);
  if (n->type == AH_NODE_NOTE_REF && with_pages && n->page_first) ah_json_int_member(w, "pagina", n->page_first);
}

/* The inline content of a paragraph-like node: text as strings, every
 * other inline as an object {"type": element name, "tekst", attributes}. */
static void write_inhoud(ah_json *w, const ah_node *parent, bool with_pages) {
  ah_json_key(w, "inhoud");
  ah_json_begin_array(w, true);
  for (const ah_node *c = parent->first; c; c = c->next) {
    if (c->type == AH_NODE_TEXT) {
      ah_json_string(w, c->as.literal);
      continue;
    }
    ah_json_begin_object(w, true);
    ah_json_string_member(w, "type", ah_node_type_string(c->type));
    if (c->type != AH_NODE_NOTE_REF) {
      char *t = ah_node_text(c);
      ah_json_string_member(w, "tekst", t);
      free(t);
    }
    write_inline_attributes(w, c, with_pages);
    ah_json_end_object(w);
  }
  ah_json_end_array(w);
}

/* "tekst" and "inhoud" of a paragraph, list item, cell or omschrijving. */
static void write_text_of(ah_json *w, const ah_node *n, bool with_pages) {
  char *t = ah_node_text(n);
  ah_json_string_member(w, "tekst", t);
  free(t);
  write_inhoud(w, n, with_pages);
}

static void write_list(ah_json *w, const ah_node *list, bool with_pages) {
  ah_json_key(w, "items");
  ah_json_begin_array(w, false);
  for (const ah_node *li = list->first; li; li = li->next) {
    ah_json_begin_object(w, false);
    write_pages(w, li, with_pages);
    write_text_of(w, li, with_pages);
    ah_json_end_object(w);
  }
  ah_json_end_array(w);
}

/* A figure: its caption as inline content, the words drawn inside as text. */
static void write_figure(ah_json *w, const ah_node *figure, bool with_pages) {
  for (const ah_node *c = figure->first; c; c = c->next) {
    if (c->type == AH_NODE_CAPTION) {
      ah_json_key(w, "bijschrift");
      ah_json_begin_object(w, true);
      write_text_of(w, c, with_pages);
      ah_json_end_object(w);
    } else if (c->type == AH_NODE_FIGURE_TEXT) {
      char *t = ah_node_text(c);
      ah_json_string_member(w, "tekst", t);
      free(t);
    }
  }
}

static void write_table(ah_json *w, const ah_node *table, bool with_pages) {
  ah_json_key(w, "rijen");
  ah_json_begin_array(w, false);
  for (const ah_node *row = table->first; row; row = row->next) {
    ah_json_begin_array(w, false);
    for (const ah_node *cell = row->first; cell; cell = cell->next) {
      ah_json_begin_object(w, false);
      write_text_of(w, cell, with_pages);
      ah_json_end_object(w);
    }
    ah_json_end_array(w);
  }
  ah_json_end_array(w);
}

/* The blocks of a section or note: al, lijst, tabel, figuur (the label is
 * not a block: the section writes it as "label"). */
static void write_blocks(ah_json *w, const ah_node *parent, bool with_pages) {
  ah_json_key(w, "blokken");
  ah_json_begin_array(w, false);
  for (const ah_node *b = parent->first; b; b = b->next) {
    if (b->type != AH_NODE_PARAGRAPH && b->type != AH_NODE_LIST && b->type != AH_NODE_TABLE &&
        b->type != AH_NODE_FIGURE)
      continue;
    ah_json_begin_object(w, false);
    ah_json_string_member(w, "type", ah_node_type_string(b->type));
    write_pages(w, b, with_pages);
    if (b->type == AH_NODE_PARAGRAPH) write_text_of(w, b, with_pages);
    else if (b->type == AH_NODE_LIST) write_list(w, b, with_pages);
    else if (b->type == AH_NODE_FIGURE) write_figure(w, b, with_pages);
    else write_table(w, b, with_pages);
    ah_json_end_object(w);
  }
  ah_json_end_array(w);
}

static void write_section(ah_json *w, const ah_node *s, bool with_pages) {
  ah_json_begin_object(w, false);
  ah_json_string_member(w, "type", ah_node_type_string(s->type));
  const int *nums;
  size_t count = ah_node_get_numbers(s, &nums);
  ah_json_key(w, "nummers");
  ah_json_begin_array(w, true);
  for (size_t i = 0; i < count; i++) ah_json_int(w, nums[i]);
  ah_json_end_array(w);
  char *label = s->first && s->first->type == AH_NODE_LABEL ? ah_node_text(s->first) : NULL;
  ah_json_string_member(w, "label", label);
  free(label);
  write_pages(w, s, with_pages);
  char *words = ah_section_text(s); /* without the label, as verify reads it */
  ah_json_string_member(w, "tekst", words);
  free(words);
  write_blocks(w, s, with_pages);
  ah_json_end_object(w);
}

static void write_notes(ah_json *w, const ah_node *root, bool with_pages) {
  ah_json_key(w, "noten");
  ah_json_begin_array(w, false);
  for (const ah_node *noten = root->first; noten; noten = noten->next) {
    if (noten->type != AH_NODE_NOTEN) continue;
    for (const ah_node *noot = noten->first; noot; noot = noot->next) {
      ah_json_begin_object(w, false);
      ah_json_int_member(w, "n", noot->as.note.number);
      write_pages(w, noot, with_pages);
      char *t = ah_section_text(noot);
      ah_json_string_member(w, "tekst", t);
      free(t);
      write_blocks(w, noot, with_pages);
      ah_json_end_object(w);
    }
  }
  ah_json_end_array(w);
}

static void write_omschrijvingen(ah_json *w, const ah_node *root, bool with_pages) {
  ah_json_key(w, "omschrijvingen");
  ah_json_begin_array(w, false);
  for (const ah_node *om = root->first; om; om = om->next) {
    if (om->type != AH_NODE_OMSCHRIJVING) continue;
    ah_json_begin_object(w, false);
    ah_json_string_member(w, "type", ah_omschrijving_kind_string(om->as.omschrijving));
    write_pages(w, om, with_pages);
    write_text_of(w, om, with_pages);
    ah_json_end_object(w);
  }
  ah_json_end_array(w);
}

static void write_sections(ah_json *w, const ah_node *root, bool with_pages) {
  ah_json_key(w, "secties");
  ah_json_begin_array(w, false);
  for (const ah_node *s = root->first; s; s = s->next)
    if (s->type == AH_NODE_VRAAG || s->type == AH_NODE_ANTWOORD || s->type == AH_NODE_MEDEDELING)
      write_section(w, s, with_pages);
  ah_json_end_array(w);
}

/* ---- the metadata -------------------------------------------------------- */

static void write_source(ah_json *w, const ah_doc *doc) {
  ah_json_key(w, "bron");
  ah_json_begin_object(w, false);
  ah_json_string_member(w, "formaat", ah_doc_source_format(doc));
  ah_json_string_member(w, "bestand", ah_doc_source_name(doc));
  ah_json_count_member(w, "paginas", ah_doc_pages(doc));
  if (ah_doc_file_page_first(doc)) { /* one document of a bundle: its pages in the file */
    ah_json_count_member(w, "pagina_van", ah_doc_file_page_first(doc));
    ah_json_count_member(w, "pagina_tot", ah_doc_file_page_last(doc));
  }
  ah_json_string_member(w, "sha256", ah_doc_sha256(doc));
  ah_json_string_member(w, "converter", AH_CONVERTER);
  ah_json_end_object(w);
}

static void write_strings(ah_json *w, const char *key, const ah_strings *list) {
  ah_json_key(w, key);
  ah_json_begin_array(w, false);
  for (size_t i = 0; i < list->n; i++) ah_json_string(w, list->items[i]);
  ah_json_end_array(w);
}

/* The publisher's metadata record, or null when the document has none:
 * like bron, it describes where the document came from (left out under
 * AH_OPT_NO_SOURCE). */
static void write_registratie(ah_json *w, const ah_doc *doc) {
  const ah_registratie *r = &ah_doc_meta(doc)->record;
  ah_json_key(w, "registratie");
  if (!ah_registratie_present(r)) {
    ah_json_null(w);
    return;
  }
  ah_json_begin_object(w, false);
  ah_json_string_member(w, "vraagnummer", r->vraagnummer);
  ah_json_string_member(w, "datum_ontvangst", r->datum_ontvangst);
  ah_json_string_member(w, "titel", r->titel);
  write_strings(w, "indieners", &r->indieners);
  ah_json_string_member(w, "ontvanger_naam", r->ontvanger_naam);
  write_strings(w, "categorieen", &r->categorieen);
  ah_json_end_object(w);
}

/* A list of metadata elements: strings, or objects with their attributes. */
static void write_people(ah_json *w, const char *key, const ah_meta_items *list, const char *a0, const char *a1) {
  ah_json_key(w, key);
  ah_json_begin_array(w, false);
  for (size_t i = 0; i < list->n; i++) {
    const ah_meta_item *it = &list->items[i];
    if (!a0) {
      ah_json_string(w, it->text);
      continue;
    }
    ah_json_begin_object(w, true);
    ah_json_string_member(w, "naam", it->text);
    ah_json_string_member(w, a0, it->attr[0]);
    if (a1) ah_json_string_member(w, a1, it->attr[1]);
    ah_json_end_object(w);
  }
  ah_json_end_array(w);
}

static void write_meta(ah_json *w, const ah_doc *doc, bool with_source) {
  ah_json_int_member(w, "versie", 1);
  ah_json_string_member(w, "id", ah_doc_id(doc));
  ah_json_string_member(w, "kamer", ah_doc_kamer(doc));
  ah_json_string_member(w, "vergaderjaar", ah_doc_vergaderjaar(doc));
  ah_json_count_member(w, "nummer", ah_doc_nummer(doc));
  ah_json_string_member(w, "ingezonden", ah_doc_ingezonden(doc));
  ah_json_string_member(w, "ontvangen", ah_doc_ontvangen(doc));
  if (with_source) {
    write_source(w, doc);
    write_registratie(w, doc);
  }
  write_people(w, "vragenstellers", &ah_doc_info(doc)->askers, "partij", NULL);
  write_people(w, "ontvangers", &ah_doc_info(doc)->addressees, NULL, NULL);
  ah_json_string_member(w, "onderwerp", ah_doc_onderwerp(doc));
  write_people(w, "beantwoorders", &ah_doc_info(doc)->answerers, "functie", "ministerie");
  write_people(w, "zie_ook", &ah_doc_info(doc)->see_also, NULL, NULL);
}

/* ---- entry --------------------------------------------------------------- */

char *ah_render_json(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  if (ah_render_begin(doc, options, "ah_render_json", &options, err)) return NULL;
  bool with_source = !(options & AH_OPT_NO_SOURCE);
  ah_json w = {0};
  ah_json_begin_object(&w, false);
  write_meta(&w, doc, with_source);
  write_omschrijvingen(&w, ah_doc_root(doc), with_source);
  write_sections(&w, ah_doc_root(doc), with_source);
  write_notes(&w, ah_doc_root(doc), with_source);
  ah_json_end_object(&w);
  if (len) *len = w.out.len;
  return ah_buf_steal(&w.out);
}

ah_status ah_write_json_file(const ah_doc *doc, const char *path, int options, ah_error *err) {
  return (ah_status)ah_write_rendered(doc, path, options, ah_render_json, err);
}
