/* owbench's action-loop proxy: the PID 1 of a blackbox container, as openwhisk-runtime-go is for
 * OpenWhisk's native actions. It answers HTTP POST /init and /run on a unix socket in the folder
 * the server bind-mounts (no TCP port; the container has no network). /init saves the action's
 * executable as /action/exec (unless the image already has one), starts it with
 * __OW_WAIT_FOR_ACK=1 and waits for {"ok":true} on its fd 3; each /run writes the body as one line
 * to its stdin and answers the line it writes to fd 3. The executable's stdout and stderr pass
 * through this proxy, which ends each activation's output with OpenWhisk's sentinel line
 * (action.c runs the executable, code.c unpacks it, json.c reads the requests, buf.c buffers). */
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

#define MAX_HEAD 65536

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

#define EXITED(reply) (action_oom_killed() ? (add(reply, OOM_ERROR, strlen(OOM_ERROR)), 502) : (add(reply, EXIT_ERROR, strlen(EXIT_ERROR)), 502))
#define OOM_ERROR "{\"error\":\"The action exhausted its memory and was aborted.\"}"
#define EXIT_ERROR "{\"error\":\"The action did not produce a valid response and exited unexpectedly.\"}"

static int init(buf *body, buf *reply) {
#define ANSWER(status, text) do { add(reply, text, strlen(text)); return status; } while (0)
  if (action_running()) ANSWER(403, "{\"error\":\"Cannot initialize the action more than once.\"}");
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
  if (access(EXEC_PATH, X_OK) != 0 || action_start() != 0)
    ANSWER(502, "{\"error\":\"The action failed to generate or locate a binary. See logs for details.\"}");
  char *ack = action_await_answer();
  json_span ok = {0, 0}, parsed = {ack, ack ? ack + strlen(ack) : NULL};
  int acked = ack && json_find(parsed, "ok", &ok) && strncmp(ok.start, "true", 4) == 0;
  free(ack);
  if (!ack && action_oom_killed()) return EXITED(reply);
  if (!ack) ANSWER(502, "{\"error\":\"Command exited abruptly during initialization.\"}");
  if (!acked) ANSWER(502, "{\"error\":\"The action did not initialize properly.\"}");
  ANSWER(200, "{\"ok\":true}");
}

static int run(buf *body, buf *reply) {
  if (!action_running()) ANSWER(403, "{\"error\":\"System not initialized.\"}");
  for (size_t i = 0; i < body->len; i++) if (body->data[i] == '\n' || body->data[i] == '\r') body->data[i] = ' ';
  add(body, "\n", 1);
  action_send(body->data, body->len);
  char *line = action_await_answer();
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
      action_end_activation();
    } else if (path && strcmp(path, "/run") == 0) {
      status = run(&body, &reply);
      action_end_activation();
    } else {
      add(&reply, "{\"error\":\"Not found.\"}", 22);
    }
    if (path) respond(client, status, &reply);
    close(client);
    free(body.data);
    free(reply.data);
  }
}
