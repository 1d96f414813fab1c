/* Does nothing. Natively it reports its process id, so a caller can see warm reuse. */
#include "owaction.h"
#ifndef __wasi__
#include <unistd.h>
#endif

int action_main(const char *params, size_t len, owbuf *result) {
  (void)params;
  (void)len;
#ifdef __wasi__
  ow_printf(result, "{\"ok\":true}");
#else
  ow_printf(result, "{\"ok\":true,\"pid\":%d}", (int)getpid());
#endif
  return 0;
}
