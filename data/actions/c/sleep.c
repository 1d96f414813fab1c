/* Sleeps `ms` milliseconds (default 100), then answers. */
#include <time.h>
#include "owaction.h"

int action_main(const char *params, size_t len, owbuf *result) {
  double ms = ow_json_number(params, len, "ms", 100);
  struct timespec pause = {(time_t)(ms / 1000), (long)((long long)ms % 1000) * 1000000L};
  nanosleep(&pause, NULL);
  ow_printf(result, "{\"slept\":%.0f}", ms);
  return 0;
}
