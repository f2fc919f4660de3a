// The C++ http servers' settings from the BENCHCTL_* environment and their ready line
// (workloads/http/SPEC.md, "How benchctl runs a server").
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace benchhttp {

// A missing or malformed setting: the message names the variable; the process exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Settings {
  std::string host;  // as given, for messages
  in_addr address{};
  std::uint16_t port = 0;
  int threads = 1;
  int ready_fd = -1;  // the protocol pipe
};

namespace detail {

inline std::string_view Required(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) throw UsageError(std::string(name) + " is unset");
  return text;
}

inline int Integer(const char* name, int min, int max) {
  const std::string_view text = Required(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    throw UsageError(std::string(name) + "='" + std::string(text) + "' is not an integer in [" +
                     std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return value;
}

}  // namespace detail

// Reads BENCHCTL_HTTP_HOST, BENCHCTL_HTTP_PORT, BENCHCTL_HTTP_THREADS and BENCHCTL_FD; throws
// UsageError.
inline Settings ReadSettings() {
  Settings settings;
  settings.host = detail::Required("BENCHCTL_HTTP_HOST");
  if (inet_pton(AF_INET, settings.host.c_str(), &settings.address) != 1) {
    throw UsageError("BENCHCTL_HTTP_HOST='" + settings.host + "' is not an IPv4 address");
  }
  settings.port = static_cast<std::uint16_t>(detail::Integer("BENCHCTL_HTTP_PORT", 1, 65535));
  settings.threads = detail::Integer("BENCHCTL_HTTP_THREADS", 1, 1024);
  settings.ready_fd = detail::Integer("BENCHCTL_FD", 0, 1 << 30);
  if (fcntl(settings.ready_fd, F_GETFD) < 0) {
    throw UsageError("BENCHCTL_FD=" + std::to_string(settings.ready_fd) +
                     " is not an open file descriptor");
  }
  return settings;
}

// Writes {"type":"ready","port":P,"threads":T} and a newline with one write(2); throws
// std::system_error.
inline void WriteReadyLine(const Settings& settings) {
  const std::string line = R"({"type":"ready","port":)" + std::to_string(settings.port) +
                           R"(,"threads":)" + std::to_string(settings.threads) + "}\n";
  if (::write(settings.ready_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    throw std::system_error(
        errno, std::generic_category(),
        "cannot write the ready line to BENCHCTL_FD=" + std::to_string(settings.ready_fd));
  }
}

}  // namespace benchhttp
