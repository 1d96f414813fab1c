/* The WASI wrapper (wasm:0.1 in owbench): the parameters JSON arrives on stdin, the __OW_*
 * context in the environment; the result JSON object is the last line written to stdout. Other
 * stdout lines and stderr are logs. One run per instance, like a command: start, answer, exit. */
#include <stdio.h>
#include <stdlib.h>
#include "owaction.h"

int main(void) {
  owbuf params = {0};
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) ow_printf(&params, "%.*s", (int)got, chunk);
  if (params.len == 0) ow_printf(&params, "{}");
  owbuf result = {0};
  int status = action_main(params.data, params.len, &result);
  if (result.len == 0) ow_printf(&result, "{}");
  fflush(stderr);
  printf("%.*s\n", (int)result.len, result.data);
  fflush(stdout);
  free(params.data);
  free(result.data);
  return status;
}
