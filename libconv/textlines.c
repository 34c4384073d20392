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
 * a best effort: a marker glued to a digit ("november 20231") is not found,
 * and paragraphs inside an answer run together.
 */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  size_t index; /* block index + 1, 0: none */
  ah_buf text;  /* its plain text, kept in step for ah_join_line */
} open_para;

typedef struct {
  ah_flow *out;
  open_para body, note;
  bool preview; /* a masthead was seen: the lines are a printed page's */
  bool in_masthead, in_notes, page_number_next, page_broke;
  int next_note;
} rebuild;

static bool has_line_breaks(const ah_block *b) {
  if (b->kind != AH_BLOCK_PARA) return false;
  for (size_t i = 0; i < b->spans.n; i++)
    if (strchr(b->spans.items[i].text, '\n')) return true;
  return false;
}

static bool digits_only(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return false;
  return true;
}

/* "ah-tk-20232024-1178" */
static bool is_publication_id(const char *t) {
  if (strncmp(t, "ah-tk-", 6) != 0 && strncmp(t, "ah-ek-", 6) != 0) return false;
  for (int i = 6; i < 14; i++)
    if (!isdigit((unsigned char)t[i])) return false;
  return t[14] == '-' && digits_only(t + 15);
}

static bool is_running_footer(const char *t) {
  size_t n = strlen(t);
  return (ah_starts_with(t, "Tweede Kamer, vergaderjaar ") || ah_starts_with(t, "Eerste Kamer, vergaderjaar ")) &&
         n > 10 && strcmp(t + n - 10, "Aanhangsel") == 0;
}

static bool is_colophon(const char *t) {
  return ah_starts_with(t, "ISSN ") || ah_starts_with(t, "\xE2\x80\x99s-Gravenhage ") ||
         ah_starts_with(t, "'s-Gravenhage ");
}

static bool starts_omschrijving(const char *t) {
  static const char *const starts[] = {"Vragen van ", "Vraag van ", "Schriftelijke vragen ", "Antwoord van ",
                                       "Mededeling van ", NULL};
  for (int i = 0; starts[i]; i++)
    if (ah_starts_with(t, starts[i])) return true;
  return false;
}

/* Masthead lines: "Vergaderjaar 2023–2024", the number, the chamber. */
static void read_masthead(ah_flow *flow, const char *t) {
  if (ah_starts_with(t, "Vergaderjaar ") && !flow->vergaderjaar && strlen(t) >= 13 + 9) {
    const char *y = t + 13;
    if (isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[3])) {
      const char *second = y + 4;
      while (*second && !isdigit((unsigned char)*second)) second++;
      if (strlen(second) >= 4) {
        char v[10];
        memcpy(v, y, 4);
        v[4] = '-';
        memcpy(v + 5, second, 4);
        v[9] = 0;
        flow->vergaderjaar = ah_strdup(v);
      }
    }
  } else if (digits_only(t) && strlen(t) > 1) {
    flow->nummer = atoi(t); /* the chamber's big digit is one character */
  } else if (!flow->kamer && strcmp(t, "Tweede Kamer der Staten-Generaal") == 0) {
    flow->kamer = ah_strdup("tk");
  } else if (!flow->kamer && strcmp(t, "Eerste Kamer der Staten-Generaal") == 0) {
    flow->kamer = ah_strdup("ek");
  }
}

/* "12&#160;Kamerstuk …": a note line, when 12 is the next note number.
 * Returns the bytes of number and space, 0 if not. */
static size_t note_start(const char *raw, int next) {
  const char *p = raw;
  while (*p == ' ') p++;
  if (!isdigit((unsigned char)*p)) return 0;
  char *end;
  long n = strtol(p, &end, 10);
  if (n != next) return 0;
  if ((unsigned char)end[0] == 0xC2 && (unsigned char)end[1] == 0xA0) return (size_t)(end + 2 - raw);
  return 0;
}

static void start_para(rebuild *r, open_para *p, ah_block_kind kind, ah_spans *line, const char *raw) {
  ah_block *b = ah_flow_add(r->out, kind);
  b->after_gap = true;
  b->spans = *line;
  memset(line, 0, sizeof *line);
  p->index = r->out->n;
  p->text.len = 0;
  ah_buf_puts(&p->text, raw);
}

static void continue_para(rebuild *r, open_para *p, ah_spans *line, const char *raw) {
  ah_join_line(&r->out->items[p->index - 1].spans, &p->text, line, raw);
  ah_spans_free(line);
}

static void take_line(rebuild *r, ah_spans *line) {
  /* trim the line: leading and trailing ASCII spaces */
  while (line->n && !*line->items[0].text) {
    free(line->items[0].text);
    memmove(line->items, line->items + 1, --line->n * sizeof *line->items);
  }
  if (line->n) {
    char *first = line->items[0].text;
    size_t lead = strspn(first, " ");
    memmove(first, first + lead, strlen(first + lead) + 1);
    char *last = line->items[line->n - 1].text;
    size_t n = strlen(last);
    while (n && last[n - 1] == ' ') last[--n] = 0;
  }
  char *raw = ah_spans_text(line);
  char *text = ah_normalize_space(raw);
  bool page_number = r->page_number_next && digits_only(text);
  r->page_number_next = false;
  size_t note_skip;
  if (!*text) {
    /* a blank line ends a paragraph, except in a preview, where it is only
     * the space before the colophon or a table */
    if (!r->in_notes && !r->preview) r->body.index = 0;
  } else if (r->in_masthead && !starts_omschrijving(text)) {
    read_masthead(r->out, text);
  } else if (is_running_footer(text)) {
    r->in_notes = false;
    r->note.index = 0;
    r->page_number_next = r->page_broke = true;
  } else if (page_number || is_colophon(text)) {
    /* furniture */
  } else if (is_publication_id(text)) {
    if (!r->out->id) r->out->id = ah_strdup(text);
  } else if ((note_skip = note_start(raw, r->next_note)) > 0) {
    ah_block *b;
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
  r->in_masthead = r->in_masthead && !starts_omschrijving(text);
  ah_spans_free(line);
  free(raw);
  free(text);
}

static void take_block(rebuild *r, ah_block *b) {
  /* a new block is a new paragraph, unless a page ended in between */
  if (!r->page_broke) r->body.index = 0;
  r->page_broke = false;
  ah_spans line = {0};
  for (size_t i = 0; i < b->spans.n; i++) {
    const ah_span *s = &b->spans.items[i];
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

/* The number glued to what ends a word: a letter, a closing quote or
 * bracket, sentence punctuation.  Not a digit: "20231" is a year. */
static bool glue_before(const char *span_text, size_t at) {
  if (!at) return false;
  unsigned char c = (unsigned char)span_text[at - 1];
  return isalpha(c) || c >= 0x80 || strchr("?.!,;:)]\"'", c);
}

typedef struct {
  size_t block, span, offset;
} place;

static bool find_marker(ah_flow *flow, int number, place *from) {
  char digits[16];
  int dl = snprintf(digits, sizeof digits, "%d", number);
  for (size_t bi = from->block; bi < flow->n; bi++) {
    ah_block *b = &flow->items[bi];
    if (b->kind != AH_BLOCK_PARA) continue;
    for (size_t si = bi == from->block ? from->span : 0; si < b->spans.n; si++) {
      ah_span *s = &b->spans.items[si];
      if (s->style & (AH_STYLE_SUP | AH_STYLE_SUB | AH_STYLE_NOTEREF)) continue;
      size_t start = (bi == from->block && si == from->span) ? from->offset : 0;
      for (const char *p = strstr(s->text + start, digits); p; p = strstr(p + 1, digits)) {
        size_t at = (size_t)(p - s->text);
        if (!glue_before(s->text, at) || isdigit((unsigned char)p[dl])) continue;
        if (at >= 1 && isdigit((unsigned char)s->text[at - 1])) continue;
        /* split: before | marker | after */
        char *after = ah_strdup(p + dl);
        s->text[at] = 0;
        if (b->spans.n + 2 > b->spans.cap) {
          b->spans.cap = b->spans.n + 8;
          b->spans.items = ah_xrealloc(b->spans.items, b->spans.cap * sizeof *b->spans.items);
          s = &b->spans.items[si];
        }
        b->spans.n += 2;
        memmove(&b->spans.items[si + 3], &b->spans.items[si + 1], (b->spans.n - si - 3) * sizeof *b->spans.items);
        b->spans.items[si + 1] = (ah_span){ah_strdup(digits), AH_STYLE_NOTEREF};
        b->spans.items[si + 2] = (ah_span){after, s->style};
        *from = (place){bi, si + 2, 0};
        return true;
      }
    }
  }
  return false;
}

static void link_markers(ah_flow *flow) {
  place from = {0, 0, 0};
  for (size_t i = 0; i < flow->n; i++) {
    if (flow->items[i].kind != AH_BLOCK_NOTE) continue;
    place try = from;
    if (find_marker(flow, flow->items[i].note_number, &try)) from = try;
  }
}

/* ---- entry -------------------------------------------------------------- */

void ah_text_lines(ah_flow *flow) {
  bool any = false, masthead = false;
  for (size_t i = 0; i < flow->n && !any; i++) any = has_line_breaks(&flow->items[i]);
  if (!any) return;
  for (size_t i = 0; i < flow->n && !masthead; i++) {
    char *t = ah_spans_text(&flow->items[i].spans);
    masthead = strstr(t, "Aanhangsel van de Handelingen") != NULL;
    free(t);
  }
  ah_flow out = {0};
  out.id = flow->id, out.kamer = flow->kamer, out.vergaderjaar = flow->vergaderjaar;
  out.nummer = flow->nummer;
  flow->id = flow->kamer = flow->vergaderjaar = NULL;
  rebuild r = {.out = &out, .preview = masthead, .in_masthead = masthead, .next_note = 1};
  for (size_t i = 0; i < flow->n; i++) {
    ah_block *b = &flow->items[i];
    if (has_line_breaks(b)) {
      take_block(&r, b);
    } else {
      *ah_flow_add(&out, b->kind) = *b;
      memset(&b->spans, 0, sizeof b->spans);
      r.body.index = 0;
      r.page_broke = false;
    }
  }
  ah_buf_free(&r.body.text);
  ah_buf_free(&r.note.text);
  link_markers(&out);
  ah_flow_free(flow);
  *flow = out;
}
