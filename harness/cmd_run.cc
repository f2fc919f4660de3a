// `benchctl run`: discover → build → plan → execute → record → show.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <csignal>

#include "commands.h"
#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "discovery.h"
#include "error.h"
#include "executor.h"
#include "interrupt.h"
#include "memory_bandwidth.h"
#include "noise_warnings.h"
#include "progress.h"
#include "project.h"
#include "result_file.h"
#include "revision_tree.h"
#include "run_plan.h"
#include "runner.h"
#include "scheduler.h"
#include "show.h"
#include "subprocess.h"
#include "suite.h"
#include "system_info.h"

namespace benchctl {
namespace {

struct RunArgs {
  RunOptions options;
  std::string root, workloads, build_dir, against;
  bool seed_given = false;
};

std::string Hostname() {
  char name[256] = {};
  gethostname(name, sizeof(name) - 1);
  return name[0] ? name : "host";
}

void ApplyQuick(RunOptions& o, bool processes_given) {
  if (!o.quick) return;
  if (!processes_given) o.processes = 2;
  o.samples = 2;
  o.warmup = 1;
  o.min_sample_ms = 1;
}

// The valgrind that `--instructions` runs, checked before anything is built.
CallgrindSettings FindCallgrind(const RunOptions& o, const Paths& paths) {
  CallgrindSettings s;
  s.measurements = o.instructions;
  if (o.quick) {  // Tests: a few iterations are enough to show the counts work.
    s.target_ns = 5e6;
    s.min_extra = 2;
  }
  s.out_dir = paths.build / "callgrind";
  if (o.instructions == 0) return s;
  auto valgrind = FindExecutable("valgrind");
  if (!valgrind) {
    throw Error(
        "--instructions needs valgrind (its callgrind tool counts the instructions), and it is "
        "not on PATH: install it (apt-get install valgrind; scripts/setup.sh does) or drop "
        "--instructions");
  }
  s.valgrind = valgrind->string();
  std::filesystem::create_directories(s.out_dir);
  return s;
}

// How the counts were taken; the version is the one system info read.
nlohmann::json CallgrindJson(const CallgrindSettings& s, const SystemInfo& system) {
  if (s.measurements == 0) return nullptr;
  return {{"tool", "callgrind"},
          {"valgrind", s.valgrind},
          {"valgrind_version", system.valgrind_version},
          {"measurements", s.measurements},
          {"extra_target_ns", s.target_ns},
          {"min_extra_iterations", s.min_extra},
          {"go_env", "GODEBUG=asyncpreemptoff=1"},
          {"method",
           "inprocess: (Ir with 1 + E timed iterations - Ir with 1 timed iteration) / E, where "
           "E = max(min_extra_iterations, ceil(extra_target_ns / median time per op)); process "
           "mode: Ir of the whole process"}};
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

nlohmann::json ConfigJson(const RunOptions& o, int processes, const Suite& suite,
                          const std::vector<std::vector<std::size_t>>& order) {
  return {{"suite", o.suite},
          {"languages", o.languages},
          {"impls", o.impls},
          {"operations", o.operations},
          {"shapes", o.shapes},
          {"sizes", o.sizes},
          {"inputs", o.inputs},
          {"processes", processes},
          {"samples", o.samples},
          {"warmup", o.warmup},
          {"min_sample_ms", o.min_sample_ms},
          {"timeout_seconds", o.timeout_seconds},
          {"seed", o.seed},
          {"input_seed", o.input_seed},
          {"quick", o.quick},
          {"order", order},
          {"suite_details", suite.Describe()}};
}

int Run(RunArgs& args, bool processes_given) {
  RunOptions& o = args.options;
  ApplyQuick(o, processes_given);
  if (!args.seed_given) {
    o.seed =
        static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  }
  Paths paths = FindPaths(args.root);
  if (!args.workloads.empty()) paths.workloads = std::filesystem::absolute(args.workloads);
  if (!args.build_dir.empty()) paths.build = std::filesystem::absolute(args.build_dir);
  InstallInterruptHandlers();

  auto toolchains = LoadToolchains(paths.root / "toolchains");
  std::vector<std::string> languages;
  for (const auto& [lang, t] : toolchains) languages.push_back(lang);
  std::unique_ptr<Suite> suite = MakeSuite(o.suite);
  auto all = DiscoverWorkloads(paths, o.suite, languages, suite->Operations());
  auto manifests =
      FilterWorkloads(all, o.languages, o.impls, languages, o.operations, suite->Operations());
  if (manifests.empty()) throw Error("no implementation matches the filters");
  int processes = o.processes > 0 ? o.processes : suite->DefaultProcesses();
  if (!args.against.empty() && o.processes == 0) {
    // A verdict needs more processes than a table: see kDefaultNoiseThreshold.
    processes = std::max(processes, kAbDefaultProcesses);
  }

  CpuPlan cpus = PlanCpus(o.cpus, AllowedCpus());  // Checked before any slow step.
  CallgrindSettings callgrind = FindCallgrind(o, paths);
  auto probes = ProbeLanguages(manifests, toolchains, paths);
  auto built = BuildWorkloads(manifests, toolchains, probes, paths);
  if (int sig = InterruptSignal(); sig != 0) {
    fmt::print(stderr, "interrupted while building: nothing was run\n");
    return 128 + sig;
  }
  std::optional<RevisionTree> base;
  std::vector<BuiltWorkload> base_built;
  if (!args.against.empty()) {
    base = CheckoutRevision(paths, args.against);
    fmt::print(stderr, "base   {} = {} in {}\n", base->rev, base->commit.substr(0, 12),
               base->paths.root.string());
    // The toolchains are this checkout's (one policy for both sides); the
    // workloads are the revision's.
    auto base_all = DiscoverWorkloads(base->paths, o.suite, languages, suite->Operations());
    auto base_manifests = KeepMatching(base_all, manifests);
    base_built = BuildWorkloads(base_manifests, toolchains,
                                ProbeLanguages(base_manifests, toolchains, paths), base->paths);
    if (int sig = InterruptSignal(); sig != 0) {
      fmt::print(stderr, "interrupted while building: nothing was run\n");
      return 128 + sig;
    }
  }
  suite->Prepare(o, paths);

  SystemInfo system = ReadSystemInfo();
  PinSelf(cpus.orchestrator);

  RunResult run;
  run.started_utc = UtcTimestamp();
  run.benchctl = DescribeBenchctl(paths.root);
  run.environment = {{"system", system.ToJson()},
                     {"child_cpus", cpus.children},
                     {"orchestrator_cpus", cpus.orchestrator},
                     {"orchestrator_shares_child_cpus", cpus.shared}};
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : NoiseWarnings(system)) {
    warnings.push_back({{"condition", w.condition}, {"effect", w.effect}, {"fix", w.fix}});
  }
  run.environment["noise_warnings"] = warnings;
  run.toolchains = ToolchainsJson(built, toolchains, probes);
  auto add_jobs = [&](std::vector<JobSpec> specs, const std::string& label) {
    for (JobSpec& spec : specs) {
      AddChildEnvironment(spec, o, cpus);
      spec.build_label = label;
      if (!label.empty()) spec.id += "@" + label;
      run.jobs.push_back(JobResult{std::move(spec), {}, "incomplete", "", {}});
    }
  };
  add_jobs(PlanJobs(*suite, built, o, paths), base ? "candidate" : "");
  if (base) add_jobs(PlanJobs(*suite, base_built, o, base->paths), "base");
  bool throughput = std::any_of(run.jobs.begin(), run.jobs.end(),
                                [](const JobResult& j) { return j.spec.bytes_per_op > 0; });
  if (throughput && !o.quick) {
    // Context for throughput: how fast one core streams memory, and its clock
    // (cycles per byte, since cycle counters cannot be read on every machine).
    // 1 GiB: larger than the last-level cache of VMs that report a huge L3.
    fmt::print(stderr, "measure memory read bandwidth and clock\n");
    run.environment["memory_read_bandwidth_bytes_per_s"] =
        MeasureSequentialReadBandwidth(1024 * kMiB, 3);
    run.environment["estimated_cpu_hz"] = EstimateCpuFrequencyHz();
  }
  auto order = InterleavedOrder(run.jobs.size(), processes, o.seed);
  run.config = ConfigJson(o, processes, *suite, order);
  if (base) {
    run.config["against"] = {{"rev", base->rev}, {"commit", base->commit}};
  }
  run.config["instructions"] = CallgrindJson(callgrind, system);

  std::filesystem::path out = o.out;
  if (out.empty()) {
    std::string stamp = run.started_utc;
    std::erase(stamp, ':');
    std::erase(stamp, '-');
    out = paths.results / fmt::format("{}-{}-{}.json", stamp, o.suite, Hostname());
  }
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  fmt::print(stderr, "run    {} jobs × {} processes, seed {}, children on CPU {} → {}\n",
             run.jobs.size(), processes, o.seed, fmt::join(cpus.children, ","), out.string());

  ProgressDisplay progress(isatty(STDERR_FILENO) != 0);
  RunnerCallbacks callbacks;
  callbacks.save = [&out](const RunResult& r) {
    WriteFileAtomically(out, RunResultToJson(r).dump(1));
  };
  callbacks.progress = [&progress](const Progress& p) { progress.Update(p); };
  callbacks.counted = [&progress](const JobResult& job, const InstructionRecord& c,
                                  std::size_t done,
                                  std::size_t total) { progress.Counted(job, c, done, total); };
  ProcessExecutor executor(FindLauncher());
  RunnerSettings settings{cpus.children, o.timeout_seconds, 3, callgrind};
  ExecuteRun(run, order, executor, settings, callbacks);
  run.finished_utc = UtcTimestamp();
  callbacks.save(run);
  progress.Finish();

  fmt::print("{}", RenderRun(run, out.string()));
  fmt::print("\nresult file: {}\n", out.string());
  if (int sig = InterruptSignal(); sig != 0) return 128 + sig;
  if (base) {
    // The A/B verdicts, as `benchctl compare FILE` would print them.
    CompareReport report;
    report.comparison = CompareBuilds(run);
    report.warnings = CheckBuildsComparable(run);
    report.base_source = fmt::format("{} at {}", base->rev, base->commit.substr(0, 12));
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

void RegisterRun(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Build, run and verify a suite; write a result file");
  RunOptions& o = args->options;
  cmd->add_option("--suite", o.suite, "Suite to run (see `benchctl list`)")->required();
  cmd->add_option("--lang", o.languages, "Only these languages (repeatable)");
  cmd->add_option("--impl", o.impls, "Only these implementations, e.g. rust-serde (repeatable)");
  cmd->add_option("--op", o.operations, "Only these operations (repeatable)");
  cmd->add_option("--shape", o.shapes, "json: generated input shapes (twitter, citm, canada)");
  cmd->add_option("--size", o.sizes, "json: generated input sizes, e.g. 64KB, 1MB, 50MB");
  cmd->add_option("--input", o.inputs, "json: your own JSON document (repeatable)");
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
  cmd->add_option("--seed", o.seed, "Seed of the interleaved order (default: from the clock)");
  cmd->add_option("--input-seed", o.input_seed, "Seed of generated inputs");
  cmd->add_flag("--quick", o.quick, "Few processes and short samples: for tests, not for numbers");
  cmd->add_option("--instructions", o.instructions,
                  "Also count instructions per operation under valgrind's callgrind, this many "
                  "times per job after the timed processes (a noise-free regression metric)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--cpus", o.cpus, "CPUs for the children, e.g. 1 or 2-3 (default: the last)");
  cmd->add_option("--out", o.out, "Result file (default results/<stamp>-<suite>-<host>.json)");
  cmd->add_option("--root", args->root, "The benchctl checkout (default: found from here)");
  cmd->add_option("--workloads", args->workloads, "Workloads folder (default <root>/workloads)");
  cmd->add_option("--build-dir", args->build_dir, "Build cache (default <root>/build/bench)");
  cmd->add_option("--against", args->against,
                  "A/B: also build the workloads at this git revision (in a separate worktree) "
                  "and run both interleaved");
  cmd->callback([args, processes, &exit_code]() {
    args->seed_given = args->options.seed != 0;
    exit_code = Run(*args, processes->count() > 0);
  });
}

}  // namespace benchctl
