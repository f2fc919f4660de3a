// c-floor: the http suite's reference row (workloads/http/SPEC.md), the least a correct HTTP/1.1
// plaintext server does. This file reads the BENCHCTL_* settings, opens the listening socket,
// starts the workers and writes the ready line.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "event_loop.h"

// Reads a decimal setting in [min, max]; a missing or malformed one is a usage error (exit 2).
static long setting(const char* name, long min, long max) {
  const char* text = getenv(name);
  if (!text) {
    fprintf(stderr, "c-floor: %s is unset\n", name);
    exit(2);
  }
  char* end;
  errno = 0;
  long value = strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < min || value > max) {
    fprintf(stderr, "c-floor: %s='%s' is not an integer in [%ld, %ld]\n", name, text, min, max);
    exit(2);
  }
  return value;
}

// One listening socket shared by every worker, each waiting on it with EPOLLEXCLUSIVE. A
// single socket keeps the bind exclusive: a second server on the port fails here with
// EADDRINUSE, which per-worker SO_REUSEPORT sockets would hide by joining the first's group.
static int listen_on(const char* host, struct in_addr address, long port) {
  struct sockaddr_in endpoint = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  endpoint.sin_addr = address;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
      bind(fd, (struct sockaddr*)&endpoint, sizeof endpoint) < 0 || listen(fd, SOMAXCONN) < 0) {
    fprintf(stderr, "c-floor: cannot listen on %s:%ld: %s\n", host, port, strerror(errno));
    exit(1);
  }
  return fd;
}

static void* worker(void* listen_fd) {
  run_event_loop((int)(intptr_t)listen_fd);
  return NULL;
}

int main(void) {
  const char* host = getenv("BENCHCTL_HTTP_HOST");
  struct in_addr address;
  if (!host) {
    fprintf(stderr, "c-floor: BENCHCTL_HTTP_HOST is unset\n");
    exit(2);
  }
  if (inet_pton(AF_INET, host, &address) != 1) {
    fprintf(stderr, "c-floor: BENCHCTL_HTTP_HOST='%s' is not an IPv4 address\n", host);
    exit(2);
  }
  long port = setting("BENCHCTL_HTTP_PORT", 1, 65535);
  long threads = setting("BENCHCTL_HTTP_THREADS", 1, 1024);
  long ready_fd = setting("BENCHCTL_FD", 0, INT_MAX);
  if (fcntl((int)ready_fd, F_GETFD) < 0) {
    fprintf(stderr, "c-floor: BENCHCTL_FD=%ld is not an open file descriptor\n", ready_fd);
    exit(2);
  }
  // A peer that closes early makes write(2) fail with EPIPE instead of killing the server.
  signal(SIGPIPE, SIG_IGN);

  int listen_fd = listen_on(host, address, port);
  // The main thread is the first worker; threads - 1 more run beside it.
  for (long i = 1; i < threads; i++) {
    pthread_t thread;
    int error = pthread_create(&thread, NULL, worker, (void*)(intptr_t)listen_fd);
    if (error != 0) {
      fprintf(stderr, "c-floor: cannot start worker %ld: %s\n", i, strerror(error));
      exit(1);
    }
  }
  char ready[96];
  int len = snprintf(ready, sizeof ready, "{\"type\":\"ready\",\"port\":%ld,\"threads\":%ld}\n",
                     port, threads);
  if (write((int)ready_fd, ready, (size_t)len) != len) {
    fprintf(stderr, "c-floor: cannot write the ready line to BENCHCTL_FD=%ld: %s\n", ready_fd,
            strerror(errno));
    exit(1);
  }
  run_event_loop(listen_fd);
}
