// `benchctl doctor`: which toolchains are here, and what about this machine
// will make numbers noisy.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.h"
#include "noise_warnings.h"
#include "project.h"
#include "system_info.h"
#include "toolchain.h"

namespace benchctl {
namespace {

std::string Or(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

}  // namespace

void RegisterDoctor(CLI::App& app, int& exit_code) {
  auto root = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("doctor", "Check toolchains and the machine");
  cmd->add_option("--root", *root, "The benchctl checkout (default: found from here)");
  cmd->callback([root, &exit_code]() {
    Paths paths = FindPaths(*root);
    auto toolchains = LoadToolchains(paths.root / "toolchains");
    int missing = 0;
    fmt::print("Toolchains\n");
    for (const auto& [lang, t] : toolchains) {
      ToolchainProbe p = ProbeToolchain(t, paths.root);
      if (p.found && !p.expected_version) {
        fmt::print(
            "  OK       {:<5} {:<40} {}\n           warning: the project expects {}; numbers "
            "will not compare with results from that version\n",
            lang, p.version, p.paths.begin()->second, t.expected_version);
      } else if (p.found) {
        fmt::print("  OK       {:<5} {:<40} {}\n", lang, p.version, p.paths.begin()->second);
      } else {
        ++missing;
        fmt::print("  MISSING  {:<5} {}\n", lang, p.problem);
      }
    }
    SystemInfo s = ReadSystemInfo();
    fmt::print("\nMachine\n");
    fmt::print("  cpu        {} ({} logical CPUs, online {}, allowed {})\n", s.cpu_model,
               s.logical_cpus, fmt::join(s.online_cpus, ","), fmt::join(s.allowed_cpus, ","));
    fmt::print("  kernel     {}\n  os         {}\n", s.kernel, s.os);
    fmt::print("  memory     {:.1f} GiB\n", static_cast<double>(s.memory_total_bytes) / (1 << 30));
    std::string governors;
    for (const auto& [g, cpus] : s.governors)
      governors += fmt::format("{} (CPUs {}) ", g, fmt::join(cpus, ","));
    fmt::print("  governor   {}\n", Or(governors, "unreadable"));
    fmt::print("  boost      {}\n  smt        {}\n  aslr       {}\n  thp        {}\n", s.boost,
               s.smt, s.aslr, s.transparent_hugepages);
    fmt::print("  virtual    {}\n", s.hypervisor ? "yes (hypervisor flag set)" : "no");
    if (s.load_average) {
      fmt::print("  load       {:.2f} {:.2f} {:.2f}\n", (*s.load_average)[0], (*s.load_average)[1],
                 (*s.load_average)[2]);
    }
    if (s.steal_percent) {
      fmt::print("  steal      {:.2f}% now, {:.2f}% since boot\n", *s.steal_percent,
                 s.steal_percent_since_boot.value_or(0));
    }
    fmt::print("  perf       {} ({})\n", s.perf_counters_usable ? "usable" : "NOT usable",
               s.perf_counters_reason);
    fmt::print("  callgrind  {}\n",
               s.callgrind_usable ? "usable (" + s.valgrind_version + ")" : "NOT usable");
    auto warnings = NoiseWarnings(s);
    if (!warnings.empty()) fmt::print("\nWhat makes numbers noisy here\n");
    for (const auto& w : warnings) {
      fmt::print("  warning: {}\n           effect: {}\n           fix: {}\n", w.condition,
                 w.effect, w.fix);
    }
    if (missing > 0) {
      fmt::print("\n{} toolchain(s) missing: run scripts/setup.sh\n", missing);
    }
    exit_code = missing > 0 ? kExitFailures : kExitOk;
  });
}

}  // namespace benchctl
