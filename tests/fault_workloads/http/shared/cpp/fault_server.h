// A small correct HTTP/1.1 plaintext server (workloads/http/SPEC.md) with one switch per fault,
// so each broken http workload differs from the correct one (cpp-good) in exactly one way.
// One edge-triggered epoll loop per BENCHCTL_HTTP_THREADS, all sharing one listening socket.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "http/shared/cpp/http_request.h"

namespace fault_http {

// One member per fault. A default-constructed Faults is the correct server.
struct Faults {
  bool date_frozen = false;                 // Date formatted once at start and never refreshed.
  int date_offset_seconds = 0;              // Added to the clock before Date is formatted.
  std::string_view body = "Hello, World!";  // The body of GET /plaintext.
  bool first_request_only = false;          // Answer one request per read, drop the rest.
  std::uint64_t abort_after_responses = 0;  // abort() once this many were sent; 0 = never.
  bool write_ready_line = true;             // false: listen but never say so.
  bool bind_wildcard = false;               // Bind 0.0.0.0 instead of BENCHCTL_HTTP_HOST.
  bool abort_on_garbage = false;            // abort() on a request line that is not HTTP.
  bool ignore_sigterm = false;              // SIGTERM ignored: only SIGKILL stops it.
  // GET /plaintext answered 503 once this many responses were sent; 0 = never.
  std::uint64_t unavailable_after_responses = 0;
};

namespace detail {

struct Config {
  std::string host;
  int port = 0;
  int threads = 0;
  int ready_fd = -1;
};

// SPEC: a missing or invalid setting is named on stderr and the exit status is 2.
[[noreturn]] inline void ConfigError(const char* tag, const std::string& what) {
  std::fprintf(stderr, "%s: %s\n", tag, what.c_str());
  std::exit(2);
}

inline long IntEnv(const char* tag, const char* name, long min, long max) {
  const char* text = std::getenv(name);
  if (text == nullptr) ConfigError(tag, std::string(name) + " is not set");
  long value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || text == end || value < min || value > max) {
    ConfigError(tag, std::string(name) + "=\"" + text + "\" is not an integer in [" +
                         std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return value;
}

inline Config ReadConfig(const char* tag) {
  Config c;
  const char* host = std::getenv("BENCHCTL_HTTP_HOST");
  if (host == nullptr) ConfigError(tag, "BENCHCTL_HTTP_HOST is not set");
  in_addr unused{};
  if (inet_pton(AF_INET, host, &unused) != 1) {
    ConfigError(tag, std::string("BENCHCTL_HTTP_HOST=\"") + host + "\" is not an IPv4 address");
  }
  c.host = host;
  c.port = static_cast<int>(IntEnv(tag, "BENCHCTL_HTTP_PORT", 1, 65535));
  c.threads = static_cast<int>(IntEnv(tag, "BENCHCTL_HTTP_THREADS", 1, 1024));
  c.ready_fd = static_cast<int>(IntEnv(tag, "BENCHCTL_FD", 0, 1 << 20));
  if (fcntl(c.ready_fd, F_GETFD) == -1) {
    ConfigError(tag, "BENCHCTL_FD=" + std::to_string(c.ready_fd) + " is not an open descriptor");
  }
  return c;
}

// Creates $BENCHCTL_FAULT_PIDDIR/<tag>.<pid> so a test can look for survivors.
inline void AnnouncePid(const char* tag) {
  const char* dir = std::getenv("BENCHCTL_FAULT_PIDDIR");
  if (dir == nullptr) return;
  const std::string path = std::string(dir) + "/" + tag + "." + std::to_string(getpid());
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) close(fd);
}

// SPEC: a failed bind names the address and the reason on stderr, exit status 1.
inline int Listen(const char* tag, const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    std::fprintf(stderr, "%s: socket for %s: %s\n", tag, where.c_str(), std::strerror(errno));
    std::exit(1);
  }
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(fd, 4096) != 0) {
    std::fprintf(stderr, "%s: cannot listen on %s: %s\n", tag, where.c_str(), std::strerror(errno));
    std::exit(1);
  }
  return fd;
}

// The Date header text, reformatted only when the second changes (SPEC allows a per-second
// cache; formatting per request would cost more than the rest of the response).
class DateCache {
 public:
  // `start` is the process's start second, the one a frozen Date keeps showing in every loop.
  DateCache(const Faults& faults, std::time_t start) : faults_(faults) { Show(start); }

  void Refresh() {
    if (faults_.date_frozen) return;
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    Show(now.tv_sec);
  }

  std::string_view Text() const { return {text_, text_len_}; }

 private:
  void Show(std::time_t now) {
    const std::time_t second = now + faults_.date_offset_seconds;
    if (second == shown_) return;
    tm parts{};
    gmtime_r(&second, &parts);
    // The C locale is never changed, so %a and %b are the English names IMF-fixdate needs.
    text_len_ = std::strftime(text_, sizeof text_, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    shown_ = second;
  }

  const Faults& faults_;
  std::time_t shown_ = -1;
  char text_[64] = {};
  std::size_t text_len_ = 0;
};

struct Connection {
  int fd = -1;
  std::string in;        // Received bytes not yet parsed into a whole request.
  std::string out;       // Responses not yet written.
  bool closing = false;  // Close once `out` is written; read nothing more.
};

// One epoll loop: accepts from the shared listening socket and serves its connections.
class Loop {
 public:
  Loop(const char* tag, const Faults& faults, std::time_t start, int listen_fd,
       std::atomic<std::uint64_t>& sent)
      : tag_(tag), faults_(faults), listen_fd_(listen_fd), sent_(sent), date_(faults, start) {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    // EPOLLEXCLUSIVE: one new connection wakes one loop, not all of them.
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;
    ev.data.ptr = nullptr;
    if (epoll_fd_ < 0 || epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev) != 0) {
      std::fprintf(stderr, "%s: epoll: %s\n", tag_, std::strerror(errno));
      std::exit(1);
    }
  }

  [[noreturn]] void Run() {
    epoll_event events[256];
    for (;;) {
      const int n = epoll_wait(epoll_fd_, events, 256, -1);
      date_.Refresh();
      for (int i = 0; i < n; ++i) {
        if (events[i].data.ptr == nullptr) {
          Accept();
        } else {
          Serve(static_cast<Connection*>(events[i].data.ptr));
        }
      }
    }
  }

 private:
  enum class Flushed { kDone, kPending, kClosed };

  void Accept() {
    for (;;) {
      const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN: another loop took it, or none left.
      const int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto* c = new Connection;
      c->fd = fd;
      epoll_event ev{};
      // Edge-triggered for reading and writing: Serve() reads and writes until EAGAIN.
      ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
      ev.data.ptr = c;
      if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) Close(c);
    }
  }

  void Serve(Connection* c) {
    for (;;) {
      if (Flush(c) != Flushed::kDone) return;  // Closed, or EPOLLOUT will bring us back.
      if (faults_.abort_after_responses != 0 &&
          sent_.load(std::memory_order_relaxed) >= faults_.abort_after_responses) {
        std::fprintf(stderr, "%s: aborting after %llu responses (deliberate fault)\n", tag_,
                     static_cast<unsigned long long>(faults_.abort_after_responses));
        std::abort();
      }
      if (c->closing) {
        Close(c);
        return;
      }
      const ssize_t n = recv(c->fd, buffer_, sizeof buffer_, 0);
      if (n > 0) {
        c->in.append(buffer_, static_cast<std::size_t>(n));
        Parse(c);
      } else if (n == 0) {
        c->closing = true;  // The peer is done sending; answer what it sent, then close.
      } else if (errno != EINTR) {
        if (errno != EAGAIN) Close(c);
        return;
      }
    }
  }

  Flushed Flush(Connection* c) {
    std::size_t done = 0;
    while (done < c->out.size()) {
      const ssize_t n = send(c->fd, c->out.data() + done, c->out.size() - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (errno == EAGAIN) {
        c->out.erase(0, done);
        return Flushed::kPending;
      } else if (errno != EINTR) {
        Close(c);
        return Flushed::kClosed;
      }
    }
    c->out.clear();
    return Flushed::kDone;
  }

  // Answers every whole request in c->in, in order; keeps an incomplete one for the next read.
  void Parse(Connection* c) {
    std::size_t pos = 0;
    while (!c->closing) {
      // RFC 9112 §2.2: empty lines before a request line are ignored.
      while (c->in.compare(pos, 2, "\r\n") == 0) pos += 2;
      std::string_view rest(c->in);
      rest.remove_prefix(pos);
      const std::size_t line_end = rest.find("\r\n");
      if (line_end == std::string_view::npos) {
        if (rest.size() > kMaxHead) BadRequest(c, /*request_line=*/true);
        break;
      }
      Request r;
      bool http10 = false;
      if (!ParseRequestLine(rest.substr(0, line_end), r, http10)) {
        BadRequest(c, /*request_line=*/true);
        break;
      }
      const std::size_t head_end = rest.find("\r\n\r\n");
      if (head_end == std::string_view::npos || head_end > kMaxHead) {
        if (rest.size() > kMaxHead) BadRequest(c, /*request_line=*/false);
        break;
      }
      const std::string_view headers = rest.substr(line_end + 2, head_end - line_end);
      if (!ParseHeaders(headers, r, http10)) {
        BadRequest(c, /*request_line=*/false);
        break;
      }
      const std::size_t total = head_end + 4 + r.content_length;
      if (rest.size() < total) break;  // The body has not all arrived; it is skipped unread.
      Answer(c, r);
      pos += total;
      if (!r.keep_alive) c->closing = true;
      if (faults_.first_request_only) {
        pos = c->in.size();  // Deliberate fault: the rest of a pipelined batch is dropped.
        break;
      }
    }
    c->in.erase(0, pos);
  }

  void Answer(Connection* c, const Request& r) {
    const bool close = !r.keep_alive;
    if (r.method != "GET") {
      Append(c, "405 Method Not Allowed", "Allow: GET\r\n", "Method Not Allowed", close);
    } else if (r.target == "/plaintext" || r.target.starts_with("/plaintext?")) {
      if (faults_.unavailable_after_responses != 0 &&
          sent_.load(std::memory_order_relaxed) >= faults_.unavailable_after_responses) {
        Append(c, "503 Service Unavailable", "", "Busy", close);
      } else {
        Append(c, "200 OK", "", faults_.body, close);
      }
    } else {
      Append(c, "404 Not Found", "", "Not Found", close);
    }
  }

  // SPEC: garbage gets a 4xx (or a close), never a crash; this one answers 400 and closes.
  void BadRequest(Connection* c, bool request_line) {
    if (request_line && faults_.abort_on_garbage) {
      std::fprintf(stderr, "%s: aborting on a request line that is not HTTP (deliberate fault)\n",
                   tag_);
      std::abort();
    }
    Append(c, "400 Bad Request", "", "Bad Request", /*close=*/true);
    c->closing = true;
  }

  // Writes one response into the connection's output: status line, headers and body per
  // request (SPEC: no pre-rendered response; only the Date text is cached).
  void Append(Connection* c, std::string_view status, std::string_view extra_headers,
              std::string_view body, bool close) {
    char length[24];
    const auto [end, ec] = std::to_chars(length, length + sizeof length, body.size());
    std::string& out = c->out;
    out += "HTTP/1.1 ";
    out += status;
    out += "\r\nServer: fault-test\r\nDate: ";
    out += date_.Text();
    out += "\r\nContent-Type: text/plain\r\nContent-Length: ";
    out.append(length, end);
    out += "\r\n";
    out += extra_headers;
    if (close) out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    sent_.fetch_add(1, std::memory_order_relaxed);
  }

  void Close(Connection* c) {
    close(c->fd);  // Also removes it from the epoll set (no other descriptor refers to it).
    delete c;
  }

  const char* tag_;
  const Faults& faults_;
  const int listen_fd_;
  std::atomic<std::uint64_t>& sent_;
  DateCache date_;
  int epoll_fd_ = -1;
  char buffer_[65536];
};

}  // namespace detail

// Runs the server named `tag` (its folder name) with the given faults; never returns.
[[noreturn]] inline void Run(const char* tag, const Faults& faults) {
  const std::time_t start = std::time(nullptr);
  detail::AnnouncePid(tag);
  const detail::Config config = detail::ReadConfig(tag);
  // A parent that ignored SIGTERM would pass that on through exec; the SPEC wants it to stop us.
  std::signal(SIGTERM, faults.ignore_sigterm ? SIG_IGN : SIG_DFL);
  std::signal(SIGPIPE, SIG_IGN);  // A closed protocol pipe is an error to report, not a death.

  const std::string host = faults.bind_wildcard ? "0.0.0.0" : config.host;
  const int listen_fd = detail::Listen(tag, host, config.port);
  static std::atomic<std::uint64_t> sent{0};
  std::vector<std::unique_ptr<detail::Loop>> loops;
  for (int i = 0; i < config.threads; ++i) {
    loops.push_back(std::make_unique<detail::Loop>(tag, faults, start, listen_fd, sent));
  }
  for (int i = 1; i < config.threads; ++i) {
    std::thread([loop = loops[i].get()] { loop->Run(); }).detach();
  }

  if (faults.write_ready_line) {
    char line[96];
    const int len =
        std::snprintf(line, sizeof line, "{\"type\":\"ready\",\"port\":%d,\"threads\":%d}\n",
                      config.port, config.threads);
    // SPEC: one write(2), so the line arrives whole.
    if (write(config.ready_fd, line, static_cast<std::size_t>(len)) != len) {
      std::fprintf(stderr, "%s: writing the ready line to BENCHCTL_FD=%d: %s\n", tag,
                   config.ready_fd, std::strerror(errno));
      std::exit(1);
    }
  }
  loops[0]->Run();
}

}  // namespace fault_http
