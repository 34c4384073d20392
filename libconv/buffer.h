/* buffer.h — memory, growing strings and error values: the ground every
 * other module stands on (cmark's buffer.h).
 *
 * Allocation aborts on exhaustion instead of returning NULL: a converter of
 * documents this size that runs out of memory has nothing sensible left to
 * do, and NULL checks threaded through every stage would hide real errors.
 */
#ifndef AHCONV_BUFFER_H
#define AHCONV_BUFFER_H

#include "ahconv.h"
#include <stdbool.h>
#include <stddef.h>

void *ah_xmalloc(size_t n);
void *ah_xrealloc(void *p, size_t n);
void *ah_xcalloc(size_t n, size_t m);
/* ah_xrealloc for an array of n items of `size` bytes, with the
 * multiplication checked (an overflow aborts like exhaustion). */
void *ah_xreallocarray(void *p, size_t n, size_t size);
char *ah_strdup(const char *s); /* NULL stays NULL */
char *ah_strndup(const char *s, size_t n);

/* A growing, always NUL-terminated string. */
typedef struct {
  char *data;
  size_t len, cap;
} ah_buf;

void ah_buf_put(ah_buf *b, const char *s, size_t n);
void ah_buf_puts(ah_buf *b, const char *s);
void ah_buf_putc(ah_buf *b, char c);
void ah_buf_printf(ah_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends n bytes of text as valid UTF-8: each invalid sequence (a byte
 * that begins no character, or the maximal part of one cut short: Unicode's
 * recommended practice, as browsers decode) and each NUL becomes U+FFFD.
 * Readers pass every text through this before any other stage sees it;
 * the _counted form returns the number of replacements. */
void ah_buf_put_utf8(ah_buf *b, const char *s, size_t n);
size_t ah_buf_put_utf8_counted(ah_buf *b, const char *s, size_t n);
/* The number of replacements ah_buf_put_utf8 would make, without copying. */
size_t ah_utf8_count_invalid(const char *s, size_t n);
/* Appends text for an XML or HTML document, as character data or an
 * attribute value: & < > " ' escaped, so nothing in it is markup. */
void ah_buf_put_escaped(ah_buf *b, const char *s);
char *ah_buf_steal(ah_buf *b); /* returns data (never NULL), resets b */
void ah_buf_free(ah_buf *b);

/* A growing array of ints (question numbers, note numbers). */
typedef struct {
  int *items;
  size_t n, cap;
} ah_ints;

void ah_ints_push(ah_ints *a, int v);
bool ah_ints_contains(const ah_ints *a, int v);
void ah_ints_free(ah_ints *a);

/* Fills *err (may be NULL) with a code and a one-line message. */
void ah_error_set(ah_error *err, ah_status code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- plain text helpers -------------------------------------------------- */

bool ah_starts_with(const char *s, const char *prefix);
/* Nothing but ASCII digits, and at least one. */
bool ah_is_digits(const char *s);
/* Collapses runs of ASCII white space and no-break spaces to one space and
 * trims both ends; caller frees. */
char *ah_normalize_space(const char *s);
/* NFC, then ah_normalize_space; caller frees. */
char *ah_normalize_text(const char *s);
/* The run of ASCII digits at s as a positive int, *end past it; false (and
 * *end = s) when there is no digit or the value exceeds `max`. */
bool ah_parse_uint(const char *s, int max, int *value, const char **end);

#endif
