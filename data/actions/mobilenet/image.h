/* The action's input: a PNG or JPEG photograph, base64 in the parameters, as the network sees it. */
#ifndef IMAGE_H
#define IMAGE_H
#include <stddef.h>

/* Decodes base64 text (a JSON string's contents; `\/` escapes allowed, whitespace escapes skipped)
 * into a new buffer. NULL when the text is not base64. */
unsigned char *base64_decode(const char *text, size_t len, size_t *out_len);

/* Decodes an encoded image (stb_image: PNG, JPEG, ...) and prepares it as nsfwjs does: RGB, divided
 * by 255, resized bilinearly with aligned corners to height × width. Returns height × width × 3
 * floats, or NULL with *error set; the source size goes to *source_w, *source_h. */
float *prepare_image(const unsigned char *encoded, size_t len, int height, int width, int *source_w, int *source_h,
                     const char **error);

#endif
