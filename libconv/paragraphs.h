/* paragraphs.h — how printed lines become paragraphs: the rules shared by
 * the PDF layout stage and the reader of printed-page HTML (textlines.c).
 */
#ifndef AHCONV_PARAGRAPHS_H
#define AHCONV_PARAGRAPHS_H

#include "flow.h"
#include "wordlist.h"

/* Appends one printed line (`next`, plain text `next_text`) to a paragraph
 * whose plain text so far is `text` (kept in step, so joining costs the
 * length of the line, not of the paragraph), deciding what the line break
 * was: a space, a hyphenation, a real hyphen, or an address broken in two. */
void ah_join_line(ah_spans *para, ah_buf *text, const ah_spans *next, const char *next_text, ah_wordlist *words);
/* A host name with a path at s, without scheme or "www." ("example.nl/…"):
 * lowercase labels of letters, digits and hyphens, the last of two or more
 * letters, then "/".  Returns the position past the "/", NULL if none. */
const char *ah_scan_host_path(const char *s);
/* A line that ends a sentence: . ? ! : ; ) or a closing quote. */
bool ah_ends_sentence(const char *line);
/* A list item's first line: a bullet glyph, or a dash or "o" standing in
 * for one before the wide gap of a hanging indent (a tab from the source). */
bool ah_starts_with_bullet(const char *line);
/* Bytes of a bullet glyph at t (•, ▪, ●, Symbol's private-use bullet), 0 if none. */
size_t ah_bullet_glyph_length(const char *t);
/* Bytes of a numbered or lettered list item's label at t ("1." … "99.",
 * "a." … "z."), 0 if none. */
size_t ah_item_label_length(const char *t);

#endif
