#include "event_loop.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <span>
#include <system_error>

namespace {

void Add(int epoll, int fd, std::uint32_t events) {
  epoll_event event{};
  event.events = events;
  event.data.fd = fd;
  if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
}

}  // namespace

EventLoop::EventLoop(UniqueFd listener)
    : listener_(std::move(listener)), epoll_(epoll_create1(EPOLL_CLOEXEC)) {
  if (!epoll_) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  Add(epoll_.get(), listener_.get(), EPOLLIN | EPOLLET);
}

void EventLoop::Run() {
  for (;;) {
    const int ready =
        epoll_wait(epoll_.get(), events_.data(), static_cast<int>(events_.size()), -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "epoll_wait");
    }
    for (const epoll_event& event : std::span(events_.data(), static_cast<std::size_t>(ready))) {
      if (event.data.fd == listener_.get()) {
        AcceptAll();
      } else {
        Serve(event.data.fd);
      }
    }
  }
}

void EventLoop::AcceptAll() {
  for (;;) {
    UniqueFd socket(accept4(listener_.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (!socket) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // EAGAIN: none left
    }
    // Responses go out as soon as they are sent; Nagle would hold a pipelined batch's tail.
    const int on = 1;
    setsockopt(socket.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    const int fd = socket.get();
    if (static_cast<std::size_t>(fd) >= connections_.size()) connections_.resize(fd + 1);
    connections_[fd] = std::make_unique<Connection>(std::move(socket));
    // Both directions edge-triggered and registered once: no epoll_ctl per request.
    try {
      Add(epoll_.get(), fd, EPOLLIN | EPOLLOUT | EPOLLET);
    } catch (const std::system_error&) {
      connections_[fd].reset();
    }
  }
}

void EventLoop::Serve(int fd) {
  std::unique_ptr<Connection>& connection = connections_[fd];
  // Closing the socket (the Connection's destructor) also takes it out of the epoll set.
  if (connection && !connection->Serve(date_)) connection.reset();
}
