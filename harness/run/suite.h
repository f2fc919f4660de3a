// A suite turns discovered implementations into jobs: inputs, parameters and
// the reference verification value each job must report.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cpu_sets.h"
#include "manifest.h"
#include "result_model.h"
#include "run_options.h"
#include "suite_params.h"

namespace benchctl {

// A command-line option of `benchctl run` that belongs to one suite (json's --shape). The suite
// declares it (SuiteEntry::options in suite_registry.h); generic code registers it, refuses it
// for other suites, checks its values, stores them in RunOptions::suite_options and records
// them in the result's config.
struct SuiteOption {
  std::string name;        // "shape": given as --shape; the key in RunOptions::suite_options.
  std::string config_key;  // "shapes": the result's config records the values under this key.
  std::string help;
  bool repeatable = false;  // Else giving it twice is an error.
  // "" when one value is acceptable, else what is wrong with it (the caller names the option
  // and the value). Empty function: any value; the suite checks it in Prepare.
  std::function<std::string(const std::string& value)> check;
};

// One suite (startup, json, ...). Made per run: it may prepare inputs.
class Suite {
 public:
  virtual ~Suite() = default;
  // The suite's operations (manifests may list only these).
  virtual std::vector<std::string> Operations() const = 0;
  // Metrics the suite adds to the built-in ones (results/metric.h): workload counters it
  // declares (CounterMetric), e.g. a GC's pause time. Undeclared counters stay raw records.
  virtual std::vector<MetricSpec> Metrics() const { return {}; }
  // Parameters the suite declares (`run --param`); each job's values are in
  // RunOptions::param_values when PlanJobs runs, and reach the child as BENCHCTL_PARAM_<NAME>.
  virtual std::vector<ParameterSpec> Parameters() const { return {}; }
  // "" when one combination of parameter values (name -> value) can run together, else why
  // not (spsc: items must fill whole half-rings). Checked with Parameters, before any build.
  virtual std::string CheckParamCombination(const std::map<std::string, std::string>&) const {
    return "";
  }
  // CPUs one job uses, by role (cpu_sets.h); most suites need one job CPU.
  virtual CpuNeeds CpuNeedsPerJob() const { return {}; }
  // Processes per job when --processes is not given.
  virtual int DefaultProcesses() const = 0;
  // Generates or reads inputs and computes reference values, once per run.
  // Input problems are recorded per job, not thrown, so other inputs still run.
  virtual void Prepare(const RunOptions& options, const Paths& paths) = 0;
  // The jobs for one implementation whose binary is `binary`, every operation
  // of its manifest (--op is applied by the caller).
  virtual std::vector<JobSpec> PlanJobs(const Manifest& manifest, const std::string& binary,
                                        const RunOptions& options, const Paths& paths) const = 0;
  // Suite-level facts recorded in the result's config (inputs, their hashes).
  virtual nlohmann::json Describe() const = 0;
};

// Fills the fields every suite sets the same way from a manifest.
JobSpec BaseJob(const Manifest& manifest, const std::string& operation, const std::string& binary);

}  // namespace benchctl
