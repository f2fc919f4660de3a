#include "executor.h"

#include "error.h"

namespace benchctl {
namespace {

// A child that had finished before its handle was made: Executor::Start's
// default, for executors (test fakes) that only know how to Run.
class FinishedChild : public RunningChild {
 public:
  explicit FinishedChild(RunOutcome outcome) : outcome_(std::move(outcome)) {}
  pid_t pid() const override { return outcome_.child_pid; }
  bool Poll(std::chrono::milliseconds) override { return false; }
  const RunOutcome& progress() const override { return outcome_; }
  std::optional<ProcessSample> Sample() const override { return std::nullopt; }
  void Signal(int) override {}
  void Kill() override {}
  RunOutcome Wait() override {
    BENCHCTL_CHECK(!waited_);
    waited_ = true;
    return outcome_;
  }

 private:
  RunOutcome outcome_;
  bool waited_ = false;
};

}  // namespace

std::unique_ptr<RunningChild> Executor::Start(const RunRequest& request) {
  return std::make_unique<FinishedChild>(Run(request));
}

}  // namespace benchctl
