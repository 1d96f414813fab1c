/* owbench's action-loop proxy: the PID 1 of a blackbox container, as openwhisk-runtime-go is for
 * OpenWhisk's native actions. It answers HTTP POST /init and /run on a unix socket in the folder
 * the server bind-mounts (no TCP port; the container has no network). /init saves the action's
 * executable as /action/exec (unless the image already has one), starts it with
 * __OW_WAIT_FOR_ACK=1 and waits for {"ok":true} on its fd 3; each /run writes the body as one line
 * to its stdin and answers the line it writes to fd 3. The executable's stdout and stderr pass
 * through this proxy, which ends each activation's output with OpenWhisk's sentinel line. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "proxy.h"

#define EXEC_PATH "/action/exec"
#define GUARD "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"
#define MAX_HEAD 65536

typedef struct { char *data; size_t len, cap; } buf;

static void add(buf *b, const char *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data) _exit(70);
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = 0;
}

static void take(buf *b, size_t n) {
  memmove(b->data, b->data + n, b->len - n);
  b->len -= n;
}

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    p += w;
    n -= (size_t)w;
  }
}

/* The running executable: its stdin, its result pipe (fd 3) and its two output pipes. */
static struct { pid_t pid; int in, result, out[2]; buf answer, pending[2]; } action = {0, -1, -1, {-1, -1}, {0}, {{0}, {0}}};

/* Passes complete output lines on to our stdout/stderr, leaving out sentinels the action wrote. */
static void forward(int stream, int flush) {
  char chunk[65536];
  ssize_t n = read(action.out[stream], chunk, sizeof chunk);
  if (n > 0) add(&action.pending[stream], chunk, (size_t)n);
  else if (n == 0 || (errno != EINTR && errno != EAGAIN)) { close(action.out[stream]); action.out[stream] = -1; }
  buf *b = &action.pending[stream];
  char *nl;
  while (b->len > 0 && (nl = memchr(b->data, '\n', b->len)) != NULL) {
    size_t line = (size_t)(nl - b->data);
    if (!(line == strlen(GUARD) && memcmp(b->data, GUARD, line) == 0)) write_all(1 + stream, b->data, line + 1);
    take(b, line + 1);
  }
  if (flush && b->len > 0) {
    write_all(1 + stream, b->data, b->len);
    write_all(1 + stream, "\n", 1);
    b->len = 0;
  }
}

/* Forwards output until the executable writes a whole line on fd 3; NULL when it closed fd 3. */
static char *await_answer(void) {
  for (;;) {
    char *nl = action.answer.len ? memchr(action.answer.data, '\n', action.answer.len) : NULL;
    if (nl) {
      char *line = strndup(action.answer.data, (size_t)(nl - action.answer.data));
      take(&action.answer, (size_t)(nl - action.answer.data) + 1);
      return line;
    }
    if (action.result < 0) return NULL;
    struct pollfd fds[3] = {{action.result, POLLIN, 0}, {action.out[0], POLLIN, 0}, {action.out[1], POLLIN, 0}};
    if (poll(fds, 3, -1) < 0) continue;
    for (int s = 0; s < 2; s++) if (fds[1 + s].revents) forward(s, 0);
    if (fds[0].revents) {
      char chunk[65536];
      ssize_t n = read(action.result, chunk, sizeof chunk);
      if (n > 0) add(&action.answer, chunk, (size_t)n);
      else if (n == 0 || errno != EINTR) { close(action.result); action.result = -1; }
    }
  }
}

/* After an answer: what the action wrote before it is in the pipes; pass it on, then the sentinels. */
static void end_activation(void) {
  for (int round = 0; round < 256; round++) {
    struct pollfd fds[2] = {{action.out[0], POLLIN, 0}, {action.out[1], POLLIN, 0}};
    if (poll(fds, 2, 0) <= 0) break;
    for (int s = 0; s < 2; s++) if (fds[s].revents) forward(s, 0);
  }
  for (int s = 0; s < 2; s++) {
    if (action.out[s] >= 0 || action.pending[s].len) forward(s, 1);
    write_all(1 + s, GUARD "\n", strlen(GUARD) + 1);
  }
}

/* The kernel killed a process of this container for memory (cgroup v1 oom_control, v2 memory.events). */
static int oom_killed(void) {
  const char *files[] = {"/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"};
  for (size_t i = 0; i < 2; i++) {
    FILE *file = fopen(files[i], "r");
    if (!file) continue;
    char key[64];
    unsigned long count;
    int found = 0;
    while (fscanf(file, "%63s %lu", key, &count) == 2) if (strcmp(key, "oom_kill") == 0) found = count > 0;
    fclose(file);
    return found;
  }
  return 0;
}

#define EXITED(reply) (oom_killed() ? (add(reply, OOM_ERROR, strlen(OOM_ERROR)), 502) : (add(reply, EXIT_ERROR, strlen(EXIT_ERROR)), 502))
#define OOM_ERROR "{\"error\":\"The action exhausted its memory and was aborted.\"}"
#define EXIT_ERROR "{\"error\":\"The action did not produce a valid response and exited unexpectedly.\"}"

static int start_action(void) {
  int in[2], result[2], out[2], err[2];
  if (pipe(in) || pipe(result) || pipe(out) || pipe(err)) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    dup2(result[1], 3);
    for (int fd = 4; fd < 1024; fd++) close(fd);
    setenv("__OW_WAIT_FOR_ACK", "1", 1);
    execl(EXEC_PATH, EXEC_PATH, (char *)NULL);
    _exit(127);
  }
  close(in[0]); close(result[1]); close(out[1]); close(err[1]);
  action.pid = pid;
  action.in = in[1];
  action.result = result[0];
  action.out[0] = out[0];
  action.out[1] = err[0];
  fcntl(out[0], F_SETFL, O_NONBLOCK); /* drained with poll + read; an idle pipe must not block */
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  return 0;
}

static void set_env(json_span env) {
  json_span key, value;
  const char *p = env.start;
  while ((p = json_next_member(p, env.end, &key, &value)) != NULL) {
    char *name = json_text(key), *text = json_text(value);
    if (name && text) setenv(name, text, 1);
    free(name);
    free(text);
  }
}

static int init(buf *body, buf *reply) {
#define ANSWER(status, text) do { add(reply, text, strlen(text)); return status; } while (0)
  if (action.pid > 0) ANSWER(403, "{\"error\":\"Cannot initialize the action more than once.\"}");
  json_span root = {body->data, body->data + body->len}, value, field;
  if (!json_find(root, "value", &value) || *value.start != '{') ANSWER(403, "{\"error\":\"Missing main/no code to execute.\"}");
  if (json_find(value, "env", &field) && *field.start == '{') set_env(field);
  int binary = json_find(value, "binary", &field) && strncmp(field.start, "true", 4) == 0;
  if (json_find(value, "code", &field) && *field.start == '"') {
    char *code = json_text(field);
    size_t len = code ? strlen(code) : 0;
    if (binary) len = base64_decode(code, len);
    const char *why = len > 0 ? write_executable(code, len, EXEC_PATH) : NULL;
    free(code);
    if (why) {
      fprintf(stderr, "%s\n", why);
      ANSWER(502, "{\"error\":\"The action failed to generate or locate a binary. See logs for details.\"}");
    }
    if (len > 0) chmod(EXEC_PATH, 0755);
  }
  if (access(EXEC_PATH, X_OK) != 0 || start_action() != 0)
    ANSWER(502, "{\"error\":\"The action failed to generate or locate a binary. See logs for details.\"}");
  char *ack = await_answer();
  json_span ok = {0, 0}, parsed = {ack, ack ? ack + strlen(ack) : NULL};
  int acked = ack && json_find(parsed, "ok", &ok) && strncmp(ok.start, "true", 4) == 0;
  free(ack);
  if (!ack && oom_killed()) return EXITED(reply);
  if (!ack) ANSWER(502, "{\"error\":\"Command exited abruptly during initialization.\"}");
  if (!acked) ANSWER(502, "{\"error\":\"The action did not initialize properly.\"}");
  ANSWER(200, "{\"ok\":true}");
}

static int run(buf *body, buf *reply) {
  if (action.pid <= 0) ANSWER(403, "{\"error\":\"System not initialized.\"}");
  for (size_t i = 0; i < body->len; i++) if (body->data[i] == '\n' || body->data[i] == '\r') body->data[i] = ' ';
  add(body, "\n", 1);
  write_all(action.in, body->data, body->len);
  char *line = await_answer();
  if (!line) return EXITED(reply);
  const char *p = line;
  while (*p == ' ' || *p == '\t') p++;
  int object = *p == '{' || *p == '[';
  if (object) add(reply, line, strlen(line));
  free(line);
  if (!object) ANSWER(502, "{\"error\":\"The action did not return a dictionary or array.\"}");
  return 200;
#undef ANSWER
}

/* Reads one request; returns its path (static) or NULL. */
static const char *read_request(int fd, buf *body) {
  static char path[64];
  buf head = {0};
  char *end = NULL;
  char chunk[65536];
  while (!end) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0 || head.len + (size_t)n > MAX_HEAD * 16) { free(head.data); return NULL; }
    add(&head, chunk, (size_t)n);
    end = strstr(head.data, "\r\n\r\n");
  }
  size_t header_len = (size_t)(end - head.data) + 4, length = 0;
  char *cl = strcasestr(head.data, "\r\ncontent-length:");
  if (cl && cl < end) length = strtoul(cl + 17, NULL, 10);
  if (sscanf(head.data, "POST %63s HTTP/1.", path) != 1) path[0] = 0;
  add(body, head.data + header_len, head.len - header_len);
  free(head.data);
  while (body->len < length) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) return NULL;
    add(body, chunk, (size_t)n);
  }
  return path;
}

static void respond(int fd, int status, buf *reply) {
  const char *reason = status == 200 ? "OK" : status == 403 ? "Forbidden" : status == 404 ? "Not Found" : "Bad Gateway";
  char head[256];
  int n = snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", status, reason, reply->len);
  write_all(fd, head, (size_t)n);
  write_all(fd, reply->data ? reply->data : "", reply->len);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  signal(SIGCHLD, SIG_IGN); /* PID 1 reaps every orphan, setsid ones included */
  const char *socket_path = getenv("OW_PROXY_SOCKET") ? getenv("OW_PROXY_SOCKET") : "/ow/proxy.sock";
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  strncpy(address.sun_path, socket_path, sizeof address.sun_path - 1);
  int server = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  unlink(socket_path);
  if (server < 0 || bind(server, (struct sockaddr *)&address, sizeof address) != 0 || listen(server, 8) != 0) {
    perror("owbench proxy: cannot listen");
    return 1;
  }
  chmod(socket_path, 0666); /* the folder (0700, the server's) is what keeps others out */
  for (;;) {
    int client = accept4(server, NULL, NULL, SOCK_CLOEXEC);
    if (client < 0) continue;
    buf body = {0}, reply = {0};
    const char *path = read_request(client, &body);
    int status = 404;
    if (path && strcmp(path, "/init") == 0) {
      status = init(&body, &reply);
      end_activation();
    } else if (path && strcmp(path, "/run") == 0) {
      status = run(&body, &reply);
      end_activation();
    } else {
      add(&reply, "{\"error\":\"Not found.\"}", 22);
    }
    if (path) respond(client, status, &reply);
    close(client);
    free(body.data);
    free(reply.data);
  }
}
