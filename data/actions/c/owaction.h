/* The interface between an action's C code and its per-target wrapper.
 * An action implements action_main(): it reads its parameters (a JSON object, as text) and
 * appends one JSON object to `result`. The wrapper does the I/O: the OpenWhisk action loop
 * (stdin lines in, fd 3 lines out) for the native blackbox build, or stdin/stdout for WASI. */
#ifndef OWACTION_H
#define OWACTION_H
#include <stddef.h>

typedef struct {
  char *data;
  size_t len;
  size_t cap;
} owbuf;

/* Appends printf-formatted text to the buffer (grows it). */
void ow_printf(owbuf *buffer, const char *format, ...);
/* Appends a JSON string literal (quoted, escaped). */
void ow_json_string(owbuf *buffer, const char *text);

/* The value of top-level `key` in the JSON object `json` (a pointer into it, and its length), or NULL. */
const char *ow_json_find(const char *json, size_t len, const char *key, size_t *value_len);
/* The number at top-level `key`, or `fallback` when absent or not a number. */
double ow_json_number(const char *json, size_t len, const char *key, double fallback);

/* Implemented by each action. Returns 0 on success (the result is still written on failure). */
int action_main(const char *params, size_t len, owbuf *result);

#endif
