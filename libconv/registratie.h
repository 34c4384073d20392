/* registratie.h — the publisher's metadata record of a publication
 * (registratie.c): what it says and no rendition prints, read from a
 * metadata file (metadata.xml, metadata_owms.xml) or from the same names
 * in an official HTML page's <head>, and where such a file is found
 * beside an input.  Written as the registratie element of
 * spec/aanhangsel-xml.md.
 */
#ifndef AHCONV_REGISTRATIE_H
#define AHCONV_REGISTRATIE_H

#include "buffer.h"

typedef struct {
  char **items;
  size_t n, cap;
} ah_strings;

typedef struct {
  char *identifier;      /* DC.identifier: whose record it is (not written) */
  char *vraagnummer;     /* OVERHEIDop.vraagnummer: "2021Z09739" */
  char *datum_ontvangst; /* OVERHEIDop.datumOntvangst, ISO "2021-06-21" */
  char *titel;           /* DC.title */
  char *ontvanger_naam;  /* OVERHEIDop.ontvanger: "W. Koolmees" */
  ah_strings indieners;  /* OVERHEIDop.indiener, in the record's order */
  ah_strings categorieen;/* OVERHEID.category */
} ah_registratie;

/* One name and value of a record ("OVERHEIDop.indiener", "H. Kat"): kept
 * when the name is one the registratie holds (white space collapsed; a
 * date that is not a valid ISO date is not kept; the first of a name that
 * should occur once wins).  Returns whether it was kept. */
bool ah_registratie_take(ah_registratie *r, const char *name, const char *value);
/* The same, named as the registratie element writes it ("vraagnummer",
 * "indiener", "datum-ontvangst", …): how a clean PDF's XML reads back. */
bool ah_registratie_take_written(ah_registratie *r, const char *name, const char *value);
/* Anything the registratie element would show (the identifier alone
 * does not count). */
bool ah_registratie_present(const ah_registratie *r);
void ah_registratie_free(ah_registratie *r);

/* A metadata record in either of the publisher's forms: <metadata_gegevens>
 * with <metadata name content>, or <owms-metadata> with namespaced
 * elements; gzip allowed.  Replaces *r on success; -1 with err set (and *r
 * untouched) when the bytes are not such a record. */
int ah_registratie_parse(const void *data, size_t len, ah_registratie *r, ah_error *err);
/* The root element names of the two forms. */
bool ah_is_record_root(const char *name);

/* Where the publisher's record of the rendition at path may lie, in the
 * order they are tried: X.metadata.xml and X.metadata_owms.xml beside
 * X.pdf, X.html, X.xml (also .gz), then metadata/metadata.xml and
 * metadataowms/metadata_owms.xml in the publisher's folder layout
 * (…/<id>/<n>/{pdf,html,xml,odt}/).  Appended to *out. */
void ah_record_candidates(const char *path, ah_strings *out);
void ah_strings_free(ah_strings *s);

#endif
