/* worker.h — one worker process of `ahconv batch` (forked by pool.c). */
#ifndef AHCONV_BATCH_WORKER_H
#define AHCONV_BATCH_WORKER_H

#include <stdbool.h>

typedef struct {
  const char *tmpdir; /* where outputs are written before the parent renames them */
  bool pdf;           /* PDF output, else XML */
  int max_memory_mib; /* the worker's address space; 0: no limit */
  bool verify_pages;  /* batch --html: a verify page per document whose renditions differ */
  bool every_page;    /* batch --html --verify: per document of several renditions */
} worker_config;

/* The exit status of a worker that ran out of its --max-memory. */
#define WORKER_EXIT_MEMORY 86

/* The worker's life: its memory limit set, tasks from task_fd, each
 * converted and answered on result_fd (protocol.h), until the parent
 * closes the task pipe. */
void worker_run(int task_fd, int result_fd, const worker_config *cfg);

/* Whether this build can limit a worker's memory: not under
 * AddressSanitizer, whose shadow memory alone takes terabytes of address
 * space. */
bool worker_can_limit_memory(void);

#endif
