#include "image.h"
#include <math.h>
#include <stdlib.h>
#include <stb_image.h>

static int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

unsigned char *base64_decode(const char *text, size_t len, size_t *out_len) {
  unsigned char *out = malloc(len / 4 * 3 + 3);
  if (!out) return NULL;
  size_t n = 0;
  unsigned bits = 0, count = 0;
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c == '\\' && i + 1 < len) {
      if (text[++i] != '/') continue; /* \n, \r, \t: line breaks inside the string */
      c = '/';
    }
    if (c == '=') break;
    int v = sextet(c);
    if (v < 0) {
      free(out);
      return NULL;
    }
    bits = bits << 6 | (unsigned)v;
    if (++count == 4) {
      out[n++] = (unsigned char)(bits >> 16), out[n++] = (unsigned char)(bits >> 8), out[n++] = (unsigned char)bits;
      bits = count = 0;
    }
  }
  if (count == 1) {
    free(out);
    return NULL;
  }
  if (count == 2) out[n++] = (unsigned char)(bits >> 4);
  if (count == 3) out[n++] = (unsigned char)(bits >> 10), out[n++] = (unsigned char)(bits >> 2);
  *out_len = n;
  return out;
}

/* tfjs's resizeBilinear with alignCorners (CPU backend): fractions in double, values as float32. */
static void resize_bilinear(const float *in, int ih, int iw, float *out, int oh, int ow) {
  double row_ratio = oh > 1 ? (double)(ih - 1) / (oh - 1) : (double)ih / oh;
  double col_ratio = ow > 1 ? (double)(iw - 1) / (ow - 1) : (double)iw / ow;
  for (int r = 0; r < oh; r++) {
    double fr = row_ratio * r;
    int top = (int)floor(fr), bottom = (int)ceil(fr) < ih - 1 ? (int)ceil(fr) : ih - 1;
    double row_frac = fr - top;
    for (int c = 0; c < ow; c++) {
      double fc = col_ratio * c;
      int left = (int)floor(fc), right = (int)ceil(fc) < iw - 1 ? (int)ceil(fc) : iw - 1;
      double col_frac = fc - left;
      for (int d = 0; d < 3; d++) {
        double tl = in[((size_t)top * iw + left) * 3 + d], tr = in[((size_t)top * iw + right) * 3 + d];
        double bl = in[((size_t)bottom * iw + left) * 3 + d], br = in[((size_t)bottom * iw + right) * 3 + d];
        double upper = tl + (tr - tl) * col_frac, lower = bl + (br - bl) * col_frac;
        *out++ = (float)(upper + (lower - upper) * row_frac);
      }
    }
  }
}

float *prepare_image(const unsigned char *encoded, size_t len, int height, int width, int *source_w, int *source_h,
                     const char **error) {
  int w, h, channels;
  unsigned char *pixels = stbi_load_from_memory(encoded, (int)len, &w, &h, &channels, 3);
  if (!pixels) {
    *error = stbi_failure_reason();
    return NULL;
  }
  float *scaled = malloc((size_t)w * h * 3 * sizeof(float));
  float *out = malloc((size_t)width * height * 3 * sizeof(float));
  if (!scaled || !out) {
    stbi_image_free(pixels), free(scaled), free(out);
    *error = "out of memory";
    return NULL;
  }
  for (size_t i = 0; i < (size_t)w * h * 3; i++) scaled[i] = (float)(pixels[i] / 255.0);
  stbi_image_free(pixels);
  if (w == width && h == height) {
    free(out);
    out = scaled;
  } else {
    resize_bilinear(scaled, h, w, out, height, width);
    free(scaled);
  }
  *source_w = w, *source_h = h;
  return out;
}
