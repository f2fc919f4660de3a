// `run --param` and a suite's CPU needs on the command line: refused before anything is built
// (exit 2), naming the parameter, the value and what is allowed, or the CPUs the suite needs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectMentions;
using testing::TempDir;

constexpr int kUsage = 2;

CommandResult RunSpsc(const std::vector<std::string>& extra, const TempDir& tmp) {
  SpawnSpec spec;
  spec.argv = {BENCHCTL_SHIPPED_BINARY,
               "run",
               "--suite",
               "spsc",
               "--quick",
               "--root",
               testing::SourceDir().string(),
               "--build-dir",
               (tmp / "build").string(),
               "--out",
               (tmp / "r.json").string()};
  spec.argv.insert(spec.argv.end(), extra.begin(), extra.end());
  return RunCommand(spec, std::chrono::seconds(60));
}

void ExpectRefusedBeforeBuilding(const CommandResult& r, const TempDir& tmp,
                                 const std::vector<std::string>& words) {
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, words);
  EXPECT_FALSE(std::filesystem::exists(tmp / "build")) << "built before refusing";
  EXPECT_FALSE(std::filesystem::exists(tmp / "r.json"));
}

TEST(ParamsCliTest, AnUnknownParameterListsTheSuitesParameters) {
  TempDir tmp;
  ExpectRefusedBeforeBuilding(RunSpsc({"--param", "cap=64"}, tmp), tmp,
                              {"--param cap: the spsc suite has no parameter \"cap\"",
                               "its parameters: capacity, items, round_trips"});
}

TEST(ParamsCliTest, AValueOutsideItsRangeNamesWhatIsAllowed) {
  TempDir tmp;
  ExpectRefusedBeforeBuilding(
      RunSpsc({"--param", "capacity=64,1000"}, tmp), tmp,
      {"--param capacity=1000: not a power of two", "allowed: a power of two from 2 to 16777216"});
  ExpectRefusedBeforeBuilding(RunSpsc({"--param", "round_trips=0"}, tmp), tmp,
                              {"--param round_trips=0: out of range 1 to 100000000"});
}

TEST(ParamsCliTest, ParametersThatCannotRunTogetherAreRefused) {
  TempDir tmp;
  ExpectRefusedBeforeBuilding(RunSpsc({"--param", "capacity=4096", "--param", "items=1024"}, tmp),
                              tmp, {"items=1024 is not a multiple of capacity/2 = 2048"});
}

TEST(ParamsCliTest, BadSyntaxAndParametersOfSuitesThatHaveNone) {
  TempDir tmp;
  ExpectRefusedBeforeBuilding(RunSpsc({"--param", "capacity"}, tmp), tmp,
                              {"--param capacity: expected NAME=VALUE"});
  SpawnSpec spec;
  spec.argv = {BENCHCTL_SHIPPED_BINARY, "run", "--suite", "startup", "--param", "n=1"};
  CommandResult r = RunCommand(spec, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"the startup suite has no parameter \"n\"; it declares none"});
}

TEST(ParamsCliTest, ASuiteThatNeedsTwoCpusRefusesOne) {
  TempDir tmp;
  ExpectRefusedBeforeBuilding(RunSpsc({"--cpus", "0"}, tmp), tmp, {"spsc", "2"});
}

}  // namespace
}  // namespace benchctl
