/* glyph_names.c — a font's glyph name in, the character it draws out.
 *
 * Takes: a glyph name as a font program or an /Encoding /Differences array
 * spells it ("endash", "edieresis", "Cacute", "uni2013", "f_f_i").
 * Gives: its text in UTF-8, or nothing when the name says nothing reliable
 * ("a123", "g45", "glyph7", "cid00012", a name not listed).
 *
 * How the table was made: written by hand for this project from the
 * Unicode character names of the letters Dutch, German, French, Polish,
 * Czech, Serbo-Croatian and Turkish use, and of the punctuation, dashes,
 * quotes, currency signs, ligatures and common symbols of Latin text, in
 * the spelling PostScript fonts give their glyphs.  Accented letters are
 * not listed one by one: a base letter followed by the name of its accent
 * ("c" + "acute") is composed by Unicode's own composition (GLib), so the
 * rule covers every such letter Unicode has.  Names of the form uniXXXX
 * (one or more four-digit groups) and uXXXX to uXXXXXX are read by rule;
 * a suffix after a full stop ("one.oldstyle", "a.sc") is dropped and the
 * parts of a ligature name joined by "_" are read one by one.
 */
#include "glyph_names.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *name;
  unsigned code;
} named;

/* Sorted by name (strcmp order): looked up by binary search. */
static const named names[] = {
    {"AE", 0xC6},
    {"Dcroat", 0x110},
    {"Delta", 0x394},
    {"Eng", 0x14A},
    {"Eth", 0xD0},
    {"Euro", 0x20AC},
    {"Hbar", 0x126},
    {"IJ", 0x132},
    {"Ldot", 0x13F},
    {"Lslash", 0x141},
    {"OE", 0x152},
    {"Omega", 0x2126},
    {"Oslash", 0xD8},
    {"Tbar", 0x166},
    {"Thorn", 0xDE},
    {"acute", 0xB4},
    {"acutecomb", 0x301},
    {"ae", 0xE6},
    {"ampersand", 0x26},
    {"approxequal", 0x2248},
    {"arrowdown", 0x2193},
    {"arrowleft", 0x2190},
    {"arrowright", 0x2192},
    {"arrowup", 0x2191},
    {"asciicircum", 0x5E},
    {"asciitilde", 0x7E},
    {"asterisk", 0x2A},
    {"at", 0x40},
    {"backslash", 0x5C},
    {"bar", 0x7C},
    {"braceleft", 0x7B},
    {"braceright", 0x7D},
    {"bracketleft", 0x5B},
    {"bracketright", 0x5D},
    {"breve", 0x2D8},
    {"brokenbar", 0xA6},
    {"bullet", 0x2022},
    {"caron", 0x2C7},
    {"cedilla", 0xB8},
    {"cent", 0xA2},
    {"circumflex", 0x2C6},
    {"colon", 0x3A},
    {"colonmonetary", 0x20A1},
    {"comma", 0x2C},
    {"copyright", 0xA9},
    {"currency", 0xA4},
    {"dagger", 0x2020},
    {"daggerdbl", 0x2021},
    {"dcroat", 0x111},
    {"degree", 0xB0},
    {"dieresis", 0xA8},
    {"divide", 0xF7},
    {"dollar", 0x24},
    {"dong", 0x20AB},
    {"dotaccent", 0x2D9},
    {"dotbelowcomb", 0x323},
    {"dotlessi", 0x131},
    {"dotlessj", 0x237},
    {"eight", 0x38},
    {"ellipsis", 0x2026},
    {"emdash", 0x2014},
    {"endash", 0x2013},
    {"eng", 0x14B},
    {"equal", 0x3D},
    {"estimated", 0x212E},
    {"eth", 0xF0},
    {"exclam", 0x21},
    {"exclamdown", 0xA1},
    {"ff", 0xFB00},
    {"ffi", 0xFB03},
    {"ffl", 0xFB04},
    {"fi", 0xFB01},
    {"figuredash", 0x2012},
    {"five", 0x35},
    {"fl", 0xFB02},
    {"florin", 0x192},
    {"four", 0x34},
    {"fraction", 0x2044},
    {"franc", 0x20A3},
    {"germandbls", 0xDF},
    {"grave", 0x60},
    {"gravecomb", 0x300},
    {"greater", 0x3E},
    {"greaterequal", 0x2265},
    {"guillemetleft", 0xAB},
    {"guillemetright", 0xBB},
    {"guillemotleft", 0xAB},
    {"guillemotright", 0xBB},
    {"guilsinglleft", 0x2039},
    {"guilsinglright", 0x203A},
    {"hbar", 0x127},
    {"hookabovecomb", 0x309},
    {"hungarumlaut", 0x2DD},
    {"hyphen", 0x2D},
    {"ij", 0x133},
    {"infinity", 0x221E},
    {"integral", 0x222B},
    {"kgreenlandic", 0x138},
    {"ldot", 0x140},
    {"less", 0x3C},
    {"lessequal", 0x2264},
    {"lira", 0x20A4},
    {"logicalnot", 0xAC},
    {"longs", 0x17F},
    {"lozenge", 0x25CA},
    {"lslash", 0x142},
    {"macron", 0xAF},
    {"middot", 0xB7},
    {"minus", 0x2212},
    {"minute", 0x2032},
    {"mu", 0xB5},
    {"multiply", 0xD7},
    {"napostrophe", 0x149},
    {"nbspace", 0xA0},
    {"nine", 0x39},
    {"nonbreakingspace", 0xA0},
    {"notequal", 0x2260},
    {"numbersign", 0x23},
    {"oe", 0x153},
    {"ogonek", 0x2DB},
    {"one", 0x31},
    {"oneeighth", 0x215B},
    {"onehalf", 0xBD},
    {"onequarter", 0xBC},
    {"onesuperior", 0xB9},
    {"onethird", 0x2153},
    {"ordfeminine", 0xAA},
    {"ordmasculine", 0xBA},
    {"oslash", 0xF8},
    {"paragraph", 0xB6},
    {"parenleft", 0x28},
    {"parenright", 0x29},
    {"partialdiff", 0x2202},
    {"percent", 0x25},
    {"period", 0x2E},
    {"periodcentered", 0xB7},
    {"perthousand", 0x2030},
    {"peseta", 0x20A7},
    {"pi", 0x3C0},
    {"plus", 0x2B},
    {"plusminus", 0xB1},
    {"product", 0x220F},
    {"question", 0x3F},
    {"questiondown", 0xBF},
    {"quotedbl", 0x22},
    {"quotedblbase", 0x201E},
    {"quotedblleft", 0x201C},
    {"quotedblright", 0x201D},
    {"quoteleft", 0x2018},
    {"quotereversed", 0x201B},
    {"quoteright", 0x2019},
    {"quotesinglbase", 0x201A},
    {"quotesingle", 0x27},
    {"radical", 0x221A},
    {"registered", 0xAE},
    {"ring", 0x2DA},
    {"second", 0x2033},
    {"section", 0xA7},
    {"semicolon", 0x3B},
    {"seven", 0x37},
    {"sfthyphen", 0xAD},
    {"six", 0x36},
    {"slash", 0x2F},
    {"space", 0x20},
    {"sterling", 0xA3},
    {"summation", 0x2211},
    {"tbar", 0x167},
    {"thorn", 0xFE},
    {"three", 0x33},
    {"threequarters", 0xBE},
    {"threesuperior", 0xB3},
    {"tilde", 0x2DC},
    {"tildecomb", 0x303},
    {"trademark", 0x2122},
    {"two", 0x32},
    {"twosuperior", 0xB2},
    {"twothirds", 0x2154},
    {"underscore", 0x5F},
    {"underscoredbl", 0x2017},
    {"yen", 0xA5},
    {"zero", 0x30},
};

/* The accents a letter's name can end in, with the combining mark each
 * stands for.  Longest first where one ends another ("dotaccent"). */
static const named accents[] = {
    {"acute", 0x301},     {"grave", 0x300},    {"circumflex", 0x302}, {"tilde", 0x303},
    {"dieresis", 0x308},  {"ring", 0x30A},     {"cedilla", 0x327},    {"caron", 0x30C},
    {"breve", 0x306},     {"macron", 0x304},   {"ogonek", 0x328},     {"dotaccent", 0x307},
    {"hungarumlaut", 0x30B}, {"commaaccent", 0x326},
};

static int by_name(const void *key, const void *item) { return strcmp(key, ((const named *)item)->name); }

static unsigned listed(const char *name) {
  const named *hit = bsearch(name, names, sizeof names / sizeof *names, sizeof *names, by_name);
  return hit ? hit->code : 0;
}

/* "Cacute": a letter (or dotless i) and an accent composed into one
 * character.  PostScript fonts name the comma below of Latvian g, k, l, n
 * and r "commaaccent" where Unicode composes a cedilla. */
static unsigned accented(const char *name) {
  size_t n = strlen(name);
  for (size_t i = 0; i < sizeof accents / sizeof *accents; i++) {
    size_t k = strlen(accents[i].name);
    if (n <= k || strcmp(name + n - k, accents[i].name) != 0) continue;
    unsigned base = 0;
    if (n == k + 1 && g_ascii_isalpha(name[0])) base = (unsigned char)name[0];
    else if (n - k == 8 && !strncmp(name, "dotlessi", 8)) base = 0x131;
    if (!base) return 0;
    gunichar out = 0;
    if (g_unichar_compose(base, accents[i].code, &out)) return out;
    if (accents[i].code == 0x326 && g_unichar_compose(base, 0x327, &out)) return out;
    return 0;
  }
  return 0;
}

/* n hex digits at s, as a character that may stand in text (no surrogate,
 * no control, not past U+10FFFF). */
static unsigned hex_char(const char *s, size_t n) {
  unsigned v = 0;
  for (size_t i = 0; i < n; i++) {
    int d = g_ascii_xdigit_value(s[i]);
    if (d < 0 || (s[i] >= 'a' && s[i] <= 'f')) return 0; /* the rules spell hex in capitals */
    v = v * 16 + (unsigned)d;
  }
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v < 0x20 || (v >= 0x7F && v < 0xA0)) return 0;
  return v;
}

static size_t put(unsigned c, char *out, size_t cap, size_t at) {
  char tmp[6];
  int k = g_unichar_to_utf8(c, tmp);
  if (at + (size_t)k >= cap) return 0;
  memcpy(out + at, tmp, (size_t)k);
  out[at + (size_t)k] = 0;
  return at + (size_t)k;
}

/* One part of a name: "uni20130041", "u1F600", a listed or accented name,
 * a single letter.  The length written, 0 when the part is not known. */
static size_t one_part(const char *name, char *out, size_t cap, size_t at) {
  size_t n = strlen(name);
  if (n >= 7 && !strncmp(name, "uni", 3) && (n - 3) % 4 == 0 && hex_char(name + 3, 4)) {
    for (size_t i = 3; i < n; i += 4) {
      unsigned c = hex_char(name + i, 4);
      if (!c || !(at = put(c, out, cap, at))) return 0;
    }
    return at;
  }
  unsigned c = n >= 5 && n <= 7 && name[0] == 'u' ? hex_char(name + 1, n - 1) : 0;
  if (c) return put(c, out, cap, at);
  if (n == 1 && g_ascii_isalpha(name[0])) return put((unsigned char)name[0], out, cap, at);
  c = listed(name);
  if (!c) c = accented(name);
  return c ? put(c, out, cap, at) : 0;
}

size_t ah_glyph_name_text(const char *name, char *out, size_t cap) {
  if (!name || !*name || cap < 2) return 0;
  char base[64];
  size_t n = strcspn(name, ".");
  if (n == 0 || n >= sizeof base) return 0; /* ".notdef", or longer than any real name */
  memcpy(base, name, n);
  base[n] = 0;
  size_t at = 0;
  for (char *part = base, *end; part; part = end) {
    end = strchr(part, '_');
    if (end) *end++ = 0;
    if (!*part || !(at = one_part(part, out, cap, at))) return 0;
  }
  return at;
}
