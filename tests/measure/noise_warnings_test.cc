#include "noise_warnings.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace benchctl {
namespace {

// A bare-metal machine tuned as the noise warnings ask: no rule should fire.
SystemInfo QuietMachine() {
  SystemInfo info;
  info.cpu_model = "Test CPU";
  info.logical_cpus = 4;
  info.online_cpus = {0, 1, 2, 3};
  info.allowed_cpus = {0, 1, 2, 3};
  info.isolated_cpus = std::vector<int>{1, 2, 3};
  info.governors = {{"performance", {0, 1, 2, 3}}};
  info.boost = "disabled";
  info.smt = "off";
  info.aslr = "0";
  info.transparent_hugepages = "madvise";
  info.hypervisor = false;
  info.load_average = {{0.05, 0.1, 0.1}};
  info.steal_percent = 0.0;
  info.steal_percent_since_boot = 0.0;
  info.perf_counters_usable = true;
  info.perf_counters_reason = "counted";
  info.perf_event_paranoid = "2";
  info.callgrind_usable = true;
  info.valgrind_version = "valgrind-3.19.0";
  return info;
}

// The single warning `info` produces; fails the test if there is not exactly one.
NoiseWarning OnlyWarning(const SystemInfo& info) {
  const auto warnings = NoiseWarnings(info);
  if (warnings.size() != 1) {
    ADD_FAILURE() << "expected one warning, got " << warnings.size();
    for (const auto& w : warnings) ADD_FAILURE() << "warning: " << w.condition;
  }
  return warnings.empty() ? NoiseWarning{} : warnings.front();
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(NoiseWarnings, QuietMachineHasNone) { EXPECT_TRUE(NoiseWarnings(QuietMachine()).empty()); }

TEST(NoiseWarnings, EveryWarningIsComplete) {
  SystemInfo info = QuietMachine();
  info.hypervisor = true;
  info.smt = "on";
  info.perf_counters_usable = false;
  for (const auto& w : NoiseWarnings(info)) {
    EXPECT_FALSE(w.condition.empty());
    EXPECT_FALSE(w.effect.empty());
    EXPECT_FALSE(w.fix.empty()) << w.condition;
  }
}

TEST(NoiseWarnings, GovernorNotPerformance) {
  SystemInfo info = QuietMachine();
  info.governors = {{"performance", {0, 1}}, {"powersave", {2, 3}}};
  const auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.condition, "powersave on CPUs 2-3"));
  EXPECT_TRUE(Contains(w.fix, "cpupower frequency-set -g performance"));
}

TEST(NoiseWarnings, GovernorUnreadableOnBareMetalOnly) {
  SystemInfo info = QuietMachine();
  info.governors = {{"unreadable", {0, 1, 2, 3}}};
  EXPECT_TRUE(Contains(OnlyWarning(info).condition, "unreadable"));
  info.hypervisor = true;  // Then the VM warning speaks for it.
  for (const auto& w : NoiseWarnings(info)) EXPECT_FALSE(Contains(w.condition, "governor"));
}

TEST(NoiseWarnings, BoostEnabled) {
  SystemInfo info = QuietMachine();
  info.boost = "enabled";
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "no_turbo"));
  info.boost = "unreadable";
  EXPECT_TRUE(Contains(OnlyWarning(info).condition, "unreadable"));
}

TEST(NoiseWarnings, SmtOn) {
  SystemInfo info = QuietMachine();
  info.smt = "on";
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "smt/control"));
  info.smt = "notsupported";
  EXPECT_TRUE(NoiseWarnings(info).empty());
}

TEST(NoiseWarnings, AslrOn) {
  SystemInfo info = QuietMachine();
  info.aslr = "2";
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "randomize_va_space"));
  info.aslr = "unreadable";
  EXPECT_TRUE(NoiseWarnings(info).empty());
}

TEST(NoiseWarnings, TransparentHugePagesAlways) {
  SystemInfo info = QuietMachine();
  info.transparent_hugepages = "always";
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "transparent_hugepage"));
}

TEST(NoiseWarnings, LoadAboveTenPercentOfCpus) {
  SystemInfo info = QuietMachine();
  info.load_average = {{0.4, 0.0, 0.0}};  // Exactly 10% of 4 CPUs: fine.
  EXPECT_TRUE(NoiseWarnings(info).empty());
  info.load_average = {{0.5, 0.0, 0.0}};
  EXPECT_TRUE(Contains(OnlyWarning(info).condition, "load average 0.50"));
}

TEST(NoiseWarnings, StealAboveOnePercent) {
  SystemInfo info = QuietMachine();
  info.steal_percent = 1.0;
  EXPECT_TRUE(NoiseWarnings(info).empty());
  info.steal_percent = 2.5;
  const auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.condition, "2.5% now"));
  EXPECT_TRUE(Contains(w.fix, kCannotChangeOnSharedVm));
  info.steal_percent = 0.0;
  info.steal_percent_since_boot = 3.0;
  EXPECT_TRUE(Contains(OnlyWarning(info).condition, "3.0% since boot"));
}

TEST(NoiseWarnings, Virtualised) {
  SystemInfo info = QuietMachine();
  info.hypervisor = true;
  const auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.condition, "virtual machine"));
  EXPECT_TRUE(Contains(w.fix, kCannotChangeOnSharedVm));
}

TEST(NoiseWarnings, PerfCountersUnusableSaysCallgrindAndFix) {
  SystemInfo info = QuietMachine();
  info.perf_counters_usable = false;
  info.perf_counters_errno = EACCES;
  auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.effect, "only via callgrind"));
  EXPECT_TRUE(Contains(w.fix, "perf_event_paranoid"));
  info.perf_counters_errno = ENOENT;
  info.hypervisor = true;
  for (const auto& warning : NoiseWarnings(info)) {
    if (Contains(warning.condition, "performance counters")) {
      EXPECT_TRUE(Contains(warning.fix, kCannotChangeOnSharedVm));
    }
  }
}

TEST(NoiseWarnings, CallgrindMissing) {
  SystemInfo info = QuietMachine();
  info.callgrind_usable = false;
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "apt-get install valgrind"));
  info.perf_counters_usable = false;
  for (const auto& w : NoiseWarnings(info)) {
    if (Contains(w.condition, "performance counters")) {
      EXPECT_TRUE(Contains(w.effect, "not installed either"));
    }
  }
}

TEST(NoiseWarnings, TwoCpusSaysWhichCpuGoesWhere) {
  SystemInfo info = QuietMachine();
  info.online_cpus = {0, 1};
  info.allowed_cpus = {0, 1};
  info.isolated_cpus = std::vector<int>{1};
  info.load_average = {{0.0, 0.0, 0.0}};
  const auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.condition, "orchestrator can have CPU 0 and the children CPU 1"));
}

TEST(NoiseWarnings, OneCpuCannotSeparateOrchestrator) {
  SystemInfo info = QuietMachine();
  info.allowed_cpus = {2};  // A cpuset narrower than the online CPUs.
  info.load_average = {{0.0, 0.0, 0.0}};
  const auto w = OnlyWarning(info);
  EXPECT_TRUE(Contains(w.condition, "only 1 usable CPUs (2)"));
  EXPECT_TRUE(Contains(w.condition, "cannot be kept off"));
}

TEST(NoiseWarnings, NoIsolatedCpus) {
  SystemInfo info = QuietMachine();
  info.isolated_cpus = std::vector<int>{};
  EXPECT_TRUE(Contains(OnlyWarning(info).fix, "isolcpus=1-3 nohz_full=1-3"));
  info.isolated_cpus = std::nullopt;  // Unknown: no claim either way.
  EXPECT_TRUE(NoiseWarnings(info).empty());
}

TEST(UsableCpus, IntersectsAffinityWithOnline) {
  SystemInfo info;
  info.online_cpus = {0, 1, 2, 3};
  info.allowed_cpus = {2, 3, 4};
  EXPECT_EQ(UsableCpus(info), (std::vector<int>{2, 3}));
  info.allowed_cpus.clear();
  EXPECT_EQ(UsableCpus(info), (std::vector<int>{0, 1, 2, 3}));
}

TEST(FormatCpuList, UsesKernelRanges) {
  EXPECT_EQ(FormatCpuList({0, 1, 2, 3, 6}), "0-3,6");
  EXPECT_EQ(FormatCpuList({1}), "1");
  EXPECT_EQ(FormatCpuList({}), "");
  EXPECT_EQ(FormatCpuList({0, 2, 3}), "0,2-3");
}

}  // namespace
}  // namespace benchctl
