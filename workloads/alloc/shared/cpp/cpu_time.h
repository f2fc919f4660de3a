// cpu_per_iteration_ns (workloads/alloc/SPEC.md): the process's user + system CPU time over
// the timed samples divided by the timed iterations. Next to wall time it shows work done on
// other threads; these C++ workloads have none, so it should be close to the wall time.
#pragma once

#include <sys/resource.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "benchlib.h"

namespace alloc {

// User + system CPU time of the whole process so far, ns; throws benchlib::Error.
inline std::int64_t ProcessCpuNs() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) {
    throw benchlib::Error(std::string("getrusage(RUSAGE_SELF): ") + std::strerror(errno));
  }
  const auto ns = [](const timeval& t) {
    return std::int64_t{t.tv_sec} * 1'000'000'000 + std::int64_t{t.tv_usec} * 1'000;
  };
  return ns(usage.ru_utime) + ns(usage.ru_stime);
}

// Started by the before-timed hook, counted by the body while timing, read by the after hook.
class CpuPerIteration {
 public:
  void Start() {
    iterations_ = 0;
    start_ns_ = ProcessCpuNs();
  }

  void CountIteration() { ++iterations_; }

  benchlib::Counters Counters() const {
    const std::int64_t spent = ProcessCpuNs() - start_ns_;
    if (iterations_ == 0) throw benchlib::Error("no timed iteration was counted");
    return {{"cpu_per_iteration_ns", spent / iterations_}};
  }

 private:
  std::int64_t start_ns_ = 0;
  std::int64_t iterations_ = 0;
};

}  // namespace alloc
