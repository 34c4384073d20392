/* Thread safety of the library, as ahconv.h documents it: conversions and
 * renderings (XML, PDF, JSON, text) from several threads at once, each
 * result byte-identical to the one a single thread gives; then one shared
 * document read by all threads at once (renderings, iterators, getters,
 * verify).  Meant to run under ThreadSanitizer too (-DAHCONV_TSAN=ON).
 *
 *   test_threads [-t THREADS] [-n ITERATIONS] FILE...
 *
 * Prints the figures and "N passed, M failed". */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "ahconv.h"

#include <stdbool.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_FORMATS = 4, MAX_FILES = 16, MAX_THREADS = 32 };

typedef char *(*render_fn)(const ah_doc *, int, size_t *, ah_error *);
static const render_fn renderers[N_FORMATS] = {ah_render_xml, ah_render_pdf, ah_render_json, ah_render_text};
static const char *const format_names[N_FORMATS] = {"xml", "pdf", "json", "text"};

typedef struct {
  const char *path;
  unsigned char *data;
  size_t len;
  char *want[N_FORMATS]; /* single-threaded results */
  size_t want_len[N_FORMATS];
  size_t nodes, findings;
  ah_doc *shared; /* opened once, read by every thread in phase 2 */
} input;

static input inputs[MAX_FILES];
static int n_inputs, iterations = 2;

/* What one result was: its length and a hash of its bytes. */
typedef struct {
  size_t len;
  uint64_t hash;
} digest;

typedef struct {
  int id;
  int failures; /* results that differ from the single-threaded ones */
  int conversions, renderings;
  digest seen[MAX_FILES][N_FORMATS]; /* phase 1: what this thread got */
} worker;

static digest digest_of(const char *data, size_t len) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)data[i]) * 1099511628211u;
  return (digest){len, h};
}

static unsigned char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, r;
  unsigned char *d = malloc(cap);
  while ((r = fread(d + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) d = realloc(d, cap *= 2);
  }
  fclose(f);
  *len = n;
  return d;
}

/* Renders `doc` in every format.  With the single-threaded results known
 * (phase 2) each is compared with them; before (phase 1) the thread keeps
 * a digest of each and its later iterations must give the same. */
static void render_all(worker *w, int k, const ah_doc *doc, bool known) {
  const input *in = &inputs[k];
  for (int f = 0; f < N_FORMATS; f++) {
    ah_error err;
    size_t len = 0;
    char *out = renderers[f](doc, AH_OPT_DEFAULT, &len, &err);
    w->renderings++;
    digest d = out ? digest_of(out, len) : (digest){0, 0};
    bool same = known ? out && len == in->want_len[f] && memcmp(out, in->want[f], len) == 0
                      : !w->seen[k][f].len || (w->seen[k][f].len == d.len && w->seen[k][f].hash == d.hash);
    w->seen[k][f] = d;
    if (!out || !same) {
      w->failures++;
      fprintf(stderr, "thread %d: %s: %s differs\n", w->id, in->path, format_names[f]);
    }
    free(out);
  }
}

/* Walks the tree with an iterator of its own and reads every getter. */
static size_t walk(const ah_doc *doc) {
  size_t nodes = 0;
  ah_iter *it = ah_iter_new(ah_doc_root(doc));
  ah_event_type ev;
  while ((ev = ah_iter_next(it)) != AH_EVENT_DONE) {
    if (ev != AH_EVENT_ENTER) continue;
    ah_node *n = ah_iter_get_node(it);
    char *t = ah_node_plain_text(n);
    free(t);
    (void)ah_node_get_page_first(n);
    (void)ah_node_note_of(n);
    nodes++;
  }
  ah_iter_free(it);
  for (size_t i = 0; i < ah_doc_vragensteller_count(doc); i++) (void)ah_doc_vragensteller_partij(doc, i);
  (void)ah_doc_onderwerp(doc);
  return nodes;
}

/* Phase 1: every thread converts every input itself, then renders it.
 * Nothing of the library has run yet: its one-time set-up is reached by
 * all threads at once. */
static void *convert_worker(void *arg) {
  worker *w = arg;
  for (int it = 0; it < iterations; it++)
    for (int i = 0; i < n_inputs; i++) {
      int k = (i + w->id) % n_inputs;
      const input *in = &inputs[k];
      ah_error err;
      ah_doc *doc = ah_doc_open_memory(in->data, in->len, in->path, AH_OPT_DEFAULT, &err);
      w->conversions++;
      if (!doc) {
        w->failures++;
        fprintf(stderr, "thread %d: %s: %s\n", w->id, in->path, err.message);
        continue;
      }
      render_all(w, k, doc, false);
      walk(doc);
      ah_doc_free(doc);
    }
  return NULL;
}

/* Phase 2: all threads read the same documents at once. */
static void *shared_worker(void *arg) {
  worker *w = arg;
  for (int it = 0; it < iterations; it++)
    for (int i = 0; i < n_inputs; i++) {
      int k = (i + w->id) % n_inputs;
      const input *in = &inputs[k];
      render_all(w, k, in->shared, true);
      if (walk(in->shared) != in->nodes || ah_verify(in->shared, NULL, NULL) != in->findings) w->failures++;
    }
  return NULL;
}

static worker workers[MAX_THREADS];

static int run_phase(void *(*fn)(void *), int threads, const char *what) {
  pthread_t tid[MAX_THREADS];
  worker *w = workers;
  for (int t = 0; t < threads; t++) {
    w[t] = (worker){.id = t};
    if (pthread_create(&tid[t], NULL, fn, &w[t]) != 0) return -1;
  }
  int failures = 0, conversions = 0, renderings = 0;
  for (int t = 0; t < threads; t++) {
    pthread_join(tid[t], NULL);
    failures += w[t].failures;
    conversions += w[t].conversions;
    renderings += w[t].renderings;
  }
  printf("%s: %d threads x %d iterations x %d inputs: %d conversions, %d renderings, %d differing\n", what,
         threads, iterations, n_inputs, conversions, renderings, failures);
  return failures;
}

/* The single-threaded results of input k, and its shared document. */
static int prepare(int k) {
  input *in = &inputs[k];
  ah_error err;
  in->shared = ah_doc_open_memory(in->data, in->len, in->path, AH_OPT_DEFAULT, &err);
  if (!in->shared) {
    fprintf(stderr, "test_threads: cannot open %s: %s\n", in->path, err.message);
    return -1;
  }
  for (int f = 0; f < N_FORMATS; f++) in->want[f] = renderers[f](in->shared, AH_OPT_DEFAULT, &in->want_len[f], &err);
  in->nodes = walk(in->shared);
  in->findings = ah_verify(in->shared, NULL, NULL);
  return 0;
}

/* Phase 1's digests against the single-threaded results. */
static int compare_phase1(int threads) {
  int differing = 0;
  for (int t = 0; t < threads; t++)
    for (int k = 0; k < n_inputs; k++)
      for (int f = 0; f < N_FORMATS; f++) {
        digest want = digest_of(inputs[k].want[f], inputs[k].want_len[f]);
        if (workers[t].seen[k][f].len != want.len || workers[t].seen[k][f].hash != want.hash) differing++;
      }
  return differing;
}

int main(int argc, char **argv) {
  int threads = 4, i = 1;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
    if (strcmp(argv[i], "-t") == 0) threads = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "-n") == 0) iterations = atoi(argv[i + 1]);
  }
  if (i == argc || threads < 1 || threads > MAX_THREADS || iterations < 1) {
    fprintf(stderr, "usage: test_threads [-t THREADS] [-n ITERATIONS] FILE...\n");
    return 2;
  }
  for (; i < argc && n_inputs < MAX_FILES; i++) {
    inputs[n_inputs].path = argv[i];
    if (!(inputs[n_inputs].data = read_all(argv[i], &inputs[n_inputs].len))) {
      fprintf(stderr, "test_threads: cannot read %s\n", argv[i]);
      return 1;
    }
    n_inputs++;
  }
  /* The library's first call is in the threads: its one-time set-up must
   * hold when they all reach it at once.  The single-threaded results are
   * made after that, and phase 1 is compared with them then. */
  CHECK_INT(run_phase(convert_worker, threads, "convert and render"), 0);
  for (int k = 0; k < n_inputs; k++)
    if (prepare(k) != 0) return 1;
  CHECK_INT(compare_phase1(threads), 0);
  CHECK_INT(run_phase(shared_worker, threads, "one shared document"), 0);
  for (int k = 0; k < n_inputs; k++) {
    for (int f = 0; f < N_FORMATS; f++) free(inputs[k].want[f]);
    ah_doc_free(inputs[k].shared);
    free(inputs[k].data);
  }
  return harness_report();
}
