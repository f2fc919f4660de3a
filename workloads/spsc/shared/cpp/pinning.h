// Placing the two threads (SPEC.md "Threads, CPUs and parameters"): the producer on the lowest
// CPU of the process's affinity mask, the consumer on the second lowest, each checked by
// reading its own mask back.
#pragma once

#include <sched.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "benchlib.h"

namespace spsc {

// The CPUs the two threads run on.
struct CpuPair {
  int producer = -1;
  int consumer = -1;
};

namespace internal {

// The CPUs in the calling thread's affinity mask, ascending; throws benchlib::Error.
inline std::vector<int> ThreadCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) {
    throw benchlib::Error(std::string("sched_getaffinity: ") + std::strerror(errno));
  }
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  }
  return cpus;
}

// "0,1,3" for error messages.
inline std::string CpuList(const std::vector<int>& cpus) {
  std::string text;
  for (const int cpu : cpus) text += (text.empty() ? "" : ",") + std::to_string(cpu);
  return text.empty() ? "none" : text;
}

}  // namespace internal

// The two lowest CPUs of the process's affinity mask. Call it from the main thread before it
// pins itself (its mask is then the process's); throws benchlib::Error with fewer than two.
inline CpuPair ProcessCpuPair() {
  const std::vector<int> cpus = internal::ThreadCpus();
  if (cpus.size() < 2) {
    throw benchlib::Error("spsc needs two CPUs, but the process's affinity mask has " +
                          std::to_string(cpus.size()) + " (CPU " + internal::CpuList(cpus) + ")");
  }
  return {cpus[0], cpus[1]};
}

// Pins the calling thread to `cpu` and reads its mask back; throws benchlib::Error naming
// `thread` ("producer" or "consumer") unless the mask is exactly that CPU.
inline void PinCurrentThread(int cpu, std::string_view thread) {
  const std::string who =
      "pinning the " + std::string(thread) + " thread to CPU " + std::to_string(cpu);
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(0, sizeof set, &set) != 0) {
    throw benchlib::Error(who + ": sched_setaffinity: " + std::strerror(errno));
  }
  const std::vector<int> now = internal::ThreadCpus();
  if (now != std::vector<int>{cpu}) {
    throw benchlib::Error(who + ": its affinity mask reads back as CPU " + internal::CpuList(now));
  }
}

}  // namespace spsc
