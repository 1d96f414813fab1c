/* The action's code as OpenWhisk's native runtimes receive it: base64 of either the executable
 * itself or a zip whose entry `exec` is the executable (`wsk action create --native`). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "proxy.h"

static int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

size_t base64_decode(char *text, size_t len) {
  size_t out = 0;
  unsigned acc = 0;
  int bits = 0;
  for (size_t i = 0; i < len; i++) {
    int v = b64_value(text[i]);
    if (v < 0) continue; /* padding and whitespace */
    acc = (acc << 6) | (unsigned)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      text[out++] = (char)((acc >> bits) & 0xFF);
    }
  }
  return out;
}

static unsigned u16(const unsigned char *p) { return p[0] | (p[1] << 8); }
static uint32_t u32(const unsigned char *p) { return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24); }

static const char *save(const unsigned char *data, size_t len, const char *path) {
  FILE *file = fopen(path, "wb");
  if (!file) return "cannot write the executable";
  size_t written = fwrite(data, 1, len, file);
  if (fclose(file) != 0 || written != len) return "cannot write the executable";
  return NULL;
}

static const char *inflate_entry(const unsigned char *data, size_t in_len, size_t out_len, const char *path) {
  unsigned char *out = malloc(out_len ? out_len : 1);
  if (!out) return "the executable does not fit in memory";
  z_stream s = {0};
  s.next_in = (unsigned char *)data;
  s.avail_in = (uInt)in_len;
  s.next_out = out;
  s.avail_out = (uInt)out_len;
  const char *error = NULL;
  if (inflateInit2(&s, -MAX_WBITS) != Z_OK || inflate(&s, Z_FINISH) != Z_STREAM_END || s.total_out != out_len) error = "the zip's exec entry is corrupt";
  inflateEnd(&s);
  if (!error) error = save(out, out_len, path);
  free(out);
  return error;
}

/* Finds `exec` through the central directory (local headers may defer sizes to a descriptor). */
static const char *unzip_exec(const unsigned char *zip, size_t len, const char *path) {
  if (len < 22) return "the zip is truncated";
  size_t eocd = len - 22;
  while (eocd > 0 && u32(zip + eocd) != 0x06054b50) eocd--;
  if (u32(zip + eocd) != 0x06054b50) return "the zip has no central directory";
  size_t at = u32(zip + eocd + 16), entries = u16(zip + eocd + 10);
  for (size_t i = 0; i < entries && at + 46 <= len && u32(zip + at) == 0x02014b50; i++) {
    unsigned method = u16(zip + at + 10), name_len = u16(zip + at + 28);
    size_t packed = u32(zip + at + 20), size = u32(zip + at + 24), local = u32(zip + at + 42);
    const char *name = (const char *)zip + at + 46;
    at += 46 + name_len + u16(zip + at + 30) + u16(zip + at + 32);
    if (name_len != 4 || memcmp(name, "exec", 4) != 0) continue;
    if (local + 30 > len) return "the zip is truncated";
    size_t data = local + 30 + u16(zip + local + 26) + u16(zip + local + 28);
    if (data + packed > len) return "the zip is truncated";
    if (method == 0) return save(zip + data, packed, path);
    if (method == 8) return inflate_entry(zip + data, packed, size, path);
    return "the zip's exec entry uses an unsupported compression";
  }
  return "the zip has no entry named exec";
}

const char *write_executable(const char *code, size_t len, const char *path) {
  const unsigned char *bytes = (const unsigned char *)code;
  if (len >= 4 && u32(bytes) == 0x04034b50) return unzip_exec(bytes, len, path);
  return save(bytes, len, path);
}
