/* wordlist.c — takes a word (UTF-8), gives whether the Dutch word list knows
 * it (see wordlist.h).  libhunspell rather than reading nl.dic ourselves: the
 * list is affix-compressed (about 2.5 MB of stems with OpenTaal's affix and
 * compound rules), and the plurals and compounds that matter here
 * ("klinieken", "ggz-instellingen") exist only after those rules are applied;
 * hunspell applies them exactly as the list's makers meant.
 */
#include "wordlist.h"

#include <hunspell.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AH_DEFAULT_WORDLIST "/usr/share/hunspell/nl"

struct ah_wordlist {
  Hunhandle *h;
  bool tried; /* loading was tried (it is not tried again after a failure) */
};

ah_wordlist *ah_wordlist_new(void) { return calloc(1, sizeof(ah_wordlist)); }

void ah_wordlist_free(ah_wordlist *w) {
  if (!w) return;
  if (w->h) Hunspell_destroy(w->h);
  free(w);
}

/* The list's two files, or nothing when AHCONV_WORDLIST is "" or they are
 * not there (hunspell would give a handle that knows no word). */
static void load(ah_wordlist *w) {
  w->tried = true;
  const char *base = getenv("AHCONV_WORDLIST");
  if (!base) base = AH_DEFAULT_WORDLIST;
  size_t n = strlen(base);
  if (!n || n > 4000) return;
  char aff[4096], dic[4096];
  memcpy(aff, base, n), memcpy(aff + n, ".aff", 5);
  memcpy(dic, base, n), memcpy(dic + n, ".dic", 5);
  if (access(aff, R_OK) || access(dic, R_OK)) return;
  w->h = Hunspell_create(aff, dic);
}

ah_word_answer ah_wordlist_check(ah_wordlist *w, const char *word, size_t len) {
  if (!w) return AH_WORD_NO_LIST;
  if (!w->tried) load(w);
  if (!w->h) return AH_WORD_NO_LIST;
  char buf[256];
  if (!len || len >= sizeof buf) return AH_WORD_UNKNOWN;
  memcpy(buf, word, len);
  buf[len] = 0;
  return Hunspell_spell(w->h, buf) ? AH_WORD_KNOWN : AH_WORD_UNKNOWN;
}
