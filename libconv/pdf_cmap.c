/* pdf_cmap.c — a font's ToUnicode CMap in, a table of code → text out, and
 * back (for pdf_glyphs.c, which repairs the table).
 *
 * Takes: the decoded bytes of a /ToUnicode stream and the width of the
 * font's codes (1 byte for a simple font, 2 for an Identity-encoded one).
 * Gives: ah_cmap, one UTF-8 string per code (NULL: no entry); and a CMap
 * stream written from such a table.  A CMap this reader does not follow
 * (another CMap used by name, codes of another width) is refused whole:
 * a half-read map would be "repaired" into a wrong one.
 */
#include "pdf_cmap.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const unsigned char *p, *end;
} lexer;

typedef enum { TOK_END, TOK_HEX, TOK_OPEN, TOK_CLOSE, TOK_WORD } tok_kind;

typedef struct {
  tok_kind kind;
  const unsigned char *s; /* the hex digits or the word */
  size_t n;
} token;

static bool is_white(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0; }

static token next_token(lexer *lx) {
  token t = {TOK_END, NULL, 0};
  for (;;) {
    while (lx->p < lx->end && is_white(*lx->p)) lx->p++;
    if (lx->p < lx->end && *lx->p == '%') {
      while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r') lx->p++;
      continue;
    }
    break;
  }
  if (lx->p >= lx->end) return t;
  unsigned char c = *lx->p;
  if (c == '<' && lx->p + 1 < lx->end && lx->p[1] != '<') {
    const unsigned char *close = memchr(lx->p, '>', (size_t)(lx->end - lx->p));
    if (!close) return t;
    t.kind = TOK_HEX, t.s = lx->p + 1, t.n = (size_t)(close - lx->p - 1), lx->p = close + 1;
    return t;
  }
  if (c == '[' || c == ']') {
    lx->p++;
    t.kind = c == '[' ? TOK_OPEN : TOK_CLOSE;
    return t;
  }
  t.kind = TOK_WORD, t.s = lx->p;
  lx->p++;
  while (lx->p < lx->end && !is_white(*lx->p) && !strchr("<>[]/%()", *lx->p)) lx->p++;
  t.n = (size_t)(lx->p - t.s);
  return t;
}

static bool is_word(token t, const char *w) { return t.kind == TOK_WORD && t.n == strlen(w) && !memcmp(t.s, w, t.n); }

/* The bytes of a hex string (white space inside allowed); -1 when bad. */
static long hex_bytes(token t, unsigned char *out, size_t cap) {
  size_t n = 0;
  int half = -1;
  for (size_t i = 0; i < t.n; i++) {
    if (is_white(t.s[i])) continue;
    int d = g_ascii_xdigit_value((char)t.s[i]);
    if (d < 0) return -1;
    if (half < 0) {
      half = d;
      continue;
    }
    if (n == cap) return -1;
    out[n++] = (unsigned char)(half * 16 + d);
    half = -1;
  }
  if (half >= 0) {
    if (n == cap) return -1;
    out[n++] = (unsigned char)(half * 16); /* an odd digit count ends in 0 */
  }
  return (long)n;
}

/* A code of the font's width; -1 otherwise. */
static long code_of(token t, int width) {
  unsigned char b[4];
  if (t.kind != TOK_HEX || hex_bytes(t, b, sizeof b) != width) return -1;
  long c = 0;
  for (int i = 0; i < width; i++) c = c * 256 + b[i];
  return c;
}

/* UTF-16BE to UTF-8; NULL when empty or broken. */
static char *utf16_text(const unsigned char *b, size_t n) {
  if (n == 0 || n % 2) return NULL;
  gunichar2 u[256];
  size_t k = n / 2;
  if (k > G_N_ELEMENTS(u)) return NULL;
  for (size_t i = 0; i < k; i++) u[i] = (gunichar2)(b[2 * i] << 8 | b[2 * i + 1]);
  gchar *s = g_utf16_to_utf8(u, (glong)k, NULL, NULL, NULL);
  if (!s) return NULL;
  char *out = strdup(s);
  g_free(s);
  return out;
}

static void set_entry(ah_cmap *m, long code, char *text) {
  if (code < 0 || (size_t)code >= m->n || !text) {
    free(text);
    return;
  }
  free(m->text[code]);
  m->text[code] = text;
}

static bool read_bfchar(lexer *lx, ah_cmap *m, int width) {
  for (;;) {
    token src = next_token(lx);
    if (is_word(src, "endbfchar")) return true;
    token dst = next_token(lx);
    long code = code_of(src, width);
    if (code < 0) return false;
    unsigned char b[512];
    long n = dst.kind == TOK_HEX ? hex_bytes(dst, b, sizeof b) : -1;
    if (dst.kind != TOK_HEX && dst.kind != TOK_WORD) return false; /* a /name destination: no text */
    if (n > 0) set_entry(m, code, utf16_text(b, (size_t)n));
  }
}

/* "<lo> <hi> <dst>": dst's last unit counts up; "<lo> <hi> [<d> …]". */
static bool read_bfrange(lexer *lx, ah_cmap *m, int width) {
  for (;;) {
    token lo_t = next_token(lx);
    if (is_word(lo_t, "endbfrange")) return true;
    long lo = code_of(lo_t, width), hi = code_of(next_token(lx), width);
    if (lo < 0 || hi < lo) return false;
    token dst = next_token(lx);
    if (dst.kind == TOK_OPEN) {
      for (long c = lo;; c++) {
        token d = next_token(lx);
        if (d.kind == TOK_CLOSE) break;
        unsigned char b[512];
        long n = d.kind == TOK_HEX ? hex_bytes(d, b, sizeof b) : -1;
        if (n < 0) return false;
        if (c <= hi) set_entry(m, c, utf16_text(b, (size_t)n));
      }
      continue;
    }
    unsigned char b[512];
    long n = dst.kind == TOK_HEX ? hex_bytes(dst, b, sizeof b) : -1;
    if (n < 2) return false;
    for (long c = lo; c <= hi && (size_t)c < m->n; c++) {
      set_entry(m, c, utf16_text(b, (size_t)n));
      unsigned last = (unsigned)(b[n - 2] << 8 | b[n - 1]) + 1; /* the next code's text */
      b[n - 2] = (unsigned char)(last >> 8), b[n - 1] = (unsigned char)last;
    }
  }
}

int ah_cmap_read(const unsigned char *data, size_t len, int width, size_t codes, ah_cmap *m) {
  size_t all = width == 1 ? 256 : 65536;
  m->n = codes && codes < all ? codes : all;
  m->text = ah_xcalloc(m->n, sizeof *m->text);
  lexer lx = {data, data + len};
  for (token t = next_token(&lx); t.kind != TOK_END; t = next_token(&lx)) {
    bool ok = true;
    if (is_word(t, "usecmap")) ok = false;
    else if (is_word(t, "beginbfchar")) ok = read_bfchar(&lx, m, width);
    else if (is_word(t, "beginbfrange")) ok = read_bfrange(&lx, m, width);
    if (!ok) {
      ah_cmap_free(m);
      return -1;
    }
  }
  return 0;
}

void ah_cmap_free(ah_cmap *m) {
  for (size_t i = 0; m->text && i < m->n; i++)
    if (m->text[i]) free(m->text[i]);
  free(m->text);
  m->text = NULL;
  m->n = 0;
}

static void put_utf16(ah_buf *b, const char *s) {
  glong k = 0;
  gunichar2 *u = g_utf8_to_utf16(s, -1, NULL, &k, NULL);
  for (glong i = 0; u && i < k; i++) ah_buf_printf(b, "%04X", u[i]);
  g_free(u);
}

void ah_cmap_write(const ah_cmap *m, int width, ah_buf *out) {
  ah_buf_puts(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n");
  ah_buf_puts(out, width == 1 ? "<00> <FF>\n" : "<0000> <FFFF>\n");
  ah_buf_puts(out, "endcodespacerange\n");
  size_t i = 0;
  while (i < m->n) {
    size_t count = 0;
    for (size_t j = i; j < m->n && count < 100; j++) count += m->text[j] != NULL;
    if (!count) break;
    ah_buf_printf(out, "%zu beginbfchar\n", count);
    for (size_t done = 0; done < count; i++) {
      if (!m->text[i]) continue;
      ah_buf_printf(out, width == 1 ? "<%02zX> <" : "<%04zX> <", i);
      put_utf16(out, m->text[i]);
      ah_buf_puts(out, ">\n");
      done++;
    }
    ah_buf_puts(out, "endbfchar\n");
  }
  ah_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}
