// `benchctl run`: options → project → pre-flight checks → build → plan →
// claim the result file → execute → present. Each stage is a function below.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "cache_clean.h"
#include "commands.h"
#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "discovery.h"
#include "error.h"
#include "executor.h"
#include "interrupt.h"
#include "memory_bandwidth.h"
#include "mode_registry.h"
#include "progress.h"
#include "project.h"
#include "result_file.h"
#include "revision_tree.h"
#include "run_command.h"
#include "run_files.h"
#include "run_plan.h"
#include "run_scratch.h"
#include "run_setup.h"
#include "runner.h"
#include "scheduler.h"
#include "seed_option.h"
#include "shard.h"
#include "show.h"
#include "suite_registry.h"
#include "system_info.h"

namespace benchctl {
namespace {

// What the run works on, found and checked before anything slow.
struct Project {
  Paths paths;
  std::map<std::string, Toolchain> toolchains;
  std::vector<std::string> languages;
  std::unique_ptr<Suite> suite;
  std::vector<Manifest> manifests;
  int processes = 0;
};

// The built workloads of this checkout and, for --against, of the base revision.
struct Builds {
  std::map<std::string, ToolchainProbe> probes;
  std::vector<BuiltWorkload> candidate;
  std::optional<RevisionTree> base;
  std::vector<BuiltWorkload> base_built;
};

std::string Hostname() {
  char name[256] = {};
  gethostname(name, sizeof(name) - 1);
  return name[0] ? name : "host";
}

void ResolveOptions(RunArgs& args) {
  RunOptions& o = args.options;
  // First: an option of another suite is a mistake in the command, whatever else is wrong.
  CheckSuiteOptions(o.suite, o.suite_options);
  for (const auto& argument : args.param_arguments) AddParamArgument(argument, o.params);
  if (o.quick) {
    if (!args.processes_given) o.processes = 2;
    o.samples = 2;
    o.warmup = 1;
    o.min_sample_ms = 1;
  }
  o.seed =
      args.seed_text.empty()
          ? static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count())
          : ParseSeedOption("--seed", args.seed_text);
  if (!args.input_seed_text.empty()) {
    o.input_seed = ParseSeedOption("--input-seed", args.input_seed_text);
  }
  if (!args.shard_text.empty()) o.shard = ParseShardSpec(args.shard_text);
}

// --shard I/N: keeps the shard's jobs, in plan order; the config records the plan's size.
void KeepShard(RunResult& run, const ShardSpec& shard) {
  ShardConfig recorded;
  recorded.index = shard.index;
  recorded.count = shard.count;
  recorded.jobs_total = run.jobs.size();
  std::erase_if(run.jobs, [&shard](const JobResult& job) {
    return ShardOfKey(ShardKey(job.spec), shard.count) != shard.index;
  });
  run.config.shard = recorded;
}

Project LoadProject(const RunArgs& args) {
  const RunOptions& o = args.options;
  Project p;
  p.paths = ResolvePaths(args.project);
  p.toolchains = LoadToolchains(p.paths.root / "toolchains");
  for (const auto& [lang, t] : p.toolchains) p.languages.push_back(lang);
  p.suite = MakeSuite(o.suite);
  CheckParams(p.suite->Parameters(), o.params, o.suite);
  for (const auto& values : ParamCombinations(p.suite->Parameters(), o.params, o.quick)) {
    if (std::string problem = p.suite->CheckParamCombination(values); !problem.empty()) {
      throw Error(fmt::format("--param: {}", problem));
    }
  }
  auto all = DiscoverWorkloads(p.paths, o.suite, p.languages, p.suite->Operations(),
                               BuiltinModes().Names());
  p.manifests =
      FilterWorkloads(all, o.languages, o.impls, p.languages, o.operations, p.suite->Operations());
  if (p.manifests.empty()) throw Error("no implementation matches the filters");
  p.processes = o.processes > 0 ? o.processes : p.suite->DefaultProcesses();
  if (!args.against.empty() && o.processes == 0) {
    // A verdict needs more processes than a table: see kDefaultNoiseThreshold.
    p.processes = std::max(p.processes, kAbDefaultProcesses);
  }
  return p;
}

// The base revision's manifests for the implementations chosen in this checkout.
std::vector<Manifest> KeepMatching(const std::vector<Manifest>& base,
                                   const std::vector<Manifest>& chosen) {
  std::vector<Manifest> out;
  for (const auto& m : base) {
    for (const auto& c : chosen) {
      if (c.name == m.name) out.push_back(m);
    }
  }
  return out;
}

// Builds both sides; false if `stop` stopped the builds.
bool BuildAll(const Project& p, const RunArgs& args, Builds& b, const StopToken& stop) {
  b.probes = ProbeLanguages(p.manifests, p.toolchains, p.paths);
  b.candidate = BuildWorkloads(p.manifests, p.toolchains, b.probes, p.paths, stop);
  if (stop.stop_requested()) return false;
  if (args.against.empty()) return true;
  b.base = CheckoutRevision(p.paths, args.against);
  fmt::print(stderr, "base   {} = {} in {}\n", b.base->rev, b.base->commit.substr(0, 12),
             b.base->paths.root.string());
  // The toolchains are this checkout's (one policy for both sides); the
  // workloads are the revision's.
  const std::string& suite = args.options.suite;
  auto base_all = DiscoverWorkloads(b.base->paths, suite, p.languages, p.suite->Operations(),
                                    BuiltinModes().Names());
  auto base_manifests = KeepMatching(base_all, p.manifests);
  b.base_built =
      BuildWorkloads(base_manifests, p.toolchains,
                     ProbeLanguages(base_manifests, p.toolchains, p.paths), b.base->paths, stop);
  return !stop.stop_requested();
}

// The run as it will be recorded, every job still "incomplete".
// `order` receives the interleaved order of processes.
RunResult PlanRun(const Project& p, const RunOptions& o, const Builds& b, const CpuPlan& cpus,
                  const CallgrindSettings& callgrind, const std::string& run_id,
                  std::vector<std::vector<std::size_t>>& order) {
  SystemInfo system = ReadSystemInfo();
  PinSelf(cpus.orchestrator);
  RunResult run;
  run.run_id = run_id;
  run.started_utc = UtcTimestamp();
  run.benchctl = DescribeBenchctl(p.paths.root);
  run.environment = RecordedEnvironment(system, cpus);
  run.toolchains = ToolchainsJson(b.candidate, p.toolchains, b.probes);
  auto add_jobs = [&](std::vector<JobSpec> specs, const std::string& label) {
    for (JobSpec& spec : specs) {
      AddChildEnvironment(spec, o, cpus, p.toolchains.at(spec.language));
      spec.build_label = label;
      if (!label.empty()) spec.id += "@" + label;
      run.jobs.push_back(JobResult{std::move(spec), {}, "incomplete", "", {}});
    }
  };
  add_jobs(PlanJobs(*p.suite, b.candidate, o, p.paths), b.base ? "candidate" : "");
  if (b.base) add_jobs(PlanJobs(*p.suite, b.base_built, o, b.base->paths), "base");
  CheckUniqueJobIds(run.jobs);
  if (o.shard) KeepShard(run, *o.shard);
  bool throughput = std::any_of(run.jobs.begin(), run.jobs.end(),
                                [](const JobResult& j) { return j.spec.bytes_per_op > 0; });
  if (throughput && !o.quick) {
    // Context for throughput: how fast one core streams memory, and its clock
    // (cycles per byte, since cycle counters cannot be read on every machine).
    // 1 GiB: larger than the last-level cache of VMs that report a huge L3.
    fmt::print(stderr, "measure memory read bandwidth and clock\n");
    run.environment.memory_read_bandwidth_bytes_per_s =
        MeasureSequentialReadBandwidth(1024 * kMiB, 3);
    run.environment.estimated_cpu_hz = EstimateCpuFrequencyHz();
  }
  order = InterleavedOrder(run.jobs.size(), p.processes, o.seed);
  std::optional<ShardConfig> shard = run.config.shard;
  run.config = RecordedConfig(o, p.processes, *p.suite, SuiteOptionsRecord(o.suite_options), order);
  run.config.shard = std::move(shard);
  if (b.base) {
    AgainstRevision against;
    against.rev = b.base->rev;
    against.commit = b.base->commit;
    run.config.against = std::move(against);
  }
  run.config.instructions = RecordedInstructions(callgrind, system);
  return run;
}

// Creates the result file with the planned run; never replaces an existing file.
std::filesystem::path ClaimResultFile(const RunResult& run, const RunOptions& o,
                                      const Paths& paths) {
  std::string text = RunResultToJson(run).dump(1);
  if (!o.out.empty()) {
    ClaimResultPath(o.out, text);
    return o.out;
  }
  std::string stamp = run.started_utc;
  std::erase(stamp, ':');
  std::erase(stamp, '-');
  std::filesystem::create_directories(paths.results);
  return ClaimDefaultResultPath(paths.results, fmt::format("{}-{}-{}", stamp, o.suite, Hostname()),
                                text);
}

// Runs every process, saving after each; the progress display on stderr.
void Execute(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
             const std::filesystem::path& out, const CpuPlan& cpus, const RunOptions& o,
             const CallgrindSettings& callgrind, const StopToken& stop) {
  ProgressDisplay progress(isatty(STDERR_FILENO) != 0,
                           static_cast<std::size_t>(std::max(run.config.processes, 0)));
  RunnerCallbacks callbacks;
  callbacks.save = [&out](const RunResult& r) {
    WriteFileAtomically(out, RunResultToJson(r).dump(1));
  };
  callbacks.progress = [&progress](const Progress& p) { progress.Update(p); };
  callbacks.counted = [&progress](const JobResult& job, const InstructionRecord& c,
                                  std::size_t done,
                                  std::size_t total) { progress.Counted(job, c, done, total); };
  ProcessExecutor executor(FindLauncher(), stop);
  RunnerSettings settings;
  settings.child_cpus = cpus.children;
  settings.timeout_seconds = o.timeout_seconds;
  settings.process_mode_warmup = 3;
  settings.callgrind = callgrind;
  settings.load_cpus = cpus.load;
  ExecuteRun(run, order, executor, settings, callbacks, stop);
  progress.Finish();
}

// Prints the tables (and the A/B verdicts) and chooses the exit status.
int Present(const RunResult& run, const std::filesystem::path& out, const Builds& b,
            const StopToken& stop) {
  fmt::print("{}", RenderRun(run, out.string()));
  fmt::print("\nresult file: {}\n", out.string());
  if (int sig = stop.signal(); sig != 0) return 128 + sig;
  if (!run.stop_reason.empty()) {
    fmt::print(stderr, "benchctl: error: the run stopped early: {}\n", run.stop_reason);
    return kExitStopped;
  }
  if (b.base) {
    // The A/B verdicts, as `benchctl compare FILE` would print them.
    CompareReport report;
    report.comparison = CompareBuilds(run);
    report.warnings = CheckBuildsComparable(run);
    report.base_source = fmt::format("{} at {}", b.base->rev, b.base->commit.substr(0, 12));
    report.candidate_source = "this checkout";
    fmt::print("\n{}", RenderCompareTable(report, UseColor("auto", isatty(STDOUT_FILENO) != 0)));
    if (HasRegression(report.comparison)) return kExitFailures;
  }
  for (const auto& job : run.jobs) {
    if (job.status != "ok") return kExitFailures;
  }
  return kExitOk;
}

}  // namespace

FinishedRun RunWith(RunArgs& args, const RunHooks& hooks) {
  ResolveOptions(args);
  const RunOptions& o = args.options;
  Project project = LoadProject(args);
  const StopToken& stop = InstallInterruptHandlers();
  // Pre-flight: everything a user can get wrong is refused before any build.
  CpuPlan cpus = PlanCpus(o.cpus, AllowedCpus(), project.suite->CpuNeedsPerJob(), o.suite);
  if (!o.out.empty()) CheckResultPathUsable(o.out);
  CallgrindSettings callgrind = FindCallgrind(o);
  RemoveStaleScratch(project.paths.build);
  std::string run_id = NewRunId();
  RunScratch scratch(project.paths.build, run_id);
  project.paths.scratch = scratch.path();
  callgrind.out_dir = scratch.path() / "callgrind";
  std::filesystem::create_directories(callgrind.out_dir);
  for (const auto& [lang, t] : project.toolchains) callgrind.language_env[lang] = t.callgrind_env;
  project.suite->Prepare(o, project.paths);
  if (hooks.prepared) hooks.prepared(*project.suite);

  Builds builds;
  if (!BuildAll(project, args, builds, stop)) {
    fmt::print(stderr, "interrupted while building: nothing was run\n");
    return {128 + stop.signal(), {}};
  }
  if (builds.base) builds.base->paths.scratch = scratch.path();
  std::vector<std::filesystem::path> binaries;
  for (const auto* side : {&builds.candidate, &builds.base_built}) {
    for (const auto& b : *side) {
      if (b.build.ok) binaries.emplace_back(b.build.binary);
    }
  }
  RecordArtifactsInUse(scratch.path(), binaries);  // `clean` keeps them while we run.
  std::vector<std::vector<std::size_t>> order;
  RunResult run = PlanRun(project, o, builds, cpus, callgrind, run_id, order);
  std::filesystem::path out = ClaimResultFile(run, o, project.paths);
  if (const auto& shard = run.config.shard) {
    fmt::print(stderr, "shard  {}/{}: {} of the plan's {} jobs{}\n", *shard->index, shard->count,
               run.jobs.size(), shard->jobs_total,
               run.jobs.empty() ? " (none: an empty result is written, which merge accepts)" : "");
  }
  fmt::print(stderr, "run    {} jobs × {} processes, seed {}, children on CPU {}, run {} → {}\n",
             run.jobs.size(), project.processes, o.seed, fmt::join(cpus.children, ","), run_id,
             out.string());
  Execute(run, order, out, cpus, o, callgrind, stop);
  return {Present(run, out, builds, stop), out};
}

namespace {

// Every suite's own options (suite_registry.h). CLI11 takes any number of values for each;
// CheckSuiteOptions (in ResolveOptions) refuses what the run's suite does not take, naming the
// suite, with the same message for a repeated option as for any other mistake.
void AddSuiteOptions(CLI::App* cmd,
                     std::map<std::string, std::vector<std::string>, std::less<>>& values) {
  for (const DeclaredOption& d : DeclaredSuiteOptions()) {
    cmd->add_option("--" + d.option.name, values[d.option.name],
                    fmt::format("{} suite: {}{}", d.suite, d.option.help,
                                d.option.repeatable ? "" : " (once)"));
  }
}

}  // namespace

void RegisterRun(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Build, run and verify a suite; write a result file");
  RunOptions& o = args->options;
  cmd->add_option("--suite", o.suite, "Suite to run (see `benchctl list`)")->required();
  cmd->add_option("--lang", o.languages, "Only these languages (repeatable)");
  cmd->add_option("--impl", o.impls, "Only these implementations, e.g. rust-serde (repeatable)");
  cmd->add_option("--op", o.operations, "Only these operations (repeatable)");
  AddSuiteOptions(cmd, o.suite_options);
  cmd->add_option("--param", args->param_arguments,
                  "A suite parameter, NAME=VALUE; NAME=V1,V2,... runs each value as its own job "
                  "(repeatable; `benchctl list` shows each suite's parameters)");
  auto* processes = cmd->add_option(
      "--processes", o.processes, "Processes per job (default: the suite's; ≥ 10 for a usable CI)");
  processes->check(CLI::Range(1, 100000));
  cmd->add_option("--samples", o.samples, "Timed samples per process")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--warmup", o.warmup, "Discarded warm-up samples per process")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--min-sample-ms", o.min_sample_ms, "Calibrate each sample to at least this")
      ->check(CLI::Range(0.001, 100000.0));
  cmd->add_option("--timeout", o.timeout_seconds, "Seconds before a child is killed")
      ->check(CLI::Range(0.1, 86400.0));
  cmd->add_option("--seed", args->seed_text,
                  "Seed of the interleaved order, 0 to 2^64-1 (default: from the clock)");
  cmd->add_option("--input-seed", args->input_seed_text,
                  "Seed of generated inputs, 0 to 2^64-1 (default 1)");
  cmd->add_option("--shard", args->shard_text,
                  "Run only shard I of N, e.g. 2/4: the jobs whose id hashes to it (for CI "
                  "matrices; `benchctl merge` joins the shards' files)");
  cmd->add_flag("--quick", o.quick, "Few processes and short samples: for tests, not for numbers");
  cmd->add_option("--instructions", o.instructions,
                  "Also count instructions per operation under valgrind's callgrind, this many "
                  "times per job after the timed processes (a noise-free regression metric)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--cpus", o.cpus, "CPUs for the children, e.g. 1 or 2-3 (default: the last)");
  cmd->add_option("--out", o.out,
                  "Result file; must not exist yet (default results/<stamp>-<suite>-<host>.json, "
                  "with -2, -3, ... if taken)");
  AddProjectOptions(cmd, args->project);
  cmd->add_option("--against", args->against,
                  "A/B: also build the workloads at this git revision (in a separate worktree) "
                  "and run both interleaved");
  cmd->callback([args, processes, &exit_code]() {
    args->processes_given = processes->count() > 0;
    args->options.command = InvocationCommand();
    exit_code = RunWith(*args, {}).exit_code;
  });
}

}  // namespace benchctl
