/* One forward pass: the ops of the weights file, in order, over the activation slots. */
#include <stdlib.h>
#include <string.h>
#include "network_private.h"

static const float *values_of(network *net, int index) {
  if (index < 0) return NULL;
  tensor *t = &net->tensors[index];
  if (!t->values) {
    float *v = malloc((t->count ? t->count : 1) * sizeof(float));
    if (!v) return NULL;
    for (size_t i = 0; i < t->count; i++) v[i] = (float)((double)t->bytes[i] * t->scale + t->min);
    t->values = v;
  }
  return t->values;
}

/* Shapes the output slot and grows its buffer; NULL when out of memory. */
static activation *prepare(network *net, int slot, int h, int w, int c) {
  activation *a = &net->slots[slot];
  size_t need = (size_t)h * w * c;
  if (need > net->capacity[slot]) {
    free(a->data);
    a->data = malloc(need * sizeof(float));
    net->capacity[slot] = a->data ? need : 0;
    if (!a->data) return NULL;
  }
  a->h = h, a->w = w, a->c = c;
  return a;
}

const char *network_run(network *net, const float *input, float *probabilities) {
  float logits[MAX_CLASSES];
  for (int i = 0; i < net->op_count; i++) {
    const int32_t *op = net->ops + (size_t)i * OP_FIELDS;
    const activation *x = op[1] >= 0 ? &net->slots[op[1]] : NULL, *y = op[2] >= 0 ? &net->slots[op[2]] : NULL;
    const tensor *wt = op[4] >= 0 ? &net->tensors[op[4]] : NULL;
    const float *w = values_of(net, op[4]), *b = values_of(net, op[5]);
    if ((op[4] >= 0 && !w) || (op[5] >= 0 && !b)) return "out of memory";
    if (op[0] != OP_INPUT && !x) return "an op has no input";
    activation *out = NULL;
    int oh, ow, pad_top, pad_left;
    switch (op[0]) {
      case OP_INPUT:
        if (!(out = prepare(net, op[3], net->height, net->width, net->channels))) return "out of memory";
        memcpy(out->data, input, (size_t)net->height * net->width * net->channels * sizeof(float));
        break;
      case OP_MUL_SCALAR:
      case OP_SUB_SCALAR:
        if (!wt || wt->count != 1) return "a scalar op without a scalar";
        if (!(out = prepare(net, op[3], x->h, x->w, x->c))) return "out of memory";
        for (size_t k = 0; k < (size_t)x->h * x->w * x->c; k++) out->data[k] = op[0] == OP_MUL_SCALAR ? x->data[k] * w[0] : x->data[k] - w[0];
        break;
      case OP_CONV:
      case OP_DEPTHWISE: {
        if (!wt || wt->rank != 4 || wt->dims[2] != x->c || (op[0] == OP_DEPTHWISE && wt->dims[3] != 1)) return "weights do not fit the input";
        int kh = wt->dims[0], kw = wt->dims[1], channels = op[0] == OP_CONV ? wt->dims[3] : x->c;
        window_extent(x->h, kh, op[6], op[7], &oh, &pad_top);
        window_extent(x->w, kw, op[6], op[7], &ow, &pad_left);
        if (!(out = prepare(net, op[3], oh, ow, channels))) return "out of memory";
        if (op[0] == OP_CONV) conv2d(x, w, kh, kw, b, op[6], pad_top, pad_left, op[8], out);
        else depthwise2d(x, w, kh, kw, b, op[6], pad_top, pad_left, op[8], out);
        break;
      }
      case OP_ADD:
        if (!y || x->h != y->h || x->w != y->w || x->c != y->c) return "an add of two shapes";
        if (!(out = prepare(net, op[3], x->h, x->w, x->c))) return "out of memory";
        add(x, y, out);
        break;
      case OP_GLOBAL_AVG_POOL:
        if (x->h != op[6] || x->w != op[6]) return "the pool window is not the whole input";
        if (!(out = prepare(net, op[3], 1, 1, x->c))) return "out of memory";
        global_avg_pool(x, out->data);
        break;
      case OP_DENSE:
        if (!wt || wt->rank != 2 || wt->dims[0] != x->h * x->w * x->c || wt->dims[1] > MAX_CLASSES) return "dense weights do not fit";
        if (!(out = prepare(net, op[3], 1, 1, wt->dims[1]))) return "out of memory";
        dense(x->data, wt->dims[0], w, b, wt->dims[1], out->data);
        break;
      case OP_SOFTMAX:
        if (x->c > MAX_CLASSES) return "too many classes";
        if (!(out = prepare(net, op[3], 1, 1, x->c))) return "out of memory";
        memcpy(logits, x->data, (size_t)x->c * sizeof(float));
        softmax(logits, x->c, out->data);
        break;
      default:
        return "unknown op";
    }
  }
  const activation *result = &net->slots[net->output];
  if (result->c != net->class_count || result->h * result->w != 1) return "the output is not one probability per class";
  memcpy(probabilities, result->data, (size_t)net->class_count * sizeof(float));
  return NULL;
}
