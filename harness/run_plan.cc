#include "run_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "error.h"
#include "interrupt.h"

namespace benchctl {

std::map<std::string, ToolchainProbe> ProbeLanguages(
    const std::vector<Manifest>& manifests, const std::map<std::string, Toolchain>& toolchains,
    const Paths& paths) {
  std::map<std::string, ToolchainProbe> probes;
  for (const auto& m : manifests) {
    if (probes.contains(m.language)) continue;
    probes[m.language] = ProbeToolchain(toolchains.at(m.language), paths.root);
  }
  return probes;
}

std::vector<BuiltWorkload> BuildWorkloads(const std::vector<Manifest>& manifests,
                                          const std::map<std::string, Toolchain>& toolchains,
                                          const std::map<std::string, ToolchainProbe>& probes,
                                          const Paths& paths) {
  std::vector<BuiltWorkload> out;
  for (const auto& m : manifests) {
    if (InterruptSignal() != 0) break;  // Ctrl-C: no more builds; the caller stops.
    BuiltWorkload b{m, {}};
    const ToolchainProbe& probe = probes.at(m.language);
    std::string label = m.suite + "/" + m.name;
    if (!probe.found) {
      b.build.error = probe.problem;
    } else {
      fmt::print(stderr, "build  {:<28} ", label);
      std::fflush(stderr);
      b.build = BuildWorkload(m, toolchains.at(m.language), probe, paths);
      if (InterruptSignal() != 0) {
        fmt::print(stderr, "interrupted\n");  // Not the workload's failure.
        break;
      }
    }
    if (b.build.ok) {
      fmt::print(stderr, "{}\n",
                 b.build.cached ? "cached" : fmt::format("built in {:.1f} s", b.build.seconds));
    } else {
      if (probe.found) fmt::print(stderr, "FAILED\n");
      fmt::print(stderr, "  {}: {}\n", label, b.build.error);
    }
    out.push_back(std::move(b));
  }
  return out;
}

void CheckUniqueJobIds(const std::vector<JobResult>& jobs) {
  std::set<std::string> seen;
  for (const auto& job : jobs) {
    if (!seen.insert(job.spec.id).second) {
      throw Error(fmt::format("two jobs would both be named `{}`: give each input a distinct name",
                              job.spec.id));
    }
  }
}

std::vector<JobSpec> PlanJobs(const Suite& suite, const std::vector<BuiltWorkload>& built,
                              const RunOptions& options, const Paths& paths) {
  std::vector<JobSpec> jobs;
  for (const auto& b : built) {
    for (JobSpec& job : suite.PlanJobs(b.manifest, b.build.binary, options, paths)) {
      // --op filters here, once for every suite.
      const auto& ops = options.operations;
      if (!ops.empty() && std::find(ops.begin(), ops.end(), job.operation) == ops.end()) continue;
      job.artifact = ArtifactJson(b.build);
      if (!b.build.ok) job.setup_failure = b.build.error;
      jobs.push_back(std::move(job));
    }
  }
  return jobs;
}

void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan& cpus,
                         const Toolchain& toolchain) {
  // Runtimes that size themselves by the machine's CPU count must match the pin.
  for (const auto& name : toolchain.cpu_count_env) {
    job.env[name] = std::to_string(cpus.children.size());
  }
  if (job.mode != "inprocess") return;
  job.env["BENCHCTL_PROTOCOL"] = "1";
  job.env["BENCHCTL_FD"] = "3";
  job.env["BENCHCTL_WARMUP"] = std::to_string(options.warmup);
  job.env["BENCHCTL_SAMPLES"] = std::to_string(options.samples);
  job.env["BENCHCTL_ITERATIONS"] = "0";
  job.env["BENCHCTL_MIN_SAMPLE_NS"] =
      std::to_string(static_cast<long long>(options.min_sample_ms * 1e6));
}

nlohmann::json ToolchainsJson(const std::vector<BuiltWorkload>& built,
                              const std::map<std::string, Toolchain>& toolchains,
                              const std::map<std::string, ToolchainProbe>& probes) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& b : built) {
    const std::string& lang = b.manifest.language;
    if (out.contains(lang)) continue;
    const Toolchain& t = toolchains.at(lang);
    const ToolchainProbe& p = probes.at(lang);
    out[lang] = {{"display_name", t.display_name},
                 {"found", p.found},
                 {"version", p.version},
                 {"expected_version", t.expected_version},
                 {"version_as_expected", p.expected_version},
                 {"paths", p.paths},
                 {"policy", t.policy},
                 {"build_argv", t.build_argv},
                 {"build_env", t.build_env}};
    if (!p.found) out[lang]["problem"] = p.problem;
  }
  return out;
}

}  // namespace benchctl
