/* The parts of a network that reading the weights file (network.c) and running it (forward.c) share. */
#ifndef NETWORK_PRIVATE_H
#define NETWORK_PRIVATE_H
#include <stddef.h>
#include <stdint.h>
#include "layers.h"
#include "network.h"

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

#endif
