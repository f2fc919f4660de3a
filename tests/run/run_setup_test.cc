// The blocks a run records before it executes (harness/run/run_setup.h): the same JSON result
// files have always held, now built from the typed RunEnvironment and RunConfig.
#include "run_setup.h"

#include <gtest/gtest.h>

#include <set>

namespace benchctl {
namespace {

using nlohmann::json;

class DescribedSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"op"}; }
  int DefaultProcesses() const override { return 3; }
  void Prepare(const RunOptions&, const Paths&) override {}
  std::vector<JobSpec> PlanJobs(const Manifest&, const std::string&, const RunOptions&,
                                const Paths&) const override {
    return {};
  }
  json Describe() const override { return {{"argument", "benchctl-startup-5"}}; }
};

std::set<std::string> Keys(const json& obj) {
  std::set<std::string> keys;
  for (const auto& [key, value] : obj.items()) keys.insert(key);
  return keys;
}

TEST(RunSetupTest, EnvironmentHoldsTheWholeSystemRecordAndTheCpuPlan) {
  SystemInfo system;
  system.hostname = "vm";
  system.cpu_model = "AMD EPYC";
  system.logical_cpus = 2;
  system.kernel = "6.1";
  system.aslr = "2";
  CpuPlan cpus{{1}, {}, {0}, false};
  json env = RecordedEnvironment(system, cpus);
  EXPECT_EQ(env["system"], system.ToJson());
  EXPECT_EQ(env["child_cpus"], json({1}));
  EXPECT_EQ(env["orchestrator_cpus"], json({0}));
  EXPECT_EQ(env["load_generator_cpus"], json::array());
  EXPECT_EQ(env["orchestrator_shares_child_cpus"], false);
  EXPECT_TRUE(env["noise_warnings"].is_array());
  EXPECT_FALSE(env.contains("estimated_cpu_hz"));  // Measured later, for throughput runs only.
}

TEST(RunSetupTest, ConfigHasTheKeysResultFilesHaveAndTheSuitesOptions) {
  RunOptions o;
  o.suite = "startup";
  o.seed = 5;
  o.quick = true;
  o.cpus = "1";
  o.command = {"benchctl", "run", "--suite", "startup", "--quick", "--cpus", "1"};
  DescribedSuite suite;
  std::map<std::string, std::vector<std::string>> suite_options = {
      {"shapes", {}}, {"sizes", {}}, {"inputs", {"a.json"}}};
  json config = RecordedConfig(o, 2, suite, suite_options, {{0, 1}, {1, 0}});
  EXPECT_EQ(Keys(config),
            (std::set<std::string>{
                "suite",         "languages",       "impls",         "operations", "shapes",
                "sizes",         "inputs",          "processes",     "samples",    "warmup",
                "min_sample_ms", "timeout_seconds", "seed",          "input_seed", "quick",
                "order",         "instructions",    "suite_details", "cpus",       "command"}));
  EXPECT_EQ(config["cpus"], "1");
  EXPECT_EQ(config["command"], json(o.command));
  EXPECT_EQ(config["inputs"], json({"a.json"}));
  EXPECT_EQ(config["processes"], 2);
  EXPECT_EQ(config["seed"], 5u);
  EXPECT_EQ(config["order"], json({{0, 1}, {1, 0}}));
  EXPECT_EQ(config["suite_details"], suite.Describe());
  EXPECT_TRUE(config["instructions"].is_null());  // Not counted (PlanRun sets it when counted).
  EXPECT_FALSE(RecordedInstructions(CallgrindSettings{}, SystemInfo{}).has_value());
}

TEST(RunSetupTest, InstructionsRecordHowTheyWereCounted) {
  CallgrindSettings settings;
  settings.measurements = 3;
  settings.valgrind = "/usr/bin/valgrind";
  SystemInfo system;
  system.valgrind_version = "valgrind-3.19.0";
  auto counted = RecordedInstructions(settings, system);
  ASSERT_TRUE(counted.has_value());
  json j = *counted;
  EXPECT_EQ(Keys(j), (std::set<std::string>{"tool", "valgrind", "valgrind_version", "measurements",
                                            "extra_target_ns", "min_extra_iterations",
                                            "language_env", "method"}));
  EXPECT_EQ(j["measurements"], 3);
  EXPECT_EQ(j["valgrind_version"], "valgrind-3.19.0");
}

}  // namespace
}  // namespace benchctl
