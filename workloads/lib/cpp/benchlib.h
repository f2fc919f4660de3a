// benchlib: the C++ side of the benchctl workload protocol (workloads/PROTOCOL.md).
//
// A workload supplies setup, a measured body and its verification value:
//
//   int main() {
//     return benchlib::Run([](benchlib::Session& session) {
//       const std::string input = benchlib::ReadFile(session.Param("INPUT"));
//       session.Measure([&] { return Work(input); },
//                       [](const Result& r) { return nlohmann::json(r.value); });
//     });
//   }
//
// A workload that gathers its own statistics about the timed samples (spsc's per-round-trip
// latencies) passes TimedHooks as Measure's fourth argument: `before` clears what the
// self-check, calibration and warm-up gathered, `after` returns counters for the result, and
// the body asks `session.timing()` whether the current iteration belongs to a timed sample:
//
//   session.Measure(body, verify, counters,
//                   {.before = [&] { histogram.Clear(); },
//                    .after = [&] { return histogram.Counters(); }});
//
// benchmark.h is used only for DoNotOptimize, but it defines a static initialiser that calls
// into libbenchmark in every translation unit, so workloads must link it (-lbenchmark).
//
// This header is the in-process loop (self-check, calibration, warm-up, timed samples);
// the protocol itself (settings, parameters, messages, the pipe) is in benchlib_core.h.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <utility>

#include "benchlib_core.h"

namespace benchlib {

// The calibration step of PROTOCOL.md: the next iteration count after `n` iterations took
// `elapsed_ns` and fell short of `target_ns`, max(n + 1, min(10n, ceil(1.2 n target / elapsed))).
// Computed exactly in integers (1.2 = 12/10) so no rounding of 1.2 shifts the result.
inline std::int64_t NextIterations(std::int64_t n, std::int64_t elapsed_ns,
                                   std::int64_t target_ns) {
  using Wide = unsigned __int128;
  const Wide ten_n = Wide(n) * 10;
  Wide scaled = ten_n;  // an elapsed time of 0 means "too fast to see": take the 10x step
  if (elapsed_ns > 0) {
    const Wide numerator = Wide(n) * 12 * Wide(target_ns);
    const Wide denominator = Wide(elapsed_ns) * 10;
    scaled = std::min(ten_n, (numerator + denominator - 1) / denominator);
  }
  const Wide next = std::max(Wide(n) + 1, scaled);
  return next > Wide(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(next);
}

// The timed-phase hooks of PROTOCOL.md; both run outside every timed region and either may
// be empty. `before` runs once, after warm-up, right before the first timed sample; `after`
// runs once, right after the last, and its counters are added to the result's (a name given
// both ways takes the hook's value).
struct TimedHooks {
  std::function<void()> before;
  std::function<Counters()> after;
};

// One in-process workload: the protocol connection plus the measured loop.
class Session : public Connection {
 public:
  // Reads the settings from the environment; throws UsageError.
  static Session FromEnvironment() { return Session(Connection::FromEnvironment()); }

  // Settings already read and checked (a test's own pipe).
  explicit Session(const Options& options) : Connection(options) {}

  // Runs everything after setup: the `setup` message, the self-check, calibration, warm-up,
  // timed samples and the `result` message. `body()` returns a value comparable with ==;
  // `verify(v)` turns the self-check's value into the verification JSON and runs once,
  // right after the self-check (a serializer writes its output file there).
  template <class Body, class Verify>
  void Measure(Body&& body, Verify&& verify, const Counters& counters = {}) {
    Measure(std::forward<Body>(body), std::forward<Verify>(verify), counters, TimedHooks{});
  }

  // The same, with the timed-phase hooks (see TimedHooks).
  template <class Body, class Verify>
  void Measure(Body&& body, Verify&& verify, const Counters& counters, const TimedHooks& hooks) {
    if (measured_) throw std::logic_error("Session::Measure called twice");
    measured_ = true;
    Send(SetupMessage(CurrentRssKb()));

    const auto expected = body();
    const nlohmann::json verification = verify(expected);

    Measurement m;
    const auto time_iterations = [&](std::int64_t n) {
      const auto start = std::chrono::steady_clock::now();
      for (std::int64_t i = 0; i < n; ++i) {
        auto result = body();
        benchmark::DoNotOptimize(result);
        m.mismatches += !(result == expected);
      }
      const auto stop = std::chrono::steady_clock::now();
      return std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count();
    };

    m.iterations = options().iterations;
    if (m.iterations == 0) {
      // Calibration runs are discarded; their mismatches still count, as a wrong result is
      // wrong whenever it happens.
      m.iterations = 1;
      while (true) {
        const std::int64_t elapsed = time_iterations(m.iterations);
        if (elapsed >= options().min_sample_ns) break;
        m.iterations = NextIterations(m.iterations, elapsed, options().min_sample_ns);
      }
    }
    for (std::int64_t i = 0; i < options().warmup; ++i) {
      m.warmup_ns.push_back(time_iterations(m.iterations));
    }
    if (hooks.before) hooks.before();
    const PageFaults faults_before = ReadPageFaults();
    timing_ = true;
    for (std::int64_t i = 0; i < options().samples; ++i) {
      m.samples_ns.push_back(time_iterations(m.iterations));
    }
    timing_ = false;
    const PageFaults faults_after = ReadPageFaults();
    Counters all = counters;
    all["timed_minor_faults"] = faults_after.minor - faults_before.minor;
    all["timed_major_faults"] = faults_after.major - faults_before.major;
    if (hooks.after) {
      for (const auto& [name, value] : hooks.after()) all[name] = value;
    }
    Send(ResultMessage(verification, m, all));
  }

  // Whether Measure has run.
  bool measured() const { return measured_; }

  // Whether the loop is in its timed samples: true from right after the `before` hook to right
  // before the `after` hook, false during the self-check, calibration and warm-up.
  bool timing() const { return timing_; }

 private:
  explicit Session(Connection connection) : Connection(std::move(connection)) {}

  bool measured_ = false;
  bool timing_ = false;
};

// Runs a workload under the protocol and returns the exit status for main: 0 after a
// `result`, 1 after an `error` (any exception from `workload`), 2 on a usage error.
inline int Run(const std::function<void(Session&)>& workload) {
  std::optional<Session> session;
  try {
    session.emplace(Session::FromEnvironment());
  } catch (const UsageError& e) {
    PrintUsage(e);
    return 2;
  }
  try {
    workload(*session);
    if (!session->measured()) throw std::logic_error("the workload never called Measure");
    return 0;
  } catch (const std::exception& e) {
    session->SendError(e.what());
    return 1;
  }
}

}  // namespace benchlib
