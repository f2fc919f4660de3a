// Mode `server` (workloads/http/SPEC.md): each recorded process is one fresh
// server. benchctl starts it on the job's CPUs with a free loopback port, waits
// for its ready line, verifies it (plaintext_checks.h), then runs wrk on the
// load CPUs — a primer, a warm-up at the level, the measured interval — while
// it samples the server's memory and CPU time every 100 ms, checks it still
// serves, and stops it (SIGTERM, then SIGKILL of its process group). The
// orchestrator sleeps in poll() between samples. The job's `load` object holds
// the level: generator, connections, depth, durations.
#include "server_mode.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "error.h"
#include "interpret.h"
#include "listen_ports.h"
#include "load_figures.h"
#include "plaintext_checks.h"
#include "wrk_load.h"

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kSampleEvery{100};
constexpr double kReadyTimeoutSeconds = 10;
constexpr milliseconds kStopGrace{2000};

// The level a job's processes run, from JobSpec::load.
struct Level {
  std::string generator;  // wrk's path.
  std::string path = "/plaintext";
  int connections = 16;
  int depth = 1;
  int primer_s = 1, warmup_s = 2, duration_s = 5;  // wrk takes whole seconds.
  int primer_connections = 8;
  int port = 0;        // 0: a free one per process.
  std::string script;  // wrk's Lua script (the suite wrote it).
};

Level LevelOf(const JobSpec& job) {
  const nlohmann::json& l = job.load;
  if (!l.is_object())
    throw Error(fmt::format("job {}: mode server needs its load settings", job.id));
  Level level;
  level.generator = l.value("generator", "");
  level.path = l.value("path", level.path);
  level.connections = l.value("connections", level.connections);
  level.depth = l.value("depth", level.depth);
  level.primer_s = l.value("primer_s", level.primer_s);
  level.warmup_s = l.value("warmup_s", level.warmup_s);
  level.duration_s = l.value("duration_s", level.duration_s);
  level.primer_connections = l.value("primer_connections", level.primer_connections);
  level.port = l.value("port", 0);
  level.script = l.value("script", "");
  return level;
}

// One process's state while it runs: the server, what went wrong first.
class ServerProcess {
 public:
  ServerProcess(const JobSpec& job, const ModeContext& context, Level level)
      : job_(job), context_(context), level_(std::move(level)) {}

  // Runs the whole process; nullopt if a stop request ended it.
  std::optional<ProcessRecord> Run();

 private:
  bool Alive();
  bool WaitReady(double timeout_s);
  // Runs wrk once at `connections` for `seconds`; its report, or nullopt with failure_ set.
  // `samples`, when given, receives the server's usage every 100 ms meanwhile.
  std::optional<WrkReport> Load(const std::string& phase, int connections, int seconds,
                                std::vector<UsageSample>* samples, RunOutcome* wrk_outcome);
  void Stop();
  ProcessRecord Finish(ProcessRecord p);

  const JobSpec& job_;
  const ModeContext& context_;
  Level level_;
  int port_ = 0;
  std::unique_ptr<RunningChild> server_;
  std::string failure_;
};

bool ServerProcess::Alive() { return server_->Poll(milliseconds(0)) && server_->Sample(); }

bool ServerProcess::WaitReady(double timeout_s) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  while (server_->progress().protocol_lines.empty()) {
    if (!server_->Poll(milliseconds(50))) {
      failure_ = "the server exited before it was ready";
      return false;
    }
    if (context_.stop.stop_requested()) return false;
    if (Clock::now() > deadline) {
      failure_ = fmt::format(
          "the server was never ready: no ready line on the protocol pipe within {:g} s "
          "(workloads/http/SPEC.md)",
          timeout_s);
      return false;
    }
  }
  const std::string& line = server_->progress().protocol_lines.front();
  nlohmann::json ready = nlohmann::json::parse(line, nullptr, false);
  if (!ready.is_object() || ready.value("type", "") != "ready" || !ready.contains("port")) {
    failure_ = fmt::format("the server's first protocol line is not a ready line: {}",
                           line.substr(0, 120));
    return false;
  }
  if (!ready["port"].is_number_integer() || ready["port"].get<int>() != port_) {
    failure_ = fmt::format("the server says it is ready on port {}, but it was given {}",
                           ready["port"].dump(), port_);
    return false;
  }
  return true;
}

std::optional<WrkReport> ServerProcess::Load(const std::string& phase, int connections, int seconds,
                                             std::vector<UsageSample>* samples,
                                             RunOutcome* wrk_outcome) {
  RunRequest request;
  request.label = fmt::format("{} (wrk, {})", job_.id, phase);
  request.argv = WrkArgv(level_.generator, level_.script, port_, connections, seconds, level_.path);
  request.cpus = context_.settings.load_cpus;
  request.timeout_seconds = seconds + 15;
  request.protocol = false;
  std::unique_ptr<RunningChild> wrk = context_.executor.Start(request);
  const auto start = Clock::now();
  auto sample = [&] {
    if (samples == nullptr) return;
    if (auto s = server_->Sample()) {
      const double t = std::chrono::duration<double>(Clock::now() - start).count();
      samples->push_back({t, s->rss_kb, s->user_seconds + s->system_seconds});
    }
  };
  sample();
  auto next = start + kSampleEvery;
  while (true) {
    const auto wait = std::chrono::duration_cast<milliseconds>(next - Clock::now());
    if (!wrk->Poll(std::max(wait, milliseconds(0)))) break;
    server_->Poll(milliseconds(0));  // Drain what the server writes, so it never blocks.
    if (Clock::now() >= next) {
      sample();
      next += kSampleEvery;
    }
  }
  sample();
  RunOutcome outcome = wrk->Wait();
  if (wrk_outcome != nullptr) *wrk_outcome = outcome;
  if (outcome.interrupted) return std::nullopt;
  if (!Alive()) {
    failure_ = fmt::format("the server died during the {}", phase);
    return std::nullopt;
  }
  if (std::string exit = DescribeExit(outcome); !exit.empty() && failure_.empty()) {
    failure_ = fmt::format("wrk ({}): {}; it said: {}", phase, exit,
                           (outcome.stderr_tail + outcome.stdout_text).substr(0, 600));
    return std::nullopt;
  }
  std::string problem;
  std::optional<WrkReport> report = ParseWrkReport(outcome.stdout_text, problem);
  if (!report) {
    failure_ = fmt::format("wrk ({}): {}", phase, problem);
    return std::nullopt;
  }
  if (std::string errors = report->Errors(); !errors.empty()) {
    failure_ = fmt::format("wrk reported errors during the {}: {} (of {:.0f} responses)", phase,
                           errors, report->requests);
    return std::nullopt;
  }
  if (report->requests <= 0) {
    failure_ = fmt::format("wrk received no responses during the {}", phase);
    return std::nullopt;
  }
  return report;
}

void ServerProcess::Stop() {
  if (!server_) return;
  server_->Signal(SIGTERM);
  const auto deadline = Clock::now() + kStopGrace;
  while (server_->Poll(milliseconds(50))) {
    if (Clock::now() > deadline) {
      server_->Kill();  // Its whole process group.
      break;
    }
  }
}

// The server's exit and times go into the record; a clean stop is SIGTERM's
// exit or death, or SIGKILL after the grace period.
ProcessRecord ServerProcess::Finish(ProcessRecord load) {
  RunOutcome o = server_->Wait();
  // What benchctl measures of any child (times, memory, faults, stderr), plus the load's
  // numbers and the verified value.
  ProcessRecord p = MeasuredRecord(o);
  p.iterations = load.iterations;
  p.samples_ns = std::move(load.samples_ns);
  p.median_ns = load.median_ns;
  p.verification = std::move(load.verification);
  p.counters = std::move(load.counters);
  if (failure_.empty() && o.timed_out) failure_ = DescribeExit(o);
  if (!failure_.empty()) {
    p.ok = false;
    p.failure = failure_;
  } else {
    p.failure = CheckVerification(job_, p.verification, p.counters);
    p.ok = p.failure.empty();
  }
  return p;
}

std::optional<ProcessRecord> ServerProcess::Run() {
  ProcessRecord p;
  if (level_.generator.empty() || level_.script.empty()) {
    throw Error(fmt::format("job {}: no load generator or script in its load settings", job_.id));
  }
  port_ = level_.port;
  if (port_ == 0) {
    std::string error;
    auto picked = PickFreeLoopbackPort(error);
    if (!picked) {
      p.failure = error;
      return p;
    }
    port_ = *picked;
  } else if (PortIsTaken(port_)) {
    p.failure = fmt::format(
        "port {} is already in use on this machine (something listens on it): stop that "
        "program or choose another port (--param port=N, or leave it out for a free one)",
        port_);
    return p;
  }
  RunRequest request = BaseRequest(job_, context_.settings);
  request.protocol = true;
  request.env["BENCHCTL_HTTP_PORT"] = std::to_string(port_);
  // Long enough for every phase; the phases' own deadlines come first.
  request.timeout_seconds =
      kReadyTimeoutSeconds + 30 + level_.primer_s + level_.warmup_s + level_.duration_s + 3 * 15;
  server_ = context_.executor.Start(request);
  const double ready_timeout = std::min(kReadyTimeoutSeconds, context_.settings.timeout_seconds);
  if (!WaitReady(ready_timeout)) {
    if (context_.stop.stop_requested()) {
      server_->Kill();
      server_->Wait();
      return std::nullopt;
    }
    Stop();
    return Finish(std::move(p));
  }
  // Loopback only: a wildcard listener would expose the server to the network.
  for (const auto& address : ListeningAddressesNow(port_)) {
    if (address != "127.0.0.1") {
      failure_ = fmt::format(
          "the server listens on {} port {}: it must bind 127.0.0.1 only "
          "(BENCHCTL_HTTP_HOST), never a wildcard or another address",
          address, port_);
      Stop();
      return Finish(std::move(p));
    }
  }
  PlaintextVerification verified = VerifyPlaintextServer(port_, [this] { return Alive(); });
  if (!verified.failure.empty()) {
    failure_ = "verification: " + verified.failure;
    Stop();
    return Finish(std::move(p));
  }
  p.verification = verified.value;
  const long rss_idle_kb = server_->Sample() ? server_->Sample()->rss_kb : 0;

  std::vector<UsageSample> samples;
  RunOutcome wrk_outcome;
  std::optional<WrkReport> report;
  if (Load("primer", level_.primer_connections, level_.primer_s, nullptr, nullptr) &&
      (level_.warmup_s == 0 ||
       Load("warm-up", level_.connections, level_.warmup_s, nullptr, nullptr))) {
    report =
        Load("measured interval", level_.connections, level_.duration_s, &samples, &wrk_outcome);
  }
  if (context_.stop.stop_requested()) {
    server_->Kill();
    server_->Wait();
    return std::nullopt;
  }
  if (report && failure_.empty()) {
    if (std::string e = CheckStillServing(port_); !e.empty()) {
      failure_ = "after the load, one more request: " + e;
    }
  }
  if (report) {
    LoadFigures figures = ComputeLoadFigures(*report, samples, rss_idle_kb, level_.connections,
                                             wrk_outcome.user_seconds + wrk_outcome.system_seconds,
                                             wrk_outcome.wall_seconds,
                                             static_cast<int>(context_.settings.child_cpus.size()),
                                             static_cast<int>(context_.settings.load_cpus.size()));
    p.counters = LoadCounters(figures, *report, samples, level_.connections, level_.depth);
    p.counters["malformed_request_status"] = verified.malformed_status;
    if (!server_->progress().protocol_lines.empty()) {
      nlohmann::json ready =
          nlohmann::json::parse(server_->progress().protocol_lines.front(), nullptr, false);
      if (ready.is_object() && ready.contains("threads"))
        p.counters["server_threads"] = ready["threads"];
    }
    p.iterations = static_cast<std::int64_t>(report->requests);
    p.median_ns = figures.ns_per_request;
    p.samples_ns = {figures.ns_per_request};
  }
  Stop();
  return Finish(std::move(p));
}

class ServerMode : public ExecutionMode {
 public:
  std::string Name() const override { return "server"; }

  void AddChildEnvironment(JobSpec& job, const RunOptions&, const CpuPlan& cpus) const override {
    job.env["BENCHCTL_PROTOCOL"] = "1";
    // One worker per job CPU (SPEC.md); the load generator has the others.
    job.env["BENCHCTL_HTTP_THREADS"] = std::to_string(cpus.children.size());
    job.env["BENCHCTL_FD"] = std::to_string(kProtocolFd);
    job.env["BENCHCTL_HTTP_HOST"] = "127.0.0.1";
  }

  RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) const override {
    RunRequest request = BaseRequest(job, settings);
    request.protocol = true;
    return request;
  }

  std::optional<ProcessRecord> RunProcess(const JobSpec& job,
                                          const ModeContext& context) const override {
    ServerProcess process(job, context, LevelOf(job));
    return process.Run();
  }

  // Only reached through Executor::Run by callers that bypass RunProcess: a
  // server's record needs the load, which only RunProcess drives.
  ProcessRecord Interpret(const JobSpec&, const RunOutcome& o) const override {
    ProcessRecord p = MeasuredRecord(o);
    p.failure = "a server can only be measured under load (mode server's RunProcess)";
    return p;
  }

  InstructionRecord MeasureInstructions(const JobSpec&, const RunRequest&, Executor&,
                                        const CallgrindSettings&, int,
                                        std::int64_t) const override {
    InstructionRecord record;
    record.failure =
        "instruction counts are not measured for servers: the count of a server under a "
        "time-bound load depends on how many requests arrive";
    return record;
  }
};

}  // namespace

std::unique_ptr<ExecutionMode> MakeServerMode() { return std::make_unique<ServerMode>(); }

}  // namespace benchctl
