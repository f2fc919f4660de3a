// The runner (harness/run/runner.h) on a fake Executor that returns scripted
// outcomes: interleaving, recording, failures and saving, with no processes.
#include "runner.h"

#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "error.h"
#include "stop_token.h"

namespace benchctl {
namespace {

// A child that sends setup and a result with `sum`.
RunOutcome Reporting(long sum, int mismatches = 0) {
  RunOutcome o;
  o.exited = true;
  o.exit_code = 0;
  o.wall_seconds = 0.5;
  o.peak_rss_kb = 2000;
  o.protocol_lines = {R"({"schema":1,"type":"setup","rss_kb":1000})",
                      nlohmann::json({{"schema", 1},
                                      {"type", "result"},
                                      {"verification", {{"sum", sum}}},
                                      {"iterations", 2},
                                      {"samples_ns", {200, 400}},
                                      {"mismatches", mismatches}})
                          .dump()};
  return o;
}

RunOutcome Crashing() {
  RunOutcome o;
  o.term_signal = 11;
  o.stderr_tail = "boom\n";
  return o;
}

// Returns, per job label, the scripted outcomes in turn (the last one repeats).
class FakeExecutor : public Executor {
 public:
  std::map<std::string, std::vector<RunOutcome>> script;
  std::vector<RunRequest> requests;

  RunOutcome Run(const RunRequest& request) override {
    requests.push_back(request);
    auto& outcomes = script.at(request.label);
    std::size_t n = 0;
    for (const auto& r : requests) n += r.label == request.label;
    return outcomes[std::min(n, outcomes.size()) - 1];
  }
  std::size_t Calls(const std::string& label) const {
    std::size_t n = 0;
    for (const auto& r : requests) n += r.label == label;
    return n;
  }
};

JobResult MakeJob(const std::string& id, const std::string& mode = "inprocess") {
  JobResult job;
  job.spec.id = id;
  job.spec.mode = mode;
  job.spec.argv = {"/bin/" + id};
  job.spec.env = {{"BENCHCTL_PARAM_N", "5"}};
  job.spec.expected = mode == "process" ? nlohmann::json("ok") : nlohmann::json({{"sum", 15}});
  return job;
}

RunOutcome Printing(const std::string& text) {
  RunOutcome o;
  o.exited = true;
  o.exit_code = 0;
  o.stdout_text = text;
  o.wall_seconds = 0.001;
  return o;
}

struct Recorder {
  std::vector<std::size_t> processes_at_save;
  std::vector<Progress> progress;
  RunnerCallbacks Callbacks() {
    RunnerCallbacks c;
    c.save = [this](const RunResult& run) {
      std::size_t n = 0;
      for (const auto& j : run.jobs) n += j.processes.size();
      processes_at_save.push_back(n);
    };
    c.progress = [this](const Progress& p) { progress.push_back(p); };
    return c;
  }
};

const RunnerSettings kSettings{{3}, 7.5, 2};
const ManualStopToken kNoStop;  // Never stopped.

TEST(RunnerTest, EveryJobGetsOneProcessPerRoundInTheGivenOrder) {
  RunResult run;
  run.jobs = {MakeJob("a"), MakeJob("b"), MakeJob("c")};
  FakeExecutor fake;
  fake.script = {{"a", {Reporting(15)}}, {"b", {Reporting(15)}}, {"c", {Reporting(15)}}};
  std::vector<std::vector<std::size_t>> order = {{2, 0, 1}, {0, 1, 2}, {1, 2, 0}};
  Recorder rec;
  ExecuteRun(run, order, fake, kSettings, rec.Callbacks(), kNoStop);

  std::vector<std::string> labels;
  for (const auto& r : fake.requests) labels.push_back(r.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"c", "a", "b", "a", "b", "c", "b", "c", "a"}));
  EXPECT_TRUE(run.complete);
  EXPECT_EQ(run.stop_reason, "");
  for (const JobResult& job : run.jobs) {
    SCOPED_TRACE(job.spec.id);
    EXPECT_EQ(job.status, "ok");
    ASSERT_EQ(job.processes.size(), 3u);
    for (int r = 0; r < 3; ++r) {
      const ProcessRecord& p = job.processes[static_cast<std::size_t>(r)];
      EXPECT_TRUE(p.ok) << p.failure;
      EXPECT_EQ(p.round, r);
      // The recorded position is where this job stood in that round.
      EXPECT_EQ(run.jobs[order[static_cast<std::size_t>(r)][static_cast<std::size_t>(p.position)]]
                    .spec.id,
                job.spec.id);
      EXPECT_EQ(p.samples_ns, (std::vector<double>{100, 200}));  // Per operation: / 2.
      EXPECT_DOUBLE_EQ(p.median_ns, 150);
      EXPECT_EQ(p.baseline_rss_kb, 1000);
    }
  }
}

TEST(RunnerTest, SavesAndReportsProgressAfterEveryProcess) {
  RunResult run;
  run.jobs = {MakeJob("a"), MakeJob("b")};
  FakeExecutor fake;
  fake.script = {{"a", {Reporting(15)}}, {"b", {Reporting(15)}}};
  Recorder rec;
  ExecuteRun(run, {{0, 1}, {1, 0}}, fake, kSettings, rec.Callbacks(), kNoStop);
  // One save per process (with that process recorded), then a final one.
  EXPECT_EQ(rec.processes_at_save, (std::vector<std::size_t>{1, 2, 3, 4, 4}));
  ASSERT_EQ(rec.progress.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(rec.progress[i].done, i + 1);
    EXPECT_EQ(rec.progress[i].total, 4u);
    EXPECT_NE(rec.progress[i].job, nullptr);
    EXPECT_NE(rec.progress[i].process, nullptr);
  }
}

TEST(RunnerTest, AResultFileThatCannotBeWrittenStopsTheRunWithAReason) {
  RunResult run;
  run.jobs = {MakeJob("a"), MakeJob("b")};
  FakeExecutor fake;
  fake.script = {{"a", {Reporting(15)}}, {"b", {Reporting(15)}}};
  int saves = 0;
  RunnerCallbacks callbacks;
  callbacks.save = [&saves](const RunResult&) {
    if (++saves >= 2) throw Error("cannot write r.json.tmp: No space left on device");
  };
  ExecuteRun(run, {{0, 1}, {1, 0}}, fake, kSettings, callbacks, kNoStop);
  EXPECT_EQ(fake.requests.size(), 2u);  // Nothing ran after the failed save.
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.stop_reason, "stopped: cannot write r.json.tmp: No space left on device");
  EXPECT_EQ(run.jobs[0].processes.size() + run.jobs[1].processes.size(), 2u);  // Kept.
  EXPECT_EQ(run.jobs[0].status, "incomplete");
  EXPECT_EQ(run.jobs[1].status, "incomplete");
}

// An executor whose fork fails from the second process on.
class ForkFailingExecutor : public Executor {
 public:
  int calls = 0;
  RunOutcome Run(const RunRequest&) override {
    if (++calls >= 2) throw Error("fork failed: Resource temporarily unavailable");
    return Reporting(15);
  }
};

TEST(RunnerTest, AChildThatCannotBeStartedStopsTheRunWithAReason) {
  RunResult run;
  run.jobs = {MakeJob("a")};
  ForkFailingExecutor executor;
  Recorder rec;
  ExecuteRun(run, {{0}, {0}, {0}}, executor, kSettings, rec.Callbacks(), kNoStop);
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.stop_reason, "stopped: fork failed: Resource temporarily unavailable");
  ASSERT_EQ(run.jobs[0].processes.size(), 1u);
  EXPECT_TRUE(run.jobs[0].processes[0].ok);
  EXPECT_EQ(run.jobs[0].status, "incomplete");
  EXPECT_EQ(rec.processes_at_save.back(), 1u);  // The final save recorded the reason.
}

TEST(RunnerTest, AFailingJobStopsAtItsFirstFailureAndOthersContinue) {
  RunResult run;
  run.jobs = {MakeJob("good"), MakeJob("flaky"), MakeJob("wrong")};
  FakeExecutor fake;
  fake.script = {{"good", {Reporting(15)}},
                 {"flaky", {Reporting(15), Crashing(), Reporting(15)}},
                 {"wrong", {Reporting(16)}}};
  Recorder rec;
  ExecuteRun(run, {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}}, fake, kSettings, rec.Callbacks(),
             kNoStop);

  EXPECT_EQ(fake.Calls("good"), 4u);
  EXPECT_EQ(fake.Calls("flaky"), 2u);
  EXPECT_EQ(fake.Calls("wrong"), 1u);
  EXPECT_EQ(run.jobs[0].status, "ok");
  EXPECT_EQ(run.jobs[0].processes.size(), 4u);

  const JobResult& flaky = run.jobs[1];
  EXPECT_EQ(flaky.status, "failed");
  ASSERT_EQ(flaky.processes.size(), 2u);
  EXPECT_TRUE(flaky.processes[0].ok);
  EXPECT_FALSE(flaky.processes[1].ok);
  EXPECT_NE(flaky.failure.find("killed by signal 11"), std::string::npos) << flaky.failure;
  EXPECT_EQ(flaky.processes[1].stderr_tail, "boom\n");

  const JobResult& wrong = run.jobs[2];
  EXPECT_EQ(wrong.status, "failed");
  EXPECT_EQ(wrong.failure, R"(wrong verification value: expected {"sum":15} got {"sum":16})");
  EXPECT_TRUE(run.complete);  // Failures do not stop the run.
  EXPECT_EQ(rec.processes_at_save.back(), 4u + 2u + 1u);
}

TEST(RunnerTest, JobsWithASetupFailureNeverRun) {
  RunResult run;
  run.jobs = {MakeJob("built"), MakeJob("unbuilt")};
  run.jobs[1].spec.setup_failure = "zig not found (Zig toolchain): run scripts/setup.sh";
  FakeExecutor fake;
  fake.script = {{"built", {Reporting(15)}}};  // No script for "unbuilt": .at() would throw.
  Recorder rec;
  ExecuteRun(run, {{1, 0}, {0, 1}}, fake, kSettings, rec.Callbacks(), kNoStop);
  EXPECT_EQ(fake.Calls("unbuilt"), 0u);
  EXPECT_EQ(run.jobs[1].status, "failed");
  EXPECT_EQ(run.jobs[1].failure, "zig not found (Zig toolchain): run scripts/setup.sh");
  EXPECT_TRUE(run.jobs[1].processes.empty());
  EXPECT_EQ(run.jobs[0].status, "ok");
  EXPECT_EQ(run.jobs[0].processes.size(), 2u);
}

TEST(RunnerTest, ProcessModeWarmsUpOncePerJobWithoutRecording) {
  RunResult run;
  run.jobs = {MakeJob("p", "process")};
  FakeExecutor fake;
  fake.script = {{"p", {Printing("ok\n")}}};
  Recorder rec;
  ExecuteRun(run, {{0}, {0}, {0}}, fake, kSettings, rec.Callbacks(), kNoStop);
  EXPECT_EQ(fake.Calls("p"), 2u + 3u);  // kSettings.process_mode_warmup, then the 3 recorded.
  ASSERT_EQ(run.jobs[0].processes.size(), 3u);
  EXPECT_EQ(run.jobs[0].status, "ok");
  EXPECT_EQ(run.jobs[0].processes[0].verification, "ok");
  EXPECT_DOUBLE_EQ(run.jobs[0].processes[0].median_ns, 1e6);
}

TEST(RunnerTest, AStopTokenStopsTheRunBetweenProcessesAndKeepsWhatFinished) {
  RunResult run;
  run.jobs = {MakeJob("a"), MakeJob("b")};
  FakeExecutor fake;
  fake.script = {{"a", {Reporting(15)}}, {"b", {Reporting(15)}}};
  ManualStopToken stop;
  Recorder rec;
  RunnerCallbacks callbacks = rec.Callbacks();
  callbacks.progress = [&stop](const Progress& p) {
    if (p.done == 3) stop.RequestStop("stopped by the test");
  };
  ExecuteRun(run, {{0, 1}, {1, 0}, {0, 1}}, fake, kSettings, callbacks, stop);
  EXPECT_EQ(fake.requests.size(), 3u);  // Nothing started after the stop.
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.stop_reason, "stopped by the test");
  // a ran in round 0; b in rounds 0 and 1: all kept, verified, and saved.
  ASSERT_EQ(run.jobs[0].processes.size(), 1u);
  ASSERT_EQ(run.jobs[1].processes.size(), 2u);
  for (const JobResult& job : run.jobs) {
    EXPECT_EQ(job.status, "incomplete");
    for (const ProcessRecord& p : job.processes) EXPECT_TRUE(p.ok) << p.failure;
  }
  EXPECT_EQ(rec.processes_at_save, (std::vector<std::size_t>{1, 2, 3, 3}));
}

// Stops the token during its `stop_at`th run and reports that child as
// ProcessExecutor reports one it killed for a stop request.
class StoppingExecutor : public Executor {
 public:
  StoppingExecutor(ManualStopToken& stop, int stop_at) : stop_(stop), stop_at_(stop_at) {}
  int calls = 0;
  RunOutcome Run(const RunRequest&) override {
    if (++calls != stop_at_) return Reporting(15);
    stop_.RequestStop("interrupted by SIGTERM", SIGTERM);
    RunOutcome killed;
    killed.interrupted = true;
    killed.term_signal = SIGKILL;
    return killed;
  }

 private:
  ManualStopToken& stop_;
  int stop_at_;
};

TEST(RunnerTest, AProcessStoppedWhileItRunsIsNotRecordedAndDoesNotFailTheJob) {
  RunResult run;
  run.jobs = {MakeJob("a")};
  ManualStopToken stop;
  StoppingExecutor executor(stop, 3);
  Recorder rec;
  ExecuteRun(run, {{0}, {0}, {0}, {0}}, executor, kSettings, rec.Callbacks(), stop);
  EXPECT_EQ(executor.calls, 3);
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.stop_reason, "interrupted by SIGTERM");
  EXPECT_EQ(run.jobs[0].status, "incomplete");  // Not the workload's fault.
  EXPECT_EQ(run.jobs[0].processes.size(), 2u);  // The two that finished.
  EXPECT_EQ(rec.processes_at_save.back(), 2u);
}

TEST(RunnerTest, AStopDuringProcessModeWarmUpEndsItAndRecordsNothing) {
  RunResult run;
  run.jobs = {MakeJob("p", "process")};
  ManualStopToken stop;
  StoppingExecutor executor(stop, 1);  // The first warm-up run.
  ExecuteRun(run, {{0}, {0}}, executor, kSettings, {}, stop);
  EXPECT_EQ(executor.calls, 1);  // No second warm-up, no recorded process.
  EXPECT_EQ(run.stop_reason, "interrupted by SIGTERM");
  EXPECT_TRUE(run.jobs[0].processes.empty());
  EXPECT_EQ(run.jobs[0].status, "incomplete");
}

TEST(RunnerTest, WithoutCallbacksStillRuns) {
  RunResult run;
  run.jobs = {MakeJob("a")};
  FakeExecutor fake;
  fake.script = {{"a", {Reporting(15)}}};
  ExecuteRun(run, {{0}}, fake, kSettings, RunnerCallbacks{}, kNoStop);
  EXPECT_EQ(run.jobs[0].status, "ok");
}

TEST(MakeRequestTest, CarriesTheJobAndTheSettings) {
  JobSpec spec = MakeJob("json/x/parse").spec;
  RunRequest r = MakeRequest(spec, kSettings);
  EXPECT_EQ(r.label, "json/x/parse");
  EXPECT_EQ(r.argv, spec.argv);
  EXPECT_EQ(r.env, spec.env);
  EXPECT_EQ(r.cpus, std::vector<int>{3});
  EXPECT_DOUBLE_EQ(r.timeout_seconds, 7.5);
  EXPECT_TRUE(r.protocol);
  spec.mode = "process";
  EXPECT_FALSE(MakeRequest(spec, kSettings).protocol);
}

}  // namespace
}  // namespace benchctl
