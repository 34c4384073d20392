/* registratie.c — the publisher's metadata record (registratie.h).
 *
 * Takes: name/value pairs (an HTML page's head meta, the publisher XML's
 * own metadata block) or the bytes of a metadata file.  Gives: the fields
 * of the registratie element — vraagnummer, indieners, ontvanger,
 * datum-ontvangst, categorieën, titel — and the record's identifier.
 *
 * The record comes in two forms with the same names:
 *   <metadata_gegevens><metadata name="OVERHEIDop.indiener" content="H. Kat"/>…
 *   <owms-metadata>…<overheidop:indiener>H. Kat</overheidop:indiener>…
 * In the second the namespace gives the prefix of the name (DC., OVERHEID.,
 * OVERHEIDop.).  The names are the publisher's markup, not the documents'
 * words, so they are spelled here and not in the lexicon.
 */
#include "registratie.h"
#include "caps.h"
#include "gzip.h"
#include "io.h"
#include "xml_input.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void strings_add(ah_strings *s, const char *v) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 4;
    s->items = ah_xreallocarray(s->items, s->cap, sizeof *s->items);
  }
  s->items[s->n++] = ah_strdup(v);
}

void ah_strings_free(ah_strings *s) {
  for (size_t i = 0; i < s->n; i++) free(s->items[i]);
  free(s->items);
  memset(s, 0, sizeof *s);
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* "2021-06-21": four digits, a month and a day that exist. */
static bool is_iso_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= days[m - 1] + (m == 2 && leap(y));
}

static void take_once(char **slot, const char *v) {
  if (!*slot) *slot = ah_strdup(v);
}

bool ah_registratie_take(ah_registratie *r, const char *name, const char *value) {
  char *v = ah_normalize_space(value ? value : "");
  if (!*v) {
    free(v);
    return false;
  }
  bool kept = true;
  if (!strcmp(name, "OVERHEIDop.vraagnummer") || !strcmp(name, "OVERHEIDop.vraagNummer")) {
    take_once(&r->vraagnummer, v);
  } else if (!strcmp(name, "OVERHEIDop.indiener")) {
    strings_add(&r->indieners, v);
  } else if (!strcmp(name, "OVERHEIDop.ontvanger")) {
    take_once(&r->ontvanger_naam, v);
  } else if (!strcmp(name, "OVERHEIDop.datumOntvangst")) {
    kept = is_iso_date(v);
    if (kept) take_once(&r->datum_ontvangst, v);
  } else if (!strcmp(name, "OVERHEID.category")) {
    strings_add(&r->categorieen, v);
  } else if (!strcmp(name, "DC.title")) {
    take_once(&r->titel, v);
  } else if (!strcmp(name, "DC.identifier")) {
    take_once(&r->identifier, v);
  } else {
    kept = false;
  }
  free(v);
  return kept;
}

/* The registratie element's own names (write_xml.c) to the record's. */
bool ah_registratie_take_written(ah_registratie *r, const char *name, const char *value) {
  static const char *const names[][2] = {{"vraagnummer", "OVERHEIDop.vraagnummer"},
                                         {"datum-ontvangst", "OVERHEIDop.datumOntvangst"},
                                         {"titel", "DC.title"},
                                         {"indiener", "OVERHEIDop.indiener"},
                                         {"ontvanger-naam", "OVERHEIDop.ontvanger"},
                                         {"categorie", "OVERHEID.category"}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(name, names[i][0])) return ah_registratie_take(r, names[i][1], value);
  return false;
}

bool ah_registratie_present(const ah_registratie *r) {
  return r->vraagnummer || r->datum_ontvangst || r->titel || r->ontvanger_naam || r->indieners.n ||
         r->categorieen.n;
}

void ah_registratie_free(ah_registratie *r) {
  free(r->identifier);
  free(r->vraagnummer);
  free(r->datum_ontvangst);
  free(r->titel);
  free(r->ontvanger_naam);
  ah_strings_free(&r->indieners);
  ah_strings_free(&r->categorieen);
  memset(r, 0, sizeof *r);
}

bool ah_is_record_root(const char *name) {
  return !strcmp(name, "metadata_gegevens") || !strcmp(name, "owms-metadata");
}

/* ---- the two forms ---------------------------------------------------------- */

static void read_gegevens(const xmlNode *root, ah_registratie *r) {
  for (const xmlNode *c = root->children; c; c = c->next) {
    if (!ah_xml_is(c, "metadata")) continue;
    char *name = ah_xml_attr(c, "name"), *content = ah_xml_attr(c, "content");
    if (name && content) ah_registratie_take(r, name, content);
    free(name);
    free(content);
  }
}

/* The record's name for an OWMS element: its namespace's prefix and its
 * local name ("OVERHEIDop." + "indiener"); NULL outside those namespaces. */
static const char *owms_prefix(const xmlNode *n) {
  static const struct {
    const char *uri, *prefix;
  } spaces[] = {{"http://purl.org/dc/terms/", "DC."},
                {"http://standaarden.overheid.nl/owms/terms/", "OVERHEID."},
                {"http://standaarden.overheid.nl/oep/meta/", "OVERHEIDop."}};
  if (!n->ns || !n->ns->href) return NULL;
  for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++)
    if (!strcmp((const char *)n->ns->href, spaces[i].uri)) return spaces[i].prefix;
  return NULL;
}

static void read_owms(const xmlNode *n, ah_registratie *r, int depth) {
  if (depth > AH_MAX_XML_DEPTH) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *prefix = owms_prefix(c);
    if (!prefix) {
      read_owms(c, r, depth + 1); /* owmskern, owmsmantel, oep */
      continue;
    }
    ah_buf name = {0};
    ah_buf_printf(&name, "%s%s", prefix, (const char *)c->name);
    xmlChar *text = xmlNodeGetContent(c);
    ah_registratie_take(r, name.data, text ? (const char *)text : "");
    xmlFree(text);
    ah_buf_free(&name);
  }
}

static int parse_plain(const void *data, size_t len, ah_registratie *r, ah_error *err) {
  char root_name[64];
  if (!ah_xml_root_name(data, len, root_name, sizeof root_name) || !ah_is_record_root(root_name)) {
    ah_error_set(err, AH_ERROR_FORMAT, "not a metadata record (metadata_gegevens or owms-metadata)");
    return -1;
  }
  xmlDocPtr doc = ah_xml_read(data, len, "metadata record", NULL, err);
  if (!doc) return -1;
  const xmlNode *root = xmlDocGetRootElement(doc);
  ah_registratie fresh = {0};
  if (ah_xml_is(root, "metadata_gegevens")) read_gegevens(root, &fresh);
  else read_owms(root, &fresh, 0);
  xmlFreeDoc(doc);
  ah_registratie_free(r);
  *r = fresh;
  return 0;
}

int ah_registratie_parse(const void *data, size_t len, ah_registratie *r, ah_error *err) {
  if (!data || !len) {
    ah_error_set(err, AH_ERROR_EMPTY, "empty metadata record");
    return -1;
  }
  if (!ah_is_gzip(data, len)) return parse_plain(data, len, r, err);
  unsigned char *inflated;
  size_t n;
  if (ah_gunzip(data, len, &inflated, &n, err) != 0) return -1;
  int rc = parse_plain(inflated, n, r, err);
  free(inflated);
  return rc;
}

/* ---- where a record lies ----------------------------------------------------------- */

/* "dir/" of path ("" for a bare name) and the name without ".gz" and its
 * extension: "a/b/X.pdf.gz" gives "a/b/" and "X". */
static void split_path(const char *path, ah_buf *dir, ah_buf *stem) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  ah_buf_put(dir, path, (size_t)(base - path));
  size_t n = strlen(base);
  if (n > 3 && !strcasecmp(base + n - 3, ".gz")) n -= 3;
  for (size_t i = n; i > 0; i--)
    if (base[i - 1] == '.') {
      n = i - 1;
      break;
    }
  ah_buf_put(stem, base, n);
}

/* The folder of dir ("a/b/xml/" -> "xml") is one of the publisher's
 * rendition folders: its record is in ../metadata/. */
static bool in_rendition_folder(const char *dir, ah_buf *parent) {
  static const char *const folders[] = {"pdf/", "html/", "xml/", "odt/", NULL};
  size_t n = strlen(dir);
  for (int i = 0; folders[i]; i++) {
    size_t f = strlen(folders[i]);
    if (n >= f && !strcmp(dir + n - f, folders[i]) && (n == f || dir[n - f - 1] == '/')) {
      ah_buf_put(parent, dir, n - f);
      return true;
    }
  }
  return false;
}

void ah_record_candidates(const char *path, ah_strings *out) {
  ah_buf dir = {0}, stem = {0}, parent = {0}, candidate = {0};
  split_path(path, &dir, &stem);
  static const char *const beside[] = {"%s%s.metadata.xml", "%s%s.metadata_owms.xml"};
  for (size_t i = 0; i < 2 && stem.len; i++) {
    candidate.len = 0;
    ah_buf_printf(&candidate, beside[i], dir.data ? dir.data : "", stem.data);
    strings_add(out, candidate.data);
  }
  static const char *const layout[] = {"%smetadata/metadata.xml", "%smetadataowms/metadata_owms.xml"};
  bool publisher = dir.data && in_rendition_folder(dir.data, &parent);
  for (size_t i = 0; i < 2 && publisher; i++) {
    candidate.len = 0;
    ah_buf_printf(&candidate, layout[i], parent.data ? parent.data : "");
    strings_add(out, candidate.data);
  }
  ah_buf_free(&dir);
  ah_buf_free(&stem);
  ah_buf_free(&parent);
  ah_buf_free(&candidate);
}
