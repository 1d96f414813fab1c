/* The little JSON the proxy reads: find a key in an object, skip a value, unescape a string.
 * Input is what the server sends (valid JSON); anything malformed is reported as not found. */
#include <stdlib.h>
#include <string.h>
#include "proxy.h"

static const char *skip_ws(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

static const char *skip_string(const char *p, const char *end) {
  for (p++; p < end; p++) {
    if (*p == '\\') p++;
    else if (*p == '"') return p + 1;
  }
  return NULL;
}

const char *json_skip(const char *p, const char *end) {
  p = skip_ws(p, end);
  if (p >= end) return NULL;
  if (*p == '"') return skip_string(p, end);
  if (*p == '{' || *p == '[') {
    int depth = 0;
    while (p < end) {
      if (*p == '"') {
        p = skip_string(p, end);
        if (!p) return NULL;
        continue;
      }
      if (*p == '{' || *p == '[') depth++;
      if (*p == '}' || *p == ']') {
        if (--depth == 0) return p + 1;
      }
      p++;
    }
    return NULL;
  }
  while (p < end && !strchr(",}] \t\r\n", *p)) p++;
  return p;
}

const char *json_next_member(const char *p, const char *end, json_span *key, json_span *value) {
  p = skip_ws(p, end);
  if (p < end && (*p == '{' || *p == ',')) p = skip_ws(p + 1, end);
  if (p >= end || *p != '"') return NULL;
  key->start = p;
  key->end = skip_string(p, end);
  if (!key->end) return NULL;
  p = skip_ws(key->end, end);
  if (p >= end || *p != ':') return NULL;
  value->start = skip_ws(p + 1, end);
  value->end = json_skip(value->start, end);
  return value->end;
}

int json_find(json_span object, const char *name, json_span *value) {
  json_span key;
  const char *p = object.start;
  size_t n = strlen(name);
  while ((p = json_next_member(p, object.end, &key, value)) != NULL) {
    if ((size_t)(key.end - key.start) == n + 2 && memcmp(key.start + 1, name, n) == 0) return 1;
  }
  return 0;
}

static void put_utf8(char **out, unsigned code) {
  char *o = *out;
  if (code < 0x80) *o++ = (char)code;
  else if (code < 0x800) { *o++ = (char)(0xC0 | (code >> 6)); *o++ = (char)(0x80 | (code & 0x3F)); }
  else if (code < 0x10000) { *o++ = (char)(0xE0 | (code >> 12)); *o++ = (char)(0x80 | ((code >> 6) & 0x3F)); *o++ = (char)(0x80 | (code & 0x3F)); }
  else { *o++ = (char)(0xF0 | (code >> 18)); *o++ = (char)(0x80 | ((code >> 12) & 0x3F)); *o++ = (char)(0x80 | ((code >> 6) & 0x3F)); *o++ = (char)(0x80 | (code & 0x3F)); }
  *out = o;
}

/* A string value without its quotes and escapes; any other value as its JSON text. */
char *json_text(json_span value) {
  size_t len = (size_t)(value.end - value.start);
  char *text = malloc(len + 1), *o = text;
  if (!text) return NULL;
  if (len < 2 || *value.start != '"') {
    memcpy(text, value.start, len);
    text[len] = 0;
    return text;
  }
  for (const char *p = value.start + 1; p < value.end - 1; p++) {
    if (*p != '\\') { *o++ = *p; continue; }
    switch (*++p) {
      case 'n': *o++ = '\n'; break;
      case 't': *o++ = '\t'; break;
      case 'r': *o++ = '\r'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'u': {
        unsigned code = (unsigned)strtoul((char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
        p += 4;
        if (code >= 0xD800 && code < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
          unsigned low = (unsigned)strtoul((char[5]){p[3], p[4], p[5], p[6], 0}, NULL, 16);
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
        put_utf8(&o, code);
        break;
      }
      default: *o++ = *p; /* \" \\ \/ */
    }
  }
  *o = 0;
  return text;
}
