/* A MobileNetV2 forward pass over the flat weights file that convert.ts writes from nsfwjs's
 * MobileNetV2Mid. The file (little-endian) holds:
 *   u32 magic "OWMN", u32 version 1, u32 input height, width, channels,
 *   u32 class count, then per class a u32 length and its UTF-8 name,
 *   u32 tensor count, then per tensor: u32 rank, u32 dims[4], f64 min, f64 scale, u32 offset, u32 count
 *     (uint8-quantised: value = q * scale + min, computed in double and rounded to float as tfjs does),
 *   u32 activation slots, u32 output slot, u32 op count, then per op 9 i32:
 *     op, input slot, second input slot, output slot, weights tensor, bias tensor, stride (the pool
 *     window for a pool), SAME padding (1) or VALID (0), ReLU6 after (1),
 *   u32 weight bytes, then the bytes.
 * Activations are NHWC float32; conv weights HWIO, depthwise HWC1, dense [in, out]. */
#ifndef NETWORK_H
#define NETWORK_H
#include <stddef.h>

enum { OP_INPUT, OP_MUL_SCALAR, OP_SUB_SCALAR, OP_CONV, OP_DEPTHWISE, OP_ADD, OP_GLOBAL_AVG_POOL, OP_DENSE, OP_SOFTMAX };

typedef struct network network;

/* Reads a weights file held in memory (not copied: it must outlive the network). NULL on success,
 * else what is wrong with the file. */
const char *network_open(network **out, const unsigned char *file, size_t size);
void network_close(network *net);

/* The input the network takes: height × width × channels. */
void network_input_shape(const network *net, int *height, int *width, int *channels);
int network_class_count(const network *net);
const char *network_class_name(const network *net, int index);

/* One forward pass: `input` is height × width × channels floats; `probabilities` gets one per class.
 * NULL on success, else why it failed (out of memory, a shape the file does not fit). */
const char *network_run(network *net, const float *input, float *probabilities);

#endif
