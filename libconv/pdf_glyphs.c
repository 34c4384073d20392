/* pdf_glyphs.c — a PDF whose fonts' character maps contradict their own
 * glyph names in, the same PDF with the maps repaired out (for
 * source_pdf.c, before poppler reads the text).
 *
 * Takes: the bytes of a PDF.  Gives: NULL when every font's ToUnicode map
 * agrees with its glyph names (the usual case, and always when no font has
 * a map); otherwise a copy rewritten by libqpdf in which each such font has
 * a new map: a code whose map entry contradicts the glyph's name ("endash"
 * mapped to "±", as a library that rewrites the maps from the wrong base
 * encoding leaves it) takes the name's character; a drawn glyph with no
 * entry takes its name's character, or U+FFFD when the name says nothing
 * ("g123"), so the text never shows a space where a letter was drawn and
 * source_pdf.c can list it as a loss.
 *
 * Glyph names: a simple font's /Differences, and for a nonsymbolic one its
 * WinAnsi base encoding; an Identity-encoded font's embedded program (CFF
 * or TrueType, read by FreeType).  A map entry in the
 * Private Use Area, or one that agrees up to compatibility forms, spaces
 * and hyphens, is left alone: only a contradiction is repaired.
 */
#include "pdf_glyphs.h"
#include "glyph_names.h"
#include "pdf_cmap.h"
#include "init.h"
#include "qpdf_streams.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

/* Form XObjects inside form XObjects followed this deep. */
#define FORM_DEPTH 8

typedef struct {
  qpdf_data q;
  FT_Library ft;
  GHashTable *seen; /* object numbers of the resources, fonts and forms looked at */
  bool changed;
} repair;

/* What each code should read as: the text of its glyph's name (NULL: the
 * name says nothing), and whether a glyph is there at all. */
typedef struct {
  char **text;
  bool *glyph;
  size_t n;
} expected;

static void expected_free(expected *e) {
  for (size_t i = 0; e->text && i < e->n; i++)
    if (e->text[i]) free(e->text[i]);
  free(e->text);
  free(e->glyph);
}

static bool seen_before(repair *r, qpdf_oh oh) {
  int id = qpdf_oh_get_object_id(r->q, oh);
  if (id == 0) return false; /* direct: met once */
  return !g_hash_table_add(r->seen, GINT_TO_POINTER(id));
}

/* A stream's decoded bytes (caller frees), NULL when it cannot be decoded:
 * inflated under the inflation cap, so a hostile font cannot claim the
 * memory qpdf's own decoding would give it. */
static unsigned char *decoded(qpdf_data q, qpdf_oh stream, size_t *len) {
  return (unsigned char *)ah_qpdf_stream_bytes(q, stream, len);
}

static char *name_text(const char *name) {
  char t[64];
  return ah_glyph_name_text(name, t, sizeof t) ? strdup(t) : NULL;
}

/* A font that says it draws Latin text (flag 6 of the descriptor, not
 * flag 3): its codes mean what its encoding says. */
static bool nonsymbolic(repair *r, qpdf_oh font) {
  qpdf_oh flags = qpdf_oh_get_key(r->q, qpdf_oh_get_key(r->q, font, "/FontDescriptor"), "/Flags");
  if (!qpdf_oh_is_integer(r->q, flags)) return false;
  long long f = qpdf_oh_get_int_value(r->q, flags);
  return (f & 32) && !(f & 4);
}

/* WinAnsiEncoding: Windows code page 1252, by the system's converter (the
 * five codes 1252 leaves open stay unknown); a code the encoding gives a
 * name of a space or a hyphen reads alike (same_reading). */
static void win_ansi(expected *e) {
  GIConv cd = g_iconv_open("UTF-8", "CP1252");
  if (cd == (GIConv)-1) return;
  for (int c = 0x20; c < 256; c++) {
    char in = (char)c, out[8];
    gchar *ip = &in, *op = out;
    gsize il = 1, ol = sizeof out - 1;
    if (c == 0x7F || g_iconv(cd, &ip, &il, &op, &ol) == (gsize)-1) continue;
    *op = 0;
    e->text[c] = strdup(out);
  }
  g_iconv_close(cd);
}

/* A simple font: the names its base encoding (WinAnsi, for a nonsymbolic
 * font) and its /Differences give codes. */
static bool simple_expected(repair *r, qpdf_oh font, expected *e) {
  qpdf_oh enc = qpdf_oh_get_key(r->q, font, "/Encoding"), diffs = qpdf_oh_get_key(r->q, enc, "/Differences");
  qpdf_oh base = qpdf_oh_is_dictionary(r->q, enc) ? qpdf_oh_get_key(r->q, enc, "/BaseEncoding") : enc;
  bool win = qpdf_oh_is_name_and_equals(r->q, base, "/WinAnsiEncoding") && nonsymbolic(r, font);
  if (!win && !qpdf_oh_is_array(r->q, diffs)) return false;
  e->n = 256;
  e->text = ah_xcalloc(e->n, sizeof *e->text);
  e->glyph = ah_xcalloc(e->n, sizeof *e->glyph);
  if (win) win_ansi(e);
  long code = 0;
  for (int i = 0, n = qpdf_oh_is_array(r->q, diffs) ? qpdf_oh_get_array_n_items(r->q, diffs) : 0; i < n; i++) {
    qpdf_oh item = qpdf_oh_get_array_item(r->q, diffs, i);
    if (qpdf_oh_is_integer(r->q, item)) code = qpdf_oh_get_int_value(r->q, item);
    else if (qpdf_oh_is_name(r->q, item) && code >= 0 && code < 256) {
      free(e->text[code]);
      e->text[code] = name_text(qpdf_oh_get_name(r->q, item) + 1);
      code++;
    }
  }
  return true;
}

/* CID → glyph index: the CIDToGIDMap stream of a TrueType CID font, or
 * NULL for the identity. */
static unsigned char *cid_to_gid(repair *r, qpdf_oh cidfont, size_t *len) {
  qpdf_oh map = qpdf_oh_get_key(r->q, cidfont, "/CIDToGIDMap");
  *len = 0;
  return qpdf_oh_is_stream(r->q, map) ? decoded(r->q, map, len) : NULL;
}

/* The names of the glyphs in the face, by code (= CID). */
static void face_names(FT_Face face, const unsigned char *map, size_t map_len, expected *e) {
  for (size_t cid = 0; cid < e->n; cid++) {
    size_t gid = cid;
    if (map) {
      if (2 * cid + 1 >= map_len) break;
      gid = (size_t)(map[2 * cid] << 8 | map[2 * cid + 1]);
    } else if (cid >= (size_t)face->num_glyphs) break;
    if (gid == 0 || gid >= (size_t)face->num_glyphs) continue;
    e->glyph[cid] = true;
    char name[64];
    if (FT_Get_Glyph_Name(face, (FT_UInt)gid, name, sizeof name) == 0) e->text[cid] = name_text(name);
  }
}

/* A Type0 font with Identity encoding: the names in its embedded program. */
static bool type0_expected(repair *r, qpdf_oh font, expected *e) {
  qpdf_data q = r->q;
  qpdf_oh enc = qpdf_oh_get_key(q, font, "/Encoding");
  if (!qpdf_oh_is_name_and_equals(q, enc, "/Identity-H") && !qpdf_oh_is_name_and_equals(q, enc, "/Identity-V"))
    return false;
  qpdf_oh cidfont = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, font, "/DescendantFonts"), 0);
  qpdf_oh fd = qpdf_oh_get_key(q, cidfont, "/FontDescriptor");
  qpdf_oh file = qpdf_oh_get_key(q, fd, "/FontFile3");
  if (!qpdf_oh_is_stream(q, file)) file = qpdf_oh_get_key(q, fd, "/FontFile2");
  size_t len = 0, map_len = 0;
  unsigned char *program = decoded(q, file, &len);
  if (!program) return false;
  FT_Face face = NULL;
  bool ok = FT_New_Memory_Face(r->ft, program, (FT_Long)len, 0, &face) == 0 && FT_HAS_GLYPH_NAMES(face);
  if (ok) {
    bool truetype = qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, cidfont, "/Subtype"), "/CIDFontType2");
    unsigned char *map = truetype ? cid_to_gid(r, cidfont, &map_len) : NULL;
    /* codes are CIDs: with no CIDToGIDMap, each is its glyph's index */
    e->n = map ? map_len / 2 : (size_t)face->num_glyphs;
    if (e->n > 65536) e->n = 65536;
    e->text = ah_xcalloc(e->n, sizeof *e->text);
    e->glyph = ah_xcalloc(e->n, sizeof *e->glyph);
    face_names(face, map, map_len, e);
    free(map);
  }
  if (face) FT_Done_Face(face);
  free(program);
  return ok;
}

/* A character of a family that reads alike: spaces as a space, hyphens
 * and the minus as a hyphen. */
static gunichar plain(gunichar c) {
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F) return ' ';
  if (c == 0xAD || c == 0x2010 || c == 0x2011 || c == 0x2212) return '-';
  return c;
}

static bool same_reading(const char *a, const char *b) {
  if (!strcmp(a, b)) return true;
  gchar *na = g_utf8_normalize(a, -1, G_NORMALIZE_ALL), *nb = g_utf8_normalize(b, -1, G_NORMALIZE_ALL);
  bool same = na && nb;
  const gchar *p = na, *s = nb;
  while (same && *p && *s) {
    same = plain(g_utf8_get_char(p)) == plain(g_utf8_get_char(s));
    p = g_utf8_next_char(p), s = g_utf8_next_char(s);
  }
  same = same && !*p && !*s;
  g_free(na);
  g_free(nb);
  return same;
}

static bool private_use(const char *s) {
  gunichar c = g_utf8_get_char(s);
  return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
}

/* The map repaired where it contradicts the names; whether it changed. */
static bool repair_map(ah_cmap *m, const expected *e) {
  bool changed = false;
  for (size_t c = 0; c < m->n && c < e->n; c++) {
    const char *have = m->text[c], *want = e->text[c];
    /* a simple font's code with no entry poppler reads by its encoding
     * itself; an Identity font's (glyph set) it reads as a space */
    if (want && (have ? !private_use(have) && !same_reading(have, want) : e->glyph[c])) {
      free(m->text[c]);
      m->text[c] = strdup(want);
      changed = true;
    } else if (!have && !want && e->glyph[c]) {
      m->text[c] = strdup("\xEF\xBF\xBD"); /* U+FFFD: drawn, but no one can say what */
      changed = true;
    }
  }
  return changed;
}

static void replace_map(repair *r, qpdf_oh font, const ah_cmap *m, int width) {
  ah_buf text = {0};
  ah_cmap_write(m, width, &text);
  qpdf_oh stream = qpdf_oh_new_stream(r->q);
  qpdf_oh none = qpdf_oh_new_null(r->q);
  qpdf_oh_replace_stream_data(r->q, stream, (const unsigned char *)text.data, text.len, none, none);
  qpdf_oh_replace_key(r->q, font, "/ToUnicode", stream);
  ah_buf_free(&text);
  r->changed = true;
}

static void visit_font(repair *r, qpdf_oh font) {
  qpdf_data q = r->q;
  qpdf_oh tounicode = qpdf_oh_get_key(q, font, "/ToUnicode");
  if (!qpdf_oh_is_dictionary(q, font) || !qpdf_oh_is_stream(q, tounicode) || seen_before(r, font)) return;
  bool type0 = qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, font, "/Subtype"), "/Type0");
  int width = type0 ? 2 : 1;
  expected e = {0};
  if (!(type0 ? type0_expected(r, font, &e) : simple_expected(r, font, &e))) {
    expected_free(&e);
    return;
  }
  size_t len = 0;
  unsigned char *data = decoded(q, tounicode, &len);
  ah_cmap m;
  if (data && ah_cmap_read(data, len, width, e.n, &m) == 0) {
    if (repair_map(&m, &e)) replace_map(r, font, &m, width);
    ah_cmap_free(&m);
  }
  free(data);
  expected_free(&e);
}

/* The values of a dictionary (qpdf iterates one dictionary at a time). */
static qpdf_oh *values_of(qpdf_data q, qpdf_oh dict, size_t *n) {
  *n = 0;
  if (!qpdf_oh_is_dictionary(q, dict)) return NULL;
  size_t cap = 8;
  qpdf_oh *v = ah_xmalloc(cap * sizeof *v);
  qpdf_oh_begin_dict_key_iter(q, dict);
  while (qpdf_oh_dict_more_keys(q)) {
    if (*n == cap) v = ah_xreallocarray(v, cap *= 2, sizeof *v);
    v[(*n)++] = qpdf_oh_get_key(q, dict, qpdf_oh_dict_next_key(q));
  }
  return v;
}

static void visit_resources(repair *r, qpdf_oh res, int depth) {
  if (seen_before(r, res)) return; /* pages sharing their resources */
  size_t n = 0;
  qpdf_oh *fonts = values_of(r->q, qpdf_oh_get_key(r->q, res, "/Font"), &n);
  for (size_t i = 0; i < n; i++) visit_font(r, fonts[i]);
  free(fonts);
  if (depth >= FORM_DEPTH) return;
  qpdf_oh *forms = values_of(r->q, qpdf_oh_get_key(r->q, res, "/XObject"), &n);
  for (size_t i = 0; i < n; i++) {
    qpdf_oh dict = qpdf_oh_get_dict(r->q, forms[i]);
    if (!qpdf_oh_is_stream(r->q, forms[i]) || seen_before(r, forms[i]) ||
        !qpdf_oh_is_name_and_equals(r->q, qpdf_oh_get_key(r->q, dict, "/Subtype"), "/Form"))
      continue;
    visit_resources(r, qpdf_oh_get_key(r->q, dict, "/Resources"), depth + 1);
  }
  free(forms);
}

/* A page's resources, inherited from the page tree when it has none. */
static qpdf_oh resources_of(qpdf_data q, qpdf_oh page) {
  for (int up = 0; up < 64 && qpdf_oh_is_dictionary(q, page); up++) {
    qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
    if (qpdf_oh_is_dictionary(q, res)) return res;
    page = qpdf_oh_get_key(q, page, "/Parent");
  }
  return qpdf_oh_new_null(q);
}

static unsigned char *written(qpdf_data q, size_t *out_len) {
  if (qpdf_init_write_memory(q) & QPDF_ERRORS) return NULL;
  qpdf_set_object_stream_mode(q, qpdf_o_preserve);
  qpdf_set_stream_data_mode(q, qpdf_s_preserve);
  if (qpdf_write(q) & QPDF_ERRORS) return NULL;
  size_t n = qpdf_get_buffer_length(q);
  unsigned char *out = ah_xmalloc(n ? n : 1);
  memcpy(out, qpdf_get_buffer(q), n);
  *out_len = n;
  return out;
}

/* The bytes of `needle` somewhere in the n bytes at s. */
static bool contains(const unsigned char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (const unsigned char *p = s; n >= k && (p = memchr(p, needle[0], n - k + 1 - (size_t)(p - s))); p++)
    if (!memcmp(p, needle, k)) return true;
  return false;
}

unsigned char *ah_pdf_glyphs_repair(const unsigned char *pdf, size_t len, size_t *out_len) {
  /* no map in the file's bytes, none hidden in an object stream: nothing
   * to check, and the file is not parsed a second time */
  if (!contains(pdf, len, "/ToUnicode") && !contains(pdf, len, "/ObjStm")) return NULL;
  repair r = {0};
  if (FT_Init_FreeType(&r.ft) != 0) return NULL;
  r.seen = g_hash_table_new(NULL, NULL);
  ah_qpdf_take_turn();
  r.q = qpdf_init();
  qpdf_silence_errors(r.q);
  qpdf_set_suppress_warnings(r.q, QPDF_TRUE);
  unsigned char *out = NULL;
  if (!(qpdf_read_memory(r.q, "input", (const char *)pdf, len, "") & QPDF_ERRORS) && !qpdf_is_encrypted(r.q)) {
    for (int i = 0, n = qpdf_get_num_pages(r.q); i < n; i++)
      visit_resources(&r, resources_of(r.q, qpdf_get_page_n(r.q, (size_t)i)), 0);
    if (r.changed && !qpdf_has_error(r.q)) out = written(r.q, out_len);
  }
  if (qpdf_has_error(r.q)) qpdf_get_error(r.q); /* qpdf prints an error nobody took */
  qpdf_cleanup(&r.q);
  ah_qpdf_end_turn();
  FT_Done_FreeType(r.ft);
  g_hash_table_destroy(r.seen);
  return out;
}

void ah_pdf_glyphs_losses(const char *text, int page, ah_losses *losses) {
  for (const char *p = strstr(text, "\xEF\xBF\xBD"); p; p = strstr(p, "\xEF\xBF\xBD")) {
    const char *a = p, *b = p;
    while (a > text && !g_ascii_isspace(a[-1])) a--;
    while (*b && !g_ascii_isspace(*b)) b++;
    char *word = g_strndup(a, (gsize)(b - a));
    ah_losses_add(losses, AH_LOST_GLYPH, page, word);
    g_free(word);
    p = b;
  }
}
