#include "run_setup.h"

#include "error.h"
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

nlohmann::json CallgrindJson(const CallgrindSettings& s, const SystemInfo& system) {
  if (s.measurements == 0) return nullptr;
  return {{"tool", "callgrind"},
          {"valgrind", s.valgrind},
          {"valgrind_version", system.valgrind_version},
          {"measurements", s.measurements},
          {"extra_target_ns", s.target_ns},
          {"min_extra_iterations", s.min_extra},
          {"language_env", s.language_env},
          {"method",
           "inprocess: (Ir with 1 + E timed iterations - Ir with 1 timed iteration) / E, where "
           "E = max(min_extra_iterations, ceil(extra_target_ns / median time per op)); process "
           "mode: Ir of the whole process"}};
}

nlohmann::json EnvironmentJson(const SystemInfo& system, const CpuPlan& cpus) {
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : NoiseWarnings(system)) {
    warnings.push_back({{"condition", w.condition}, {"effect", w.effect}, {"fix", w.fix}});
  }
  return {{"system", system.ToJson()},
          {"child_cpus", cpus.children},
          {"load_generator_cpus", cpus.load},
          {"orchestrator_cpus", cpus.orchestrator},
          {"orchestrator_shares_child_cpus", cpus.shared},
          {"noise_warnings", warnings}};
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

}  // namespace benchctl
