/* Unit tests of structure.c, node.c and write_xml.c: blocks to tree to XML. */
#include "harness.h"
#include "document.h"
#include "lexicon.h"
#include "source_ownxml.h"
#include "structure.h"

#include <stdlib.h>

static void para(ah_flow *f, const char *text, int page) {
  ah_block *b = ah_flow_add(f, AH_BLOCK_PARA);
  b->page_first = b->page_last = page;
  ah_spans_add(&b->spans, text, strlen(text), 0);
}

/* The document the flow gives, as a reader's reading of a rendition with
 * `id` in its colophon (NULL: none). */
static ah_doc *doc_of(ah_flow *f, const char *id) {
  ah_reading r = {.flow = *f};
  *f = (ah_flow){0};
  if (id) r.meta.id = ah_strdup(id);
  ah_error err = {0};
  ah_doc *doc = ah_doc_from_reading(&r, "pdf", &err);
  ah_reading_free(&r);
  return doc;
}

static void test_labels(void) {
  CHECK(ah_is_label("Vraag 1"));
  CHECK(ah_is_label("Vraag 7, 8, 9 10 en 11"));
  CHECK(ah_is_label("Antwoord 5 en 6"));
  CHECK(ah_is_label("Vragen 4 tot en met 7"));
  CHECK(ah_is_label("Mededeling"));
  CHECK(!ah_is_label("Vraag 1 is al beantwoord."));
  CHECK(!ah_is_label("Vraag"));
  CHECK(!ah_is_label("Antwoord van Minister De Jonge"));
}

static ah_doc *build(void) {
  ah_flow f = {0};
  para(&f, "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat over de DRC (ingezonden 2 juli 2024). "
           "Antwoord van Minister Hermans (Klimaat) (ontvangen 23 juli 2024).", 1);
  para(&f, "Vraag 7, 8, 9 10 en 11", 1);
  ah_block *b = ah_flow_add(&f, AH_BLOCK_PARA);
  b->page_first = 1;
  b->page_last = 2;
  /* a paragraph from the foot of page 1 to page 2, its marker on page 2 */
  ah_spans_add_on(&b->spans, "Zie het rapport", 15, 0, 1);
  ah_spans_add_on(&b->spans, "1", 1, AH_STYLE_SUP, 2);
  ah_spans_add(&b->spans, " over CO", 8, 0);
  ah_spans_add(&b->spans, "2", 1, AH_STYLE_SUB);
  ah_spans_add(&b->spans, " en m", 5, 0);
  ah_spans_add(&b->spans, "3", 1, AH_STYLE_SUP);
  ah_spans_add(&b->spans, " (www.example.org/a-b).", 23, 0);
  para(&f, "Antwoord 7 tot en met 11", 2);
  para(&f, "Eerste alinea.", 2);
  b = ah_flow_add(&f, AH_BLOCK_PARA);
  b->list_item = true;
  ah_spans_add(&b->spans, "\xE2\x80\xA2 punt een", 13, 0);
  b = ah_flow_add(&f, AH_BLOCK_PARA);
  b->list_item = true;
  ah_spans_add(&b->spans, "\xE2\x80\xA2 punt twee", 14, 0);
  b = ah_flow_add(&f, AH_BLOCK_NOTE);
  b->note_number = 1;
  b->page_first = b->page_last = 2;
  ah_spans_add(&b->spans, "https://example.org/rapport", 27, 0);

  ah_doc *doc = doc_of(&f, "ah-tk-20232024-2210");
  CHECK(doc != NULL);
  CHECK_INT(ah_node_check(ah_doc_root(doc), NULL), 0);
  return doc;
}

static void test_tree(ah_doc *doc) {
  CHECK_STR(ah_doc_ingezonden(doc), "2024-07-02");
  CHECK_STR(ah_doc_ontvangen(doc), "2024-07-23");
  ah_node *root = ah_doc_root(doc);
  ah_node *om = ah_node_first_child(root);
  CHECK_INT(ah_node_get_type(om), AH_NODE_OMSCHRIJVING);
  CHECK_STR(ah_node_get_attr(om, "type"), "vraag");
  ah_node *vraag = ah_node_next(ah_node_next(om));
  CHECK_INT(ah_node_get_type(vraag), AH_NODE_VRAAG);
  const int *nums;
  CHECK_INT(ah_node_get_numbers(vraag, &nums), 5);
  CHECK_INT(nums[0], 7);
  CHECK_INT(nums[4], 11);
  CHECK_INT(ah_node_get_page_first(vraag), 1);
  CHECK_INT(ah_node_get_page_last(vraag), 2);
  char *text = ah_node_text(vraag);
  CHECK_STR(text, "Vraag 7, 8, 9 10 en 11 Zie het rapport[^1] over CO2 en m3 (www.example.org/a-b).");
  free(text);
  ah_node *antwoord = ah_node_next(vraag);
  CHECK_INT(ah_node_get_numbers(antwoord, &nums), 5);
  CHECK_INT(nums[2], 9);

  /* iterator: enter/exit balance, every node visited once */
  int enters = 0, exits = 0, refs = 0, items = 0;
  ah_iter *it = ah_iter_new(root);
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    ah_node *n = ah_iter_get_node(it);
    if (ev == AH_EVENT_ENTER) {
      enters++;
      if (ah_node_get_type(n) == AH_NODE_NOTE_REF) {
        refs++;
        CHECK_INT(ah_node_get_note_number(n), 1);
        CHECK_INT(ah_node_get_page_first(n), 2);
        CHECK_INT(ah_node_get_page_last(n), 2);
        CHECK_INT(ah_node_get_page_first(ah_node_parent(n)), 1); /* the paragraph */
        CHECK_INT(ah_node_get_page_last(ah_node_parent(n)), 2);
        CHECK(ah_node_note_of(n) != NULL);
      }
      if (ah_node_get_type(n) == AH_NODE_ITEM) items++;
    } else {
      exits++;
    }
  }
  ah_iter_free(it);
  CHECK_INT(refs, 1);
  CHECK_INT(items, 2);
  CHECK(enters > exits);
}

static void test_xml(ah_doc *doc) {
  ah_error err = {0};
  size_t len = 0;
  char *xml = ah_render_xml(doc, AH_OPT_DEFAULT, &len, &err);
  CHECK(xml != NULL);
  if (!xml) return;
  CHECK_INT(strlen(xml), len);
  CHECK(strstr(xml, "<aanhangsel xmlns=\"urn:ahconv:aanhangsel:1\" versie=\"1\" id=\"ah-tk-20232024-2210\" "
                    "kamer=\"tk\" vergaderjaar=\"2023-2024\" nummer=\"2210\">") != NULL);
  CHECK(strstr(xml, "<vraag nummers=\"7 8 9 10 11\" pagina=\"1-2\">") != NULL);
  CHECK(strstr(xml, "<al>Zie het rapport<noot-ref n=\"1\"/> over CO<sub>2</sub> en m<sup>3</sup> "
                    "(<url>www.example.org/a-b</url>).</al>") != NULL);
  CHECK(strstr(xml, "<lijst>\n      <li>punt een</li>\n      <li>punt twee</li>\n    </lijst>") != NULL);
  CHECK(strstr(xml, "<noot n=\"1\" pagina=\"2\">\n      <al><url>https://example.org/rapport</url></al>") != NULL);
  CHECK(strstr(xml, "<vragensteller partij=\"VVD\">Erkens</vragensteller>") != NULL);
  CHECK(strstr(xml, "<datum iso=\"2024-07-02\">2 juli 2024</datum>") != NULL);
  free(xml);
  xml = ah_render_xml(doc, AH_OPT_NO_SOURCE, &len, &err);
  CHECK(strstr(xml, "pagina=") == NULL);
  CHECK(strstr(xml, "<bron") == NULL);
  free(xml);
}

static void test_not_aanhangsel(void) {
  ah_flow f = {0};
  para(&f, "Een gewone brief zonder vragen.", 1);
  ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
  ah_dates dates = {0};
  ah_error err = {0};
  ah_losses losses = {0};
  CHECK_INT(ah_structure(root, &f, &dates, &losses, &err), -1);
  CHECK_INT(err.code, AH_ERROR_NOT_AANHANGSEL);
  CHECK_INT((int)losses.n, 0);
  ah_losses_free(&losses);
  ah_flow_free(&f);
  ah_node_free_tree(root);
}

/* A postponement notice: no labels, the notice follows the answering sentence. */
static void test_notice_without_labels(void) {
  ah_flow f = {0};
  para(&f, "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat over de DRC (ingezonden 2 juli 2024).", 1);
  para(&f, "Mededeling van Minister Hermans (Klimaat) (ontvangen 23 juli 2024).", 1);
  para(&f, "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.", 1);
  ah_doc *doc = doc_of(&f, NULL);
  CHECK(doc != NULL);
  ah_node *om = ah_node_first_child(ah_doc_root(doc));
  CHECK_STR(ah_node_get_attr(om, "type"), "vraag");
  CHECK_STR(ah_node_get_attr(ah_node_next(om), "type"), "mededeling");
  ah_node *med = ah_node_next(ah_node_next(om));
  CHECK_INT(ah_node_get_type(med), AH_NODE_MEDEDELING);
  char *t = ah_node_text(med);
  CHECK_STR(t, "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.");
  free(t);
  CHECK_STR(ah_doc_ontvangen(doc), "2024-07-23");
  ah_flow_free(&f);
  ah_doc_free(doc);
}

/* The tree check sees each kind of broken invariant. */
static void test_node_check(void) {
  ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
  ah_node *vraag = ah_node_append(root, AH_NODE_VRAAG);
  ah_ints_push(&vraag->as.numbers, 1);
  ah_node_append_text(ah_node_append(vraag, AH_NODE_PARAGRAPH), "Tekst.", 6);
  CHECK_INT(ah_node_check(root, NULL), 0);
  /* text straight under the document */
  ah_node_append_text(root, "los", 3);
  ah_buf why = {0};
  CHECK_INT(ah_node_check(root, &why), 1);
  CHECK_STR(why.data, "text: not allowed under its parent");
  ah_node_unlink_free(root->last);
  CHECK_INT(ah_node_check(root, NULL), 0);
  /* a question number past the cap, a page range backwards */
  ah_ints_push(&vraag->as.numbers, 5000);
  vraag->page_first = 3;
  vraag->page_last = 2;
  ah_buf_free(&why);
  CHECK_INT(ah_node_check(root, &why), 2);
  CHECK_STR(why.data, "vraag: page range out of order");
  /* a broken sibling link and invalid UTF-8 */
  vraag->as.numbers.n = 1;
  vraag->page_last = 3;
  ah_node *para = vraag->first;
  ah_node *second = ah_node_append(vraag, AH_NODE_PARAGRAPH);
  ah_node_append_text(second, "\xC3(", 2);
  second->prev = NULL;
  ah_buf_free(&why);
  CHECK_INT(ah_node_check(root, &why), 2);
  CHECK_STR(why.data, "al: sibling links disagree");
  second->prev = para;
  ah_buf_free(&why);
  ah_node_free_tree(root);
}

/* A span's page: a new span takes the page given; text merged into a span
 * of its style keeps that span's page unless it had none. */
static void test_span_pages(void) {
  ah_spans s = {0};
  ah_spans_add(&s, "a", 1, 0);
  ah_spans_add_on(&s, "b", 1, 0, 3);
  ah_spans_add_on(&s, "c", 1, 0, 4);
  ah_spans_add_on(&s, "1", 1, AH_STYLE_SUP, 4);
  ah_spans_add(&s, " d", 2, 0);
  CHECK_INT(s.n, 3);
  CHECK_STR(s.items[0].text, "abc");
  CHECK_INT(s.items[0].page, 3);
  CHECK_INT(s.items[1].page, 4);
  CHECK_INT(s.items[2].page, 0);
  ah_spans_set_page(&s, 5);
  CHECK_INT(s.items[0].page, 3);
  CHECK_INT(s.items[2].page, 5);
  ah_spans copy = {0};
  ah_spans_append(&copy, &s);
  CHECK_INT(copy.n, 3);
  CHECK_INT(copy.items[1].page, 4);
  ah_spans_free(&copy);
  ah_spans_free(&s);
}

/* Raised digits side by side that name no note but consecutive notes are
 * those markers ("12" for notes 1 and 2, "910" for 9 and 10); otherwise
 * they stay a superscript.  A raised marker in a table row is a marker of
 * its cell; NOTEREF spans never merge. */
static void test_adjacent_markers_and_cells(void) {
  static const struct {
    const char *raised;
    const char *want;
  } cases[] = {{"12", "Zie[^1][^2] dit."}, {"910", "Zie[^9][^10] dit."}, {"13", "Zie13 dit."},
               {"21", "Zie21 dit."},     {"123", "Zie[^1][^2][^3] dit."}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ah_flow f = {0};
    para(&f, "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat (ingezonden 2 juli 2024).", 1);
    para(&f, "Vraag 1", 1);
    ah_block *b = ah_flow_add(&f, AH_BLOCK_PARA);
    ah_spans_add(&b->spans, "Zie", 3, 0);
    ah_spans_add(&b->spans, cases[i].raised, strlen(cases[i].raised), AH_STYLE_SUP);
    ah_spans_add(&b->spans, " dit.", 5, 0);
    b = ah_flow_add(&f, AH_BLOCK_TABLE);
    ah_spans_add(ah_block_add_cell(b), "Jaar", 4, 0);
    ah_spans_add(ah_block_add_cell(b), "Bedrag", 6, 0);
    ah_block_add_row(b);
    ah_spans_add(ah_block_add_cell(b), "2024", 4, 0);
    ah_spans *cell = ah_block_add_cell(b);
    ah_spans_add(cell, "5 mln", 5, 0);
    ah_spans_add(cell, "1", 1, AH_STYLE_SUP);
    for (int n = 1; n <= 10; n++) {
      b = ah_flow_add(&f, AH_BLOCK_NOTE);
      b->note_number = n;
      ah_spans_add(&b->spans, "Bron.", 5, 0);
    }
    ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
    ah_dates dates = {0};
    ah_error err = {0};
    ah_losses losses = {0};
    CHECK_INT(ah_structure(root, &f, &dates, &losses, &err), 0);
    ah_losses_free(&losses);
    CHECK_INT(ah_node_check(root, NULL), 0);
    ah_node *vraag = root->first;
    while (vraag && vraag->type != AH_NODE_VRAAG) vraag = vraag->next;
    char *t = vraag && vraag->first && vraag->first->next ? ah_node_text(vraag->first->next) : NULL;
    CHECK_STR(t, cases[i].want);
    free(t);
    ah_node *table = vraag ? vraag->last : NULL;
    CHECK(table && table->type == AH_NODE_TABLE);
    char *last = table && table->last ? ah_node_text(table->last->last) : NULL;
    CHECK_STR(last, "5 mln[^1]");
    free(last);
    ah_node_free_tree(root);
    ah_flow_free(&f);
  }
  ah_spans s = {0};
  ah_spans_add_marker(&s, 1, 0);
  ah_spans_add_marker(&s, 2, 0);
  CHECK_INT(s.n, 2);
  CHECK_INT(s.items[1].note, 2);
  ah_spans_free(&s);
}

/* A figure block between two paragraphs: figuur with its caption (a marker
 * in it linked) and the words drawn inside apart from the prose; the XML
 * reads back as the same tree. */
static void test_figure(void) {
  ah_flow f = {0};
  para(&f, "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat (ingezonden 2 juli 2024).", 1);
  para(&f, "Vraag 1", 1);
  para(&f, "Hoeveel meldingen waren er?", 1);
  ah_block *b = ah_flow_add(&f, AH_BLOCK_FIGURE);
  b->page_first = b->page_last = 2;
  ah_spans_add(&b->spans, "Figuur 1: Aantal meldingen per jaar", 35, 0);
  ah_spans_add_marker(&b->spans, 1, 2);
  ah_spans_add(&b->figure_words, "1.200 900  600\n2018 2019", 25, 0);
  para(&f, "Dat blijkt uit de figuur.", 2);
  b = ah_flow_add(&f, AH_BLOCK_NOTE);
  b->note_number = 1;
  ah_spans_add(&b->spans, "Bron: CBS.", 10, 0);
  ah_doc *doc = doc_of(&f, NULL);
  CHECK(doc != NULL);
  if (!doc) return;
  size_t len;
  ah_error err = {0};
  char *xml = ah_render_xml(doc, AH_OPT_NO_SOURCE, &len, &err);
  CHECK(xml && strstr(xml, "<al>Hoeveel meldingen waren er?</al>\n    <figuur>\n      <bijschrift>Figuur 1: Aantal "
                           "meldingen per jaar<noot-ref n=\"1\"/></bijschrift>\n      <tekst>1.200 900 600 2018 "
                           "2019</tekst>\n    </figuur>\n    <al>Dat blijkt"));
  ah_node *root = ah_node_new(AH_NODE_DOCUMENT);
  ah_docmeta meta = {0};
  ah_dates dates;
  memset(&dates, 0, sizeof dates);
  ah_ownxml_source src;
  CHECK_INT(ah_source_ownxml(xml, len, root, &meta, &dates, &src), 0);
  char *a = ah_node_text(ah_doc_root(doc)), *t = ah_node_text(root);
  CHECK_STR(t, a);
  free(a);
  free(t);
  ah_ownxml_source_free(&src);
  ah_docmeta_free(&meta);
  ah_node_free_tree(root);
  free(xml);
  ah_doc_free(doc);
}

/* A figure before the first section has no section to go in: it is a
 * structure loss of its page, its caption and drawn words quoted. */
static void test_figure_before_first_section(void) {
  ah_flow f = {0};
  para(&f, "Vragen van het lid Erkens (VVD) aan de Minister van Klimaat (ingezonden 2 juli 2024).", 1);
  ah_block *b = ah_flow_add(&f, AH_BLOCK_FIGURE);
  b->page_first = b->page_last = 2;
  ah_spans_add(&b->spans, "Figuur 1: Meldingen", 19, 0);
  ah_spans_add(&b->figure_words, "2018 2019", 9, 0);
  para(&f, "Vraag 1", 2);
  para(&f, "Hoeveel meldingen waren er?", 2);
  ah_doc *doc = doc_of(&f, NULL);
  CHECK(doc != NULL);
  if (!doc) return;
  CHECK_INT((int)ah_doc_lost_count(doc), 1);
  CHECK_INT(ah_doc_lost_kind(doc, 0), AH_LOST_STRUCTURE);
  int page = 0;
  CHECK_STR(ah_doc_lost_text(doc, 0, &page),
            "figure before the first section, not in the output: \"Figuur 1: Meldingen 2018 2019\"");
  CHECK_INT(page, 2);
  ah_doc_free(doc);
}

int main(void) {
  test_figure_before_first_section();
  test_figure();
  test_span_pages();
  test_adjacent_markers_and_cells();
  test_node_check();
  test_notice_without_labels();
  test_labels();
  ah_doc *doc = build();
  test_tree(doc);
  test_xml(doc);
  ah_doc_free(doc);
  test_not_aanhangsel();
  return harness_report();
}
