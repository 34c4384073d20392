/* wordlist.c — takes a word (UTF-8), gives whether the Dutch word list knows
 * it (see wordlist.h).  libhunspell rather than reading nl.dic ourselves: the
 * list is affix-compressed (about 2.5 MB of stems with OpenTaal's affix and
 * compound rules), and the plurals and compounds that matter here
 * ("klinieken", "ggz-instellingen") exist only after those rules are applied;
 * hunspell applies them exactly as the list's makers meant.
 *
 * Reading the list takes hunspell about 0.15 s, ten times the conversion of
 * a typical document; a batch worker or a program converting many documents
 * would pay it for each.  So a list, once read, is kept for the life of the
 * process and shared by every conversion that names the same files: the one
 * cache of the library, behind the one lock besides qpdf's (init.c).
 * Hunspell's checker keeps state of its own while it checks a word (its
 * affix manager), so questions take turns under that lock as well; they are
 * rare (a line-end hyphen before a lowercase word) and short.
 */
#include "wordlist.h"

#include "buffer.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AH_DEFAULT_WORDLIST "/usr/share/hunspell/nl"

/* A list read for the process, by the path it was read from; never freed
 * (a conversion in another thread may be asking it). */
typedef struct kept_list {
  char *base;
  Hunhandle *h;
  struct kept_list *next;
} kept_list;

static pthread_mutex_t lists_lock = PTHREAD_MUTEX_INITIALIZER;
static kept_list *lists;

struct ah_wordlist {
  Hunhandle *h;
  bool tried; /* the list was looked for (not again after a failure) */
};

ah_wordlist *ah_wordlist_new(void) { return calloc(1, sizeof(ah_wordlist)); }

void ah_wordlist_free(ah_wordlist *w) { free(w); }

/* The kept list read from base ".aff"/".dic", read now if it is not kept
 * yet; NULL when the files are not there (hunspell would give a handle that
 * knows no word).  Called under lists_lock. */
static Hunhandle *kept_handle(const char *base, size_t n) {
  for (kept_list *k = lists; k; k = k->next)
    if (strcmp(k->base, base) == 0) return k->h;
  char aff[4096], dic[4096];
  memcpy(aff, base, n), memcpy(aff + n, ".aff", 5);
  memcpy(dic, base, n), memcpy(dic + n, ".dic", 5);
  if (access(aff, R_OK) || access(dic, R_OK)) return NULL;
  Hunhandle *h = Hunspell_create(aff, dic);
  if (!h) return NULL;
  kept_list *k = ah_xmalloc(sizeof *k);
  *k = (kept_list){.base = ah_strdup(base), .h = h, .next = lists};
  lists = k;
  return h;
}

/* The list AHCONV_WORDLIST names (or the default), or none when it is "". */
static void find_list(ah_wordlist *w) {
  w->tried = true;
  const char *base = getenv("AHCONV_WORDLIST");
  if (!base) base = AH_DEFAULT_WORDLIST;
  size_t n = strlen(base);
  if (!n || n > 4000) return;
  w->h = kept_handle(base, n);
}

ah_word_answer ah_wordlist_check(ah_wordlist *w, const char *word, size_t len) {
  if (!w) return AH_WORD_NO_LIST;
  char buf[256];
  bool fits = len && len < sizeof buf;
  if (fits) memcpy(buf, word, len), buf[len] = 0;
  pthread_mutex_lock(&lists_lock);
  if (!w->tried) find_list(w);
  ah_word_answer answer = !w->h ? AH_WORD_NO_LIST
                          : !fits ? AH_WORD_UNKNOWN
                          : Hunspell_spell(w->h, buf) ? AH_WORD_KNOWN
                                                      : AH_WORD_UNKNOWN;
  pthread_mutex_unlock(&lists_lock);
  return answer;
}
