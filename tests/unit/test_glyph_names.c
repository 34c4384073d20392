/* Unit tests of the glyph name rules (glyph_names.c) and of the ToUnicode
 * CMap reader and writer (pdf_cmap.c).  glyph_names.c is included so that
 * every entry of its table is looked up through the binary search: an
 * entry out of order would not be found. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "../../libconv/glyph_names.c"
#include "pdf_cmap.h"

#include <stdlib.h>

static const char *text_of(const char *name) {
  static char out[64];
  return ah_glyph_name_text(name, out, sizeof out) ? out : "";
}

static void test_table_in_order(void) {
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char want[8];
    want[g_unichar_to_utf8(names[i].code, want)] = 0;
    CHECK_STR(text_of(names[i].name), want);
    if (i) CHECK(strcmp(names[i - 1].name, names[i].name) < 0);
  }
}

static void test_latin_names(void) {
  CHECK_STR(text_of("endash"), "–");
  CHECK_STR(text_of("emdash"), "—");
  CHECK_STR(text_of("edieresis"), "ë");
  CHECK_STR(text_of("cacute"), "ć");
  CHECK_STR(text_of("Cacute"), "Ć");
  CHECK_STR(text_of("ccaron"), "č");
  CHECK_STR(text_of("scaron"), "š");
  CHECK_STR(text_of("Zcaron"), "Ž");
  CHECK_STR(text_of("dcroat"), "đ");
  CHECK_STR(text_of("Lslash"), "Ł");
  CHECK_STR(text_of("zdotaccent"), "ż");
  CHECK_STR(text_of("aogonek"), "ą");
  CHECK_STR(text_of("nacute"), "ń");
  CHECK_STR(text_of("ohungarumlaut"), "ő");
  CHECK_STR(text_of("uring"), "ů");
  CHECK_STR(text_of("ecaron"), "ě");
  CHECK_STR(text_of("Scedilla"), "Ş");
  CHECK_STR(text_of("scommaaccent"), "ș");
  CHECK_STR(text_of("gcommaaccent"), "ģ"); /* Unicode composes a cedilla */
  CHECK_STR(text_of("gbreve"), "ğ");
  CHECK_STR(text_of("Idotaccent"), "İ");
  CHECK_STR(text_of("dotlessi"), "ı");
  CHECK_STR(text_of("germandbls"), "ß");
  CHECK_STR(text_of("ccedilla"), "ç");
  CHECK_STR(text_of("iacute"), "í");
  CHECK_STR(text_of("uacute"), "ú"); /* not read as a u-number: "acute" is no hex */
  CHECK_STR(text_of("acute"), "´");
  CHECK_STR(text_of("quoteright"), "’");
  CHECK_STR(text_of("quotesingle"), "'");
  CHECK_STR(text_of("quotedblbase"), "„");
  CHECK_STR(text_of("guillemotleft"), "«");
  CHECK_STR(text_of("Euro"), "€");
  CHECK_STR(text_of("fi"), "ﬁ");
  CHECK_STR(text_of("nbspace"), "\xC2\xA0");
}

static void test_rules(void) {
  CHECK_STR(text_of("uni2013"), "–");
  CHECK_STR(text_of("uni00410042"), "AB");
  CHECK_STR(text_of("u2013"), "–");
  CHECK_STR(text_of("u1F600"), "\xF0\x9F\x98\x80");
  CHECK_STR(text_of("one.oldstyle"), "1");
  CHECK_STR(text_of("a.sc"), "a");
  CHECK_STR(text_of("f_f_i"), "ffi");
  CHECK_STR(text_of("T_h"), "Th");
  CHECK_STR(text_of("A"), "A");
  CHECK_STR(text_of("z"), "z");
}

static void test_unreliable(void) {
  static const char *none[] = {"a123", "g45", "glyph7", "cid00012", ".notdef", "uni20", "uni00e9", "uniD800",
                               "u110000", "u0007", "Alphatonos", "", "f__i", "xyzacute", "notaname"};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) CHECK_STR(text_of(none[i]), "");
  char out[64];
  CHECK_INT(ah_glyph_name_text(NULL, out, sizeof out), 0);
  CHECK_INT(ah_glyph_name_text("endash", out, 3), 0); /* three bytes and the NUL do not fit */
  CHECK_INT(ah_glyph_name_text("endash", out, 4), 3);
  char longname[100];
  memset(longname, 'a', sizeof longname - 1);
  longname[sizeof longname - 1] = 0;
  CHECK_INT(ah_glyph_name_text(longname, out, sizeof out), 0);
}

static void test_cmap(void) {
  static const char map[] = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                            "2 beginbfchar\n<0003> <0020>\n<004B> <00B1> endbfchar % a comment <0009> <0041>\n"
                            "2 beginbfrange\n<0010> <0012> <0061>\n<0020> <0021> [<00660069> <D83DDE00>]\nendbfrange\n"
                            "endcmap";
  ah_cmap m;
  CHECK_INT(ah_cmap_read((const unsigned char *)map, sizeof map - 1, 2, 0, &m), 0);
  CHECK_INT(m.n, 65536);
  CHECK_STR(m.text[3], " ");
  CHECK_STR(m.text[0x4B], "±");
  CHECK(m.text[9] == NULL);
  CHECK_STR(m.text[0x10], "a");
  CHECK_STR(m.text[0x12], "c");
  CHECK(m.text[0x13] == NULL);
  CHECK_STR(m.text[0x20], "fi");
  CHECK_STR(m.text[0x21], "\xF0\x9F\x98\x80");
  free(m.text[0x4B]);
  m.text[0x4B] = strdup("–");
  ah_buf out = {0};
  ah_cmap_write(&m, 2, &out);
  ah_cmap again;
  CHECK_INT(ah_cmap_read((const unsigned char *)out.data, out.len, 2, 0, &again), 0);
  for (size_t i = 0; i < m.n; i++)
    if ((m.text[i] == NULL) != (again.text[i] == NULL) || (m.text[i] && strcmp(m.text[i], again.text[i]))) {
      CHECK(!"the written map reads back the same");
      break;
    }
  CHECK_STR(again.text[0x4B], "–");
  ah_cmap_free(&again);
  ah_cmap_free(&m);
  ah_buf_free(&out);
  static const char uses[] = "/Other usecmap 1 beginbfchar <01> <0041> endbfchar";
  CHECK_INT(ah_cmap_read((const unsigned char *)uses, sizeof uses - 1, 1, 0, &m), -1);
  static const char wide[] = "1 beginbfchar <0001> <0041> endbfchar";
  CHECK_INT(ah_cmap_read((const unsigned char *)wide, sizeof wide - 1, 1, 0, &m), -1); /* 2-byte code, 1-byte font */
  static const char simple[] = "1 beginbfchar <41> <0042> endbfchar 1 beginbfrange <FE> <FF> <0030> endbfrange";
  CHECK_INT(ah_cmap_read((const unsigned char *)simple, sizeof simple - 1, 1, 0, &m), 0);
  CHECK_STR(m.text[0x41], "B");
  CHECK_STR(m.text[0xFF], "1");
  ah_cmap_free(&m);
  /* codes past the font's last glyph are not kept */
  CHECK_INT(ah_cmap_read((const unsigned char *)map, sizeof map - 1, 2, 0x20, &m), 0);
  CHECK_INT(m.n, 0x20);
  CHECK_STR(m.text[0x12], "c");
  ah_cmap_free(&m);
}

int main(void) {
  test_table_in_order();
  test_latin_names();
  test_rules();
  test_unreliable();
  test_cmap();
  return harness_report();
}
