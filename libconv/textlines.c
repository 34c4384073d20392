/* textlines.c — printed lines back into paragraphs, for HTML that is really
 * a page set in text (a pdftohtml preview: one <br/> per printed line).
 *
 * Takes: an ah_flow whose paragraph blocks carry a "\n" at each line end
 * (source_html.c turns every other line break into a space).  Gives: the flow rebuilt from those lines:
 *  - a label on a line of its own ("Vraag 2 en 3") becomes a heading block;
 *  - other lines are joined with the PDF path's line-end rules (ah_join_line);
 *  - the page furniture goes: the masthead (its year and number are kept),
 *    the running footer and the page number after it, the colophon (its id
 *    is kept);
 *  - a footnote is a line "N&#160;text" whose N is the next note number, up
 *    to the page footer; its marker is that number glued to the end of a
 *    word in the text ("wetgeving3."), found in reading order.
 * A preview has lost what the PDF said by position and type size, so this is
 * a best effort: a marker glued to a number other than a year ("NIS24") is
 * not found, and paragraphs inside an answer run together.
 */
#include "textlines.h"
#include "caps.h"
#include "lexicon.h"
#include "paragraphs.h"

#include <assert.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  size_t block, span, offset;
} place;

/* Where a note's marker can be: the body text of the note's page. */
typedef struct {
  int number;
  place start, end;
} note_page;

typedef struct {
  size_t index; /* block index + 1, 0: none */
  ah_buf text;  /* its plain text, kept in step for ah_join_line */
} open_para;

typedef struct {
  ah_flow *out;
  ah_docmeta *meta;
  open_para body, note;
  bool preview; /* a masthead was seen: the lines are a printed page's */
  bool in_masthead, in_notes, page_number_next, page_broke;
  int next_note;
  place page_start; /* where the current page's body text begins */
  note_page *notes;
  size_t n_notes, cap_notes;
  const ah_pos *src; /* the element the lines being read came from */
  ah_wordlist *words;   /* the Dutch word list, for line-end hyphens */
} rebuild;

/* The end of the body text so far. */
static place body_end(const rebuild *r) {
  if (r->body.index) {
    const ah_block *b = &r->out->items[r->body.index - 1];
    if (b->spans.n) return (place){r->body.index - 1, b->spans.n - 1, strlen(b->spans.items[b->spans.n - 1].text)};
  }
  return (place){r->out->n, 0, 0};
}

static bool has_line_breaks(const ah_block *b) {
  if (b->kind != AH_BLOCK_PARA) return false;
  for (size_t i = 0; i < b->spans.n; i++)
    if (strchr(b->spans.items[i].text, '\n')) return true;
  return false;
}


/* Masthead lines: "Vergaderjaar 2023–2024", the number, the chamber. */
static void read_masthead(ah_docmeta *meta, const char *t) {
  ah_session session;
  ah_kamer kamer;
  int number;
  const char *end;
  if (ah_scan_masthead_session(t, &session)) {
    if (!meta->session.first) meta->session = session;
  } else if (strlen(t) > 1 && ah_parse_uint(t, INT32_MAX, &number, &end) && !*end) {
    meta->nummer = number; /* the chamber's big digit is one character */
  } else if (meta->kamer == AH_KAMER_UNKNOWN && ah_is_masthead_chamber(t, &kamer)) {
    meta->kamer = kamer;
  }
}

/* "12&#160;Kamerstuk …": a note line, when 12 is the next note number.
 * Returns the bytes of number and space, 0 if not. */
static size_t note_start(const char *raw, int next) {
  const char *p = raw;
  while (*p == ' ') p++;
  int n;
  const char *end;
  if (!ah_parse_uint(p, AH_MAX_NOTE_NUMBER, &n, &end) || n != next) return 0;
  if ((unsigned char)end[0] == 0xC2 && (unsigned char)end[1] == 0xA0) return (size_t)(end + 2 - raw);
  return 0;
}

/* "Kostic ´": an accent the PDF drew as a glyph of its own comes out of a
 * preview as a spacing accent after a space.  It goes back on the letter as
 * the combining accent (structure.c composes it: "Kostić").  Only after
 * "letter, space": "auto´s" written with an accent for an apostrophe stays. */
static void attach_spacing_accents(char *t) {
  static const struct { const char *spacing, *combining; } accents[] = {
      {"\xC2\xB4", "\xCC\x81"}, {"\x60", "\xCC\x80"},     {"\xC2\xA8", "\xCC\x88"},
      {"\xCB\x86", "\xCC\x82"}, {"\xCB\x9C", "\xCC\x83"}, {"\xC2\xB8", "\xCC\xA7"},
      {"\xCB\x87", "\xCC\x8C"}};
  size_t w = 0, n = strlen(t);
  for (size_t i = 0; i < n;) {
    bool done = false;
    if (t[i] == ' ' && w > 0 && isalpha((unsigned char)t[w - 1])) {
      for (size_t k = 0; k < sizeof accents / sizeof *accents && !done; k++) {
        size_t l = strlen(accents[k].spacing);
        if (strncmp(t + i + 1, accents[k].spacing, l) == 0) {
          memcpy(t + w, accents[k].combining, 2); /* never longer than space + accent */
          w += 2;
          i += 1 + l;
          done = true;
        }
      }
    }
    if (!done) t[w++] = t[i++];
  }
  t[w] = 0;
}

static void start_para(rebuild *r, open_para *p, ah_block_kind kind, ah_spans *line, const char *raw) {
  ah_block *b = ah_flow_add(r->out, kind);
  b->after_gap = true;
  if (r->src) ah_pos_merge(&b->pos, r->src);
  b->spans = *line;
  memset(line, 0, sizeof *line);
  p->index = r->out->n;
  p->text.len = 0;
  ah_buf_puts(&p->text, raw);
}

static void continue_para(rebuild *r, open_para *p, ah_spans *line, const char *raw) {
  ah_spans *para = &r->out->items[p->index - 1].spans;
  /* the accent of the last letter fell to the start of this line */
  if (r->preview && para->n && line->n && p->text.len && isalpha((unsigned char)p->text.data[p->text.len - 1])) {
    ah_buf joined = {0};
    ah_buf_puts(&joined, "x "); /* a stand-in for the letter before */
    ah_buf_puts(&joined, line->items[0].text);
    attach_spacing_accents(joined.data);
    if ((unsigned char)joined.data[1] == 0xCC) {
      size_t consumed = strlen(line->items[0].text) - (strlen(joined.data) - 3);
      ah_span *last = &para->items[para->n - 1];
      size_t l = strlen(last->text);
      last->text = ah_xrealloc(last->text, l + 3);
      memcpy(last->text + l, joined.data + 1, 2);
      last->text[l + 2] = 0;
      ah_buf_put(&p->text, joined.data + 1, 2);
      memmove(line->items[0].text, line->items[0].text + consumed, strlen(line->items[0].text + consumed) + 1);
      raw += consumed;
      while (*line->items[0].text == ' ') memmove(line->items[0].text, line->items[0].text + 1, strlen(line->items[0].text));
      while (*raw == ' ') raw++;
    }
    ah_buf_free(&joined);
  }
  ah_join_line(para, &p->text, line, raw, r->words);
  ah_spans_free(line);
}

static void take_line(rebuild *r, ah_spans *line) {
  if (r->preview)
    for (size_t i = 0; i < line->n; i++) attach_spacing_accents(line->items[i].text);
  /* trim the line: leading and trailing ASCII spaces, spans left empty */
  while (line->n) {
    char *first = line->items[0].text;
    size_t lead = strspn(first, " ");
    memmove(first, first + lead, strlen(first + lead) + 1);
    if (*first) break;
    free(first);
    memmove(line->items, line->items + 1, --line->n * sizeof *line->items);
  }
  while (line->n) {
    char *last = line->items[line->n - 1].text;
    size_t n = strlen(last);
    while (n && last[n - 1] == ' ') last[--n] = 0;
    if (n) break;
    free(last);
    line->n--;
  }
  char *raw = ah_spans_text(line);
  char *text = ah_normalize_space(raw);
  bool page_number = r->page_number_next && ah_is_digits(text);
  r->page_number_next = false;
  size_t note_skip;
  if (!*text) {
    /* a blank line ends a paragraph, except in a preview, where it is only
     * the space before the colophon or a table */
    if (!r->in_notes && !r->preview) r->body.index = 0;
  } else if (r->in_masthead && !ah_starts_omschrijving(text)) {
    read_masthead(r->meta, text);
  } else if (ah_is_running_footer(text)) {
    r->in_notes = false;
    r->note.index = 0;
    r->page_number_next = r->page_broke = true;
    r->page_start = body_end(r);
  } else if (page_number || ah_is_colophon_line(text)) {
    /* furniture */
  } else if (ah_is_pubid(text, &(ah_pubid){0})) {
    ah_docmeta_take_id(r->meta, text, strlen(text));
  } else if ((note_skip = note_start(raw, r->next_note)) > 0) {
    ah_block *b;
    if (r->n_notes == r->cap_notes) {
      r->cap_notes = r->cap_notes ? r->cap_notes * 2 : 16;
      r->notes = ah_xrealloc(r->notes, r->cap_notes * sizeof *r->notes);
    }
    r->notes[r->n_notes++] = (note_page){r->next_note, r->page_start, body_end(r)};
    char *first = line->items[0].text;
    size_t in_first = strlen(first) < note_skip ? strlen(first) : note_skip;
    memmove(first, first + in_first, strlen(first + in_first) + 1);
    start_para(r, &r->note, AH_BLOCK_NOTE, line, raw + note_skip);
    b = &r->out->items[r->note.index - 1];
    b->note_number = r->next_note++;
    r->in_notes = true;
  } else if (r->in_notes) {
    continue_para(r, &r->note, line, raw);
  } else if (ah_is_label(text)) {
    open_para heading = {0};
    start_para(r, &heading, AH_BLOCK_PARA, line, raw);
    ah_buf_free(&heading.text);
    r->body.index = 0;
  } else if (r->body.index) {
    continue_para(r, &r->body, line, raw);
  } else {
    start_para(r, &r->body, AH_BLOCK_PARA, line, raw);
  }
  r->in_masthead = r->in_masthead && !ah_starts_omschrijving(text);
  ah_spans_free(line);
  free(raw);
  free(text);
}

static void take_block(rebuild *r, ah_block *b) {
  /* a new block is a new paragraph, unless a page ended in between */
  if (!r->page_broke) r->body.index = 0;
  r->page_broke = false;
  r->src = &b->pos;
  ah_spans line = {0};
  for (size_t i = 0; i < b->spans.n; i++) {
    const ah_span *s = &b->spans.items[i];
    if (s->style & AH_STYLE_NOTEREF) {
      ah_spans_add_marker(&line, s->note, s->page);
      continue;
    }
    for (const char *p = s->text;;) {
      const char *nl = strchr(p, '\n');
      ah_spans_add(&line, p, nl ? (size_t)(nl - p) : strlen(p), s->style);
      if (!nl) break;
      take_line(r, &line);
      p = nl + 1;
    }
  }
  if (line.n) take_line(r, &line);
  ah_spans_free(&line);
}

/* ---- markers ------------------------------------------------------------ */

/* The number glued to what ends a word: sentence punctuation, a closing
 * quote or bracket, or a word of two or more letters with a lowercase one.
 * Not a digit ("20231" is a year), not capitals or a single letter: "CO2",
 * "H2O", "m3" are formulas and units. */
static bool glue_before(const char *text, size_t at) {
  if (!at) return false;
  unsigned char c = (unsigned char)text[at - 1];
  if (strchr("?.!,;:)]\"'", c)) return true;
  static const char *const quotes[] = {"\xE2\x80\x99", "\xE2\x80\x9D", "\xC2\xBB", NULL};
  for (int i = 0; quotes[i]; i++) {
    size_t n = strlen(quotes[i]);
    if (at >= n && memcmp(text + at - n, quotes[i], n) == 0) return true;
  }
  size_t letters = 0;
  bool lower = false;
  for (size_t i = at; i > 0; i--) {
    unsigned char l = (unsigned char)text[i - 1];
    if (isalpha(l)) {
      letters++;
      lower = lower || islower(l);
    } else if (l >= 0x80) {
      lower = true; /* é, ë, ï …: part of a Dutch word */
      if ((l & 0xC0) != 0x80) letters++;
    } else {
      break;
    }
  }
  return letters >= 2 && lower;
}

/* "in de brief van 29 juni 20222": a marker glued to a year, the number
 * after four digits that begin 19 or 20 and stand alone. */
static bool glued_to_year(const char *text, size_t at) {
  if (at < 4) return false;
  const char *y = text + at - 4;
  for (int i = 0; i < 4; i++)
    if (!isdigit((unsigned char)y[i])) return false;
  if (at > 4 && (isdigit((unsigned char)y[-1]) || isalpha((unsigned char)y[-1]))) return false;
  return (y[0] == '1' && y[1] == '9') || (y[0] == '2' && y[1] == '0');
}

static bool before(place p, place q) {
  if (p.block != q.block) return p.block < q.block;
  if (p.span != q.span) return p.span < q.span;
  return p.offset < q.offset;
}

/* Looks for note `number`'s marker in [*from, end); on success *from is
 * just after it. */
static bool find_marker(ah_flow *flow, int number, place *from, place end) {
  char digits[16];
  int dl = snprintf(digits, sizeof digits, "%d", number);
  for (size_t bi = from->block; bi < flow->n && bi <= end.block; bi++) {
    ah_block *b = &flow->items[bi];
    if (b->kind != AH_BLOCK_PARA) continue;
    for (size_t si = bi == from->block ? from->span : 0; si < b->spans.n; si++) {
      ah_span *s = &b->spans.items[si];
      if (s->style & (AH_STYLE_SUP | AH_STYLE_SUB | AH_STYLE_NOTEREF)) continue;
      size_t start = (bi == from->block && si == from->span) ? from->offset : 0;
      if (start > strlen(s->text)) continue;
      for (const char *p = strstr(s->text + start, digits); p; p = strstr(p + 1, digits)) {
        size_t at = (size_t)(p - s->text);
        if (!before((place){bi, si, at}, end)) return false;
        if (isdigit((unsigned char)p[dl])) continue;
        if (!glue_before(s->text, at) && !glued_to_year(s->text, at)) continue;
        /* split: before | marker | after */
        assert(at + (size_t)dl <= strlen(s->text));
        char *after = ah_strdup(p + dl);
        s->text[at] = 0;
        if (b->spans.n + 2 > b->spans.cap) {
          b->spans.cap = b->spans.n + 8;
          b->spans.items = ah_xrealloc(b->spans.items, b->spans.cap * sizeof *b->spans.items);
          s = &b->spans.items[si];
        }
        b->spans.n += 2;
        memmove(&b->spans.items[si + 3], &b->spans.items[si + 1], (b->spans.n - si - 3) * sizeof *b->spans.items);
        b->spans.items[si + 1] = (ah_span){ah_strdup(""), AH_STYLE_NOTEREF, s->page, number};
        b->spans.items[si + 2] = (ah_span){after, s->style, s->page, 0};
        *from = (place){bi, si + 2, 0};
        return true;
      }
    }
  }
  return false;
}

/* A marker stands on the page of its note, before the note: search the body
 * text printed between the page's start and the note, after the previous
 * marker.  Splitting a span shifts later span indexes of that block, so the
 * notes are taken in order and the places of later notes in the same block
 * are moved along. */
static void link_markers(ah_flow *flow, note_page *pages, size_t n) {
  place last = {0, 0, 0};
  for (size_t i = 0; i < n; i++) {
    place from = before(last, pages[i].start) ? pages[i].start : last;
    place found = from;
    if (!find_marker(flow, pages[i].number, &found, pages[i].end)) continue;
    last = found;
    /* span si became si (text before), si + 1 (the marker), si + 2 (rest) */
    const ah_spans *sp = &flow->items[found.block].spans;
    assert(found.span >= 2 && found.span < sp->n + 1);
    size_t si = found.span - 2;
    size_t cut = strlen(sp->items[si].text) + strlen(sp->items[si + 1].text);
    for (size_t k = i + 1; k < n; k++) {
      place *ps[2] = {&pages[k].start, &pages[k].end};
      for (int j = 0; j < 2; j++) {
        place *p = ps[j];
        if (p->block != found.block || p->span < si) continue;
        if (p->span > si) {
          p->span += 2;
        } else if (p->offset >= cut) {
          p->span += 2;
          p->offset -= cut;
        }
      }
    }
  }
}

/* ---- entry -------------------------------------------------------------- */

void ah_text_lines(ah_flow *flow, ah_docmeta *meta) {
  bool any = false, masthead = false;
  for (size_t i = 0; i < flow->n && !any; i++) any = has_line_breaks(&flow->items[i]);
  if (!any) return;
  for (size_t i = 0; i < flow->n && !masthead; i++) {
    char *t = ah_spans_text(&flow->items[i].spans);
    masthead = ah_mentions_series(t);
    free(t);
  }
  ah_flow out = {0};
  rebuild r = {.out = &out, .meta = meta, .preview = masthead, .in_masthead = masthead, .next_note = 1,
               .words = ah_wordlist_new()};
  for (size_t i = 0; i < flow->n; i++) {
    ah_block *b = &flow->items[i];
    if (has_line_breaks(b)) {
      take_block(&r, b);
    } else {
      *ah_flow_add(&out, b->kind) = *b;
      memset(&b->spans, 0, sizeof b->spans);
      memset(&b->pos, 0, sizeof b->pos);
      r.body.index = 0;
      r.page_broke = false;
    }
  }
  ah_buf_free(&r.body.text);
  ah_buf_free(&r.note.text);
  ah_wordlist_free(r.words);
  link_markers(&out, r.notes, r.n_notes);
  free(r.notes);
  ah_flow_free(flow);
  *flow = out;
}
