#include "run_setup.h"

#include "cpu_topology.h"
#include "error.h"
#include "inherited_env.h"
#include "noise_warnings.h"
#include "subprocess.h"

namespace benchctl {

CallgrindSettings FindCallgrind(const RunOptions& o) {
  CallgrindSettings s;
  s.measurements = o.instructions;
  if (o.quick) {  // Tests: a few iterations are enough to show the counts work.
    s.target_ns = 5e6;
    s.min_extra = 2;
  }
  if (o.instructions == 0) return s;
  auto valgrind = FindExecutable("valgrind");
  if (!valgrind) {
    throw Error(
        "--instructions needs valgrind (its callgrind tool counts the instructions), and it is "
        "not on PATH: install it (apt-get install valgrind; scripts/setup.sh does) or drop "
        "--instructions");
  }
  s.valgrind = valgrind->string();
  return s;
}

std::optional<InstructionsConfig> RecordedInstructions(const CallgrindSettings& s,
                                                       const SystemInfo& system) {
  if (s.measurements == 0) return std::nullopt;
  InstructionsConfig c;
  c.measurements = s.measurements;
  c.valgrind_version = system.valgrind_version;
  c.extra = {{"tool", "callgrind"},
             {"valgrind", s.valgrind},
             {"extra_target_ns", s.target_ns},
             {"min_extra_iterations", s.min_extra},
             {"language_env", s.language_env},
             {"method",
              "inprocess: (Ir with 1 + E timed iterations - Ir with 1 timed iteration) / E, where "
              "E = max(min_extra_iterations, ceil(extra_target_ns / median time per op)); process "
              "mode: Ir of the whole process"}};
  return c;
}

RunEnvironment RecordedEnvironment(const SystemInfo& system, const CpuPlan& cpus) {
  RunEnvironment env;
  env.system.cpu_model = system.cpu_model;
  env.system.logical_cpus = system.logical_cpus;
  env.system.kernel = system.kernel;
  env.system.extra = OtherKeys(system.ToJson(), kRecordedSystemKeys);
  env.child_cpus = cpus.children;
  env.load_generator_cpus = cpus.load;
  env.orchestrator_cpus = cpus.orchestrator;
  env.orchestrator_shares_child_cpus = cpus.shared;
  // A multi-threaded job on two logical CPUs of one core shares its caches: say which it had.
  std::vector<CpuPlace> places = ReadCpuPlaces(cpus.children);
  env.extra["child_cpu_topology"] = CpuPlacesJson(places);
  std::optional<bool> siblings = AnySmtSiblings(places);
  env.extra["child_cpus_smt_siblings"] = siblings ? nlohmann::json(*siblings) : nullptr;
  // What the children inherit from the shell that shapes their numbers (GLIBC_TUNABLES, GOGC):
  // recorded, and warned about, since no flag of the run says so.
  const auto inherited = NumberShapingEnvironment();
  env.extra["inherited_env"] = inherited;
  if (!inherited.empty()) {
    NoiseWarningRecord record;
    std::string names;
    for (const auto& [name, value] : inherited) names += (names.empty() ? "" : ", ") + name;
    record.condition = "the children inherit " + names + " from benchctl's environment";
    record.effect =
        "allocator and runtime settings change every child's time and memory (they are recorded "
        "under environment.extra.inherited_env)";
    record.fix = "unset them unless the run is meant to measure them";
    record.extra = inherited;
    env.noise_warnings.push_back(std::move(record));
  }
  for (const auto& w : NoiseWarnings(system)) {
    NoiseWarningRecord record;
    record.condition = w.condition;
    record.effect = w.effect;
    record.fix = w.fix;
    env.noise_warnings.push_back(std::move(record));
  }
  return env;
}

RunConfig RecordedConfig(const RunOptions& o, int processes, const Suite& suite,
                         const std::map<std::string, std::vector<std::string>>& suite_options,
                         const std::vector<std::vector<std::size_t>>& order) {
  RunConfig c;
  c.suite = o.suite;
  c.languages = o.languages;
  c.impls = o.impls;
  c.operations = o.operations;
  c.processes = processes;
  c.samples = o.samples;
  c.warmup = o.warmup;
  c.min_sample_ms = o.min_sample_ms;
  c.timeout_seconds = o.timeout_seconds;
  c.seed = o.seed;
  c.input_seed = o.input_seed;
  c.quick = o.quick;
  c.order = order;
  c.cpus = o.cpus;
  c.command = o.command;
  c.suite_details = suite.Describe();
  for (const auto& [key, values] : suite_options) c.extra[key] = values;
  // The --param values as given; each job records the values it ran with.
  if (!o.params.empty()) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, values] : o.params) params[name] = values;
    c.extra["params"] = params;
  }
  return c;
}

}  // namespace benchctl
