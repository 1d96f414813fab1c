/* Reads the flat weights file (format in network.h) and runs its ops over activation slots. */
#include "network.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "layers.h"

#define MAGIC 0x4e4d574fu
#define OP_FIELDS 9
#define MAX_CLASSES 64

typedef struct {
  int rank, dims[4];
  double min, scale;
  const unsigned char *bytes;
  size_t count;
  float *values; /* dequantised on first use, kept for the next run (a warm blackbox container) */
} tensor;

struct network {
  int height, width, channels, class_count, slot_count, output, op_count;
  const char *class_names[MAX_CLASSES];
  int tensor_count;
  tensor *tensors;
  int32_t *ops;
  activation *slots;
  size_t *capacity;
};

typedef struct {
  const unsigned char *at, *end;
  int bad;
} cursor;

static uint32_t read_u32(cursor *c) {
  uint32_t v = 0;
  if (c->end - c->at < 4) return c->bad = 1, 0;
  memcpy(&v, c->at, 4);
  c->at += 4;
  return v;
}

static double read_f64(cursor *c) {
  double v = 0;
  if (c->end - c->at < 8) return c->bad = 1, 0;
  memcpy(&v, c->at, 8);
  c->at += 8;
  return v;
}

static char *read_text(cursor *c) {
  uint32_t len = read_u32(c);
  if (c->bad || (size_t)(c->end - c->at) < len) return c->bad = 1, NULL;
  char *text = malloc(len + 1);
  if (!text) return c->bad = 1, NULL;
  memcpy(text, c->at, len);
  text[len] = 0;
  c->at += len;
  return text;
}

const char *network_open(network **out, const unsigned char *file, size_t size) {
  cursor c = {file, file + size, 0};
  if (read_u32(&c) != MAGIC || read_u32(&c) != 1) return "not a version 1 OWMN weights file";
  network *net = calloc(1, sizeof *net);
  if (!net) return "out of memory";
  *out = net;
  net->height = (int)read_u32(&c), net->width = (int)read_u32(&c), net->channels = (int)read_u32(&c);
  uint32_t classes = read_u32(&c);
  if (classes < 1 || classes > MAX_CLASSES) return "bad class count";
  net->class_count = (int)classes; /* set only once valid: network_close frees that many names */
  for (int i = 0; i < net->class_count; i++) net->class_names[i] = read_text(&c);
  uint32_t tensors = read_u32(&c);
  size_t offsets[1024];
  if (c.bad || tensors > 1024) return "bad tensor count";
  net->tensor_count = (int)tensors;
  net->tensors = calloc(tensors ? tensors : 1, sizeof(tensor));
  if (!net->tensors) return "out of memory";
  for (int i = 0; i < net->tensor_count; i++) {
    tensor *t = &net->tensors[i];
    t->rank = (int)read_u32(&c);
    for (int d = 0; d < 4; d++) t->dims[d] = (int)read_u32(&c);
    t->min = read_f64(&c), t->scale = read_f64(&c);
    offsets[i] = read_u32(&c), t->count = read_u32(&c);
  }
  net->slot_count = (int)read_u32(&c), net->output = (int)read_u32(&c), net->op_count = (int)read_u32(&c);
  if (c.bad || net->slot_count < 1 || net->slot_count > 64 || net->output < 0 || net->output >= net->slot_count || (size_t)(c.end - c.at) / 4 / OP_FIELDS < (size_t)net->op_count)
    return "truncated header";
  net->ops = malloc((size_t)net->op_count * OP_FIELDS * sizeof(int32_t));
  net->slots = calloc((size_t)net->slot_count, sizeof(activation));
  net->capacity = calloc((size_t)net->slot_count, sizeof(size_t));
  if (!net->ops || !net->slots || !net->capacity) return "out of memory";
  for (int i = 0; i < net->op_count * OP_FIELDS; i++) net->ops[i] = (int32_t)read_u32(&c);
  size_t weight_bytes = read_u32(&c);
  if (c.bad || (size_t)(c.end - c.at) != weight_bytes) return "weights truncated";
  for (int i = 0; i < net->tensor_count; i++) {
    if (offsets[i] + net->tensors[i].count > weight_bytes) return "a tensor lies outside the weights";
    net->tensors[i].bytes = c.at + offsets[i];
  }
  for (int i = 0; i < net->op_count * OP_FIELDS; i++) {
    int field = i % OP_FIELDS, v = net->ops[i];
    if (field >= 1 && field <= 3 && (v < -1 || v >= net->slot_count)) return "an op names a slot that does not exist";
    if (field >= 4 && field <= 5 && (v < -1 || v >= net->tensor_count)) return "an op names a tensor that does not exist";
  }
  return NULL;
}

void network_close(network *net) {
  if (!net) return;
  for (int i = 0; i < net->class_count; i++) free((void *)net->class_names[i]);
  for (int i = 0; net->tensors && i < net->tensor_count; i++) free(net->tensors[i].values);
  for (int i = 0; net->slots && i < net->slot_count; i++) free(net->slots[i].data);
  free(net->tensors), free(net->ops), free(net->slots), free(net->capacity), free(net);
}

void network_input_shape(const network *net, int *height, int *width, int *channels) {
  *height = net->height, *width = net->width, *channels = net->channels;
}

int network_class_count(const network *net) { return net->class_count; }
const char *network_class_name(const network *net, int index) { return net->class_names[index]; }

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
