// The machine a run happened on, recorded with every result so a number comes with its
// environment (as Google Benchmark's `context` block and pyperf's metadata do).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchctl {

// Written in place of a value the harness could not read (missing file, no permission).
inline constexpr std::string_view kUnreadable = "unreadable";

// A snapshot of the hardware, kernel settings and current load that affect measurements.
struct SystemInfo {
  std::string hostname;
  std::string cpu_model;          // "model name" from /proc/cpuinfo, or kUnreadable.
  int logical_cpus = 0;           // CPUs the kernel was configured with.
  std::vector<int> online_cpus;   // /sys/devices/system/cpu/online; empty if unreadable.
  std::vector<int> allowed_cpus;  // This process's affinity mask (the cpuset).
  std::optional<std::vector<int>> isolated_cpus;      // isolcpus= list; nullopt if unreadable.
  std::string kernel;                                 // uname release + " " + version.
  std::string machine;                                // uname machine: "x86_64", "aarch64".
  std::string os;                                     // PRETTY_NAME from /etc/os-release.
  std::uint64_t memory_total_bytes = 0;               // MemTotal; 0 if unreadable.
  std::map<std::string, std::vector<int>> governors;  // Governor -> CPUs using it.
  std::string boost;                                  // "enabled", "disabled" or kUnreadable.
  std::string smt;                                    // smt/control: "on", "off", "notsupported"...
  std::string aslr;                   // randomize_va_space: "0", "1", "2" or kUnreadable.
  std::string transparent_hugepages;  // "always", "madvise", "never" or kUnreadable.
  bool hypervisor = false;            // cpuinfo "hypervisor" flag: running in a VM.
  std::optional<std::array<double, 3>> load_average;  // 1, 5, 15 minutes.
  std::optional<double> steal_percent;                // Over a ~250 ms sample, all CPUs.
  std::optional<double> steal_percent_since_boot;     // Same ratio from boot to now.
  bool perf_counters_usable = false;  // A hardware instruction counter opened and counted.
  int perf_counters_errno = 0;        // errno from perf_event_open, 0 if it succeeded.
  std::string perf_counters_reason;   // Why usable or not, for people.
  std::string perf_event_paranoid;    // /proc/sys/kernel/perf_event_paranoid.
  bool callgrind_usable = false;      // `valgrind --version` ran and exited 0.
  std::string valgrind_version;       // First line of `valgrind --version`, or "".

  // The record as stored in results (keys are snake_case field names).
  nlohmann::json ToJson() const;
};

// Reads everything above from /proc, /sys and uname. Never throws for an unreadable
// file: records kUnreadable instead. Takes about 250 ms (the steal sample).
SystemInfo ReadSystemInfo();

// The CPU model from /proc/cpuinfo text ("model name", or the ARM/POWER equivalents).
std::optional<std::string> ParseCpuModel(std::string_view cpuinfo);

// Whether /proc/cpuinfo lists the "hypervisor" CPU flag (set by every mainstream VMM).
bool ParseHypervisorFlag(std::string_view cpuinfo);

// The three load averages from /proc/loadavg text.
std::optional<std::array<double, 3>> ParseLoadAverage(std::string_view loadavg);

// A kernel CPU list such as "0-3,6" -> {0,1,2,3,6}; "" or "\n" -> {}; nullopt if malformed.
std::optional<std::vector<int>> ParseCpuList(std::string_view list);

// Percent of CPU time stolen by the hypervisor between two /proc/stat snapshots
// (aggregate "cpu" line); nullopt if either is malformed or no time passed.
std::optional<double> ComputeStealPercent(std::string_view stat_before,
                                          std::string_view stat_after);

// Percent of CPU time stolen since boot, from one /proc/stat snapshot.
std::optional<double> StealPercentSinceBoot(std::string_view stat);

// PRETTY_NAME from /etc/os-release text, unquoted.
std::optional<std::string> ParseOsRelease(std::string_view os_release);

// MemTotal from /proc/meminfo text, in bytes.
std::optional<std::uint64_t> ParseMemTotalBytes(std::string_view meminfo);

// A "Field:   123 kB" line of /proc/meminfo text, in bytes.
std::optional<std::uint64_t> ParseMeminfoBytes(std::string_view meminfo, std::string_view field);

// MemAvailable now (what can be allocated without swapping), or nullopt.
std::optional<std::uint64_t> ReadMemAvailableBytes();

// The selected value of a sysfs choice file: "always [madvise] never" -> "madvise".
std::optional<std::string> ParseBracketedChoice(std::string_view text);

}  // namespace benchctl
