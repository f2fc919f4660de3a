#include "settings.h"

#include <arpa/inet.h>
#include <fcntl.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace {

std::string_view Required(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) throw UsageError(std::string(name) + " is unset");
  return text;
}

int Integer(const char* name, int min, int max) {
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

}  // namespace

Settings ReadSettings() {
  Settings settings;
  settings.host = Required("BENCHCTL_HTTP_HOST");
  if (inet_pton(AF_INET, settings.host.c_str(), &settings.address) != 1) {
    throw UsageError("BENCHCTL_HTTP_HOST='" + settings.host + "' is not an IPv4 address");
  }
  settings.port = static_cast<std::uint16_t>(Integer("BENCHCTL_HTTP_PORT", 1, 65535));
  settings.threads = Integer("BENCHCTL_HTTP_THREADS", 1, 1024);
  settings.ready_fd = Integer("BENCHCTL_FD", 0, 1 << 30);
  if (fcntl(settings.ready_fd, F_GETFD) < 0) {
    throw UsageError("BENCHCTL_FD=" + std::to_string(settings.ready_fd) +
                     " is not an open file descriptor");
  }
  return settings;
}
