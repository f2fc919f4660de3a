#include "system_info.h"

#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "cpu_sets.h"
#include "error.h"
#include "subprocess.h"

namespace benchctl {
namespace {

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t end = 0; !text.empty();
       text.remove_prefix(end == text.npos ? text.size() : end + 1)) {
    end = text.find('\n');
    lines.push_back(text.substr(0, end));
  }
  return lines;
}

template <typename T>
bool ParseNumber(std::string_view s, T& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// /proc files report size 0, so read by streaming rather than by seeking to the end.
std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return out.str();
}

std::string ReadTrimmedOr(const std::string& path, std::string_view fallback) {
  const auto text = ReadFile(path);
  return text ? std::string(Trim(*text)) : std::string(fallback);
}

// `parse(contents)` of a file (an optional), or nullopt if the file cannot be read.
template <typename Parse>
auto ParseFile(const std::string& path, Parse parse) -> decltype(parse("")) {
  const auto text = ReadFile(path);
  if (!text) return std::nullopt;
  return parse(*text);
}

// The text after `prefix` on the first line that starts with it.
std::optional<std::string_view> LineAfter(std::string_view text, std::string_view prefix) {
  for (const auto line : Lines(text)) {
    if (line.starts_with(prefix)) return line.substr(prefix.size());
  }
  return std::nullopt;
}

// The value of the first "key : value" line in /proc/cpuinfo whose key matches exactly.
std::optional<std::string> CpuinfoField(std::string_view cpuinfo, std::string_view key) {
  for (const auto line : Lines(cpuinfo)) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || Trim(line.substr(0, colon)) != key) continue;
    if (const auto value = Trim(line.substr(colon + 1)); !value.empty()) return std::string(value);
  }
  return std::nullopt;
}

// The aggregate "cpu" line of /proc/stat: {busy-or-idle total, steal}, in clock ticks.
struct CpuTimes {
  std::uint64_t total = 0;
  std::uint64_t steal = 0;
};

std::optional<CpuTimes> ParseAggregateCpuTimes(std::string_view stat) {
  const auto line = LineAfter(stat, "cpu ");
  if (!line) return std::nullopt;
  std::istringstream fields{std::string(*line)};
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is
  // already counted in user and nice, so only the first eight make up the total.
  CpuTimes times;
  std::uint64_t value = 0;
  int count = 0;
  for (; count < 8 && fields >> value; ++count) {
    times.total += value;
    if (count == 7) times.steal = value;
  }
  if (count < 4) return std::nullopt;  // Kernels before 2.6.11 have no steal column.
  return times;
}

std::map<std::string, std::vector<int>> ReadGovernors(const std::vector<int>& cpus) {
  std::map<std::string, std::vector<int>> governors;
  for (int cpu : cpus) {
    const std::string path =
        "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/cpufreq/scaling_governor";
    governors[ReadTrimmedOr(path, kUnreadable)].push_back(cpu);
  }
  if (governors.empty()) governors[std::string(kUnreadable)] = {};
  return governors;
}

std::string ReadBoost() {
  // intel_pstate inverts the sense ("no_turbo"); acpi-cpufreq and amd-pstate use "boost".
  constexpr std::pair<const char*, std::string_view> kSources[] = {
      {"/sys/devices/system/cpu/intel_pstate/no_turbo", "0"},
      {"/sys/devices/system/cpu/cpufreq/boost", "1"},
      {"/sys/devices/system/cpu/cpufreq/policy0/boost", "1"}};
  for (const auto& [path, enabled] : kSources) {
    const std::string value = ReadTrimmedOr(path, "");
    if (value == "0" || value == "1") return value == enabled ? "enabled" : "disabled";
  }
  return std::string(kUnreadable);
}

// Opening the counter is not enough: some hypervisors hand out an event that never
// counts, so the probe also checks that a short loop registers instructions.
void ProbePerfCounters(SystemInfo& info) {
  perf_event_attr attr{};
  attr.type = PERF_TYPE_HARDWARE;
  attr.size = sizeof(attr);
  attr.config = PERF_COUNT_HW_INSTRUCTIONS;
  attr.disabled = 1;
  attr.exclude_kernel = 1;  // User-space counting is allowed up to perf_event_paranoid=2.
  attr.exclude_hv = 1;
  const int fd = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1,
                                          static_cast<unsigned long>(PERF_FLAG_FD_CLOEXEC)));
  const std::string what = "perf_event_open(PERF_COUNT_HW_INSTRUCTIONS) ";
  if (fd < 0) {
    const int err = info.perf_counters_errno = errno;
    std::string why;
    if (err == ENOENT || err == EOPNOTSUPP || err == ENODEV) {
      why = ": no hardware PMU is exposed to this kernel (usual in a VM)";
    } else if (err == EACCES || err == EPERM) {
      why = ": not permitted: perf_event_paranoid=" + info.perf_event_paranoid +
            " (user-space counting needs <= 2) or a seccomp filter blocks the call";
    }
    info.perf_counters_reason = what + "failed: " + std::strerror(err) + why;
    return;
  }
  ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
  std::uint64_t x = 0;
  for (int i = 0; i < 100'000; ++i) asm volatile("" : "+r"(x) : "r"(i));
  ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
  std::uint64_t count = 0;
  const bool counted = read(fd, &count, sizeof(count)) == sizeof(count) && count > 0;
  close(fd);
  info.perf_counters_usable = counted;
  info.perf_counters_reason =
      what + (counted ? "counted " + std::to_string(count) + " user instructions in a test loop"
                      : "opened but counted nothing (PMU not virtualised)");
}

void ProbeValgrind(SystemInfo& info) {
  const auto valgrind = FindExecutable("valgrind");
  if (!valgrind) return;
  SpawnSpec spec;
  spec.argv = {valgrind->string(), "--version"};
  try {
    // The timeout keeps a wedged tool from hanging the harness at start-up.
    const CommandResult result = RunCommand(spec, std::chrono::seconds(10));
    if (result.exit_code != 0) return;
    info.valgrind_version = std::string(Trim(result.output.substr(0, result.output.find('\n'))));
    info.callgrind_usable = !info.valgrind_version.empty();
  } catch (const Error&) {
    // Could not start: callgrind stays unusable, which is what the record should say.
  }
}

nlohmann::json OrUnreadable(const auto& optional_value) {
  return optional_value ? nlohmann::json(*optional_value) : nlohmann::json(kUnreadable);
}

}  // namespace

std::optional<std::string> ParseCpuModel(std::string_view cpuinfo) {
  // x86 "model name"; MIPS "cpu model"; 32-bit ARM "Hardware"; POWER "cpu".
  for (const char* key : {"model name", "cpu model", "Hardware", "cpu"}) {
    if (auto value = CpuinfoField(cpuinfo, key)) return value;
  }
  // arm64 names only the implementer and part numbers.
  const auto implementer = CpuinfoField(cpuinfo, "CPU implementer");
  const auto part = CpuinfoField(cpuinfo, "CPU part");
  if (implementer && part) return "CPU implementer " + *implementer + " part " + *part;
  return std::nullopt;
}

bool ParseHypervisorFlag(std::string_view cpuinfo) {
  const auto flags = CpuinfoField(cpuinfo, "flags");
  return flags && (" " + *flags + " ").find(" hypervisor ") != std::string::npos;
}

std::optional<std::array<double, 3>> ParseLoadAverage(std::string_view loadavg) {
  std::istringstream fields{std::string(loadavg)};
  std::array<double, 3> loads{};
  if (!(fields >> loads[0] >> loads[1] >> loads[2])) return std::nullopt;
  return loads;
}

std::optional<std::vector<int>> ParseCpuList(std::string_view list) {
  std::vector<int> cpus;
  list = Trim(list);
  for (std::size_t comma = 0; !list.empty();
       list.remove_prefix(comma == list.npos ? list.size() : comma + 1)) {
    comma = list.find(',');
    const auto item = Trim(list.substr(0, comma));
    const auto dash = item.find('-');
    int first = 0;
    int last = 0;
    if (!ParseNumber(item.substr(0, dash), first) || first < 0) return std::nullopt;
    if (dash == std::string_view::npos) last = first;
    if (dash != std::string_view::npos && !ParseNumber(item.substr(dash + 1), last)) {
      return std::nullopt;
    }
    if (last < first) return std::nullopt;
    for (int cpu = first; cpu <= last; ++cpu) cpus.push_back(cpu);
  }
  return cpus;
}

std::optional<double> ComputeStealPercent(std::string_view stat_before,
                                          std::string_view stat_after) {
  const auto before = ParseAggregateCpuTimes(stat_before);
  const auto after = ParseAggregateCpuTimes(stat_after);
  if (!before || !after || after->total <= before->total || after->steal < before->steal) {
    return std::nullopt;
  }
  return 100.0 * static_cast<double>(after->steal - before->steal) /
         static_cast<double>(after->total - before->total);
}

std::optional<double> StealPercentSinceBoot(std::string_view stat) {
  return ComputeStealPercent("cpu 0 0 0 0 0 0 0 0\n", stat);
}

std::optional<std::string> ParseOsRelease(std::string_view os_release) {
  const auto line = LineAfter(os_release, "PRETTY_NAME=");
  if (!line) return std::nullopt;
  // Shell-style quoting per os-release(5): strip matching quotes, undo backslashes.
  std::string_view value = Trim(*line);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

std::optional<std::uint64_t> ParseMeminfoBytes(std::string_view meminfo, std::string_view field) {
  auto value = Trim(LineAfter(meminfo, std::string(field) + ":").value_or(""));
  if (value.ends_with(" kB")) value.remove_suffix(3);
  std::uint64_t kib = 0;
  if (!ParseNumber(Trim(value), kib)) return std::nullopt;
  return kib * 1024;
}

std::optional<std::uint64_t> ParseMemTotalBytes(std::string_view meminfo) {
  return ParseMeminfoBytes(meminfo, "MemTotal");
}

std::optional<std::uint64_t> ReadMemAvailableBytes() {
  return ParseMeminfoBytes(ReadFile("/proc/meminfo").value_or(""), "MemAvailable");
}

std::optional<std::string> ParseBracketedChoice(std::string_view text) {
  const auto open = text.find('[');
  const auto close = text.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(open + 1, close - open - 1));
}

SystemInfo ReadSystemInfo() {
  SystemInfo info;
  // The steal sample starts first so that the probes below overlap it instead of adding
  // to it; /proc/stat counts every CPU, so our own work barely moves the ratio.
  const auto stat_before = ReadFile("/proc/stat");
  const auto sample_start = std::chrono::steady_clock::now();
  const std::string unreadable(kUnreadable);

  utsname names{};
  const bool named = uname(&names) == 0;
  info.hostname = named ? names.nodename : unreadable;
  info.kernel = named ? std::string(names.release) + " " + names.version : unreadable;
  info.machine = named ? std::string(names.machine) : unreadable;
  const auto cpuinfo = ReadFile("/proc/cpuinfo");
  info.cpu_model = cpuinfo ? ParseCpuModel(*cpuinfo).value_or(unreadable) : unreadable;
  info.hypervisor = cpuinfo && ParseHypervisorFlag(*cpuinfo);
  const long configured = sysconf(_SC_NPROCESSORS_CONF);
  info.logical_cpus = configured > 0 ? static_cast<int>(configured)
                                     : static_cast<int>(std::thread::hardware_concurrency());
  info.online_cpus =
      ParseFile("/sys/devices/system/cpu/online", ParseCpuList).value_or(std::vector<int>{});
  info.allowed_cpus = AllowedCpus();
  info.isolated_cpus = ParseFile("/sys/devices/system/cpu/isolated", ParseCpuList);
  // os-release(5): /etc first, then /usr/lib; PRETTY_NAME defaults to "Linux".
  auto os_release = ReadFile("/etc/os-release");
  if (!os_release) os_release = ReadFile("/usr/lib/os-release");
  info.os = os_release ? ParseOsRelease(*os_release).value_or("Linux") : unreadable;
  info.memory_total_bytes = ParseFile("/proc/meminfo", ParseMemTotalBytes).value_or(0);
  std::vector<int> cpus = info.online_cpus;
  if (cpus.empty()) {
    for (int cpu = 0; cpu < info.logical_cpus; ++cpu) cpus.push_back(cpu);
  }
  info.governors = ReadGovernors(cpus);
  info.boost = ReadBoost();
  info.smt = ReadTrimmedOr("/sys/devices/system/cpu/smt/control", kUnreadable);
  info.aslr = ReadTrimmedOr("/proc/sys/kernel/randomize_va_space", kUnreadable);
  info.transparent_hugepages =
      ParseFile("/sys/kernel/mm/transparent_hugepage/enabled", ParseBracketedChoice)
          .value_or(unreadable);
  info.load_average = ParseFile("/proc/loadavg", ParseLoadAverage);
  info.perf_event_paranoid = ReadTrimmedOr("/proc/sys/kernel/perf_event_paranoid", kUnreadable);
  ProbePerfCounters(info);
  ProbeValgrind(info);

  // 250 ms is 25 ticks per CPU at USER_HZ=100: coarse, but enough to catch a busy host.
  std::this_thread::sleep_until(sample_start + std::chrono::milliseconds(250));
  const auto stat_after = ReadFile("/proc/stat");
  if (stat_before && stat_after) {
    info.steal_percent = ComputeStealPercent(*stat_before, *stat_after);
  }
  if (stat_after) info.steal_percent_since_boot = StealPercentSinceBoot(*stat_after);
  return info;
}

nlohmann::json SystemInfo::ToJson() const {
  return {
      {"hostname", hostname},
      {"cpu_model", cpu_model},
      {"logical_cpus", logical_cpus},
      {"online_cpus",
       online_cpus.empty() ? nlohmann::json(kUnreadable) : nlohmann::json(online_cpus)},
      {"allowed_cpus", allowed_cpus},
      {"isolated_cpus", OrUnreadable(isolated_cpus)},
      {"kernel", kernel},
      {"machine", machine},
      {"os", os},
      {"memory_total_bytes", memory_total_bytes},
      {"governors", governors},
      {"boost", boost},
      {"smt", smt},
      {"aslr", aslr},
      {"transparent_hugepages", transparent_hugepages},
      {"hypervisor", hypervisor},
      {"load_average", OrUnreadable(load_average)},
      {"steal_percent", OrUnreadable(steal_percent)},
      {"steal_percent_since_boot", OrUnreadable(steal_percent_since_boot)},
      {"perf_counters_usable", perf_counters_usable},
      {"perf_counters_errno", perf_counters_errno},
      {"perf_counters_reason", perf_counters_reason},
      {"perf_event_paranoid", perf_event_paranoid},
      {"callgrind_usable", callgrind_usable},
      {"valgrind_version", valgrind_version},
  };
}

}  // namespace benchctl
