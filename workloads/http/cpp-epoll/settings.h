// The server's settings from the BENCHCTL_* environment (workloads/http/SPEC.md).
#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <stdexcept>
#include <string>

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

// Reads BENCHCTL_HTTP_HOST, BENCHCTL_HTTP_PORT, BENCHCTL_HTTP_THREADS and BENCHCTL_FD; throws
// UsageError.
Settings ReadSettings();
