#include "system_info.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

// Trimmed from a 2-vCPU KVM guest (Debian 12).
constexpr std::string_view kX86Cpuinfo = R"(processor	: 0
vendor_id	: GenuineIntel
cpu family	: 6
model		: 207
model name	: Intel(R) Xeon(R) Processor
cpu MHz		: 2300.000
flags		: fpu vme de pse tsc msr pae hypervisor lahf_lm abm

processor	: 1
vendor_id	: GenuineIntel
model name	: Intel(R) Xeon(R) Processor
flags		: fpu vme de pse tsc msr pae hypervisor lahf_lm abm
)";

constexpr std::string_view kArm64Cpuinfo = R"(processor	: 0
BogoMIPS	: 50.00
Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics
CPU implementer	: 0x41
CPU architecture: 8
CPU variant	: 0x3
CPU part	: 0xd0c
CPU revision	: 1
)";

TEST(ParseCpuModel, ReadsX86ModelName) {
  EXPECT_EQ(ParseCpuModel(kX86Cpuinfo), "Intel(R) Xeon(R) Processor");
}

TEST(ParseCpuModel, FallsBackToArm64ImplementerAndPart) {
  EXPECT_EQ(ParseCpuModel(kArm64Cpuinfo), "CPU implementer 0x41 part 0xd0c");
}

TEST(ParseCpuModel, ReadsPowerCpuLine) {
  EXPECT_EQ(ParseCpuModel("processor\t: 0\ncpu\t\t: POWER9 (raw), altivec supported\n"),
            "POWER9 (raw), altivec supported");
}

TEST(ParseCpuModel, DoesNotMistakeCpuFamilyForModel) {
  EXPECT_EQ(ParseCpuModel("cpu family\t: 6\ncpu MHz\t: 2300.000\n"), std::nullopt);
  EXPECT_EQ(ParseCpuModel(""), std::nullopt);
}

TEST(ParseHypervisorFlag, FindsWholeFlagOnly) {
  EXPECT_TRUE(ParseHypervisorFlag(kX86Cpuinfo));
  EXPECT_FALSE(ParseHypervisorFlag("flags\t\t: fpu vme not_hypervisor_x\n"));
  EXPECT_FALSE(ParseHypervisorFlag(kArm64Cpuinfo));
}

TEST(ParseLoadAverage, ReadsThreeLoads) {
  const auto loads = ParseLoadAverage("0.12 0.20 1.50 1/94 6502\n");
  ASSERT_TRUE(loads.has_value());
  EXPECT_DOUBLE_EQ((*loads)[0], 0.12);
  EXPECT_DOUBLE_EQ((*loads)[1], 0.20);
  EXPECT_DOUBLE_EQ((*loads)[2], 1.50);
}

TEST(ParseLoadAverage, RejectsMalformed) {
  EXPECT_EQ(ParseLoadAverage(""), std::nullopt);
  EXPECT_EQ(ParseLoadAverage("0.12 x 1.5"), std::nullopt);
  EXPECT_EQ(ParseLoadAverage("0.12 0.20"), std::nullopt);
}

TEST(ParseCpuList, ExpandsRangesAndSingles) {
  EXPECT_EQ(ParseCpuList("0-3,6"), (std::vector<int>{0, 1, 2, 3, 6}));
  EXPECT_EQ(ParseCpuList("0-1\n"), (std::vector<int>{0, 1}));
  EXPECT_EQ(ParseCpuList("5"), (std::vector<int>{5}));
  EXPECT_EQ(ParseCpuList("0,2-3,8-9"), (std::vector<int>{0, 2, 3, 8, 9}));
}

TEST(ParseCpuList, EmptyMeansNoCpus) {
  EXPECT_EQ(ParseCpuList(""), std::vector<int>{});
  EXPECT_EQ(ParseCpuList("\n"), std::vector<int>{});
}

TEST(ParseCpuList, RejectsMalformed) {
  EXPECT_EQ(ParseCpuList("a"), std::nullopt);
  EXPECT_EQ(ParseCpuList("3-1"), std::nullopt);
  EXPECT_EQ(ParseCpuList("0-"), std::nullopt);
  EXPECT_EQ(ParseCpuList("0,,1"), std::nullopt);
}

// /proc/stat: user nice system idle iowait irq softirq steal guest guest_nice.
constexpr std::string_view kStatBefore =
    "cpu  1000 0 500 8000 100 0 100 300 50 0\n"
    "cpu0 500 0 250 4000 50 0 50 150 25 0\n"
    "intr 12345\n";
constexpr std::string_view kStatAfter =
    "cpu  1020 0 510 8060 100 0 100 310 60 0\n"
    "cpu0 510 0 255 4030 50 0 50 155 30 0\n"
    "intr 12400\n";

TEST(ComputeStealPercent, UsesAggregateLineAndExcludesGuest) {
  // Deltas: user 20, system 10, idle 60, steal 10 -> total 100 (guest's 10 is in user).
  const auto steal = ComputeStealPercent(kStatBefore, kStatAfter);
  ASSERT_TRUE(steal.has_value());
  EXPECT_DOUBLE_EQ(*steal, 10.0);
}

TEST(ComputeStealPercent, NoTimePassedOrMalformedIsUnknown) {
  EXPECT_EQ(ComputeStealPercent(kStatBefore, kStatBefore), std::nullopt);
  EXPECT_EQ(ComputeStealPercent("", kStatAfter), std::nullopt);
  EXPECT_EQ(ComputeStealPercent(kStatBefore, "cpu0 1 2 3 4\n"), std::nullopt);
}

TEST(ComputeStealPercent, OldKernelWithoutStealColumnIsZero) {
  const auto steal = ComputeStealPercent("cpu 10 0 10 80\n", "cpu 20 0 20 160\n");
  ASSERT_TRUE(steal.has_value());
  EXPECT_DOUBLE_EQ(*steal, 0.0);
}

TEST(StealPercentSinceBoot, RatioOfCumulativeCounters) {
  // Total of the first eight columns is 10000; steal 300.
  const auto steal = StealPercentSinceBoot(kStatBefore);
  ASSERT_TRUE(steal.has_value());
  EXPECT_DOUBLE_EQ(*steal, 3.0);
}

TEST(ParseOsRelease, ReadsQuotedPrettyName) {
  EXPECT_EQ(ParseOsRelease("NAME=\"Debian GNU/Linux\"\n"
                           "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                           "VERSION_ID=\"12\"\n"),
            "Debian GNU/Linux 12 (bookworm)");
}

TEST(ParseOsRelease, HandlesUnquotedAndEscapedValues) {
  EXPECT_EQ(ParseOsRelease("PRETTY_NAME=Alpine\n"), "Alpine");
  EXPECT_EQ(ParseOsRelease("PRETTY_NAME=\"Say \\\"hi\\\"\"\n"), "Say \"hi\"");
  EXPECT_EQ(ParseOsRelease("NAME=Fedora\n"), std::nullopt);
}

TEST(ParseMemTotalBytes, ConvertsKibToBytes) {
  EXPECT_EQ(ParseMemTotalBytes("MemTotal:       24684000 kB\nMemFree: 1 kB\n"),
            std::uint64_t{24684000} * 1024);
  EXPECT_EQ(ParseMemTotalBytes("MemFree: 1 kB\n"), std::nullopt);
}

TEST(ParseText, LastLineWithoutNewlineIsRead) {
  EXPECT_EQ(ParseMemTotalBytes("MemFree: 1 kB\nMemTotal: 4 kB"), std::uint64_t{4096});
  EXPECT_EQ(ParseOsRelease("PRETTY_NAME=x"), "x");
  EXPECT_EQ(ParseCpuModel("model name : M"), "M");
  EXPECT_EQ(ParseCpuList("1,3"), (std::vector<int>{1, 3}));
}

TEST(ParseBracketedChoice, ReturnsSelectedValue) {
  EXPECT_EQ(ParseBracketedChoice("always [madvise] never\n"), "madvise");
  EXPECT_EQ(ParseBracketedChoice("madvise\n"), std::nullopt);
}

TEST(SystemInfo, ToJsonWritesUnreadableForUnknowns) {
  SystemInfo info;
  info.cpu_model = "X";
  const auto json = info.ToJson();
  EXPECT_EQ(json.at("cpu_model"), "X");
  EXPECT_EQ(json.at("load_average"), "unreadable");
  EXPECT_EQ(json.at("steal_percent"), "unreadable");
  EXPECT_EQ(json.at("online_cpus"), "unreadable");
  info.load_average = {{0.5, 0.25, 0.125}};
  info.online_cpus = {0, 1};
  EXPECT_EQ(info.ToJson().at("load_average"), nlohmann::json({0.5, 0.25, 0.125}));
  EXPECT_EQ(info.ToJson().at("online_cpus"), nlohmann::json({0, 1}));
}

TEST(ReadSystemInfo, DescribesThisMachine) {
  const SystemInfo info = ReadSystemInfo();
  EXPECT_GE(info.logical_cpus, 1);
  EXPECT_FALSE(info.cpu_model.empty());
  EXPECT_NE(info.cpu_model, kUnreadable);
  EXPECT_FALSE(info.allowed_cpus.empty());
  EXPECT_FALSE(info.kernel.empty());
  EXPECT_FALSE(info.governors.empty());
  EXPECT_FALSE(info.perf_counters_reason.empty());
  EXPECT_NO_THROW(info.ToJson().dump());
}

}  // namespace
}  // namespace benchctl
