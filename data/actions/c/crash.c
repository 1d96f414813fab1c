/* Dies mid-activation: abort() natively (SIGABRT), a trap (unreachable) in WebAssembly. */
#include <stdio.h>
#include <stdlib.h>
#include "owaction.h"

int action_main(const char *params, size_t len, owbuf *result) {
  (void)params;
  (void)len;
  (void)result;
  printf("about to crash\n");
  fflush(stdout);
  abort();
}
