/* owbench's action-loop proxy (the PID 1 of a blackbox container): shared declarations. */
#ifndef OWBENCH_PROXY_H
#define OWBENCH_PROXY_H
#include <stddef.h>

#define EXEC_PATH "/action/exec"
#define GUARD "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"

typedef struct { char *data; size_t len, cap; } buf;
void add(buf *b, const char *p, size_t n);
void take(buf *b, size_t n);
void write_all(int fd, const char *p, size_t n);

int action_start(void);
int action_running(void);
void action_send(const char *line, size_t len);
/* The executable's next line on fd 3 (malloc'ed), or NULL when it closed fd 3 (it died). */
char *action_await_answer(void);
void action_end_activation(void);
int action_oom_killed(void);

typedef struct {
  const char *start;
  const char *end;
} json_span;

const char *json_skip(const char *p, const char *end);
const char *json_next_member(const char *p, const char *end, json_span *key, json_span *value);
int json_find(json_span object, const char *name, json_span *value);
char *json_text(json_span value);

/* Decodes base64 in place; returns the decoded length. */
size_t base64_decode(char *text, size_t len);
/* Writes the executable the code carries (an ELF, a script, or a zip holding `exec`) to path.
 * Returns NULL on success, else why not. */
const char *write_executable(const char *code, size_t len, const char *path);
#endif
