/* worker.h — one worker process of `ahconv batch` (forked by pool.c). */
#ifndef AHCONV_BATCH_WORKER_H
#define AHCONV_BATCH_WORKER_H

#include <stdbool.h>

typedef struct {
  const char *tmpdir; /* where outputs are written before the parent renames them */
  bool pdf;           /* PDF output, else XML */
} worker_config;

/* The worker's life: tasks from task_fd, each converted and answered on
 * result_fd (protocol.h), until the parent closes the task pipe. */
void worker_run(int task_fd, int result_fd, const worker_config *cfg);

#endif
