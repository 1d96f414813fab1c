/* The kernels of the forward pass, on NHWC float32 activations. Loop orders and rounding follow
 * tfjs's CPU backend (the reference the tests compare with): products summed into float32
 * outputs in the same order, bias added after, reductions in double. */
#ifndef LAYERS_H
#define LAYERS_H

typedef struct {
  int h, w, c;
  float *data;
} activation;

/* The output size and leading padding of a TensorFlow SAME or VALID window along one axis. */
void window_extent(int in, int kernel, int stride, int same, int *out, int *pad);

/* conv: weights [kh, kw, x->c, out->c]; out's h, w, c must be set and its data allocated. */
void conv2d(const activation *x, const float *weights, int kh, int kw, const float *bias, int stride, int pad_top,
            int pad_left, int relu6, activation *out);
/* depthwise (channel multiplier 1): weights [kh, kw, c, 1]. */
void depthwise2d(const activation *x, const float *weights, int kh, int kw, const float *bias, int stride, int pad_top,
                 int pad_left, int relu6, activation *out);
void add(const activation *a, const activation *b, activation *out);
void global_avg_pool(const activation *x, float *out);
/* out[j] = bias[j] + sum_i x[i] * weights[i][j] */
void dense(const float *x, int in, const float *weights, const float *bias, int outs, float *out);
void softmax(const float *logits, int n, float *out);

#endif
