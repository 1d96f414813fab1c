/* The native (blackbox) wrapper: OpenWhisk's action loop, as openwhisk-runtime-go drives an
 * executable. It acknowledges start-up with {"ok":true} on fd 3 when __OW_WAIT_FOR_ACK is set;
 * then for each line on stdin, {"value": params, "action_name": ..., "activation_id": ...,
 * "deadline": ..., "namespace": ..., ...}, it exports every other string key as __OW_<KEY>, runs
 * the action, writes the log sentinels on stdout and stderr, and one result line on fd 3. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "owaction.h"

#define SENTINEL "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX\n"

static void export_context(const char *line, size_t len) {
  static const char *keys[] = {"namespace", "action_name", "action_version", "activation_id",
                               "transaction_id", "deadline", "api_key", "api_host"};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
    size_t value_len = 0;
    const char *value = ow_json_find(line, len, keys[k], &value_len);
    if (!value || value_len < 2 || value[0] != '"') continue;
    char name[64] = "__OW_";
    for (size_t i = 0; keys[k][i] && i < 50; i++) name[5 + i] = (char)toupper((unsigned char)keys[k][i]);
    char *text = strndup(value + 1, value_len - 2); /* context values carry no escapes */
    setenv(name, text, 1);
    free(text);
  }
}

int main(void) {
  FILE *out = fdopen(3, "w");
  if (!out) return 1;
  const char *ack = getenv("__OW_WAIT_FOR_ACK");
  if (ack && *ack) {
    fputs("{\"ok\":true}\n", out);
    fflush(out);
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, stdin)) > 0) {
    export_context(line, (size_t)len);
    size_t params_len = 0;
    const char *params = ow_json_find(line, (size_t)len, "value", &params_len);
    if (!params) {
      params = "{}";
      params_len = 2;
    }
    owbuf result = {0};
    action_main(params, params_len, &result);
    if (result.len == 0) ow_printf(&result, "{}");
    fflush(stdout);
    fputs(SENTINEL, stdout);
    fputs(SENTINEL, stderr);
    fflush(stdout);
    fflush(stderr);
    fwrite(result.data, 1, result.len, out);
    fputc('\n', out);
    fflush(out);
    free(result.data);
  }
  free(line);
  return 0;
}
