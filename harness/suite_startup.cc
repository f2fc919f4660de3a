#include <fmt/format.h>

#include "suites.h"

namespace benchctl {

std::string Fnv1a64Hex(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char b : bytes) {
    h ^= static_cast<std::uint64_t>(b);
    h *= 0x100000001b3ull;
  }
  return fmt::format("{:016x}", h);
}

namespace {

class StartupSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"startup"}; }
  // Each process is one short exec: many are cheap and narrow the interval.
  int DefaultProcesses() const override { return 60; }
  void Prepare(const RunOptions& options, const Paths&) override {
    argument_ = fmt::format("benchctl-startup-{}", options.seed);
  }
  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary, const RunOptions&,
                                const Paths&) const override {
    JobSpec job = BaseJob(m, "startup", binary);
    job.argv.push_back(argument_);
    job.expected = Fnv1a64Hex(argument_);
    return {job};
  }
  nlohmann::json Describe() const override { return {{"argument", argument_}}; }

 private:
  std::string argument_;
};

class SelftestSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"sum"}; }
  int DefaultProcesses() const override { return 3; }
  void Prepare(const RunOptions&, const Paths&) override {}
  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary, const RunOptions&,
                                const Paths&) const override {
    // The body sums 1..n; the reference is Gauss's formula.
    constexpr std::uint64_t kN = 100000;
    JobSpec job = BaseJob(m, "sum", binary);
    job.env["BENCHCTL_PARAM_N"] = std::to_string(kN);
    job.expected = {{"sum", kN * (kN + 1) / 2}};
    return {job};
  }
  nlohmann::json Describe() const override { return nlohmann::json::object(); }
};

}  // namespace

std::unique_ptr<Suite> MakeStartupSuite() { return std::make_unique<StartupSuite>(); }
std::unique_ptr<Suite> MakeSelftestSuite() { return std::make_unique<SelftestSuite>(); }

}  // namespace benchctl
