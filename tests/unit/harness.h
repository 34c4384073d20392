/* harness.h — a minimal test harness: CHECK macros, a tally, and the
 * closing line "N passed, N failed" that CI reads. */
#ifndef AHCONV_TEST_HARNESS_H
#define AHCONV_TEST_HARNESS_H
#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (cond) harness_passed++;                                                      \
    else {                                                                           \
      harness_failed++;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
    }                                                                                \
  } while (0)

#define CHECK_STR(got, want)                                                         \
  do {                                                                               \
    const char *g_ = (got), *w_ = (want);                                            \
    if (g_ && w_ && strcmp(g_, w_) == 0) harness_passed++;                           \
    else {                                                                           \
      harness_failed++;                                                              \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,       \
              g_ ? g_ : "(null)", w_ ? w_ : "(null)");                               \
    }                                                                                \
  } while (0)

#define CHECK_INT(got, want)                                                         \
  do {                                                                               \
    long g_ = (long)(got), w_ = (long)(want);                                        \
    if (g_ == w_) harness_passed++;                                                  \
    else {                                                                           \
      harness_failed++;                                                              \
      fprintf(stderr, "%s:%d: got %ld, want %ld (%s)\n", __FILE__, __LINE__, g_, w_, #got); \
    }                                                                                \
  } while (0)

static int harness_report(void) {
  printf("%d passed, %d failed\n", harness_passed, harness_failed);
  return harness_failed ? 1 : 0;
}
#endif
