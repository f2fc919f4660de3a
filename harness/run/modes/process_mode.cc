// Mode `process`: the whole process is the sample, timed by benchctl (through
// benchctl-exec: fork to wait4) — the startup suite. No protocol pipe; the
// verification value is stdout, trimmed. Before a job's first recorded process
// a few unrecorded ones warm the page cache and the loader's caches.
#include "process_mode.h"

#include <cctype>
#include <cmath>

#include "interpret.h"

namespace benchctl {
namespace {

class ProcessMode : public ExecutionMode {
 public:
  std::string Name() const override { return "process"; }

  RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) const override {
    return BaseRequest(job, settings);  // No protocol pipe.
  }

  void WarmUp(const JobSpec& job, const ModeContext& context) const override {
    // Warm the page cache and loader caches; these runs are not recorded.
    const RunRequest request = MakeRequest(job, context.settings);
    for (int w = 0; w < context.settings.process_mode_warmup; ++w) {
      if (context.stop.stop_requested()) return;
      context.executor.Run(request);
    }
  }

  ProcessRecord Interpret(const JobSpec& job, const RunOutcome& o) const override {
    ProcessRecord p = MeasuredRecord(o);
    std::string out = o.stdout_text;
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    p.verification = out;
    p.median_ns = std::round(o.wall_seconds * 1e9);  // Whole ns: the clock's resolution.
    p.samples_ns = {p.median_ns};
    p.iterations = 1;
    const std::string exit_problem = DescribeExit(o);
    p.failure = !exit_problem.empty() ? exit_problem : CheckVerification(job, p.verification);
    p.ok = p.failure.empty();
    return p;
  }

  // The whole process under callgrind: its total is the count.
  InstructionRecord MeasureInstructions(const JobSpec& job, const RunRequest& base,
                                        Executor& executor, const CallgrindSettings& settings,
                                        int index, std::int64_t) const override {
    const std::string file = CallgrindStem(job, settings, index).string() + ".out";
    CountedRun whole = CountUnderCallgrind(*this, job, CallgrindRequest(base, job, settings, file),
                                           executor, file);
    InstructionRecord record;
    record.failure = whole.failure;
    record.long_total = whole.total;
    record.per_op = static_cast<double>(whole.total);
    record.ok = record.failure.empty();
    return record;
  }
};

}  // namespace

std::unique_ptr<ExecutionMode> MakeProcessMode() { return std::make_unique<ProcessMode>(); }

}  // namespace benchctl
