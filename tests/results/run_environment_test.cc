// The typed `environment` block (harness/results/run_environment.h): the keys result files have
// always had, lenient for what is missing, strict for wrong types, and nothing lost on a round
// trip.
#include "run_environment.h"

#include <gtest/gtest.h>

#include <string>

#include "error.h"

namespace benchctl {
namespace {

using nlohmann::json;

RunEnvironment Read(const json& env) {
  return ReadRunEnvironment(ResultReader("r.json"), env, "environment.");
}

// The message of reading `env`, or "" if it was read.
std::string ReadError(const json& env) {
  try {
    Read(env);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(RunEnvironmentTest, WritesTheKeysResultFilesHave) {
  RunEnvironment e;
  e.system.cpu_model = "AMD EPYC";
  e.system.logical_cpus = 2;
  e.system.kernel = "6.1";
  e.system.extra = {{"hostname", "vm"}, {"isolated_cpus", "unreadable"}};
  e.child_cpus = {1};
  e.orchestrator_cpus = {0};
  e.noise_warnings.resize(1);
  e.noise_warnings[0].condition = "ASLR is on";
  e.noise_warnings[0].effect = "noise";
  e.noise_warnings[0].fix = "turn it off";
  EXPECT_EQ(json(e), json::parse(R"({
    "system": {"cpu_model": "AMD EPYC", "logical_cpus": 2, "kernel": "6.1", "hostname": "vm",
               "isolated_cpus": "unreadable"},
    "child_cpus": [1], "load_generator_cpus": [], "orchestrator_cpus": [0],
    "orchestrator_shares_child_cpus": false,
    "noise_warnings": [{"condition": "ASLR is on", "effect": "noise", "fix": "turn it off"}]})"));
  // Measured only for throughput runs: then both keys are written.
  e.memory_read_bandwidth_bytes_per_s = 2.5e10;
  e.estimated_cpu_hz = 3.5e9;
  json j = e;
  EXPECT_EQ(j["memory_read_bandwidth_bytes_per_s"], 2.5e10);
  EXPECT_EQ(j["estimated_cpu_hz"], 3.5e9);
}

TEST(RunEnvironmentTest, RoundTripKeepsEveryKeyAsRecorded) {
  const json recorded = json::parse(R"({
    "system": {"cpu_model": "AMD EPYC", "logical_cpus": 2, "kernel": "6.1",
               "governors": {"unreadable": [0, 1]}, "load_average": [1.5, 2, 3]},
    "child_cpus": [2, 3], "load_generator_cpus": [1], "orchestrator_cpus": [0],
    "orchestrator_shares_child_cpus": true,
    "noise_warnings": [{"condition": "c", "effect": "e", "fix": "f", "since": "v2"}],
    "memory_read_bandwidth_bytes_per_s": 2.5e10, "estimated_cpu_hz": null,
    "from_a_later_version": {"x": [1, "a"]}})");
  RunEnvironment e = Read(recorded);
  EXPECT_EQ(e.system.cpu_model, "AMD EPYC");
  EXPECT_EQ(e.system.logical_cpus, 2);
  EXPECT_EQ(e.child_cpus, (std::vector<int>{2, 3}));
  EXPECT_EQ(e.load_generator_cpus, std::vector<int>{1});
  EXPECT_TRUE(e.orchestrator_shares_child_cpus);
  ASSERT_EQ(e.noise_warnings.size(), 1u);
  EXPECT_EQ(e.noise_warnings[0].fix, "f");
  EXPECT_EQ(e.memory_read_bandwidth_bytes_per_s, 2.5e10);
  EXPECT_FALSE(e.estimated_cpu_hz.has_value());  // null: not measured, and written back as null.
  EXPECT_EQ(json(e), recorded);
  EXPECT_EQ(Read(json(e)), e);
}

TEST(RunEnvironmentTest, MissingKeysReadAsNotRecorded) {
  RunEnvironment e = Read(json::object());
  EXPECT_FALSE(e.system.cpu_model.has_value());
  EXPECT_FALSE(e.system.logical_cpus.has_value());
  EXPECT_TRUE(e.child_cpus.empty());
  EXPECT_TRUE(e.noise_warnings.empty());
  EXPECT_FALSE(e.memory_read_bandwidth_bytes_per_s.has_value());
  // A file from before load generators existed has no load_generator_cpus.
  EXPECT_TRUE(Read({{"child_cpus", {1}}}).load_generator_cpus.empty());
  EXPECT_EQ(json(Read({{"system", json::object()}}))["system"], json::object());
}

TEST(RunEnvironmentTest, WrongTypesNameTheFileAndTheKey) {
  EXPECT_EQ(ReadError({{"system", {{"kernel", json::array()}}}}),
            "r.json: not a benchctl result file: `environment.system.kernel` has type array");
  EXPECT_EQ(
      ReadError({{"child_cpus", {1, 2.5}}}),
      "r.json: not a benchctl result file: `environment.child_cpus[1]` is not a whole number");
  EXPECT_EQ(ReadError({{"child_cpus", 1}}),
            "r.json: not a benchctl result file: `environment.child_cpus` has type number");
  EXPECT_EQ(ReadError({{"orchestrator_shares_child_cpus", "no"}}),
            "r.json: not a benchctl result file: `environment.orchestrator_shares_child_cpus` has "
            "type string");
  EXPECT_EQ(ReadError({{"noise_warnings", {{{"fix", false}}}}}),
            "r.json: not a benchctl result file: `environment.noise_warnings[0].fix` has type "
            "boolean");
  EXPECT_EQ(ReadError({{"estimated_cpu_hz", -3}}),
            "r.json: not a benchctl result file: `environment.estimated_cpu_hz` is out of range: "
            "-3 (must be a finite number from 0)");
}

}  // namespace
}  // namespace benchctl
