// Where the job's CPUs sit: two logical CPUs of one core (SMT siblings) share caches and
// execution units, so a two-thread job on them measures something else than on two cores.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace benchctl {

// One logical CPU's place, from /sys/devices/system/cpu/cpu<N>/topology.
struct CpuPlace {
  int cpu = 0;
  std::optional<int> package, core;  // nullopt: the kernel does not say.
  std::string thread_siblings;       // "0,4" or "0-1": CPUs of the same core ("" if unknown).
};

// Reads the places of `cpus` under `sysfs_cpu` (a test passes its own tree).
std::vector<CpuPlace> ReadCpuPlaces(
    const std::vector<int>& cpus,
    const std::filesystem::path& sysfs_cpu = "/sys/devices/system/cpu");

// True if two of `places` are one core (same package and core id); nullopt if not every
// place is known.
std::optional<bool> AnySmtSiblings(const std::vector<CpuPlace>& places);

// {"cpu": 0, "package": 0, "core": 0, "thread_siblings": "0"} per place (null where unknown).
nlohmann::json CpuPlacesJson(const std::vector<CpuPlace>& places);

}  // namespace benchctl
