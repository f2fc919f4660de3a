// cpp-beast: the http suite's idiomatic C++ library row (workloads/http/SPEC.md), Boost.Beast on
// Boost.Asio. BENCHCTL_HTTP_THREADS io_contexts, each run by one thread; one acceptor hands
// connections to them in turn.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <deque>
#include <exception>
#include <thread>
#include <vector>

#include "http/shared/cpp/server_settings.h"
#include "listener.h"

namespace net = boost::asio;

int main() {
  try {
    const benchhttp::Settings settings = benchhttp::ReadSettings();
    // Concurrency hint 1: each io_context is run by exactly one thread.
    std::deque<net::io_context> contexts;
    for (int i = 0; i < settings.threads; ++i) contexts.emplace_back(1);
    Listener listener(contexts, settings);
    listener.Accept();
    // Connections wait in the listen queue until the loops run. Written before any thread
    // starts, so a failure here unwinds without joining threads that never end.
    benchhttp::WriteReadyLine(settings);
    // The main thread runs the first io_context (the acceptor's); the others get a thread each,
    // kept running while they have no connection yet.
    std::vector<net::executor_work_guard<net::io_context::executor_type>> idle_guards;
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < contexts.size(); ++i) {
      idle_guards.push_back(net::make_work_guard(contexts[i]));
      threads.emplace_back([&context = contexts[i]] { context.run(); });
    }
    contexts.front().run();
  } catch (const benchhttp::UsageError& e) {
    std::fprintf(stderr, "cpp-beast: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cpp-beast: %s\n", e.what());
    return 1;
  }
}
