/* wordlist.h — is this a Dutch word?  The OpenTaal word list behind hunspell's
 * Dutch dictionary (Debian's hunspell-nl), read through libhunspell, answers
 * the one question the line joiner cannot settle by shape: is "tbs-" +
 * "klinieken" one word broken by the typesetter or a compound whose hyphen
 * Dutch spelling keeps.
 */
#ifndef AHCONV_WORDLIST_H
#define AHCONV_WORDLIST_H

#include <stdbool.h>
#include <stddef.h>

/* One conversion's word checker.  The list is read at the first question,
 * so a document without such a line end costs nothing, and then kept for
 * the process: every later conversion asks the same list (wordlist.c).
 * A checker is not shared between threads; the kept list is. */
typedef struct ah_wordlist ah_wordlist;

/* Where the list is: AHCONV_WORDLIST names its path without ".dic"/".aff"
 * ("/usr/share/hunspell/nl"); set to "" there is no list (the joiner's rules
 * without it are what the tests of that case run).  Default: the Debian
 * location of hunspell-nl. */
ah_wordlist *ah_wordlist_new(void);
void ah_wordlist_free(ah_wordlist *w);

typedef enum { AH_WORD_NO_LIST = -1, AH_WORD_UNKNOWN = 0, AH_WORD_KNOWN = 1 } ah_word_answer;
/* Is word[0..len) a correctly spelled Dutch word (a hyphenated compound is
 * checked whole)?  AH_WORD_NO_LIST when there is no list to ask. */
ah_word_answer ah_wordlist_check(ah_wordlist *w, const char *word, size_t len);

#endif
