// Planning jobs (harness/run/run_plan.h): --op is applied here, once, for every suite.
#include "run_plan.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

// A suite that plans one job per operation of the manifest, ignoring --op.
class EveryOperationSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"a", "b", "c"}; }
  int DefaultProcesses() const override { return 3; }
  void Prepare(const RunOptions&, const Paths&) override {}
  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary, const RunOptions&,
                                const Paths&) const override {
    std::vector<JobSpec> jobs;
    for (const auto& op : m.operations) jobs.push_back(BaseJob(m, op, binary));
    return jobs;
  }
  nlohmann::json Describe() const override { return nlohmann::json::object(); }
};

std::vector<std::string> Operations(const std::vector<JobSpec>& jobs) {
  std::vector<std::string> ops;
  for (const auto& job : jobs) ops.push_back(job.operation);
  return ops;
}

TEST(PlanJobsTest, OpFilterIsAppliedForEverySuite) {
  BuiltWorkload built;
  built.manifest.suite = "test";
  built.manifest.name = "cpp-x";
  built.manifest.operations = {"a", "b", "c"};
  built.build.ok = true;
  built.build.binary = "/bin/true";
  EveryOperationSuite suite;
  RunOptions options;
  EXPECT_EQ(Operations(PlanJobs(suite, {built}, options, Paths{})),
            (std::vector<std::string>{"a", "b", "c"}));
  options.operations = {"c", "a"};
  EXPECT_EQ(Operations(PlanJobs(suite, {built}, options, Paths{})),
            (std::vector<std::string>{"a", "c"}));
}

TEST(PlanJobsTest, AFailedBuildFailsItsJobsUpFront) {
  BuiltWorkload built;
  built.manifest.suite = "test";
  built.manifest.name = "cpp-x";
  built.manifest.operations = {"a"};
  built.build.error = "g++ failed";
  EveryOperationSuite suite;
  std::vector<JobSpec> jobs = PlanJobs(suite, {built}, RunOptions{}, Paths{});
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].setup_failure, "g++ failed");
}

}  // namespace
}  // namespace benchctl
