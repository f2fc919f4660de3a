// One event loop per thread: its own SO_REUSEPORT listening socket, its own epoll set and the
// connections it accepted. Loops share nothing.
#pragma once

#include <sys/epoll.h>

#include <array>
#include <memory>
#include <vector>

#include "connection.h"
#include "http/shared/cpp/http_date.h"
#include "unique_fd.h"

class EventLoop {
 public:
  // Throws std::system_error if the epoll set cannot be made.
  explicit EventLoop(UniqueFd listener);

  // Serves forever; throws std::system_error if epoll_wait fails.
  [[noreturn]] void Run();

 private:
  void AcceptAll();
  void Serve(int fd);

  UniqueFd listener_;
  UniqueFd epoll_;
  benchhttp::DateCache date_;
  std::vector<std::unique_ptr<Connection>> connections_;  // indexed by file descriptor
  std::array<epoll_event, 256> events_{};
};
