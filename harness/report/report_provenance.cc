#include "report_provenance.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "json_lookup.h"

namespace benchctl {
namespace {

using nlohmann::json;

std::string ShellWord(const std::string& word) {
  if (!word.empty() &&
      word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                             "_@%+=:,./-") == std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A free-form JSON value as one line: strings as they are, the rest as JSON.
std::string Flat(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string Cpus(const std::vector<int>& cpus) {
  return cpus.empty() ? "none" : fmt::format("{}", fmt::join(cpus, ","));
}

void AddToolchains(const RunResult& run, ReportSection& s) {
  if (!run.toolchains.is_object()) return;
  for (const auto& [lang, t] : run.toolchains.items()) {
    s.facts.push_back({lang + " version", TextAt(t, "version", "(not recorded)"), true});
    const json& argv = At(t, "build_argv");
    if (argv.is_array()) {
      std::vector<std::string> words;
      for (const auto& w : argv) words.push_back(Flat(w));
      s.facts.push_back({lang + " build command", ShellCommand(words), true});
    }
    const json& env = At(t, "build_env");
    if (env.is_object() && !env.empty()) {
      std::vector<std::string> vars;
      for (const auto& [k, v] : env.items()) vars.push_back(k + "=" + Flat(v));
      s.facts.push_back(
          {lang + " build environment", fmt::format("{}", fmt::join(vars, " ")), true});
    }
    const json& policy = At(t, "policy");
    if (policy.is_object()) {
      for (const auto& [k, v] : policy.items()) {
        s.facts.push_back({lang + " " + k, Flat(v), false});
      }
    }
  }
}

void AddInputs(const RunResult& run, ReportSection& s) {
  std::map<std::string, const InputInfo*> inputs;
  for (const auto& job : run.jobs) {
    if (job.spec.input) inputs.emplace(job.spec.input->name, &*job.spec.input);
  }
  for (const auto& [name, in] : inputs) {
    s.facts.push_back({"input " + name,
                       fmt::format("{} bytes, shape {}, seed {}, sha256 {}", in->bytes, in->shape,
                                   in->seed, in->sha256),
                       true});
  }
}

}  // namespace

std::string ShellCommand(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& word : argv) line += (line.empty() ? "" : " ") + ShellWord(word);
  return line;
}

ReportSection ProvenanceSection(const RunResult& run, const std::string& source,
                                const std::string& title) {
  ReportSection s;
  s.title = title;
  s.anchor = AnchorFor(title, 0);
  const RunEnvironment& env = run.environment;
  const RecordedSystem& sys = env.system;
  s.facts.push_back({"file", source, true});
  s.facts.push_back({"run id", run.run_id.empty() ? "(not recorded)" : run.run_id, true});
  s.facts.push_back({"started", run.started_utc.empty() ? "(not recorded)" : run.started_utc});
  s.facts.push_back({"finished", run.finished_utc.empty() ? "(not recorded)" : run.finished_utc});
  s.facts.push_back({"benchctl",
                     fmt::format("{} commit {}{}", TextAt(run.benchctl, "version", "?"),
                                 TextAt(run.benchctl, "git_commit", "(no git)"),
                                 At(run.benchctl, "git_dirty") == true ? " (dirty tree)" : ""),
                     true});
  s.facts.push_back({"reproduce", "benchctl reproduce " + ShellWord(source), true});
  const json& command = At(run.config.extra, "command");
  if (command.is_array() && !command.empty()) {
    std::vector<std::string> argv;
    for (const auto& w : command) argv.push_back(Flat(w));
    s.facts.push_back({"original command", ShellCommand(argv), true});
  }
  s.facts.push_back(
      {"machine",
       fmt::format("{}, {} logical CPUs, host {}", sys.cpu_model.value_or("(not recorded)"),
                   sys.logical_cpus.value_or(0), TextAt(sys.extra, "hostname", "(not recorded)"))});
  s.facts.push_back({"kernel", sys.kernel.value_or("(not recorded)"), true});
  std::string cpus = fmt::format("children on {}; benchctl on {}{}", Cpus(env.child_cpus),
                                 Cpus(env.orchestrator_cpus),
                                 env.orchestrator_shares_child_cpus ? " (shared)" : "");
  if (!env.load_generator_cpus.empty()) {
    cpus += "; load generator on " + Cpus(env.load_generator_cpus);
  }
  s.facts.push_back({"CPU sets", cpus});
  const RunConfig& c = run.config;
  s.facts.push_back(
      {"plan", fmt::format("suite {}, {} processes per job, {} samples after {} warm-up per "
                           "process{}",
                           c.suite.value_or("(not recorded)"), c.processes, c.samples, c.warmup,
                           c.quick ? ", --quick (not for citing)" : "")});
  s.facts.push_back(
      {"seeds", fmt::format("order {}, generated inputs {}", c.seed, c.input_seed), true});
  if (c.against) {
    s.facts.push_back(
        {"A/B base", fmt::format("{} (commit {})", c.against->rev, c.against->commit), true});
  }
  AddToolchains(run, s);
  AddInputs(run, s);
  for (const auto& w : env.noise_warnings) {
    s.notes.push_back("Noise warning: " + w.condition + " — " + w.effect);
  }
  if (env.noise_warnings.empty()) s.notes.push_back("No noise warnings were recorded.");
  return s;
}

}  // namespace benchctl
