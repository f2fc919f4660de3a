// Choosing CPUs: children get a set, benchctl keeps itself off it when it can.
#pragma once

#include <string>
#include <vector>

namespace benchctl {

// Where children and benchctl run.
struct CpuPlan {
  std::vector<int> children;      // Every child is pinned here.
  std::vector<int> orchestrator;  // benchctl pins itself here (may overlap if too few CPUs).
  bool shared = false;            // True when benchctl could not be kept off the children's CPUs.
};

// The CPUs benchctl may use (its affinity mask), sorted.
std::vector<int> AllowedCpus();

// With `request` empty: the last allowed CPU for children, the rest for
// benchctl (one CPU: both share it). Otherwise `request` is a CPU list
// ("1", "2-3") that must be within the allowed set.
CpuPlan PlanCpus(const std::string& request, const std::vector<int>& allowed);

// Pins the calling process to `cpus`; false if the kernel refused.
bool PinSelf(const std::vector<int>& cpus);

// Parses "0-2,5" (benchctl::Error on bad syntax).
std::vector<int> ParseCpuListOption(const std::string& text);

}  // namespace benchctl
