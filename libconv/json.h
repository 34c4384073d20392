/* json.h — a small JSON writer (json.c): objects, arrays, strings and
 * integers into a growing buffer, indented two spaces per level, with
 * containers that can be asked to stay on one line ("compact"). */
#ifndef AHCONV_JSON_H
#define AHCONV_JSON_H

#include "buffer.h"

enum { AH_JSON_MAX_DEPTH = 16 };

typedef struct {
  ah_buf out;
  int depth;
  bool first[AH_JSON_MAX_DEPTH];   /* no value yet at this depth */
  bool compact[AH_JSON_MAX_DEPTH]; /* this container stays on one line */
  bool after_key;                  /* a key was written: its value follows */
} ah_json;

/* Containers; `compact` keeps this one (and all inside it) on one line. */
void ah_json_begin_object(ah_json *w, bool compact);
void ah_json_end_object(ah_json *w);
void ah_json_begin_array(ah_json *w, bool compact);
void ah_json_end_array(ah_json *w);
/* A member's key; the next value written is its value. */
void ah_json_key(ah_json *w, const char *key);
/* Values: a string (NULL writes null), escaped as RFC 8259 asks, U+2028
 * and U+2029 too (so the output is also valid JavaScript). */
void ah_json_string(ah_json *w, const char *s);
void ah_json_int(ah_json *w, long v);
void ah_json_null(ah_json *w);
/* A key and its value. */
void ah_json_string_member(ah_json *w, const char *key, const char *s);
void ah_json_int_member(ah_json *w, const char *key, long v);
/* An int member that is null when v is 0 (unknown). */
void ah_json_count_member(ah_json *w, const char *key, long v);

#endif
