/* Reads the flat weights file (format in network.h); forward.c runs it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "network_private.h"

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
