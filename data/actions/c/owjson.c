/* Just enough JSON for actions: find a top-level key of an object and read numbers and strings.
 * Values are skipped structurally (strings with escapes, nested objects and arrays). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "owaction.h"

void ow_printf(owbuf *buffer, const char *format, ...) {
  for (;;) {
    va_list args;
    va_start(args, format);
    size_t room = buffer->cap - buffer->len;
    int wanted = vsnprintf(buffer->cap ? buffer->data + buffer->len : NULL, room, format, args);
    va_end(args);
    if (wanted < 0) return;
    if ((size_t)wanted < room) {
      buffer->len += (size_t)wanted;
      return;
    }
    size_t cap = buffer->cap ? buffer->cap * 2 : 256;
    while (cap - buffer->len <= (size_t)wanted) cap *= 2;
    char *grown = realloc(buffer->data, cap);
    if (!grown) return;
    buffer->data = grown;
    buffer->cap = cap;
  }
}

void ow_json_string(owbuf *buffer, const char *text) {
  ow_printf(buffer, "\"");
  for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
    if (*c == '"' || *c == '\\') ow_printf(buffer, "\\%c", *c);
    else if (*c < 0x20) ow_printf(buffer, "\\u%04x", *c);
    else ow_printf(buffer, "%c", *c);
  }
  ow_printf(buffer, "\"");
}

static size_t skip_space(const char *s, size_t i, size_t n) {
  while (i < n && isspace((unsigned char)s[i])) i++;
  return i;
}

/* Index just past the JSON value starting at i. */
static size_t skip_value(const char *s, size_t i, size_t n) {
  if (i >= n) return n;
  if (s[i] == '"') {
    for (i++; i < n && s[i] != '"'; i++)
      if (s[i] == '\\') i++;
    return i < n ? i + 1 : n;
  }
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < n; i++) {
      if (s[i] == '"') {
        i = skip_value(s, i, n) - 1;
      } else if (s[i] == '{' || s[i] == '[') {
        depth++;
      } else if (s[i] == '}' || s[i] == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return n;
  }
  while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isspace((unsigned char)s[i])) i++;
  return i;
}

const char *ow_json_find(const char *s, size_t n, const char *key, size_t *value_len) {
  size_t key_len = strlen(key);
  size_t i = skip_space(s, 0, n);
  if (i >= n || s[i] != '{') return NULL;
  i++;
  for (;;) {
    i = skip_space(s, i, n);
    if (i >= n || s[i] != '"') return NULL;
    size_t key_start = i + 1;
    size_t key_end = skip_value(s, i, n) - 1;
    i = skip_space(s, key_end + 1, n);
    if (i >= n || s[i] != ':') return NULL;
    i = skip_space(s, i + 1, n);
    size_t end = skip_value(s, i, n);
    if (key_end - key_start == key_len && memcmp(s + key_start, key, key_len) == 0) {
      *value_len = end - i;
      return s + i;
    }
    i = skip_space(s, end, n);
    if (i >= n || s[i] != ',') return NULL;
    i++;
  }
}

double ow_json_number(const char *json, size_t len, const char *key, double fallback) {
  size_t value_len = 0;
  const char *value = ow_json_find(json, len, key, &value_len);
  if (!value || value_len == 0 || value_len > 60) return fallback;
  char text[64];
  memcpy(text, value, value_len);
  text[value_len] = 0;
  if (text[0] == '"') return fallback;
  char *end = NULL;
  double number = strtod(text, &end);
  return end && *end == 0 ? number : fallback;
}
