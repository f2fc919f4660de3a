// The c-floor worker: accept, read, answer every complete request in the read batch, write once.
#define _GNU_SOURCE
#include "event_loop.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum {
  IN_CAPACITY = 8192,    // the largest request head accepted (nginx's default header buffer)
  OUT_CAPACITY = 16384,  // the responses of one read batch, written with one write(2)
  MAX_RESPONSE = 256,    // room one response needs; answering pauses (and writes) below it
  MAX_EVENTS = 256,
};

struct connection {
  int fd;
  bool close_after_write;  // Connection: close or a bad request: close once the output is sent
  size_t in_len;
  size_t out_len;
  size_t out_sent;
  char in[IN_CAPACITY];
  char out[OUT_CAPACITY];
};

// The Date header's text, formatted again only when the wall-clock second changes.
static _Thread_local time_t date_second = -1;
static _Thread_local char date_text[32];

static void refresh_date(void) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  if (now.tv_sec == date_second) return;
  date_second = now.tv_sec;
  struct tm tm;
  gmtime_r(&now.tv_sec, &tm);
  // The program never calls setlocale, so %a and %b are the English names IMF-fixdate needs.
  strftime(date_text, sizeof date_text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

static char* put(char* at, const char* text, size_t len) {
  memcpy(at, text, len);
  return at + len;
}

#define PUT_LITERAL(at, literal) put((at), (literal), sizeof(literal) - 1)

static char* put_decimal(char* at, size_t value) {
  char digits[20];
  size_t n = 0;
  do {
    digits[n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n != 0) *at++ = digits[--n];
  return at;
}

// Formats one response into the connection's output buffer (the caller checked the room). Only
// the 200 has a body: an empty one keeps the framing right even for an answer to HEAD.
static void respond(struct connection* c, int status) {
  const char* line = "HTTP/1.1 200 OK\r\n";
  const char* body = status == 200 ? "Hello, World!" : "";
  switch (status) {
    case 400:
      line = "HTTP/1.1 400 Bad Request\r\n";
      break;
    case 404:
      line = "HTTP/1.1 404 Not Found\r\n";
      break;
    case 431:
      line = "HTTP/1.1 431 Request Header Fields Too Large\r\n";
      break;
  }
  size_t body_len = strlen(body);
  char* at = c->out + c->out_len;
  at = put(at, line, strlen(line));
  at = PUT_LITERAL(at, "Server: c-floor\r\nDate: ");
  at = put(at, date_text, strlen(date_text));
  at = PUT_LITERAL(at, "\r\nContent-Type: text/plain\r\nContent-Length: ");
  at = put_decimal(at, body_len);
  if (c->close_after_write) at = PUT_LITERAL(at, "\r\nConnection: close");
  at = PUT_LITERAL(at, "\r\n\r\n");
  at = put(at, body, body_len);
  c->out_len = (size_t)(at - c->out);
}

static bool equals(const char* text, size_t len, const char* literal) {
  return len == strlen(literal) && memcmp(text, literal, len) == 0;
}

static bool equals_ignoring_case(const char* text, size_t len, const char* literal) {
  return len == strlen(literal) && strncasecmp(text, literal, len) == 0;
}

// True if a comma-separated header value holds the token `close`.
static bool lists_close(const char* value, size_t len) {
  const char* end = value + len;
  while (value < end) {
    const char* comma = memchr(value, ',', (size_t)(end - value));
    const char* token_end = comma ? comma : end;
    while (value < token_end && (*value == ' ' || *value == '\t')) value++;
    const char* last = token_end;
    while (last > value && (last[-1] == ' ' || last[-1] == '\t')) last--;
    if (equals_ignoring_case(value, (size_t)(last - value), "close")) return true;
    value = token_end + 1;
  }
  return false;
}

// Answers one request head (it ends with the blank line). Returns the status it answered with.
static int answer_request(struct connection* c, const char* head, size_t len) {
  const char* end = head + len - 2;  // the blank line's CRLF
  const char* line_end = memmem(head, len, "\r\n", 2);
  // Request line: METHOD SP TARGET SP HTTP/1.x, nothing else.
  const char* method = head;
  const char* space1 = memchr(method, ' ', (size_t)(line_end - method));
  const char* target = space1 ? space1 + 1 : NULL;
  const char* space2 = target ? memchr(target, ' ', (size_t)(line_end - target)) : NULL;
  const char* version = space2 ? space2 + 1 : NULL;
  bool http11 = version && equals(version, (size_t)(line_end - version), "HTTP/1.1");
  bool http10 = version && equals(version, (size_t)(line_end - version), "HTTP/1.0");
  if (!(http11 || http10) || space1 == method || *target != '/') return 400;
  // HTTP/1.0 keep-alive is not offered: such a request is answered and the connection closed.
  c->close_after_write = http10;

  for (const char* line = line_end + 2; line < end; line = line_end + 2) {
    line_end = memmem(line, (size_t)(end + 2 - line), "\r\n", 2);
    const char* colon = memchr(line, ':', (size_t)(line_end - line));
    if (!colon || colon == line || *line == ' ' || *line == '\t') return 400;
    size_t name_len = (size_t)(colon - line);
    // The suite sends only GETs; a request with a body is refused rather than skipped.
    if (equals_ignoring_case(line, name_len, "content-length") ||
        equals_ignoring_case(line, name_len, "transfer-encoding")) {
      return 400;
    }
    if (equals_ignoring_case(line, name_len, "connection") &&
        lists_close(colon + 1, (size_t)(line_end - colon - 1))) {
      c->close_after_write = true;
    }
  }
  bool plaintext = equals(method, (size_t)(space1 - method), "GET") &&
                   equals(target, (size_t)(space2 - target), "/plaintext");
  return plaintext ? 200 : 404;
}

// Answers the complete requests at the front of the input while the output has room for one
// more response. Returns true if it stopped for room (requests may be left to answer).
static bool answer_buffered(struct connection* c) {
  size_t start = 0;
  bool out_of_room = false;
  while (!c->close_after_write) {
    if (OUT_CAPACITY - c->out_len < MAX_RESPONSE) {
      out_of_room = true;
      break;
    }
    const char* head = c->in + start;
    size_t available = c->in_len - start;
    const char* blank = memmem(head, available, "\r\n\r\n", 4);
    if (!blank) {
      if (available == IN_CAPACITY) {
        c->close_after_write = true;
        respond(c, 431);
      }
      break;
    }
    size_t len = (size_t)(blank - head) + 4;
    int status = answer_request(c, head, len);
    if (status == 400) c->close_after_write = true;
    respond(c, status);
    start += len;
  }
  c->in_len -= start;
  memmove(c->in, c->in + start, c->in_len);
  return out_of_room;
}

// Writes the pending output. False on a write error; output left over means the socket is full
// and the EPOLLOUT edge will call serve() again.
static bool flush(struct connection* c) {
  while (c->out_sent < c->out_len) {
    ssize_t n = write(c->fd, c->out + c->out_sent, c->out_len - c->out_sent);
    if (n > 0) {
      c->out_sent += (size_t)n;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return n < 0 && errno == EAGAIN;
    }
  }
  c->out_len = c->out_sent = 0;
  return true;
}

// Serves a connection until its socket would block. False when it is to be closed.
static bool serve(struct connection* c) {
  bool drained = false;
  for (;;) {
    // Answer and send what is buffered before reading on, so a client that stops reading
    // stops being read, and pipelined requests get one write.
    bool more;
    do {
      refresh_date();
      more = answer_buffered(c);
      if (!flush(c)) return false;
      if (c->out_len != 0) return true;
    } while (more);
    if (c->close_after_write) return false;
    if (drained) return true;

    size_t room = IN_CAPACITY - c->in_len;
    ssize_t n = read(c->fd, c->in + c->in_len, room);
    if (n == 0) return false;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN;
    }
    c->in_len += (size_t)n;
    // A short read emptied the socket; with edge triggering, new data brings a new event.
    drained = (size_t)n < room;
  }
}

static void close_connection(struct connection* c) {
  close(c->fd);  // also removes it from the epoll set
  free(c);
}

static void accept_all(int epoll_fd, int listen_fd) {
  for (;;) {
    int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // EAGAIN: none left
    }
    // Responses go out as soon as they are written; Nagle would hold a batch's tail.
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct connection* c = malloc(sizeof *c);  // the buffers need no zeroing
    if (!c) {
      close(fd);
      continue;
    }
    c->fd = fd;
    c->close_after_write = false;
    c->in_len = c->out_len = c->out_sent = 0;
    // Both directions edge-triggered, registered once: no epoll_ctl per request.
    struct epoll_event event = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = c};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) < 0) close_connection(c);
  }
}

void run_event_loop(int listen_fd) {
  int epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  // EPOLLEXCLUSIVE: a new connection wakes one worker, not all of them.
  struct epoll_event listen_event = {.events = EPOLLIN | EPOLLET | EPOLLEXCLUSIVE,
                                     .data.ptr = NULL};
  if (epoll_fd < 0 || epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &listen_event) < 0) {
    perror("c-floor: epoll");
    exit(1);
  }
  struct epoll_event events[MAX_EVENTS];
  for (;;) {
    int n = epoll_wait(epoll_fd, events, MAX_EVENTS, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      perror("c-floor: epoll_wait");
      exit(1);
    }
    for (int i = 0; i < n; i++) {
      struct connection* c = events[i].data.ptr;
      if (!c) {
        accept_all(epoll_fd, listen_fd);
      } else if (!serve(c)) {
        close_connection(c);
      }
    }
  }
}
