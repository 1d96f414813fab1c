/* The action's executable, as the action loop runs it: started once with __OW_WAIT_FOR_ACK=1,
 * its answers read line by line from its fd 3, its stdout and stderr passed on line by line
 * (leaving out any sentinel it writes itself), each activation's output ended by the sentinels. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "proxy.h"

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
char *action_await_answer(void) {
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
void action_end_activation(void) {
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
int action_oom_killed(void) {
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

int action_start(void) {
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

int action_running(void) { return action.pid > 0; }

void action_send(const char *line, size_t len) { write_all(action.in, line, len); }
