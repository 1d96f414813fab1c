/* Allocates and touches `mb` megabytes (default 64); answers {error} when the allocation fails,
 * which in WebAssembly happens at the container's memory maximum. */
#include <stdlib.h>
#include <string.h>
#include "owaction.h"

int action_main(const char *params, size_t len, owbuf *result) {
  double mb = ow_json_number(params, len, "mb", 64);
  size_t bytes = (size_t)(mb * 1024 * 1024);
  char *block = malloc(bytes);
  if (!block) {
    ow_printf(result, "{\"error\":\"could not allocate %.0f MB\"}", mb);
    return 1;
  }
  memset(block, 1, bytes);
  unsigned sum = 0;
  for (size_t i = 0; i < bytes; i += 4096) sum += (unsigned char)block[i];
  free(block);
  ow_printf(result, "{\"allocatedMb\":%.0f,\"pages\":%u}", mb, sum);
  return 0;
}
