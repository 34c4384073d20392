/* write_text.c — the document tree in, plain text out.
 *
 * Takes: an ah_doc.  Gives: UTF-8 text for reading and for search indexes:
 * the publication id, the omschrijvingen, then each vraag followed by the
 * antwoord that answers it, mededelingen where they stand, and the notes
 * at the end.  One paragraph per line (list items start "- ", table cells
 * are joined by " | "), a blank line between parts, markers as [^n].
 *
 * Order: an antwoord follows the last vraag it answers (by number), so
 * "Vraag 2", "Vraag 3", "Antwoord 2 en 3" stay together however the
 * rendition printed them; an antwoord whose numbers no vraag has stays
 * where it was printed.
 */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The blank line between parts (none before the first). */
static void part_break(ah_buf *b) {
  if (b->len) ah_buf_putc(b, '\n');
}

static void put_node_line(ah_buf *b, const char *prefix, const ah_node *n) {
  char *t = ah_node_text(n);
  ah_buf_puts(b, prefix);
  ah_buf_puts(b, t);
  ah_buf_putc(b, '\n');
  free(t);
}

static void put_blocks(ah_buf *b, const ah_node *parent) {
  for (const ah_node *c = parent->first; c; c = c->next) {
    if (c->type == AH_NODE_PARAGRAPH) {
      put_node_line(b, "", c);
    } else if (c->type == AH_NODE_LIST) {
      for (const ah_node *li = c->first; li; li = li->next) put_node_line(b, "- ", li);
    } else if (c->type == AH_NODE_FIGURE) {
      for (const ah_node *part = c->first; part; part = part->next)
        put_node_line(b, part->type == AH_NODE_CAPTION ? "[figuur] " : "[in de figuur] ", part);
    } else if (c->type == AH_NODE_TABLE) {
      for (const ah_node *row = c->first; row; row = row->next) {
        for (const ah_node *cell = row->first; cell; cell = cell->next) {
          char *t = ah_node_text(cell);
          ah_buf_puts(b, cell == row->first ? "" : " | ");
          ah_buf_puts(b, t);
          free(t);
        }
        ah_buf_putc(b, '\n');
      }
    }
  }
}

/* "Vraag 1" from the label; without one, the element and its numbers. */
static void put_heading(ah_buf *b, const ah_node *s) {
  if (s->first && s->first->type == AH_NODE_LABEL) {
    put_node_line(b, "", s->first);
    return;
  }
  ah_buf_puts(b, s->type == AH_NODE_VRAAG ? "Vraag" : s->type == AH_NODE_ANTWOORD ? "Antwoord" : "Mededeling");
  for (size_t i = 0; i < s->as.numbers.n && s->type != AH_NODE_MEDEDELING; i++)
    ah_buf_printf(b, "%s%d", i ? ", " : " ", s->as.numbers.items[i]);
  ah_buf_putc(b, '\n');
}

static void put_section(ah_buf *b, const ah_node *s) {
  part_break(b);
  put_heading(b, s);
  put_blocks(b, s);
}

/* ---- the order ---------------------------------------------------------- */

typedef struct {
  const ah_node **items; /* the sections in the order printed */
  bool *done;
  size_t n;
} sections;

static bool shares_number(const ah_node *a, const ah_node *b) {
  for (size_t i = 0; i < a->as.numbers.n; i++)
    if (ah_ints_contains(&b->as.numbers, a->as.numbers.items[i])) return true;
  return false;
}

/* Some vraag this antwoord answers is still to come. */
static bool waits_for_question(const sections *ss, const ah_node *answer) {
  for (size_t i = 0; i < ss->n; i++)
    if (!ss->done[i] && ss->items[i]->type == AH_NODE_VRAAG && shares_number(ss->items[i], answer)) return true;
  return false;
}

static void put_answers_of(ah_buf *b, sections *ss, const ah_node *question) {
  for (size_t i = 0; i < ss->n; i++) {
    const ah_node *a = ss->items[i];
    if (ss->done[i] || a->type != AH_NODE_ANTWOORD || !shares_number(question, a)) continue;
    if (waits_for_question(ss, a)) continue;
    put_section(b, a);
    ss->done[i] = true;
  }
}

static void put_sections(ah_buf *b, const ah_node *root) {
  sections ss = {0};
  size_t cap = 0;
  for (const ah_node *s = root->first; s; s = s->next) {
    if (s->type != AH_NODE_VRAAG && s->type != AH_NODE_ANTWOORD && s->type != AH_NODE_MEDEDELING) continue;
    if (ss.n == cap) {
      cap = cap ? cap * 2 : 16;
      ss.items = ah_xreallocarray(ss.items, cap, sizeof *ss.items);
    }
    ss.items[ss.n++] = s;
  }
  ss.done = ah_xcalloc(ss.n ? ss.n : 1, sizeof *ss.done);
  for (size_t i = 0; i < ss.n; i++) {
    const ah_node *s = ss.items[i];
    if (ss.done[i] || (s->type == AH_NODE_ANTWOORD && waits_for_question(&ss, s))) continue;
    put_section(b, s);
    ss.done[i] = true;
    if (s->type == AH_NODE_VRAAG) put_answers_of(b, &ss, s);
  }
  /* an antwoord still waiting (its vraag was printed after it and is done
   * by now) comes last rather than never */
  for (size_t i = 0; i < ss.n; i++)
    if (!ss.done[i]) put_section(b, ss.items[i]);
  free(ss.items);
  free(ss.done);
}

/* ---- entry -------------------------------------------------------------- */

static void put_head(ah_buf *b, const ah_doc *doc, bool with_source) {
  const char *id = ah_doc_id(doc);
  if (id) ah_buf_printf(b, "%s\n", id);
  if (with_source && ah_doc_source_name(doc))
    ah_buf_printf(b, "bron: %s (%s)\n", ah_doc_source_name(doc), ah_doc_source_format(doc));
  for (const ah_node *om = ah_doc_root(doc)->first; om; om = om->next) {
    if (om->type != AH_NODE_OMSCHRIJVING) continue;
    part_break(b);
    put_node_line(b, "", om);
  }
}

static void put_notes(ah_buf *b, const ah_node *root) {
  for (const ah_node *noten = root->first; noten; noten = noten->next) {
    if (noten->type != AH_NODE_NOTEN || !noten->first) continue;
    part_break(b);
    ah_buf_puts(b, "Noten\n");
    for (const ah_node *noot = noten->first; noot; noot = noot->next) {
      char prefix[32];
      snprintf(prefix, sizeof prefix, "[^%d] ", noot->as.note.number);
      put_node_line(b, prefix, noot);
    }
  }
}

char *ah_render_text(const ah_doc *doc, int options, size_t *len, ah_error *err) {
  if (ah_render_begin(doc, options, "ah_render_text", &options, err)) return NULL;
  ah_buf b = {0};
  put_head(&b, doc, !(options & AH_OPT_NO_SOURCE));
  put_sections(&b, ah_doc_root(doc));
  put_notes(&b, ah_doc_root(doc));
  if (len) *len = b.len;
  return ah_buf_steal(&b);
}

ah_status ah_write_text_file(const ah_doc *doc, const char *path, int options, ah_error *err) {
  return (ah_status)ah_write_rendered(doc, path, options, ah_render_text, err);
}
