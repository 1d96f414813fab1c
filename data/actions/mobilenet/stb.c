/* stb_image from Debian's libstb-dev (/usr/include/stb), compiled into the action for both targets. */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_NO_THREAD_LOCALS /* wasm32-wasi has no threads */
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#include <stb_image.h>
