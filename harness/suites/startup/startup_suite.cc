#include "startup_suite.h"

#include <fmt/format.h>

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
  // The language others are shown against in `show`'s ratio table.
  nlohmann::json Describe() const override {
    return {{"argument", argument_}, {"reference_language", "cpp"}};
  }

 private:
  std::string argument_;
};

}  // namespace

std::unique_ptr<Suite> MakeStartupSuite() { return std::make_unique<StartupSuite>(); }

}  // namespace benchctl
