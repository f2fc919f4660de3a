#include "noise_warnings.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <iterator>

namespace benchctl {
namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  return buffer;
}

std::string VmOr(const SystemInfo& info, std::string fix) {
  return info.hypervisor ? std::string(kCannotChangeOnSharedVm) + " (" + fix + " on bare metal)"
                         : fix;
}

void CheckGovernor(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  std::string others;
  for (const auto& [governor, cpus] : info.governors) {
    if (governor == "performance" || governor == kUnreadable) continue;
    others += (others.empty() ? "" : ", ") + governor + " on CPUs " + FormatCpuList(cpus);
  }
  if (!others.empty()) {
    out.push_back({"CPU frequency governor is not 'performance': " + others,
                   "the clock ramps up and down with load, so short or bursty workloads run "
                   "slower and vary from sample to sample",
                   "sudo cpupower frequency-set -g performance"});
  }
  // In a VM the host owns the clock; the "virtualised" warning already says so.
  if (info.governors.contains(std::string(kUnreadable)) && !info.hypervisor) {
    out.push_back({"CPU frequency governor is unreadable on CPUs " +
                       FormatCpuList(info.governors.at(std::string(kUnreadable))),
                   "the clock may change with load and temperature without benchctl seeing it",
                   "load a cpufreq driver (intel_pstate, amd-pstate, acpi-cpufreq), then "
                   "sudo cpupower frequency-set -g performance"});
  }
}

void CheckBoost(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  const std::string fix =
      "echo 1 | sudo tee /sys/devices/system/cpu/intel_pstate/no_turbo (intel_pstate), or "
      "echo 0 | sudo tee /sys/devices/system/cpu/cpufreq/boost";
  if (info.boost == "enabled") {
    out.push_back({"turbo/boost is enabled",
                   "the clock depends on temperature and on how many cores are busy, so "
                   "results drift within a run and differ between runs",
                   fix});
  } else if (info.boost == kUnreadable && !info.hypervisor) {
    out.push_back({"turbo/boost state is unreadable",
                   "if boost is on, the clock depends on temperature and on how many cores "
                   "are busy, and benchctl cannot tell",
                   fix});
  }
}

void CheckCpuCount(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  const auto usable = UsableCpus(info);
  if (usable.size() >= 3) return;
  const std::string which = usable.empty() ? "none known" : FormatCpuList(usable);
  const std::string condition =
      "only " + std::to_string(usable.size()) + " usable CPUs (" + which + ")";
  const std::string fix = "run on a machine or VM size with at least 3 CPUs";
  if (usable.size() == 2) {
    // CPU 0 usually takes more interrupts and housekeeping, so it gets the orchestrator.
    out.push_back({condition + ": the orchestrator can have CPU " + std::to_string(usable[0]) +
                       " and the children CPU " + std::to_string(usable[1]),
                   "children run one at a time on a single CPU, so workloads that use more "
                   "than one thread are squeezed onto it; kernel threads still run on both",
                   fix});
  } else {
    out.push_back({condition + ": the orchestrator cannot be kept off the benchmark CPU",
                   "the orchestrator's own work (reading pipes, writing results) lands inside "
                   "the measurements",
                   fix});
  }
}

void CheckIsolation(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  const auto usable = UsableCpus(info);
  if (!info.isolated_cpus || !info.isolated_cpus->empty() || usable.size() < 2) return;
  // Leave the first CPU to the system and the orchestrator; isolate the rest.
  const std::string rest = FormatCpuList({usable.begin() + 1, usable.end()});
  out.push_back({"no CPUs are isolated from the scheduler",
                 "pinning keeps a child on its CPU but not other tasks and kernel threads off "
                 "it; they preempt the benchmark at random",
                 "add isolcpus=" + rest + " nohz_full=" + rest + " rcu_nocbs=" + rest +
                     " to the kernel command line and reboot" +
                     (info.hypervisor ? " (in a VM this does not isolate from the host)" : "")});
}

void CheckPerf(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  if (!info.perf_counters_usable) {
    const int err = info.perf_counters_errno;
    std::string fix;
    if (err == EACCES || err == EPERM) {
      fix =
          "sudo sysctl kernel.perf_event_paranoid=2 (and allow perf_event_open in the "
          "container's seccomp profile, if any)";
    } else {
      fix = VmOr(info, "enable the PMU in firmware or use a kernel with perf events");
    }
    out.push_back(
        {"hardware performance counters are unusable: " + info.perf_counters_reason,
         std::string("no cycle or instruction counts, only time, which carries all the noise "
                     "above; instruction counts are available only via callgrind") +
             (info.callgrind_usable ? " (" + info.valgrind_version + " found)"
                                    : ", which is not installed either"),
         fix});
  }
  if (!info.callgrind_usable) {
    out.push_back({"valgrind (callgrind) is not usable",
                   "no noise-free instruction counts, so regressions on this machine can be "
                   "judged only from noisy timings",
                   "sudo apt-get install valgrind"});
  }
}

void CheckLoadAndSteal(const SystemInfo& info, std::vector<NoiseWarning>& out) {
  const std::size_t cpus = info.online_cpus.empty()
                               ? static_cast<std::size_t>(std::max(info.logical_cpus, 1))
                               : info.online_cpus.size();
  if (info.load_average && (*info.load_average)[0] > 0.1 * static_cast<double>(cpus)) {
    out.push_back({"1-minute load average " + Fixed((*info.load_average)[0], 2) +
                       " is above 10% of the " + std::to_string(cpus) + " CPUs",
                   "other processes compete for CPUs, caches and memory bandwidth, and "
                   "preempt the benchmark",
                   "stop other work (see `top`) and wait for the load average to settle"});
  }
  const double now = info.steal_percent.value_or(0.0);
  const double boot = info.steal_percent_since_boot.value_or(0.0);
  if (now > 1.0 || boot > 1.0) {
    out.push_back(
        {"CPU steal time is " + Fixed(now, 1) + "% now and " + Fixed(boot, 1) + "% since boot",
         "the hypervisor runs other guests on these CPUs; that time is missing from "
         "the benchmark but counted in its wall-clock time",
         std::string(kCannotChangeOnSharedVm) +
             " (use a dedicated host or a VM with dedicated CPUs)"});
  }
}

}  // namespace

std::vector<int> UsableCpus(const SystemInfo& info) {
  if (info.allowed_cpus.empty()) return info.online_cpus;
  if (info.online_cpus.empty()) return info.allowed_cpus;
  auto allowed = info.allowed_cpus;
  auto online = info.online_cpus;
  std::sort(allowed.begin(), allowed.end());
  std::sort(online.begin(), online.end());
  std::vector<int> usable;
  std::set_intersection(allowed.begin(), allowed.end(), online.begin(), online.end(),
                        std::back_inserter(usable));
  return usable;
}

std::string FormatCpuList(const std::vector<int>& cpus) {
  std::string text;
  for (std::size_t i = 0; i < cpus.size();) {
    std::size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    text += (text.empty() ? "" : ",") + std::to_string(cpus[i]);
    if (j > i) text += "-" + std::to_string(cpus[j]);
    i = j + 1;
  }
  return text;
}

std::vector<NoiseWarning> NoiseWarnings(const SystemInfo& info) {
  std::vector<NoiseWarning> out;
  CheckGovernor(info, out);
  CheckBoost(info, out);
  if (info.smt == "on") {
    out.push_back({"SMT (hyper-threading) is on",
                   "a sibling thread shares the core's execution units and caches, so "
                   "whatever runs there slows the benchmark by a varying amount",
                   "echo off | sudo tee /sys/devices/system/cpu/smt/control"});
  }
  if (info.aslr != "0" && info.aslr != kUnreadable) {
    // Mytkowicz et al., "Producing Wrong Data Without Doing Anything Obviously Wrong!"
    // (ASPLOS 2009): layout alone can shift results by several percent.
    out.push_back({"ASLR is on (randomize_va_space=" + info.aslr + ")",
                   "stack and heap addresses change per process, moving cache and TLB "
                   "alignment, so processes differ by a few percent (benchmark over many "
                   "processes, as benchctl does, to average it out)",
                   "echo 0 | sudo tee /proc/sys/kernel/randomize_va_space, or run each child "
                   "under `setarch -R`"});
  }
  if (info.transparent_hugepages == "always") {
    out.push_back({"transparent huge pages are 'always'",
                   "whether a buffer gets huge pages depends on alignment and khugepaged's "
                   "timing, so memory-heavy workloads can be bimodal across processes",
                   "echo madvise | sudo tee /sys/kernel/mm/transparent_hugepage/enabled"});
  }
  CheckLoadAndSteal(info, out);
  if (info.hypervisor) {
    out.push_back(
        {"running in a virtual machine (hypervisor CPU flag)",
         "the host schedules the vCPUs, sets their clock and turbo, and shares "
         "caches and memory bandwidth with other guests; numbers vary with the "
         "neighbours and compare only with runs on the same VM",
         std::string(kCannotChangeOnSharedVm) + " (use bare metal for absolute numbers)"});
  }
  CheckPerf(info, out);
  CheckCpuCount(info, out);
  CheckIsolation(info, out);
  return out;
}

}  // namespace benchctl
