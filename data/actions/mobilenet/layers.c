#include "layers.h"
#include <math.h>
#include <string.h>

void window_extent(int in, int kernel, int stride, int same, int *out, int *pad) {
  if (!same) {
    *out = (in - kernel) / stride + 1;
    *pad = 0;
    return;
  }
  *out = (in + stride - 1) / stride;
  int total = (*out - 1) * stride + kernel - in;
  *pad = total > 0 ? total / 2 : 0; /* TensorFlow puts the odd pixel at the end */
}

static void bias_and_activation(activation *out, const float *bias, int relu6) {
  size_t pixels = (size_t)out->h * out->w;
  for (size_t p = 0; p < pixels; p++) {
    float *y = out->data + p * out->c;
    for (int k = 0; k < out->c; k++) {
      float v = y[k] + bias[k];
      if (relu6) v = v < 0 ? 0 : v > 6 ? 6 : v;
      y[k] = v;
    }
  }
}

void conv2d(const activation *x, const float *weights, int kh, int kw, const float *bias, int stride, int pad_top,
            int pad_left, int relu6, activation *out) {
  const int cin = x->c, cout = out->c;
  memset(out->data, 0, (size_t)out->h * out->w * cout * sizeof(float));
  for (int yr = 0; yr < out->h; yr++) {
    for (int wr = 0; wr < kh; wr++) {
      int xr = yr * stride - pad_top + wr;
      if (xr < 0 || xr >= x->h) continue;
      for (int yc = 0; yc < out->w; yc++) {
        float *y = out->data + ((size_t)yr * out->w + yc) * cout;
        for (int wc = 0; wc < kw; wc++) {
          int xc = yc * stride - pad_left + wc;
          if (xc < 0 || xc >= x->w) continue;
          const float *pixel = x->data + ((size_t)xr * x->w + xc) * cin;
          const float *w = weights + ((size_t)wr * kw + wc) * cin * cout;
          for (int d1 = 0; d1 < cin; d1++, w += cout) {
            float v = pixel[d1];
            for (int d2 = 0; d2 < cout; d2++) y[d2] += v * w[d2];
          }
        }
      }
    }
  }
  bias_and_activation(out, bias, relu6);
}

void depthwise2d(const activation *x, const float *weights, int kh, int kw, const float *bias, int stride, int pad_top,
                 int pad_left, int relu6, activation *out) {
  const int c = x->c;
  memset(out->data, 0, (size_t)out->h * out->w * c * sizeof(float));
  for (int yr = 0; yr < out->h; yr++) {
    for (int wr = 0; wr < kh; wr++) {
      int xr = yr * stride - pad_top + wr;
      if (xr < 0 || xr >= x->h) continue;
      for (int yc = 0; yc < out->w; yc++) {
        float *y = out->data + ((size_t)yr * out->w + yc) * c;
        for (int wc = 0; wc < kw; wc++) {
          int xc = yc * stride - pad_left + wc;
          if (xc < 0 || xc >= x->w) continue;
          const float *pixel = x->data + ((size_t)xr * x->w + xc) * c;
          const float *w = weights + ((size_t)wr * kw + wc) * c;
          for (int d = 0; d < c; d++) y[d] += pixel[d] * w[d];
        }
      }
    }
  }
  bias_and_activation(out, bias, relu6);
}

void add(const activation *a, const activation *b, activation *out) {
  size_t n = (size_t)a->h * a->w * a->c;
  for (size_t i = 0; i < n; i++) out->data[i] = a->data[i] + b->data[i];
}

void global_avg_pool(const activation *x, float *out) {
  for (int k = 0; k < x->c; k++) {
    double sum = 0;
    for (int p = 0; p < x->h * x->w; p++) sum += x->data[(size_t)p * x->c + k];
    out[k] = (float)(sum / (x->h * x->w));
  }
}

void dense(const float *x, int in, const float *weights, const float *bias, int outs, float *out) {
  for (int j = 0; j < outs; j++) {
    double sum = 0;
    for (int i = 0; i < in; i++) sum += (double)x[i] * weights[(size_t)i * outs + j];
    out[j] = (float)sum + bias[j];
  }
}

void softmax(const float *logits, int n, float *out) {
  float top = logits[0];
  for (int i = 1; i < n; i++)
    if (logits[i] > top) top = logits[i];
  double total = 0;
  for (int i = 0; i < n; i++) total += out[i] = (float)exp((double)(logits[i] - top));
  float sum = (float)total; /* tfjs keeps the sum as float32, then divides in double */
  for (int i = 0; i < n; i++) out[i] = (float)((double)out[i] / sum);
}
