/* json.c — a small JSON writer (json.h).
 *
 * Takes: calls in document order.  Gives: indented JSON, UTF-8 passed
 * through (the tree's text is valid UTF-8: the readers repair it), control
 * characters, quotes and backslashes escaped.
 */
#include "json.h"

#include <assert.h>
#include <string.h>

static void newline(ah_json *w, int depth) {
  ah_buf_putc(&w->out, '\n');
  for (int i = 0; i < depth; i++) ah_buf_puts(&w->out, "  ");
}

/* What comes before a key, or before a value that has no key. */
static void before_item(ah_json *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth == 0) return;
  bool compact = w->compact[w->depth];
  if (!w->first[w->depth]) ah_buf_puts(&w->out, compact ? ", " : ",");
  w->first[w->depth] = false;
  if (!compact) newline(w, w->depth);
}

static void begin(ah_json *w, char open, bool compact) {
  before_item(w);
  ah_buf_putc(&w->out, open);
  bool outer_compact = w->depth > 0 && w->compact[w->depth];
  w->depth++;
  assert(w->depth < AH_JSON_MAX_DEPTH);
  w->first[w->depth] = true;
  w->compact[w->depth] = compact || outer_compact;
}

static void end(ah_json *w, char close) {
  bool empty = w->first[w->depth], compact = w->compact[w->depth];
  w->depth--;
  if (!empty && !compact) newline(w, w->depth);
  ah_buf_putc(&w->out, close);
  if (w->depth == 0) ah_buf_putc(&w->out, '\n');
}

void ah_json_begin_object(ah_json *w, bool compact) { begin(w, '{', compact); }
void ah_json_end_object(ah_json *w) { end(w, '}'); }
void ah_json_begin_array(ah_json *w, bool compact) { begin(w, '[', compact); }
void ah_json_end_array(ah_json *w) { end(w, ']'); }

static void put_string(ah_buf *b, const char *s) {
  ah_buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': ah_buf_puts(b, "\\\""); break;
    case '\\': ah_buf_puts(b, "\\\\"); break;
    case '\n': ah_buf_puts(b, "\\n"); break;
    case '\t': ah_buf_puts(b, "\\t"); break;
    case '\r': ah_buf_puts(b, "\\r"); break;
    default:
      if (*p < 0x20) {
        ah_buf_printf(b, "\\u%04x", *p);
      } else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
        ah_buf_puts(b, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
        p += 2;
      } else {
        ah_buf_putc(b, (char)*p);
      }
    }
  }
  ah_buf_putc(b, '"');
}

void ah_json_key(ah_json *w, const char *key) {
  before_item(w);
  put_string(&w->out, key);
  ah_buf_puts(&w->out, ": ");
  w->after_key = true;
}

void ah_json_string(ah_json *w, const char *s) {
  before_item(w);
  if (s) put_string(&w->out, s);
  else ah_buf_puts(&w->out, "null");
}

void ah_json_int(ah_json *w, long v) {
  before_item(w);
  ah_buf_printf(&w->out, "%ld", v);
}

void ah_json_null(ah_json *w) {
  before_item(w);
  ah_buf_puts(&w->out, "null");
}

void ah_json_string_member(ah_json *w, const char *key, const char *s) {
  ah_json_key(w, key);
  ah_json_string(w, s);
}

void ah_json_int_member(ah_json *w, const char *key, long v) {
  ah_json_key(w, key);
  ah_json_int(w, v);
}

void ah_json_count_member(ah_json *w, const char *key, long v) {
  ah_json_key(w, key);
  if (v) ah_json_int(w, v);
  else ah_json_null(w);
}
