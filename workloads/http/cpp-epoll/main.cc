// cpp-epoll: the http suite's strong C++ server (workloads/http/SPEC.md). One event loop per
// BENCHCTL_HTTP_THREADS, each on its own thread with its own SO_REUSEPORT listening socket.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "event_loop.h"
#include "listeners.h"
#include "settings.h"

namespace {

[[noreturn]] void RunLoop(UniqueFd listener) {
  try {
    EventLoop(std::move(listener)).Run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    std::_Exit(1);  // the other loops cannot go on cleanly either
  }
}

void WriteReadyLine(const Settings& settings) {
  const std::string line = R"({"type":"ready","port":)" + std::to_string(settings.port) +
                           R"(,"threads":)" + std::to_string(settings.threads) + "}\n";
  if (::write(settings.ready_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    throw std::system_error(
        errno, std::generic_category(),
        "cannot write the ready line to BENCHCTL_FD=" + std::to_string(settings.ready_fd));
  }
}

}  // namespace

int main() {
  try {
    const Settings settings = ReadSettings();
    std::vector<UniqueFd> listeners = OpenListeners(settings);
    // The main thread runs the first loop; the others get a thread each.
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < listeners.size(); ++i) {
      threads.emplace_back(
          [listener = std::move(listeners[i])]() mutable { RunLoop(std::move(listener)); });
    }
    WriteReadyLine(settings);
    RunLoop(std::move(listeners[0]));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    return 1;
  }
}
