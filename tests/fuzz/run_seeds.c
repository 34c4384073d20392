/* run_seeds.c — runs the fuzz entry point over the files named on the
 * command line, as libFuzzer would replay them; a crash or sanitizer report
 * fails the test.  Prints how many inputs it ran. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  int ran = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "run_seeds: %s: cannot open\n", argv[i]);
      return 2;
    }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, n;
    uint8_t chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
      if (len + n > cap) {
        cap = (len + n) * 2;
        uint8_t *grown = realloc(buf, cap);
        if (!grown) abort();
        buf = grown;
      }
      for (size_t k = 0; k < n; k++) buf[len + k] = chunk[k];
      len += n;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf ? buf : (const uint8_t *)"", len);
    free(buf);
    ran++;
  }
  printf("run_seeds: %d inputs ran\n", ran);
  return ran ? 0 : 1;
}
