/* The demo workload: a small deterministic image classifier, the same C for both targets
 * (gcc → blackbox action-loop executable, clang --target=wasm32-wasi → wasm:0.1 module).
 *
 * It synthesizes a `size`×`size` RGB image from `seed`, runs two 3×3 convolution layers with
 * ReLU and 2×2 max pooling, global average pooling, a fixed linear layer over 10 classes and a
 * softmax, `iterations` times, and answers like the seed's MobileNet action:
 * {"label": "hen", "confidence": 0.61, ...}. All weights come from a fixed-seed generator, so
 * native and WebAssembly give the same label (confidence equal to about 1e-6).
 * Params: size (default 160, 16..512), iterations (default 1, 1..100), seed (default 1). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "owaction.h"

#define CLASSES 10
#define C1 12 /* filters of layer 1 */
#define C2 24 /* filters of layer 2 */

static const char *labels[CLASSES] = {"hen", "cock", "goldfinch", "tabby", "beagle",
                                      "ostrich", "pelican", "goose", "robin", "jay"};

/* xorshift32: the same sequence on every platform */
static uint32_t next_random(uint32_t *state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

static float uniform(uint32_t *state) { return (float)(next_random(state) >> 8) / 16777216.0f - 0.5f; }

/* in: h×w×cin, weights: cout×3×3×cin, out: h×w×cout (same padding), then ReLU */
static void conv3x3_relu(const float *in, int h, int w, int cin, const float *weights, const float *bias,
                         int cout, float *out) {
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int o = 0; o < cout; o++) {
        float sum = bias[o];
        for (int dy = -1; dy <= 1; dy++) {
          int yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            if (xx < 0 || xx >= w) continue;
            const float *pixel = in + ((size_t)yy * w + xx) * cin;
            const float *kernel = weights + (((size_t)o * 3 + (dy + 1)) * 3 + (dx + 1)) * cin;
            for (int c = 0; c < cin; c++) sum += pixel[c] * kernel[c];
          }
        }
        out[((size_t)y * w + x) * cout + o] = sum > 0 ? sum : 0;
      }
}

static void maxpool2(const float *in, int h, int w, int c, float *out) {
  for (int y = 0; y < h / 2; y++)
    for (int x = 0; x < w / 2; x++)
      for (int k = 0; k < c; k++) {
        float best = 0;
        for (int dy = 0; dy < 2; dy++)
          for (int dx = 0; dx < 2; dx++) {
            float v = in[((size_t)(2 * y + dy) * w + (2 * x + dx)) * c + k];
            if (v > best) best = v;
          }
        out[((size_t)y * (w / 2) + x) * c + k] = best;
      }
}

/* A seed-dependent striped pattern under noise, so different seeds look (and classify) differently. */
static float *synthetic_image(int size, uint32_t *state) {
  float *image = malloc((size_t)size * size * 3 * sizeof *image);
  if (!image) return NULL;
  float fx = 0.02f + 0.3f * (uniform(state) + 0.5f), fy = 0.02f + 0.3f * (uniform(state) + 0.5f);
  float tint[3] = {uniform(state) * 2, uniform(state) * 2, uniform(state) * 2};
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      for (int c = 0; c < 3; c++)
        image[((size_t)y * size + x) * 3 + c] = tint[c] * sinf(fx * x + fy * y + c) + 0.3f * uniform(state);
  return image;
}

static float *random_array(size_t n, float scale, uint32_t *state) {
  float *a = malloc(n * sizeof *a);
  if (a)
    for (size_t i = 0; i < n; i++) a[i] = uniform(state) * scale;
  return a;
}

int action_main(const char *params, size_t len, owbuf *result) {
  int size = (int)ow_json_number(params, len, "size", 160);
  int iterations = (int)ow_json_number(params, len, "iterations", 1);
  uint32_t seed = (uint32_t)ow_json_number(params, len, "seed", 1);
  if (size < 16 || size > 512 || iterations < 1 || iterations > 100) {
    ow_printf(result, "{\"error\":\"size must be 16..512 and iterations 1..100\"}");
    return 1;
  }
  size = size / 4 * 4;
  uint32_t weight_state = 0x9e3779b9u, image_state = seed ? seed : 1;
  float *w1 = random_array((size_t)C1 * 9 * 3, 0.6f, &weight_state);
  float *b1 = random_array(C1, 0.1f, &weight_state);
  float *w2 = random_array((size_t)C2 * 9 * C1, 0.3f, &weight_state);
  float *b2 = random_array(C2, 0.1f, &weight_state);
  float *dense = random_array((size_t)CLASSES * C2, 2.0f, &weight_state);
  float *image = synthetic_image(size, &image_state);
  float *a1 = malloc((size_t)size * size * C1 * sizeof(float));
  float *p1 = malloc((size_t)(size / 2) * (size / 2) * C1 * sizeof(float));
  float *a2 = malloc((size_t)(size / 2) * (size / 2) * C2 * sizeof(float));
  float *p2 = malloc((size_t)(size / 4) * (size / 4) * C2 * sizeof(float));
  if (!w1 || !b1 || !w2 || !b2 || !dense || !image || !a1 || !p1 || !a2 || !p2) {
    ow_printf(result, "{\"error\":\"out of memory\"}");
    return 1;
  }
  float probabilities[CLASSES] = {0};
  for (int it = 0; it < iterations; it++) {
    conv3x3_relu(image, size, size, 3, w1, b1, C1, a1);
    maxpool2(a1, size, size, C1, p1);
    conv3x3_relu(p1, size / 2, size / 2, C1, w2, b2, C2, a2);
    maxpool2(a2, size / 2, size / 2, C2, p2);
    float features[C2] = {0};
    int cells = (size / 4) * (size / 4);
    for (int i = 0; i < cells; i++)
      for (int k = 0; k < C2; k++) features[k] += p2[(size_t)i * C2 + k];
    /* standardize the pooled features, so the class depends on their pattern, not their scale */
    float mean = 0, spread = 0;
    for (int k = 0; k < C2; k++) mean += features[k] / (float)C2;
    for (int k = 0; k < C2; k++) spread += (features[k] - mean) * (features[k] - mean) / (float)C2;
    spread = sqrtf(spread) + 1e-6f;
    for (int k = 0; k < C2; k++) features[k] = (features[k] - mean) / spread;
    float logits[CLASSES], top = -1e30f, total = 0;
    for (int c = 0; c < CLASSES; c++) {
      logits[c] = 0;
      for (int k = 0; k < C2; k++) logits[c] += dense[c * C2 + k] * features[k];
      if (logits[c] > top) top = logits[c];
    }
    for (int c = 0; c < CLASSES; c++) total += probabilities[c] = expf(logits[c] - top);
    for (int c = 0; c < CLASSES; c++) probabilities[c] /= total;
  }
  int best = 0;
  for (int c = 1; c < CLASSES; c++)
    if (probabilities[c] > probabilities[best]) best = c;
  ow_printf(result, "{\"label\":\"%s\",\"confidence\":%.6f,\"size\":%d,\"iterations\":%d}", labels[best],
            (double)probabilities[best], size, iterations);
  free(w1), free(b1), free(w2), free(b2), free(dense), free(image), free(a1), free(p1), free(a2), free(p2);
  return 0;
}
