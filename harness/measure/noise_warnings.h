// Conditions of the machine that make measurements noisy, each with what it does to
// the numbers and how to fix it (pyperf's `system show` checks, said per condition).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "system_info.h"

namespace benchctl {

// The fix given for a condition only the VM's owner or host can change.
inline constexpr std::string_view kCannotChangeOnSharedVm = "cannot be changed on a shared VM";

// One condition found, shown to the user and stored with the results.
struct NoiseWarning {
  std::string condition;  // What is the case, with the values read ("governor is powersave").
  std::string effect;     // What it does to the numbers.
  std::string fix;        // A command that fixes it, or kCannotChangeOnSharedVm.
};

// Every noise condition `info` shows, in a fixed order; empty on a well-tuned machine.
std::vector<NoiseWarning> NoiseWarnings(const SystemInfo& info);

// The CPUs benchctl may pin to: the affinity mask restricted to online CPUs (either
// list alone when the other is unknown).
std::vector<int> UsableCpus(const SystemInfo& info);

// {0,1,2,3,6} -> "0-3,6", the kernel's notation.
std::string FormatCpuList(const std::vector<int>& cpus);

}  // namespace benchctl
