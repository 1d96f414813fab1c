/* Returns the OpenWhisk context it sees (__OW_* variables) and logs a line on each stream. */
#include <stdio.h>
#include <stdlib.h>
#include "owaction.h"

int action_main(const char *params, size_t len, owbuf *result) {
  static const char *names[] = {"__OW_ACTION_NAME", "__OW_ACTIVATION_ID", "__OW_NAMESPACE",
                                "__OW_DEADLINE", "__OW_API_HOST", "__OW_API_KEY", "GREETING"};
  printf("env stdout %.*s\n", (int)len, params);
  fprintf(stderr, "env stderr\n");
  ow_printf(result, "{\"env\":{");
  int first = 1;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *value = getenv(names[i]);
    if (!value) continue;
    ow_printf(result, "%s\"%s\":", first ? "" : ",", names[i]);
    ow_json_string(result, value);
    first = 0;
  }
  ow_printf(result, "},\"params\":%.*s}", (int)len, params);
  return 0;
}
