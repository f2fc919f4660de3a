// benchctl-selftest: the benchctl CLI plus the test-only `selftest` suite that
// the fault workloads in tests/fault_workloads/ implement. Tests run this
// binary; the shipped benchctl does not offer the suite.
#include "cli.h"
#include "suite_registry.h"

namespace benchctl {
namespace {

// Operation `sum`: the body sums 1..n; the reference is Gauss's formula.
class SelftestSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"sum"}; }
  int DefaultProcesses() const override { return 3; }
  void Prepare(const RunOptions&, const Paths&) override {}
  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary, const RunOptions&,
                                const Paths&) const override {
    constexpr std::uint64_t kN = 100000;
    JobSpec job = BaseJob(m, "sum", binary);
    job.env["BENCHCTL_PARAM_N"] = std::to_string(kN);
    job.expected = {{"sum", kN * (kN + 1) / 2}};
    return {job};
  }
  nlohmann::json Describe() const override { return nlohmann::json::object(); }
};

std::unique_ptr<Suite> MakeSelftestSuite() { return std::make_unique<SelftestSuite>(); }

}  // namespace
}  // namespace benchctl

int main(int argc, char** argv) {
  benchctl::RegisterTestSuite({"selftest", benchctl::MakeSelftestSuite});
  return benchctl::RunCli(argc, argv);
}
