// Choosing CPUs: children get a set, benchctl keeps itself off it when it can.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace benchctl {

// What one job of a suite needs, by role (Suite::CpuNeeds).
struct CpuNeeds {
  int job = 1;   // CPUs of the measured child (an SPSC job: producer and consumer, 2).
  int load = 0;  // CPUs of a second program beside it, e.g. an HTTP load generator.
};

// Where children, their load generators and benchctl run, by role.
struct CpuPlan {
  std::vector<int> children;      // Job CPUs: every measured child is pinned here.
  std::vector<int> load;          // Load-generator CPUs (empty when the suite needs none).
  std::vector<int> orchestrator;  // benchctl pins itself here (may overlap if too few CPUs).
  bool shared = false;            // True when benchctl could not be kept off the other roles.
};

// The CPUs benchctl may use (its affinity mask), sorted.
std::vector<int> AllowedCpus();

// With `request` empty: the last `needs.job` allowed CPUs for the children,
// the `needs.load` before them for a load generator, the rest for benchctl
// (none left: benchctl shares them, and must then sit idle while a job runs).
// Otherwise `request` is a CPU list ("1", "2-3") within the allowed set
// naming at least `needs.job` job CPUs; load CPUs come from the rest. Throws
// benchctl::Error when the machine, or `request`, leaves too few CPUs for
// `needs`, naming `suite` (if given), what it needs, the allowed CPUs and what to do.
CpuPlan PlanCpus(const std::string& request, const std::vector<int>& allowed,
                 const CpuNeeds& needs = {}, std::string_view suite = "");

// Pins the calling process to `cpus`; false if the kernel refused.
bool PinSelf(const std::vector<int>& cpus);

// Parses "0-2,5" into sorted CPUs, each once (benchctl::Error on bad syntax).
std::vector<int> ParseCpuListOption(const std::string& text);

}  // namespace benchctl
