#include "listeners.h"

#include <sys/socket.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace {

[[noreturn]] void Fail(const benchhttp::Settings& settings) {
  throw std::system_error(
      errno, std::generic_category(),
      "cannot listen on " + settings.host + ":" + std::to_string(settings.port));
}

UniqueFd Bind(const benchhttp::Settings& settings, bool reuse_port) {
  sockaddr_in endpoint{};
  endpoint.sin_family = AF_INET;
  endpoint.sin_port = htons(settings.port);
  endpoint.sin_addr = settings.address;
  UniqueFd socket(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  const int on = 1;
  if (!socket || setsockopt(socket.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
      (reuse_port && setsockopt(socket.get(), SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0) ||
      bind(socket.get(), reinterpret_cast<const sockaddr*>(&endpoint), sizeof endpoint) != 0) {
    Fail(settings);
  }
  return socket;
}

}  // namespace

std::vector<UniqueFd> OpenListeners(const benchhttp::Settings& settings) {
  // SO_REUSEPORT would also let a second server of the same user join this port without an
  // error. A bind without it fails with EADDRINUSE if anyone holds the port; that socket is
  // closed (it never listened) before the shared ones are bound.
  Bind(settings, /*reuse_port=*/false);
  std::vector<UniqueFd> listeners;
  for (int i = 0; i < settings.threads; ++i) {
    listeners.push_back(Bind(settings, /*reuse_port=*/true));
    if (listen(listeners.back().get(), SOMAXCONN) != 0) Fail(settings);
  }
  return listeners;
}
