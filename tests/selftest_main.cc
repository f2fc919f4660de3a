// benchctl-selftest: the benchctl CLI plus the test-only suites that the fault workloads in
// tests/fault_workloads/ implement. Tests run this binary; the shipped benchctl does not offer
// the suites.
#include <string>

#include "cli.h"
#include "suite_registry.h"

namespace benchctl {
namespace {

constexpr std::uint64_t kDefaultN = 100000;

// Operation `sum`: the body sums 1..n; the reference is Gauss's formula.
class SelftestSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"sum"}; }
  int DefaultProcesses() const override { return 3; }
  void Prepare(const RunOptions&, const Paths&) override {}
  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary,
                                const RunOptions& options, const Paths&) const override {
    const auto& given = options.SuiteOptionValues("sum-to");
    const std::uint64_t n = given.empty() ? kDefaultN : std::stoull(given.front());
    JobSpec job = BaseJob(m, "sum", binary);
    job.env["BENCHCTL_PARAM_N"] = std::to_string(n);
    job.expected = {{"sum", n * (n + 1) / 2}};
    return {job};
  }
  nlohmann::json Describe() const override { return nlohmann::json::object(); }
};

// The suite's own option, for the tests of suite options (tests/cli/suite_options_cli_test.cc).
std::vector<SuiteOption> SelftestOptions() {
  auto check = [](const std::string& value) -> std::string {
    bool digits = !value.empty() && value.size() <= 9 &&
                  value.find_first_not_of("0123456789") == std::string::npos;
    return digits && std::stoull(value) > 0 ? "" : "expected a whole number from 1 to 999999999";
  };
  return {{"sum-to", "sum_to", "sum 1..N instead of 1..100000", false, check}};
}

// The same jobs, each needing two job CPUs and a load-generator CPU (as SPSC and HTTP suites
// will): for the tests of the CPU plan's errors.
class SelftestPairSuite : public SelftestSuite {
 public:
  CpuNeeds CpuNeedsPerJob() const override { return {2, 1}; }
};

std::unique_ptr<Suite> MakeSelftestSuite() { return std::make_unique<SelftestSuite>(); }
std::unique_ptr<Suite> MakeSelftestPairSuite() { return std::make_unique<SelftestPairSuite>(); }

}  // namespace
}  // namespace benchctl

int main(int argc, char** argv) {
  benchctl::RegisterTestSuite({"selftest", benchctl::MakeSelftestSuite, benchctl::SelftestOptions});
  benchctl::RegisterTestSuite({"selftest-pair", benchctl::MakeSelftestPairSuite});
  return benchctl::RunCli(argc, argv);
}
