// Execution modes (harness/run/execution_mode.h, mode_registry.h): the registry,
// and a fourth mode shaped like the `server` mode, registered by this
// test and driven by the runner through a fake executor that can Start
// children — no built-in mode is touched to add it.
#include "execution_mode.h"

#include <gtest/gtest.h>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

#include "error.h"
#include "interpret.h"
#include "mode_registry.h"
#include "run_plan.h"
#include "runner.h"
#include "test_support.h"

namespace benchctl {
namespace {

constexpr pid_t kServerPid = 4242;
constexpr int kLoadCpu = 7;

// A started server scripted by the test: it is ready at once, has three
// memory samples, exits 0 when sent SIGTERM. Everything done to it goes to `log`.
class FakeServer : public RunningChild {
 public:
  explicit FakeServer(std::vector<std::string>& log) : log_(log) {
    progress_.protocol_lines = {R"({"schema":1,"type":"ready"})"};
  }
  pid_t pid() const override { return kServerPid; }
  bool Poll(std::chrono::milliseconds) override {
    log_.push_back("poll");
    return !stopped_;
  }
  const RunOutcome& progress() const override { return progress_; }
  std::optional<ProcessSample> Sample() const override {
    if (samples_taken_ == 3) return std::nullopt;
    ProcessSample s;
    s.rss_kb = 1000 * ++samples_taken_;
    return s;
  }
  void Signal(int signal_number) override {
    log_.push_back("signal " + std::to_string(signal_number));
    stopped_ = signal_number == SIGTERM;
  }
  void Kill() override { log_.push_back("kill"); }
  RunOutcome Wait() override {
    log_.push_back("wait");
    RunOutcome o = progress_;
    o.exited = stopped_;
    o.exit_code = stopped_ ? 0 : -1;
    o.peak_rss_kb = 5000;
    o.child_pid = kServerPid;
    return o;
  }

 private:
  std::vector<std::string>& log_;
  RunOutcome progress_;
  mutable int samples_taken_ = 0;
  bool stopped_ = false;
};

// A child that sends setup and a verified result (for an inprocess job).
RunOutcome Reporting() {
  RunOutcome o;
  o.exited = true;
  o.exit_code = 0;
  o.protocol_lines = {nlohmann::json({{"schema", 1},
                                      {"type", "result"},
                                      {"verification", {{"sum", 15}}},
                                      {"iterations", 1},
                                      {"samples_ns", {100}},
                                      {"mismatches", 0}})
                          .dump()};
  return o;
}

// Starts fake servers; runs load generators (and inprocess jobs) to completion.
class ServerExecutor : public Executor {
 public:
  std::vector<std::string> log;
  std::vector<RunRequest> runs;

  RunOutcome Run(const RunRequest& request) override {
    log.push_back("run " + request.label);
    runs.push_back(request);
    if (request.protocol) return Reporting();
    RunOutcome o;
    o.exited = true;
    o.exit_code = 0;
    o.stdout_text = "requests_per_s 50000\n";
    return o;
  }
  std::unique_ptr<RunningChild> Start(const RunRequest& request) override {
    log.push_back("start " + request.label);
    return std::make_unique<FakeServer>(log);
  }
};

// A third mode, shaped like the `server` mode execution_mode.h describes:
// start the job's program, wait until it says it is ready, run a load
// generator against it on another CPU, sample the server, stop it, and record
// the load generator's rate and the server's memory.
class ServerLikeMode : public ExecutionMode {
 public:
  std::string Name() const override { return "server-like"; }

  RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) const override {
    RunRequest request = BaseRequest(job, settings);
    request.protocol = true;  // It says "ready" there.
    return request;
  }

  std::optional<ProcessRecord> RunProcess(const JobSpec& job,
                                          const ModeContext& context) const override {
    std::unique_ptr<RunningChild> server =
        context.executor.Start(MakeRequest(job, context.settings));
    while (server->progress().protocol_lines.empty() &&
           server->Poll(std::chrono::milliseconds(10))) {
    }
    RunRequest load;
    load.label = job.id + " load";
    load.argv = {"/bin/loadgen", "--pid", std::to_string(server->pid())};
    load.cpus = {kLoadCpu};
    load.protocol = false;
    RunOutcome load_outcome = context.executor.Run(load);
    std::vector<long> rss;
    while (auto sample = server->Sample()) rss.push_back(sample->rss_kb);
    server->Signal(SIGTERM);
    RunOutcome server_outcome = server->Wait();
    if (load_outcome.interrupted || server_outcome.interrupted) return std::nullopt;
    ProcessRecord p = Interpret(job, load_outcome);
    p.peak_rss_kb = server_outcome.peak_rss_kb;
    p.counters["server_rss_kb"] = rss;
    if (p.ok && !server_outcome.exited) p.failure = "the server did not stop on SIGTERM";
    p.ok = p.failure.empty();
    return p;
  }

  // The load generator's "requests_per_s N": the sample is the time per request.
  ProcessRecord Interpret(const JobSpec&, const RunOutcome& o) const override {
    ProcessRecord p = MeasuredRecord(o);
    double rate = 0;
    std::sscanf(o.stdout_text.c_str(), "requests_per_s %lf", &rate);
    p.iterations = 1;
    p.median_ns = rate > 0 ? 1e9 / rate : 0;
    p.samples_ns = {p.median_ns};
    p.failure = DescribeExit(o);
    if (p.failure.empty() && rate <= 0) p.failure = "the load generator reported no rate";
    p.ok = p.failure.empty();
    return p;
  }

  InstructionRecord MeasureInstructions(const JobSpec&, const RunRequest&, Executor&,
                                        const CallgrindSettings&, int,
                                        std::int64_t) const override {
    InstructionRecord r;
    r.failure = "instruction counts are not taken in server mode";
    return r;
  }
};

JobResult Job(const std::string& id, const std::string& mode) {
  JobResult job;
  job.spec.id = id;
  job.spec.mode = mode;
  job.spec.argv = {"/bin/" + id};
  job.spec.expected = {{"sum", 15}};
  return job;
}

TEST(ExecutionModeTest, AThirdModeRegisteredInATestIsUsedByTheRunner) {
  ExecutionModes modes = MakeBuiltinModes();
  modes.Add(std::make_unique<ServerLikeMode>());
  RunnerSettings settings{{3}, 60, 0};
  settings.modes = &modes;
  RunResult run;
  run.jobs = {Job("http", "server-like"), Job("json", "inprocess")};
  ServerExecutor executor;
  ExecuteRun(run, {{0, 1}, {1, 0}}, executor, settings, {}, ManualStopToken());

  EXPECT_TRUE(run.complete) << run.stop_reason;
  for (const JobResult& job : run.jobs) {
    EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
    EXPECT_EQ(job.processes.size(), 2u);
  }
  // The server mode drove its children itself; the inprocess job ran as always.
  EXPECT_EQ(executor.log, (std::vector<std::string>{"start http", "run http load", "signal 15",
                                                    "wait", "run json", "run json", "start http",
                                                    "run http load", "signal 15", "wait"}));
  const RunRequest& load = executor.runs[0];
  EXPECT_EQ(load.argv, (std::vector<std::string>{"/bin/loadgen", "--pid", "4242"}));
  EXPECT_EQ(load.cpus, std::vector<int>{kLoadCpu});
  const ProcessRecord& p = run.jobs[0].processes[0];
  EXPECT_DOUBLE_EQ(p.median_ns, 20000);  // 50000 requests per second.
  EXPECT_EQ(p.peak_rss_kb, 5000);
  EXPECT_EQ(p.counters["server_rss_kb"], nlohmann::json({1000, 2000, 3000}));
  EXPECT_EQ(p.round, 0);
}

TEST(ExecutionModeTest, WithoutTheTestsRegistryTheThirdModeIsUnknownAndNothingRuns) {
  RunResult run;
  run.jobs = {Job("json", "inprocess"), Job("http", "server-like")};
  ServerExecutor executor;
  ExecuteRun(run, {{0, 1}}, executor, RunnerSettings{{3}, 60, 0}, {}, ManualStopToken());
  EXPECT_TRUE(executor.log.empty());
  EXPECT_FALSE(run.complete);
  testing::ExpectMentions(
      run.stop_reason, {"job http", "\"server-like\"", "known modes: inprocess, process, server"});
}

TEST(ModeRegistryTest, TheBuiltinModesAreFoundByTheirManifestNames) {
  EXPECT_EQ(BuiltinModes().Names(), (std::vector<std::string>{"inprocess", "process", "server"}));
  EXPECT_EQ(BuiltinModes().Find("server").Name(), "server");
  EXPECT_EQ(BuiltinModes().Find("process").Name(), "process");
  EXPECT_EQ(BuiltinModes().Find("inprocess").Name(), "inprocess");
}

TEST(ModeRegistryTest, AnUnknownModeNamesItselfAndTheKnownOnes) {
  try {
    BuiltinModes().Find("daemon");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "unknown execution mode \"daemon\"; known modes: inprocess, process, server");
  }
}

TEST(ModeRegistryTest, TheModeDecidesWhatItsChildrenGet) {
  RunOptions options;
  options.warmup = 2;
  options.samples = 9;
  CpuPlan cpus;
  cpus.children = {3};
  Toolchain toolchain;
  JobSpec inprocess = Job("a", "inprocess").spec;
  AddChildEnvironment(inprocess, options, cpus, toolchain);
  EXPECT_EQ(inprocess.env.at("BENCHCTL_FD"), "3");
  EXPECT_EQ(inprocess.env.at("BENCHCTL_SAMPLES"), "9");
  EXPECT_EQ(inprocess.env.at("BENCHCTL_WARMUP"), "2");
  EXPECT_TRUE(BuiltinModes().Find("inprocess").MakeRequest(inprocess, {}).protocol);

  JobSpec process = Job("b", "process").spec;
  AddChildEnvironment(process, options, cpus, toolchain);
  EXPECT_TRUE(process.env.empty());
  EXPECT_FALSE(BuiltinModes().Find("process").MakeRequest(process, {}).protocol);

  // A server gets its address and one worker per job CPU.
  JobSpec server = Job("s", "server").spec;
  cpus.children = {2, 3};
  AddChildEnvironment(server, options, cpus, toolchain);
  EXPECT_EQ(server.env.at("BENCHCTL_HTTP_HOST"), "127.0.0.1");
  EXPECT_EQ(server.env.at("BENCHCTL_HTTP_THREADS"), "2");
  EXPECT_EQ(server.env.at("BENCHCTL_FD"), "3");

  JobSpec unknown = Job("c", "daemon").spec;
  try {
    AddChildEnvironment(unknown, options, cpus, toolchain);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    testing::ExpectMentions(e.what(), {"job c", "\"daemon\"", "inprocess, process, server"});
  }
}

}  // namespace
}  // namespace benchctl
