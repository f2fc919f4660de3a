// cpp-epoll: the http suite's strong C++ server (workloads/http/SPEC.md). One event loop per
// BENCHCTL_HTTP_THREADS, each on its own thread with its own SO_REUSEPORT listening socket.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

#include "event_loop.h"
#include "http/shared/cpp/server_settings.h"
#include "listeners.h"

namespace {

[[noreturn]] void RunLoop(UniqueFd listener) {
  try {
    EventLoop(std::move(listener)).Run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    std::_Exit(1);  // the other loops cannot go on cleanly either
  }
}

}  // namespace

int main() {
  try {
    const benchhttp::Settings settings = benchhttp::ReadSettings();
    std::vector<UniqueFd> listeners = OpenListeners(settings);
    // Connections wait in the listen queues until the loops run. Written before any thread
    // starts, so a failure here unwinds without joining threads that never end.
    benchhttp::WriteReadyLine(settings);
    // The main thread runs the first loop; the others get a thread each.
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < listeners.size(); ++i) {
      threads.emplace_back(
          [listener = std::move(listeners[i])]() mutable { RunLoop(std::move(listener)); });
    }
    RunLoop(std::move(listeners[0]));
  } catch (const benchhttp::UsageError& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cpp-epoll: %s\n", e.what());
    return 1;
  }
}
